// The command wall (mode=wall) at 1920x1080 and 3840x2160: it names exactly the zones and posts
// that `cordon coverage` and `cordon gaps` give for the same feeds and time, on a dark map whose
// loud marks are the problems, with symbols that grow with the screen, a tour that switches tiles
// and lists to a district, and a ticker of feed changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, openApp, serve, serveApp, artifactsDir } from './harness.mjs';
import { decodePng } from './png.mjs';
import { growBounds, toScreen } from './map_math.mjs';

const cli = resolve(process.env.CORDON_CLI || '../../build/native-debug/bin/cordon');
const demoDir = process.env.CORDON_DEMO_DIR;
const NOW = '23:30';
const SLOT = 23 * 4 + 2; // the demo day runs from midnight in 15-minute slots

let server;
let work;
before(async () => {
  server = await serve();
  work = mkdtempSync(join(tmpdir(), 'cordon-wall-'));
});
after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/// What the CLI says needs attention at NOW: posts short in the slot, zones breaking the rule in
/// it or out of every assigned task force's reach (as the wall's lists must).
function expectedLists() {
  const gapsFile = join(work, 'gaps.json'), coverageFile = join(work, 'coverage.csv');
  execFileSync(cli, ['gaps', demoDir, '--json', gapsFile], { stdio: 'pipe' });
  execFileSync(cli, ['coverage', demoDir, '--out-csv', coverageFile], { stdio: 'pipe' });
  const gaps = JSON.parse(readFileSync(gapsFile, 'utf8'));
  const posts = new Set(gaps.posts.filter((p) => p.required[SLOT] > p.onDuty[SLOT]).map((p) => p.id));
  const inForce = new Map(gaps.highRiskZones.map((z) => [z.id, z]));
  const zones = new Set([...inForce.values()]
    .filter((z) => z.noTaskForce || z.understaffed || !z.taskForceOnDuty[SLOT]).map((z) => z.id));
  const lines = readFileSync(coverageFile, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const col = (name) => header.indexOf(name);
  for (const line of lines.slice(1)) {
    const cells = line.split(','); // ids and the flags hold no commas
    if (cells[col('kind')] === 'zone' && cells[cells.length - 1] === 'true' && inForce.has(cells[col('id')]))
      zones.add(cells[col('id')]);
  }
  return { posts, zones, noTaskForce: new Set([...inForce.values()].filter((z) => z.noTaskForce).map((z) => z.id)) };
}

/// Pixels within `radius` of (x, y) that are bright status marks: the orange or red of a post
/// short or unstaffed, or the white rim every status symbol has.
function statusInk(img, x, y, radius) {
  let n = 0;
  for (let dy = -radius; dy <= radius; dy++)
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x + dx), py = Math.round(y + dy);
      if (px < 0 || py < 0 || px >= img.width || py >= img.height) continue;
      const i = (py * img.width + px) * 4;
      const [r, g, b] = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
      if (r > 190 && g > 70 && (b < 90 || (g > 190 && b > 190))) n++;
    }
  return n;
}

