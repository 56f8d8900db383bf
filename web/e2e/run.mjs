#!/usr/bin/env node
// End-to-end tests of `rostrum serve` and the dashboard in headless Chromium.
//
//   ROSTRUM_E2E_DB=path/to/rostrum.db [ROSTRUM_BIN=build/rostrum]
//   [ROSTRUM_E2E_SCREENSHOTS=dir] node web/e2e/run.mjs
//
// (ROSTRUM_E2E_URL=http://127.0.0.1:PORT/ tests a server that is already running
// instead of starting one.)
//
// Starts `rostrum serve` on a free loopback port against the store, checks the
// API's safety answers, then loads every view, changes a control, asserts that the
// chart's data changed, and saves a screenshot of each view. Prints
// "N passed, N failed" and exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const db = process.env.ROSTRUM_E2E_DB;
const shots = path.resolve(process.env.ROSTRUM_E2E_SCREENSHOTS || path.join(here, 'screenshots'));
const chromiumPath = process.env.ROSTRUM_CHROMIUM || '/usr/bin/chromium';

function findBinary() {
  if (process.env.ROSTRUM_BIN) return process.env.ROSTRUM_BIN;
  const candidates = ['build', 'build-release', 'build-web', 'build-debug']
    .map((d) => path.join(repo, d, 'rostrum'))
    .filter((p) => existsSync(p));
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0];
}

