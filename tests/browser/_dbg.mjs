import { readFileSync } from 'node:fs';
import { launch, serveApp } from './harness.mjs';
const feeds = new Map();
const live = await serveApp((req, res, name) => {
  const f = feeds.get(name);
  if (!f || f.status !== 200) return res.writeHead(f ? f.status : 404).end('no');
  res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(f.body);
});
const demo = (n) => readFileSync(`/work/main/build/wasm-release/src/demo-city/${n}.geojson`, 'utf8');
for (const n of ['areas', 'zones', 'posts', 'teams', 'roster', 'roads']) feeds.set(`${n}.geojson`, { status: 200, body: demo(n) });
const b = await launch({ viewport: { width: 1920, height: 1080 } });
const page = await b.context.newPage();
page.on('console', (m) => console.log('console', m.text().slice(0, 200)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const q = ['areas', 'zones', 'posts', 'teams', 'roster', 'roads'].map((n) => `${n}=/feeds/${n}.geojson`).join('&');
await page.goto(`${live.url}/?mode=wall&now=23:30&refresh=2&${q}`);
for (let i = 0; i < 10; i++) {
  await page.waitForTimeout(3000);
  console.log(await page.evaluate(() => JSON.stringify([window.cordonReady, window.cordonErrors, window.cordonState && window.cordonState.layers])));
}
await b.close(); await live.close();
