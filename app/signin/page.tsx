import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviderIds } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ callbackUrl?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getViewer()) redirect(returnTo);
  return (
    <section className="auth-page">
      <h1>Sign in</h1>
      <p className="auth-page__lede">Welcome back. Sign in to highlight passages and join the discussion.</p>
      {error && <p className="form-message form-message--error">Signing in did not work. Please try again.</p>}
      <SignInForm callbackUrl={returnTo} providers={oauthProviderIds()} />
    </section>
  );
}
