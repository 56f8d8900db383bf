// Empty answers: when the API answers no rows, a view shows the answer's
// `reason` as a sentence in place of the chart, never an empty chart.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { e2e, getJson, noPageErrors, shot, useDashboard, waitChart } from './helpers.mjs';

/** The reason as the dashboard writes it: a sentence. */
function sentence(reason) {
  const s = reason.trim();
  const cap = s[0].toUpperCase() + s.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

// view URL, chart, the API query whose reason the chart must show
const cases = [
  ['view=pairs&pairs=USA-CHN&from=2030&to=2031', 'pairs', '/api/agree?a=USA&b=CHN&by=year&from=2030&to=2031'],
  ['view=partners&country=USA&from=2030&to=2031', 'partners-map', '/api/agree?a=USA&b=all&from=2030&to=2031'],
  ['view=matrix&year=2030', 'matrix', '/api/agree?a=all&b=all&year=2030'],
  ['view=cohesion&groups=G7&from=2030&to=2031', 'cohesion', '/api/cohesion?group=G7&by=year&from=2030&to=2031'],
  ['view=cohesion&groups=G7&from=2030&to=2031', 'cohesion-compare', '/api/cohesion-compare?group=CHN%2BRUS%2BPRK&vs=G7&from=2030&to=2031'],
  ['view=blocs&year=2030', 'blocs-map', '/api/blocs?year=2030'],
  ['view=poles&year=2030', 'poles', '/api/poles?poles=USA,CHN&year=2030'],
  ['view=pairs&pairs=USA-CHN&from=2019&to=2019&issue=hr&important=1', 'pairs', '/api/agree?a=USA&b=CHN&by=year&from=2019&to=2019&issue=hr&important=1'],
];

describe('empty answers', () => {
  const ctx = useDashboard();

  for (const [query, chart, api] of cases) {
    e2e(ctx, `${chart} (${query}): the reason in place of the chart`, async () => {
      const { page, base, port } = ctx;
      const answer = await getJson(port, api);
      assert.equal(answer.status, 200, answer.body.slice(0, 200));
      assert.equal(answer.json.rows.length, 0, `${api} has rows: the case no longer tests an empty answer`);
      assert.ok(answer.json.reason, `${api} gives no reason`);
      await page.goto(`${base}?${query}`);
      const r = await waitChart(page, chart);
      assert.equal(r.status, 'empty', `${r.status}: ${r.message}`);
      assert.equal(r.message, sentence(answer.json.reason));
      assert.ok(await page.locator(`[data-chart="${chart}"] .chart`).isHidden(), 'an empty chart is still shown');
      assert.equal(await page.locator(`[data-chart="${chart}"] .card-status`).innerText(), r.message);
    });
  }

  e2e(ctx, 'a later query with rows brings the chart back', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=matrix&year=2030`);
    const empty = await waitChart(page, 'matrix');
    assert.equal(empty.status, 'empty');
    await shot(page, '0-empty-matrix');
    await page.locator('input[name=year]').fill('2019');
    await page.locator('input[name=year]').dispatchEvent('change');
    const back = await waitChart(page, 'matrix', empty.seq);
    assert.equal(back.status, 'ready', back.message);
    assert.ok(await page.locator('[data-chart="matrix"] .chart').isVisible());
  });

  noPageErrors(ctx);
});
