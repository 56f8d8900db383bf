// The roll-call view: search, the list of matches, and one roll call's map and tally.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { e2e, getJson, noPageErrors, shot, tableRows, useDashboard, waitChart } from './helpers.mjs';

/** Counts of each vote in an API answer's rows. */
function countVotes(rows) {
  const counts = {};
  for (const r of rows) counts[r.vote] = (counts[r.vote] ?? 0) + 1;
  return counts;
}

describe('roll-call view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'rollcall: words of a title list the matches, as the API does', async () => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=rollcall&rc=${encodeURIComponent('nuclear weapons')}&year=2015`);
    const map = await waitChart(page, 'rollcall-map');
    const api = await getJson(port, '/api/rollcall?search=nuclear+weapons&year=2015');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    assert.equal(api.json.mode, 'matches');
    assert.ok(api.json.matches > 1, `${api.json.matches} matches`);
    assert.equal(map.status, 'empty', map.message);
    assert.match(map.message, new RegExp(`${api.json.matches} roll calls match`));
    const rows = await tableRows(page, 'rollcall-matches');
    assert.equal(rows.length, api.json.rows.length);
    assert.equal(rows[0].cells[0], api.json.rows[0].symbol);
  });

  e2e(ctx, 'rollcall: picking one draws every state’s vote on the map and the tally the API gives', async (t) => {
    const { page, port } = ctx;
    const first = await waitChart(page, 'rollcall-map');
    const id = await page.locator('table[data-table="rollcall-matches"] a[data-rollcall]').first().getAttribute('data-rollcall');
    await page.locator('table[data-table="rollcall-matches"] a[data-rollcall]').first().click();
    const map = await waitChart(page, 'rollcall-map', first.seq);
    assert.equal(map.status, 'ready', map.message);
    assert.ok(page.url().includes(`rcid=${id}`), page.url());
    const api = await getJson(port, `/api/rollcall?id=${id}`);
    assert.equal(api.status, 200, api.body.slice(0, 200));
    assert.equal(api.json.mode, 'votes');
    const counts = countVotes(api.json.rows);
    // The map colours each listed state by its vote.
    const drawn = JSON.parse(map.data)[0].data;
    assert.ok(drawn.length > 100, `${drawn.length} states on the map`);
    for (const d of drawn) assert.equal(api.json.rows.find((r) => r.country === d.iso3)?.vote, d.vote, d.iso3);
    // The tally is the API's, bar by bar.
    const tally = await waitChart(page, 'rollcall-tally');
    assert.equal(tally.status, 'ready', tally.message);
    const bars = JSON.parse(tally.data)[0].data.map((b) => b.value);
    assert.equal(bars[0], counts.yes ?? 0);
    assert.equal(bars[1], counts.no ?? 0);
    assert.equal(bars[2], counts.abstain ?? 0);
    assert.equal(bars[0], api.json.rollcall.yes);
    // The source and its page in the UN Digital Library.
    const href = await page.locator('[data-table-card="rollcall-matches"] .card-status a').getAttribute('href');
    assert.match(href, /^https:\/\/digitallibrary\.un\.org\/(record\/\d+|search\?p=)/);
    await shot(page, '10-rollcall');
    t.diagnostic(`roll call ${id}: ${JSON.stringify(counts)}`);
  });

  e2e(ctx, 'rollcall: a group keeps its states only', async () => {
    const { page } = ctx;
    const first = await waitChart(page, 'rollcall-tally');
    const all = JSON.parse(first.data)[0].data.reduce((s, b) => s + b.value, 0);
    await page.selectOption('select[name=group]', 'G20');
    const second = await waitChart(page, 'rollcall-tally', first.seq);
    assert.equal(second.status, 'ready', second.message);
    const g20 = JSON.parse(second.data)[0].data.reduce((s, b) => s + b.value, 0);
    assert.ok(g20 > 0 && g20 <= 20 && g20 < all, `${g20} of ${all}`);
    assert.ok(page.url().includes('group=G20'), page.url());
  });

  e2e(ctx, 'rollcall: a symbol the store does not hold shows the reason in place', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=rollcall&rc=${encodeURIComponent('A/RES/999/999')}`);
    const r = await waitChart(page, 'rollcall-map');
    assert.equal(r.status, 'empty', r.message);
    assert.match(r.message, /No roll call matches/i);
    assert.ok(await page.locator('[data-chart=rollcall-map] .chart').isHidden(), 'the empty chart is still shown');
  });

  noPageErrors(ctx);
});
