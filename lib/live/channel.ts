/** The PostgreSQL channel every app instance listens on for discussion events. */
export const DISCUSSION_CHANNEL = "glossa_discussion";

/** A discussion event as NOTIFY delivers it: ids only. */
export interface DiscussionSignal {
  essayId: string;
  eventId: number;
}
