// A small client for the rostrum JSON API. Every table endpoint answers
// {"columns": [...], "rows": [{column: value}]}; errors answer
// {"error": message, "parameter"?: name} with a 4xx/5xx status.

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;
export interface TableResult {
  columns: string[];
  rows: Row[];
  [meta: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
  /** The analysis is not in this build (yet). */
  get unavailable(): boolean {
    return this.status === 404 || this.status === 501;
  }
}

const cache = new Map<string, Promise<TableResult>>();

export function apiUrl(endpoint: string, params: Record<string, string | number | boolean | undefined | null> = {}, format?: 'csv'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  if (format) q.set('format', format);
  const s = q.toString();
  return `api/${endpoint}${s ? '?' + s : ''}`;
}

async function fetchJson(url: string): Promise<TableResult> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body: any = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message, body?.parameter);
  }
  return body as TableResult;
}

// The imported source the analyses read ("" = the server's default: the newest
// source holding the body). Registry endpoints take no source.
let source = '';
const analyses = new Set(['agree', 'cohesion', 'ideal', 'blocs', 'poles', 'shifts']);
export function setSource(name: string): void {
  source = name;
}

/** GET a table endpoint; identical requests share one fetch (and its result). */
export function getTable(endpoint: string, params: Record<string, string | number | boolean | undefined | null> = {}): Promise<TableResult> {
  const url = apiUrl(endpoint, analyses.has(endpoint) && source && params.source === undefined ? { ...params, source } : params);
  let p = cache.get(url);
  if (!p) {
    p = fetchJson(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
    if (cache.size > 300) cache.delete(cache.keys().next().value as string);
  }
  return p;
}

export function num(v: Value | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
