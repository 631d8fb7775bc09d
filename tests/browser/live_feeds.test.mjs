// Live feeds against a local server the test changes while the page runs: new versions, 304s,
// corrupt and truncated bodies, 404s and slow answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, serveApp, artifactsDir } from './harness.mjs';

const zonesV1 = JSON.parse(readFileSync(new URL('../../assets/mini-city/zones.geojson', import.meta.url), 'utf8'));

/// The app's own files plus /feeds/<name> answered from `feeds`, with ETags and per-feed faults.
function feedServer() {
  const feeds = new Map(); // name -> { body, status, delayMs }
  const log = { requests: 0, notModified: 0, conditional: 0, maxInFlight: 0 };
  let inFlight = 0;
  const onFeed = (req, res, name) => {
    const feed = feeds.get(name);
    log.requests++;
    inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, inFlight);
    const answer = () => {
      inFlight--;
      if (!feed || feed.status !== 200) return res.writeHead(feed ? feed.status : 404).end('no');
      const etag = '"' + createHash('sha1').update(feed.body).digest('hex') + '"';
      if (req.headers['if-none-match']) log.conditional++;
      if (req.headers['if-none-match'] === etag) {
        log.notModified++;
        return res.writeHead(304, { ETag: etag }).end();
      }
      res.writeHead(200, { 'Content-Type': 'application/geo+json', ETag: etag }).end(feed.body);
    };
    if (feed && feed.delayMs) setTimeout(answer, feed.delayMs); else answer();
  };
  return serveApp(onFeed).then((server) => ({ ...server, feeds, log }));
}

function zones(features) {
  return JSON.stringify({ ...zonesV1, features });
}

function zone(id, risk, lon, name = `区域 ${id}`) {
  return { type: 'Feature', id, properties: { risk, name, since: '2026-11-23' },
    geometry: { type: 'Polygon', coordinates: [[[lon, 34.74], [lon + 0.01, 34.74], [lon + 0.01, 34.75], [lon, 34.74]]] } };
}

