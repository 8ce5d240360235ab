// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const createComment = browserOperation<typeof contracts.createComment>("create comment", "POST", "/api/essays/:essayId/comments");
export const deleteComment = browserOperation<typeof contracts.deleteComment>("delete comment", "DELETE", "/api/comments/:commentId");
export const editComment = browserOperation<typeof contracts.editComment>("edit comment", "PATCH", "/api/comments/:commentId");
export const getComment = browserOperation<typeof contracts.getComment>("get comment", "GET", "/api/comments/:commentId");
export const getDiscussion = browserOperation<typeof contracts.getDiscussion>("get discussion", "GET", "/api/essays/:essayId/discussion");
export const getThread = browserOperation<typeof contracts.getThread>("get thread", "GET", "/api/threads/:rootId");
export const listComments = browserOperation<typeof contracts.listComments>("list comments", "GET", "/api/essays/:essayId/comments");
export const previewMarkdown = browserOperation<typeof contracts.previewMarkdown>("preview markdown", "POST", "/api/markdown");
export const voteComment = browserOperation<typeof contracts.voteComment>("vote comment", "POST", "/api/comments/:commentId/vote");