const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
}
async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, true, typeof detail === 'string' ? detail : '');
  } catch (err) {
    record(name, false, err && err.message ? err.message.split('\n')[0] : String(err));
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Raw GET with the path exactly as given (no normalisation). */
function rawGet(port, target) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: target, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    req.setTimeout(15000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

async function waitHealthy(port, server) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`rostrum serve exited with ${server.exitCode}`);
    const r = await rawGet(port, '/api/health');
    if (r.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('rostrum serve did not answer /api/health within 60 s');
}

async function main() {
  if (process.env.ROSTRUM_E2E_URL) return runAgainst(process.env.ROSTRUM_E2E_URL);
  if (!db) {
    console.error('ROSTRUM_E2E_DB is not set (path to an imported store)');
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  const bin = findBinary();
  if (!bin || !existsSync(bin)) {
    console.error('rostrum binary not found (set ROSTRUM_BIN)');
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  let browser;
  try {
    await waitHealthy(port, server);
    record('server starts and answers /api/health', true, base);
    await apiChecks(port);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await viewChecks(page, base);
    await check('no uncaught errors in the page', () => {
      // Failed API answers are shown in the page (and checked above); what must not
      // happen is an uncaught exception or any other console error.
      const real = pageErrors.filter((e) => !/Failed to load resource: the server responded with a status of (400|404|501)/.test(e));
      assert(real.length === 0, real.slice(0, 3).join(' | '));
    });
  } catch (err) {
    record('e2e run', false, err.message);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await check('server stops cleanly on SIGTERM', async () => {
      if (server.exitCode !== null) throw new Error(`already exited (${server.exitCode})`);
      server.kill('SIGTERM');
      const code = await new Promise((resolve) => {
        const t = setTimeout(() => resolve('timeout'), 10000);
        server.on('exit', (c) => { clearTimeout(t); resolve(c); });
      });
      assert(code === 0, `exit ${code}`);
    });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (failed) console.log('\n--- server output ---\n' + serverLog.slice(-3000));
  console.log(`\nscreenshots in ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

async function runAgainst(url) {
  mkdirSync(shots, { recursive: true });
  const base = url.endsWith('/') ? url : url + '/';
  const port = Number(new URL(base).port);
  let browser;
  try {
    await apiChecks(port);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await viewChecks(page, base);
    await check('no uncaught errors in the page', () => {
      const real = pageErrors.filter((e) => !/Failed to load resource: the server responded with a status of (400|404|501)/.test(e));
      assert(real.length === 0, real.slice(0, 3).join(' | '));
    });
  } catch (err) {
    record('e2e run', false, err.message);
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\nscreenshots in ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

async function apiChecks(port) {
  await check('api: /api/openapi.json documents every endpoint', async () => {
    const r = await rawGet(port, '/api/openapi.json');
    assert(r.status === 200, `status ${r.status}`);
    const doc = JSON.parse(r.body);
    for (const p of ['/api/health', '/api/agree', '/api/cohesion', '/api/ideal', '/api/blocs', '/api/shifts'])
      assert(doc.paths[p], `missing ${p}`);
  });
  await check('api: pair query answers rows', async () => {
    const r = await rawGet(port, '/api/agree?a=USA&b=RUS&by=year&from=2000&to=2010');
    assert(r.status === 200, `status ${r.status}: ${r.body.slice(0, 200)}`);
    const j = JSON.parse(r.body);
    assert(j.rows.length >= 5, `${j.rows.length} rows`);
    return `${j.rows.length} rows`;
  });
  await check('api: traversal /../../etc/passwd is refused', async () => {
    for (const t of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../etc/passwd']) {
      const r = await rawGet(port, t);
      assert(r.status >= 400 && r.status < 500, `${t} -> ${r.status}`);
      assert(!r.body.includes('root:'), `${t} leaked`);
    }
  });
  await check('api: 200 KB query string gets a 4xx', async () => {
    const r = await rawGet(port, '/api/agree?a=' + 'A'.repeat(200 * 1024) + '&b=RUS');
    assert(r.status >= 400 && r.status < 500, `status ${r.status}`);
  });
  await check('api: unknown country gets 400 naming the parameter', async () => {
    const r = await rawGet(port, '/api/agree?a=Atlantis&b=RUS');
    assert(r.status === 400, `status ${r.status}`);
    const j = JSON.parse(r.body);
    assert(j.parameter === 'a', `parameter ${j.parameter}: ${j.error}`);
  });
  await check('api: still serving after the bad requests', async () => {
    const r = await rawGet(port, '/api/health');
    assert(r.status === 200, `status ${r.status}`);
  });
}

// ---- views -------------------------------------------------------------------

async function waitChart(page, id, afterSeq = 0, timeout = 90000) {
  await page.waitForFunction(
    ([id, seq]) => {
      const c = window.__rostrum && window.__rostrum.charts[id];
      return c && c.seq > seq && c.status !== 'loading';
    },
    [id, afterSeq],
    { timeout },
  );
  return page.evaluate((id) => {
    const c = window.__rostrum.charts[id];
    return { status: c.status, seq: c.seq, message: c.message, data: JSON.stringify(window.__rostrum.data(id)) };
  }, id);
}

function points(dataJson) {
  // number of non-null values in all series
  const series = JSON.parse(dataJson);
  let n = 0;
  for (const s of series) for (const v of s.data || []) if (v !== null && v !== undefined && !(typeof v === 'object' && v.value === null)) n++;
  return n;
}

async function change(page, selector, value) {
  await page.locator(selector).first().fill(value);
  await page.locator(selector).first().dispatchEvent('change');
}

async function shot(page, name) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function viewChecks(page, base) {
  let dashboard = true;
  await check('dashboard is served at /', async () => {
    const r = await rawGet(Number(new URL(base).port), '/');
    dashboard = r.status === 200;
    assert(r.status === 200, `GET / -> ${r.status}: ${r.body.slice(0, 160)} (build the rostrum_web target)`);
    assert(/<script[^>]+src=/.test(r.body), 'index.html has no script');
  });
  if (!dashboard) return;
  await check('view pairs: renders and follows the measure control', async () => {
    const t0 = Date.now();
    await page.goto(`${base}?view=pairs&pairs=USA-RUS,CHN-RUS,USA-GBR&by=year&from=1970`);
    const first = await waitChart(page, 'pairs');
    const loadMs = Date.now() - t0;
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 20, `only ${points(first.data)} points`);
    await shot(page, '1-pairs');
    await page.selectOption('select[name=measure]', 'kappa');
    const second = await waitChart(page, 'pairs', first.seq);
    assert(second.status === 'ready', `after change: ${second.message}`);
    assert(second.data !== first.data, 'chart data did not change');
    assert(page.url().includes('measure=kappa'), `URL not updated: ${page.url()}`);
    return `${points(first.data)} points, first chart in ${loadMs} ms`;
  });
  await check('view pairs: interval band and shareable URL', async () => {
    const before = await page.evaluate(() => window.__rostrum.charts.pairs.seq);
    await page.check('input[name=ci]');
    const withCi = await waitChart(page, 'pairs', before);
    assert(withCi.status === 'ready', withCi.message);
    const names = JSON.parse(withCi.data).map((s) => s.name);
    assert(names.some((n) => /band$/.test(n)), 'no interval band series');
    await shot(page, '1-pairs-ci');
    // Reload the shared URL: the same state comes back.
    const url = page.url();
    await page.goto(url);
    const again = await waitChart(page, 'pairs');
    assert(again.status === 'ready', again.message);
    assert(await page.inputValue('select[name=measure]') === 'kappa', 'measure not restored from URL');
    assert(await page.isChecked('input[name=ci]'), 'ci not restored from URL');
  });
  await check('view pairs: CSV and PNG downloads', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart=pairs] [data-action=csv]')]);
    assert(/\.csv$/.test(csv.suggestedFilename()), csv.suggestedFilename());
    const text = readFileSync(await csv.path(), 'utf8');
    const lines = text.trim().split('\n');
    assert(lines[0].startsWith('a,b,period,measure,value,n'), `CSV header: ${lines[0]}`);
    assert(lines.length > 20, `CSV has ${lines.length} lines`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart=pairs] [data-action=png]')]);
    assert(/\.png$/.test(png.suggestedFilename()), png.suggestedFilename());
    const bytes = readFileSync(await png.path());
    assert(bytes.length > 10000 && bytes.subarray(1, 4).toString() === 'PNG', `PNG of ${bytes.length} bytes`);
  });

  await check('source selector (when the store holds several GA sources)', async () => {
    await page.goto(`${base}?view=pairs&pairs=USA-GBR&from=1970`);
    const first = await waitChart(page, 'pairs');
    const options = await page.locator('select[name=source] option').allTextContents();
    if (options.length < 3) return 'one source: no selector';
    // The default is the record (all sources); a named source must give other data.
    let second = null;
    for (let i = 1; i < options.length; i++) {
      await page.selectOption('select[name=source]', { index: i });
      second = await waitChart(page, 'pairs', (second ?? first).seq);
      assert(second.status === 'ready', second.message);
      if (second.data !== first.data) break;
    }
    assert(second.data !== first.data, 'data did not change with the source');
    assert(page.url().includes('source='), 'source not in the URL');
    return `${options.length - 1} sources`;
  });

  await check('view partners: ranking and world map follow the country', async () => {
    await page.goto(`${base}?view=partners&country=USA`);
    const first = await waitChart(page, 'partners-map');
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    const top = await waitChart(page, 'partners-top');
    assert(points(top.data) >= 10, `only ${points(top.data)} partners`);
    assert(points(first.data) >= 50, `map has only ${points(first.data)} countries`);
    await shot(page, '2-partners');
    await change(page, 'input[name=country]', 'CHN');
    const second = await waitChart(page, 'partners-map', first.seq);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'map data did not change');
    await shot(page, '2-partners-chn');
    return `${points(first.data)} countries on the map`;
  });

  await check('view matrix: heatmap follows the year', async () => {
    await page.goto(`${base}?view=matrix`);
    const first = await waitChart(page, 'matrix');
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 1000, `only ${points(first.data)} cells`);
    await shot(page, '3-matrix');
    const year = Number(await page.inputValue('input[name=year]'));
    await change(page, 'input[name=year]', String(year - 10));
    const second = await waitChart(page, 'matrix', first.seq);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'heatmap data did not change');
    return `${points(first.data)} cells`;
  });

  await check('view cohesion: groups over time follow the index', async () => {
    await page.goto(`${base}?view=cohesion`);
    const first = await waitChart(page, 'cohesion');
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 20, `only ${points(first.data)} points`);
    await shot(page, '4-cohesion');
    await page.selectOption('select[name=index]', 'rice');
    const second = await waitChart(page, 'cohesion', first.seq);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'cohesion data did not change');
  });

  await check('view blocs: bloc map follows the year', async () => {
    await page.goto(`${base}?view=blocs&year=2019`);
    const first = await waitChart(page, 'blocs-map', 0, 120000);
    if (first.status === 'unavailable') return 'not available yet in this build (shown as such)';
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 50, `only ${points(first.data)} countries`);
    await shot(page, '6-blocs');
    await change(page, 'input[name=year]', '1985');
    const second = await waitChart(page, 'blocs-map', first.seq, 120000);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'bloc map did not change');
  });

  await check('view poles: states between two poles follow the poles', async () => {
    await page.goto(`${base}?view=poles&pa=USA&pb=CHN&year=2019`);
    const first = await waitChart(page, 'poles', 0, 120000);
    if (first.status === 'unavailable') return 'not available yet in this build (shown as such)';
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 50, `only ${points(first.data)} states`);
    await waitChart(page, 'poles-trend', 0, 120000);
    await shot(page, '7-poles');
    await change(page, 'input[name=pb]', 'RUS');
    const second = await waitChart(page, 'poles', first.seq, 120000);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'scatter data did not change');
  });

  await check('view ideal: ideal points (or a clear "not available yet")', async () => {
    await page.goto(`${base}?view=ideal`);
    const first = await waitChart(page, 'ideal', 0, 180000);
    await shot(page, '8-ideal');
    if (first.status === 'unavailable') {
      const text = await page.locator('[data-chart=ideal] .card-status').innerText();
      assert(/not available yet/i.test(text), `status text: ${text}`);
      return `shown as not available yet: ${text.slice(0, 120)}`;
    }
    assert(first.status === 'ready', `status ${first.status}: ${first.message}`);
    assert(points(first.data) > 10, `only ${points(first.data)} points`);
    await change(page, 'input[name=countries]', 'USA,CHN');
    const second = await waitChart(page, 'ideal', first.seq, 180000);
    assert(second.status === 'ready', second.message);
    assert(second.data !== first.data, 'ideal data did not change');
  });
}

main().catch((err) => {
  console.error(err);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
});
