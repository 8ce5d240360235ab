import "server-only";

/** Whether cookies must be Secure: in production, or whenever the site is served over https. */
export const useSecureCookies = process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "https://").startsWith("https://");

/** next-auth's session cookie name (it adds the __Secure- prefix on https). */
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** Sessions last 30 days; "sign out everywhere" ends them sooner. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The secret that signs session tokens (AUTH_SECRET or NEXTAUTH_SECRET). */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Glossa with `npm run dev` or `npm start`, which provide one.");
  return secret;
}
