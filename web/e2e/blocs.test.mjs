// The blocs view: communities of the agreement graph on a world map.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, noPageErrors, points, shot, useDashboard, waitChart } from './helpers.mjs';

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

  noPageErrors(ctx);
});
