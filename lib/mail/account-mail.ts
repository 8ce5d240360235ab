import "server-only";
import type { MailDraft } from "./enqueue-mail";
import { mailBody } from "./layout";

/** The link that confirms an address: at sign-up (the account's own address) or for a change (the new one). */
export function emailConfirmationMail(purpose: "VERIFY" | "CHANGE", to: string, name: string, link: string, hours: number): MailDraft {
  const { text, html } = mailBody(
    `Hello ${name},`,
    purpose === "VERIFY"
      ? [
          { paragraph: "Welcome to Glossa. Confirm that this address is yours, so you can comment and we can tell you when someone replies:" },
          { action: "Confirm my email", href: link },
          { paragraph: `The link works for ${hours} hours. If you did not make an account, ignore this message: nothing is sent to this address again.` },
        ]
      : [
          { paragraph: "You asked to use this address for your Glossa account. Confirm it here and it replaces the old one:" },
          { action: "Use this address", href: link },
          { paragraph: `The link works for ${hours} hours. If you did not ask, ignore this message: the account keeps its old address.` },
        ],
    "Glossa · You receive this because this address was entered on Glossa.",
  );
  return { kind: purpose === "VERIFY" ? "email-verification" : "email-change", to, subject: purpose === "VERIFY" ? "Confirm your email for Glossa" : "Confirm your new email for Glossa", text, html };
}

/** Tells the old address that the account now uses another, and what to do if that was not its owner. */
export function emailChangedMail(to: string, name: string, newEmail: string, settingsLink: string): MailDraft {
  const { text, html } = mailBody(
    `Hello ${name},`,
    [
      { paragraph: `Your Glossa account's email address was changed from this address to ${newEmail}. Mail from Glossa now goes there.` },
      {
        paragraph:
          "If you did this, there is nothing more to do. If you did not, someone else is using your account: sign out everywhere from your settings if you still can, and tell the site's administrator.",
      },
      { action: "Open my settings", href: settingsLink },
    ],
    "Glossa · You receive this because this address belonged to a Glossa account until just now.",
  );
  return { kind: "email-changed", to, subject: "Your Glossa email address was changed", text, html };
}

/** The answer to a reader's appeal against a sanction: sent because they asked, whatever mail they chose, and even while banned. */
export function appealOutcomeMail(to: string, name: string, message: string, signInLink: string): MailDraft {
  const { text, html } = mailBody(
    `Hello ${name},`,
    [{ paragraph: message }, { action: "Sign in to Glossa", href: signInLink }],
    "Glossa · You receive this because you appealed a sanction on your account.",
  );
  return { kind: "appeal-outcome", to, subject: "Your appeal on Glossa was decided", text, html };
}
