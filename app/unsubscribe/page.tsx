import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeButton } from "@/components/account/unsubscribe-button";
import { unsubscribedFrom } from "@/lib/notifications/unsubscribe-mail";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer", robots: { index: false } };

type SearchParams = Promise<{ token?: string | string[] }>;

export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const named = typeof token === "string" ? readUnsubscribeToken(token) : null;
  return (
    <section className="auth-page">
      <h1>Unsubscribe</h1>
      {named && typeof token === "string" ? (
        <>
          <p className="auth-page__lede">Stop {unsubscribedFrom(named.scope)}? Nothing else changes, and you can turn it back on in your settings.</p>
          <UnsubscribeButton token={token} />
        </>
      ) : (
        <p className="auth-page__lede">
          This link is incomplete or not one Glossa made. Open it from the message again, or choose what Glossa emails you in <Link href="/settings#email-notifications">your settings</Link>.
        </p>
      )}
    </section>
  );
}
