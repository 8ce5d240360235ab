import { describe, expect, it } from "vitest";
import { childPath, idsOfPath, pathSegment } from "@/lib/comments/path";
import { buildTree, countLoadedReplies, countReplies, hotScore, unloadedReplies, type CommentNode } from "@/lib/comments/tree";
import type { CommentView } from "@/lib/comments/view";

function comment(id: number, parentId: number | null, extra: Partial<CommentView> = {}): CommentView {
  return {
    id,
    parentId,
    rootId: 1,
    highlightId: null,
    depth: 0,
    state: "published",
    author: { handle: "a", name: "A" },
    html: `<p>${id}</p>`,
    source: null,
    hiddenReason: null,
    hiddenByReports: false,
    holdReasons: null,
    reviewWaitSeconds: null,
    edited: false,
    pinned: false,
    locked: false,
    upvotes: 0,
    voted: false,
    mine: false,
    replyCount: 0,
    passageQuote: null,
    createdAt: new Date(Date.UTC(2026, 10, 25, 10, 0, id)).toISOString(),
    ...extra,
  };
}

const shape = (nodes: ReturnType<typeof buildTree>): unknown => nodes.map((node) => (node.replies.length ? [node.comment.id, shape(node.replies)] : node.comment.id));

describe("materialised paths", () => {
  it("sort depth-first with siblings in order, however large the ids", () => {
    const root = childPath(null, 9);
    const paths = [childPath(root, 10), root, childPath(childPath(root, 10), 1_000_000), childPath(root, 11)];
    expect([...paths].sort()).toEqual([root, childPath(root, 10), childPath(childPath(root, 10), 1_000_000), childPath(root, 11)]);
    expect(idsOfPath(childPath(childPath(root, 10), 1_000_000))).toEqual([9, 10, 1_000_000]);
    expect(pathSegment(35)).toBe("0000000z");
  });
});

describe("building the reply tree", () => {
  it("nests replies under their parents from any order", () => {
    const flat = [comment(4, 2), comment(1, null), comment(3, 1), comment(2, 1), comment(5, 4)];
    expect(shape(buildTree(flat, "old"))).toEqual([[1, [[2, [[4, [5]]]], 3]]]);
  });

  it("makes orphaned subtrees (loaded on their own) roots", () => {
    expect(shape(buildTree([comment(7, 6), comment(8, 7)]))).toEqual([[7, [8]]]);
  });

  it("orders siblings by the chosen sort, pinned first", () => {
    const flat = [comment(1, null), comment(2, null, { upvotes: 10 }), comment(3, null), comment(4, null, { pinned: true })];
    expect(shape(buildTree(flat, "old"))).toEqual([4, 1, 2, 3]);
    expect(shape(buildTree(flat, "new"))).toEqual([4, 3, 2, 1]);
    // At a fixed moment, so the test means the same tomorrow: unvoted ties break by age, oldest first.
    expect(shape(buildTree(flat, "top", Date.parse("2026-11-25T10:00:00Z")))).toEqual([4, 2, 1, 3]);
  });

  it("counts a subtree's replies", () => {
    const [root] = buildTree([comment(1, null), comment(2, 1), comment(3, 2), comment(4, 1)]);
    expect(countReplies(root!)).toBe(3);
  });

  it("decays votes with age", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    const fresh = { upvotes: 3, createdAt: "2026-11-25T11:00:00Z" };
    const old = { upvotes: 10, createdAt: "2026-11-20T12:00:00Z" };
    expect(hotScore(fresh, now)).toBeGreaterThan(hotScore(old, now));
  });
});

describe("replies not loaded yet", () => {
  // A root with a chain 2→3→…→10 under it and two more replies (11, 12) straight under it,
  // as a discussion page first loads it: the root and its first five replies, depth-first.
  const replyCounts: Record<number, number> = { 1: 11, 2: 8, 3: 7, 4: 6, 5: 5, 6: 4 };
  const firstPage = [comment(1, null), comment(2, 1), comment(3, 2), comment(4, 3), comment(5, 4), comment(6, 5)].map((view) => ({ ...view, replyCount: replyCounts[view.id]! }));
  const byId = (nodes: CommentNode[], id: number): CommentNode | undefined => {
    for (const node of nodes) {
      if (node.comment.id === id) return node;
      const found = byId(node.replies, id);
      if (found) return found;
    }
  };

  it("are counted once, under the comment they hang from, not again at every ancestor", () => {
    const tree = buildTree(firstPage);
    expect([1, 2, 3, 4, 5, 6].map((id) => unloadedReplies(byId(tree, id)!))).toEqual([2, 0, 0, 0, 0, 4]);
  });

  it("are none once the subtree is loaded whole", () => {
    const chain = Array.from({ length: 9 }, (_, at) => comment(at + 2, at + 1));
    const whole = countLoadedReplies([comment(1, null), ...chain, comment(11, 1), comment(12, 1)]);
    expect(whole.map((view) => view.replyCount)).toEqual([11, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0]);
    const tree = buildTree(whole);
    expect(whole.map((view) => unloadedReplies(byId(tree, view.id)!))).toEqual(new Array(12).fill(0));
  });

  it("counts a root's later replies after a reply whose parent the list does not hold", () => {
    // 2 is held and not listed; its reply 3 is. 4 and 5 still count under 1.
    const counted = countLoadedReplies([comment(1, null), comment(3, 2), comment(4, 1), comment(5, 4)]);
    expect(counted.map((view) => [view.id, view.replyCount])).toEqual([
      [1, 2],
      [3, 0],
      [4, 1],
      [5, 0],
    ]);
  });

  it("counts a subtree loaded from below its root, and skips a reply whose parent it does not hold", () => {
    // The subtree under 4 (a "Continue this thread" page), and a reply to a comment this reader may not see.
    const counted = countLoadedReplies([comment(4, 3), comment(5, 4), comment(6, 5), comment(7, 4), comment(9, 8)]);
    expect(counted.map((view) => [view.id, view.replyCount])).toEqual([
      [4, 3],
      [5, 1],
      [6, 0],
      [7, 0],
      [9, 0],
    ]);
  });
});
