import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { serverEnv } from "@/lib/env";
import { authenticate, type AuthenticatedUser } from "./authenticate";
import { authSecret, SESSION_MAX_AGE_SECONDS, useSecureCookies } from "./config";
import { userForOAuth } from "./oauth-user";

declare module "next-auth/jwt" {
  interface JWT {
    /** The account id. */
    uid?: string;
    /** The account's session version when this token was issued. */
    sv?: number;
  }
}

/** OAuth providers whose credentials are configured; none is required. */
function oauthProviders(): Provider[] {
  const env = serverEnv();
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

/** The names of the configured OAuth providers, for the sign-in page. */
export function oauthProviderIds(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

/** What one request's handler wants to hear about while next-auth runs. */
export interface AuthHooks {
  /** Called when an email and password were right (the route then trusts this browser for the account). */
  onPasswordSignIn?: (user: AuthenticatedUser) => void;
  /** Called when the email and password were right but the account is banned (the route then answers with the ban notice's token). */
  onBannedSignIn?: (userId: string) => void;
}

/**
 * next-auth configuration: email and password through the Credentials
 * provider, optional GitHub and Google, JWT sessions (Credentials requires
 * them) carrying only the account id and its session version. Everything
 * else about the account is read from the database on each request
 * (lib/auth/viewer.ts), so the token can never grant a stale role.
 */
export function authOptions(hooks: AuthHooks = {}): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => {
          const user = await authenticate(credentials, hooks.onBannedSignIn);
          if (user) hooks.onPasswordSignIn?.(user);
          return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ account, profile, user }) {
        if (!account || account.type === "credentials") return true;
        const linked = await userForOAuth(account, profile, user);
        if (!linked) return false;
        Object.assign(user, { id: linked.id, sessionVersion: linked.sessionVersion });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { sessionVersion?: number };
          return { uid: signedIn.id, sv: signedIn.sessionVersion ?? 0, iat: token.iat, exp: token.exp, jti: token.jti };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.uid } } as typeof session;
      },
    },
  };
}
