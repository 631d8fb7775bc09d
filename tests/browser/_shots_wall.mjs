// One-off screenshots for docs (not a test).
import { readFileSync } from 'node:fs';
import { launch, openApp, serve, serveApp } from './harness.mjs';
const out = process.argv[2];
const chengdu = readFileSync('/work/shared/data/roads/chengdu.geojson', 'utf8');
const server = await serve();
async function drop(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}
const zones3 = JSON.stringify({ type: 'FeatureCollection', features: [0, 1, 2].map((i) => ({ type: 'Feature', id: `Z-${i}`,
  properties: { risk: 'high', name: `测试区 ${i}`, since: '2026-11-23' },
  geometry: { type: 'Polygon', coordinates: [[[113.6 + i / 100, 34.74], [113.605 + i / 100, 34.74], [113.605 + i / 100, 34.745], [113.6 + i / 100, 34.74]]] } })) });
// The wall with a failing feed, at 1920x1080 and 3840x2160.
const feeds = new Map();
const live = await serveApp((req, res, name) => {
  const f = feeds.get(name);
  if (!f || f.status !== 200) return res.writeHead(f ? f.status : 404).end('no');
  res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(f.body);
});
const demo = (n) => readFileSync(`/work/main/build/wasm-release/src/demo-city/${n}.geojson`, 'utf8');
for (const n of ['areas', 'zones', 'posts', 'teams', 'roster', 'roads']) feeds.set(`${n}.geojson`, { status: 200, body: demo(n) });
for (const [w, h, scale] of [[1920, 1080, 1], [1920, 1080, 2]]) {
  for (const lang of ['zh', 'en']) {
    feeds.set('zones.geojson', { status: 200, body: demo('zones') });
    const b = await launch({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    const q = ['areas', 'zones', 'posts', 'teams', 'roster', 'roads'].map((n) => `${n}=/feeds/${n}.geojson`).join('&');
    const { page } = await openApp(b.context, `${live.url}/?mode=wall&now=23:30&refresh=8&lang=${lang}&${q}`, 120000);
    await page.waitForFunction(() => window.cordonState.figures.zonesOutOfReach !== null, null, { timeout: 120000 }).catch(async (e) => { console.log('reach', JSON.stringify(await page.evaluate(() => [window.cordonState.figures, window.cordonState.layers]))); throw e; });
    feeds.set('zones.geojson', { status: 200, body: chengdu });
    await page.waitForFunction(() => window.cordonState.figures.asOf.highRiskZones !== undefined, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/wall-failure-${w * scale}-${lang}.png` });
    await b.close();
  }
}
await live.close();
await server.close();
