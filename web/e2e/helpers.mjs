// Shared setup of the end-to-end tests (node:test + playwright-core):
// `rostrum serve` on a free loopback port, headless Chromium with a fresh
// profile, and waiting on the charts the dashboard registers on
// window.__rostrum.
//
//   ROSTRUM_E2E_DB      store the server reads (required unless ROSTRUM_E2E_URL)
//   ROSTRUM_BIN         rostrum binary (default: the newest build*/rostrum)
//   ROSTRUM_E2E_URL     test a server that is already running instead
//   ROSTRUM_E2E_SCREENSHOTS  folder for the screenshots (default web/e2e/screenshots)
//   ROSTRUM_E2E_WEB_ROOT  built dashboard to serve (default: the one the binary was built with)
//   ROSTRUM_CHROMIUM    browser binary (default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
export const shotsDir = path.resolve(process.env.ROSTRUM_E2E_SCREENSHOTS || path.join(here, 'screenshots'));
const chromiumPath = process.env.ROSTRUM_CHROMIUM || '/usr/bin/chromium';

// Queries over the whole record can take a while on a loaded machine.
export const SLOW = 180_000;

export function findBinary() {
  if (process.env.ROSTRUM_BIN) return process.env.ROSTRUM_BIN;
  const candidates = ['build', 'build-release', 'build-web', 'build-debug']
    .map((d) => path.join(repo, d, 'rostrum'))
    .filter((p) => existsSync(p));
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0];
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

/** GET with the target exactly as given (no normalisation of `..`). */
export function rawGet(port, target) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: target, headers: { Connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

export async function getJson(port, target) {
  const r = await rawGet(port, target);
  let json = null;
  try {
    json = JSON.parse(r.body);
  } catch {
    /* not JSON: the caller's assertion on status names the body */
  }
  return { status: r.status, json, body: r.body };
}

/** Waits for /api/health to answer 200 (or, with `degraded`, 503 "degraded":
 *  a store without General Assembly votes, which a test may want). */
async function waitHealthy(port, child, degraded = false) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`rostrum serve exited with ${child.exitCode}`);
    const r = await rawGet(port, '/api/health');
    if (r.status === 200) return;
    if (degraded && r.status === 503 && /"status":\s*"degraded"/.test(r.body)) return;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('rostrum serve did not answer /api/health within 60 s');
}

/**
 * Starts `rostrum serve` on a free port (or uses ROSTRUM_E2E_URL), on the
 * store `opts.db` (default ROSTRUM_E2E_DB); `opts.degraded` accepts a store
 * the health check calls degraded (no General Assembly votes).
 * stop() sends SIGTERM and resolves to the exit code ('timeout' after 10 s).
 */
export async function startServer(opts = {}) {
  if (process.env.ROSTRUM_E2E_URL && !opts.db) {
    const base = process.env.ROSTRUM_E2E_URL.replace(/\/?$/, '/');
    const port = Number(new URL(base).port);
    await waitHealthy(port, null);
    return { base, port, external: true, log: () => '', stop: async () => 0 };
  }
  const db = opts.db ?? process.env.ROSTRUM_E2E_DB;
  if (!db) throw new Error('ROSTRUM_E2E_DB is not set (path to an imported store)');
  const bin = findBinary();
  if (!bin || !existsSync(bin)) throw new Error('rostrum binary not found (set ROSTRUM_BIN)');
  const port = await freePort();
  const webRoot = process.env.ROSTRUM_E2E_WEB_ROOT ? ['--web-root', process.env.ROSTRUM_E2E_WEB_ROOT] : [];
  const child = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), ...webRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  try {
    await waitHealthy(port, child, Boolean(opts.degraded));
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n--- server output ---\n${log.slice(-2000)}`);
  }
  return {
    base: `http://127.0.0.1:${port}/`,
    port,
    external: false,
    log: () => log,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return `already exited (${child.exitCode ?? child.signalCode})`;
      child.kill('SIGTERM');
      const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
      const code = await Promise.race([exited, timer]);
      if (code === 'timeout') child.kill('SIGKILL');
      return code;
    },
  };
}

