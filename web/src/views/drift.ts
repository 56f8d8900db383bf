// Who moved between two periods: each state's position between pole A (0) and
// pole B (1) in an earlier and a later period (slope chart), the change with its
// bootstrap interval, and the biggest movers. A state has moved when its
// interval excludes 0 (GET /api/drift; method in docs/methods-blocs-shifts.md).
import { emptyReason, getTable, num, type Row, type TableResult } from '../api';
import type { App, View } from '../app';
import { ChartCard, palette, type Option } from '../chart';
import { axisStyle, esc, fmt, latest } from '../common';
import * as ui from '../controls';
import { TableCard } from '../table';

const TOWARD_A = palette[0];
const TOWARD_B = palette[1];
const UNCLEAR = '#b9c1c9';
const MOVERS = 25;
const FOREST = 30;

interface State {
  country: string;
  name: string;
  region: string;
  from: number;
  to: number;
  change: number;
  lo: number | null;
  hi: number | null;
  /** 'a' toward pole A, 'b' toward pole B, '' no clear change. */
  moved: '' | 'a' | 'b';
}

/** States of a drift answer: the JSON's `states` (with names and regions) when
 *  present, else the rows. */
function statesOf(app: App, t: TableResult): State[] {
  const list = Array.isArray(t.states) ? (t.states as Row[]) : t.rows;
  return list
    .map((r) => {
      const lo = num(r.lo);
      const hi = num(r.hi);
      const iso3 = String(r.country);
      return {
        country: iso3,
        name: String(r.name ?? app.name(iso3)),
        region: String(r.region ?? app.byIso3.get(iso3)?.region ?? ''),
        from: num(r.from_position) as number,
        to: num(r.to_position) as number,
        change: num(r.change) as number,
        lo,
        hi,
        moved: lo !== null && lo > 0 ? 'b' : hi !== null && hi < 0 ? 'a' : '',
      } as State;
    })
    .filter((s) => Number.isFinite(s.from) && Number.isFinite(s.to));
}

function yearsLabel(s: string): string {
  return s.replace(/-/g, '–');
}

