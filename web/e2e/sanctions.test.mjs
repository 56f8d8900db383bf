// The sanctions view: the coverage heat map, the listing-lag histogram and the
// gaps table against the API's answers; and a store without sanctions lists,
// where every card shows the server's "import them first" in place.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { fileURLToPath } from 'node:url';
import { change, e2e, findBinary, getJson, noPageErrors, shot, tableRows, useDashboard, waitChart } from './helpers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The heat map's cells as { issuer, target, entities }. */
function heatCells(page) {
  return page.evaluate(() => {
    const o = window.__rostrum.charts['sanctions-coverage'].chart.getOption();
    const issuers = o.xAxis[0].data;
    const targets = o.yAxis[0].data.map((label) => /\((\w+)\)$/.exec(label)[1]);
    return { issuers, targets, cells: o.series[0].data.map((d) => ({ issuer: issuers[d.value[0]], target: targets[d.value[1]], entities: d.value[2] })) };
  });
}

/** Waits until the gaps table has left "Loading…"; returns its rows and status. */
async function gapsTable(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-table-card="sanctions-gaps"] .card-status');
    return s && s.textContent !== 'Loading…' && s.textContent !== '';
  }, null, { timeout: 120_000 });
  const status = await page.locator('[data-table-card="sanctions-gaps"] .card-status').innerText();
  return { status, rows: await tableRows(page, 'sanctions-gaps') };
}

describe('sanctions view', () => {
  const ctx = useDashboard();
  let lists = false;

  e2e(ctx, 'sanctions: the coverage heat map holds the API counts of the most listed targets', async (t) => {
    const { page, base, port } = ctx;
    const l = await getJson(ctx.port, '/api/sanctions/lists');
    lists = l.status === 200;
    if (!lists) return t.skip('the store holds no sanctions lists (rostrum sanctions import)');
    await page.goto(`${base}?view=sanctions`);
    const r = await waitChart(page, 'sanctions-coverage');
    assert.equal(r.status, 'ready', r.message);
    const api = await getJson(port, '/api/sanctions/coverage?issuers=US,EU,UN,CN');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const rows = api.json.rows.filter((row) => row.group !== '(all)');
    // The 40 targets any issuer lists most entities of, most first.
    const union = new Map(rows.map((row) => [row.group, row.union]));
    const top = [...union].filter(([, u]) => u > 0).sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0])).slice(0, 40).map(([g]) => g);
    const drawn = await heatCells(page);
    assert.deepEqual(drawn.issuers, ['US', 'EU', 'UN', 'CN']);
    assert.deepEqual(drawn.targets, top);
    assert.equal(drawn.cells.length, top.length * 4);
    const want = new Map(rows.map((row) => [`${row.issuer}|${row.group}`, row.entities]));
    for (const c of drawn.cells) assert.equal(c.entities, want.get(`${c.issuer}|${c.target}`), `${c.issuer} ${c.target}`);
    // The lists the store holds, each with its entries and snapshot date.
    await page.waitForFunction(() => document.querySelector('.lists-note')?.textContent, null, { timeout: 60_000 });
    const listsNote = await page.locator('.lists-note').innerText();
    for (const list of l.json.rows) assert.ok(listsNote.includes(`${list.name}: ${list.entries} entries, as of ${list.as_of ?? 'an unknown date'}`), `${list.name} missing: ${listsNote}`);
    await shot(page, '12-sanctions');
    t.diagnostic(`${drawn.cells.length} cells, ${top.length} targets of ${union.size}`);
  });

  e2e(ctx, 'sanctions: chosen targets narrow the heat map; a target nobody lists is a message', async (t) => {
    if (!lists) return t.skip('no sanctions lists');
    const { page } = ctx;
    const first = await waitChart(page, 'sanctions-coverage');
    await change(page, 'input[name=targets]', 'IRN, PRK');
    const second = await waitChart(page, 'sanctions-coverage', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data);
    assert.deepEqual((await heatCells(page)).targets.sort(), ['IRN', 'PRK']);
    assert.ok(page.url().includes('targets=IRN'), page.url());
    await change(page, 'input[name=targets]', 'TUV');
    const third = await waitChart(page, 'sanctions-coverage', second.seq);
    assert.equal(third.status, 'empty', third.message);
    assert.match(third.message, /^None of US, EU, UN, CN lists an entity targeting TUV\.$/);
  });

  e2e(ctx, 'sanctions: the lag histogram counts the API rows per bin, and follows issuer A', async (t) => {
    if (!lists) return t.skip('no sanctions lists');
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=sanctions&lag_a=US&lag_b=EU&lag_target=RUS`);
    const r = await waitChart(page, 'sanctions-lag');
    assert.equal(r.status, 'ready', r.message);
    const api = await getJson(port, '/api/sanctions/lag?a=US&b=EU&target=RUS');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const bars = JSON.parse(r.data)[0].data.map((d) => d.value);
    assert.deepEqual(bars, api.json.histogram.map((b) => b.pairs));
    // Counted here from the per-entity rows: the bars hold every row once.
    const counted = api.json.histogram.map((b) => api.json.rows.filter((row) =>
      (b.from_days === null || row.days >= b.from_days) && (b.to_days === null || row.days <= b.to_days)).length);
    assert.deepEqual(bars, counted);
    assert.equal(bars.reduce((s, v) => s + v, 0), api.json.rows.length);
    const note = await page.locator('[data-chart="sanctions-lag"] .card-status').innerText();
    assert.match(note, new RegExp(`^${api.json.pairs} entities targeting Russian Federation listed by both: US first for ${api.json.a_first}, EU first for ${api.json.b_first}`));

    await page.selectOption('select[name=lag_a]', 'UN');
    const second = await waitChart(page, 'sanctions-lag', r.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, r.data, 'chart data did not change');
    const un = await getJson(port, '/api/sanctions/lag?a=UN&b=EU&target=RUS');
    assert.ok(un.json.rows.length > 0, 'UN and EU list no common entity targeting RUS: the case no longer tests a change');
    assert.deepEqual(JSON.parse(second.data)[0].data.map((d) => d.value), un.json.histogram.map((b) => b.pairs));
    assert.ok(page.url().includes('lag_a=UN'), page.url());

    // A blank target is every target.
    await change(page, 'input[name=lag_target]', '');
    const third = await waitChart(page, 'sanctions-lag', second.seq);
    assert.equal(third.status, 'ready', third.message);
    const every = await getJson(port, '/api/sanctions/lag?a=UN&b=EU');
    assert.deepEqual(JSON.parse(third.data)[0].data.map((d) => d.value), every.json.histogram.map((b) => b.pairs));
    assert.equal(await page.locator('input[name=lag_target]').inputValue(), 'all');
    assert.ok(page.url().includes('lag_target=all'), page.url());
  });

  e2e(ctx, 'sanctions: the gaps table lists the API rows, and the search box keeps the matching ones', async (t) => {
    if (!lists) return t.skip('no sanctions lists');
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=sanctions&gap_issuer=US&gap_ally=EU&gap_target=RUS`);
    const api = await getJson(port, '/api/sanctions/gaps?issuer=US&ally=EU&target=RUS&limit=100');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    assert.ok(api.json.rows.length > 10, `${api.json.rows.length} gaps: the case no longer tests a table`);
    const all = await gapsTable(page);
    assert.equal(all.rows.length, api.json.rows.length);
    all.rows.forEach((row, i) => {
      assert.equal(row.cells[1], api.json.rows[i].name);
      assert.equal(row.cells[2], api.json.rows[i].id);
    });
    const word = 'bank';
    const keys = ['name', 'id', 'type', 'targets', 'programmes', 'linked', 'also_listed_by', 'identifiers'];
    const want = api.json.rows.filter((row) => keys.some((k) => String(row[k] ?? '').toLowerCase().includes(word)));
    assert.ok(want.length > 0 && want.length < api.json.rows.length, `${want.length} rows contain "${word}"`);
    await change(page, 'input[name=q]', word);
    const some = await gapsTable(page);
    assert.deepEqual(some.rows.map((row) => row.cells[2]), want.map((row) => row.id));
    assert.match(some.status, new RegExp(`^${want.length} of ${api.json.rows.length} rows contain “bank”`));
    assert.ok(page.url().includes('q=bank'), page.url());
    await change(page, 'input[name=q]', 'zzzqqq');
    const none = await gapsTable(page);
    assert.equal(none.rows.length, 0);
    assert.match(none.status, /^No row of the \d+ contains “zzzqqq”\.$/);
  });

  noPageErrors(ctx);
});

