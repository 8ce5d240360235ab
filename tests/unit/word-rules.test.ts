import { describe, expect, it } from "vitest";
import { findListedWords, type WordLists } from "@/lib/moderation/word-rules";

const lists: WordLists = { bannedWords: ["banned", "ass", "cunt", "cock", "tit"], suspectWords: ["idiot", "moron"], exactMatchWords: ["moron"] };

describe("banned words in disguise", () => {
  const rules = { banned: (text: string) => findListedWords(lists, text).banned, suspect: (text: string) => findListedWords(lists, text).suspect };
  it.each([
    ["plain", "this is banned here"],
    ["capitals and punctuation after", "BANNED!"],
    ["in brackets", "(banned)"],
    ["leetspeak", "b4nned"],
    ["leetspeak with symbols", "B@NN3D, surely"],
    ["leetspeak before an exclamation", "so b4nn3d!"],
    ["spaced letters", "b a n n e d"],
    ["dotted letters", "b.a.n.n.e.d"],
    ["hyphenated letters", "b-a-n-n-e-d"],
    ["punctuation inside", "ban.ned"],
    ["an asterisk inside", "ban*ned"],
    ["Cyrillic look-alikes", "bаnnеd"],
    ["mathematical look-alikes", "𝐛𝐚𝐧𝐧𝐞𝐝"],
    ["full-width letters", "ｂａｎｎｅｄ"],
    ["repeated letters", "baaaaannnnneeeeed"],
    ["a plural", "two banneds"],
    ["leet dollar signs", "what an a$$"],
    ["a stretched short word", "asssss"],
  ])("%s: %s", (_, text) => {
    expect(rules.banned(text)).not.toEqual([]);
  });

  it.each([
    ["Scunthorpe", "I grew up in Scunthorpe."],
    ["classic", "A classic essay."],
    ["assess", "Let us assess the claim, and its assessment."],
    ["cocktail", "Over a cocktail, a cockney sang."],
    ["title", "The title and its titular hero."],
    ["as", "As I said, it was as good as new."],
    ["pass and bass", "Pass the bass, and the embassy's brass."],
    ["words split by spaces", "the class is over"],
    ["hyphenated words", "a well-known, up-to-date titan; as-is"],
    ["Cyrillic text", "Это банальный текст."],
  ])("innocent %s: %s", (_, text) => {
    expect(rules.banned(text)).toEqual([]);
  });

  it("names the word as the admin listed it, in the list's order", () => {
    expect(rules.banned("c0ck and b4nned")).toEqual(["banned", "cock"]);
  });
});

describe("exact-match words", () => {
  const rules = { banned: (text: string) => findListedWords(lists, text).banned, suspect: (text: string) => findListedWords(lists, text).suspect };
  it("are matched only as written, case aside", () => {
    expect(rules.suspect("What a MORON.")).toEqual(["moron"]);
    expect(rules.suspect("What a m0r0n.")).toEqual([]);
    expect(rules.suspect("m o r o n")).toEqual([]);
    expect(rules.suspect("Oxymoron.")).toEqual([]);
  });
  it("other words of the same list still match in disguise", () => {
    expect(rules.suspect("1d10t")).toEqual(["idiot"]);
  });
});

describe("the cost of judging", () => {
  it("is paid per comment, the matchers' building once per version of the lists (a figure, not a timed assertion)", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i.toString(26).replace(/\d/g, (d) => "qrstuvwxyz"[Number(d)]!)}`);
    const big: WordLists = { bannedWords: [...lists.bannedWords, ...words], suspectWords: words.map((word) => `${word}x`), exactMatchWords: [] };
    const comment = "A considered reply about the essay's third paragraph, with a link https://example.com and some thoughts. ".repeat(10);
    const figure = (name: string, which: WordLists) => {
      let start = performance.now();
      findListedWords(which, "warm up");
      const build = performance.now() - start;
      start = performance.now();
      for (let i = 0; i < 200; i++) findListedWords(which, comment + i);
      const judge = (performance.now() - start) / 200;
      console.log(
        `word rules, ${name} (${which.bannedWords.length}+${which.suspectWords.length} words): built in ${build.toFixed(1)} ms; a ${comment.length}-character comment judged in ${(judge * 1000).toFixed(0)} µs`,
      );
    };
    figure("small lists", lists);
    figure("long lists", big);
    figure("small lists again", lists);
    expect(findListedWords(big, comment)).toEqual({ banned: [], suspect: [] });
  });
});
