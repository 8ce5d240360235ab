import { sampleGets } from "./measure";

// The thread benchmark's HTTP client, in a process of its own (see
// `sampleGetsApart` in measure.ts): node scripts/bench/sample-gets.ts URL RUNS WARMUP
// prints sampleGets' figures as one line of JSON.
const [url, runs, warmup] = process.argv.slice(2);
if (!url || !runs || !warmup) throw new Error("usage: sample-gets.ts URL RUNS WARMUP");
console.log(JSON.stringify(await sampleGets(url, Number(runs), Number(warmup))));
