"use client";

import { useEffect, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { LocalTime } from "@/components/ui/local-time";
import { readUserRecord } from "@/lib/moderation/contracts.browser";
import type { UserRecord } from "@/lib/moderation/read-user-record";

const DAY: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

/** An author's record in brief, read when the card opens, with the way to their full page. */
export function AuthorCard({ handle }: { handle: string }) {
  const [user, setUser] = useState<UserRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    callOperation(readUserRecord, { params: { handle } }).then(
      (answer) => live && setUser(answer.user),
      (failure: unknown) => live && setError(failure instanceof ApiError ? failure.message : "The author's record could not be read."),
    );
    return () => {
      live = false;
    };
  }, [handle]);
  if (error) return <p className="form-error">{error}</p>;
  if (!user) return <p className="inline-moderation__loading">Reading @{handle}&apos;s record…</p>;
  const lastSanction = user.sanctions[0];
  return (
    <section className="author-card" aria-label={`@${user.handle}'s record`}>
      <p className="author-card__who">
        <strong>{user.name}</strong> @{user.handle} · joined <LocalTime iso={user.joinedAt} options={DAY} />
        {user.role !== "READER" && <> · {user.role.toLowerCase()}</>}
      </p>
      <ul className="author-card__facts">
        <li>
          {user.comments.published} published, {user.comments.held} held, {user.comments.hidden} hidden
        </li>
        <li>
          {user.reportsAgainst.total} report{user.reportsAgainst.total === 1 ? "" : "s"} against them, {user.reportsAgainst.upheld} upheld
        </li>
        <li>
          {user.standing === "ACTIVE" ? "In good standing" : user.standing === "BANNED" ? "Banned" : "Suspended"}
          {user.sanctions.length > 0 && (
            <>
              {" "}
              · {user.sanctions.length} sanction{user.sanctions.length === 1 ? "" : "s"}, last: {lastSanction!.reason}
            </>
          )}
        </li>
        {user.trust && (
          <li>
            Trust level {user.trust.level}: {user.trust.label}
          </li>
        )}
        {user.notes.length > 0 && (
          <li>
            {user.notes.length} moderator note{user.notes.length === 1 ? "" : "s"}
          </li>
        )}
      </ul>
      <a href={`/moderation/users/${user.handle}`}>Full record of @{user.handle} →</a>
    </section>
  );
}
