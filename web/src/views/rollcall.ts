// Look up a roll call: a search box (a symbol such as A/RES/ES-11/1, or words of
// the title), the matching roll calls, and for one roll call a world map coloured
// by each state's vote and the tally (GET /api/rollcall).
import { emptyReason, getTable, num, type Row, type TableResult } from '../api';
import type { RollcallParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard } from '../chart';
import { esc, latest } from '../common';
import * as ui from '../controls';
import { TableCard } from '../table';
import { loadWorld } from '../world';

/** The five parts a state can take, in tally order, with their colours. */
export const VOTES = [
  { key: 'yes', label: 'Yes', color: '#2a9d8f' },
  { key: 'no', label: 'No', color: '#c8553d' },
  { key: 'abstain', label: 'Abstain', color: '#e0a526' },
  { key: 'absent', label: 'Absent', color: '#8a96a0' },
  { key: 'non-member', label: 'Non-member', color: '#dcdcdc' },
] as const;
const COLOR = new Map<string, string>(VOTES.map((v) => [v.key, v.color]));
const DEFAULT = 'A/RES/ES-11/7';

interface RollCallMeta {
  id?: number;
  symbol?: string;
  title?: string;
  date?: string;
  session?: string;
  body?: string;
  source?: string;
  link?: string;
  link_kind?: string;
  yes?: number;
  no?: number;
  abstain?: number;
  absent?: number;
  non_member?: number;
}

/** A symbol has a slash ("A/RES/ES-11/1", "es-11/1"); anything else is words of a title. */
function isSymbol(text: string): boolean {
  return text.includes('/');
}

