// Group cohesion over time, with the simulated null for a random group of the
// same size (small groups look cohesive by chance).
import { getTable, num, type Row } from '../api';
import type { CohesionParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest, yearRange } from './common';

const DEFAULT_GROUPS = ['G7', 'CRINK', 'EU', 'BRICS'];
const indices: ui.Choice[] = [
  { value: 'ai', label: 'Agreement index (Hix–Noury–Roland)' },
  { value: 'rice', label: 'Rice' },
  { value: 'attina', label: 'Attinà' },
];

export const cohesionView: View = {
  id: 'cohesion',
  title: 'Cohesion',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'How united does each group vote? Mean cohesion over roll calls per period (absences excluded); dotted lines show what a random group of the same size would score.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const card = new ChartCard(root, 'cohesion', 'Group cohesion over time', 'rostrum-cohesion');
    const update = () => void render();

    const known = app.groups.map((g) => g.name);
    const choices = (known.length ? known : DEFAULT_GROUPS).map((g) => ({ value: g, label: g }));
    const initial = (app.state.groups ?? DEFAULT_GROUPS.filter((g) => !known.length || known.includes(g)).join(',')).split(',').filter(Boolean);
    ui.chips(panel, 'groups', 'Groups', choices, initial, (v) => { app.set({ groups: v.join(',') || '-' }); update(); });
    ui.select(panel, 'index', 'Index', indices, app.state.index ?? 'ai', (v) => { app.set({ index: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });
    ui.select(panel, 'by', 'Per', ui.periods, app.state.by ?? 'year', (v) => { app.set({ by: v }); update(); });
    yearRange(app, panel, update, { from: app.minYear, to: app.maxYear });
    ui.checkbox(panel, 'important', 'Important votes only', app.state.important === '1', (v) => { app.set({ important: v }); update(); });
    ui.checkbox(panel, 'null', 'Random-group null', app.state.null !== '0', (v) => { app.set({ null: v ? undefined : '0' }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const groups = (s.groups ?? initial.join(',')).split(',').filter((g) => g && g !== '-');
      const index = s.index ?? 'ai';
      const showNull = s.null !== '0';
      card.loading();
      if (!groups.length) {
        guard(() => card.fail(new Error('Choose at least one group')));
        return;
      }
      try {
        const tables = await Promise.all(
          groups.map((group) => getTable('cohesion', { group, index: index as CohesionParams['index'], issue: s.issue, important: s.important === '1' ? 1 : undefined, by: (s.by ?? 'year') as CohesionParams['by'], from: s.from ?? app.minYear, to: s.to ?? app.maxYear, null: showNull ? 100 : 0 })),
        );
        guard(() => draw(groups, tables.map((t) => t.rows), index, showNull, tables[0]?.columns ?? []));
      } catch (err) {
        guard(() => card.fail(err));
      }
    }

    function draw(groups: string[], tables: Row[][], index: string, showNull: boolean, columns: string[]): void {
      const periods = sortPeriods(tables.flat().map((r) => String(r.period)));
      const series: object[] = [];
      groups.forEach((g, i) => {
        const color = palette[i % palette.length];
        const byPeriod = new Map(tables[i].map((r) => [String(r.period), r]));
        series.push({ name: g, type: 'line', data: periods.map((p) => num(byPeriod.get(p)?.value)), showSymbol: periods.length < 40, symbolSize: 5, lineStyle: { width: 2, color }, itemStyle: { color } });
        if (showNull)
          series.push({ name: `${g} null`, type: 'line', data: periods.map((p) => num(byPeriod.get(p)?.null_mean)), symbol: 'none', lineStyle: { width: 1, type: 'dotted', color }, itemStyle: { color }, tooltip: { show: false } });
      });
      const label = indices.find((x) => x.value === index)?.label ?? index;
      const option: Option = {
        color: palette,
        animation: false,
        legend: { data: groups, top: 0 },
        grid: { left: 56, right: 24, top: 40, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          formatter: (items: any[]) => {
            const list = items.filter((it) => groups.includes(it.seriesName));
            if (!list.length) return '';
            const period = list[0].axisValue;
            return `<b>${esc(period)}</b><br>` + list.map((it) => {
              const r = tables[groups.indexOf(it.seriesName)].find((x) => String(x.period) === period);
              const nul = r && r.null_mean !== null && r.null_mean !== undefined ? ` · null ${fmt(num(r.null_mean))} [${fmt(num(r.null_lo))}, ${fmt(num(r.null_hi))}]` : '';
              return `${it.marker}${esc(it.seriesName)}: <b>${fmt(num(it.value))}</b> · ${r?.n ?? '–'} roll calls${nul}`;
            }).join('<br>');
          },
        },
        xAxis: { type: 'category', data: periods, boundaryGap: false, ...axisStyle },
        yAxis: { type: 'value', name: label, min: (v: any) => Math.floor(v.min * 10) / 10, max: (v: any) => Math.min(1, Math.ceil(v.max * 10) / 10), ...axisStyle },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
        series,
      };
      card.setFilename(`rostrum-cohesion-${index}`);
      card.show(option, columns.length ? columns : ['group', 'period', 'index', 'value', 'n'], tables.flat());
    }

    update();
    return () => card.dispose();
  },
};
