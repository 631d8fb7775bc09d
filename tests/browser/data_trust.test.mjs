// Data trust: no update wipes good data. A file of the wrong kind (dropped, or served in a feed's
// slot), a mostly invalid version and a 404 manifest are refused with the reason in the user's
// language while the last good data stays; a real emptying gets through once it is served again;
// on the laptop a dropped file that removes most of a feed waits for the user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, openApp, serve, serveApp, artifactsDir } from './harness.mjs';

const chengduRoads = readFileSync(new URL('../../../shared/data/roads/chengdu.geojson', import.meta.url), 'utf8');
const miniZones = JSON.parse(readFileSync(new URL('../../assets/mini-city/zones.geojson', import.meta.url), 'utf8'));

/// `n` high-risk zones Z-0.. along a row; the first `broken` lack their risk (invalid).
function zones(n, broken = 0) {
  const features = [];
  for (let i = 0; i < n; i++) {
    const lon = 113.6 + i * 0.004;
    const properties = { name: `测试区 ${i}`, since: '2026-11-23' };
    if (i >= broken) properties.risk = 'high';
    features.push({ type: 'Feature', id: `Z-${i}`, properties,
      geometry: { type: 'Polygon', coordinates: [[[lon, 34.74], [lon + 0.003, 34.74], [lon + 0.003, 34.743], [lon, 34.74]]] } });
  }
  return JSON.stringify({ type: 'FeatureCollection', cordon: miniZones.cordon, features });
}

async function drop(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/geo+json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

const source = (page, suffix) =>
  page.evaluate((s) => window.cordonState.feeds.sources.find((x) => x.source.endsWith(s)), suffix);

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a roads file dropped as zones.geojson is refused as roads; the demo zones stay (zh)', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/`);
  const before = await page.evaluate(() => window.cordonState.layers.zones);
  assert.ok(before > 100, `the demo city's zones (${before})`);
  await drop(page, 'zones.geojson', chengduRoads);
  await page.waitForFunction(() => window.cordonState.feeds.failureCount > 0, null, { timeout: 30000 });
  const state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.zones, before, 'the zones on the map are kept');
  const dropped = state.feeds.sources.find((s) => s.source === 'zones.geojson');
  assert.equal(dropped.refusal, 'otherKind');
  assert.equal(dropped.hasData, false);
  assert.match(dropped.message, /^这是道路数据，不是风险区/);
  assert.equal(state.feeds.pendingUpdate, null);
  await page.screenshot({ path: join(artifactsDir, 'trust-wrong-kind-zh.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('on the laptop a dropped file that removes most zones asks first: Esc keeps, Enter applies', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/?lang=en`);
  const before = await page.evaluate(() => window.cordonState.layers.zones);
  await drop(page, 'zones.geojson', zones(3));
  await page.waitForFunction(() => window.cordonState.feeds.pendingUpdate !== null, null, { timeout: 30000 });
  let state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.zones, before, 'nothing changes while the question is open');
  assert.deepEqual([state.feeds.pendingUpdate.feed, state.feeds.pendingUpdate.added, state.feeds.pendingUpdate.removed,
    state.feeds.pendingUpdate.before], ['zones', 3, before, before]);
  await page.screenshot({ path: join(artifactsDir, 'trust-ask-shrink-en.png') });
  await page.mouse.move(640, 700); // the map under the pointer: keys go to the app
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.cordonState.feeds.pendingUpdate === null, null, { timeout: 10000 });
  state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.zones, before, 'kept');
  assert.equal(state.feeds.failureCount, 1, 'a refused update is counted');
  assert.equal((await source(page, 'zones.geojson')).refusal, 'largeShrink');

  await drop(page, 'zones.geojson', zones(3));
  await page.waitForFunction(() => window.cordonState.feeds.pendingUpdate !== null, null, { timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.cordonState.layers.zones === 3, null, { timeout: 10000 });
  assert.equal((await source(page, 'zones.geojson')).message, '');
  assert.deepEqual(problems, []);
  await page.close();
});

/// A feed server whose answers the test sets per name.
function feedServer() {
  const feeds = new Map(); // name -> { body, status }
  const onFeed = (req, res, name) => {
    const feed = feeds.get(name);
    if (!feed || feed.status !== 200) return res.writeHead(feed ? feed.status : 404).end('no');
    res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(feed.body);
  };
  return serveApp(onFeed).then((s) => ({ ...s, feeds }));
}

