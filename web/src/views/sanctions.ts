// Sanctions lists side by side: how many entities each issuer lists per target
// state (GET /api/sanctions/coverage), who lists an entity first and how many
// days later the other follows (GET /api/sanctions/lag), and the entities one
// issuer lists that an ally does not (GET /api/sanctions/gaps). Entities are
// designations joined by matching (docs/sanctions.md). A store without
// sanctions lists answers 404 with `available: false` and the import to run;
// every card shows that hint in place.
import { ApiError, emptyReason, getTable, num, type Row, type TableResult } from '../api';
import type { App, View } from '../app';
import { ChartCard, palette, type Option } from '../chart';
import { axisStyle, esc, fmt, latest } from '../common';
import * as ui from '../controls';
import { TableCard } from '../table';

const ISSUERS = ['US', 'EU', 'UN', 'CN'];
const ISSUER_NAMES: Record<string, string> = {
  US: 'United States (OFAC)',
  EU: 'European Union',
  UN: 'UN Security Council',
  CN: 'China (counter-sanctions)',
};
/** Targets shown in the heat map when none are chosen: those with the most entities. */
const TOP_TARGETS = 40;

interface LagBin {
  from_days: number | null;
  to_days: number | null;
  pairs: number;
}

/** "-365 … -91", "≤ -366", "≥ 366", "0 (same day)". */
function binLabel(b: LagBin): string {
  if (b.from_days === null) return `≤ ${b.to_days}`;
  if (b.to_days === null) return `≥ ${b.from_days}`;
  if (b.from_days === b.to_days) return b.from_days === 0 ? '0 (same day)' : String(b.from_days);
  return `${b.from_days} … ${b.to_days}`;
}

function issuerChoices(list: string[]): ui.Choice[] {
  return list.map((i) => ({ value: i, label: ISSUER_NAMES[i] ? `${i} — ${ISSUER_NAMES[i]}` : i }));
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.+-]/g, '_');
}

