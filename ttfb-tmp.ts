import { sampleGets } from "./scripts/bench/measure";
const base = process.env.BASE ?? "http://127.0.0.1:3311";
for (let round = 0; round < 2; round++) {
  const busy = await sampleGets(`${base}/essays/reading-with-a-pencil`, 100, 20);
  const quiet = await sampleGets(`${base}/essays/reading-with-a-pencil-quiet`, 100, 20);
  console.log(`busy ${busy.ttfbP50.toFixed(1)}/${busy.ttfbP95.toFixed(1)} total ${busy.totalP50.toFixed(1)}  quiet ${quiet.ttfbP50.toFixed(1)}/${quiet.ttfbP95.toFixed(1)} total ${quiet.totalP50.toFixed(1)}  ratio p95 ${(busy.ttfbP95 / quiet.ttfbP95).toFixed(2)} p50 ${(busy.ttfbP50 / quiet.ttfbP50).toFixed(2)}`);
}
