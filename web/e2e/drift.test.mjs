// The drift view: who moved between two poles from one period to another.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, getJson, noPageErrors, seriesNames, shot, tableRows, useDashboard, waitChart } from './helpers.mjs';

/** "[-0.316, -0.139]" -> [-0.316, -0.139] */
function interval(text) {
  const m = /\[\s*(-?[\d.]+),\s*(-?[\d.]+)\s*\]/.exec(text);
  assert.ok(m, `no interval in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

describe('drift view', () => {
  const ctx = useDashboard();
  const query = 'pa=USA&pb=CHN%2BRUS&from=2008-2010&to=2017-2019';

  e2e(ctx, 'drift: a slope per state, the states whose interval excludes 0 highlighted, and the biggest movers', async (t) => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=drift&${query}`);
    const slope = await waitChart(page, 'drift');
    assert.equal(slope.status, 'ready', slope.message);
    const series = JSON.parse(slope.data);
    assert.ok(series.length > 100, `${series.length} states`);
    for (const s of series) assert.equal(s.data.length, 2, `${s.name}: ${JSON.stringify(s.data)}`);
    const forest = await waitChart(page, 'drift-change');
    assert.equal(forest.status, 'ready', forest.message);

    // The highlighting agrees with the server's verdict, state by state.
    const api = await getJson(port, '/api/drift?poles=USA,CHN%2BRUS&from=2008-2010&to=2017-2019');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const verdict = new Map(api.json.states.map((s) => [s.country, s.moved]));
    const byName = new Map(series.map((s) => [s.name, s.data]));
    for (const s of api.json.states.slice(0, 40)) {
      const drawn = byName.get(s.country);
      assert.ok(drawn, `${s.country} missing from the chart`);
      assert.ok(Math.abs(drawn[0] - s.from_position) < 1e-9 && Math.abs(drawn[1] - s.to_position) < 1e-9, `${s.country}: drawn ${drawn}`);
    }
    const rows = await tableRows(page, 'drift-movers');
    assert.equal(rows.length, 25);
    let highlighted = 0;
    for (const r of rows) {
      const [lo, hi] = interval(r.cells[6]);
      const iso3 = /\((\w{3})\)$/.exec(r.cells[1])[1];
      const moved = /\bmoved\b/.test(r.cls);
      assert.equal(moved, lo > 0 || hi < 0, `${iso3} [${lo}, ${hi}] highlighted=${moved}`);
      assert.equal(moved, verdict.get(iso3) !== 'no clear change', `${iso3}: server says ${verdict.get(iso3)}`);
      if (moved) highlighted++;
    }
    assert.ok(highlighted > 0, 'no mover highlighted');
    const note = await page.locator('[data-chart=drift] .card-status').innerText();
    assert.match(note, new RegExp(`${api.json.moved.toward_a} states moved toward USA, ${api.json.moved.toward_b} toward CHN\\+RUS`));
    await shot(page, '9-drift');
    t.diagnostic(`${series.length} states, ${highlighted} of the 25 biggest movers highlighted`);
  });

  e2e(ctx, 'drift: the region filter narrows the states', async () => {
    const { page } = ctx;
    const first = await waitChart(page, 'drift');
    await page.selectOption('select[name=region]', 'Africa');
    const second = await waitChart(page, 'drift', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'chart data did not change');
    assert.ok(JSON.parse(second.data).length < JSON.parse(first.data).length);
    const regions = new Set((await tableRows(page, 'drift-movers')).map((r) => r.cells[2]));
    assert.deepEqual([...regions], ['Africa']);
    assert.ok(page.url().includes('region=Africa'), page.url());
  });

  e2e(ctx, 'drift: a pole follows its control', async () => {
    const { page } = ctx;
    const first = await waitChart(page, 'drift');
    await change(page, 'input[name=pb]', 'CHN');
    const second = await waitChart(page, 'drift', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'chart data did not change');
    assert.match(await page.locator('[data-chart=drift] h2').innerText(), /USA \(0\) and CHN \(1\)/);
    assert.ok(page.url().includes('pb=CHN&') || page.url().endsWith('pb=CHN'), page.url());
  });

  e2e(ctx, 'drift: a period beyond the record shows the reason, not an empty chart', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=drift&from=2030-2031&to=2032-2033`);
    const r = await waitChart(page, 'drift');
    assert.equal(r.status, 'empty', r.message);
    assert.match(r.message, /^No roll call in the from period/);
    assert.ok(await page.locator('[data-chart=drift] .chart').isHidden(), 'the empty chart is still shown');
    assert.ok(await page.locator('table[data-table=drift-movers]').isHidden(), 'the empty table is still shown');
  });

  e2e(ctx, 'drift: a bad period is an error in place naming the parameter', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=drift&from=sometime`);
    const r = await waitChart(page, 'drift');
    assert.equal(r.status, 'error');
    assert.match(r.message, /from/);
  });

  noPageErrors(ctx);
});
