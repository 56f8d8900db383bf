// Between two poles: every state's agreement with pole A (x) and pole B (y) in one
// year, its position on the segment between the poles (0 = A, 1 = B: the
// projection given the poles' own distance; docs/methods-blocs-shifts.md), and
// how many states sit nearer each pole over time. The answer names the method
// that decides the nearer pole (meta.method): projection or raw margin.
import { emptyReason, getTable, num, type Row } from '../api';
import type { PolesParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest } from '../common';

// Labelled on the scatter: large states, plus the extremes of each axis.
const methods: ui.Choice[] = [
  { value: 'projection', label: 'Position (projection)' },
  { value: 'margin', label: 'Raw margin' },
];

const MAJOR = new Set(['USA', 'CHN', 'RUS', 'IND', 'BRA', 'GBR', 'FRA', 'DEU', 'JPN', 'ZAF', 'TUR', 'IRN', 'ISR', 'SAU', 'EGY', 'NGA', 'IDN', 'MEX', 'ARG', 'KOR', 'AUS', 'CAN', 'UKR', 'PAK', 'PRK', 'CUB', 'SYR', 'VEN']);

function stateTip(r: Row, a: string, b: string): string {
  return `<b>${esc(r.name)}</b> (${esc(r.country)})<br>with ${esc(a)}: ${fmt(num(r.to_a))} (n=${r.n_a})<br>with ${esc(b)}: ${fmt(num(r.to_b))} (n=${r.n_b})<br>position: <b>${fmt(num(r.position))}</b> (0 = ${esc(a)}, 1 = ${esc(b)})<br>nearer: <b>${esc(r.nearer || '–')}</b>`;
}

