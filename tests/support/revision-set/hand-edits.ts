/**
 * Hand-written revisions of the project's own fixtures, checked by hand:
 * what an editor of each essay might plausibly change. In a rewrite template
 * the parts in braces are kept from the old words and the rest is new, so
 * which highlighted words survive is stated here, not guessed. The edits of
 * one essay touch different sentences, so all of them apply together.
 */
export interface HandEdits {
  /** Small corrections, some on repeated words (a case, a number, an article): [words, replacement]. */
  corrections: readonly (readonly [string, string])[];
  /** Sentence rewrites: [old sentence, template]. */
  rewrites: readonly (readonly [string, string])[];
  /** A section renamed ([old heading, template]) and moved, heading and paragraphs, before the block opening `before` (null: to the end). */
  renamedSection: { heading: readonly [string, string]; before: string | null };
  /** A section rewritten: paragraphs as [old paragraph, template], and paragraphs deleted (by their opening words). */
  rewrittenSection: { rewrites: readonly (readonly [string, string])[]; deleted: readonly string[] };
}

const demoEssay: HandEdits = {
  corrections: [
    [". It needs to show", "; it needs to show"],
    ["the editors' decisions", "the editor's decisions"],
    ["the thing the margin does", "the thing a margin does"],
    ["Add a note saying why.", "Add a note to say why."],
    ["a note made today", "a note written today"],
  ],
  rewrites: [
    ["The stranger is long gone.", "{The stranger }died{ long }ago{.}"],
    [
      "Somewhere in a second-hand shop there is a copy of a famous essay whose margins are crowded with a stranger's objections, exclamation marks and small, furious question marks.",
      "{Somewhere in a second-hand shop there is a copy of a famous essay }filled{ with a stranger's objections}{.}",
    ],
    [
      "You do not have to wonder what someone was objecting to, because their pencil line runs underneath it.",
      "No one has {to wonder what someone was objecting to}: {their pencil line runs underneath it.}",
    ],
    [
      "And it needs to let the argument go somewhere, from a single mark to a reply to a thread.",
      "{And it needs to let the argument go somewhere}: {a }{mark} becomes {a reply}, and a reply {a thread.}",
    ],
    ["A margin that anyone can write in is a wall, and walls attract graffiti.", "Any{one can write }on{ a wall, and walls attract graffiti.}"],
    ["It also needs keepers.", "{It also needs }people to look after it{.}"],
    ["Select a sentence you disagree with and mark it.", "Choose{ a sentence you disagree with and mark it.}"],
    ["The point of reading closely is not to agree.", "R{eading closely is not }about agreeing{.}"],
    ["It is to know exactly where you stopped agreeing.", "{It is to know }precisely{ where you stopped agreeing.}"],
  ],
  renamedSection: { heading: ["What a good margin needs", "{What a }{margin} worth the name{ needs}"], before: null },
  rewrittenSection: {
    rewrites: [
      [
        'Most discussion on the web happens below the article, in a single column that has no idea what the article said. A comment that begins "But the third paragraph ignores..." has to quote the third paragraph to be understood, and by the time anyone reads it the article may have been corrected and the third paragraph may be the fourth.',
        "{Most discussion on the web happens below the article, in a }{column that }knows nothing of{ what the article said. A }reply to{ the third paragraph}{ has to quote }it{ to be understood, and by }then{ the article may have been corrected}{.}",
      ],
      [
        "The result is predictable. People argue with the headline, because the headline is the only part of the piece everyone can be sure the others have read. The careful reader who disagrees with one sentence on page two has nowhere to stand.",
        "{People argue with the headline, }since it{ is the }one{ part }{everyone }has{ read. The careful reader who disagrees with one sentence }{has nowhere }left {to stand.}",
      ],
    ],
    deleted: ["None of this is a failure of manners."],
  },
};

