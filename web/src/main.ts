import './style.css';
import { countryDatalist, loadApp, type App, type View } from './app';
import { readState } from './url';
import { pairsView } from './views/pairs';
import { partnersView } from './views/partners';
import { matrixView } from './views/matrix';
import { cohesionView } from './views/cohesion';
import { idealView } from './views/ideal';
import { blocsView } from './views/blocs';
import { polesView } from './views/poles';

const views: View[] = [pairsView, partnersView, matrixView, cohesionView, blocsView, polesView, idealView];

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
  if (!app.info) {
    el.textContent = 'store not loaded';
    return;
  }
  const rollcalls = app.info.rows.reduce((s, r) => s + (Number(r.rollcalls) || 0), 0);
  el.textContent = `${rollcalls.toLocaleString('en')} roll calls · ${app.minYear}–${app.maxYear}`;
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
      history.pushState(null, '', `?view=${v.id}`);
      app.state = readState();
      show(app, v.id);
    });
    nav.append(a);
  }
  window.addEventListener('popstate', () => {
    app.state = readState();
    show(app, app.state.view ?? views[0].id);
  });
  show(app, app.state.view ?? views[0].id);
}

start().catch((err) => {
  document.getElementById('app')!.textContent = `Cannot start: ${err instanceof Error ? err.message : String(err)}`;
});
