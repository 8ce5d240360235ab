import http from "node:http";
import { commentViewFromRow, threadSql } from "@/lib/comments/read-sql";
import { queryArrays } from "@/lib/db/sql";

// The thread benchmark's yardstick: a bare Node HTTP server running the very
// query of GET /api/threads/[rootId] through the same `pg` read path, with
// the same row shaping, and none of Next's routing, headers or sessions.
const port = Number(process.env.PORT ?? 3299);

http
  .createServer(async (request, response) => {
    const match = /^\/threads\/(\d+)$/.exec(request.url ?? "");
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    try {
      const rows = await queryArrays(threadSql(Number(match[1]), null));
      const body = JSON.stringify({ comments: rows.map(commentViewFromRow) });
      response.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`bare thread server on ${port}`));
