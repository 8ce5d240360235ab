/** The moderator and admin the end-to-end server creates, for the moderation tests. */
export const E2E_STAFF = [
  { email: "moderator@glossa.test", handle: "mira-mod", name: "Mira (moderator)", role: "moderator" as const, password: "moderator password for tests" },
  { email: "admin@glossa.test", handle: "ada-admin", name: "Ada (admin)", role: "admin" as const, password: "admin password for tests" },
];

export const [MODERATOR, ADMIN] = E2E_STAFF as [(typeof E2E_STAFF)[0], (typeof E2E_STAFF)[1]];
