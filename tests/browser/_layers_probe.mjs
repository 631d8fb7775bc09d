import { chromium } from 'playwright-core';
import { serve } from './harness.mjs';
const server = await serve(process.argv[2]);
const variants = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
for (const v of variants) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const t0 = Date.now();
  await page.goto(server.url + '/index.html' + v);
  await page.waitForFunction(() => window.cordonReady === true, null, { timeout: 120000, polling: 'raf' });
  const ready = await page.evaluate(() => performance.now());
  await page.evaluate(() => {
    window.n = 0; const gl = document.querySelector('canvas').getContext('webgl2');
    const clear = gl.clear.bind(gl); gl.clear = (m) => { window.n++; return clear(m); };
  });
  await page.mouse.move(1100, 600); await page.mouse.down();
  const s = await page.evaluate(() => performance.now());
  for (let i = 1; i <= 30; i++) await page.mouse.move(1100 - i * 6, 600 - i * 2);
  await page.mouse.up();
  const e = await page.evaluate(() => performance.now());
  const n = await page.evaluate(() => window.n);
  console.log(v.padEnd(40), 'ready', ready.toFixed(0), 'ms/frame', ((e - s) / n).toFixed(1), 'frames', n);
  await page.close();
}
await browser.close(); server.close();
