// Briefing snapshots: made in the app (B, a title, Enter) and by `cordon snapshot`, opened from
// file:// with the network cut, showing the live app's figures; hostile names stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, webDir, artifactsDir } from './harness.mjs';

const cli = resolve(process.env.CORDON_CLI || '../../build/native-debug/bin/cordon');

let server;
let browser;
let work;
before(async () => {
  server = await serve();
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'cordon-snapshot-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/// Opens `file` from file:// in a fresh browser whose every non-file request is refused.
async function openOffline(file, check) {
  const { context, close } = await launch();
  try {
    const requests = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const dialogs = [];
    context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
    const { page, problems } = await openApp(context, pathToFileURL(file).href);
    await page.waitForFunction(() => window.cordonState.snapshot.briefing === true, null, { timeout: 30000 });
    await check(page);
    assert.deepEqual(requests, [], 'no network requests');
    assert.deepEqual(dialogs, [], 'no dialogs');
    assert.deepEqual(problems, [], 'no page or console errors');
    assert.deepEqual(await page.evaluate(() => window.cordonErrors || []), []);
  } finally {
    await close();
  }
}

test('B saves a snapshot of the live view; offline it shows the same KPIs, layers and isochrones', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/?now=01:00&lang=en&iso=113.70,34.79&isomode=drive`);
  await page.waitForFunction(() => window.cordonState.isochrone.polygons > 0 && window.cordonState.kpis.postsShortNow >= 0,
    null, { timeout: 30000 });
  const live = await page.evaluate(() => window.cordonState);
  await page.keyboard.press('b');
  await page.waitForTimeout(300);
  await page.keyboard.type('Night shift briefing');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.keyboard.press('Enter'),
  ]);
  assert.match(download.suggestedFilename(), /^cordon-briefing-\d{8}-\d{4}\.html$/);
  const file = join(work, 'from-app.html');
  await download.saveAs(file);
  const size = statSync(file).size;
  assert.ok(size < 8e6, `the demo city's snapshot is under 8 MB (${size} bytes)`);
  assert.equal((await page.evaluate(() => window.cordonState.snapshot)).bytes, size);
  assert.deepEqual(problems, []);
  await page.close();

  await openOffline(file, async (snap) => {
    const state = await snap.evaluate(() => window.cordonState);
    assert.equal(state.snapshot.mode, true);
    assert.deepEqual(state.layers, live.layers, 'the same layers and features');
    assert.deepEqual(state.kpis, live.kpis, 'the same KPI figures at the same time');
    assert.equal(state.errors, 0);
    assert.equal(state.isochrone.bands, live.isochrone.bands);
    assert.equal(state.isochrone.polygons, live.isochrone.polygons, 'the same isochrones');
    assert.ok(Math.abs(state.zoom - live.zoom) < 0.01, 'the same view');
    const header = await snap.evaluate(() => document.getElementById('briefing').innerText);
    assert.match(header, /Night shift briefing/);
    const stated = await snap.evaluate(() => Number(window.cordonPage.snapshot.bytes));
    assert.equal(stated, size, 'the file states its own size');
    const briefing = await snap.evaluate(() => window.cordonBriefing);
    assert.equal(briefing.kpis[2].value, String(live.kpis.postsShortNow), 'the printable summary has the figures');
    assert.ok(briefing.gaps.length > 0, 'the top gaps table has rows');
    await snap.screenshot({ path: join(artifactsDir, 'snapshot-from-app.png') });
  });
});

test('cordon snapshot: hostile names, title and note show as text and never run', async () => {
  const feeds = join(work, 'feeds');
  mkdirSync(feeds, { recursive: true });
  const payloads = ['</script><script>window.pwned = 1</script>', '"><img src=x onerror="window.pwned = 2">',
    '\u2028\'; window.pwned = 3; //', '<svg onload="window.pwned = 4">'];
  const city = new URL('../../assets/mini-city/', import.meta.url);
  for (const name of ['zones', 'posts', 'areas', 'teams', 'roads']) {
    const feed = JSON.parse(readFileSync(new URL(`${name}.geojson`, city), 'utf8'));
    feed.features.forEach((f, i) => { f.properties.name = payloads[i % payloads.length] + ` ${name} ${i}`; });
    writeFileSync(join(feeds, `${name}.geojson`), JSON.stringify(feed));
  }
  const title = 'Briefing </script><script>window.pwned = 5</script>';
  const note = '<b>bold?</b> & "quotes" </script>';
  const file = join(work, 'hostile.html');
  const out = execFileSync(cli, ['snapshot', '--feeds', feeds, '-o', file, '--app', join(webDir, 'cordon-single.html'),
    '--title', title, '--note', note, '--now', '08:30', '--lang', 'en'], { encoding: 'utf8' });
  assert.match(out, /hostile\.html: [\d.]+ MB/);
  await openOffline(file, async (page) => {
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'no payload ran');
    const state = await page.evaluate(() => window.cordonState);
    assert.equal(state.layers.zones, 3);
    assert.equal(state.kpis.now, '08:30');
    assert.equal(await page.evaluate(() => document.querySelector('#briefing h1').textContent), title);
    assert.equal(await page.evaluate(() => document.querySelector('#briefing .note').textContent), note);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, svg, #briefing b:not(.kpi b)').length), 0,
      'no element came from feed text');
    // Hovering or searching a hostile name shows it as text too.
    await page.keyboard.press('/');
    await page.keyboard.type('pwned');
    await page.waitForFunction(() => window.cordonState.search.hits > 0, null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await page.screenshot({ path: join(artifactsDir, 'snapshot-hostile.png') });
  });
});