test('on the wall a live zones feed refuses roads and a mostly invalid version, and takes a real emptying', async () => {
  const live = await feedServer();
  try {
    live.feeds.set('zones.geojson', { status: 200, body: zones(40) });
    live.feeds.set('feeds.json', { status: 200, body: JSON.stringify({ feeds: [{ url: 'zones.geojson', feed: 'zones' }] }) });
    const { page, problems } = await openApp(browser.context,
      `${live.url}/?mode=wall&manifest=/feeds/feeds.json&refresh=1&now=23:30`);
    await page.waitForFunction(() => window.cordonState.layers.zones === 40, null, { timeout: 30000 });
    const failures = () => page.evaluate(() => window.cordonState.feeds.failureCount);

    // The Chengdu roads in the zones slot: refused as roads, named in red on the wall's strip.
    live.feeds.set('zones.geojson', { status: 200, body: chengduRoads });
    await page.waitForFunction(() => window.cordonState.feeds.failureCount > 0, null, { timeout: 30000 });
    let state = await page.evaluate(() => window.cordonState);
    assert.equal(state.layers.zones, 40);
    assert.equal(state.wall.highRiskZones, 40, 'the wall keeps counting the last good zones');
    assert.equal((await source(page, 'zones.geojson')).refusal, 'otherKind');
    assert.match(state.feeds.wallFailure, /^数据源异常：zones\.geojson（这是道路数据，不是风险区/);
    await page.screenshot({ path: join(artifactsDir, 'trust-wall-failure-zh.png') });

    // 30 of 40 valid (75%, under 90%): refused.
    let n = await failures();
    live.feeds.set('zones.geojson', { status: 200, body: zones(40, 10) });
    await page.waitForFunction((k) => window.cordonState.feeds.failureCount > k &&
      window.cordonState.feeds.sources.find((s) => s.source.endsWith('zones.geojson')).refusal === 'fewValid', n, { timeout: 30000 });
    state = await page.evaluate(() => window.cordonState);
    assert.equal(state.layers.zones, 40);
    assert.match((await source(page, 'zones.geojson')).message, /^40 个要素中仅 30 个有效/);

    // Every zone lifted: held once, taken when the same version is served again.
    live.feeds.set('zones.geojson', { status: 200, body: zones(0) });
    await page.waitForFunction(() => window.cordonState.layers.zones === undefined || window.cordonState.layers.zones === 0,
      null, { timeout: 30000 });
    state = await page.evaluate(() => window.cordonState);
    const log = state.feeds.sources.find((s) => s.source.endsWith('zones.geojson'));
    assert.equal(log.message, '');
    assert.ok(state.feeds.failureCount >= n + 2, 'the emptying was held once before it was taken');
    assert.equal(state.feeds.changes.at(-1).removed, 40);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await live.close();
  }
});

test('a manifest that answers 404 says so, in Chinese and in English', async () => {
  const live = await feedServer();
  try {
    for (const [lang, text] of [['zh', '服务器返回 HTTP 404：地址不存在'], ['en', 'the server answered HTTP 404: no such address']]) {
      const { page } = await openApp(browser.context, `${live.url}/?manifest=/feeds/missing.json&lang=${lang}`);
      await page.waitForFunction(() => window.cordonState.feeds.failureCount > 0, null, { timeout: 30000 });
      const s = await source(page, 'missing.json');
      assert.match(s.error, /404/);
      assert.equal(s.message, text);
      await page.screenshot({ path: join(artifactsDir, `trust-manifest-404-${lang}.png`) });
      await page.close();
      const wall = await openApp(browser.context, `${live.url}/?manifest=/feeds/missing.json&lang=${lang}&mode=wall`);
      await wall.page.waitForFunction(() => window.cordonState.feeds.failureCount > 0, null, { timeout: 30000 });
      const failure = await wall.page.evaluate(() => window.cordonState.feeds.wallFailure);
      assert.ok(failure.includes(text), failure);
      await wall.page.screenshot({ path: join(artifactsDir, `trust-manifest-404-wall-${lang}.png`) });
      await wall.page.close();
    }
  } finally {
    await live.close();
  }
});

test('a feed server that never answers is given up on, with the time said', async () => {
  // The server takes the request and then says nothing: without a timeout the feed would wait forever.
  const silent = await serveApp(() => {});
  try {
    const { page, problems } = await openApp(browser.context, `${silent.url}/?zones=/feeds/zones.geojson&timeout=0.5`);
    await page.waitForFunction(() => window.cordonState.feeds.failureCount > 0, null, { timeout: 30000 });
    const s = await source(page, 'zones.geojson');
    assert.match(s.error, /^timed out/);
    assert.equal(s.message, '请求超时：服务器 0.5 秒无响应');
    assert.ok(problems.every((p) => !/uncaught|abort/i.test(p)), problems.join('\n'));
    await page.close();
  } finally {
    await silent.close();
  }
});

