// The laptop workspace at 1366x768 (and 1920x1080): one side panel docked at the left with its
// tabs, the map in the rest; every window inside the viewport and none over another, in each tab;
// the data fitted into the map's part; a feature clicked on the map opens 详情; the panel
// collapses to a strip and the map takes the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openApp, artifactsDir } from './harness.mjs';
import { growBounds, toScreen } from './map_math.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const cli = resolve(process.env.CORDON_CLI || '../../build/native-debug/bin/cordon');

/// `cordon coverage`'s row for a zone or post id: the nearest assigned team's seconds.
function cliAssignedSeconds(id) {
  const file = join(artifactsDir, 'workspace-coverage.csv');
  execFileSync(cli, ['coverage', process.env.CORDON_DEMO_DIR, '--out-csv', file], { stdio: 'pipe' });
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
  const row = rows.find((r) => r[header.indexOf('id')] === id);
  return Number(row[header.indexOf('assigned_seconds')]);
}

/// The teams of the demo city naming `id` in their `zones` or `posts`.
function teamsAssignedTo(id) {
  return JSON.parse(readFileSync(join(process.env.CORDON_DEMO_DIR, 'teams.geojson'), 'utf8')).features
    .filter((f) => [...(f.properties.zones ?? []), ...(f.properties.posts ?? [])].includes(id)).length;
}

/// Each assigned team's own minutes, nearest first; the nearest is what coverage reports.
function checkTeamMinutes(selected, id) {
  const minutes = selected.teamMinutes;
  assert.equal(minutes.length, teamsAssignedTo(id), `one time per team assigned to ${id}`);
  assert.deepEqual([...minutes].sort((a, b) => a - b), minutes, 'nearest first');
  assert.ok(Math.abs(minutes[0] * 60 - cliAssignedSeconds(id)) < 1,
    `${id}: nearest ${minutes[0]} min as cordon coverage's ${cliAssignedSeconds(id)} s`);
}

const TABS = ['layers', 'coverage', 'gaps', 'details', 'feeds'];

/// [west, south, east, north] of every demo feed: what the laptop view fits.
function demoBounds() {
  const box = [180, 90, -180, -90];
  const dir = process.env.CORDON_DEMO_DIR;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.geojson')))
    for (const f of JSON.parse(readFileSync(join(dir, file), 'utf8')).features ?? [])
      if (f.geometry) growBounds(f.geometry.coordinates, box);
  return box;
}

/// Every window inside the viewport, no two overlapping; returns the side panel's window.
function checkWindows(state, width, height, what) {
  const shown = state.windows;
  for (const w of shown) {
    assert.ok(w.x >= 0 && w.y >= 0 && w.x + w.width <= width && w.y + w.height <= height,
      `${what}: ${w.name} inside the ${width}x${height} viewport (${JSON.stringify(w)})`);
  }
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) {
      const [a, b] = [shown[i], shown[j]];
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      assert.ok(overlapX <= 0 || overlapY <= 0, `${what}: ${a.name} and ${b.name} do not overlap`);
    }
  const panel = shown.find((w) => w.name === 'workspace' || w.name === 'workspace-strip');
  assert.ok(panel, `${what}: the side panel is shown (${shown.map((w) => w.name)})`);
  assert.equal(panel.x, 0);
  assert.equal(panel.height, height, 'the panel takes the window\'s height');
  assert.equal(state.workspace.mapLeft, panel.width, 'the map starts at the panel\'s edge');
  return panel;
}

