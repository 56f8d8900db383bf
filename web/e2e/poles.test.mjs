// The poles view: every state between two poles.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, noPageErrors, points, shot, useDashboard, waitChart } from './helpers.mjs';

describe('poles view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'poles: states between two poles follow the poles', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=poles&pa=USA&pb=CHN&year=2019`);
    const first = await waitChart(page, 'poles');
    assert.equal(first.status, 'ready', first.message);
    assert.ok(points(first.data) > 50, `only ${points(first.data)} states`);
    await waitChart(page, 'poles-trend');
    await shot(page, '7-poles');
    await change(page, 'input[name=pb]', 'RUS');
    const second = await waitChart(page, 'poles', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'scatter data did not change');
  });

  noPageErrors(ctx);
});
