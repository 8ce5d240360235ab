/**
 * Early warning: how heated a discussion is, from its last hour. Pure, so
 * the weights are tested alone (tests/unit/heat.test.ts); the loader is
 * lib/moderation/load-heat.ts.
 */

/** What a thread (or a passage's threads together) did in the last hour. */
export interface HeatSignals {
  /** Comments written (the reply rate, per hour). */
  comments: number;
  /** Distinct authors of those comments. */
  participants: number;
  /** Reports made against them. */
  reports: number;
  /** Of them, held for review. */
  held: number;
  /** Of them, hidden (by a moderator or by reports). */
  hidden: number;
  /** Of them, held for a suspect word. */
  suspectHits: number;
}

/**
 * The weight of each signal. A busy but friendly thread (20 comments by 8
 * readers in an hour) scores 20 + 16 = 36; one where three of those are
 * reported, two hidden and one held for a word adds 12 + 10 + 3 + 4 = 29
 * more. Heat is about friction, so reports and hidden items weigh most,
 * and participants weigh more than comments (two readers trading 20 quick
 * replies are a conversation; 20 readers arriving at once are a pile-on).
 */
export const HEAT_WEIGHTS: Readonly<Record<keyof HeatSignals, number>> = {
  comments: 1,
  participants: 2,
  reports: 4,
  held: 3,
  hidden: 5,
  suspectHits: 4,
};

/** The heat score of an hour's signals: their weighted sum (0 for a quiet hour). */
export function heatScore(signals: HeatSignals): number {
  let score = 0;
  for (const key of Object.keys(HEAT_WEIGHTS) as (keyof HeatSignals)[]) score += Math.max(0, signals[key]) * HEAT_WEIGHTS[key];
  return score;
}

/** One thread's last hour, with who took part (so passages count each person once). */
export interface ThreadHeat extends Omit<HeatSignals, "participants"> {
  rootId: number;
  /** The thread's passage on the current revision, when it is on one. */
  passage: { start: number; end: number } | null;
  participantIds: readonly string[];
}

/** Threads whose passages overlap, one after the other, merged: a passage's heat is its threads'. */
export interface PassageHeat {
  start: number;
  end: number;
  rootIds: number[];
  signals: HeatSignals;
  score: number;
}

/**
 * Groups threads on passages into passages: threads whose passages overlap
 * (directly or through a third) are one passage, spanning all of them.
 * Distinct participants are counted across the passage, not summed.
 */
export function passageHeat(threads: readonly ThreadHeat[]): PassageHeat[] {
  const placed = threads.filter((thread) => thread.passage !== null).sort((a, b) => a.passage!.start - b.passage!.start);
  const groups: { start: number; end: number; threads: ThreadHeat[] }[] = [];
  for (const thread of placed) {
    const last = groups.at(-1);
    if (last && thread.passage!.start < last.end) {
      last.end = Math.max(last.end, thread.passage!.end);
      last.threads.push(thread);
    } else groups.push({ start: thread.passage!.start, end: thread.passage!.end, threads: [thread] });
  }
  return groups.map((group) => {
    const sum = (key: "comments" | "reports" | "held" | "hidden" | "suspectHits") => group.threads.reduce((total, thread) => total + thread[key], 0);
    const signals: HeatSignals = {
      comments: sum("comments"),
      participants: new Set(group.threads.flatMap((thread) => thread.participantIds)).size,
      reports: sum("reports"),
      held: sum("held"),
      hidden: sum("hidden"),
      suspectHits: sum("suspectHits"),
    };
    return { start: group.start, end: group.end, rootIds: group.threads.map((thread) => thread.rootId), signals, score: heatScore(signals) };
  });
}

/** A thread's own score. */
export function threadScore(thread: ThreadHeat): number {
  return heatScore({ ...thread, participants: new Set(thread.participantIds).size });
}
