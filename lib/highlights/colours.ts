/** The five highlight colours, in the order the toolbar offers them. */
export const HIGHLIGHT_COLOURS = ["yellow", "green", "blue", "pink", "purple"] as const;

export type HighlightColourName = (typeof HIGHLIGHT_COLOURS)[number];
