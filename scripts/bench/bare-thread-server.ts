import http from "node:http";
import pg from "pg";
import { threadSql } from "@/lib/comments/read-sql";
import { SESSION_OPTIONS } from "@/lib/db/client";
import { toCommentView, type CommentRow } from "@/lib/comments/view";

// The thread benchmark's yardstick: a bare Node HTTP server running the very
// SQL of GET /api/threads/[rootId] through `pg`, with the same row shaping,
// and none of Next's routing, headers or session handling.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.GLOSSA_DB_POOL_SIZE ?? 10), options: SESSION_OPTIONS });
const port = Number(process.env.PORT ?? 3299);

http
  .createServer(async (request, response) => {
    const match = /^\/threads\/(\d+)$/.exec(request.url ?? "");
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    try {
      const query = threadSql(Number(match[1]), null);
      const { rows } = await pool.query<CommentRow>(query.text, query.values as unknown[]);
      const body = JSON.stringify({ comments: rows.map((row) => toCommentView(row, null)) });
      response.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`bare thread server on ${port}`));
