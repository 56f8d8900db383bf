// Between two poles: every state's agreement with pole A (x) and pole B (y) in one
// year, and how many states sit nearer each pole over time.
import { getTable, num, type Row } from '../api';
import type { PolesParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest } from './common';

// Labelled on the scatter: large states, plus the extremes of each axis.
const MAJOR = new Set(['USA', 'CHN', 'RUS', 'IND', 'BRA', 'GBR', 'FRA', 'DEU', 'JPN', 'ZAF', 'TUR', 'IRN', 'ISR', 'SAU', 'EGY', 'NGA', 'IDN', 'MEX', 'ARG', 'KOR', 'AUS', 'CAN', 'UKR', 'PAK', 'PRK', 'CUB', 'SYR', 'VEN']);

export const polesView: View = {
  id: 'poles',
  title: 'Poles',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'Which pole does each state vote nearer to? Agreement with pole A against agreement with pole B (countries or groups); states above the diagonal are nearer B.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const scatter = new ChartCard(root, 'poles', 'Between two poles', 'rostrum-poles', 560);
    const trend = new ChartCard(root, 'poles-trend', 'States nearer each pole', 'rostrum-poles-trend', 320);
    const update = () => void render();

    ui.text(panel, 'pa', 'Pole A', app.state.pa ?? 'USA', (v) => { app.set({ pa: v }); update(); }, { list: 'countries', width: '8em' });
    ui.text(panel, 'pb', 'Pole B', app.state.pb ?? 'CHN', (v) => { app.set({ pb: v }); update(); }, { list: 'countries', width: '8em' });
    ui.number(panel, 'year', 'Year', app.state.year ?? String(app.maxYear), (v) => { app.set({ year: v }); update(); }, { min: app.minYear, max: app.maxYear });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const poles = `${s.pa || 'USA'},${s.pb || 'CHN'}`;
      const year = s.year ?? String(app.maxYear);
      scatter.loading();
      trend.loading();
      try {
        const [one, series] = await Promise.all([
          getTable('poles', { poles, year, measure: s.measure as PolesParams['measure'] }),
          getTable('poles', { poles, by: 'year', measure: s.measure as PolesParams['measure'], from: Math.max(app.minYear, 1950), to: app.maxYear }),
        ]);
        guard(() => draw(one.rows, one.columns, series.rows, one.poles as any, year));
      } catch (err) {
        guard(() => [scatter, trend].forEach((c) => c.fail(err)));
      }
    }

    function draw(rows: Row[], columns: string[], series: Row[], poles: any, year: string): void {
      const a = poles?.a?.label ?? 'A';
      const b = poles?.b?.label ?? 'B';
      const regions = [...new Set(rows.map((r) => String(r.region || 'other')))].sort();
      const points = rows.filter((r) => num(r.to_a) !== null && num(r.to_b) !== null && r.role !== 'a' && r.role !== 'b');
      const labelled = new Set(MAJOR);
      for (const key of ['to_a', 'to_b'] as const) {
        const sorted = [...points].sort((x, y) => (num(x[key]) as number) - (num(y[key]) as number));
        for (const r of [...sorted.slice(0, 3), ...sorted.slice(-3)]) labelled.add(String(r.country));
      }
      const option: Option = {
        color: palette,
        animation: false,
        legend: { data: regions, top: 0 },
        grid: { left: 60, right: 30, top: 40, bottom: 50 },
        tooltip: {
          trigger: 'item',
          formatter: (it: any) => {
            const r = it.data.row as Row;
            return `<b>${esc(r.name)}</b> (${esc(r.country)})<br>with ${esc(a)}: ${fmt(num(r.to_a))} (n=${r.n_a})<br>with ${esc(b)}: ${fmt(num(r.to_b))} (n=${r.n_b})<br>nearer: <b>${esc(r.nearer || '–')}</b>`;
          },
        },
        xAxis: { type: 'value', name: `agreement with ${a}`, nameLocation: 'middle', nameGap: 30, scale: true, ...axisStyle },
        yAxis: { type: 'value', name: `agreement with ${b}`, nameLocation: 'middle', nameGap: 44, scale: true, ...axisStyle },
        series: regions.map((region, i) => ({
          name: region,
          type: 'scatter',
          symbolSize: 9,
          itemStyle: { color: palette[i % palette.length], opacity: 0.85 },
          label: { show: true, formatter: (it: any) => (labelled.has(String(it.data.row.country)) ? String(it.data.row.country) : ''), position: 'right', fontSize: 9, color: '#444' },
          labelLayout: { hideOverlap: true },
          data: points.filter((r) => String(r.region || 'other') === region).map((r) => ({ value: [num(r.to_a), num(r.to_b)], row: r })),
          markLine: i === 0 ? { symbol: 'none', silent: true, lineStyle: { color: '#999', type: 'dashed' }, label: { show: false }, data: [[{ coord: [0, 0] }, { coord: [1, 1] }]] } : undefined,
        })),
      };
      scatter.setTitle(`Between ${a} and ${b}, ${year}`);
      scatter.setFilename(`rostrum-poles-${a}-${b}-${year}`);
      scatter.show(option, columns, rows, `${points.filter((r) => r.nearer === a).length} states nearer ${a}, ${points.filter((r) => r.nearer === b).length} nearer ${b}`);

      const periods = sortPeriods(series.map((r) => String(r.period)));
      const count = (label: string) => periods.map((p) => series.filter((r) => String(r.period) === p && r.nearer === label).length);
      const counts = { a: count(a), b: count(b) };
      const trendRows = periods.map((p, i) => ({ period: p, [`nearer_${a}`]: counts.a[i], [`nearer_${b}`]: counts.b[i] }));
      trend.setTitle(`States nearer ${a} or ${b}, per year`);
      trend.setFilename(`rostrum-poles-trend-${a}-${b}`);
      trend.show({
        color: [palette[0], palette[1]],
        animation: false,
        legend: { data: [a, b], top: 0 },
        grid: { left: 50, right: 24, top: 34, bottom: 30 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: periods, boundaryGap: false, ...axisStyle },
        yAxis: { type: 'value', name: 'states', ...axisStyle },
        series: [
          { name: a, type: 'line', data: counts.a, showSymbol: false, lineStyle: { width: 2 } },
          { name: b, type: 'line', data: counts.b, showSymbol: false, lineStyle: { width: 2 } },
        ],
      }, ['period', `nearer_${a}`, `nearer_${b}`], trendRows);
    }

    update();
    return () => [scatter, trend].forEach((c) => c.dispose());
  },
};
