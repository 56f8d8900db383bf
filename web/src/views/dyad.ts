// The multiplex view of a pair (or of every pair of a group): each channel
// rostrum has for it — General Assembly agreement, ideal-point distance,
// Security Council agreement, vetoes, alliance commitments by type,
// alliance-portfolio similarity — as aligned small multiples on one shared
// time axis, each on its own scale (GET /api/dyad; channels and their scales
// in docs/alliances.md). A year without data for a channel is a gap, never 0;
// there is no composite index.
import { emptyReason, getTable, num, type Row, type TableResult } from '../api';
import type { App, View } from '../app';
import { ChartCard, palette, type Option } from '../chart';
import { axisStyle, esc, fmt, latest, yearRange } from '../common';
import * as ui from '../controls';

interface Channel {
  name: string;
  columns: string[];
  scale: string;
  uncertainty: string;
  notes: string[];
}

/** How a channel is drawn. `main` is the column drawn per pair for a group. */
interface Look {
  label: string;
  axis: string;
  min?: number;
  max?: number;
  kind: 'line' | 'bar' | 'stack';
  /** Columns drawn for one pair (default: the channel's numeric columns). */
  columns?: string[];
  main: string;
  /** Interval band [lo, hi] around `main`, per row. */
  band?: (r: Row) => [number | null, number | null];
  labels?: Record<string, string>;
}

const Z95 = 1.959963984540054;

const LOOKS: Record<string, Look> = {
  ga: {
    label: 'General Assembly agreement', axis: 'agree', min: 0, max: 1, kind: 'line',
    columns: ['ga_agree'], main: 'ga_agree',
    band: (r) => [num(r.ga_lo), num(r.ga_hi)],
    labels: { ga_agree: 'agreement' },
  },
  ideal: {
    label: 'Ideal-point distance', axis: 'distance', min: 0, kind: 'line',
    columns: ['ideal_distance'], main: 'ideal_distance',
    // Normal approximation: distance ± 1.96 SD, cut at 0 (a distance is not negative).
    band: (r) => {
      const d = num(r.ideal_distance);
      const sd = num(r.ideal_distance_sd);
      return d === null || sd === null ? [null, null] : [Math.max(0, d - Z95 * sd), d + Z95 * sd];
    },
    labels: { ideal_distance: 'distance' },
  },
  sc: {
    label: 'Security Council agreement', axis: 'agree', min: 0, max: 1, kind: 'line',
    columns: ['sc_agree', 'sc_agree_with_vetoes'], main: 'sc_agree',
    labels: { sc_agree: 'roll calls', sc_agree_with_vetoes: 'with vetoed drafts' },
  },
  vetoes: {
    label: 'Security Council vetoes', axis: 'vetoes', min: 0, kind: 'bar',
    columns: ['vetoes_a', 'vetoes_b', 'covetoes'], main: 'covetoes',
    labels: { covetoes: 'vetoed together' },
  },
  alliance: {
    label: 'Alliance commitments by type', axis: 'in force', min: 0, max: 5, kind: 'stack',
    columns: ['defense', 'offense', 'neutral', 'nonagg', 'consul'], main: 'defense',
    labels: { defense: 'defence', offense: 'offence', neutral: 'neutrality', nonagg: 'non-aggression', consul: 'consultation' },
  },
  portfolio: {
    label: 'Alliance-portfolio similarity', axis: 'S, κ, π', min: -1, max: 1, kind: 'line',
    columns: ['portfolio_s', 'portfolio_kappa', 'portfolio_pi'], main: 'portfolio_s',
    labels: { portfolio_s: 'S', portfolio_kappa: 'κ', portfolio_pi: 'π' },
  },
};

const PANEL = 118;
const GAP = 62;
const TOP = 52;

function channelsOf(t: TableResult): Channel[] {
  const list = Array.isArray(t.channels) ? (t.channels as Partial<Channel>[]) : [];
  return list.map((c) => ({
    name: String(c.name),
    columns: Array.isArray(c.columns) ? c.columns.map(String) : [],
    scale: String(c.scale ?? ''),
    uncertainty: String(c.uncertainty ?? ''),
    notes: Array.isArray(c.notes) ? c.notes.map(String) : [],
  }));
}

