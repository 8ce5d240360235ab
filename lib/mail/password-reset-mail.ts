import "server-only";
import type { MailDraft } from "./enqueue-mail";
import { mailBody } from "./layout";

/** The reset link's message: the link, how long it lasts, and what to do if the reader did not ask. */
export function passwordResetMail(to: string, name: string, link: string, minutes: number): MailDraft {
  const { text, html } = mailBody(
    `Hello ${name},`,
    [
      { paragraph: "Someone (we hope you) asked to reset the password of your Glossa account. Choose a new one here:" },
      { action: "Choose a new password", href: link },
      { paragraph: `The link works once, for ${minutes} minutes. Choosing a new password signs you out everywhere else.` },
      { paragraph: "If you did not ask, ignore this message: your password stays as it is." },
    ],
    "Glossa · You receive this because a password reset was requested for this address.",
  );
  return { kind: "password-reset", to, subject: "Reset your Glossa password", text, html };
}
