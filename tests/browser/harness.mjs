// Shared set-up for browser tests: a static server on loopback and Debian's Chromium via
// playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const webDir = resolve(process.env.CORDON_WEB_DIR || '../../build/wasm-release/web');
export const artifactsDir = resolve(process.env.CORDON_ARTIFACTS || '../../build/wasm-release/test-artifacts');
mkdirSync(artifactsDir, { recursive: true });

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.svg': 'image/svg+xml' };

/// Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }.
export function serve(dir = webDir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    // Connections a page kept alive are dropped rather than waited for.
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  })));
}

const appFiles = { 'index.html': 'text/html; charset=utf-8', 'index.js': 'text/javascript', 'index.wasm': 'application/wasm' };

/// Serves the app's own files and hands every path under /feeds/ to `onFeed(req, res, name)`;
/// resolves to { url, close } (close also drops slow answers still open).
export function serveApp(onFeed) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/feeds/')) return onFeed(req, res, path.slice('/feeds/'.length));
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (!appFiles[name]) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': appFiles[name] }).end(readFileSync(join(webDir, name)));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  })));
}

export const chromiumPath = process.env.CORDON_CHROMIUM || '/usr/bin/chromium';

/// A fresh Chromium profile; options are Playwright context options (viewport, deviceScaleFactor...).
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'cordon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
    ...options,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/// Opens `url` and collects page errors and console errors; resolves once the app signalled ready.
export async function openApp(context, url, timeout = 60000) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.cordonReady === true || (window.cordonErrors || []).length > 0,
    null, { timeout });
  return { page, problems };
}
