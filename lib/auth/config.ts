import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * Whether cookies must be Secure: in production, unless NEXTAUTH_URL says the
 * site is served over plain http. Fixed when the module loads: cookie names
 * depend on it, and a name that changed under a running server would sign
 * everyone out.
 */
export const useSecureCookies = (() => {
  const env = serverEnv();
  return env.NODE_ENV === "production" && (env.NEXTAUTH_URL ?? "https://").startsWith("https://");
})();

/** next-auth's session cookie name (it adds the __Secure- prefix on https). */
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** Sessions last 30 days; "sign out everywhere" ends them sooner. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The secret that signs session tokens (AUTH_SECRET or NEXTAUTH_SECRET). */
export function authSecret(): string {
  const env = serverEnv();
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Glossa with `npm run dev` or `npm start`, which provide one.");
  return secret;
}