/** Headless Chromium with a fresh profile folder (removed by close()). */
export async function launchBrowser() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'rostrum-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Registers before/after hooks for a test file that drives the dashboard: one
 * server (on the store `opts.db`, a path or a function giving it, default
 * ROSTRUM_E2E_DB), one browser page. Returns an object filled in by the before hook:
 * { server, base, port, page, errors }. Ends the file with the check that the
 * page logged no uncaught errors.
 */
export function useDashboard(opts = {}) {
  const ctx = { server: null, base: '', port: 0, page: null, errors: [], browser: null };
  before(async () => {
    ctx.server = await startServer({ db: typeof opts.db === 'function' ? opts.db() : opts.db, degraded: opts.degraded });
    ctx.base = ctx.server.base;
    ctx.port = ctx.server.port;
    const index = await rawGet(ctx.port, '/');
    if (index.status !== 200 || !/<script[^>]+src=/.test(index.body))
      throw new Error(`the dashboard is not served at / (GET / -> ${index.status}); build the rostrum_web target`);
    mkdirSync(shotsDir, { recursive: true });
    ctx.browser = await launchBrowser();
    ctx.page = ctx.browser.context.pages()[0] ?? (await ctx.browser.context.newPage());
    ctx.page.on('pageerror', (e) => ctx.errors.push(String(e)));
    ctx.page.on('console', (m) => {
      if (m.type() === 'error') ctx.errors.push(m.text());
    });
  });
  after(async () => {
    if (ctx.browser) await ctx.browser.close();
    if (ctx.server) {
      const code = await ctx.server.stop();
      if (code !== 0) throw new Error(`rostrum serve did not stop cleanly: ${code}`);
    }
  });
  return ctx;
}

/** The page logged no uncaught exception and no console error other than the
 *  failed API answers a test provoked on purpose (shown in the page). */
export function noPageErrors(ctx) {
  test('no uncaught errors in the page', () => {
    const real = ctx.errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|404|501)/.test(e));
    if (real.length) throw new Error(real.slice(0, 3).join(' | '));
  });
}

/** A test whose failure message ends with the server's last output. */
export function e2e(ctx, name, fn, timeout = SLOW) {
  test(name, { timeout }, async (t) => {
    try {
      await fn(t);
    } catch (err) {
      const tail = ctx.server && ctx.server.log ? ctx.server.log().slice(-1500) : '';
      if (tail && err instanceof Error) err.message += `\n--- server output (last lines) ---\n${tail}`;
      throw err;
    }
  });
}

// ---- the dashboard's chart registry ------------------------------------------

/** Waits until chart `id` has rendered after `afterSeq` and is not loading. */
export async function waitChart(page, id, afterSeq = 0, timeout = SLOW) {
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

export function seqOf(page, id) {
  return page.evaluate((id) => (window.__rostrum.charts[id] ? window.__rostrum.charts[id].seq : 0), id);
}

/** Number of non-null values in all series of a chart's data. */
export function points(dataJson) {
  const series = JSON.parse(dataJson) ?? [];
  let n = 0;
  for (const s of series)
    for (const v of s.data || []) if (v !== null && v !== undefined && v !== '-' && !(typeof v === 'object' && v.value === null)) n++;
  return n;
}

export function seriesNames(dataJson) {
  return (JSON.parse(dataJson) ?? []).map((s) => s.name);
}

/** Types `value` into the (first) control matching `selector` and fires change. */
export async function change(page, selector, value) {
  const el = page.locator(selector).first();
  await el.fill(value);
  await el.dispatchEvent('change');
}

export async function shot(page, name) {
  await page.waitForTimeout(300);
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Rows of an HTML table the dashboard shows (data-table="id"), as text cells. */
export function tableRows(page, id) {
  return page.$$eval(`table[data-table="${id}"] tbody tr`, (trs) =>
    trs.map((tr) => ({ cls: tr.className, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })),
  );
}