let server;
let browser;
before(async () => {
  server = await feedServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const zonesFeed = (page) => page.evaluate(() => window.cordonState.feeds.sources.find((s) => s.source.endsWith('zones.geojson')));

test('live feeds: 304s cost nothing, a change updates the map without reload, corrupt and 404 keep the last good data', async () => {
  server.feeds.set('zones.geojson', { body: zones(zonesV1.features), status: 200 });
  const { page, problems } = await openApp(browser.context, `${server.url}/?zones=/feeds/zones.geojson&refresh=1&stale=3&lang=en`);
  await page.evaluate(() => { window.notReloaded = true; });
  let state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.zones, 3);
  assert.equal(state.feeds.changes.length, 0);

  // Unchanged: conditional requests answered 304, the feed stays current.
  await page.waitForFunction(() => window.cordonState.feeds.sources[0].unchanged >= 2, null, { timeout: 15000 });
  assert.ok(server.log.notModified >= 2, `304s from the server (${JSON.stringify(server.log)})`);
  let feed = await zonesFeed(page);
  assert.equal(feed.versions, 1);
  assert.equal(feed.stale, false);

  // A new version: two new high-risk zones, Z-001 lowered (lifted): the map follows, summarised.
  const v2 = [{ ...zonesV1.features[0], properties: { ...zonesV1.features[0].properties, risk: 'low' } },
    zonesV1.features[1], zonesV1.features[2], zone('Z-100', 'high', 113.64, '龘靐小区'), zone('Z-101', 'high', 113.66)];
  const glyphsBefore = state.labels.glyphs;
  server.feeds.set('zones.geojson', { body: zones(v2), status: 200 });
  await page.waitForFunction(() => window.cordonState.layers.zones === 5, null, { timeout: 15000 });
  state = await page.evaluate(() => window.cordonState);
  // The new name's rare characters join the font (a refreshed feed is read for them again).
  assert.ok(state.labels.glyphs >= glyphsBefore + 2, `glyphs ${glyphsBefore} -> ${state.labels.glyphs}`);
  assert.equal(state.feeds.changes.length, 1);
  const change = state.feeds.changes[0];
  assert.deepEqual([change.added, change.removed, change.changed, change.highRiskAdded, change.highRiskLifted], [2, 0, 1, 2, 1]);
  assert.equal(change.text, 'Risk zones: +2 high-risk zones, 1 lifted (2 added, 1 changed)');
  assert.ok(await page.evaluate(() => window.notReloaded === true), 'no reload');
  await page.screenshot({ path: join(artifactsDir, 'live-feeds-changed.png') });

  // A truncated update and then invalid JSON: rejected, the 5 zones stay, the error is listed.
  const failuresBefore = (await zonesFeed(page)).failures;
  server.feeds.set('zones.geojson', { body: zones(v2).slice(0, 200), status: 200 });
  await page.waitForFunction((n) => window.cordonState.feeds.sources[0].failures > n, failuresBefore, { timeout: 15000 });
  server.feeds.set('zones.geojson', { body: '{"type": "FeatureCollection", "features": [}', status: 200 });
  await page.waitForFunction((n) => window.cordonState.feeds.sources[0].failures > n + 1, failuresBefore, { timeout: 15000 });
  state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.zones, 5, 'the last good version stays on the map');
  assert.ok(state.errors >= 1, 'the rejection is an error in the problems list');
  feed = await zonesFeed(page);
  assert.ok(feed.error.length > 0, 'the feed shows its error');
  assert.equal(state.feeds.changes.length, 1, 'a rejected version is not a change');

  // 404 from now on: the data stays and turns stale after 3 s.
  server.feeds.set('zones.geojson', { body: '', status: 404 });
  // (It may already be stale from the failed updates before: wait for the 404 itself too.)
  await page.waitForFunction(() => /404/.test(window.cordonState.feeds.sources[0].error) &&
    window.cordonState.feeds.sources[0].stale === true, null, { timeout: 20000 });
  feed = await zonesFeed(page);
  assert.match(feed.error, /404/);
  assert.equal((await page.evaluate(() => window.cordonState)).layers.zones, 5);
  await page.screenshot({ path: join(artifactsDir, 'live-feeds-stale.png') });

  // Back, but slow (2.5 s per answer): one request at a time, then current again.
  server.log.maxInFlight = 0;
  server.feeds.set('zones.geojson', { body: zones(v2.slice(0, 4)), status: 200, delayMs: 2500 });
  await page.waitForFunction(() => window.cordonState.layers.zones === 4, null, { timeout: 20000 });
  await page.waitForFunction(() => window.cordonState.feeds.sources[0].stale === false, null, { timeout: 10000 });
  assert.equal(server.log.maxInFlight, 1, 'a slow feed is not asked again while its answer is on the way');
  state = await page.evaluate(() => window.cordonState);
  assert.equal(state.feeds.changes.length, 2);
  assert.equal(state.feeds.changes[1].removed, 1);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), [], 'no page errors');
  await page.close();
});

test('coverage sweeps the contraction hierarchies once they are built in the background, with the same answers', async () => {
  const mini = (name) => readFileSync(new URL(`../../assets/mini-city/${name}`, import.meta.url), 'utf8');
  for (const name of ['roads.geojson', 'teams.geojson', 'posts.geojson'])
    server.feeds.set(name, { body: mini(name), status: 200 });
  server.feeds.set('zones.geojson', { body: zones(zonesV1.features), status: 200 });
  const { page, problems } = await openApp(browser.context, `${server.url}/?roads=/feeds/roads.geojson` +
    '&teams=/feeds/teams.geojson&posts=/feeds/posts.geojson&zones=/feeds/zones.geojson&refresh=1');
  const first = (await page.evaluate(() => window.cordonState)).coverage;
  assert.ok(first, 'coverage on load');
  // Built a slice a frame after the first full frame, so the coverage on load ran Dijkstra.
  assert.equal(first.sweptModes, 0);
  await page.waitForFunction(() => window.cordonState.hierarchies.every(Boolean), null, { timeout: 30000 });
  // A new high-risk zone no task force is assigned to: coverage again, now over both hierarchies.
  server.feeds.set('zones.geojson', { body: zones([...zonesV1.features, zone('Z-100', 'high', 113.64)]), status: 200 });
  await page.waitForFunction(() => window.cordonState.layers.zones === 4 && window.cordonState.coverage.sweptModes === 2,
    null, { timeout: 15000 });
  const swept = (await page.evaluate(() => window.cordonState)).coverage;
  assert.equal(swept.highRiskWithoutTaskForce, first.highRiskWithoutTaskForce + 1, JSON.stringify({ first, swept }));
  assert.equal(swept.zonesBeyond, first.zonesBeyond);
  assert.equal(swept.postsBeyond, first.postsBeyond);
  assert.deepEqual(problems, []);
  await page.close();
});
