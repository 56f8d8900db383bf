// The dyad view: every channel of a pair (or of each pair of a group) on one
// time axis, each panel drawing exactly the API's columns, null years as gaps.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, getJson, noPageErrors, shot, useDashboard, waitChart } from './helpers.mjs';

/** The chart's option parts the tests read: panel titles, axes, pointer link. */
function layout(page) {
  return page.evaluate(() => {
    const o = window.__rostrum.charts.dyad.chart.getOption();
    return {
      titles: o.title.map((t) => ({ text: t.text, subtext: t.subtext })),
      years: o.xAxis.map((x) => x.data),
      grids: o.grid.length,
      link: o.axisPointer?.[0]?.link ?? null,
    };
  });
}

function byName(dataJson) {
  return new Map(JSON.parse(dataJson).map((s) => [s.name, s.data]));
}

// The columns each panel draws for one pair (the view's own choice; every one
// must be drawn exactly as the API gives it).
const PAIR_COLUMNS = {
  ga: ['ga_agree', 'ga_lo'],
  sc: ['sc_agree', 'sc_agree_with_vetoes'],
  vetoes: ['vetoes_a', 'vetoes_b', 'covetoes'],
  alliance: ['defense', 'offense', 'neutral', 'nonagg', 'consul'],
  portfolio: ['portfolio_s', 'portfolio_kappa', 'portfolio_pi'],
  ideal: ['ideal_distance'],
};

describe('dyad view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'dyad: one panel per channel, each series equal to the API column, nulls kept as gaps', async (t) => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=dyad&a=USA&b=RUS&from=1985&to=2000`);
    const r = await waitChart(page, 'dyad');
    assert.equal(r.status, 'ready', r.message);
    const api = await getJson(port, '/api/dyad?a=USA&b=RUS&from=1985&to=2000');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const rows = api.json.rows;
    assert.equal(rows.length, 16);
    const series = byName(r.data);
    let compared = 0;
    let nulls = 0;
    for (const ch of api.json.channels) {
      for (const col of PAIR_COLUMNS[ch.name] ?? []) {
        if (col === 'ga_lo' && !series.has('ga_lo')) continue;
        assert.ok(series.has(col), `${ch.name}: no series ${col} (${[...series.keys()].join(', ')})`);
        assert.deepEqual(series.get(col), rows.map((row) => row[col]), `${col} differs from the API`);
        nulls += rows.filter((row) => row[col] === null).length;
        compared++;
      }
    }
    assert.ok(compared >= 10, `only ${compared} columns compared`);
    // The interval band is stacked on its lower edge: hi - lo, null where either is.
    const band = series.get('ga_band');
    assert.deepEqual(band.map((v, i) => (v === null ? null : Math.round((v + rows[i].ga_lo) * 1e12) / 1e12)),
      rows.map((row) => (row.ga_hi === null || row.ga_lo === null ? null : Math.round(row.ga_hi * 1e12) / 1e12)));

    const l = await layout(page);
    assert.equal(l.grids, api.json.channels.length);
    assert.equal(l.titles.length, api.json.channels.length);
    for (const years of l.years) assert.deepEqual(years, rows.map((row) => String(row.year)), 'panels do not share the time axis');
    assert.deepEqual(l.link, [{ xAxisIndex: 'all' }]);
    // Each panel is titled; a channel with data carries its scale, one without
    // says so with the server's note in place of the scale.
    api.json.channels.forEach((ch, i) => {
      const empty = rows.every((row) => (PAIR_COLUMNS[ch.name] ?? ch.columns).every((c) => row[c] === null));
      if (empty) {
        assert.match(l.titles[i].text, /— no data$/, `${ch.name}: ${l.titles[i].text}`);
        if (ch.notes.length) assert.equal(l.titles[i].subtext, ch.notes.join('; '));
      } else {
        assert.equal(l.titles[i].subtext, ch.scale, `${ch.name}: the panel does not give its scale`);
      }
    });
    await shot(page, '11-dyad');
    t.diagnostic(`${compared} columns equal to the API over ${rows.length} years, ${nulls} null values kept as gaps`);
  });

  e2e(ctx, 'dyad: state B follows its control', async () => {
    const { page, port } = ctx;
    const first = await waitChart(page, 'dyad');
    await change(page, 'input[name=b]', 'CHN');
    const second = await waitChart(page, 'dyad', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'chart data did not change');
    const api = await getJson(port, '/api/dyad?a=USA&b=CHN&from=1985&to=2000');
    assert.deepEqual(byName(second.data).get('ga_agree'), api.json.rows.map((row) => row.ga_agree));
    assert.match(await page.locator('[data-chart=dyad] h2').innerText(), /USA–CHN/);
    assert.ok(/[?&]b=CHN(&|$)/.test(page.url()), page.url());
  });

  e2e(ctx, 'dyad: a group draws every pair, each from the API', async () => {
    const { page, port } = ctx;
    const first = await waitChart(page, 'dyad');
    await change(page, 'input[name=group]', 'CHN+RUS+PRK');
    const second = await waitChart(page, 'dyad', first.seq);
    assert.equal(second.status, 'ready', second.message);
    const api = await getJson(port, '/api/dyad?group=CHN%2BRUS%2BPRK&from=1985&to=2000');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const series = byName(second.data);
    const pairs = [...new Set(api.json.rows.map((row) => `${row.a}–${row.b}`))];
    assert.equal(pairs.length, 3);
    const years = [...new Set(api.json.rows.map((row) => row.year))].sort((p, q) => p - q);
    for (const p of pairs) {
      const mine = api.json.rows.filter((row) => `${row.a}–${row.b}` === p);
      const want = years.map((y) => mine.find((row) => row.year === y)?.ga_agree ?? null);
      assert.deepEqual(series.get(`ga_agree ${p}`), want, `ga_agree ${p}`);
      const cov = years.map((y) => mine.find((row) => row.year === y)?.covetoes ?? null);
      assert.deepEqual(series.get(`covetoes ${p}`), cov, `covetoes ${p}`);
    }
    assert.match(await page.locator('[data-chart=dyad] h2').innerText(), /every pair of CHN\+RUS\+PRK/);
  });

  e2e(ctx, 'dyad: years without any data show the reason, not an empty chart', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=dyad&a=USA&b=CHN&from=2030&to=2031`);
    const r = await waitChart(page, 'dyad');
    assert.equal(r.status, 'empty', r.message);
    // The server's reason: the pair, the years, and where each channel's data end.
    assert.match(r.message, /^No channel has data for USA-CHN in 2030-2031; the store's channels end in: ga \d{4}/);
    assert.ok(await page.locator('[data-chart=dyad] .chart').isHidden(), 'the empty chart is still shown');
  });

  e2e(ctx, 'dyad: an unknown state is an error in place naming the parameter', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=dyad&a=USA&b=XXZ`);
    const r = await waitChart(page, 'dyad');
    assert.equal(r.status, 'error');
    assert.match(r.message, /unknown country 'XXZ'.*\(parameter “b”\)/);
  });

  noPageErrors(ctx);
});