export const view: View = {
  id: 'poles',
  title: 'Poles',
  order: 60,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'Which pole does each state vote nearer to? Agreement with pole A against agreement with pole B (a pole is a country, a group such as G7, or X+Y+Z); states above the diagonal agree more with B. Below: each state’s position between the poles, 0 at A and 1 at B, relative to the poles’ own distance — a pole far from everyone no longer pulls every state to the other side.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const scatter = new ChartCard(root, 'poles', 'Between two poles', 'rostrum-poles', 560);
    const position = new ChartCard(root, 'poles-position', 'Position between the poles', 'rostrum-poles-position', 380);
    const trend = new ChartCard(root, 'poles-trend', 'States nearer each pole', 'rostrum-poles-trend', 320);
    const update = () => void render();

    ui.text(panel, 'pa', 'Pole A', app.state.pa ?? 'USA', (v) => { app.set({ pa: v }); update(); }, { list: 'countries', width: '8em' });
    ui.text(panel, 'pb', 'Pole B', app.state.pb ?? 'CHN', (v) => { app.set({ pb: v }); update(); }, { list: 'countries', width: '8em' });
    ui.number(panel, 'year', 'Year', app.state.year ?? String(app.maxYear), (v) => { app.set({ year: v }); update(); }, { min: app.minYear, max: app.maxYear });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });
    ui.select(panel, 'method', 'Nearer pole by', methods, app.state.method ?? 'projection', (v) => { app.set({ method: v }); update(); });
    // Without a tie band both methods name the same pole (position < 1/2 exactly
    // when agreement with A exceeds agreement with B); with one they differ.
    ui.number(panel, 'tie', 'Tie within', app.state.tie ?? '0', (v) => { app.set({ tie: v === '0' ? undefined : v }); update(); }, { min: 0, max: 0.5, step: 0.01 });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const poles = `${s.pa || 'USA'},${s.pb || 'CHN'}`;
      const year = s.year ?? String(app.maxYear);
      const cards = [scatter, position, trend];
      cards.forEach((c) => c.loading());
      const common = { poles, measure: s.measure as PolesParams['measure'], method: s.method as PolesParams['method'], tie: num(s.tie ?? null) ?? undefined };
      try {
        const [one, series] = await Promise.all([
          getTable('poles', { ...common, year }),
          getTable('poles', { ...common, by: 'year', from: Math.max(app.minYear, 1950), to: app.maxYear }),
        ]);
        guard(() => {
          if (!one.rows.length) {
            [scatter, position].forEach((c) => c.empty(emptyReason(one), one.columns));
          } else {
            draw(one.rows, one.columns, one.poles as any, year, String(one.method ?? ''), one.poles_agreement as Row[] | undefined);
          }
          if (!series.rows.length) trend.empty(emptyReason(series), series.columns);
          else drawTrend(series.rows, one.poles as any);
        });
      } catch (err) {
        guard(() => cards.forEach((c) => c.fail(err)));
      }
    }

    function draw(rows: Row[], columns: string[], poles: any, year: string, method: string, polesAgreement: Row[] | undefined): void {
      const a = poles?.a?.label ?? 'A';
      const b = poles?.b?.label ?? 'B';
      const regions = [...new Set(rows.map((r) => String(r.region || 'other')))].sort();
      const points = rows.filter((r) => num(r.to_a) !== null && num(r.to_b) !== null && !r.role);
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
            return stateTip(r, a, b);
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
      // Which method named the nearer pole, in the answer's own words.
      const how = method ? `Nearer pole named by ${method}` : 'Nearer pole as the server names it';
      const together = num(polesAgreement?.[0]?.agreement);
      const ties = points.filter((r) => r.nearer === 'tie').length;
      const counts = `${points.filter((r) => r.nearer === a).length} states nearer ${a}, ${points.filter((r) => r.nearer === b).length} nearer ${b}${ties ? `, ${ties} tied` : ''}`;
      const note = `${counts}. ${how}.${together !== null ? ` The poles agree ${fmt(together, 2)} with each other.` : ''}`;
      scatter.setTitle(`Between ${a} and ${b}, ${year}`);
      scatter.setFilename(`rostrum-poles-${a}-${b}-${year}`);
      scatter.show(option, columns, rows, note);
      drawPosition(points, columns, rows, a, b, year, note);
    }

    /** Each state's position on the A-B segment, one row of dots per region
     *  (spread vertically by a fixed jitter so that equal positions stay visible). */
    function drawPosition(points: Row[], columns: string[], rows: Row[], a: string, b: string, year: string, note: string): void {
      const placed = points.filter((r) => num(r.position) !== null);
      const regions = [...new Set(placed.map((r) => String(r.region || 'other')))].sort();
      const jitter = (iso3: string) => {
        let h = 0;
        for (const ch of iso3) h = (h * 31 + ch.charCodeAt(0)) % 997;
        return (h / 997 - 0.5) * 0.6;
      };
      const colour = (r: Row) => (r.nearer === a ? palette[0] : r.nearer === b ? palette[1] : '#8a97a3');
      const xs = placed.map((r) => num(r.position) as number);
      position.setTitle(`Position between ${a} (0) and ${b} (1), ${year}`);
      position.setFilename(`rostrum-poles-position-${a}-${b}-${year}`);
      position.show({
        animation: false,
        grid: { left: 90, right: 30, top: 24, bottom: 40 },
        tooltip: { trigger: 'item', formatter: (it: any) => stateTip(it.data.row as Row, a, b) },
        xAxis: { type: 'value', name: `position (0 = ${a}, 1 = ${b})`, nameLocation: 'middle', nameGap: 26, min: Math.min(0, Math.floor(Math.min(...xs) * 10) / 10), max: Math.max(1, Math.ceil(Math.max(...xs) * 10) / 10), ...axisStyle },
        // Region k's dots sit around k + 0.5; ticks every 0.5 put its name there.
        yAxis: { type: 'value', min: 0, max: regions.length, interval: 0.5, axisLabel: { formatter: (v: number) => (Math.abs((v % 1) - 0.5) < 1e-9 ? regions[Math.floor(v)] ?? '' : ''), color: '#333' }, splitLine: { show: false }, axisTick: { show: false } },
        series: [{
          name: 'position',
          type: 'scatter',
          symbolSize: 8,
          data: placed.map((r) => ({ value: [num(r.position), regions.indexOf(String(r.region || 'other')) + 0.5 + jitter(String(r.country))], row: r, itemStyle: { color: colour(r), opacity: 0.85 } })),
          label: { show: true, formatter: (it: any) => (MAJOR.has(String(it.data.row.country)) ? String(it.data.row.country) : ''), position: 'top', fontSize: 9, color: '#444' },
          labelLayout: { hideOverlap: true },
          markLine: {
            symbol: 'none', silent: true, lineStyle: { color: '#888', type: 'dashed' },
            label: { formatter: (p: any) => (p.value === 0 ? a : p.value === 1 ? b : 'midpoint'), position: 'end', color: '#333' },
            data: [{ xAxis: 0 }, { xAxis: 0.5, lineStyle: { type: 'dotted', color: '#bbb' } }, { xAxis: 1 }],
          },
        }],
      }, columns, rows, note);
    }

    function drawTrend(series: Row[], poles: any): void {
      const a = poles?.a?.label ?? 'A';
      const b = poles?.b?.label ?? 'B';
      const periods = sortPeriods(series.map((r) => String(r.period)));
      const count = (label: string) => periods.map((p) => series.filter((r) => String(r.period) === p && !r.role && r.nearer === label).length);
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
    return () => [scatter, position, trend].forEach((c) => c.dispose());
  },
};
