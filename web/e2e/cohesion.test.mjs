// The cohesion view: groups' cohesion over time.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { e2e, noPageErrors, points, shot, useDashboard, waitChart } from './helpers.mjs';

describe('cohesion view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'cohesion: groups over time follow the index', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=cohesion`);
    const first = await waitChart(page, 'cohesion');
    assert.equal(first.status, 'ready', first.message);
    assert.ok(points(first.data) > 20, `only ${points(first.data)} points`);
    await shot(page, '4-cohesion');
    await page.selectOption('select[name=index]', 'rice');
    const second = await waitChart(page, 'cohesion', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'cohesion data did not change');
  });

  noPageErrors(ctx);
});