describe('sanctions view on a store without sanctions lists', () => {
  let dir = '';
  let db = '';
  before(() => {
    // A store holding only the project's treaty file: no sanctions lists.
    dir = mkdtempSync(path.join(os.tmpdir(), 'rostrum-e2e-nolists-'));
    db = path.join(dir, 'treaties.db');
    execFileSync(findBinary(), ['--db', db, 'alliances', 'import', path.join(repo, 'data', 'treaties.csv')], { stdio: 'ignore' });
  });
  const ctx = useDashboard({ db: () => db, degraded: true });
  after(() => rmSync(dir, { recursive: true, force: true }));

  e2e(ctx, 'sanctions: every card shows the server\'s "not available" hint in place', async (t) => {
    if (ctx.server.external) return t.skip('ROSTRUM_E2E_URL: cannot start a server on another store');
    const { page, base, port } = ctx;
    const api = await getJson(port, '/api/sanctions/coverage');
    assert.equal(api.status, 404, api.body.slice(0, 200));
    assert.equal(api.json.available, false);
    await page.goto(`${base}?view=sanctions`);
    const expected = `Not available: ${api.json.error[0].toUpperCase()}${api.json.error.slice(1)}.`;
    for (const id of ['sanctions-coverage', 'sanctions-lag']) {
      const r = await waitChart(page, id);
      assert.equal(r.status, 'unavailable', `${id}: ${r.status} ${r.message}`);
      assert.equal(r.message, expected);
      assert.ok(await page.locator(`[data-chart="${id}"] .chart`).isHidden(), `${id}: an empty chart is still shown`);
    }
    const gaps = await gapsTable(page);
    assert.equal(gaps.status, expected);
    assert.match(expected, /rostrum sanctions import/);
    assert.ok(await page.locator('.lists-note').isHidden(), 'a list note without lists');
    await shot(page, '13-sanctions-not-available');
  });

  noPageErrors(ctx);
});
