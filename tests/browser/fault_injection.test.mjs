// Fault injection for live feeds: 1,000 refresh answers from a local server that picks, with a
// fixed seed, among good updates, unchanged feeds, truncated bodies, invalid JSON, the wrong feed,
// 404, 500 and slow answers. At the end the app must show exactly the last good version of every
// feed, have counted every failure, never have crashed, and its memory must not have kept growing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launch, openApp, serveApp } from './harness.mjs';

const CYCLES = 1000;
const kinds = ['zones', 'posts', 'areas'];
const base = Object.fromEntries(kinds.map((k) =>
  [k, JSON.parse(readFileSync(new URL(`../../assets/mini-city/${k}.geojson`, import.meta.url), 'utf8'))]));

/// mulberry32: a small seeded generator, so a failing run can be replayed.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/// Version n of a feed: 1 + n % 7 copies of its features with fresh ids, so every version differs.
function version(kind, n) {
  const features = [];
  for (let i = 0; i <= n % 7; i++) {
    const f = base[kind].features[i % base[kind].features.length];
    features.push({ ...f, id: `${f.id}-v${n}-${i}`, properties: { ...f.properties, parent: undefined } });
  }
  return { body: JSON.stringify({ ...base[kind], features }), count: features.length };
}

const etagOf = (body) => '"' + createHash('sha1').update(body).digest('hex') + '"';

function chaosServer(seed) {
  const next = random(seed);
  const feeds = Object.fromEntries(kinds.map((k) => [k, { n: 0, good: null, count: 0, stats: {} }]));
  const state = { answers: 0, settling: false, inFlight: 0 };
  const count = (feed, what) => { feed.stats[what] = (feed.stats[what] || 0) + 1; };
  const onFeed = (req, res, name) => {
    const kind = name.replace('.geojson', '');
    const feed = feeds[kind];
    if (!feed) return res.writeHead(404).end();
    state.inFlight++;
    const send = (status, body = '', headers = {}) => { state.inFlight--; res.writeHead(status, headers).end(body); };
    const good = () => {
      const v = version(kind, ++feed.n);
      feed.good = v.body;
      feed.count = v.count;
      count(feed, 'good');
      return () => send(200, v.body, { 'Content-Type': 'application/geo+json', ETag: etagOf(v.body) });
    };
    let answer;
    if (!feed.good) {
      answer = good(); // the first answer is good, so every feed has a version to keep
    } else if (state.settling) {
      count(feed, 'unchanged');
      answer = () => send(304, '', { ETag: etagOf(feed.good) });
    } else {
      state.answers++;
      const r = next();
      if (r < 0.22) answer = good();
      else if (r < 0.37) {
        const same = req.headers['if-none-match'] === etagOf(feed.good);
        count(feed, 'unchanged');
        answer = same ? () => send(304, '', { ETag: etagOf(feed.good) })
          : () => send(200, feed.good, { ETag: etagOf(feed.good) });
      } else if (r < 0.47) {
        count(feed, 'truncated');
        const body = version(kind, feed.n + 1000).body;
        answer = () => send(200, body.slice(0, Math.floor(body.length * next())));
      } else if (r < 0.57) {
        count(feed, 'invalid');
        answer = () => send(200, '{"type": "FeatureCollection", "features": [}');
      } else if (r < 0.67) {
        count(feed, 'wrongKind');
        const other = kinds[(kinds.indexOf(kind) + 1) % kinds.length];
        answer = () => send(200, JSON.stringify(base[other]));
      } else if (r < 0.77) {
        count(feed, 'http404');
        answer = () => send(404, 'gone');
      } else if (r < 0.87) {
        count(feed, 'http500');
        answer = () => send(500, 'oops');
      } else {
        count(feed, 'slow');
        const delay = 100 + Math.floor(next() * 400);
        const reply = good();
        answer = () => setTimeout(reply, delay);
      }
    }
    answer();
  };
  return serveApp(onFeed).then((server) => ({ ...server, feeds, state }));
}

let server;
let browser;
before(async () => {
  server = await chaosServer(20261123);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`fault injection: ${CYCLES} refresh answers of every kind; the last good version of every feed stays`, async () => {
  const query = kinds.map((k) => `${k}=/feeds/${k}.geojson`).join('&');
  const { page, problems } = await openApp(browser.context, `${server.url}/?${query}&refresh=0.05&lang=en`);
  const started = Date.now();
  const heap = () => page.evaluate(() => Module.HEAP8.length);
  let warmHeap = 0;
  while (server.state.answers < CYCLES) {
    await new Promise((r) => setTimeout(r, 500));
    if (!warmHeap && server.state.answers >= 100) warmHeap = await heap();
    assert.ok(Date.now() - started < 600000, `1000 answers within 10 minutes (${server.state.answers} so far)`);
  }
  // Settle: unchanged answers only, until every feed has answered three more times (one request
  // per feed is in flight at a time, so every answer before those has been taken).
  server.state.settling = true;
  const settledFrom = Object.fromEntries(kinds.map((k) => [k, server.feeds[k].stats.unchanged || 0]));
  while (kinds.some((k) => (server.feeds[k].stats.unchanged || 0) < settledFrom[k] + 3)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const seconds = (Date.now() - started) / 1000;
  const state = await page.evaluate(() => window.cordonState);
  const endHeap = await heap();
  const figures = {};
  for (const kind of kinds) {
    const feed = server.feeds[kind];
    const source = state.feeds.sources.find((s) => s.source === `/feeds/${kind}.geojson`);
    const bad = ['truncated', 'invalid', 'wrongKind', 'http404', 'http500'].reduce((n, k) => n + (feed.stats[k] || 0), 0);
    const good = feed.stats.good || 0; // slow answers are good ones too (counted in both)
    figures[kind] = { ...feed.stats, appVersions: source.versions, appFailures: source.failures, appUnchanged: source.unchanged };
    assert.equal(state.layers[kind], feed.count, `${kind}: the last good version (${feed.count} features) is on the map`);
    assert.equal(source.versions, good, `${kind}: every good version was taken`);
    assert.equal(source.failures, bad, `${kind}: every failure was counted`);
    assert.equal(source.error, '', `${kind}: current at the end`);
  }
  console.log(`fault injection: ${server.state.answers} answers in ${seconds.toFixed(0)} s; wasm heap ` +
    `${(warmHeap / 1048576).toFixed(0)} MB after 100 answers, ${(endHeap / 1048576).toFixed(0)} MB at the end; ` +
    JSON.stringify(figures));
  const allBad = kinds.reduce((n, k) => n + ['truncated', 'invalid', 'wrongKind', 'http404', 'http500']
    .reduce((m, w) => m + (server.feeds[k].stats[w] || 0), 0), 0);
  assert.equal(state.feeds.failureCount, allBad, 'every failure is in the failure log');
  assert.equal(state.feeds.failureLog, Math.min(allBad, 500), 'the log keeps the latest 500 texts');
  assert.ok(endHeap <= Math.max(warmHeap * 1.25, warmHeap + 16 * 1048576), 'memory did not keep growing');
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), [], 'no page errors');
  await page.close();
});
