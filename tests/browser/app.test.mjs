// The wasm app in Debian's Chromium: served over http and as the single file from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, webDir, artifactsDir } from './harness.mjs';
import { decodePng, countColour } from './png.mjs';

// Colours the demo map must show (src/render/style.cpp).
const expectedColours = {
  'city entry post': [0, 114, 178],
  'compound gate post': [86, 180, 233],
  'major road': [245, 170, 60],
  'district fill': [226, 232, 240],
};

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function checkMap(page, problems, name) {
  assert.deepEqual(problems, [], 'no page errors or console errors');
  const errors = await page.evaluate(() => window.cordonErrors || []);
  assert.deepEqual(errors, [], 'no errors in the page error box');
  const isWebGl2 = await page.evaluate(() => document.getElementById('canvas').getContext('webgl2') !== null);
  assert.ok(isWebGl2, 'the canvas holds a WebGL2 context');
  const state = await page.evaluate(() => window.cordonState);
  assert.ok(state.features > 0, 'features loaded');
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, `${name}.png`), png);
  const image = decodePng(png);
  for (const [what, rgb] of Object.entries(expectedColours)) {
    const n = countColour(image, rgb);
    assert.ok(n >= 20, `${what} ${rgb} drawn (found ${n} pixels)`);
  }
  return state;
}

test('served app draws the demo map with WebGL2 and no errors', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const state = await checkMap(page, problems, 'served');
  assert.equal(state.lang, 'zh', 'Chinese by default');
  assert.deepEqual(Object.keys(state.layers).sort(),
    ['areas', 'facilities', 'posts', 'roads', 'roster', 'teams', 'zones'], 'the embedded demo city has all seven feeds');
  assert.ok(state.layers.areas >= 1500 && state.layers.posts >= 1200 && state.layers.roads >= 10000,
    `the demo city is at full scale (${JSON.stringify(state.layers)})`);
  assert.equal(state.errors, 0, 'the demo city loads without data errors');
  assert.deepEqual(state.viewport, [1280, 800]);
  // Where the start went, step by step, on the page's clock: every step took some time, in order,
  // and all of it before the ready signal.
  const t = state.startup;
  const steps = ['windowMs', 'fontMs', 'readMs', 'graphMs', 'indexMs', 'sceneMs', 'coverageMs', 'staffingMs'];
  for (const k of [...steps, 'framesMs']) assert.ok(t[k] > 0, `start-up step ${k} timed (${JSON.stringify(t)})`);
  const readyAt = await page.evaluate(() => performance.now());
  assert.ok(t.atMs > 0 && t.atMs + steps.reduce((sum, k) => sum + t[k], 0) <= t.firstFrameAtMs + 1,
    `the steps fit between the start and the first frame (${JSON.stringify(t)})`);
  assert.ok(t.firstFrameAtMs + t.framesMs <= readyAt, `the first frames end before the state is read (${readyAt})`);
  await page.close();
});

test('the first frame drawn is complete: ready after one frame, with the panel and legend in it', async () => {
  const { context, close } = await launch();
  try {
    // Count the frames drawn (each clears the canvas once) and read the canvas as the ready signal
    // comes, in the same task as the frame: what the first frame drew, not a later one.
    await context.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
        const gl = getContext.call(this, kind, attributes);
        if (kind === 'webgl2' && gl && !gl.cordonProbe) {
          gl.cordonProbe = true;
          window.framesDrawn = 0;
          const clear = gl.clear.bind(gl);
          gl.clear = (mask) => { window.framesDrawn++; return clear(mask); };
          window.addEventListener('cordon-ready', () => {
            // ImGui's light window background, counted in a block of the canvas (GL rows run upwards).
            const count = (x, top, w, h) => {
              const px = new Uint8Array(w * h * 4);
              gl.readPixels(x, gl.drawingBufferHeight - top - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
              let n = 0;
              for (let i = 0; i < px.length; i += 4)
                if (Math.abs(px[i] - 240) <= 1 && Math.abs(px[i + 1] - 240) <= 1 && Math.abs(px[i + 2] - 240) <= 1) n++;
              return n;
            };
            window.firstFrame = { frames: window.framesDrawn, panel: count(12, 40, 300, 440), legend: count(1085, 460, 180, 300) };
          });
        }
        return gl;
      };
    });
    const { page, problems } = await openApp(context, server.url + '/');
    const first = await page.evaluate(() => window.firstFrame);
    assert.equal(first.frames, 1, `ready after the first frame drawn (${JSON.stringify(first)})`);
    assert.ok(first.panel > 20000, `the map panel is in the first frame (${JSON.stringify(first)})`);
    assert.ok(first.legend > 10000, `the legend is in the first frame (${JSON.stringify(first)})`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('single-file build works from file:// with no network', async () => {
  const { context, close } = await launch();
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
    });
    const requests = [];
    context.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    const url = pathToFileURL(join(webDir, 'cordon-single.html')).href;
    const { page, problems } = await openApp(context, url);
    await checkMap(page, problems, 'single-file');
    assert.deepEqual(requests, [], 'no network requests');
  } finally {
    await close();
  }
});