test('workspace at 1366x768: each tab inside the viewport, nothing overlapping, the data fitted right of the panel', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    for (const tab of TABS) {
      const { page, problems } = await openApp(browser.context, `${server.url}/?now=23:30&tab=${tab}`, 120000);
      try {
        await page.waitForFunction((t) => window.cordonState?.workspace?.tab === t, tab, { timeout: 10000 });
        await page.waitForTimeout(300); // windows that size themselves settle in a frame or two
        const state = await page.evaluate(() => window.cordonState);
        const panel = checkWindows(state, 1366, 768, tab);
        assert.ok(panel.width >= 250 && panel.width <= 1366 / 2, `a side panel, not the window (${panel.width})`);
        if (tab === 'layers') {
          // Fitted into the map's part: the city's outline lies right of the panel.
          const [west, south, east, north] = demoBounds();
          for (const corner of [[west, south], [west, north], [east, south], [east, north]]) {
            const [x, y] = toScreen(state, corner);
            assert.ok(x >= panel.width - 1 && x <= 1366 + 1 && y >= -1 && y <= 768 + 1,
              `corner ${corner} at ${x.toFixed(0)},${y.toFixed(0)} is on the map, right of the panel`);
          }
        }
        writeFileSync(join(artifactsDir, `workspace-1366-${tab}.png`), await page.screenshot());
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
});

test('workspace: a feature clicked on the map opens 详情; the panel collapses and the map takes the window', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openApp(browser.context, `${server.url}/?lang=en&now=23:30`, 120000);
    let state = await page.evaluate(() => window.cordonState);
    assert.equal(state.workspace.tab, 'layers', 'the layers tab first');
    // The middle of the map's part: some feature (an area at least) is there.
    const x = Math.round((state.workspace.mapLeft + 1366) / 2), y = 384;
    await page.mouse.click(x, y);
    await page.waitForFunction(() => window.cordonState.selected !== null, null, { timeout: 10000 });
    await page.waitForFunction(() => window.cordonState.workspace.tab === 'details', null, { timeout: 10000 });
    state = await page.evaluate(() => window.cordonState);
    checkWindows(state, 1366, 768, 'details');
    // The collapse button sits at the right end of the panel's first row.
    await page.mouse.click(state.workspace.mapLeft - 20, 16);
    // The strip is drawn from the frame after the click.
    await page.waitForFunction(() => window.cordonState.workspace.collapsed === true &&
      window.cordonState.windows.some((w) => w.name === 'workspace-strip'), null, { timeout: 10000 });
    state = await page.evaluate(() => window.cordonState);
    const strip = checkWindows(state, 1366, 768, 'collapsed');
    assert.ok(strip.width < 60, `collapsed to a strip (${strip.width})`);
    writeFileSync(join(artifactsDir, 'workspace-1366-collapsed.png'), await page.screenshot());
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('details in the officers\' terms: a post\'s day as a chart, roster, teams, reach and the plan\'s moves; a zone\'s reach', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    // A post selected from the URL, the strip at 02:00, the plan made.
    const { page: post, problems } = await openApp(browser.context,
      `${server.url}/?lang=en&now=23:30&slot=02:00&plan=1&select=posts:P-0076`, 120000);
    await post.waitForFunction(() => window.cordonState.selected?.chartSlots > 0, null, { timeout: 30000 });
    const selected = await post.evaluate(() => window.cordonState.selected);
    assert.equal(selected.chartSlots, 96, 'the day in 15-minute slots');
    for (const key of ['Kind', 'Area', 'Staff needed', 'Staffing now', 'Roster', 'Assigned teams', 'Reached in'])
      assert.ok(selected.keys.includes(key), `${key} in ${selected.keys}`);
    assert.ok(!selected.keys.includes('kind') && !selected.keys.includes('demand'), 'no raw field names');
    checkTeamMinutes(selected, 'P-0076');
    writeFileSync(join(artifactsDir, 'details-post-1366-en.png'), await post.screenshot());
    const { page: zone } = await openApp(browser.context, `${server.url}/?lang=en&now=23:30&select=zones:Z-001`, 120000);
    await zone.waitForFunction(() => window.cordonState.selected?.keys.includes('Reached in'), null, { timeout: 30000 });
    const zoneSelected = await zone.evaluate(() => window.cordonState.selected);
    const keys = zoneSelected.keys;
    checkTeamMinutes(zoneSelected, 'Z-001');
    for (const key of ['Risk level', 'Task force', 'Reached in', 'Households red/orange/yellow/green/white', 'Since'])
      assert.ok(keys.includes(key), `${key} in ${keys}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('workspace at 1920x1080 in English: inside the viewport, nothing overlapping', async () => {
  const browser = await launch({ viewport: { width: 1920, height: 1080 } });
  try {
    const { page, problems } = await openApp(browser.context, `${server.url}/?lang=en&now=23:30&tab=gaps`, 120000);
    await page.waitForFunction(() => window.cordonState?.workspace?.tab === 'gaps', null, { timeout: 10000 });
    await page.waitForTimeout(300);
    checkWindows(await page.evaluate(() => window.cordonState), 1920, 1080, 'gaps at 1920');
    writeFileSync(join(artifactsDir, 'workspace-1920-gaps.png'), await page.screenshot());
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('Chinese composed with an input method reaches the briefing title and the search box; / stays in a field', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openApp(browser.context, `${server.url}/?now=23:30`, 120000);
    const cdp = await page.context().newCDPSession(page);
    // As an input method does it: the pinyin shown as a composition, then the characters chosen.
    const compose = async (pinyin, text) => {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text });
    };
    await page.mouse.move(900, 400); // the map under the pointer: keys go to the app
    await page.keyboard.press('b'); // the briefing dialog opens with its title field focused
    await page.waitForFunction(() => document.activeElement?.id === 'ime', null, { timeout: 10000 });
    await cdp.send('Input.imeSetComposition', { text: 'yiqing', selectionStart: 6, selectionEnd: 6 });
    const shown = await page.evaluate(() => {
      const ime = document.getElementById('ime');
      const r = ime.getBoundingClientRect();
      return { composing: ime.classList.contains('composing'), x: r.x, y: r.y, value: ime.value };
    });
    assert.ok(shown.composing && shown.value === 'yiqing', `the composition is shown while typing (${JSON.stringify(shown)})`);
    // At the title field's caret, in the briefing dialog over the map (not the page's corner).
    const dialog = (await page.evaluate(() => window.cordonState.windows)).find((w) => w.name !== 'workspace' && w.name !== 'legend');
    assert.ok(dialog && shown.x >= dialog.x && shown.x <= dialog.x + dialog.width && shown.y >= dialog.y &&
      shown.y <= dialog.y + dialog.height, `the composition sits in the dialog ${JSON.stringify(dialog)}`);
    await compose('yiqing', '疫情简报');
    await page.keyboard.type('/A'); // a shortcut key typed in a field is text
    await page.waitForFunction(() => window.cordonState.snapshot.title === '疫情简报/A', null, { timeout: 10000 })
      .catch(async (e) => { throw new Error(`title ${JSON.stringify((await page.evaluate(() => window.cordonState.snapshot)).title)}: ${e.message}`); });
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'search', '/ did not jump to the search box');
    // Leave the field (a click on the map), then the search box: composition works there too.
    await page.mouse.click(900, 600);
    await page.waitForFunction(() => document.activeElement?.id !== 'ime', null, { timeout: 10000 });
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search', null, { timeout: 10000 });
    await compose('kangyuan', '康苑');
    await page.waitForFunction(() => window.cordonState.search.query === '康苑' && window.cordonState.search.hits > 0,
      null, { timeout: 10000 });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a district and a time filter the gaps table, the coverage list and the plan; the filter is shown', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const counts = {};
    for (const [name, query] of [['city', ''], ['district', '&district=D-02'], ['night', '&district=D-02&time=night'],
      ['subdistrict', '&district=S-013']]) {
      const { page, problems } = await openApp(browser.context, `${server.url}/?now=23:30&tab=gaps${query}`, 120000);
      try {
        await page.mouse.move(900, 400); // the map under the pointer: keys go to the app
        await page.keyboard.press('p'); // the plan
        await page.waitForFunction(() => window.cordonState.staffing.plan !== undefined, null, { timeout: 30000 });
        const state = await page.evaluate(() => window.cordonState);
        counts[name] = { rows: state.staffing.rows, plan: state.staffing.planRows, coverage: state.coverage.rows,
          filter: state.workspace.filter, postsShort: state.staffing.postsShort, hours: state.staffing.personHoursShort,
          scope: state.staffing.scope };
        if (name === 'night') writeFileSync(join(artifactsDir, 'workspace-1366-filter.png'), await page.screenshot());
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
    const { city, district, night } = counts;
    assert.deepEqual(city.filter, { district: null, time: 'day' });
    assert.deepEqual(night.filter, { district: 'D-02', time: 'night' }, 'the active filter is in the page state');
    assert.ok(district.rows > 0 && district.rows < city.rows, `a district's posts short: ${JSON.stringify(counts)}`);
    assert.ok(night.rows > 0 && night.rows < district.rows, 'of them, those short at night');
    assert.ok(district.plan > 0 && district.plan < city.plan, 'the plan narrowed to moves into the district');
    assert.ok(night.plan <= district.plan);
    assert.ok(district.coverage < city.coverage, 'the coverage list narrowed to the district');
    assert.ok(district.postsShort > 0 && district.postsShort < city.postsShort && district.hours < city.hours,
      'the figures above the table are the district\'s');
    assert.equal(city.scope, '全市');
    assert.equal(district.scope, '金水区', 'and say so');
    const { subdistrict } = counts;
    assert.deepEqual(subdistrict.filter, { district: 'S-013', time: 'day' }, 'a sub-district filters too');
    assert.ok(subdistrict.rows > 0 && subdistrict.rows < district.rows, `a sub-district's posts short (${subdistrict.rows})`);
    assert.ok(subdistrict.postsShort < district.postsShort && subdistrict.coverage <= district.coverage);
    assert.equal(subdistrict.scope, '鹤里街道');
  } finally {
    await browser.close();
  }
});
