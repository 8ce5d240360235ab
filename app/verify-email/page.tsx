import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";

// The token in the address must not travel to any other site.
export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

type SearchParams = Promise<{ token?: string | string[] }>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <section className="auth-page">
      <h1>Confirm your email</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="auth-page__lede">One press, and Glossa knows this address is yours: you can comment, and replies can reach you by mail.</p>
          <ConfirmEmailForm token={token} />
        </>
      ) : (
        <p className="auth-page__lede">
          This page needs the link from your confirmation message. You can send a new one from <Link href="/settings">your settings</Link>.
        </p>
      )}
    </section>
  );
}
