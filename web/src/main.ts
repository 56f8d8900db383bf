import './style.css';
import { setSource } from './api';
import { countryDatalist, loadApp, type App, type View } from './app';
import { readState } from './url';

// The view registry: every file in views/ exports `view`; the navigation lists
// them by `order`. Adding a view is adding one file.
const modules = import.meta.glob<{ view: View }>('./views/*.ts', { eager: true });
const views: View[] = Object.values(modules)
  .map((m) => m.view)
  .sort((a, b) => a.order - b.order);

let cleanup: (() => void) | null = null;

function show(app: App, id: string): void {
  const view = views.find((v) => v.id === id) ?? views[0];
  cleanup?.();
  const root = document.getElementById('app')!;
  root.replaceChildren();
  root.dataset.view = view.id;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) a.setAttribute('aria-current', String(a.dataset.view === view.id));
  document.title = `${view.title} — rostrum`;
  window.__rostrum.view = view.id;
  cleanup = view.mount(app, root);
}

function storeInfo(app: App): void {
  const el = document.getElementById('store-info')!;
  el.replaceChildren();
  if (!app.info) {
    el.textContent = 'store not loaded';
    return;
  }
  const ga = app.info.rows.filter((r) => r.body !== 'sc');
  const names = [...new Set(ga.map((r) => String(r.name)))];
  const current = app.state.source && names.includes(app.state.source) ? app.state.source : '';
  setSource(current);
  // By default the analyses read the record: every source stitched, each
  // resolution once.
  const record = (app.info.record as { ga?: { rollcalls?: number; first_date?: string; last_date?: string } } | undefined)?.ga;
  const shown = ga.find((r) => String(r.name) === current) ?? (record ? { rollcalls: record.rollcalls ?? 0, first_date: record.first_date ?? '', last_date: record.last_date ?? '' } : undefined);
  const summary = document.createElement('span');
  if (shown) summary.textContent = `${Number(shown.rollcalls).toLocaleString('en')} GA roll calls · ${String(shown.first_date).slice(0, 4)}–${String(shown.last_date).slice(0, 4)}`;
  el.append(summary);
  if (names.length > 1) {
    // Several General Assembly sources: let the user pick the one analysed.
    const sel = document.createElement('select');
    sel.name = 'source';
    sel.className = 'source-select';
    sel.title = 'Data source of the analyses';
    for (const [value, label] of [['', 'all sources (the record)'], ...names.map((n) => [n, n])]) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      sel.append(o);
    }
    sel.value = current;
    sel.addEventListener('change', () => {
      app.set({ source: sel.value });
      storeInfo(app);
      show(app, app.state.view ?? views[0].id);
    });
    el.append(sel);
  }
}

async function start(): Promise<void> {
  const app = await loadApp();
  countryDatalist(app);
  storeInfo(app);
  const nav = document.getElementById('nav')!;
  for (const v of views) {
    const a = document.createElement('a');
    a.href = `?view=${v.id}`;
    a.dataset.view = v.id;
    a.textContent = v.title;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      if (app.state.view === v.id) return;
      // A new view starts from its own defaults; keep nothing from the old one.
      const keep = app.state.source ? `&source=${encodeURIComponent(app.state.source)}` : '';
      history.pushState(null, '', `?view=${v.id}${keep}`);
      app.state = readState();
      show(app, v.id);
    });
    nav.append(a);
  }
  window.addEventListener('popstate', () => {
    app.state = readState();
    storeInfo(app);
    show(app, app.state.view ?? views[0].id);
  });
  show(app, app.state.view ?? views[0].id);
}

start().catch((err) => {
  document.getElementById('app')!.textContent = `Cannot start: ${err instanceof Error ? err.message : String(err)}`;
});
