// A 200 MB zones feed (596,000 compound polygons) in the browser: it loads without a crash or an
// error, every feature is on the map, and the wasm heap stays within the few times the file that
// the loader's memory admission assumes (docs/SECURITY.md has the figures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, serveApp } from './harness.mjs';
import { writeBigFeed } from './big_feed.mjs';

let dir;
let feed;
let server;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cordon-big-feed-'));
  const file = join(dir, 'zones.geojson');
  feed = { file, ...writeBigFeed(file, 200e6) };
  server = await serveApp((req, res, name) => {
    if (name !== 'zones.geojson') return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/geo+json', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a 200 MB zones feed loads with bounded memory', { timeout: 600000 }, async () => {
  const started = Date.now();
  const { page, problems } = await openApp(browser.context, `${server.url}/?zones=/feeds/zones.geojson&lang=en`, 300000);
  const seconds = (Date.now() - started) / 1000;
  const state = await page.evaluate(() => window.cordonState);
  const heap = state.memory.heapBytes;
  const used = state.memory.usedBytes;
  const mb = (n) => `${(n / 1e6).toFixed(0)} MB (${(n / feed.bytes).toFixed(2)}x the file)`;
  console.log(`big feed: ${(feed.bytes / 1e6).toFixed(0)} MB, ${feed.features} zones, ready in ${seconds.toFixed(1)} s; ` +
    `wasm heap ${mb(heap)}, in use ${mb(used)}`);
  assert.deepEqual(problems, []);
  assert.equal(state.errors, 0, JSON.stringify(state.problems ?? []));
  assert.equal(state.layers.zones, feed.features, 'every zone is on the map');
  // The loader admits a feed when the memory left holds 5x its size (kLoadMemoryFactor): the peak
  // must stay within that, on top of the file itself.
  assert.ok(heap < 7 * feed.bytes, `the wasm heap (${heap} bytes) stays under 7x the file (${feed.bytes} bytes)`);
  assert.ok(used < 5 * feed.bytes, `in use (${used} bytes) under 5x the file`);
});
