// The HTTP API as the dashboard meets it: documented endpoints, answers, the
// safety answers (traversal, oversized requests, bad parameters), empty answers
// that say why, and a clean stop on SIGTERM.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getJson, rawGet, startServer } from './helpers.mjs';

describe('HTTP API', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    // Normally stopped by the last test; this covers a failure before it.
    if (server && !server.external && server.running()) await server.stop();
  });

  test('/api/health answers', async () => {
    const r = await getJson(server.port, '/api/health');
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.status, 'ok');
  });

  test('/api/openapi.json documents every endpoint the dashboard calls', async () => {
    const r = await getJson(server.port, '/api/openapi.json');
    assert.equal(r.status, 200);
    for (const p of ['/api/health', '/api/agree', '/api/cohesion', '/api/cohesion-compare', '/api/drift', '/api/ideal', '/api/blocs', '/api/poles', '/api/shifts'])
      assert.ok(r.json.paths[p], `missing ${p}`);
  });

  test('a pair query answers one row per year', async () => {
    const r = await getJson(server.port, '/api/agree?a=USA&b=RUS&by=year&from=2000&to=2010');
    assert.equal(r.status, 200, r.body.slice(0, 200));
    assert.ok(r.json.rows.length >= 5, `${r.json.rows.length} rows`);
    assert.deepEqual([...new Set(r.json.rows.map((x) => x.a + '-' + x.b))], ['USA-RUS']);
  });

  test('traversal /../../etc/passwd is refused', async () => {
    for (const t of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../../etc/passwd']) {
      const r = await rawGet(server.port, t);
      assert.ok(r.status >= 400 && r.status < 500, `${t} -> ${r.status}`);
      assert.ok(!r.body.includes('root:'), `${t} leaked`);
    }
  });

  test('a 200 KB query string gets a 4xx', async () => {
    const r = await rawGet(server.port, '/api/agree?a=' + 'A'.repeat(200 * 1024) + '&b=RUS');
    assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
  });

  test('an unknown country gets 400 naming the parameter', async () => {
    const r = await getJson(server.port, '/api/agree?a=Atlantis&b=RUS');
    assert.equal(r.status, 400);
    assert.equal(r.json.parameter, 'a', r.json.error);
  });

  test('a custom group written X+Y+Z is a group for cohesion and poles', async () => {
    const c = await getJson(server.port, '/api/cohesion?group=CHN%2BRUS%2BPRK&year=2015-2019&null=20');
    assert.equal(c.status, 200, c.body.slice(0, 200));
    assert.equal(c.json.rows.length, 1);
    assert.ok(c.json.rows[0].members > 2 && c.json.rows[0].members <= 3, `members ${c.json.rows[0].members}`);
    const p = await getJson(server.port, '/api/poles?poles=G7,CHN%2BRUS&year=2019');
    assert.equal(p.status, 200, p.body.slice(0, 200));
    assert.deepEqual(p.json.poles.b.members, ['CHN', 'RUS']);
  });

  test('an empty answer says why (meta.reason)', async () => {
    for (const q of ['/api/agree?a=USA&b=CHN&year=2030', '/api/cohesion?group=G7&year=2030', '/api/drift?from=2030&to=2031']) {
      const r = await getJson(server.port, q);
      assert.equal(r.status, 200, `${q}: ${r.body.slice(0, 200)}`);
      assert.equal(r.json.rows.length, 0, q);
      assert.match(r.json.reason, /roll call/, q);
    }
  });

  test('still serving after the bad requests', async () => {
    const r = await rawGet(server.port, '/api/health');
    assert.equal(r.status, 200);
  });

  test('the server stops cleanly on SIGTERM', { skip: process.env.ROSTRUM_E2E_URL ? 'testing an external server' : false }, async () => {
    assert.equal(await server.stop(), 0);
  });
});
