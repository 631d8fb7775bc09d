// The page's Content-Security-Policy (docs/SECURITY.md): only its own inline script runs, feeds
// come only from its own origin unless configured, no eval; the same policy in the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, webDir } from './harness.mjs';

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

function policyOf(file) {
  const m = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(webDir, file), 'utf8'));
  assert.ok(m, `${file} has a Content-Security-Policy`);
  return m[1];
}

test('both pages carry a policy: hashed inline code, no unsafe-inline or eval, no plugins', () => {
  for (const file of ['index.html', 'cordon-single.html']) {
    const policy = policyOf(file);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|cordon-/, `${file}: no unsafe-inline, no eval, no placeholder`);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
  }
  assert.match(policyOf('index.html'), /connect-src 'self' ;|connect-src 'self';/, 'feeds only from the page\'s origin');
});

test('an injected inline script is refused; a feed on another origin is not fetched', async () => {
  // Another origin that would serve a valid feed, counting what reaches it.
  const zones = readFileSync(new URL('../../assets/mini-city/zones.geojson', import.meta.url));
  let otherRequests = 0;
  const otherServer = createServer((req, res) => {
    otherRequests++;
    res.writeHead(200, { 'Content-Type': 'application/geo+json', 'Access-Control-Allow-Origin': '*' }).end(zones);
  });
  await new Promise((ok) => otherServer.listen(0, '127.0.0.1', ok));
  const other = { url: `http://localhost:${otherServer.address().port}`, close: () => new Promise((d) => otherServer.close(d)) };
  try {
    const url = `${server.url}/?zones=${encodeURIComponent(other.url + '/zones.geojson')}`;
    const { page, problems } = await openApp(browser.context, url);
    const state = await page.evaluate(() => window.cordonState);
    assert.equal(state.layers.zones, undefined, 'the other origin\'s feed is not on the map');
    assert.ok(state.errors >= 1, 'its failure is listed');
    assert.ok(problems.some((p) => /Content Security Policy/.test(p)), 'the browser says the policy refused it');
    const injected = await page.evaluate(() => new Promise((done) => {
      document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.injected = 1';
      document.body.appendChild(s);
      setTimeout(() => done(window.injected === 1 ? 'ran' : 'no event'), 2000);
    }));
    assert.match(injected, /^script-src/, 'the inline script was refused by script-src');
    assert.equal(await page.evaluate(() => window.injected), undefined);
    assert.equal(otherRequests, 0, 'no request reached the other origin');
    await page.close();
  } finally {
    await other.close();
  }
});