/** Look of a channel the dashboard does not know yet: its numeric columns as lines. */
function lookOf(ch: Channel, rows: Row[]): Look {
  const known = LOOKS[ch.name];
  if (known) return known;
  const numeric = ch.columns.filter((c) => !/_n$/.test(c) && rows.some((r) => typeof r[c] === 'number'));
  return { label: ch.name, axis: '', kind: 'line', columns: numeric, main: numeric[0] ?? ch.columns[0] };
}

export const view: View = {
  id: 'dyad',
  title: 'Dyad',
  order: 70,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'Everything rostrum knows about a pair of states, year by year: each channel on its own scale, on one shared time axis. A gap is a year without data for that channel (never a 0); the channels are not combined into one index.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const card = new ChartCard(root, 'dyad', 'Dyad', 'rostrum-dyad', 900);
    const legend = document.createElement('dl');
    legend.className = 'channel-notes';
    root.append(legend);
    const update = () => void render();

    const s0 = app.state;
    ui.text(panel, 'a', 'State A', s0.a ?? 'USA', (v) => { app.set({ a: app.resolve(v) }); update(); }, { list: 'countries', width: '7em' });
    ui.text(panel, 'b', 'State B', s0.b ?? 'CHN', (v) => { app.set({ b: app.resolve(v) }); update(); }, { list: 'countries', width: '7em' });
    ui.text(panel, 'group', 'Or a group', s0.group ?? '', (v) => { app.set({ group: v }); update(); },
      { list: 'countries', width: '11em', placeholder: 'G7 or CHN+RUS+PRK', hint: 'Every pair of a group (G7, BRICS) or a list X+Y+Z; replaces A and B' });
    yearRange(app, panel, update, { from: app.minYear, to: app.maxYear });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const group = (s.group ?? '').trim();
      const a = app.resolve(s.a ?? 'USA');
      const b = app.resolve(s.b ?? 'CHN');
      const from = s.from ?? String(app.minYear);
      const to = s.to ?? String(app.maxYear);
      card.loading();
      try {
        const t = await getTable('dyad', group ? { group, from, to } : { a, b, from, to });
        guard(() => draw(t, group, `${from}–${to}`));
      } catch (err) {
        guard(() => {
          legend.replaceChildren();
          card.fail(err);
        });
      }
    }

    function draw(t: TableResult, group: string, period: string): void {
      const rows = t.rows;
      const channels = channelsOf(t);
      describe(channels);
      const pairs = [...new Set(rows.map((r) => `${r.a}–${r.b}`))];
      const subject = group ? `every pair of ${group}` : pairs[0] ?? '';
      if (!rows.length) {
        card.empty(emptyReason(t), t.columns);
        return;
      }
      const looks = channels.map((ch) => lookOf(ch, rows));
      const hasData = looks.map((look) => rows.some((r) => drawn(look).some((c) => r[c] !== null && r[c] !== undefined)));
      if (!hasData.some(Boolean)) {
        card.empty(typeof t.reason === 'string' && t.reason ? t.reason : `no channel has data for ${subject} in ${period}`, t.columns);
        return;
      }
      const years = [...new Set(rows.map((r) => Number(r.year)))].sort((p, q) => p - q);
      const yearIndex = new Map(years.map((y, i) => [y, i]));
      const byPair = new Map<string, (Row | undefined)[]>();
      for (const p of pairs) byPair.set(p, years.map(() => undefined));
      for (const r of rows) byPair.get(`${r.a}–${r.b}`)![yearIndex.get(Number(r.year))!] = r;
      const width = card.chart.getWidth() || 1000;

      const grids: object[] = [];
      const xAxes: object[] = [];
      const yAxes: object[] = [];
      const titles: object[] = [];
      const legends: object[] = [];
      const series: object[] = [];
      /** Tooltip: per series, what to print (helper series print nothing). */
      const label = new Map<string, string>();
      /** The panel (channel index) of each drawn series. */
      const panelOf = new Map<string, number>();
      channels.forEach((ch, i) => {
        const look = looks[i];
        const top = TOP + i * (PANEL + GAP);
        const last = i === channels.length - 1;
        const empty = !hasData[i];
        grids.push({ left: 64, right: 24, top, height: PANEL });
        xAxes.push({
          type: 'category', gridIndex: i, data: years.map(String), boundaryGap: true,
          axisLabel: { show: last, color: '#444' }, axisTick: { show: last }, axisLine: axisStyle.axisLine,
          axisPointer: { show: true, type: 'line', label: { show: last } },
        });
        yAxes.push({
          type: 'value', gridIndex: i, min: look.min, max: look.max, name: look.axis, nameLocation: 'middle', nameGap: 42,
          nameTextStyle: { color: '#666', fontSize: 11 }, ...axisStyle,
          ...(look.min !== undefined && look.max !== undefined ? { interval: look.kind === 'stack' ? 1 : (look.max - look.min) / 4 } : { splitNumber: 3 }),
          axisLabel: { ...axisStyle.axisLabel, show: !empty },
        });
        titles.push({
          text: empty ? `${look.label} — no data` : look.label,
          subtext: empty
            ? ch.notes.join('; ') || 'no data in these years'
            : group
              ? `per pair: ${look.kind === 'stack' ? 'the number of commitment types in force' : columnLabel(look, look.main, t)} · ${ch.scale}`
              : ch.scale,
          left: 64, top: top - 46, itemGap: 3,
          textStyle: { fontSize: 13, fontWeight: 600, color: empty ? '#888' : '#1d2329' },
          subtextStyle: { fontSize: 11, color: '#5f6b76', width: width - 360, overflow: 'truncate' },
        });
        const names: string[] = [];
        const colorOf = (k: number) => palette[k % palette.length];
        if (group) {
          // One series per pair: the channel's main column.
          pairs.forEach((p, k) => {
            const name = `${look.kind === 'stack' ? 'alliance_types' : look.main} ${p}`;
            const values = byPair.get(p)!.map((r) => (r ? value(look, r) : null));
            series.push(lineOrBar(look, name, i, values, colorOf(k), look.kind === 'stack' ? 'line' : undefined));
            label.set(name, p);
            panelOf.set(name, i);
            names.push(name);
          });
        } else {
          const pair = byPair.get(pairs[0])!;
          const cols = drawn(look);
          cols.forEach((c, k) => {
            const values = pair.map((r) => (r ? num(r[c]) : null));
            const color = look.kind === 'stack' || cols.length > 1 ? colorOf(k) : colorOf(i);
            series.push(lineOrBar(look, c, i, values, color));
            label.set(c, columnLabel(look, c, t));
            panelOf.set(c, i);
            names.push(c);
          });
          if (look.band && !empty) {
            const band = pair.map((r) => (r ? look.band!(r) : [null, null]));
            const lo = band.map(([l]) => l);
            const size = band.map(([l, h]) => (l === null || h === null ? null : h - l));
            const color = colorOf(i);
            series.push({ name: `${ch.name}_lo`, type: 'line', xAxisIndex: i, yAxisIndex: i, data: lo, stack: `${ch.name}-band`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
            series.push({ name: `${ch.name}_band`, type: 'line', xAxisIndex: i, yAxisIndex: i, data: size, stack: `${ch.name}-band`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.16 }, silent: true, tooltip: { show: false } });
          }
        }
        legends.push({
          data: empty ? [] : names, top: top - 46, right: 24, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 },
          formatter: (n: string) => label.get(n) ?? n,
        });
      });

      const height = TOP + channels.length * (PANEL + GAP) + 6;
      card.el.querySelector<HTMLElement>('.chart')!.style.height = `${height}px`;
      const ids = (r: Row | undefined) => (r && (r.a_id !== r.a || r.b_id !== r.b) ? ` (as ${esc(r.a_id)}–${esc(r.b_id)})` : '');
      const option: Option = {
        animation: false,
        title: titles,
        legend: legends,
        grid: grids,
        xAxis: xAxes,
        yAxis: yAxes,
        axisPointer: { link: [{ xAxisIndex: 'all' }] },
        tooltip: {
          trigger: 'axis',
          formatter: (items: any[]) => {
            const list = items.filter((it) => label.has(it.seriesName));
            if (!list.length) return '';
            const year = Number(list[0].axisValue);
            const row = group ? undefined : byPair.get(pairs[0])![yearIndex.get(year)!];
            const shown = (v: unknown) => (v === null || v === undefined || v === '-' ? 'no data' : fmt(num(v as number), Number.isInteger(v) ? 0 : 3));
            // One block per panel: its title, then its series.
            const blocks = channels.map((_ch, i) => {
              const mine = list.filter((it) => panelOf.get(it.seriesName) === i);
              if (!mine.length) return '';
              const look = looks[i];
              const band = !group && row && look.band ? look.band(row) : null;
              const lines = mine.map((it) => {
                const interval = band && band[0] !== null && it.seriesName === look.main ? ` [${fmt(band[0], 3)}, ${fmt(band[1], 3)}]` : '';
                return `${it.marker}${esc(label.get(it.seriesName))}: <b>${shown(it.value)}</b>${interval}`;
              });
              return `<div style="margin-top:4px;color:#5f6b76;font-size:11px">${esc(look.label)}</div>${lines.join('<br>')}`;
            });
            return `<b>${year}</b>${group ? '' : ` · ${esc(pairs[0])}${ids(row)}`}` + blocks.join('');
          },
        },
        series,
      };
      const note = group
        ? `${pairs.length} pairs of ${group}, ${period}; each panel draws one column per pair (the others are in the CSV), intervals only for a single pair.`
        : `${pairs[0]}, ${period}.` + (LOOKS.ga && rows.some((r) => num(r.ga_lo) !== null) ? ' Bands: GA bootstrap interval; ideal-point distance ± 1.96 SD.' : '');
      card.setTitle(`Every channel of ${subject}, ${period}`);
      card.setFilename(`rostrum-dyad-${(group || pairs[0] || '').replace(/[^A-Za-z0-9_.+-]/g, '_')}-${period.replace(/[^0-9]+/g, '-')}`);
      card.show(option, t.columns, rows, note);
    }

    /** The scale, uncertainty and notes of each channel, in full, under the chart. */
    function describe(channels: Channel[]): void {
      legend.replaceChildren();
      for (const ch of channels) {
        const dt = document.createElement('dt');
        dt.textContent = LOOKS[ch.name]?.label ?? ch.name;
        const dd = document.createElement('dd');
        dd.textContent = [ch.scale, ch.uncertainty, ...ch.notes].filter(Boolean).join(' · ');
        legend.append(dt, dd);
      }
    }

    update();
    return () => card.dispose();
  },
};