export const view: View = {
  id: 'drift',
  title: 'Drift',
  order: 65,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'Who moved between two periods? Each state’s position between pole A (0) and pole B (1) — where it projects on the line between the poles, given their own distance — in an earlier and a later period. A state has moved when the bootstrap interval of its change excludes 0 (coloured); grey lines are changes within the noise.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const grid = document.createElement('div');
    grid.className = 'grid-2';
    root.append(grid);
    const slope = new ChartCard(grid, 'drift', 'Positions between the poles', 'rostrum-drift', 640);
    const forest = new ChartCard(grid, 'drift-change', 'Change with its interval', 'rostrum-drift-change', 640);
    const movers = new TableCard(root, 'drift-movers', 'Biggest movers', 'rostrum-drift-movers');
    const update = () => void render();

    const last = app.maxYear;
    const defaults = { pa: 'USA', pb: 'CHN+RUS', from: `${last - 11}-${last - 9}`, to: `${last - 2}-${last}` };
    const regions = [...new Set(app.countries.map((c) => c.region).filter(Boolean))].sort();
    ui.text(panel, 'pa', 'Pole A (0)', app.state.pa ?? defaults.pa, (v) => { app.set({ pa: v }); update(); },
      { list: 'countries', width: '9em', hint: 'A country, a group (G7, EU) or a list X+Y+Z' });
    ui.text(panel, 'pb', 'Pole B (1)', app.state.pb ?? defaults.pb, (v) => { app.set({ pb: v }); update(); },
      { list: 'countries', width: '9em', hint: 'A country, a group (G7, EU) or a list X+Y+Z' });
    ui.text(panel, 'from', 'Earlier period', app.state.from ?? defaults.from, (v) => { app.set({ from: v }); update(); },
      { width: '8em', placeholder: '2008-2010', hint: 'Years: 2010-2012, or a list 2005,2007-2009' });
    ui.text(panel, 'to', 'Later period', app.state.to ?? defaults.to, (v) => { app.set({ to: v }); update(); },
      { width: '8em', placeholder: '2017-2019', hint: 'Years: 2017-2019, or a list' });
    ui.select(panel, 'region', 'Region', [{ value: '', label: 'All regions' }, ...regions.map((r) => ({ value: r, label: r }))], app.state.region ?? '', (v) => { app.set({ region: v }); update(); });
    ui.select(panel, 'group', 'Group', [{ value: '', label: 'All states' }, ...app.groups.map((g) => ({ value: g.name, label: g.name }))], app.state.group ?? '', (v) => { app.set({ group: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const pa = s.pa || defaults.pa;
      const pb = s.pb || defaults.pb;
      const from = s.from || defaults.from;
      const to = s.to || defaults.to;
      slope.loading();
      forest.loading();
      movers.loading();
      try {
        const t = await getTable('drift', { poles: `${pa},${pb}`, from, to, region: s.region, group: s.group, issue: s.issue });
        guard(() => {
          const states = statesOf(app, t);
          if (!t.rows.length || !states.length) {
            const why = emptyReason(t);
            slope.empty(why, t.columns);
            forest.empty(why, t.columns);
            movers.empty(why);
            return;
          }
          draw(t, states, from, to);
        });
      } catch (err) {
        guard(() => {
          slope.fail(err);
          forest.fail(err);
          movers.fail(err);
        });
      }
    }

    function draw(t: TableResult, states: State[], from: string, to: string): void {
      const poles = (t.poles ?? {}) as { a?: string; b?: string };
      const a = poles.a ?? 'A';
      const b = poles.b ?? 'B';
      const periods = (t.periods ?? {}) as Record<'from' | 'to', { rollcalls?: number; poles_agreement?: number | null } | undefined>;
      const level = num(t.level as number) ?? 0.95;
      const x = [yearsLabel(from), yearsLabel(to)];
      const color = (st: State) => (st.moved === 'a' ? TOWARD_A : st.moved === 'b' ? TOWARD_B : UNCLEAR);
      const movedText = (st: State) => (st.moved === 'a' ? `toward ${a}` : st.moved === 'b' ? `toward ${b}` : 'no clear change');
      const interval = (st: State) => `[${fmt(st.lo)}, ${fmt(st.hi)}]`;
      const tooltip = (st: State) =>
        `<b>${esc(st.name)}</b> (${esc(st.country)}) · ${esc(st.region)}<br>${esc(x[0])}: ${fmt(st.from)} → ${esc(x[1])}: ${fmt(st.to)}<br>change <b>${fmt(st.change)}</b> ${interval(st)}<br>${esc(movedText(st))}`;
      const byCountry = new Map(states.map((st) => [st.country, st]));
      // Grey lines first, so that the states that moved are drawn on top.
      const ordered = [...states].sort((p, q) => Number(p.moved !== '') - Number(q.moved !== '') || Math.abs(p.change) - Math.abs(q.change));
      const ys = states.flatMap((st) => [st.from, st.to]);
      const lo = Math.min(0, ...ys);
      const hi = Math.max(1, ...ys);
      const option: Option = {
        animation: false,
        grid: { left: 70, right: 60, top: 30, bottom: 30 },
        tooltip: { trigger: 'item', formatter: (it: any) => (byCountry.has(it.seriesName) ? tooltip(byCountry.get(it.seriesName)!) : '') },
        xAxis: { type: 'category', data: x, boundaryGap: true, axisTick: { show: false }, ...axisStyle },
        yAxis: { type: 'value', name: `position (0 = ${a}, 1 = ${b})`, nameLocation: 'middle', nameGap: 48, min: Math.floor(lo * 10) / 10, max: Math.ceil(hi * 10) / 10, ...axisStyle },
        series: ordered.map((st, i) => {
          const moved = st.moved !== '';
          return {
            name: st.country,
            type: 'line',
            data: [st.from, st.to],
            symbol: 'circle',
            symbolSize: moved ? 6 : 3,
            lineStyle: { width: moved ? 2 : 1, color: color(st), opacity: moved ? 0.95 : 0.45 },
            itemStyle: { color: color(st), opacity: moved ? 1 : 0.5 },
            emphasis: { focus: 'series', lineStyle: { width: 3 } },
            endLabel: moved ? { show: true, formatter: st.country, fontSize: 9, color: color(st) } : undefined,
            labelLayout: { hideOverlap: true },
            z: moved ? 3 : 1,
            markLine: i === 0 ? {
              symbol: 'none', silent: true,
              lineStyle: { color: '#888', type: 'dashed' },
              label: { position: 'start', formatter: (p: any) => (p.value === 0 ? a : b), color: '#333', fontWeight: 'bold' },
              data: [{ yAxis: 0 }, { yAxis: 1 }],
            } : undefined,
          };
        }),
      };
      const moved = (t.moved ?? {}) as { toward_a?: number; toward_b?: number; no_clear_change?: number };
      const towardA = moved.toward_a ?? states.filter((st) => st.moved === 'a').length;
      const towardB = moved.toward_b ?? states.filter((st) => st.moved === 'b').length;
      const unclear = moved.no_clear_change ?? states.filter((st) => st.moved === '').length;
      const agreement = (p?: { rollcalls?: number; poles_agreement?: number | null }) =>
        p ? `${p.rollcalls ?? '–'} roll calls, poles agree ${fmt(num(p.poles_agreement ?? null), 2)}` : '–';
      const note =
        `${towardA} states moved toward ${a}, ${towardB} toward ${b}, ${unclear} show no clear change ` +
        `(${Math.round(level * 100)}% intervals excluding 0). ${x[0]}: ${agreement(periods.from)}; ${x[1]}: ${agreement(periods.to)}.`;
      const csvRows: Row[] = states.map((st) => ({ country: st.country, name: st.name, region: st.region, from_position: st.from, to_position: st.to, change: st.change, lo: st.lo, hi: st.hi, moved: movedText(st) }));
      const csvCols = ['country', 'name', 'region', 'from_position', 'to_position', 'change', 'lo', 'hi', 'moved'];
      const file = `rostrum-drift-${a}-${b}-${from}-${to}`.replace(/[^A-Za-z0-9_.+-]/g, '_');
      slope.setTitle(`Between ${a} (0) and ${b} (1): ${x[0]} → ${x[1]}`);
      slope.setFilename(file);
      slope.show(option, csvCols, csvRows, note);

      // Forest plot of the largest changes: the interval as a bar from lo to hi
      // (a transparent bar up to lo, then hi - lo stacked on it), the change as a dot.
      const biggest = [...states].sort((p, q) => Math.abs(q.change) - Math.abs(p.change)).slice(0, FOREST).sort((p, q) => p.change - q.change);
      const names = biggest.map((st) => `${st.name.length > 22 ? st.name.slice(0, 21) + '…' : st.name} (${st.country})`);
      forest.setTitle(`Largest changes, ${x[0]} → ${x[1]} (> 0: toward ${b})`);
      forest.setFilename(`${file}-change`);
      forest.show({
        animation: false,
        grid: { left: 190, right: 30, top: 20, bottom: 40 },
        tooltip: { trigger: 'item', formatter: (it: any) => tooltip(biggest[it.dataIndex]) },
        xAxis: { type: 'value', name: `change of position (${Math.round(level * 100)}% interval)`, nameLocation: 'middle', nameGap: 26, ...axisStyle },
        yAxis: { type: 'category', data: names, axisTick: { show: false }, axisLabel: { fontSize: 10, color: '#333' } },
        series: [
          { name: 'lo', type: 'bar', stack: 'ci', stackStrategy: 'all', silent: true, itemStyle: { color: 'transparent' }, barWidth: 4, data: biggest.map((st) => st.lo ?? st.change), tooltip: { show: false } },
          { name: 'interval', type: 'bar', stack: 'ci', stackStrategy: 'all', barWidth: 4, data: biggest.map((st) => ({ value: st.lo !== null && st.hi !== null ? st.hi - st.lo : 0, itemStyle: { color: color(st), opacity: 0.55 } })) },
          {
            name: 'change', type: 'scatter', symbolSize: 8, z: 3,
            data: biggest.map((st, i) => ({ value: [st.change, i], itemStyle: { color: color(st) } })),
            markLine: { symbol: 'none', silent: true, lineStyle: { color: '#555' }, label: { show: false }, data: [{ xAxis: 0 }] },
          },
        ],
      }, csvCols, biggest.map((st) => csvRows[states.indexOf(st)]));

      const top = [...states].sort((p, q) => Math.abs(q.change) - Math.abs(p.change)).slice(0, MOVERS);
      const rows: Row[] = top.map((st, i) => ({ rank: i + 1, ...csvRows[states.indexOf(st)] }));
      movers.setTitle(`Biggest movers, ${x[0]} → ${x[1]}`);
      movers.setFilename(`${file}-movers`);
      movers.show(
        [
          { key: 'rank', label: '#', numeric: true },
          { key: 'name', label: 'State', format: (r) => `${r.name} (${r.country})` },
          { key: 'region', label: 'Region' },
          { key: 'from_position', label: x[0], numeric: true, format: (r) => fmt(num(r.from_position), 2) },
          { key: 'to_position', label: x[1], numeric: true, format: (r) => fmt(num(r.to_position), 2) },
          { key: 'change', label: 'Change', numeric: true, format: (r) => fmt(num(r.change), 3) },
          { key: 'lo', label: 'Interval', numeric: true, title: `${Math.round(level * 100)}% bootstrap interval of the change`, format: (r) => `[${fmt(num(r.lo), 3)}, ${fmt(num(r.hi), 3)}]` },
          { key: 'moved', label: 'Moved' },
        ],
        rows,
        `The ${top.length} largest changes of position; highlighted: the interval excludes 0.`,
        (r) => (r.moved === `toward ${a}` ? 'moved toward-a' : r.moved === `toward ${b}` ? 'moved toward-b' : ''),
      );
    }

    update();
    return () => [slope, forest].forEach((c) => c.dispose());
  },
};
