/** The moderator, admin and editor the end-to-end server creates, for the moderation tests. */
export const E2E_STAFF = [
  { email: "moderator@glossa.test", handle: "mira-mod", name: "Mira (moderator)", role: "moderator" as const, password: "moderator password for tests" },
  { email: "admin@glossa.test", handle: "ada-admin", name: "Ada (admin)", role: "admin" as const, password: "admin password for tests" },
  { email: "editor@glossa.test", handle: "eli-editor", name: "Eli (editor)", role: "editor" as const, password: "editor password for tests" },
];

export const [MODERATOR, ADMIN, EDITOR] = E2E_STAFF as [(typeof E2E_STAFF)[0], (typeof E2E_STAFF)[1], (typeof E2E_STAFF)[2]];
