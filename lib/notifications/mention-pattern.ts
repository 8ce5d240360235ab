/**
 * A mention: a handle as lib/auth/schemas.ts allows it (3–30 of letters,
 * digits, _ and -), after "@" at the start or after a character that cannot
 * be part of an address or a word (so "me@example.com" mentions nobody).
 * The handle is group 1. Shared by who gets notified and what gets linked.
 */
export const MENTION_PATTERN = /(?:^|[^\w@./-])@([a-zA-Z0-9_-]{3,30})(?![\w-])/g;