/// WGS84 -> GCJ-02, the published approximation (as core/geo/gcj02.cpp), to make an Amap-style export.
function toGcj02([lon, lat]) {
  const a = 6378245.0, ee = 0.00669342162296594323, PI = Math.PI;
  const x = lon - 105, y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += (20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2 / 3;
  dLat += (20 * Math.sin(y * PI) + 40 * Math.sin(y / 3 * PI)) * 2 / 3;
  dLat += (160 * Math.sin(y / 12 * PI) + 320 * Math.sin(y / 30 * PI)) * 2 / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += (20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2 / 3;
  dLon += (20 * Math.sin(x * PI) + 40 * Math.sin(x / 3 * PI)) * 2 / 3;
  dLon += (150 * Math.sin(x / 12 * PI) + 300 * Math.sin(x / 30 * PI)) * 2 / 3;
  const r = lat * PI / 180, s = Math.sin(r), w = 1 - ee * s * s;
  return [lon + dLon * 180 / (a / Math.sqrt(w) * Math.cos(r) * PI),
    lat + dLat * 180 / (a * (1 - ee) / (w * Math.sqrt(w)) * PI)];
}

test('an Amap export of checkpoints is told GCJ-02 by the roads, converted, added, and saved as a mapping', async () => {
  const demoPosts = JSON.parse(readFileSync(join(demoDir, 'posts.geojson'), 'utf8'));
  for (const lang of ['zh', 'en']) {
    const { page, problems } = await openApp(browser.context, `${server.url}/?lang=${lang}&now=09:00`);
    await page.setViewportSize({ width: 1366, height: 768 }); // a department laptop
    await page.waitForFunction(() => window.cordonState.coverage !== null, null, { timeout: 60000 });
    // The district's own 20 checkpoints first (they replace the demo's: asked, then applied).
    const own = { ...demoPosts, features: demoPosts.features.slice(0, 20) };
    await drop(page, 'posts.geojson', JSON.stringify(own));
    await page.waitForFunction(() => window.cordonState.feeds.pendingUpdate !== null, null, { timeout: 30000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cordonState.layers.posts === 20, null, { timeout: 10000 });
    assert.equal((await source(page, 'demo/posts.geojson.gz')).supersededBy, 'posts.geojson',
      'the demo posts row says what replaced it');

    // An Amap export of 30 more, as a spreadsheet would have them: Chinese headers, GCJ-02.
    const kinds = { compound_gate: '小区卡口', city_entry: '入市检查站', highway_exit: '高速出口' };
    const exported = { type: 'FeatureCollection', features: demoPosts.features.slice(20, 50).map((f) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: toGcj02(f.geometry.coordinates) },
      properties: { 编号: f.id, 名称: f.properties.name, 类型: kinds[f.properties.kind] ?? '小区卡口' } })) };
    exported.features[0].properties.名称 = '饕餮路卡口'; // characters neither the UI nor the demo city has
    const glyphs = await page.evaluate(() => window.cordonState.labels.glyphs);
    await drop(page, '卡口导出.geojson', JSON.stringify(exported));
    await page.waitForFunction(() => window.cordonState.feeds.unknownFile !== null, null, { timeout: 30000 });
    assert.ok(await page.evaluate(() => window.cordonState.labels.glyphs) >= glyphs + 2,
      'the names the question shows are in the font atlas (not drawn as ?)');
    let u = await page.evaluate(() => window.cordonState.feeds.unknownFile);
    assert.equal(u.guess, 'posts');
    assert.equal(u.gcj02.evidence, 'roadOffset', JSON.stringify(u.gcj02));
    assert.ok(u.gcj02.convertedMetres < u.gcj02.asGivenMetres / 2, JSON.stringify(u.gcj02));
    assert.equal(u.fromGcj02, true, 'conversion is ticked');
    assert.equal(u.add, false, 'replacing is the default');
    await page.keyboard.press('a');
    await page.keyboard.press('m');
    await page.waitForFunction(() => window.cordonState.feeds.unknownFile?.add === true, null, { timeout: 10000 });
    await page.screenshot({ path: join(artifactsDir, `import-gcj02-add-1366-${lang}.png`) });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cordonState.layers.posts === 50, null, { timeout: 10000 });
    const s = await page.evaluate(() => window.cordonState);
    assert.equal(s.feeds.changes.at(-1).added, 30);
    assert.equal(s.feeds.changes.at(-1).removed, 0);
    const mapping = JSON.parse(s.feeds.mappingFile);
    assert.deepEqual(mapping, { feed: 'posts', id: '编号', map: { name: '名称', kind: '类型' }, from_gcj02: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

const cli = resolve(process.env.CORDON_CLI || '../../build/native-debug/bin/cordon');
const demoDir = resolve(process.env.CORDON_DEMO_DIR || '../../build/wasm-release/src/demo-city');

test('one number per figure: wall tiles, legend, panels and the CLI agree for the same data and time', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/?now=23:30&lang=en`);
  await page.waitForFunction(() => window.cordonState.coverage !== null && window.cordonState.staffing !== null &&
    window.cordonState.figures.zonesOutOfReach !== null, null, { timeout: 60000 });
  const s = await page.evaluate(() => window.cordonState);
  const f = s.figures;
  assert.equal(s.kpis.now, '23:30');
  assert.equal(s.kpis.highRiskZones, f.highRiskZones);
  assert.equal(s.kpis.zonesWithoutTaskForce, f.zonesOutOfReach, 'wall tile = coverage figure');
  assert.equal(s.coverage.highRiskWithoutTaskForce, f.zonesOutOfReach, 'coverage panel');
  assert.equal(s.kpis.postsShortNow, f.postsShortNow);
  assert.equal(s.kpis.personHoursShort.toFixed(2), f.personHoursShort.toFixed(2));
  assert.equal(s.staffing.personHoursShort.toFixed(2), f.personHoursShort.toFixed(2), 'gaps panel');
  assert.equal(s.kpis.householdsAwaiting, f.householdsAwaiting);
  assert.equal(s.staffing.zoneGaps, f.zonesBreakingRule, 'gaps panel');
  // The legend counts zone outlines over the whole day: none = no task force, short + none = the rule.
  const [held, short, none] = s.staffing.status.zones;
  assert.equal(s.staffing.status.minuteOfDay, -1);
  assert.equal(none, f.zonesWithoutTaskForce, 'legend: no task force');
  assert.equal(short + none, f.zonesBreakingRule, 'legend: breaking the rule');
  assert.equal(held + short + none, f.highRiskZones, 'legend: every high-risk zone');
  assert.ok(f.zonesBreakingRule > f.zonesWithoutTaskForce && f.zonesOutOfReach > 0, JSON.stringify(f));
  assert.deepEqual(f.asOf, {}, 'every input current');

  const fromCli = JSON.parse(execFileSync(cli, ['figures', '--json', '--now', '23:30', demoDir], { encoding: 'utf8' }));
  for (const key of ['highRiskZones', 'zonesBreakingRule', 'zonesWithoutTaskForce', 'zonesOutOfReach', 'postsShortNow',
    'householdsAwaiting'])
    assert.equal(fromCli[key], f[key], `cordon figures: ${key}`);
  assert.ok(Math.abs(fromCli.personHoursShort - f.personHoursShort) < 1e-9, 'cordon figures: personHoursShort');
  assert.deepEqual(problems, []);
  await page.close();
});

test('figures whose feeds failed are greyed with the time of their last good data', async () => {
  const live = await feedServer();
  try {
    const mini = (name) => readFileSync(new URL(`../../assets/mini-city/${name}.geojson`, import.meta.url), 'utf8');
    live.feeds.set('zones.geojson', { status: 200, body: zones(12) });
    live.feeds.set('posts.geojson', { status: 200, body: mini('posts') });
    for (const lang of ['zh', 'en']) {
      const { page, problems } = await openApp(browser.context,
        `${live.url}/?mode=wall&zones=/feeds/zones.geojson&posts=/feeds/posts.geojson&refresh=1&lang=${lang}`);
      await page.waitForFunction(() => window.cordonState.layers.zones === 12, null, { timeout: 30000 });
      assert.deepEqual(await page.evaluate(() => window.cordonState.figures.asOf), {});
      live.feeds.set('zones.geojson', { status: 500, body: '' });
      await page.waitForFunction(() => window.cordonState.figures.asOf.highRiskZones !== undefined, null, { timeout: 30000 });
      const s = await page.evaluate(() => window.cordonState);
      assert.match(s.figures.asOf.highRiskZones, /^\d\d:\d\d$/, 'as of the time the zones were last good');
      assert.equal(s.figures.highRiskZones, 12, 'the last good figure, marked');
      assert.equal(s.figures.asOf.postsShortNow, undefined, 'figures on other feeds stay current');
      assert.match(s.feeds.wallFailure, lang === 'zh' ? /服务器返回 HTTP 500/ : /HTTP 500: server error/);
      await page.screenshot({ path: join(artifactsDir, `trust-doubtful-wall-${lang}.png`) });
      assert.deepEqual(problems.filter((p) => !p.includes('500')), []);
      await page.close();
      live.feeds.set('zones.geojson', { status: 200, body: zones(12) });
    }
  } finally {
    await live.close();
  }
});
