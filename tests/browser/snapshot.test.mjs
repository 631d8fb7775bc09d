// Briefing snapshots: made in the app (B, a title, Enter) and by `cordon snapshot`, opened from
// file:// with the network cut, showing the live app's figures; hostile names stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { serve, launch, openApp, webDir, artifactsDir } from './harness.mjs';
import { decodePng } from './png.mjs';

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

test('B saves a snapshot of the live view; offline it shows the same KPIs, layers, filter, time, selection, isochrones and plan', async () => {
  // A view worth keeping: roads hidden, areas faint, the night in one district, the strip
  // scrubbed to 02:00, a zone selected, isochrones and (P) the plan.
  const { page, problems } = await openApp(browser.context, `${server.url}/?now=01:00&lang=en&iso=113.70,34.79&isomode=drive` +
    '&hide=roads&opacity=areas:40&district=D-01&time=night&slot=02:00&select=zones:Z-003');
  await page.waitForFunction(() => window.cordonState.isochrone.polygons > 0 && window.cordonState.kpis.postsShortNow >= 0,
    null, { timeout: 30000 });
  await page.mouse.move(900, 400);
  await page.keyboard.press('p');
  await page.waitForFunction(() => window.cordonState.staffing.planRows > 0, null, { timeout: 30000 });
  const live = await page.evaluate(() => window.cordonState);
  assert.deepEqual(live.layerOpacity, { roads: 0, areas: 40 }, 'the view to keep: roads hidden, areas at 40%');
  assert.deepEqual(live.workspace.filter, { district: 'D-01', time: 'night' });
  assert.equal(live.selected.id, 'Z-003');
  assert.ok(live.staffing.scrubSlot >= 0);
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
    assert.deepEqual(state.layerOpacity, live.layerOpacity, 'hidden and faint layers stay so');
    assert.deepEqual(state.workspace.filter, live.workspace.filter, 'the same filter');
    assert.equal(state.staffing.scrubSlot, live.staffing.scrubSlot, 'the same scrubbed time');
    assert.deepEqual(state.selected, live.selected, 'the same selection');
    assert.equal(state.staffing.planRows, live.staffing.planRows, 'the same plan');
    assert.equal(state.workspace.tab, live.workspace.tab);
    const header = await snap.evaluate(() => document.getElementById('briefing').innerText);
    assert.match(header, /Night shift briefing/);
    const stated = await snap.evaluate(() => Number(window.cordonPage.snapshot.bytes));
    assert.equal(stated, size, 'the file states its own size');
    const briefing = await snap.evaluate(() => window.cordonBriefing);
    assert.equal(briefing.kpis[2].value, String(live.kpis.postsShortNow), 'the printable summary has the figures');
    assert.ok(briefing.gaps.length > 0, 'the top gaps table has rows');
    assert.match(briefing.filter, /Night/, 'the briefing says the table is filtered');
    assert.equal(briefing.time, live.kpis.now, 'the KPIs are for the live view\'s time');
    assert.match(header, new RegExp(`Situation as of \\d{4}-\\d\\d-\\d\\d ${live.kpis.now}`), '"as of" is the KPIs\' time');
    await snap.screenshot({ path: join(artifactsDir, 'snapshot-from-app.png') });
    await checkPrint(snap, 'snapshot-print');
  });
});

/// The print of an open briefing: the map drawn for print (A4 landscape), the figures and both
/// tables shown although the summary is closed on screen, and a PDF page holding the map's pixels.
async function checkPrint(snap, name) {
  await snap.waitForFunction(() => window.cordonPrintMap && window.cordonPrintMap.made > 0, null, { timeout: 30000 });
  assert.deepEqual(await snap.evaluate(() => [window.cordonPrintMap.width, window.cordonPrintMap.height]), [1636, 738]);
  assert.equal(await snap.evaluate(() => document.getElementById('briefing').classList.contains('open')), false,
    'the summary is closed on screen');
  // Panned, then printed (the button or Ctrl+P): the map is drawn again before the print lays out.
  const hash = () => snap.evaluate(() => {
    const c = document.getElementById('briefing-map');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4093) h = (h * 31 + d[i] + d[i + 1]) >>> 0;
    return h;
  });
  const first = await hash();
  const centre = await snap.evaluate(() => window.cordonState.centre);
  await snap.mouse.move(700, 600); // the map, clear of the legend and the briefing box
  await snap.mouse.down();
  await snap.mouse.move(520, 480, { steps: 5 });
  await snap.mouse.up();
  await snap.waitForFunction((c) => window.cordonState.centre[0] !== c[0], centre, { timeout: 10000 });
  const redrawn = await snap.evaluate(() => {
    const before = window.cordonPrintMap.made;
    window.dispatchEvent(new Event('beforeprint'));
    return window.cordonPrintMap.made - before;
  });
  assert.equal(redrawn, 1, 'the print map is drawn before the print lays out');
  assert.notEqual(await hash(), first, 'of the view as panned');
  await snap.emulateMedia({ media: 'print' });
  try {
    const shown = await snap.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
      const b = document.getElementById('briefing');
      return { map: box(document.getElementById('briefing-map')), kpis: box(b.querySelector('.kpis')),
        tables: b.querySelectorAll('.tables table').length, canvas: box(document.getElementById('canvas')) };
    });
    assert.deepEqual(shown, { map: true, kpis: true, tables: 2, canvas: false }, 'the print shows map, figures and tables');
    const png = await snap.locator('#briefing-map').screenshot();
    writeFileSync(join(artifactsDir, `${name}-map.png`), png);
    const map = decodePng(png);
    const colours = new Set();
    for (let i = 0; i < map.rgba.length; i += 4 * 97) colours.add((map.rgba[i] << 16) | (map.rgba[i + 1] << 8) | map.rgba[i + 2]);
    assert.ok(colours.size > 40, `the print map has the map's colours (${colours.size})`);
    await snap.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  } finally {
    await snap.emulateMedia({ media: null }); // not 'screen': the PDF would be printed with the screen's CSS
  }
  const pdf = await snap.pdf({ preferCSSPageSize: true });
  writeFileSync(join(artifactsDir, `${name}.pdf`), pdf);
  const text = pdf.toString('latin1');
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
  assert.ok(box && Math.abs(box[1] - 841.92) < 1 && Math.abs(box[2] - 594.96) < 1, `A4 landscape pages (${box && box[0]})`);
  const image = /\/Width 1636\s*\/Height 738[^]*?\/Filter \/FlateDecode\s*\/Length (\d+)\s*>>\s*stream\r?\n/.exec(text);
  assert.ok(image, 'the PDF holds the print map as an image');
  const start = image.index + image[0].length;
  const pixels = inflateSync(pdf.subarray(start, start + Number(image[1])));
  assert.equal(pixels.length, 1636 * 738 * 3);
  // Blank would be one colour; a map is its ground plus areas, roads, symbols and names.
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += 3) {
    const c = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const ground = Math.max(...counts.values());
  const drawn = pixels.length / 3 - ground;
  assert.ok(counts.size > 100 && drawn > pixels.length / 3 * 0.1,
    `the PDF's map has map pixels, not a blank page (${counts.size} colours, ${drawn} pixels off the ground)`);
}

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
