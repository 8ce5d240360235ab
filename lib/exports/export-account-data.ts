import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { publicOrigin } from "@/lib/http/public-origin";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { annotationCollectionChunks } from "./annotation-collection";
import { attachment } from "./attachment";
import { isoDay } from "./items";
import { loadExportItems } from "./load-export-items";

/**
 * Everything Glossa keeps about the viewer, as one JSON download: the
 * account (no password hash, session version, OAuth tokens or token
 * hashes: secrets, not data about them), every live highlight and comment
 * (comments with their edit history, held and hidden ones marked), votes,
 * reports they made, notification preferences and watched threads, and
 * their highlights and comments once more as a W3C AnnotationCollection.
 * Deleted highlights and comments are not included. Limited to a few an
 * hour per reader (LIMITS.accountExportsPerUser).
 */
export async function exportAccountData(viewer: Viewer, request: Request): Promise<Response> {
  await consume([{ rule: LIMITS.accountExportsPerUser, key: viewer.id }]);
  const userId = viewer.id;
  const [account, highlights, comments, votes, reports, watches, tokens, annotations] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        emailVerified: true,
        handle: true,
        name: true,
        image: true,
        role: true,
        standing: true,
        suspendedUntil: true,
        mailReplies: true,
        mailMentions: true,
        mailWatched: true,
        mailModeration: true,
        mailReports: true,
        createdAt: true,
        updatedAt: true,
        passwordHash: true,
        accounts: { select: { provider: true } },
      },
    }),
    db.highlight.findMany({
      where: { authorId: userId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        essay: { select: { slug: true } },
        revisionId: true,
        originalRevisionId: true,
        exact: true,
        prefix: true,
        suffix: true,
        start: true,
        end: true,
        status: true,
        colour: true,
        note: true,
        noteHiddenAt: true,
        noteHiddenReason: true,
        tags: true,
        visibility: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.comment.findMany({
      where: { authorId: userId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        essay: { select: { slug: true } },
        highlightId: true,
        parentId: true,
        body: true,
        status: true,
        hiddenReason: true,
        editedAt: true,
        createdAt: true,
        updatedAt: true,
        revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      },
    }),
    db.vote.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { commentId: true, createdAt: true } }),
    db.report.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, commentId: true, highlightId: true, reason: true, details: true, status: true, createdAt: true, resolvedAt: true },
    }),
    db.threadSubscription.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { rootId: true, mode: true, createdAt: true } }),
    db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
    loadExportItems(userId, {}, { allEssays: true }),
  ]);
  const origin = publicOrigin(request);
  const { passwordHash, accounts, mailReplies, mailMentions, mailWatched, mailModeration, mailReports, ...record } = account;
  const now = new Date();
  const head = {
    exportedAt: now.toISOString(),
    site: origin,
    account: { ...record, hasPassword: passwordHash !== null, signInProviders: accounts.map((linked) => linked.provider) },
    apiTokens: tokens,
    notificationPreferences: {
      email: { replies: mailReplies, mentions: mailMentions, watchedThreads: mailWatched, moderation: mailModeration, reports: mailReports },
      watchedThreads: watches,
    },
  };
  // Written part by part, item by item (see annotationCollectionChunks): a reader's every highlight twice over is too much to hold as one string.
  function* body(): Generator<string> {
    yield JSON.stringify(head).slice(0, -1);
    yield ',"highlights":';
    yield* arrayChunks(highlights, ({ essay, noteHiddenAt, ...highlight }) => ({ ...highlight, essay: essay.slug, noteHidden: noteHiddenAt !== null }));
    yield ',"comments":';
    yield* arrayChunks(comments, ({ essay, status, hiddenReason, revisions, ...comment }) => ({
      ...comment,
      essay: essay.slug,
      status: status.toLowerCase(),
      ...(status === "HIDDEN" ? { hiddenReason } : {}),
      earlierVersions: revisions,
    }));
    yield `,"votes":${JSON.stringify(votes)},"reports":${JSON.stringify(reports)},"annotations":`;
    yield* annotationCollectionChunks(annotations, origin, `${origin}/api/account/export`, `Highlights and comments of @${viewer.handle} on Glossa`);
    yield "}";
  }
  return attachment(body(), "application/json; charset=utf-8", `glossa-account-${viewer.handle}-${isoDay(now)}.json`);
}

/** A JSON array, one item per chunk. */
function* arrayChunks<T>(items: readonly T[], shape: (item: T) => unknown): Generator<string> {
  yield "[";
  for (const [index, item] of items.entries()) yield `${index ? "," : ""}${JSON.stringify(shape(item))}`;
  yield "]";
}
