import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

// The token in the address must not travel to any other site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type SearchParams = Promise<{ token?: string | string[] }>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <section className="auth-page">
      <h1>Choose a new password</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="auth-page__lede">Pick a password you have not used here before. Once it is saved you are signed in.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="auth-page__lede">
          This page needs the link from your reset message. <Link href="/forgot-password">Ask for one</Link>.
        </p>
      )}
    </section>
  );
}
