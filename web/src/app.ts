// What every view gets: the registry of countries and groups, the store's year
// range, and the URL state.
import { getTable, num, type TableResult } from './api';
import { readState, writeState, type State } from './url';

export interface Country {
  iso3: string;
  name: string;
  m49: string | null; // 3-digit UN M49 / ISO numeric code, as world-atlas ids
  region: string;
}

export interface Group {
  name: string;
  size: number;
  description: string;
}

export interface App {
  countries: Country[];
  byIso3: Map<string, Country>;
  groups: Group[];
  info: TableResult | null;
  minYear: number;
  maxYear: number;
  state: State;
  set(patch: Record<string, string | number | boolean | undefined | null>): void;
  name(iso3: string): string;
  /** ISO3 of a code or name typed by the user (as typed when unknown). */
  resolve(text: string): string;
}

/** One page of the dashboard: a file in src/views/ exporting `view`. */
export interface View {
  /** The `view` value in the URL. */
  id: string;
  /** The navigation label. */
  title: string;
  /** Position in the navigation (ascending; gaps leave room for new views). */
  order: number;
  /** Builds the view into `root`; returns what tears it down. */
  mount(app: App, root: HTMLElement): () => void;
}

export async function loadApp(): Promise<App> {
  const [countries, groups, info] = await Promise.all([
    getTable('countries').catch(() => ({ columns: [], rows: [] }) as TableResult),
    getTable('groups').catch(() => ({ columns: [], rows: [] }) as TableResult),
    getTable('info').catch(() => null),
  ]);
  const list: Country[] = countries.rows.map((r) => {
    const m49 = num(r.m49);
    return {
      iso3: String(r.iso3 ?? ''),
      name: String(r.name ?? r.iso3 ?? ''),
      m49: m49 === null ? null : String(m49).padStart(3, '0'),
      region: String(r.region ?? ''),
    };
  });
  let minYear = 1946;
  let maxYear = new Date().getUTCFullYear();
  // The default period is the record's (every source stitched, the analyses'
  // default data): 1946 to its last General Assembly vote (2025 with the shared
  // files); else the span of the sources.
  const recordGa = (info?.record as { ga?: { first_date?: string; last_date?: string } } | undefined)?.ga;
  if (recordGa?.first_date && recordGa?.last_date) {
    minYear = Number(recordGa.first_date.slice(0, 4));
    maxYear = Number(recordGa.last_date.slice(0, 4));
  } else if (info && info.rows.length) {
    const firsts = info.rows.filter((r) => r.body !== 'sc').map((r) => Number(String(r.first_date ?? '').slice(0, 4))).filter((y) => y > 1900);
    const lasts = info.rows.filter((r) => r.body !== 'sc').map((r) => Number(String(r.last_date ?? '').slice(0, 4))).filter((y) => y > 1900);
    if (firsts.length) minYear = Math.min(...firsts);
    if (lasts.length) maxYear = Math.max(...lasts);
  }
  const byIso3 = new Map(list.map((c) => [c.iso3, c]));
  const app: App = {
    countries: list,
    byIso3,
    groups: groups.rows.map((r) => ({ name: String(r.name), size: num(r.size) ?? 0, description: String(r.description ?? '') })),
    info,
    minYear,
    maxYear,
    state: readState(),
    set(patch) {
      writeState(patch);
      app.state = readState();
    },
    name(iso3: string) {
      return byIso3.get(iso3)?.name ?? iso3;
    },
    resolve(text: string) {
      const t = text.trim();
      const up = t.toUpperCase();
      if (byIso3.has(up)) return up;
      const low = t.toLowerCase();
      const hit = list.find((c) => c.name.toLowerCase() === low) ?? list.find((c) => c.name.toLowerCase().startsWith(low) && low.length >= 4);
      return hit ? hit.iso3 : t;
    },
  };
  return app;
}

/** A <datalist> of countries for text inputs (id "countries"). */
export function countryDatalist(app: App): void {
  if (document.getElementById('countries')) return;
  const dl = document.createElement('datalist');
  dl.id = 'countries';
  for (const c of app.countries) {
    const o = document.createElement('option');
    o.value = c.iso3;
    o.label = c.name;
    dl.append(o);
  }
  for (const g of app.groups) {
    const o = document.createElement('option');
    o.value = g.name;
    o.label = `group: ${g.description || g.name}`;
    dl.append(o);
  }
  document.body.append(dl);
}
