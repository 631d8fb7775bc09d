// Frame time of cordon and of MapLibre GL JS on the same data, viewport and Chromium (see
// docs/BENCHMARKS.md, "Rendering"). Both are dragged by the same real mouse input while the page
// records the time between animation frames (vsync and the frame-rate limit are off, so an
// interval is what a frame costs). Also the time from navigation to the first full frame.
// usage: node frame_bench.mjs DEMO_DIR PORTO_GEOJSON OUT.json [--quick]
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const here = resolve(new URL('.', import.meta.url).pathname);
const repo = resolve(here, '../..');
const require = createRequire(join(repo, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const [demoDir, portoFile, outFile, flag] = process.argv.slice(2);
const quick = flag === '--quick';
const roots = {
  '/app/': join(repo, 'build/wasm-release/web'),
  '/maplibre/': join(repo, 'bench/node_modules/maplibre-gl/dist'),
  '/bench/': here,
  '/data/': resolve(demoDir),
};
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.geojson': 'application/geo+json', '.css': 'text/css', '.json': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = null;
    if (path === '/porto/roads.geojson') file = resolve(portoFile);
    for (const [prefix, dir] of Object.entries(roots))
      if (path.startsWith(prefix)) file = join(dir, path.slice(prefix.length));
    if (!file || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

function boundsOf(files) {
  let w = 180, s = 90, e = -180, n = -90;
  const visit = (c) => {
    if (typeof c[0] === 'number') { w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]); }
    else c.forEach(visit);
  };
  for (const f of files) {
    const fc = JSON.parse(readFileSync(f, 'utf8'));
    for (const feature of fc.features) if (feature.geometry) visit(feature.geometry.coordinates ?? []);
  }
  return [w, s, e, n];
}

function stats(intervals) {
  const v = [...intervals].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { frames: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
}

/// Drags the map for `moves` mouse moves while the page records frame intervals.
async function dragFrames(page, width, height, moves) {
  await page.evaluate(() => {
    window.benchIntervals = [];
    // Both draw only when something changed: count MapLibre's renders and cordon's frames (each
    // clears the canvas once).
    window.benchRenders = 0;
    if (window.peerMap) {
      window.peerMap.on('render', () => { window.benchRenders++; });
    } else {
      const gl = document.querySelector('canvas').getContext('webgl2');
      const clear = gl.clear.bind(gl);
      gl.clear = (mask) => { window.benchRenders++; return clear(mask); };
    }
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      window.benchIntervals.push(now - last);
      last = now;
      if (window.benchRecording) requestAnimationFrame(tick);
    };
    window.benchRecording = true;
    requestAnimationFrame(tick);
  });
  const x0 = width * 0.6, y0 = height * 0.55;
  await page.mouse.move(x0, y0);
  const start = await page.evaluate(() => performance.now());
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) await page.mouse.move(x0 - i * 6, y0 - i * 2);
  await page.mouse.up();
  const end = await page.evaluate(() => performance.now());
  await page.waitForTimeout(100);
  const { intervals, renders } = await page.evaluate(() => {
    window.benchRecording = false;
    return { intervals: window.benchIntervals.slice(1), renders: window.benchRenders };
  });
  const s = stats(intervals);
  // Per drawn frame: the drag's duration over the frames that drew something during it.
  const drawn = renders > 0 ? renders : intervals.filter((t) => t >= 0).length;
  return { ...s, dragMs: end - start, drawnFrames: drawn, msPerDrawnFrame: (end - start) / Math.max(1, drawn) };
}

/// Watches an idle page for `ms` while it draws on its own (the wall's tour flights, list pages
/// and pulse): the interval of each animation frame in which the canvas was cleared is what that
/// drawn frame cost.
async function watchDrawnFrames(page, ms) {
  await page.evaluate(() => {
    window.benchDrawn = [];
    window.benchRenders = 0;
    const gl = document.querySelector('canvas').getContext('webgl2');
    const clear = gl.clear.bind(gl);
    gl.clear = (mask) => { window.benchRenders++; return clear(mask); };
    let last = performance.now(), seen = 0;
    const tick = () => {
      const now = performance.now();
      if (window.benchRenders !== seen) window.benchDrawn.push(now - last);
      seen = window.benchRenders;
      last = now;
      if (window.benchRecording) requestAnimationFrame(tick);
    };
    window.benchRecording = true;
    requestAnimationFrame(tick);
  });
  await page.waitForTimeout(ms);
  const drawn = await page.evaluate(() => { window.benchRecording = false; return window.benchDrawn; });
  const state = await page.evaluate(() => window.cordonState.wall);
  return { ...stats(drawn), tourStops: state.tourStops, pulsing: state.pulsing, seconds: ms / 1000 };
}