export const view: View = {
  id: 'sanctions',
  title: 'Sanctions',
  order: 90,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'Who sanctions whom, and who follows whom. Entities are the persons, companies, vessels and aircraft the lists designate, joined across lists by name and identifier matching and counted once. The lists are snapshots of different dates.';
    root.append(intro);

    // ---- coverage ------------------------------------------------------------
    const coveragePanel = ui.panel(root);
    const coverage = new ChartCard(root, 'sanctions-coverage', 'Entities listed per target and issuer', 'rostrum-sanctions-coverage', 760);
    const s0 = app.state;
    ui.text(coveragePanel, 'issuers', 'Issuers', s0.issuers ?? 'US,EU,UN,CN', (v) => { app.set({ issuers: v.toUpperCase() }); void renderCoverage(); },
      { width: '10em', hint: 'Comma-separated: US, EU, UN, CN' });
    ui.text(coveragePanel, 'targets', 'Target states', s0.targets ?? '', (v) => { app.set({ targets: v }); void renderCoverage(); },
      { width: '18em', list: 'countries', placeholder: `the ${TOP_TARGETS} most listed`, hint: 'ISO3 codes or names, comma-separated (blank: the targets with the most listed entities)' });

    // ---- lag -----------------------------------------------------------------
    const lagPanel = ui.panel(root);
    const lag = new ChartCard(root, 'sanctions-lag', 'Days between the two listings', 'rostrum-sanctions-lag', 420);
    const choices = issuerChoices(ISSUERS);
    ui.select(lagPanel, 'lag_a', 'Issuer A', choices, s0.lag_a ?? 'US', (v) => { app.set({ lag_a: v }); void renderLag(); });
    ui.select(lagPanel, 'lag_b', 'Issuer B', choices, s0.lag_b ?? 'EU', (v) => { app.set({ lag_b: v }); void renderLag(); });
    const lagTarget = ui.text(lagPanel, 'lag_target', 'Target', s0.lag_target ?? 'RUS', (v) => {
      // Blank is every target, kept in the URL as "all" (an absent key is the default, RUS).
      if (!v) lagTarget.value = 'all';
      app.set({ lag_target: v || 'all' });
      void renderLag();
    }, { width: '8em', list: 'countries', hint: 'A target state, or all' });

    // ---- gaps ----------------------------------------------------------------
    const gapsPanel = ui.panel(root);
    const gaps = new TableCard(root, 'sanctions-gaps', 'Listed by one issuer, not by the ally', 'rostrum-sanctions-gaps');
    ui.select(gapsPanel, 'gap_issuer', 'Listed by', choices, s0.gap_issuer ?? 'US', (v) => { app.set({ gap_issuer: v }); void renderGaps(); });
    ui.select(gapsPanel, 'gap_ally', 'Not listed by', choices, s0.gap_ally ?? 'EU', (v) => { app.set({ gap_ally: v }); void renderGaps(); });
    const gapTarget = ui.text(gapsPanel, 'gap_target', 'Target', s0.gap_target ?? 'RUS', (v) => {
      // Blank is every target, kept in the URL as "all" (an absent key is the default, RUS).
      if (!v) gapTarget.value = 'all';
      app.set({ gap_target: v || 'all' });
      void renderGaps();
    }, { width: '8em', list: 'countries', hint: 'A target state, or all' });
    ui.select(gapsPanel, 'gap_limit', 'Rows', ['100', '500', '2000', '0'].map((v) => ({ value: v, label: v === '0' ? 'all' : v })), s0.gap_limit ?? '100',
      (v) => { app.set({ gap_limit: v === '100' ? undefined : v }); void renderGaps(); });
    const search = ui.text(gapsPanel, 'q', 'Search', s0.q ?? '', (v) => { app.set({ q: v }); filterGaps(); },
      { width: '16em', placeholder: 'name, id, programme…', hint: 'Keeps the rows whose name, id, type, programmes, links, other issuers or identifiers contain every word' });
    search.type = 'search';
    search.addEventListener('input', () => filterGaps(search.value.trim()));

    /** A target control's state: absent is RUS, "all" (or blank) every target. */
    const targetOf = (v: string | undefined) => (v === undefined ? 'RUS' : !v || v.toLowerCase() === 'all' ? '' : app.resolve(v));

    const nextCoverage = latest();
    const nextLag = latest();
    const nextGaps = latest();

    async function renderCoverage(): Promise<void> {
      const guard = nextCoverage();
      const s = app.state;
      const issuers = (s.issuers || 'US,EU,UN,CN').toUpperCase();
      const targets = ui.splitList(s.targets ?? '').map((t) => app.resolve(t));
      coverage.loading();
      try {
        const t = await getTable('sanctions/coverage', { issuers, target: targets.join(',') || undefined });
        guard(() => drawCoverage(t, targets));
      } catch (err) {
        guard(() => coverage.fail(err));
      }
    }

    function drawCoverage(t: TableResult, chosen: string[]): void {
      const rows = t.rows.filter((r) => r.group !== '(all)');
      const issuers = Array.isArray(t.issuers) ? (t.issuers as string[]) : [...new Set(rows.map((r) => String(r.issuer)))];
      // A target is one row per issuer; rank targets by the entities any issuer lists.
      const union = new Map<string, number>();
      const names = new Map<string, string>();
      for (const r of rows) {
        union.set(String(r.group), num(r.union) ?? 0);
        names.set(String(r.group), String(r.group_name ?? r.group));
      }
      let targets = [...union.keys()].filter((g) => (union.get(g) ?? 0) > 0).sort((p, q) => (union.get(q) ?? 0) - (union.get(p) ?? 0) || p.localeCompare(q));
      const total = targets.length;
      if (!chosen.length) targets = targets.slice(0, TOP_TARGETS);
      if (!targets.length) {
        const why = typeof t.reason === 'string' && t.reason.trim()
          ? emptyReason(t)
          : `none of ${issuers.join(', ')} lists an entity targeting ${chosen.length ? chosen.join(', ') : 'a state'}`;
        coverage.empty(why, t.columns);
        return;
      }
      const shown = new Set(targets);
      const cells = rows.filter((r) => shown.has(String(r.group)));
      const yIndex = new Map(targets.map((g, i) => [g, i]));
      const xIndex = new Map(issuers.map((iss, i) => [iss, i]));
      // value: [issuer, target, entities, log10(entities + 1) for the colour scale].
      const data = cells.map((r) => {
        const n = num(r.entities) ?? 0;
        return { value: [xIndex.get(String(r.issuer)), yIndex.get(String(r.group)), n, Math.log10(n + 1)], row: r };
      });
      const maxLog = Math.max(1, ...data.map((d) => d.value[3] as number));
      const byCell = new Map(cells.map((r) => [`${r.issuer}|${r.group}`, r]));
      const option: Option = {
        animation: false,
        grid: { left: 210, right: 30, top: 40, bottom: 70 },
        tooltip: {
          trigger: 'item',
          formatter: (it: any) => {
            const r = byCell.get(`${issuers[it.value[0]]}|${targets[it.value[1]]}`);
            if (!r) return '';
            return `<b>${esc(r.group_name)}</b> (${esc(r.group)}) · ${esc(r.issuer)}<br>` +
              `entities listed: <b>${num(r.entities)}</b>, of which only ${esc(r.issuer)}: ${num(r.only)}<br>` +
              `listed by all of ${esc(issuers.join(', '))}: ${num(r.shared)} of ${num(r.union)} (Jaccard ${fmt(num(r.jaccard), 3)})`;
          },
        },
        xAxis: { type: 'category', data: issuers, position: 'top', splitArea: { show: true }, axisTick: { show: false }, ...axisStyle },
        yAxis: {
          type: 'category', inverse: true, data: targets.map((g) => `${(names.get(g) ?? g).slice(0, 26)} (${g})`),
          axisTick: { show: false }, axisLabel: { fontSize: 10, color: '#333' }, splitArea: { show: true },
        },
        visualMap: {
          dimension: 3, min: 0, max: maxLog, calculable: false, orient: 'horizontal', left: 'center', bottom: 8,
          itemWidth: 12, itemHeight: 260, text: [`${Math.round(10 ** maxLog - 1)} entities`, '0'],
          formatter: (v: number) => String(Math.round(10 ** v - 1)),
          inRange: { color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] },
        },
        series: [{
          name: 'entities', type: 'heatmap', data: data.map((d) => ({ value: d.value })),
          label: { show: true, fontSize: 9, formatter: (it: any) => String(it.value[2]), color: '#222', textBorderColor: '#fff', textBorderWidth: 2 },
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        }],
      };
      const overall = t.rows.filter((r) => r.group === '(all)');
      const allShared = overall.length ? num(overall[0].shared) : null;
      const allUnion = overall.length ? num(overall[0].union) : null;
      const note =
        `${targets.length} of ${total} targets${chosen.length ? '' : ` (the ${TOP_TARGETS} with the most listed entities)`}; colour on a log scale.` +
        (allUnion !== null ? ` Over every target, ${allShared} of ${allUnion} entities are listed by all of ${issuers.join(', ')}.` : '');
      coverage.setTitle(`Entities listed per target and issuer: ${issuers.join(', ')}`);
      coverage.setFilename(`rostrum-sanctions-coverage-${safeName(issuers.join('-'))}`);
      coverage.show(option, t.columns, cells, note);
    }

    async function renderLag(): Promise<void> {
      const guard = nextLag();
      const s = app.state;
      const a = s.lag_a || 'US';
      const b = s.lag_b || 'EU';
      const target = targetOf(s.lag_target);
      lag.loading();
      try {
        const t = await getTable('sanctions/lag', { a, b, target: target || undefined });
        guard(() => drawLag(t, a, b, target));
      } catch (err) {
        guard(() => lag.fail(err));
      }
    }

    function drawLag(t: TableResult, a: string, b: string, target: string): void {
      const where = target ? `targeting ${app.name(target)}` : 'of any target';
      const listedBy = target ? `${where} listed by both` : 'listed by both';
      if (!t.rows.length) {
        lag.empty(typeof t.reason === 'string' && t.reason ? t.reason : `${a} and ${b} list no common entity ${where} with a known first listing date`, t.columns);
        return;
      }
      // The server's bins when it gives them (the library's, docs/sanctions.md); else
      // the same bins counted here from the rows.
      const bins: LagBin[] = Array.isArray(t.histogram) ? (t.histogram as LagBin[]) : [];
      const counted = bins.length ? bins : defaultBins(t.rows);
      const labels = counted.map(binLabel);
      const colors = counted.map((bin) => (bin.to_days !== null && bin.to_days < 0 ? palette[1] : bin.from_days !== null && bin.from_days > 0 ? palette[0] : '#8a97a3'));
      const option: Option = {
        animation: false,
        grid: { left: 60, right: 20, top: 30, bottom: 56 },
        tooltip: { trigger: 'item', formatter: (it: any) => `${esc(labels[it.dataIndex])} days<br><b>${it.value}</b> entities` },
        xAxis: {
          type: 'category', data: labels, name: `days from ${a}'s listing to ${b}'s (> 0: ${a} first)`, nameLocation: 'middle', nameGap: 34,
          axisLabel: { color: '#444', fontSize: 10, interval: 0 }, axisLine: axisStyle.axisLine,
        },
        yAxis: { type: 'value', name: 'entities', ...axisStyle },
        series: [{
          name: 'pairs', type: 'bar', barCategoryGap: '12%',
          data: counted.map((bin, i) => ({ value: bin.pairs, itemStyle: { color: colors[i] } })),
          label: { show: true, position: 'top', fontSize: 10, color: '#555' },
        }],
      };
      const quart = Array.isArray(t.quartiles_days) ? (t.quartiles_days as number[]) : null;
      const n = num(t.pairs as number) ?? t.rows.length;
      const note =
        `${n} entities ${listedBy}: ${a} first for ${num(t.a_first as number) ?? '–'}, ${b} first for ${num(t.b_first as number) ?? '–'}, ` +
        `same day ${num(t.same_day as number) ?? '–'}; median ${fmt(num(t.median_days as number), 0)} days` +
        (quart ? ` (quartiles ${fmt(quart[0], 0)} and ${fmt(quart[1], 0)})` : '') +
        `, mean ${fmt(num(t.mean_days as number), 1)}.` +
        (num(t.undetermined as number) ? ` ${num(t.undetermined as number)} more cannot be ordered (a listing known only as “on or before”).` : '');
      lag.setTitle(`Who lists first: ${a} vs ${b}, ${target ? app.name(target) : 'every target'}`);
      lag.setFilename(`rostrum-sanctions-lag-${safeName(`${a}-${b}-${target || 'all'}`)}`);
      lag.show(option, t.columns, t.rows, note);
    }

    let gapRows: Row[] = [];
    let gapNote = '';
    const gapColumns = [
      { key: 'rank', label: '#', numeric: true },
      { key: 'name', label: 'Name' },
      { key: 'id', label: 'Id' },
      { key: 'type', label: 'Type' },
      { key: 'targets', label: 'Targets' },
      { key: 'programmes', label: 'Programmes' },
      { key: 'listed', label: 'Listed' },
      { key: 'links_to_ally_listed', label: 'Links', numeric: true, title: 'Linked entities the ally does list' },
      { key: 'linked', label: 'Linked to (the ally’s ids)' },
      { key: 'also_listed_by', label: 'Also listed by' },
      { key: 'ally_delisted', label: 'Ally delisted' },
      { key: 'identifiers', label: 'Identifiers' },
    ];

    async function renderGaps(): Promise<void> {
      const guard = nextGaps();
      const s = app.state;
      const issuer = s.gap_issuer || 'US';
      const ally = s.gap_ally || 'EU';
      const target = targetOf(s.gap_target);
      const limit = Number(s.gap_limit ?? '100');
      gaps.loading();
      try {
        const t = await getTable('sanctions/gaps', { issuer, ally, target: target || undefined, limit });
        guard(() => {
          const where = target ? `targeting ${app.name(target)}` : '';
          gaps.setTitle(`Listed by ${issuer}, not by ${ally}${target ? `: ${app.name(target)}` : ''}`);
          gaps.setFilename(`rostrum-sanctions-gaps-${safeName(`${issuer}-${ally}-${target || 'all'}`)}`);
          gapRows = t.rows;
          if (!t.rows.length) {
            gaps.empty(typeof t.reason === 'string' && t.reason ? t.reason : `${ally} lists every entity ${issuer} lists ${where}`.trim());
            return;
          }
          const total = num(t.gaps as number);
          gapNote = `${total ?? t.rows.length} entities ${issuer} lists and ${ally} does not${where ? ` ${where}` : ''}` +
            (total !== null && total > t.rows.length ? `; the ${t.rows.length} strongest shown` : '') +
            (typeof t.ranking === 'string' ? `. Ranked by ${t.ranking}.` : '.');
          filterGaps();
        });
      } catch (err) {
        guard(() => {
          gapRows = [];
          gaps.fail(err);
        });
      }
    }

    /** Shows the gap rows containing every word of the search box. */
    function filterGaps(text = app.state.q ?? ''): void {
      if (!gapRows.length) return;
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      const keys = ['name', 'id', 'type', 'targets', 'programmes', 'linked', 'also_listed_by', 'identifiers'];
      const rows = words.length
        ? gapRows.filter((r) => {
          const hay = keys.map((k) => String(r[k] ?? '')).join(' ').toLowerCase();
          return words.every((w) => hay.includes(w));
        })
        : gapRows;
      if (!rows.length) {
        gaps.empty(`no row of the ${gapRows.length} contains “${text}”`);
        return;
      }
      gaps.show(gapColumns, rows, words.length ? `${rows.length} of ${gapRows.length} rows contain “${text}”. ${gapNote}` : gapNote);
    }

    void renderCoverage();
    void renderLag();
    void renderGaps();
    // The lists in the store name the issuers the selects offer; a store without
    // lists leaves the selects as they are (every card shows the server's hint).
    const snapshots = document.createElement('p');
    snapshots.className = 'intro lists-note';
    intro.after(snapshots);
    getTable('sanctions/lists').then((t) => {
      const present = [...new Set(t.rows.map((r) => String(r.issuer)))];
      snapshots.textContent = 'Lists in this store: ' + t.rows
        .map((r) => `${r.name}: ${num(r.entries)} entries, as of ${r.as_of ?? 'an unknown date'}${r.as_of_basis === 'latest-listing' ? ' (its latest listing)' : ''}`)
        .join('; ') + '.';
      for (const sel of root.querySelectorAll<HTMLSelectElement>('select[name=lag_a], select[name=lag_b], select[name=gap_issuer], select[name=gap_ally]'))
        for (const o of sel.options) o.disabled = !present.includes(o.value);
    }, (err) => {
      if (!(err instanceof ApiError)) throw err;
    });
    return () => [coverage, lag].forEach((c) => c.dispose());
  },
};

/** The library's bins (docs/sanctions.md), counted from the rows. */
function defaultBins(rows: Row[]): LagBin[] {
  const edges: [number | null, number | null][] = [[null, -366], [-365, -91], [-90, -31], [-30, -1], [0, 0], [1, 30], [31, 90], [91, 365], [366, null]];
  return edges.map(([lo, hi]) => ({
    from_days: lo,
    to_days: hi,
    pairs: rows.filter((r) => {
      const d = num(r.days);
      return d !== null && (lo === null || d >= lo) && (hi === null || d <= hi);
    }).length,
  }));
}
