// The cohesion view: raw and null-adjusted cohesion of groups over time, ad-hoc
// groups written X+Y+Z, one group's error shown in place of that group only, and
// the "is A more cohesive than B?" panel.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { change, e2e, getJson, noPageErrors, points, seqOf, seriesNames, shot, useDashboard, waitChart } from './helpers.mjs';

function series(data, name) {
  const s = JSON.parse(data).find((x) => x.name === name);
  assert.ok(s, `no series ${name} in ${JSON.parse(data).map((x) => x.name)}`);
  return s.data;
}

describe('cohesion view', () => {
  const ctx = useDashboard();

  e2e(ctx, 'cohesion: groups over time follow the index', async () => {
    const { page, base } = ctx;
    await page.goto(`${base}?view=cohesion`);
    const first = await waitChart(page, 'cohesion');
    assert.equal(first.status, 'ready', first.message);
    assert.ok(points(first.data) > 20, `only ${points(first.data)} points`);
    await page.selectOption('select[name=index]', 'rice');
    const second = await waitChart(page, 'cohesion', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'cohesion data did not change');
  });

  e2e(ctx, 'cohesion: the null-adjusted index is drawn beside the raw one', async () => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=cohesion&groups=G7,CRINK&from=2000&to=2019`);
    const raw = await waitChart(page, 'cohesion');
    const adjusted = await waitChart(page, 'cohesion-adjusted');
    assert.equal(raw.status, 'ready', raw.message);
    assert.equal(adjusted.status, 'ready', adjusted.message);
    const api = await getJson(port, '/api/cohesion?group=G7&index=ai&by=year&from=2000&to=2019&null=100');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const rawG7 = series(raw.data, 'G7');
    const adjG7 = series(adjusted.data, 'G7');
    assert.equal(adjG7.length, api.json.rows.length);
    api.json.rows.forEach((r, i) => {
      assert.ok(Math.abs(rawG7[i] - r.value) < 1e-12, `${r.period}: raw ${rawG7[i]} vs ${r.value}`);
      assert.ok(Math.abs(adjG7[i] - r.adjusted) < 1e-12, `${r.period}: adjusted ${adjG7[i]} vs ${r.adjusted}`);
      // The adjusted scale is (value - null) / (1 - null), not the raw value.
      assert.ok(Math.abs(r.adjusted - (r.value - r.null_mean) / (1 - r.null_mean)) < 1e-9);
    });
    const before = await seqOf(page, 'cohesion-adjusted');
    await page.check('input[name=boot]');
    const withBoot = await waitChart(page, 'cohesion-adjusted', before);
    assert.equal(withBoot.status, 'ready', withBoot.message);
    assert.ok(seriesNames(withBoot.data).includes('G7 band'), `no interval band: ${seriesNames(withBoot.data)}`);
    assert.ok(points(JSON.stringify(JSON.parse(withBoot.data).filter((s) => s.name === 'G7 band'))) > 10, 'the band is empty');
    await shot(page, '4-cohesion');
  });

  e2e(ctx, 'cohesion: an ad-hoc group written CHN+RUS+PRK is drawn with the others', async () => {
    const { page } = ctx;
    const before = await seqOf(page, 'cohesion');
    await change(page, 'input[name=addgroup]', 'chn, rus prk');
    const r = await waitChart(page, 'cohesion', before);
    assert.equal(r.status, 'ready', r.message);
    assert.ok(series(r.data, 'CHN+RUS+PRK').filter((v) => v !== null).length > 10, 'no CHN+RUS+PRK points');
    assert.ok(series(r.data, 'G7').filter((v) => v !== null).length > 10, 'G7 lost');
    assert.equal(await page.locator('.chip[data-value="CHN+RUS+PRK"]').getAttribute('aria-pressed'), 'true');
    assert.ok(decodeURIComponent(page.url()).includes('CHN+RUS+PRK'), page.url());
  });

  e2e(ctx, 'cohesion: an error for one group is shown on that group; the others are still drawn', async () => {
    const { page } = ctx;
    const before = await seqOf(page, 'cohesion');
    await change(page, 'input[name=addgroup]', 'CHN+XXX');
    const r = await waitChart(page, 'cohesion', before);
    assert.equal(r.status, 'ready', `the chart is ${r.status}: ${r.message}`);
    for (const g of ['G7', 'CRINK', 'CHN+RUS+PRK']) assert.ok(series(r.data, g).filter((v) => v !== null).length > 10, `${g} lost`);
    assert.ok(!seriesNames(r.data).includes('CHN+XXX'));
    assert.match(await page.locator('.chip[data-value="CHN+XXX"]').getAttribute('class'), /chip-error/);
    const note = await page.locator('.group-notes li[data-group="CHN+XXX"]').innerText();
    assert.match(note, /XXX/);
    assert.match(note, /neither a group nor a country|unknown/);
    await shot(page, '4-cohesion-custom-groups');
  });

  e2e(ctx, 'cohesion: "is A more cohesive than B?" answers with the difference, its interval and p', async () => {
    const { page, base, port } = ctx;
    await page.goto(`${base}?view=cohesion&groups=G7&from=2015&to=2019&ca=CHN%2BRUS%2BPRK&cb=G7`);
    const first = await waitChart(page, 'cohesion-compare');
    assert.equal(first.status, 'ready', first.message);
    const api = await getJson(port, '/api/cohesion-compare?group=CHN%2BRUS%2BPRK&vs=G7&index=ai&from=2015&to=2019');
    assert.equal(api.status, 200, api.body.slice(0, 200));
    const row = api.json.rows[0];
    const [point] = series(first.data, 'difference');
    assert.ok(Math.abs(point[0] - row.difference) < 1e-12, `difference ${point[0]} vs ${row.difference}`);
    const text = await page.locator('[data-chart="cohesion-compare"] .card-status').innerText();
    const verdict = row.lo > 0 ? /^Yes: CHN\+RUS\+PRK is more cohesive than G7/ : row.hi < 0 ? /^No: G7 is more cohesive than CHN\+RUS\+PRK/ : /^Not clearly/;
    assert.match(text, verdict);
    assert.ok(text.includes(`[${row.lo.toFixed(3)}, ${row.hi.toFixed(3)}]`), text);
    assert.ok(text.includes(`p = ${row.p.toFixed(3)}`), text);
    await change(page, 'input[name=cb]', 'EU');
    const second = await waitChart(page, 'cohesion-compare', first.seq);
    assert.equal(second.status, 'ready', second.message);
    assert.notEqual(second.data, first.data, 'the comparison did not change');
    await change(page, 'input[name=cb]', 'ZZZ+YYY');
    const bad = await waitChart(page, 'cohesion-compare', second.seq);
    assert.equal(bad.status, 'error');
    assert.match(bad.message, /vs/);
    // The cohesion charts above are untouched by the comparison's error.
    assert.equal(await page.evaluate(() => window.__rostrum.charts.cohesion.status), 'ready');
  });

  noPageErrors(ctx);
});
