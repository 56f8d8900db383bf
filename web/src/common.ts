// Helpers shared by the views.
import type { App } from './app';
import * as ui from './controls';

/** From/to year inputs bound to state keys `from`/`to` (or prefixed). */
export function yearRange(app: App, panel: HTMLElement, update: () => void, defaults: { from: number; to: number }, prefix = ''): void {
  const fromKey = `${prefix}from`;
  const toKey = `${prefix}to`;
  ui.number(panel, fromKey, 'From', app.state[fromKey] ?? String(defaults.from), (v) => { app.set({ [fromKey]: v }); update(); }, { min: app.minYear, max: app.maxYear });
  ui.number(panel, toKey, 'To', app.state[toKey] ?? String(defaults.to), (v) => { app.set({ [toKey]: v }); update(); }, { min: app.minYear, max: app.maxYear });
}

/** Keeps only the newest of overlapping async updates. */
export function latest(): () => (fn: () => void) => void {
  let token = 0;
  return () => {
    const mine = ++token;
    return (fn) => {
      if (mine === token) fn();
    };
  };
}

export function fmt(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}

export const axisStyle = {
  axisLine: { lineStyle: { color: '#999' } },
  axisLabel: { color: '#444' },
  splitLine: { lineStyle: { color: '#eee' } },
};

/** Escapes text for the HTML of chart tooltips. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
