/**
 * Site chrome: the words a web page wraps around an article (menus, cookie
 * notices, counters, dates, advertising labels, share buttons, related-story
 * lists, copyright footers). Text copied from a news page carries them as
 * lines of their own. These rules describe chrome in general, not any one
 * site, so the importer can drop it wherever it appears.
 */

/** Why a line was judged to be chrome. */
export type ChromeKind = "menu" | "cookie" | "counter" | "date" | "advertising" | "share" | "copyright" | "promo";

// Words that, on a line of their own (or a short run of them), are navigation
// or interface labels rather than prose.
const INTERFACE_WORDS = new Set(
  `home news opinion opinions columnists columnist columns column sections section menu search subscribe subscribed
   sign in log out login logout register account profile close open more information info accept reject all
   manage settings preferences ok got it skip to main content navigation back next previous top world politics
   business culture sport sports tech technology science health travel lifestyle video videos podcasts podcast
   newsletter newsletters donate support us about contact careers terms privacy policy cookies help faq blogs blog
   latest follow share print email comments comment edition editions live today's paper the of and &`
    .split(/\s+/)
    .filter(Boolean),
);

// Lower-case snake_case tokens are icon-font ligature names (Material's
// "menu_open", "expand_more"): a copied page renders them as words.
const ICON_TOKEN = /\b[a-z]+(?:_[a-z]+)+\b/;

const COOKIE_NOTICE = /\bwe use cookies\b|\buse of cookies\b|\bcookies? (?:policy|settings|preferences|notice)\b|\baccept (?:all )?cookies\b|\bcookies (?:to|and similar)\b/i;

const COUNTER = /^(?:[\d.,]+[kKmM]?\s*)+$/;
const LABELLED_COUNTER = /^(?:[\d.,]+[kKmM]?\s+(?:comments?|shares?|likes?|views?|reads?|responses?|claps?|replies)|(?:comments?|shares?|likes?|replies)\s*\(?[\d.,]+[kKmM]?\)?)$/i;
const READING_TIME = /^\d+\s*(?:-|to)?\s*\d*\s*min(?:ute)?s?\.?\s+(?:read|listen)$/i;

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const RELATIVE_DATE = /^(?:yesterday|today|just now|moments ago|(?:an?|one|\d+)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\s+ago)$/i;
const CALENDAR_DATE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|first published)\\s*(?:on|at)?:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?),?\\s+\\d{4}(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:am|pm)?(?:\\s*[a-z]{2,4})?)?$|^\\d{4}-\\d{2}-\\d{2}(?:[ t]\\d{2}:\\d{2})?$|^\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}$`,
  "i",
);
const DATE_LABEL = /^(?:published|updated|posted|last updated|first published)\b.{0,60}\d/i;

const ADVERTISING =
  /^(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:post|content)|partner content|story continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?|article continues (?:below|after (?:this )?advertisement))$/i;

const SHARE =
  /^(?:share(?: this(?: article| story| page)?| on \w+)?|tweet|e-?mail|print|copy link|link copied|save|saved|bookmark|gift(?: this)? article|listen(?: to this article)?(?: \d+ min)?|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|flipboard|threads|bluesky|mastodon)$/i;

const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;

// An inline promotion for another story inside the body ("Read more: ...").
const PROMO = /^(?:read more|also read|read also|see also|related|recommended|read next|watch|listen|more on this story)\s*[:|»›–-]\s*\S/i;

// A heading that opens the list of other stories after the article; nothing
// after it belongs to the essay.
const TAIL_MARKER =
  /^(?:related(?: (?:stories|articles|posts|reading|content|coverage|topics))?|more (?:from|in|on|stories|articles|like this|to read)\b.{0,40}|read (?:more|next)|recommended(?: for you| reading)?|you (?:may|might) also (?:like|enjoy)|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|trending(?: now| stories)?|latest(?: news| stories| articles)?|what to read next|editors'? picks|top stories|comments?(?: \(\d+\))?|join the (?:conversation|discussion)|leave a (?:comment|reply)|topics|tags|filed under)\s*:?$/i;

const SEGMENT_SEPARATOR = /\s{2,}|\s[·•|/]\s|\s\.\s|\s-\s/;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'&\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
}

function isInterfaceRun(text: string): boolean {
  const list = words(text);
  return list.length > 0 && list.length <= 8 && list.every((word) => INTERFACE_WORDS.has(word));
}

function classifySegment(segment: string): ChromeKind | null {
  const text = segment.trim();
  if (!text) return "menu";
  if (COUNTER.test(text) || LABELLED_COUNTER.test(text)) return "counter";
  if (READING_TIME.test(text) || RELATIVE_DATE.test(text) || CALENDAR_DATE.test(text)) return "date";
  if (ADVERTISING.test(text)) return "advertising";
  if (SHARE.test(text)) return "share";
  if (isInterfaceRun(text)) return "menu";
  return null;
}

/**
 * Says whether a line of copied page text is site chrome, and what kind.
 * Returns null for anything that may be part of the article.
 */
export function classifyChrome(line: string): ChromeKind | null {
  const text = line.trim();
  if (!text) return null;
  if (COPYRIGHT.test(text)) return "copyright";
  if (text.length <= 400 && COOKIE_NOTICE.test(text)) return "cookie";
  if (PROMO.test(text) && text.length <= 200) return "promo";
  if (DATE_LABEL.test(text) && text.length <= 80) return "date";
  const whole = classifySegment(text);
  if (whole) return whole;
  if (text.length <= 80 && ICON_TOKEN.test(text) && text.split(/\s+/).length <= 6) return "menu";
  // A short line of separated labels ("3 hours ago · 6 min read", "Share  Tweet
  // Email") is chrome when every label on it is.
  if (text.length <= 160) {
    const segments = text.split(SEGMENT_SEPARATOR).filter((segment) => segment.trim());
    if (segments.length > 1) {
      const kinds = segments.map(classifySegment);
      if (kinds.every((kind) => kind !== null)) return kinds.find((kind) => kind !== "menu") ?? "menu";
    }
  }
  return null;
}

/** Whether a line opens the related-stories block that follows an article. */
export function isTailMarker(line: string): boolean {
  const text = line.trim();
  return text.length <= 60 && TAIL_MARKER.test(text);
}

/**
 * The rights holder named by a copyright line, as the essay's attribution:
 * "© 2026 Harbour Post Media Ltd. All rights reserved." → "Harbour Post Media Ltd".
 */
export function copyrightHolder(line: string): string | null {
  const holder = line
    .trim()
    .replace(COPYRIGHT, "")
    .replace(/\ball rights reserved\.?/i, "")
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, "")
    .replace(/(?:\s+\d+)+\s*$/, "")
    .replace(/^[\s,.:-]+|[\s,.:-]+$/g, "")
    .replace(/\s+/g, " ");
  return holder || null;
}
