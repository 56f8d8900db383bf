// The blocs view: communities of the agreement graph on a world map, with their
// stable names, cores and borderline members.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, getJson, noPageErrors, points, shot, tableRows, useDashboard, waitChart } from './helpers.mjs';

describe('blocs view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'blocs: bloc map follows the year', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=blocs&year=2019`);
    const first = await waitChart(page, 'blocs-map');
    assert.equal(first.status, 'ready', first.message);
    assert.ok(points(first.data) > 50, `only ${points(first.data)} countries`);
    await shot(page, '6-blocs');
    await change(page, 'input[name=year]', '1985');
    const second = await waitChart(page, 'blocs-map', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'bloc map did not change');
  });

  e2e(ctx, 'blocs: stable names, cores and borderline members with their stability', async () => {
    const { page, base, port } = ctx;
    // 2017: the largest bloc has borderline members.
    await page.goto(`${base}?view=blocs&year=2017`);
    const map = await waitChart(page, 'blocs-map');
    assert.equal(map.status, 'ready', map.message);
    const api = await getJson(port, '/api/blocs?year=2017');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const rows = await tableRows(page, 'blocs');
    assert.equal(rows.length, api.json.rows.length);
    let borderline = 0;
    api.json.rows.forEach((r, i) => {
      const [label, size, core, border] = rows[i].cells;
      assert.equal(label, r.label);
      assert.equal(Number(size), r.size);
      assert.ok(core.endsWith(`(${r.core})`), `core ${core} vs ${r.core}`);
      if (!r.borderline) assert.equal(border, 'none');
      for (const item of r.borderline.split(',').filter(Boolean)) {
        const [iso3, share] = item.split(':');
        assert.ok(border.includes(`${iso3} ${Number(share).toFixed(2)}`), `${iso3} ${share} not in "${border}"`);
        borderline++;
      }
    });
    assert.ok(borderline > 0, 'no borderline member in 2017 (the test needs one)');
    // On the map, borderline states are marked and carry their stability.
    const items = JSON.parse(map.data)[0].data;
    const marked = items.filter((d) => d.borderline);
    assert.ok(marked.length > 0 && marked.length <= borderline, `${marked.length} marked`);
    for (const d of marked) assert.ok(d.stability > 0 && d.stability < 1, `${d.iso3} stability ${d.stability}`);
    const legend = await page.locator('[data-chart=blocs-map] .card-status').innerText();
    assert.match(legend, new RegExp(`${borderline} borderline states`));
    await shot(page, '6-blocs-2017');
  });

  noPageErrors(ctx);
});
