// Importing other formats in the served page: gdal3.js fetched only when such a file is dropped,
// converted with a progress bar, mapped to a feed with a dropped mapping file (as `cordon import`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openApp, artifactsDir } from './harness.mjs';

let server;
let browser;
let work;
before(async () => {
  server = await serve();
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'cordon-import-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/// Drops files ({name, bytes as base64}) onto the page, as a person dragging them from a folder.
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map(([name, bytes]) => ({ name, base64: Buffer.from(bytes).toString('base64') })));
}

/// Answers the question a dropped file that replaces most of a feed asks (docs/feeds.md): checks
/// what it says would change, then applies it with Enter.
async function applyWhenAsked(page, feed, added) {
  await page.waitForFunction(() => window.cordonState.feeds.pendingUpdate !== null, null, { timeout: 180000 });
  const pending = await page.evaluate(() => window.cordonState.feeds.pendingUpdate);
  assert.equal(pending.feed, feed);
  assert.equal(pending.added, added);
  assert.ok(pending.removed > pending.before / 2, JSON.stringify(pending));
  await page.keyboard.press('Enter');
}

const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>导入测试东门</name><Point><coordinates>113.675,34.776</coordinates></Point></Placemark>
<Placemark><name>导入测试西门</name><Point><coordinates>113.671,34.776</coordinates></Point></Placemark>
<Placemark><name>纬五路卡口</name><Point><coordinates>113.668,34.771</coordinates></Point></Placemark>
</Document></kml>`;

test('KML, CSV and a zipped Shapefile become feeds; gdal3.js is fetched only when needed', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/?lang=en`);
  const gdalRequests = [];
  page.on('request', (r) => { if (r.url().includes('/gdal/')) gdalRequests.push(r.url()); });
  await page.evaluate(() => {
    window.progressSeen = 0;
    new MutationObserver(() => {
      if (document.querySelector('#fetch progress') && document.getElementById('fetch').style.display !== 'none') window.progressSeen++;
    }).observe(document.getElementById('fetch'), { childList: true, attributes: true, subtree: true });
  });
  const before = await page.evaluate(() => window.cordonState.layers);
  assert.ok(before.posts > 1000, 'the demo city is on the map');
  assert.deepEqual(gdalRequests, [], 'gdal3.js is not loaded up front');

  // KML with the mapping file that `cordon import --mapping` reads.
  const mapping = JSON.stringify({ feed: 'posts', map: { name: 'Name', kind: ':compound_gate' } });
  await drop(page, [['gates.kml', kml], ['gates.mapping.json', mapping]]);
  await applyWhenAsked(page, 'posts', 3);
  await page.waitForFunction(() => window.cordonState.layers.posts === 3, null, { timeout: 10000 });
  assert.ok(gdalRequests.some((u) => u.endsWith('gdal3WebAssembly.wasm')), 'gdal3.js fetched on demand');
  assert.ok(await page.evaluate(() => window.progressSeen > 0), 'a progress bar showed while converting');
  await page.keyboard.press('/');
  await page.keyboard.type("导入测试");
  await page.waitForFunction(() => window.cordonState.search.hits === 2, null, { timeout: 10000 });
  await page.keyboard.press('Escape');

  // CSV with lon/lat columns, named after its feed: no mapping needed.
  const csv = 'id,name,kind,lon,lat\nH-1,第一人民医院,hospital,113.66,34.75\nH-2,方舱医院,isolation_site,113.70,34.80\n';
  await drop(page, [['facilities.csv', csv]]);
  if (before.facilities >= 10) await applyWhenAsked(page, 'facilities', 2);
  await page.waitForFunction(() => window.cordonState.layers.facilities === 2, null, { timeout: 60000 });

  // A zipped Shapefile (made with Debian's ogr2ogr), named after its feed.
  const src = join(work, 'zones-src.geojson');
  writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: [0, 1].map((i) => ({
    type: 'Feature', properties: { id: `Z-${i}`, name: `封控区 ${i}`, risk: 'high', since: '2026-11-23' },
    geometry: { type: 'Polygon', coordinates: [[[113.6 + i / 50, 34.7], [113.61 + i / 50, 34.7], [113.61 + i / 50, 34.71], [113.6 + i / 50, 34.7]]] },
  })) }));
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', join(work, 'zones.shp'), src, '-lco', 'ENCODING=UTF-8']);
  execFileSync('zip', ['-q', '-j', join(work, 'zones.zip'), ...['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => join(work, `zones.${e}`))]);
  await drop(page, [['zones.zip', readFileSync(join(work, 'zones.zip'))]]);
  await applyWhenAsked(page, 'zones', 2);
  await page.waitForFunction(() => window.cordonState.layers.zones === 2, null, { timeout: 60000 });

  // A mapping that names a missing field: rejected, the error names the file and the field.
  const errorsBefore = await page.evaluate(() => window.cordonState.errors);
  await drop(page, [['gates.kml', kml], ['gates.mapping.json', JSON.stringify({ feed: 'posts', map: { name: 'NAME_CN' } })]]);
  await page.waitForFunction((n) => window.cordonState.errors > n, errorsBefore, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.cordonState.layers.posts), 3, 'the last good posts stay');
  await page.screenshot({ path: join(artifactsDir, 'import.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a spreadsheet with Chinese headers loads without a mapping; a file of unknown kind asks which feed it is', async () => {
  const { page, problems } = await openApp(browser.context, `${server.url}/`);
  const sheet = '编号,名称,类型,经度,纬度\nK-1,丰产路小区东门,小区卡口,113.675,34.776\nK-2,中州大道入市检查站,入市检查站,113.80,34.75\n';

  // Named after its feed: the headers and the labels are recognised (名称 -> name, 小区卡口 -> compound_gate).
  await drop(page, [['posts.csv', sheet]]);
  await applyWhenAsked(page, 'posts', 2);
  await page.waitForFunction(() => window.cordonState.layers.posts === 2, null, { timeout: 60000 });

  // With a mapping file that says otherwise: the mapping wins (地址 as the name, every post a testing site).
  const mapping = JSON.stringify({ feed: 'posts', map: { name: '地址', kind: ':testing_site' } });
  const withAddress = '编号,名称,类型,地址,经度,纬度\nK-1,丰产路小区东门,小区卡口,东门岗亭,113.675,34.776\n' +
    'K-2,中州大道入市检查站,入市检查站,北站岗亭,113.80,34.75\n';
  await drop(page, [['卡点表.csv', withAddress], ['卡点表.mapping.json', mapping]]);
  await page.waitForFunction(() => window.cordonState.feeds.changes.some((c) => c.source === '卡点表.csv'), null, { timeout: 60000 });
  await page.keyboard.press('/');
  await page.keyboard.type('岗亭');
  await page.waitForFunction(() => window.cordonState.search.hits === 2, null, { timeout: 10000 });
  await page.keyboard.press('Escape');

  // Named after nothing: the user is asked, with cordon's guess (Enter takes it).
  await drop(page, [['导出.csv', sheet.replace(/K-/g, 'Q-')]]);
  await page.waitForFunction(() => window.cordonState.feeds.unknownFile !== null, null, { timeout: 60000 });
  const unknown = await page.evaluate(() => window.cordonState.feeds.unknownFile);
  assert.equal(unknown.source, '导出.csv');
  assert.equal(unknown.features, 2);
  assert.equal(unknown.guess, 'posts');
  assert.ok(unknown.fields.includes('名称') && unknown.fields.includes('类型'), unknown.fields.join());
  await page.screenshot({ path: join(artifactsDir, 'import-which-kind-zh.png') });
  await page.mouse.move(640, 700);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.cordonState.feeds.unknownFile === null &&
    window.cordonState.feeds.changes.some((c) => c.source === '导出.csv'), null, { timeout: 30000 });
  const state = await page.evaluate(() => window.cordonState);
  assert.equal(state.layers.posts, 2, 'the two posts replaced the two before');
  const change = state.feeds.changes.find((c) => c.source === '导出.csv');
  assert.deepEqual([change.added, change.removed], [2, 2]);

  // Dropped again and cancelled (Esc): nothing changes, the refusal is counted.
  const failures = state.feeds.failureCount;
  await drop(page, [['导出.csv', sheet.replace(/K-/g, 'R-')]]);
  await page.waitForFunction(() => window.cordonState.feeds.unknownFile !== null, null, { timeout: 60000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => window.cordonState.feeds.failureCount > n, failures, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.cordonState.layers.posts), 2);
  assert.deepEqual(problems, []);
  await page.close();
});
