import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";

/** A message as the outbox hands it to a transport. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Sends one message, or throws with the server's reason. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** How long an SMTP conversation may take before it counts as failed and is retried later. */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * The transport SMTP_URL names (nodemailer: smtp:// upgrades with STARTTLS
 * when the server offers it, smtps:// speaks TLS from the start), or, with
 * SMTP_URL unset, one that writes each message to the terminal in full: the
 * one-command local start has no mail server, and /dev/mail lists the same
 * messages from the outbox so a local reader can click their links.
 */
export function createSendMail(url = serverEnv().SMTP_URL, from = serverEnv().MAIL_FROM): SendMail {
  if (!url) {
    return async (mail) => {
      console.log(`\n✉ Mail to ${mail.to} (no SMTP_URL: not sent; also at /dev/mail)\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    };
  }
  const transporter: Transporter = nodemailer.createTransport(url, { connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  return async (mail) => {
    await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers });
  };
}
