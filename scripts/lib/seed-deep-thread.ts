import { db } from "@/lib/db/client";
import { childPath } from "@/lib/comments/path";
import { renderMarkdown } from "@/lib/markdown/render";
import { DEEP_THREAD } from "../../tests/e2e/support/deep-thread";

/**
 * Writes one deep thread into an essay's general discussion, straight to the
 * database: through the API, the one-comment-per-5-seconds limit would make
 * a test wait a minute for it. Its author is an account of its own.
 */
export async function seedDeepThread(slug: string): Promise<void> {
  const essay = await db.essay.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const author = await db.user.create({ data: { emailVerified: new Date(), handle: "tess-threads", name: "Tess", email: "tess@glossa.test" } });
  const write = async (body: string, parent: { id: number; path: string; depth: number; rootId: number } | null) => {
    const created = await db.comment.create({
      data: { essayId: essay.id, authorId: author.id, parentId: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0, path: "", body, bodyHtml: renderMarkdown(body) },
    });
    const path = childPath(parent?.path ?? null, created.id);
    const rootId = parent?.rootId ?? created.id;
    await db.comment.update({ where: { id: created.id }, data: { path, rootId } });
    return { id: created.id, path, depth: created.depth, rootId };
  };
  const root = await write(DEEP_THREAD.root, null);
  let parent = root;
  for (let level = 1; level <= DEEP_THREAD.chain; level++) parent = await write(`Level ${level} of the argument.`, parent);
  for (let n = 1; n <= DEEP_THREAD.siblings; n++) await write(`A second thought, number ${n}.`, root);
}
