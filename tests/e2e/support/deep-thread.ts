/** The deep thread the end-to-end tests read (tests/e2e/threads.spec.ts): its root's words, and how it is shaped. */
export const DEEP_THREAD = {
  root: "Where does a margin note end and an essay begin?",
  /** Replies nested one under another below the root: deeper than the nesting the essay page shows. */
  chain: 8,
  /** Further replies straight under the root, after the chain: past the first replies a page loads. */
  siblings: 2,
};