async function run() {
  const { url, server } = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'cordon-frame-bench-'));
  const results = { chromium: '', runs: [] };
  const inputs = [
    { name: 'demo', feeds: ['areas', 'zones', 'roads', 'facilities', 'posts', 'teams'],
      cordon: '/app/index.html', files: ['areas', 'zones', 'roads', 'facilities', 'posts', 'teams'].map((f) => join(demoDir, f + '.geojson')) },
    // The command wall on the same city: dark map, problem posts only, lists and chart around it.
    { name: 'wall', feeds: ['areas', 'zones', 'roads', 'facilities', 'posts', 'teams'],
      cordon: '/app/index.html?mode=wall&now=23:30', files: ['areas', 'zones', 'roads', 'facilities', 'posts', 'teams'].map((f) => join(demoDir, f + '.geojson')) },
    { name: 'porto', feeds: ['roads'], base: '/porto/', cordon: '/app/index.html?roads=/porto/roads.geojson', files: [portoFile] },
  ];
  const sizes = quick ? [[1920, 1080]] : [[1920, 1080], [3840, 2160]];
  const moves = quick ? 30 : 80;
  for (const [width, height] of sizes) {
    const context = await chromium.launchPersistentContext(profile + width, {
      executablePath: process.env.CORDON_CHROMIUM || '/usr/bin/chromium', headless: true,
      viewport: { width, height }, deviceScaleFactor: 1,
      args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
        '--disable-gpu-vsync', '--disable-frame-rate-limit', '--no-first-run', '--disable-background-networking'],
    });
    results.chromium = context.browser()?.version() ?? results.chromium;
    for (const input of inputs) {
      const bounds = boundsOf(input.files);
      // cordon
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The page's own clock when the app signals its first full frame, as MapLibre's page notes its
      // first 'idle': not when this script next polls (which lags by a frame or more).
      await page.addInitScript(() => window.addEventListener('cordon-ready', () => { window.cordonReadyAt = performance.now(); }));
      await page.goto(url + input.cordon);
      await page.waitForFunction(() => window.cordonReady === true, null, { timeout: 120000, polling: 'raf' });
      const cordonFirst = await page.evaluate(() => window.cordonReadyAt);
      const cordonState = await page.evaluate(() => window.cordonState);
      const cordonFrames = await dragFrames(page, width, height, moves);
      await page.close();
      if (input.name === 'wall') {
        // The wall left to itself: tour steps (a flight every 3 s), pages turning every 8 s and
        // the pulse; its drawn frames against the panning frames above.
        const tour = await context.newPage();
        await tour.goto(url + input.cordon + '&tour=districts&tourseconds=3');
        await tour.waitForFunction(() => window.cordonReady === true, null, { timeout: 120000, polling: 'raf' });
        cordonFrames.onItsOwn = await watchDrawnFrames(tour, quick ? 9000 : 20000);
        await tour.close();
      }
      // MapLibre GL JS
      const peer = await context.newPage();
      peer.on('pageerror', (e) => errors.push('maplibre: ' + e.message));
      const q = new URLSearchParams({ feeds: input.feeds.join(','), bounds: bounds.join(','), base: input.base || '/data/' });
      await peer.goto(`${url}/bench/maplibre.html?${q}`);
      await peer.waitForFunction(() => window.peerReady !== undefined || window.peerError !== undefined, null, { timeout: 180000 });
      const peerError = await peer.evaluate(() => window.peerError);
      if (peerError) errors.push('maplibre: ' + peerError);
      const peerFirst = await peer.evaluate(() => window.peerReady);
      const peerFrames = await dragFrames(peer, width, height, moves);
      await peer.close();
      results.runs.push({ input: input.name, width, height, features: cordonState.features,
        cordon: { firstFrameMs: cordonFirst, startup: cordonState.startup, ...cordonFrames }, maplibre: { firstFrameMs: peerFirst, ...peerFrames }, errors });
      console.error(`${input.name} ${width}x${height}: cordon median ${cordonFrames.median.toFixed(1)} ms, maplibre ${peerFrames.median.toFixed(1)} ms`);
    }
    await context.close();
    rmSync(profile + width, { recursive: true, force: true });
  }
  server.close();
  writeFileSync(outFile, JSON.stringify(results, null, 1));
}

run().catch((e) => { console.error(e); process.exit(1); });
