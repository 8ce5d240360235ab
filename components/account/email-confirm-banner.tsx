import Link from "next/link";
import { confirmedEmailRequired } from "@/lib/auth/email-confirmation-status";
import { ResendConfirmation } from "./resend-confirmation";

/** The line under the header for a reader whose address is not confirmed: what they may not do yet, and how to fix it. */
export async function EmailConfirmBanner({ userId }: { userId: string }) {
  const { email, required } = await confirmedEmailRequired(userId);
  const until = required ? " Until then you can read and highlight privately, but not comment, vote or publish a highlight." : " Glossa emails replies only to a confirmed address.";
  return (
    <p className="standing-banner" data-testid="email-confirm-banner">
      {email ? (
        <>
          Confirm your email: open the link we sent to <strong>{email}</strong>.{until} <ResendConfirmation />
        </>
      ) : (
        <>
          Your account has no email address.{until} <Link href="/settings#email">Add one in your settings</Link>.
        </>
      )}
    </p>
  );
}
