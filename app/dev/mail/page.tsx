import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { listOutboxMail } from "@/lib/mail/list-outbox-mail";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Mail sent locally", robots: { index: false } };

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** A message's text with its links clickable: split, never parsed as HTML. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * The outbox as the local start "sent" it (no SMTP_URL: messages are only
 * written to the terminal), so a reader running Glossa on their machine can
 * open a reset link. Development only: in production this page does not exist.
 */
export default async function DevMailPage() {
  if (serverEnv().NODE_ENV === "production") notFound();
  const messages = await listOutboxMail();
  return (
    <section className="auth-page">
      <h1>Mail sent locally</h1>
      <p className="auth-page__lede">
        {serverEnv().SMTP_URL ? "SMTP_URL is set: these messages also went to the mail server." : "SMTP_URL is not set, so these messages were written to the terminal instead of being sent."} The
        newest come first.
      </p>
      {messages.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ol className="dev-mail">
          {messages.map((message) => (
            <li key={message.id} className="dev-mail__item">
              <h2>{message.subject}</h2>
              <p className="dev-mail__meta">
                To {message.to} · <LocalTime iso={message.createdAt.toISOString()} /> · {message.status.toLowerCase()}
              </p>
              <p className="dev-mail__body">
                <TextWithLinks text={message.text} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