test('?lang=en switches the UI to English', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/?lang=en');
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => window.cordonState.lang), 'en');
  await page.close();
});

test('high-DPI screens render at device pixels and follow window resizes', async () => {
  const { context, close } = await launch({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  try {
    const { page, problems } = await openApp(context, server.url + '/');
    assert.deepEqual(problems, []);
    let state = await page.evaluate(() => window.cordonState);
    assert.deepEqual(state.viewport, [1600, 1200]);
    assert.equal(state.pixelScale, 2);
    await page.setViewportSize({ width: 640, height: 480 });
    await page.waitForFunction(() => window.cordonState.viewport[0] === 1280, null, { timeout: 10000 });
    state = await page.evaluate(() => window.cordonState);
    assert.deepEqual(state.viewport, [1280, 960]);
  } finally {
    await close();
  }
});

test('wheel zooms around the cursor, drag pans, keys zoom and fit', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const state = () => page.evaluate(() => window.cordonState);
  const fitted = await state();
  await page.mouse.move(900, 500);
  await page.waitForFunction(() => window.cordonState.cursor !== null, null, { timeout: 10000 });
  const under = (await state()).cursor;

  await page.mouse.wheel(0, -300);
  await page.waitForFunction((z) => window.cordonState.zoom > z + 0.1, fitted.zoom, { timeout: 10000 });
  const zoomed = await state();
  assert.ok(Math.abs(zoomed.cursor[0] - under[0]) < 1e-6 && Math.abs(zoomed.cursor[1] - under[1]) < 1e-6,
    `the place under the cursor stays put: ${under} -> ${zoomed.cursor}`);

  await page.mouse.down();
  await page.mouse.move(800, 420, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(([x, y]) => {
    const c = window.cordonState.cursor;
    return Math.abs(c[0] - x) < 1e-6 && Math.abs(c[1] - y) < 1e-6;
  }, under, { timeout: 10000 });

  await page.keyboard.press('Minus');
  await page.waitForFunction((z) => window.cordonState.zoom < z - 0.1, zoomed.zoom, { timeout: 10000 });
  await page.keyboard.press('f');
  await page.waitForFunction((z) => Math.abs(window.cordonState.zoom - z) < 1e-6, fitted.zoom, { timeout: 10000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('touch: one finger pans, two fingers pinch-zoom', async () => {
  const { context, close } = await launch({ hasTouch: true });
  try {
    const { page, problems } = await openApp(context, server.url + '/');
    const cdp = await context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
    });
    const start = await page.evaluate(() => window.cordonState);

    await touch('touchStart', [[700, 400], [900, 400]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[700 - 20 * i, 400], [900 + 20 * i, 400]]);
    await touch('touchEnd', []);
    // Spread from 200 to 400 pixels: zoom in by one level (log2 of 2).
    await page.waitForFunction((z) => window.cordonState.zoom > z + 0.5, start.zoom, { timeout: 10000 });
    const pinched = await page.evaluate(() => window.cordonState.zoom);
    assert.ok(Math.abs(pinched - start.zoom - 1) < 0.05, `pinch x2 zooms one level: ${start.zoom} -> ${pinched}`);

    const before = await page.evaluate(() => window.cordonState);
    await touch('touchStart', [[600, 500]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[600 + 10 * i, 500]]);
    await touch('touchEnd', []);
    await page.waitForFunction((x) => window.cordonState.centre[0] !== x, before.centre[0], { timeout: 10000 });
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => window.cordonState);
    const movedPx = (before.centre[0] - after.centre[0]) / before.metresPerPixel;
    assert.ok(Math.abs(movedPx - 50) < 0.5, `a 50 px swipe moves the map 50 px (moved ${movedPx})`);
    assert.equal(after.zoom, before.zoom, 'one finger does not zoom');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('feeds from URL parameters load; a failing feed shows its error and the rest keeps working', async () => {
  const { mkdtempSync, writeFileSync: write, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'cordon-feeds-'));
  const feeds = await serve(dir);
  try {
    const zones = readFileSync(new URL('../../assets/mini-city/zones.geojson', import.meta.url));
    write(join(dir, 'zones.geojson'), zones);
    write(join(dir, 'posts.geojson'), '{"type":"FeatureCollection","features":[{"type":"Feature"');
    write(join(dir, 'index.html'), readFileSync(join(webDir, 'index.html')));
    write(join(dir, 'index.js'), readFileSync(join(webDir, 'index.js')));
    write(join(dir, 'index.wasm'), readFileSync(join(webDir, 'index.wasm')));
    const url = `${feeds.url}/?feeds=zones.geojson,posts.geojson,missing.geojson&roads=${encodeURIComponent('/roads.geojson')}`;
    const { page, problems } = await openApp(browser.context, url);
    const state = await page.evaluate(() => window.cordonState);
    assert.deepEqual(Object.keys(state.layers), ['zones'], 'only the good feed is on the map');
    assert.equal(state.layers.zones, 3);
    assert.ok(state.errors >= 3, `truncated, 404 and missing feeds are errors (${state.errors})`);
    // The browser logs the two 404s itself; nothing else may fail.
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await page.screenshot({ path: join(artifactsDir, 'url-feeds.png') });

    // A dropped file joins the map.
    const roads = readFileSync(new URL('../../assets/mini-city/roads.geojson', import.meta.url), 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'roads.geojson', { type: 'application/geo+json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, roads);
    await page.waitForFunction(() => window.cordonState.layers.roads === 5, null, { timeout: 10000 });
    await page.close();
  } finally {
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('clicking the map draws isochrones from that point', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const s = await page.evaluate(() => window.cordonState);
  // A point on 农业路 (demo roads), in screen pixels.
  const R = 6378137, lon = 113.70, lat = 34.79;
  const mx = R * lon * Math.PI / 180, my = R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
  const x = (mx - s.centre[0]) / s.metresPerPixel + s.viewport[0] / 2;
  const y = -(my - s.centre[1]) / s.metresPerPixel + s.viewport[1] / 2;
  // Zoom in around the point (it stays under the cursor) so the street-wide bands are visible.
  await page.mouse.move(x, y);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  await page.waitForFunction((z) => window.cordonState.zoom > z + 3, s.zoom, { timeout: 10000 });
  await page.waitForTimeout(200);
  const before = decodePng(await page.screenshot());
  await page.mouse.click(x, y);
  await page.waitForFunction(() => window.cordonState.isochrone.polygons > 0, null, { timeout: 10000 });
  const iso = await page.evaluate(() => window.cordonState.isochrone);
  assert.equal(iso.bands, 3);
  assert.deepEqual(await page.evaluate(() => window.cordonState.legend.isochroneMinutes), [5, 10, 15],
    'the legend names the bands\' minutes');
  await page.waitForTimeout(200);
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, 'isochrone.png'), png);
  const after = decodePng(png);
  // The translucent blue bands change many pixels around the click.
  let changed = 0;
  for (let i = 0; i < after.rgba.length; i += 4) {
    const db = after.rgba[i + 2] - after.rgba[i];
    if (db > 30 && before.rgba[i + 2] - before.rgba[i] <= 30) changed++;
  }
  assert.ok(changed > 2000, `isochrone fill visible (${changed} bluish pixels appeared)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('clicking a team shows its details and its isochrones in its own mode; clicking a zone selects the zone', async () => {
  const { mkdtempSync, copyFileSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'cordon-pick-'));
  const city = new URL('../../assets/mini-city/', import.meta.url);
  const names = ['areas', 'zones', 'posts', 'teams', 'roads'];
  for (const f of ['index.html', 'index.js', 'index.wasm']) copyFileSync(join(webDir, f), join(dir, f));
  for (const n of names) copyFileSync(new URL(`${n}.geojson`, city), join(dir, `${n}.geojson`));
  const feeds = await serve(dir);
  try {
    const { page, problems } = await openApp(browser.context,
      `${feeds.url}/?feeds=${names.map((n) => n + '.geojson').join(',')}`);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('fetch')).display === 'none',
      null, { timeout: 5000 }); // the download box goes once the feeds are in
    const s = await page.evaluate(() => window.cordonState);
    const R = 6378137;
    const toScreen = (lon, lat) => {
      const mx = R * lon * Math.PI / 180, my = R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
      return [(mx - s.centre[0]) / s.metresPerPixel + s.viewport[0] / 2,
        -(my - s.centre[1]) / s.metresPerPixel + s.viewport[1] / 2];
    };
    const team = JSON.parse(readFileSync(new URL('teams.geojson', city), 'utf8')).features[0];
    const [tx, ty] = toScreen(...team.geometry.coordinates);
    await page.mouse.click(tx + 2, ty - 2); // a couple of pixels off still picks the point
    await page.waitForFunction(() => window.cordonState.selected?.feed === 'teams', null, { timeout: 10000 });
    let state = await page.evaluate(() => window.cordonState);
    assert.equal(state.selected.id, team.id);
    // Kind, members, mode, its zones and posts, unit and id, in words (ui/feature_brief).
    assert.equal(state.selected.rows, 7, 'the team\'s fields in the officers\' terms');
    assert.equal(state.isochrone.from, team.properties.name, 'isochrones start from the team');
    assert.equal(state.isochrone.bands, 3);
    assert.ok(state.isochrone.polygons > 0);

    const [zx, zy] = toScreen(113.667, 34.780); // inside zone Z-001, away from points and roads
    await page.mouse.click(zx, zy);
    await page.waitForFunction(() => window.cordonState.selected?.feed === 'zones', null, { timeout: 10000 });
    state = await page.evaluate(() => window.cordonState);
    assert.equal(state.selected.id, 'Z-001');
    assert.equal(state.isochrone.from, '', 'a click off any team measures from the clicked point');
    await page.screenshot({ path: join(artifactsDir, 'details.png') });
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('coverage of the demo city: gaps counted, R shows the task forces\' areas of responsibility', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const state = await page.evaluate(() => window.cordonState);
  assert.ok(state.coverage, 'coverage computed on load');
  assert.equal(state.coverage.thresholdMinutes, 15);
  // The demo city leaves some high-risk zones without a task force in reach (docs/demo-city.md).
  assert.ok(state.coverage.highRiskWithoutTaskForce > 0, JSON.stringify(state.coverage));
  assert.ok(state.coverage.populationShare > 0.5 && state.coverage.populationShare <= 1);
  const before = decodePng(await page.screenshot());
  await page.mouse.move(900, 400);
  await page.keyboard.press('r');
  await page.waitForFunction(() => window.cordonState.coverage.responsibility === true, null, { timeout: 5000 });
  await page.waitForTimeout(200);
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, 'responsibility.png'), png);
  const after = decodePng(png);
  let changed = 0;
  for (let i = 0; i < after.rgba.length; i += 4) {
    const d = Math.abs(after.rgba[i] - before.rgba[i]) + Math.abs(after.rgba[i + 1] - before.rgba[i + 1]) +
      Math.abs(after.rgba[i + 2] - before.rgba[i + 2]);
    if (d > 60) changed++;
  }
  assert.ok(changed > 5000, `areas of responsibility drawn (${changed} pixels changed)`);
  // As polygons too: one area per task force that holds ground within the threshold.
  const areas = (await page.evaluate(() => window.cordonState)).coverage.responsibilityAreas;
  assert.ok(areas >= 10, `areas of responsibility as polygons (${areas})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('staffing gaps of the demo day: posts and zones coloured by status, ] steps the map to 01:00', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const state = await page.evaluate(() => window.cordonState);
  assert.ok(state.staffing, 'staffing computed from the embedded roster');
  assert.ok(state.staffing.postsShort > 0 && state.staffing.personHoursShort > 0, JSON.stringify(state.staffing));
  assert.ok(state.staffing.nightPersonHoursShort > 0 && state.staffing.nightPersonHoursShort <= state.staffing.personHoursShort);
  assert.equal(state.staffing.scrubSlot, -1);
  // Whole day: [staffed, short, unstaffed, no demand]; short and unstaffed are the posts short at any time.
  const day = state.staffing.status;
  assert.equal(day.minuteOfDay, -1);
  assert.equal(day.posts[1] + day.posts[2], state.staffing.postsShort, JSON.stringify(day));
  assert.equal(day.posts[2], state.staffing.postsUnstaffed);
  assert.equal(day.zones[1] + day.zones[2], state.staffing.zoneGaps, JSON.stringify(day));
  await page.mouse.move(700, 400);
  const before = decodePng(await page.screenshot());
  await page.keyboard.press(']');
  await page.waitForFunction(() => window.cordonState.staffing.scrubSlot === 4, null, { timeout: 5000 });
  const s = await page.evaluate(() => window.cordonState.staffing);
  assert.ok(s.shortAtScrub > 0 && s.shortAtScrub <= s.postsShort, JSON.stringify(s));
  assert.equal(s.status.minuteOfDay, 60);
  assert.equal(s.status.posts[1] + s.status.posts[2], s.shortAtScrub, JSON.stringify(s.status));
  await page.waitForTimeout(200);
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, 'staffing-0100.png'), png);
  const after = decodePng(png);
  const count = (img, colour) => {
    let n = 0;
    for (let i = 0; i < img.rgba.length; i += 4) if (colour(img.rgba[i], img.rgba[i + 1], img.rgba[i + 2])) n++;
    return n;
  };
  const warm = (r, g, b) => r > 190 && g > 60 && g < 180 && b < 40; // short (orange), unstaffed (vermillion)
  const blue = (r, g, b) => r < 40 && g > 90 && g < 140 && b > 150; // staffed
  assert.ok(count(before, warm) > 100 && count(after, warm) > 100, 'posts short drawn in warm colours');
  assert.ok(count(after, blue) > 100, 'posts staffed at 01:00 drawn blue');
  assert.notEqual(count(after, blue), count(before, blue), 'the map recolours at the scrubbed time');
  assert.deepEqual(problems, []);
  await page.close();
});

test('P suggests moves of surplus staff: at least as much gap filled as nearest-first, drawn as arrows', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.mouse.move(700, 400);
  const before = decodePng(await page.screenshot());
  await page.keyboard.press('p');
  await page.waitForFunction(() => window.cordonState.staffing?.plan !== undefined, null, { timeout: 20000 });
  const plan = (await page.evaluate(() => window.cordonState.staffing)).plan;
  assert.ok(plan.moves > 0 && plan.arrows > 0 && plan.filledHours > 0, JSON.stringify(plan));
  assert.ok(plan.filledHours >= plan.greedyFilledHours, 'min-cost flow fills no less than nearest-first');
  await page.waitForTimeout(200);
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, 'plan.png'), png);
  const after = decodePng(png);
  let arrows = 0;
  for (let i = 0; i < after.rgba.length; i += 4) {
    const purple = (r, g, b) => b > 180 && r > 80 && r < 170 && g < 130;
    if (purple(after.rgba[i], after.rgba[i + 1], after.rgba[i + 2]) &&
      !purple(before.rgba[i], before.rgba[i + 1], before.rgba[i + 2])) arrows++;
  }
  assert.ok(arrows > 100, `arrows drawn (${arrows} pixels)`);
  const labels = (await page.evaluate(() => window.cordonState.labels));
  assert.ok(labels.planMoves > 0 && labels.planMoves <= plan.arrows, `arrows labelled with people and minutes (${labels.planMoves})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('frames are drawn only when something changes: an idle map draws about once a second', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  // Every drawn frame clears the canvas once: count the clears.
  await page.evaluate(() => {
    window.clears = 0;
    const gl = document.querySelector('canvas').getContext('webgl2');
    const clear = gl.clear.bind(gl);
    gl.clear = (mask) => { window.clears++; return clear(mask); };
  });
  const countOver = async (ms, act) => {
    const before = await page.evaluate(() => window.clears);
    await act(ms);
    return (await page.evaluate(() => window.clears)) - before;
  };
  await page.waitForTimeout(1200); // past the moment frames are drawn after loading
  const idle = await countOver(3000, (ms) => page.waitForTimeout(ms));
  const moving = await countOver(3000, async (ms) => {
    const end = Date.now() + ms;
    for (let i = 0; Date.now() < end; i++) {
      await page.mouse.move(600 + (i % 40) * 5, 400);
      await page.waitForTimeout(30);
    }
  });
  assert.ok(idle <= 5, `idle: ${idle} frames drawn in 3 s`);
  assert.ok(moving >= 2 * idle + 4, `moving the pointer: ${moving} frames drawn in 3 s (idle ${idle})`);
  assert.deepEqual(problems, []);
  await page.close();
});

/// Pixels of the picture `img` (the map drawn off the screen) that differ from the screenshot `shot`
/// right of `left`, between the frame's corners; and how many were compared.
function mapDifference(img, shot, left) {
  let differ = 0, all = 0;
  for (let y = 100; y < img.height - 100; y++)
    for (let x = 0; x < img.width - 300; x++) {
      const i = (y * img.width + x) * 4, j = (y * shot.width + x + left) * 4;
      all++;
      if (Math.abs(img.rgba[i] - shot.rgba[j]) + Math.abs(img.rgba[i + 1] - shot.rgba[j + 1]) +
        Math.abs(img.rgba[i + 2] - shot.rgba[j + 2]) > 40) differ++;
    }
  return { differ, all };
}

test('a frame whose view did not move copies the map kept from the last one, the view as it now is', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.waitForTimeout(1200);
  const copied = () => page.evaluate(() => window.cordonState.stillFramesCopied);
  const before = await copied();
  // The pointer moving over the map redraws frames (hover) without moving the view.
  for (let i = 0; i < 20; i++) {
    await page.mouse.move(600 + i * 5, 400);
    await page.waitForTimeout(30);
  }
  const afterHover = await copied();
  assert.ok(afterHover >= before + 3, `hover frames copy the map (${before} -> ${afterHover})`);
  // A drag moves the view: the frames after it copy the map of the new view, not the old one.
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(695 - i * 8, 400 - i * 3);
  await page.mouse.up();
  await page.mouse.move(200, 700); // over the side panel: no tooltip on the map
  await page.waitForTimeout(1500);
  const afterDrag = await copied();
  assert.ok(afterDrag > afterHover, `still frames after the drag copy the map (${afterHover} -> ${afterDrag})`);
  const shot = decodePng(await page.screenshot());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('e')]);
  const path = join(artifactsDir, 'still-after-drag.png');
  await download.saveAs(path);
  const { differ, all } = mapDifference(decodePng(readFileSync(path)), shot,
    (await page.evaluate(() => window.cordonState)).workspace.mapLeft);
  assert.ok(differ < all * 0.01, `the copied frame is the map drawn for the new view (${differ} of ${all} pixels differ)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('E saves the map as a PNG: the map part with title, time, legend, scale, north arrow and sources; no side panel', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.mouse.move(200, 700); // over the side panel: no hover tooltip on the map
  await page.waitForTimeout(200);
  const shot = decodePng(await page.screenshot());
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.keyboard.press('e'),
  ]);
  assert.match(download.suggestedFilename(), /^cordon-\d{4}\.png$/);
  const path = join(artifactsDir, 'export.png');
  await download.saveAs(path);
  const img = decodePng(readFileSync(path));
  const state = await page.evaluate(() => window.cordonState);
  const size = await page.evaluate(() => [document.querySelector('canvas').width, document.querySelector('canvas').height]);
  const left = state.workspace.mapLeft; // device pixels = CSS pixels here
  assert.deepEqual([img.width, img.height], [size[0] - left, size[1]], 'the canvas right of the side panel');
  assert.deepEqual(state.picture, { width: img.width, height: img.height, title: '疫情防控指挥图', typeDensity: 1 });
  assert.equal(state.exports, 1);
  // The title box at the top left: white with dark type where the screen shows the map.
  let white = 0, ink = 0;
  for (let y = 12; y < 40; y++)
    for (let x = 12; x < 150; x++) {
      const i = (y * img.width + x) * 4, sum = img.rgba[i] + img.rgba[i + 1] + img.rgba[i + 2];
      white += sum >= 760;
      ink += sum < 300;
    }
  assert.ok(white > 1500 && ink > 150, `a title box with its title (${white} white, ${ink} dark pixels)`);
  // Between the frame's corners the picture is the map as on screen: no side panel, nothing else.
  const { differ, all } = mapDifference(img, shot, left);
  assert.ok(differ < all * 0.01, `the map as on screen (${differ} of ${all} pixels differ)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a PNG at A4 landscape 300 dpi shows at least the screen\'s map, drawn at that size', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/?lang=en&picturesize=a4-300');
  await page.mouse.move(700, 400);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.keyboard.press('e'),
  ]);
  const path = join(artifactsDir, 'export-a4.png');
  await download.saveAs(path);
  const img = decodePng(readFileSync(path));
  assert.deepEqual([img.width, img.height], [3508, 2480], 'A4 landscape at 300 dpi');
  const state = await page.evaluate(() => window.cordonState);
  assert.equal(state.picture.title, 'Epidemic-control command map');
  // The type rasterised at the picture's scale (the map's 896 px across drawn 3508 wide), not a
  // screen-sized atlas scaled up.
  assert.ok(state.picture.typeDensity > 3, `type at ${state.picture.typeDensity}x`);
  const colours = new Set();
  for (let i = 0; i < img.rgba.length; i += 4 * 101) colours.add((img.rgba[i] << 16) | (img.rgba[i + 1] << 8) | img.rgba[i + 2]);
  assert.ok(colours.size > 100, `a map, not a blank page (${colours.size} colours)`);
  assert.ok(statSync(path).size < 8e6, `compressed (${statSync(path).size} bytes)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('labels: district names on the whole-city view, more names zoomed in, T hides them', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.mouse.move(700, 400);
  await page.waitForTimeout(200);
  const whole = (await page.evaluate(() => window.cordonState)).labels;
  assert.ok(whole.shown && whole.districts >= 4 && whole.placed >= whole.districts, JSON.stringify(whole));
  const withLabels = decodePng(await page.screenshot());
  await page.keyboard.press('t');
  await page.waitForFunction(() => window.cordonState.labels.shown === false, null, { timeout: 5000 });
  await page.waitForTimeout(200);
  const without = decodePng(await page.screenshot());
  let changed = 0;
  for (let i = 0; i < without.rgba.length; i += 4) {
    const d = Math.abs(without.rgba[i] - withLabels.rgba[i]) + Math.abs(without.rgba[i + 1] - withLabels.rgba[i + 1]) +
      Math.abs(without.rgba[i + 2] - withLabels.rgba[i + 2]);
    if (d > 60) changed++;
  }
  assert.ok(changed > 300, `label text drawn (${changed} pixels change when hidden)`);
  assert.equal((await page.evaluate(() => window.cordonState)).labels.placed, 0);
  await page.keyboard.press('t');
  for (let i = 0; i < 6; i++) await page.keyboard.press('='); // zoom in towards the centre
  await page.waitForTimeout(300);
  const close = (await page.evaluate(() => window.cordonState)).labels;
  assert.ok(close.shown && close.placed > whole.placed, `more names zoomed in: ${JSON.stringify(close)}`);
  writeFileSync(join(artifactsDir, 'labels-zoomed.png'), await page.screenshot());
  assert.deepEqual(problems, []);
  await page.close();
});

test('search: Chinese text in the page\'s box lists matches, Enter flies to the first; its keys are not shortcuts', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  const zoomBefore = (await page.evaluate(() => window.cordonState)).zoom;
  await page.click('#search');
  await page.keyboard.insertText('鹤里'); // what an input method commits
  await page.waitForFunction(() => window.cordonState.search.hits > 0, null, { timeout: 5000 });
  const found = (await page.evaluate(() => window.cordonState)).search;
  assert.equal(found.query, '鹤里');
  assert.ok(found.hits >= 3, JSON.stringify(found)); // the sub-district, a laboratory, a footpath
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.cordonState.selected !== null, null, { timeout: 5000 });
  const s = await page.evaluate(() => window.cordonState);
  assert.equal(s.selected.feed, 'areas', 'the sub-district 鹤里街道 comes first');
  assert.ok(s.zoom > zoomBefore + 1, `flew in (zoom ${zoomBefore} -> ${s.zoom})`);
  await page.keyboard.type('e t'); // typed into the box: no PNG export, labels stay on
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.cordonState);
  assert.equal(after.exports, 0);
  assert.equal(after.labels.shown, true);
  assert.equal(after.search.query, '鹤里e t');
  assert.deepEqual(problems, []);
  await page.close();
});

test('hover: the feature under the pointer is named in a tooltip', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.click('#search');
  await page.keyboard.insertText('P-0001');
  await page.keyboard.press('Enter'); // flies to the post: it sits at the centre of the map's part
  await page.waitForFunction(() => window.cordonState.selected?.id === 'P-0001', null, { timeout: 5000 });
  const state = await page.evaluate(() => window.cordonState);
  const at = [(state.workspace.mapLeft + state.viewport[0]) / 2, state.viewport[1] / 2];
  await page.mouse.move(at[0] + 40, at[1] + 40);
  await page.mouse.move(at[0], at[1]);
  await page.waitForFunction(() => window.cordonState.hover !== null, null, { timeout: 5000 });
  const hover = (await page.evaluate(() => window.cordonState)).hover;
  assert.deepEqual(hover, { feed: 'posts', id: 'P-0001' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('G and C export the selected feature\'s layer as GeoJSON and CSV with all its features', async () => {
  const { page, problems } = await openApp(browser.context, server.url + '/');
  await page.click('#search');
  await page.keyboard.insertText('P-0001');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.cordonState.selected?.id === 'P-0001', null, { timeout: 5000 });
  const posts = (await page.evaluate(() => window.cordonState)).layers.posts;
  await page.evaluate(() => document.getElementById('search').blur()); // keys go to the map again
  const [geojson] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('g')]);
  assert.equal(geojson.suggestedFilename(), 'posts.geojson');
  const fc = JSON.parse(readFileSync(await geojson.path(), 'utf8'));
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, posts);
  assert.equal(fc.features[0].id, 'P-0001');
  assert.ok(fc.features[0].properties.demand, 'properties kept');
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('c')]);
  assert.equal(csv.suggestedFilename(), 'posts.csv');
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark (Excel on Chinese Windows)');
  const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
  assert.equal(lines.length, posts + 1);
  // Each property in its own column, named in the header; the first post's kind is plain text.
  const cells = (line) => { // RFC 4180, one line
    const out = [''];
    for (let i = 0, quoted = false; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { out[out.length - 1] += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) out.push('');
      else out[out.length - 1] += c;
    }
    return out;
  };
  const header = cells(lines[0]);
  assert.deepEqual(header.slice(0, 4), ['id', 'name', 'lon', 'lat']);
  assert.ok(header.includes('kind') && !header.includes('properties'), header.join(','));
  const first = cells(lines[1]);
  assert.equal(first.length, header.length, 'a cell per column');
  assert.match(first[header.indexOf('kind')], /^[a-z_]+$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('layer opacity and hidden layers from the URL: districts fade, roads and checkpoints go', async () => {
  const district = expectedColours['district fill'];
  const shown = await openApp(browser.context, server.url + '/');
  const full = decodePng(await shown.page.screenshot());
  await shown.page.close();
  const { page, problems } = await openApp(browser.context, server.url + '/?opacity=areas:0&hide=roads,posts');
  assert.deepEqual(problems, []);
  const state = await page.evaluate(() => window.cordonState);
  assert.deepEqual(state.layerOpacity, { areas: 0, posts: 0, roads: 0 });
  const png = await page.screenshot();
  writeFileSync(join(artifactsDir, 'layer-opacity.png'), png);
  const faded = decodePng(png);
  assert.ok(countColour(full, district) > 1000, 'district fills on the full map');
  assert.ok(countColour(faded, district) < countColour(full, district) / 3,
    `district fills gone at opacity 0 (${countColour(faded, district)} of ${countColour(full, district)} pixels left)`);
  assert.equal(countColour(faded, expectedColours['major road']), 0, 'no roads');
  // Checkpoints, drawn in their staffing status (staffed blue), gone from the map (the legend
  // and the high-risk zones' task-force outlines keep some of that blue).
  const gate = expectedColours['city entry post'];
  assert.ok(countColour(faded, gate) < countColour(full, gate) / 3,
    `no checkpoint symbols (${countColour(faded, gate)} of ${countColour(full, gate)} pixels left)`);
  await page.close();
});
