// Shareable state: everything a view shows is in the query string.

export type State = Record<string, string>;

export function readState(): State {
  const out: State = {};
  new URLSearchParams(location.search).forEach((v, k) => (out[k] = v));
  return out;
}

/** Merge `patch` into the URL (empty values are removed) without reloading. */
export function writeState(patch: Record<string, string | number | boolean | undefined | null>, push = false): void {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '' || v === false) q.delete(k);
    else q.set(k, v === true ? '1' : String(v));
  }
  const url = `${location.pathname}?${q.toString()}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