async function openWall(width, height, query) {
  const browser = await launch({ viewport: { width, height } });
  try {
    const { page, problems } = await openApp(browser.context, `${server.url}/?mode=wall&now=${NOW}${query}`, 120000);
    await page.waitForFunction(() => window.cordonState.wall?.slot >= 0, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    return { browser, page, problems };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

test('wall at 1920x1080 and 4K: the lists name what cordon gaps and coverage give; dark map, red zones, problem posts only', async () => {
  const want = expectedLists();
  const shots = {};
  for (const [width, height] of [[1920, 1080], [3840, 2160]]) {
    // Kept still: the pulse's rings (their own test) would come and go over the pixels counted here.
    const { browser, page, problems } = await openWall(width, height, '&pulse=0');
    try {
    const state = await page.evaluate(() => window.cordonState);
    const w = state.wall;
    assert.equal(w.slot, SLOT);
    assert.equal(state.staffing.status.problemsOnly, true, 'at the city\'s zoom only problem posts are drawn');
    assert.deepEqual(new Set(w.posts.map((p) => p.id)), want.posts, 'posts short now: the same as cordon gaps');
    assert.deepEqual(new Set(w.zones.map((z) => z.id)), want.zones, 'zones: the same as cordon gaps and coverage');
    assert.deepEqual(new Set(w.zones.filter((z) => z.problem === 'noTaskForce').map((z) => z.id)),
      new Set([...want.noTaskForce].filter((id) => want.zones.has(id))));
    assert.equal(w.postsShortNow, want.posts.size, 'the tile counts the list');
    // Entry stations first, then by district; a list longer than its column pages itself.
    const firstOther = w.posts.findIndex((p) => !p.entry);
    assert.ok(firstOther > 0 && w.posts.slice(firstOther).every((p) => !p.entry), 'entry stations listed apart, first');
    assert.ok(w.pages.posts > 1 && w.pages.rowsPerPage > 3, JSON.stringify(w.pages));
    assert.equal(w.dataAsOf, w.clock, 'the demo feeds were confirmed when the page loaded');
    // The type is rasterised at the size it is shown at (4K = twice 1080p), not the UI's scaled up.
    const unit = height / 1080;
    assert.deepEqual(w.typePx, { text: Math.round(16 * 1.6 * unit), figures: Math.round(16 * 4.2 * unit) });

    // Listed posts beyond the map's frame (far entry stations: the frame holds the city's areas) get
    // a mark at its edge; no other does.
    const u = height / 1080, col = Math.min(0.2 * width, 0.2 * height * 16 / 9), inset = 14 * u;
    const frame = { left: 12 * u + col + 10 * u + inset, right: width - (12 * u + col + 10 * u) - inset,
      top: 12 * u + 84 * u + 10 * u + 132 * u + 10 * u + inset, bottom: height - (12 * u + 52 * u + 10 * u) - inset };
    const where = new Map(JSON.parse(readFileSync(join(demoDir, 'posts.geojson'), 'utf8')).features
      .filter((f) => f.geometry?.type === 'Point').map((f) => [f.id, f.geometry.coordinates]));
    const city = [180, 90, -180, -90];
    JSON.parse(readFileSync(join(demoDir, 'areas.geojson'), 'utf8')).features
      .forEach((f) => f.geometry && growBounds(f.geometry.coordinates, city));
    const [west, south, east, north] = city;
    const inCity = ([lon, lat]) => lon >= west && lon <= east && lat >= south && lat <= north;
    const beyond = w.posts.map((p) => p.id).filter((id) => {
      const [x, y] = toScreen(state, where.get(id));
      return !inCity(where.get(id)) && (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom);
    });
    const marked = new Set(w.edgeMarkers);
    assert.deepEqual(beyond.filter((id) => !marked.has(id)), [], 'every listed post beyond the frame is marked');
    assert.ok(w.edgeMarkers.filter((id) => where.has(id)).every((id) => beyond.includes(id)), 'no post in the frame is marked');
    assert.ok(beyond.length > 0, 'the demo has listed entry stations beyond the frame');

    const png = await page.screenshot();
    writeFileSync(join(artifactsDir, `wall-${width}.png`), png);
    const img = decodePng(png);
    shots[width] = { img, state };
    // Dark: the map's free rectangle is mostly navy; high-risk zones show red.
    let dark = 0, red = 0, all = 0;
    const x0 = Math.floor(width * 0.25), x1 = Math.floor(width * 0.75), y0 = Math.floor(height * 0.3), y1 = Math.floor(height * 0.9);
    for (let y = y0; y < y1; y += 2)
      for (let x = x0; x < x1; x += 2) {
        const i = (y * img.width + x) * 4;
        const [r, g, b] = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
        all++;
        if (r + g + b < 3 * 70) dark++;
        if (r > 190 && g < 90 && b < 90) red++;
      }
    assert.ok(dark > all * 0.6, `the map is dark (${dark} of ${all})`);
    assert.ok(red > 40, `high-risk zones are red (${red} pixels)`);
    // The first tile's figure is sharp: a face made for its size has little half-tone ink (a
    // scaled-up one blurs: most of its ink is half-tone).
    const margin = 12 * unit, tileTop = margin + 84 * unit + 10 * unit, tileH = 132 * unit;
    const tileW = (width - 2 * margin - 4 * 10 * unit) / 5;
    let ink = 0, halfTone = 0;
    for (let y = Math.floor(tileTop + tileH * 0.35); y < tileTop + tileH * 0.95; y++)
      for (let x = Math.floor(margin); x < margin + tileW; x++) {
        const i = (y * img.width + x) * 4;
        const f = ((img.rgba[i] + img.rgba[i + 1] + img.rgba[i + 2]) / 3 - 35) / 220;
        if (f > 0.25) { ink++; if (f < 0.75) halfTone++; }
      }
    assert.ok(ink > 100 && halfTone < 0.4 * ink, `sharp figures: ${ink} ink, ${halfTone} half-tone`);
    assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }

  // A post short now is drawn; a post that is fine is not (both away from other posts and labels).
  const posts = JSON.parse(readFileSync(join(demoDir, 'posts.geojson'), 'utf8')).features
    .filter((f) => f.geometry?.type === 'Point');
  const { img, state } = shots[1920];
  const inMap = ([x, y]) => x > state.viewport[0] * 0.25 && x < state.viewport[0] * 0.75 && y > 330 && y < 1000;
  const screen = posts.map((f) => ({ id: f.id, at: toScreen(state, f.geometry.coordinates) })).filter((p) => inMap(p.at));
  const isolated = (p) => screen.every((q) => q === p || Math.hypot(q.at[0] - p.at[0], q.at[1] - p.at[1]) > 30);
  const shortPost = screen.find((p) => want.posts.has(p.id) && isolated(p));
  const finePost = screen.find((p) => !want.posts.has(p.id) && isolated(p) && statusInk(img, ...p.at, 12) === 0);
  assert.ok(shortPost && finePost, 'an isolated short post and an isolated fine one');
  assert.ok(statusInk(img, ...shortPost.at, 8) > 20, `post ${shortPost.id} short now is drawn`);
  assert.equal(statusInk(img, ...finePost.at, 6), 0, `post ${finePost.id} is fine and not drawn`);
  // At 4K the same post's symbol covers about four times the pixels: twice the size each way.
  const big = shots[3840];
  const at4k = toScreen(big.state, posts.find((f) => f.id === shortPost.id).geometry.coordinates);
  const ratio = statusInk(big.img, ...at4k, 16) / statusInk(img, ...shortPost.at, 8);
  assert.ok(ratio > 2.8 && ratio < 5.5, `symbols at 4K twice their 1080p size (area ratio ${ratio.toFixed(2)})`);
});

test('wall pulse: rings widen and fade on the listed zones, nowhere else; pulse=0 keeps the map still', async () => {
  const zoneCentres = new Map(JSON.parse(readFileSync(join(demoDir, 'zones.geojson'), 'utf8')).features
    .filter((f) => f.geometry).map((f) => {
      const [west, south, east, north] = growBounds(f.geometry.coordinates);
      return [f.id, [(west + east) / 2, (south + north) / 2]];
    }));
  const clip = { x: 480, y: 330, width: 960, height: 640 }; // inside the map's free rectangle
  for (const still of [false, true]) {
    const { browser, page, problems } = await openWall(1920, 1080, still ? '&pulse=0' : '');
    try {
      const state = await page.evaluate(() => window.cordonState);
      assert.equal(state.wall.pulsing, still ? 0 : state.wall.zones.length, 'one ring per listed zone');
      assert.ok(state.wall.zones.length > 0);
      const pngs = [await page.screenshot({ clip })];
      await page.waitForTimeout(450);
      pngs.push(await page.screenshot({ clip }));
      pngs.forEach((png, i) => writeFileSync(join(artifactsDir, `wall-pulse-${still ? 'still' : 'on'}-${i}.png`), png));
      const [a, b] = pngs.map(decodePng);
      // Mercator is not linear in latitude, but over a zone's size the box centre is close enough.
      const rings = state.wall.zones.map((z) => toScreen(state, zoneCentres.get(z.id)));
      let changed = 0, away = 0, box = [1e9, 1e9, -1, -1];
      for (let y = 0; y < a.height; y++)
        for (let x = 0; x < a.width; x++) {
          const i = (y * a.width + x) * 4;
          if (Math.abs(a.rgba[i] - b.rgba[i]) + Math.abs(a.rgba[i + 1] - b.rgba[i + 1]) +
              Math.abs(a.rgba[i + 2] - b.rgba[i + 2]) <= 30) continue;
          changed++;
          box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
          // The largest ring (twice 44 px across) around a listed zone's centre.
          if (!rings.some(([rx, ry]) => Math.hypot(x + clip.x - rx, y + clip.y - ry) <= 48)) away++;
        }
      if (still) assert.equal(changed, 0, `with pulse=0 nothing on the map moves by itself (${box})`);
      else {
        assert.ok(changed > 300, `the rings moved (${changed} pixels changed)`);
        assert.equal(away, 0, 'only around the listed zones');
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

test('wall tour: a stop names its district and switches tiles and lists to it, the city small beside', async () => {
  const { browser, page, problems } = await openWall(1920, 1080, '&tour=districts');
  try {
  const w = (await page.evaluate(() => window.cordonState)).wall;
  assert.ok(w.district && w.place, `a district on tour: ${w.district} ${w.place}`);
  assert.ok(Array.isArray(w.city) && w.city.length === 5, 'the city figures beside the tiles');
  const want = expectedLists();
  assert.equal(w.city[2], String(want.posts.size), 'the city\'s posts short now, small');
  assert.equal(w.postsShortNow, w.posts.length, 'the tile counts the district\'s list');
  assert.ok(w.posts.length < want.posts.size, 'fewer posts than the city\'s');
  for (const p of w.posts) assert.ok(want.posts.has(p.id), `${p.id} is short in the city list too`);
  for (const z of w.zones) assert.ok(want.zones.has(z.id), `${z.id} is in the city list too`);
  writeFileSync(join(artifactsDir, 'wall-tour.png'), await page.screenshot());
  assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('wall tour=problems: flies to the first listed zone and names it', async () => {
  const { browser, page, problems } = await openWall(1920, 1080, '&tour=problems');
  try {
    await page.waitForFunction(() => window.cordonState.wall.tourStops >= 1, null, { timeout: 20000 });
    const state = await page.evaluate(() => window.cordonState);
    assert.equal(state.wall.tour, 'problems');
    assert.equal(state.selected?.id, state.wall.zones[0].id, 'the first stop is the first zone of the list');
    assert.ok(state.wall.place.length > 0, 'named in the banner');
    assert.ok(state.zoom > 14, `zoomed in to the zone (zoom ${state.zoom})`);
    await page.waitForFunction(() => window.cordonState.staffing.status.problemsOnly === false, null, { timeout: 10000 });
    assert.ok(state.wall.edgeMarkers.length < 30, `only the outliers are marked (${state.wall.edgeMarkers.length})`);
    writeFileSync(join(artifactsDir, 'wall-tour-problems.png'), await page.screenshot());
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('wall ticker: a feed change appears with its time', async () => {
  const zonesV1 = JSON.parse(readFileSync(new URL('../../assets/mini-city/zones.geojson', import.meta.url), 'utf8'));
  let body = JSON.stringify(zonesV1);
  const live = await serveApp((req, res) => res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(body));
  const browser = await launch({ viewport: { width: 1920, height: 1080 } });
  try {
    const { page, problems } = await openApp(browser.context, `${live.url}/?mode=wall&now=${NOW}&zones=/feeds/zones.geojson&refresh=1`);
    assert.deepEqual((await page.evaluate(() => window.cordonState.wall)).ticker, []);
    const added = { type: 'Feature', id: 'Z-900', properties: { risk: 'high', name: '新增小区', since: '2026-11-23' },
      geometry: { type: 'Polygon', coordinates: [[[113.64, 34.74], [113.65, 34.74], [113.65, 34.75], [113.64, 34.74]]] } };
    body = JSON.stringify({ ...zonesV1, features: [...zonesV1.features, added] });
    await page.waitForFunction(() => window.cordonState.wall.ticker.length > 0, null, { timeout: 20000 });
    const ticker = (await page.evaluate(() => window.cordonState.wall)).ticker;
    assert.match(ticker[0], /^\d\d:\d\d .*高风险区/, JSON.stringify(ticker));
    writeFileSync(join(artifactsDir, 'wall-ticker.png'), await page.screenshot());
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await live.close();
  }
});