function drawn(look: Look): string[] {
  return look.columns ?? [look.main];
}

/** A row's value for a group panel: the main column; for alliances the number
 *  of commitment types in force (null when every type is unknown). */
function value(look: Look, r: Row): number | null {
  if (look.kind !== 'stack') return num(r[look.main]);
  const v = drawn(look).map((c) => num(r[c]));
  return v.every((x) => x === null) ? null : v.reduce<number>((s, x) => s + (x ?? 0), 0);
}

function columnLabel(look: Look, c: string, t: TableResult): string {
  if (c === 'vetoes_a') return `vetoes by ${t.a ?? 'A'}`;
  if (c === 'vetoes_b') return `vetoes by ${t.b ?? 'B'}`;
  return look.labels?.[c] ?? c;
}

function lineOrBar(look: Look, name: string, i: number, data: (number | null)[], color: string, force?: 'line'): object {
  const kind = force ?? look.kind;
  const base = { name, xAxisIndex: i, yAxisIndex: i, data, itemStyle: { color } };
  if (kind === 'line')
    return { ...base, type: 'line', step: force ? 'middle' : undefined, connectNulls: false, showSymbol: true, symbolSize: 3, lineStyle: { width: 1.8, color }, z: 3 };
  return { ...base, type: 'bar', stack: kind === 'stack' ? `stack${i}` : undefined, barMaxWidth: 10, barGap: '10%' };
}
