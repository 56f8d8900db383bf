// A chart card: title, status line, ECharts canvas, and CSV/PNG downloads of
// exactly what the chart shows. Cards register on window.__rostrum so the
// end-to-end tests can read the chart data and wait for it to change.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ApiError, type Row } from './api';

echarts.use([
  BarChart, HeatmapChart, LineChart, MapChart, ScatterChart,
  AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

export { echarts };
export type Option = echarts.EChartsCoreOption;
// empty: the answer had no rows; the card shows the server's reason instead of a chart.
export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'unavailable';

interface Registry {
  charts: Record<string, ChartCard>;
  view: string;
  /** Series data of a chart, for tests. */
  data(id: string): unknown;
}

declare global {
  interface Window {
    __rostrum: Registry;
  }
}

window.__rostrum ??= {
  charts: {},
  view: '',
  data(id: string) {
    const c = this.charts[id];
    if (!c) return null;
    const opt = c.chart.getOption() as { series?: { name?: string; data?: unknown }[] };
    return (opt.series ?? []).map((s) => ({ name: s.name, data: s.data }));
  },
};

export const palette = ['#1f5f99', '#c8553d', '#2a9d8f', '#8f5aa8', '#e0a526', '#5c6b73', '#d1495b', '#3d9970', '#6a4c93', '#b5651d'];

// Increases on every render of any card, so a test can wait for "newer than".
let renders = 0;

export class ChartCard {
  readonly el: HTMLElement;
  readonly chart: echarts.ECharts;
  status: Status = 'idle';
  seq = 0;
  message = '';
  private readonly statusEl: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly pngButton: HTMLButtonElement;
  private columns: string[] = [];
  private rows: Row[] = [];
  private readonly observer: ResizeObserver;

  constructor(
    parent: HTMLElement,
    readonly id: string,
    title: string,
    private filename: string,
    height = 460,
  ) {
    this.el = document.createElement('section');
    this.el.className = 'card';
    this.el.dataset.chart = id;
    const head = document.createElement('div');
    head.className = 'card-head';
    const h = document.createElement('h2');
    h.textContent = title;
    const tools = document.createElement('div');
    tools.className = 'card-tools';
    const csv = button('CSV', 'Download the data of this chart as CSV', () => this.downloadCsv());
    csv.dataset.action = 'csv';
    const png = button('PNG', 'Download this chart as a PNG image', () => this.downloadPng());
    png.dataset.action = 'png';
    this.pngButton = png;
    tools.append(csv, png);
    head.append(h, tools);
    this.statusEl = document.createElement('div');
    this.statusEl.className = 'card-status';
    this.canvas = document.createElement('div');
    this.canvas.className = 'chart';
    this.canvas.style.height = `${height}px`;
    this.el.append(head, this.statusEl, this.canvas);
    parent.append(this.el);
    this.chart = echarts.init(this.canvas, undefined, { renderer: 'canvas' });
    this.observer = new ResizeObserver(() => this.chart.resize());
    this.observer.observe(this.canvas);
    window.__rostrum.charts[id] = this;
  }

  setTitle(title: string): void {
    this.el.querySelector('h2')!.textContent = title;
  }

  setFilename(name: string): void {
    this.filename = name;
  }

  loading(): void {
    this.status = 'loading';
    this.el.classList.remove('is-error', 'is-unavailable', 'is-empty');
    this.canvas.hidden = false;
    this.statusEl.textContent = '';
    this.chart.showLoading('default', { text: 'Loading…', color: '#1f5f99', textColor: '#333', maskColor: 'rgba(255,255,255,0.6)' });
  }

  /** Show `option`; `columns`/`rows` are what the CSV download gives. */
  show(option: Option, columns: string[], rows: Row[], note = ''): void {
    this.columns = columns;
    this.rows = rows;
    this.el.classList.remove('is-error', 'is-unavailable', 'is-empty');
    this.canvas.hidden = false;
    this.chart.resize();
    this.chart.hideLoading();
    // ECharts' aria module describes the chart for screen readers.
    this.chart.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
    this.statusEl.textContent = note;
    this.status = 'ready';
    this.pngButton.disabled = false;
    this.seq = ++renders;
  }

  /** No rows to draw: the reason (the API's `reason`) as a sentence in place of
   *  the chart, never an empty chart. */
  empty(reason: string, columns: string[] = []): void {
    this.chart.hideLoading();
    this.chart.clear();
    this.columns = columns;
    this.rows = [];
    this.canvas.hidden = true;
    this.el.classList.remove('is-error', 'is-unavailable');
    this.el.classList.add('is-empty');
    this.status = 'empty';
    this.pngButton.disabled = true;
    this.message = sentence(reason);
    this.statusEl.textContent = this.message;
    this.seq = ++renders;
  }

  fail(err: unknown): void {
    this.chart.hideLoading();
    this.chart.clear();
    this.rows = [];
    // The message stands in place of the chart.
    this.canvas.hidden = true;
    this.pngButton.disabled = true;
    this.el.classList.remove('is-empty');
    if (err instanceof ApiError && err.missingData) {
      // The analysis exists; the store lacks its data: the server's hint says what to import.
      this.status = 'unavailable';
      this.el.classList.add('is-unavailable');
      this.message = `Not available: ${sentence(err.message)}`;
    } else if (err instanceof ApiError && err.unavailable) {
      this.status = 'unavailable';
      this.el.classList.add('is-unavailable');
      this.message = 'Not available yet: this analysis is not in this build of rostrum.';
    } else if (err instanceof ApiError && err.status === 400 && !err.parameter && /run '?rostrum /.test(err.message)) {
      // The analysis exists but its results have not been computed for this store.
      this.status = 'unavailable';
      this.el.classList.add('is-unavailable');
      this.message = `Not available yet: ${err.message}.`;
    } else {
      this.status = 'error';
      this.el.classList.add('is-error');
      const param = err instanceof ApiError && err.parameter ? ` (parameter “${err.parameter}”)` : '';
      this.message = (err instanceof Error ? err.message : String(err)) + param;
    }
    this.statusEl.textContent = this.message;
    this.seq = ++renders;
  }

  note(text: string): void {
    this.statusEl.textContent = text;
  }

  downloadCsv(): void {
    const lines = [this.columns.map(csvField).join(',')];
    for (const r of this.rows) lines.push(this.columns.map((c) => csvField(r[c])).join(','));
    save(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), `${this.filename}.csv`);
  }

  downloadPng(): void {
    const url = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.filename}.png`;
    a.click();
  }

  dispose(): void {
    this.observer.disconnect();
    this.chart.dispose();
    delete window.__rostrum.charts[this.id];
  }
}

/** "no roll call matches (...)" -> "No roll call matches (...)." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const s = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn-small';
  b.textContent = label;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

/** Sort period labels: numerically when they are numbers, else as text. */
export function sortPeriods(labels: Iterable<string>): string[] {
  const all = [...new Set(labels)];
  const numeric = all.every((l) => /^-?\d+(\.\d+)?$/.test(l));
  return numeric ? all.sort((a, b) => Number(a) - Number(b)) : all.sort();
}
