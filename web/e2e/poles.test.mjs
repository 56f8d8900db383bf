// The poles view: every state between two poles, its position on the segment
// between them (0 = A, 1 = B), and the method that names the nearer pole.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, getJson, noPageErrors, points, shot, useDashboard, waitChart } from './helpers.mjs';

describe('poles view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'poles: states between two poles follow the poles', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=poles&pa=USA&pb=CHN&year=2019`);
    const first = await waitChart(page, 'poles');
    assert.equal(first.status, 'ready', first.message);
    assert.ok(points(first.data) > 50, `only ${points(first.data)} states`);
    await waitChart(page, 'poles-trend');
    await change(page, 'input[name=pb]', 'RUS');
    const second = await waitChart(page, 'poles', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'scatter data did not change');
  });

  e2e(ctx, 'poles: each state at its position between the poles, and the method named', async () => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=poles&pa=G7&pb=CHN%2BRUS&year=2019`);
    const first = await waitChart(page, 'poles-position');
    assert.equal(first.status, 'ready', first.message);
    const api = await getJson(port, '/api/poles?poles=G7,CHN%2BRUS&year=2019');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const expected = new Map(api.json.rows.filter((r) => !r.role && r.position !== null).map((r) => [r.country, r.position]));
    const drawn = JSON.parse(first.data)[0].data;
    assert.equal(drawn.length, expected.size, 'one dot per state (pole members left out)');
    for (const d of drawn) {
      const want = expected.get(d.row.country);
      assert.ok(Math.abs(d.value[0] - want) < 1e-12, `${d.row.country}: x ${d.value[0]} vs position ${want}`);
    }
    const note = await page.locator('[data-chart=poles-position] .card-status').innerText();
    assert.ok(note.includes(`Nearer pole named by ${api.json.method}`), note);
    await shot(page, '7-poles');

    const trend = await waitChart(page, 'poles-trend');
    await page.selectOption('select[name=method]', 'margin');
    const byMargin = await waitChart(page, 'poles-position', first.seq);
    assert.equal(byMargin.status, 'ready', byMargin.message);
    const margin = await getJson(port, '/api/poles?poles=G7,CHN%2BRUS&year=2019&method=margin');
    const after = await page.locator('[data-chart=poles-position] .card-status').innerText();
    assert.match(margin.json.method, /^margin/);
    assert.ok(after.includes(`Nearer pole named by ${margin.json.method}`), after);
    const nearerG7 = margin.json.rows.filter((r) => !r.role && r.nearer === 'G7').length;
    assert.ok(after.startsWith(`${nearerG7} states nearer G7`), after);
    // (Without a tie band both methods name the same pole: position < 1/2 exactly
    // when agreement with A exceeds agreement with B; the counts need not change.)
    const trend2 = await waitChart(page, 'poles-trend', trend.seq);
    assert.equal(trend2.status, 'ready', trend2.message);
    assert.ok(page.url().includes('method=margin'), page.url());

    // With a tie band the two methods disagree; the counts follow the method.
    const tieCount = async (method) => {
      const r = await getJson(port, `/api/poles?poles=G7,CHN%2BRUS&year=2019&tie=0.1&method=${method}`);
      return r.json.rows.filter((x) => !x.role && x.nearer === 'tie').length;
    };
    await change(page, 'input[name=tie]', '0.1');
    const tied = await waitChart(page, 'poles-position', byMargin.seq);
    const tiedNote = await page.locator('[data-chart=poles-position] .card-status').innerText();
    assert.ok(tiedNote.includes(`${await tieCount('margin')} tied`), tiedNote);
    const trend3 = await waitChart(page, 'poles-trend', trend2.seq);
    await page.selectOption('select[name=method]', 'projection');
    await waitChart(page, 'poles-position', tied.seq);
    const projectionNote = await page.locator('[data-chart=poles-position] .card-status').innerText();
    assert.ok(projectionNote.includes(`${await tieCount('projection')} tied`), projectionNote);
    const trend4 = await waitChart(page, 'poles-trend', trend3.seq);
    assert.notEqual(trend4.data, trend3.data, 'counts per year did not follow the method');
  });

  noPageErrors(ctx);
});
