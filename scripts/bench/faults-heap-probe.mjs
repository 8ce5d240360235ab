// Preloaded into the app server by bench:faults (NODE_OPTIONS=--import):
// writes the process's memory figures to GLOSSA_BENCH_MEMORY_FILE every
// 250 ms, so the benchmark can read the heap of the server it floods, not
// just its resident size. Nothing else in the app knows about it.
import { renameSync, writeFileSync } from "node:fs";

const file = process.env.GLOSSA_BENCH_MEMORY_FILE;
if (file) {
  const write = () => {
    const usage = process.memoryUsage();
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ pid: process.pid, rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, at: Date.now() }));
      renameSync(temporary, file);
    } catch {
      // The benchmark removed its folder: it is over.
    }
  };
  write();
  setInterval(write, 250).unref();
  // On SIGUSR2 (with --expose-gc): a full collection first, so the figure is what is live, not what awaits collection.
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    write();
  });
}
