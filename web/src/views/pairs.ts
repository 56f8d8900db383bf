// Pair explorer: agreement of one or more pairs over time, with bootstrap
// intervals and change points.
import { ApiError, getTable, num, type Row } from '../api';
import type { AgreeParams, ShiftsParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest, yearRange } from './common';

const DEFAULT_PAIRS = 'CHN-RUS,USA-GBR,USA-IND';

function parsePairs(s: string): [string, string][] {
  const out: [string, string][] = [];
  for (const tok of s.split(/[,;\s]+/).filter(Boolean)) {
    const parts = tok.split(/[-:/]/).filter(Boolean);
    if (parts.length === 2) out.push([parts[0].toUpperCase(), parts[1].toUpperCase()]);
  }
  return out.slice(0, 8);
}

/** Labels of change points in a /api/shifts answer: rows of kind "change" carry
 *  the first period of the new regime in "first". */
function changeLabels(rows: Row[]): string[] {
  return rows.filter((r) => r.kind === 'change' && r.first !== null && r.first !== undefined).map((r) => String(r.first));
}

export const pairsView: View = {
  id: 'pairs',
  title: 'Pairs',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'How often do two states vote alike? Agreement of each pair per period; the band is a bootstrap interval over roll calls, dashed lines mark detected change points.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const card = new ChartCard(root, 'pairs', 'Agreement over time', 'rostrum-pairs');
    const update = () => void render();
    let shiftNote = '';

    ui.text(panel, 'pairs', 'Pairs', app.state.pairs ?? DEFAULT_PAIRS, (v) => { app.set({ pairs: v }); update(); },
      { width: '20em', placeholder: 'USA-RUS, CHN-RUS', hint: 'Pairs of ISO3 codes, e.g. USA-RUS, CHN-IND (up to 8)' });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });
    ui.select(panel, 'by', 'Per', ui.periods, app.state.by ?? 'year', (v) => { app.set({ by: v }); update(); });
    yearRange(app, panel, update, { from: app.minYear, to: app.maxYear });
    ui.checkbox(panel, 'important', 'Important votes only', app.state.important === '1', (v) => { app.set({ important: v }); update(); });
    ui.checkbox(panel, 'ci', '95% interval', app.state.ci === '1', (v) => { app.set({ ci: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const pairs = parsePairs(s.pairs ?? DEFAULT_PAIRS);
      const measure = s.measure ?? 'agree';
      const by = s.by ?? 'year';
      const ci = s.ci === '1';
      card.loading();
      if (!pairs.length) {
        guard(() => card.fail(new Error('Give at least one pair, e.g. USA-RUS')));
        return;
      }
      const base = { measure: measure as AgreeParams['measure'], issue: s.issue, by: by as AgreeParams['by'], from: s.from ?? app.minYear, to: s.to ?? app.maxYear, important: s.important === '1' ? (1 as const) : undefined };
      try {
        const tables = await Promise.all(
          pairs.map(([a, b]) => getTable('agree', { ...base, a, b, ci: ci ? 0.95 : undefined, boot: ci ? 200 : undefined })),
        );
        // Change points (shifts works on proportions: agree and coincidence only).
        const withShifts = measure === 'agree' || measure === 'coincidence';
        const shifts = await Promise.all(
          pairs.map(([a, b]) => withShifts
            ? getTable('shifts', { a, b, measure: measure as ShiftsParams['measure'], by: base.by, from: base.from, to: base.to, issue: s.issue, important: base.important }).then(
                (t) => changeLabels(t.rows),
                (err) => (err instanceof ApiError && err.unavailable ? null : []),
              )
            : Promise.resolve(null)),
        );
        shiftNote = !withShifts ? 'Change points are detected for agreement and coincidence only.'
          : shifts.every((x) => x === null) ? 'Change points: not available yet.' : '';
        guard(() => draw(pairs, tables.map((t) => t.rows), shifts, measure, ci));
      } catch (err) {
        guard(() => card.fail(err));
      }
    }

    function draw(pairs: [string, string][], tables: Row[][], shifts: (string[] | null)[], measure: string, ci: boolean): void {
      const periods = sortPeriods(tables.flat().map((r) => String(r.period)));
      const series: object[] = [];
      const allRows: Row[] = [];
      const legend: string[] = [];
      pairs.forEach(([a, b], i) => {
        const color = palette[i % palette.length];
        const name = `${a}–${b}`;
        legend.push(name);
        const byPeriod = new Map(tables[i].map((r) => [String(r.period), r]));
        allRows.push(...tables[i]);
        const value = periods.map((p) => num(byPeriod.get(p)?.value));
        const marks = (shifts[i] ?? []).filter((l) => periods.includes(l)).map((l) => ({ xAxis: l }));
        series.push({
          name, type: 'line', data: value, connectNulls: false, showSymbol: periods.length < 40, symbolSize: 5,
          lineStyle: { width: 2, color }, itemStyle: { color }, z: 3,
          markLine: marks.length ? { symbol: 'none', silent: true, lineStyle: { color, type: 'dashed', width: 1.2 }, label: { show: false }, tooltip: { show: false }, data: marks } : undefined,
        });
        if (ci) {
          const lo = periods.map((p) => num(byPeriod.get(p)?.lo));
          const hi = periods.map((p) => num(byPeriod.get(p)?.hi));
          series.push({ name: `${name} lo`, type: 'line', data: lo, stack: `band${i}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, z: 1 });
          series.push({
            name: `${name} band`, type: 'line', stack: `band${i}`, stackStrategy: 'all', symbol: 'none', silent: true, z: 1, tooltip: { show: false },
            data: hi.map((h, k) => (h === null || lo[k] === null ? null : h - (lo[k] as number))),
            lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.15 },
          });
        }
      });
      const option: Option = {
        color: palette,
        animation: false,
        legend: { data: legend, top: 0 },
        grid: { left: 56, right: 24, top: 40, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          formatter: (items: any[]) => {
            const list = (Array.isArray(items) ? items : [items]).filter((it) => legend.includes(it.seriesName));
            if (!list.length) return '';
            const period = list[0].axisValue;
            const lines = list.map((it) => {
              const i = legend.indexOf(it.seriesName);
              const r = tables[i].find((x) => String(x.period) === period);
              const band = r && r.lo !== undefined ? ` [${fmt(num(r.lo))}, ${fmt(num(r.hi))}]` : '';
              return `${it.marker}${esc(it.seriesName)}: <b>${fmt(num(it.value))}</b>${band} · n=${r?.n ?? '–'}`;
            });
            return `<b>${esc(period)}</b><br>${lines.join('<br>')}`;
          },
        },
        xAxis: { type: 'category', data: periods, boundaryGap: false, name: app.state.by === 'session' ? 'session' : 'year', nameLocation: 'middle', nameGap: 28, ...axisStyle },
        // Every measure is at most 1: no axis above it.
        yAxis: { type: 'value', name: ui.measureLabel(measure), min: (v: any) => Math.floor(v.min * 10) / 10, max: (v: any) => Math.min(1, Math.ceil(v.max * 10) / 10), ...axisStyle },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
        series,
      };
      const cols = ['a', 'b', 'period', 'measure', 'value', 'n', ...(ci ? ['lo', 'hi'] : [])];
      const found = pairs
        .map(([a, b], i) => (shifts[i] && shifts[i]!.length ? `${a}–${b} ${shifts[i]!.join(', ')}` : ''))
        .filter(Boolean);
      const foundNote = found.length ? `Change points (dashed): ${found.join('; ')}.` : 'No change points detected.';
      const issue = ui.issues.find((i) => i.value === (app.state.issue ?? ''))?.label ?? '';
      card.setTitle(`${ui.measureLabel(measure)} over time${app.state.issue ? ` — ${issue}` : ''}${app.state.important === '1' ? ' (important votes)' : ''}`);
      card.setFilename(`rostrum-pairs-${measure}`);
      card.show(option, cols, allRows, shiftNote || foundNote);
    }

    update();
    return () => card.dispose();
  },
};
