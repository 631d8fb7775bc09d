// Node's JSON.parse over the same bytes, as the peer for the ingest benchmark: it only parses
// (no validation, no model), so it is the floor any JavaScript map library starts from.
// usage: node json_parse.mjs FILE [REPEATS]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const repeats = Number(process.argv[3] || 7);
const text = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);
const ms = [];
JSON.parse(text); // warm-up, not timed, as in the cordon benchmarks
for (let i = 0; i < repeats; i++) {
  const start = performance.now();
  JSON.parse(text);
  ms.push(performance.now() - start);
}
ms.sort((a, b) => a - b);
const median = ms[Math.floor(ms.length / 2)];
console.log(JSON.stringify({ file, bytes, medianMs: +median.toFixed(2), mbPerS: +(bytes / 1e3 / median).toFixed(1) }));