export const view: View = {
  id: 'rollcall',
  title: 'Roll call',
  order: 70,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'How did each state vote? Type a resolution symbol (A/RES/ES-11/7, S/RES/2334(2016); case and spaces do not matter) or words of its title. Several matches are listed; pick one to see every state’s vote on the map and the tally. Absent: a member that did not vote; non-member: not a member on that date.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const matches = new TableCard(root, 'rollcall-matches', 'Matching roll calls', 'rostrum-rollcall-matches');
    const grid = document.createElement('div');
    grid.className = 'grid-2';
    root.append(grid);
    const map = new ChartCard(grid, 'rollcall-map', 'Votes', 'rostrum-rollcall-map', 460);
    const tally = new ChartCard(grid, 'rollcall-tally', 'Tally', 'rostrum-rollcall-tally', 460);
    const update = () => void render();

    ui.text(panel, 'rc', 'Symbol or title words', app.state.rc ?? DEFAULT, (v) => { app.set({ rc: v.trim(), rcid: undefined }); update(); },
      { width: '22em', placeholder: 'A/RES/ES-11/7 or peace Ukraine', hint: 'A symbol (with a slash) or words of the title' });
    ui.select(panel, 'body', 'Body', [{ value: 'ga', label: 'General Assembly' }, { value: 'sc', label: 'Security Council' }], app.state.body ?? 'ga', (v) => { app.set({ body: v === 'ga' ? undefined : v, rcid: undefined }); update(); });
    ui.text(panel, 'year', 'Years', app.state.year ?? '', (v) => { app.set({ year: v.trim(), rcid: undefined }); update(); },
      { width: '8em', placeholder: 'all', hint: 'Only roll calls of these years: 2022, 2015-2019 or a list' });
    ui.select(panel, 'group', 'States', [{ value: '', label: 'All states' }, ...app.groups.map((g) => ({ value: g.name, label: g.name }))], app.state.group ?? '', (v) => { app.set({ group: v }); update(); });

    function params(): RollcallParams {
      const s = app.state;
      const text = (s.rc ?? DEFAULT).trim();
      const p: RollcallParams = { body: s.body === 'sc' ? 'sc' : undefined, group: s.group || undefined, year: s.rcid ? undefined : s.year || undefined };
      if (s.rcid) p.id = Number(s.rcid);
      else if (isSymbol(text)) p.symbol = text;
      else if (text) p.search = text;
      // A council symbol searches the council unless a body is chosen.
      if (!s.body && p.symbol && /^\s*s\s*\//i.test(p.symbol)) p.body = 'sc';
      return p;
    }

    async function render(): Promise<void> {
      const guard = next();
      for (const c of [map, tally]) c.loading();
      matches.loading();
      try {
        const [t, world] = await Promise.all([getTable('rollcall', params()), loadWorld()]);
        guard(() => {
          if (t.mode === 'votes') drawOne(t, world);
          else drawList(t);
        });
      } catch (err) {
        guard(() => {
          map.fail(err);
          tally.fail(err);
          matches.fail(err);
        });
      }
    }

    function pick(id: number): void {
      app.set({ rcid: String(id) });
      update();
    }

    function symbolLink(r: Row): Node {
      const a = document.createElement('a');
      a.href = `?view=rollcall&rcid=${r.id}`;
      a.textContent = String(r.symbol || `#${r.id}`);
      a.dataset.rollcall = String(r.id);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        pick(Number(r.id));
      });
      return a;
    }

    const listColumns = [
      { key: 'symbol', label: 'Symbol', format: symbolLink },
      { key: 'date', label: 'Date' },
      { key: 'session', label: 'Session' },
      { key: 'title', label: 'Title', format: (r: Row) => { const t = String(r.title ?? ''); return t.length > 160 ? t.slice(0, 159) + '…' : t; } },
      { key: 'yes', label: 'Yes', numeric: true },
      { key: 'no', label: 'No', numeric: true },
      { key: 'abstain', label: 'Abstain', numeric: true },
      { key: 'source', label: 'Source' },
    ];

    function drawList(t: TableResult): void {
      if (!t.rows.length) {
        const why = emptyReason(t);
        matches.empty(why);
        map.empty(why);
        tally.empty(why);
        return;
      }
      const count = num(t.matches as number) ?? t.rows.length;
      matches.setTitle(`${count} matching roll calls`);
      matches.show(listColumns, t.rows, count > t.rows.length ? `The first ${t.rows.length} of ${count}; narrow the search.` : 'Pick one to see every state’s vote.');
      const why = `${count} roll calls match: pick one from the list`;
      map.empty(why);
      tally.empty(why);
    }

    function drawOne(t: TableResult, world: Map<string, string>): void {
      const rc = (t.rollcall ?? {}) as RollCallMeta;
      const symbol = rc.symbol || `#${rc.id}`;
      const listRow: Row = { id: rc.id ?? null, symbol: rc.symbol ?? '', date: rc.date ?? '', session: rc.session ?? '', title: rc.title ?? '', yes: rc.yes ?? null, no: rc.no ?? null, abstain: rc.abstain ?? null, source: rc.source ?? '' };
      matches.setTitle(`${symbol}, ${rc.date ?? ''}`);
      matches.show(listColumns, [listRow], '');
      // The source and its page in the UN Digital Library, under the table's status line.
      const status = matches.el.querySelector('.card-status');
      if (status) {
        status.textContent = `Source: ${rc.source ?? '?'}. `;
        if (rc.link) {
          const a = document.createElement('a');
          a.href = rc.link;
          a.target = '_blank';
          a.rel = 'noopener';
          a.dataset.link = rc.link_kind ?? '';
          a.textContent = rc.link_kind === 'record' ? 'UN Digital Library record' : 'Search the UN Digital Library';
          status.append(a);
        }
      }
      if (!t.rows.length) {
        const why = emptyReason(t);
        map.empty(why);
        tally.empty(why);
        return;
      }
      const scope = app.state.group ? ` — ${app.state.group}` : '';
      const counts = new Map<string, number>(VOTES.map((v) => [v.key, 0]));
      const data: object[] = [];
      for (const r of t.rows) {
        const iso3 = String(r.country);
        const vote = String(r.vote);
        counts.set(vote, (counts.get(vote) ?? 0) + 1);
        const m49 = app.byIso3.get(iso3)?.m49;
        if (m49 && world.has(m49)) data.push({ name: m49, value: VOTES.findIndex((v) => v.key === vote), iso3, vote, itemStyle: { areaColor: COLOR.get(vote) ?? '#eee' } });
      }
      const cols = ['country', 'name', 'vote'];
      const file = `rostrum-rollcall-${symbol}`.replace(/[^A-Za-z0-9_.+-]/g, '_');
      const title = rc.title ? `${symbol}: ${rc.title.length > 90 ? rc.title.slice(0, 89) + '…' : rc.title}` : symbol;
      map.setTitle(`${title}${scope}`);
      map.setFilename(file);
      map.show(
        {
          animation: false,
          tooltip: {
            trigger: 'item',
            formatter: (it: any) => (it.data?.iso3 ? `${esc(app.name(it.data.iso3))} (${esc(it.data.iso3)})<br><b>${esc(it.data.vote)}</b>` : `${esc(world.get(it.name) ?? it.name)}<br>not listed`),
          },
          series: [{
            name: 'votes', type: 'map', map: 'world', roam: true, nameProperty: 'name', top: 10, bottom: 10, showLegendSymbol: false,
            itemStyle: { areaColor: '#f4f4f4', borderColor: '#fff', borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
            select: { disabled: true },
            data,
          }],
        },
        cols, t.rows,
        VOTES.map((v) => `${v.label} ${counts.get(v.key) ?? 0}`).join(' · ') + (rc.date ? ` — ${rc.date}` : ''),
      );
      const shown = VOTES.filter((v) => v.key !== 'non-member' || (counts.get(v.key) ?? 0) > 0);
      tally.setTitle(`Tally${scope}`);
      tally.setFilename(`${file}-tally`);
      tally.show(
        {
          animation: false,
          grid: { left: 90, right: 50, top: 10, bottom: 30 },
          tooltip: { trigger: 'item' },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: shown.map((v) => v.label), axisTick: { show: false } },
          series: [{
            name: 'tally', type: 'bar', barMaxWidth: 28,
            data: shown.map((v) => ({ value: counts.get(v.key) ?? 0, itemStyle: { color: v.color } })),
            label: { show: true, position: 'right' },
          }],
        },
        ['vote', 'states'], shown.map((v) => ({ vote: v.key, states: counts.get(v.key) ?? 0 })),
        app.state.group && rc.yes !== undefined ? `All states: yes ${rc.yes}, no ${rc.no}, abstain ${rc.abstain}` : '',
      );
    }

    update();
    return () => [map, tally].forEach((c) => c.dispose());
  },
};