const harbourPostColumn: HandEdits = {
  corrections: [
    ["than the old boat did", "than the old boats did"],
    ["The committee has already said", "The Committee has already said"],
    ["the committee to hold", "the Committee to hold"],
    ["a single breakdown", "one breakdown"],
    ["A crossing of twenty-two minutes", "A crossing of twenty-four minutes"],
  ],
  rewrites: [
    ["Four minutes is the whole of the case for it.", "{Four minutes is the }entire{ case for it.}"],
    ["The answer is not only money, although the money is considerable.", "{The answer is not only money, }though there is a great deal of that{.}"],
    [
      "They cannot berth at the small wharves on the eastern islands, so the islands have lost their direct service.",
      "{They cannot berth at the small wharves on the eastern islands, }which{ have lost their direct service} as a result{.}",
    ],
    ["People read on them, argued on them, fell asleep on them and occasionally fell in love on them.", "{People read}{, argued}, slept{ and }sometimes{ fell in love on them.}"],
    ["Nobody asked for this.", "{Nobody asked for }any of {this.}"],
    ["Journey time came seventh, below the availability of coffee.", "{Journey time came }a distant {seventh, }behind even{ the availability of coffee.}"],
    [
      "It is being run for the convenience of the people who draw the diagrams, for whom a shorter line between two points is always an improvement, whatever happens to the people standing on it.",
      "{It is being run for the convenience of }those{ who draw the diagrams, }to{ whom a shorter line }{is always }better{, whatever happens to the people standing on it.}",
    ],
    ["It does not have to be.", "{It }need{ not}{ be.}"],
    ["Twenty-six minutes should be long enough to change its mind.", "{Twenty-six minutes }is time{ enough to change its mind.}"],
  ],
  renamedSection: { heading: ["Where We Go From Here", "{Where We Go }Next"], before: "A Timetable Built Around People" },
  rewrittenSection: {
    rewrites: [
      [
        "Imagine instead a timetable built around the questions riders actually ask. Will the boat come? Will there be another soon if I miss it? Can I get to the islands without changing twice? Every one of those questions is answered better by more boats of modest speed than by fewer boats of great speed.",
        "{Imagine instead a timetable built around the questions riders actually ask}: w{ill the boat come}, and w{ill there be another }{if I miss it? }{Every one of those questions is answered better by more boats of modest speed}{.}",
      ],
      [
        "The arithmetic is not difficult. For the price of one fast ferry the harbour could run three conventional vessels, which between them would halve the waiting time at every wharf. Halving the wait saves the average rider more than the four minutes the fast boats save on the water, and it saves them where waiting is most unpleasant: on an exposed pier in February.",
        "{The arithmetic is }simple{. For the price of one fast ferry the harbour could run three conventional vessels, }halving the wait{ at every wharf.}",
      ],
    ],
    deleted: [],
  },
};

const lanternReviewEssay: HandEdits = {
  corrections: [
    ["the council voted", "the Council voted"],
    ["kept using it, the bus", "kept using it; the bus"],
    ["the past a place", "the past that a place"],
    ["available to a city, and", "available to a city and"],
  ],
  rewrites: [
    ["The old name took considerably longer to leave.", "{The old name took }far{ longer to leave.}"],
    ["It costs a few hundred signs and a change to the postal database.", "{It costs a few hundred signs and }an afternoon's work on{ the postal database.}"],
    ["Every street name is an argument that has been won.", "{Every street name }records{ an argument that }was{ won.}"],
    [
      "The proposal passed, the signs went up, and the argument disappeared into the furniture of daily life.",
      "{The proposal passed, the signs went up, and }then it{ disappeared into the furniture of daily life.}",
    ],
    ["Renaming reopens the argument, which is exactly why it provokes such strong feelings.", "{Renaming reopens }an old quarrel{, which is }{why it provokes such strong feelings.}"],
  ],
  renamedSection: { heading: ["Names as arguments", "{Names as }a record of {arguments}"], before: null },
  rewrittenSection: {
    rewrites: [
      [
        "The old names rarely vanish. They survive in the names of shops and football clubs, in the memories of older residents and in the stubborn habits of delivery drivers. A city that renames its streets does not so much erase its past as add a second layer to it, and the two layers go on talking to each other for decades.",
        "{The old names rarely vanish}; t{hey }live on{ in }shop signs, {football clubs}{ and }{the stubborn habits of delivery drivers. A }renamed {city }{does not }{erase its past }so much as{ add a second layer to it}{.}",
      ],
      [
        "Perhaps that is the best outcome. A street with two names is a street that remembers an argument, and a city that remembers its arguments is harder to fool.",
        "{A street with two names is a street that remembers an argument, and }that is no bad thing{.}",
      ],
    ],
    deleted: [],
  },
};

/** Hand-written edits by fixture file name. */
export const HAND_EDITS: Readonly<Record<string, HandEdits>> = {
  "demo-essay.md": demoEssay,
  "harbour-post-column.txt": harbourPostColumn,
  "lantern-review-essay.html": lanternReviewEssay,
};
