/** The PostgreSQL channel every app instance listens on for discussion events. */
export const DISCUSSION_CHANNEL = "glossa_discussion";

/** A discussion event as NOTIFY delivers it: ids only. */
export interface DiscussionSignal {
  essayId: string;
  eventId: number;
}

/** The channel on which the database says a reader's notifications or session changed (triggers; payload: the user id). */
export const NOTIFICATION_CHANNEL = "glossa_notification";
