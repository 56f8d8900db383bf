// Group cohesion over time: the raw index with the random-voting null of the
// group's own vote shares, beside the null-adjusted index
// (index - null) / (1 - null), which puts groups of different sizes on one scale
// (0 = random voting, 1 = unanimity); and a paired-bootstrap test of "is group A
// more cohesive than group B?" (GET /api/cohesion, /api/cohesion-compare;
// docs/methods.md). Each group is fetched on its own: a group that fails or has
// no rows says so on its chip and in the notes, and the others are still drawn.
import { emptyReason, getTable, num, type Row, type TableResult } from '../api';
import type { CohesionParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, sortPeriods, type Option } from '../chart';
import { axisStyle, esc, fmt, latest, yearRange } from '../common';
import * as ui from '../controls';

const DEFAULT_GROUPS = ['G7', 'CRINK', 'EU', 'BRICS'];
const BOOT = 200;
const indices: ui.Choice[] = [
  { value: 'ai', label: 'Agreement index (Hix–Noury–Roland)' },
  { value: 'rice', label: 'Rice' },
  { value: 'attina', label: 'Attinà' },
];
const shortNames: Record<string, string> = { ai: 'AI', rice: 'Rice', attina: 'Attinà' };

type Outcome = { group: string; table: TableResult } | { group: string; error: unknown };

/** "chn, rus prk" or "China+RUS" -> "CHN+RUS+PRK": an ad-hoc group in the API's syntax. */
function adHocGroup(app: App, text: string): string {
  const parts = text.split(/[+,;\s]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 1) {
    const up = parts[0].toUpperCase();
    const known = app.groups.find((g) => g.name.toUpperCase() === up);
    if (known) return known.name;
  }
  return parts.map((p) => app.resolve(p).toUpperCase()).join('+');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const view: View = {
  id: 'cohesion',
  title: 'Cohesion',
  order: 40,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'How united does each group vote? Left: mean cohesion over roll calls per period (absences excluded), dotted lines what the group would score voting at random with its own vote shares. Right: the null-adjusted index (index − null) / (1 − null), on which groups of different sizes compare fairly (0 = random voting, 1 = unanimity). Add an ad-hoc group as CHN+RUS+PRK.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const notes = document.createElement('ul');
    notes.className = 'group-notes';
    notes.hidden = true;
    root.append(notes);
    const grid = document.createElement('div');
    grid.className = 'grid-2';
    root.append(grid);
    const raw = new ChartCard(grid, 'cohesion', 'Cohesion over time', 'rostrum-cohesion', 440);
    const adjusted = new ChartCard(grid, 'cohesion-adjusted', 'Null-adjusted cohesion', 'rostrum-cohesion-adjusted', 440);
    const comparePanel = document.createElement('div');
    comparePanel.className = 'controls compare-controls';
    root.append(comparePanel);
    const compare = new ChartCard(root, 'cohesion-compare', 'Is A more cohesive than B?', 'rostrum-cohesion-compare', 190);
    const update = () => {
      void render();
      void renderCompare();
    };

    const known = app.groups.map((g) => g.name);
    const builtIn = known.length ? known : DEFAULT_GROUPS;
    const initial = (app.state.groups ?? DEFAULT_GROUPS.filter((g) => !known.length || known.includes(g)).join(',')).split(',').filter((g) => g && g !== '-');
    let chipBox: HTMLElement | null = null;
    const chipsAnchor = document.createElement('div');
    chipsAnchor.className = 'chips-anchor';
    panel.append(chipsAnchor);

    function selectedGroups(): string[] {
      return (app.state.groups ?? initial.join(',')).split(',').filter((g) => g && g !== '-');
    }

    /** The group chips: the built-in groups, then every ad-hoc group selected. */
    function drawChips(): void {
      const selected = selectedGroups();
      const custom = selected.filter((g) => !builtIn.includes(g));
      const holder = document.createElement('div');
      chipBox = ui.chips(holder, 'groups', 'Groups', [...builtIn, ...custom].map((g) => ({ value: g, label: g })), selected, (v) => {
        app.set({ groups: v.join(',') || '-' });
        update();
      });
      chipsAnchor.replaceChildren(...holder.childNodes);
    }
    drawChips();
    ui.text(panel, 'addgroup', 'Add a group', '', (v) => {
      const g = adHocGroup(app, v);
      const input = panel.querySelector<HTMLInputElement>('input[name=addgroup]');
      if (input) input.value = '';
      if (!g) return;
      const groups = selectedGroups();
      if (!groups.includes(g)) groups.push(g);
      app.set({ groups: groups.join(',') });
      drawChips();
      update();
    }, { list: 'countries', width: '11em', placeholder: 'CHN+RUS+PRK', hint: 'A group name or an ad-hoc group of countries written X+Y+Z' });
    ui.select(panel, 'index', 'Index', indices, app.state.index ?? 'ai', (v) => { app.set({ index: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });
    ui.select(panel, 'by', 'Per', ui.periods, app.state.by ?? 'year', (v) => { app.set({ by: v }); void render(); });
    yearRange(app, panel, update, { from: app.minYear, to: app.maxYear });
    ui.checkbox(panel, 'important', 'Important votes only', app.state.important === '1', (v) => { app.set({ important: v }); update(); });
    ui.checkbox(panel, 'null', 'Random-voting null', app.state.null !== '0', (v) => { app.set({ null: v ? undefined : '0' }); void render(); });
    ui.checkbox(panel, 'boot', `Bootstrap intervals (${BOOT} replicates)`, app.state.boot === '1', (v) => { app.set({ boot: v }); void render(); });

    const compareTitle = document.createElement('span');
    compareTitle.className = 'compare-title';
    compareTitle.textContent = 'Compare two groups over the chosen years:';
    comparePanel.append(compareTitle);
    ui.text(comparePanel, 'ca', 'Group A', app.state.ca ?? 'CHN+RUS+PRK', (v) => { app.set({ ca: adHocGroup(app, v) }); void renderCompare(); },
      { list: 'countries', width: '10em', hint: 'A group name or X+Y+Z' });
    ui.text(comparePanel, 'cb', 'Group B', app.state.cb ?? 'G7', (v) => { app.set({ cb: adHocGroup(app, v) }); void renderCompare(); },
      { list: 'countries', width: '10em', hint: 'A group name or X+Y+Z' });

    function selection() {
      const s = app.state;
      return {
        index: (s.index ?? 'ai') as CohesionParams['index'],
        issue: s.issue,
        important: s.important === '1' ? (1 as const) : undefined,
        from: s.from ?? app.minYear,
        to: s.to ?? app.maxYear,
      };
    }

    function showNotes(outcomes: Outcome[]): void {
      const items: HTMLLIElement[] = [];
      for (const chip of chipBox?.querySelectorAll<HTMLElement>('.chip') ?? []) {
        chip.classList.remove('chip-error', 'chip-empty');
        chip.removeAttribute('title');
      }
      for (const o of outcomes) {
        const failed = 'error' in o;
        if (!failed && o.table.rows.length) continue;
        const text = failed ? errorText(o.error) : emptyReason(o.table);
        const li = document.createElement('li');
        li.className = failed ? 'is-error' : 'is-empty';
        li.dataset.group = o.group;
        const b = document.createElement('b');
        b.textContent = o.group;
        li.append(b, failed ? `: ${text}` : `: no rows — ${text}`);
        items.push(li);
        const chip = [...(chipBox?.querySelectorAll<HTMLElement>('.chip') ?? [])].find((c) => c.dataset.value === o.group);
        if (chip) {
          chip.classList.add(failed ? 'chip-error' : 'chip-empty');
          chip.title = text;
        }
      }
      notes.replaceChildren(...items);
      notes.hidden = items.length === 0;
    }

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const groups = selectedGroups();
      const showNull = s.null !== '0';
      const boot = s.boot === '1' ? BOOT : undefined;
      const by = (s.by ?? 'year') as CohesionParams['by'];
      raw.loading();
      adjusted.loading();
      if (!groups.length) {
        guard(() => {
          showNotes([]);
          [raw, adjusted].forEach((c) => c.fail(new Error('Choose at least one group')));
        });
        return;
      }
      const sel = selection();
      // Every group on its own: one bad group must not blank the others.
      const settled = await Promise.allSettled(groups.map((group) => getTable('cohesion', { group, ...sel, by, null: showNull ? 100 : 0, boot })));
      const outcomes: Outcome[] = settled.map((r, i) => (r.status === 'fulfilled' ? { group: groups[i], table: r.value } : { group: groups[i], error: r.reason }));
      guard(() => {
        showNotes(outcomes);
        const drawn = outcomes.filter((o): o is { group: string; table: TableResult } => 'table' in o && o.table.rows.length > 0);
        if (drawn.length) {
          draw(drawn, sel.index ?? 'ai', showNull, boot !== undefined);
          return;
        }
        const failures = outcomes.filter((o) => 'error' in o);
        if (failures.length === outcomes.length) {
          const err = failures.length === 1 ? (failures[0] as { error: unknown }).error : new Error(failures.map((f) => `${f.group}: ${errorText((f as { error: unknown }).error)}`).join('; '));
          [raw, adjusted].forEach((c) => c.fail(err));
        } else {
          const first = outcomes.find((o) => 'table' in o) as { group: string; table: TableResult };
          const why = outcomes.length === 1 ? emptyReason(first.table) : outcomes.map((o) => `${o.group}: ${'table' in o ? emptyReason(o.table) : errorText(o.error)}`).join('; ');
          [raw, adjusted].forEach((c) => c.empty(why, first.table.columns));
        }
      });
    }

    /** Lines per group (and a band from `lo`/`hi` when given) over the periods. */
    function lines(drawn: { group: string; table: TableResult }[], periods: string[], key: string, band: [string, string] | null, withNull: boolean): object[] {
      const series: object[] = [];
      drawn.forEach(({ group, table }, i) => {
        const color = palette[i % palette.length];
        const byPeriod = new Map(table.rows.map((r) => [String(r.period), r]));
        series.push({ name: group, type: 'line', data: periods.map((p) => num(byPeriod.get(p)?.[key])), showSymbol: periods.length < 40, symbolSize: 5, lineStyle: { width: 2, color }, itemStyle: { color }, z: 3 });
        if (withNull)
          series.push({ name: `${group} null`, type: 'line', data: periods.map((p) => num(byPeriod.get(p)?.null_mean)), symbol: 'none', lineStyle: { width: 1, type: 'dotted', color }, itemStyle: { color }, tooltip: { show: false } });
        if (band) {
          const lo = periods.map((p) => num(byPeriod.get(p)?.[band[0]]));
          const hi = periods.map((p) => num(byPeriod.get(p)?.[band[1]]));
          series.push({ name: `${group} lo`, type: 'line', data: lo, stack: `band${i}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, z: 1 });
          series.push({
            name: `${group} band`, type: 'line', stack: `band${i}`, stackStrategy: 'all', symbol: 'none', silent: true, z: 1, tooltip: { show: false },
            data: hi.map((h, k) => (h === null || lo[k] === null ? null : h - (lo[k] as number))),
            lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.15 },
          });
        }
      });
      return series;
    }

    function tooltip(drawn: { group: string; table: TableResult }[], adjustedScale: boolean) {
      const names = drawn.map((d) => d.group);
      return (items: any[]) => {
        const list = items.filter((it) => names.includes(it.seriesName));
        if (!list.length) return '';
        const period = list[0].axisValue;
        return `<b>${esc(period)}</b><br>` + list.map((it) => {
          const r = drawn[names.indexOf(it.seriesName)].table.rows.find((x) => String(x.period) === period);
          const lohi = adjustedScale ? ['adjusted_lo', 'adjusted_hi'] : ['value_lo', 'value_hi'];
          const band = r && num(r[lohi[0]]) !== null ? ` [${fmt(num(r[lohi[0]]))}, ${fmt(num(r[lohi[1]]))}]` : '';
          const other = adjustedScale ? ` · raw ${fmt(num(r?.value))}` : r && num(r.null_mean) !== null ? ` · null ${fmt(num(r.null_mean))} [${fmt(num(r.null_lo))}, ${fmt(num(r.null_hi))}]` : '';
          return `${it.marker}${esc(it.seriesName)}: <b>${fmt(num(it.value))}</b>${band}${other} · ${r?.n ?? '–'} roll calls`;
        }).join('<br>');
      };
    }

    function draw(drawn: { group: string; table: TableResult }[], index: string, showNull: boolean, withBoot: boolean): void {
      const periods = sortPeriods(drawn.flatMap((d) => d.table.rows.map((r) => String(r.period))));
      const names = drawn.map((d) => d.group);
      const label = indices.find((x) => x.value === index)?.label ?? index;
      const short = shortNames[index] ?? index;
      const rows: Row[] = drawn.flatMap((d) => d.table.rows);
      const columns = drawn[0].table.columns;
      const base = {
        color: palette,
        animation: false,
        legend: { data: names, top: 0 },
        grid: { left: 52, right: 20, top: 40, bottom: 64 },
        xAxis: { type: 'category', data: periods, boundaryGap: false, ...axisStyle },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
      };
      const rawOption: Option = {
        ...base,
        tooltip: { trigger: 'axis', formatter: tooltip(drawn, false) },
        yAxis: { type: 'value', name: short, min: (v: any) => Math.floor(v.min * 10) / 10, max: (v: any) => Math.min(1, Math.ceil(v.max * 10) / 10), ...axisStyle },
        series: lines(drawn, periods, 'value', withBoot ? ['value_lo', 'value_hi'] : null, showNull),
      };
      const adjustedOption: Option = {
        ...base,
        tooltip: { trigger: 'axis', formatter: tooltip(drawn, true) },
        yAxis: { type: 'value', name: `${short}, null-adjusted`, min: (v: any) => Math.min(0, Math.floor(v.min * 10) / 10), max: (v: any) => Math.min(1, Math.ceil(v.max * 10) / 10), ...axisStyle },
        series: [
          ...lines(drawn, periods, 'adjusted', withBoot ? ['adjusted_lo', 'adjusted_hi'] : null, false),
          { name: 'random voting', type: 'line', data: [], markLine: { symbol: 'none', silent: true, lineStyle: { color: '#999', type: 'dashed' }, label: { formatter: 'random', position: 'insideEndTop', color: '#777' }, data: [{ yAxis: 0 }] } },
        ],
      };
      const intervals = withBoot ? `; bands: 95% bootstrap intervals over roll calls (${BOOT} replicates)` : '';
      raw.setTitle(`Cohesion over time — ${label}`);
      raw.setFilename(`rostrum-cohesion-${index}`);
      raw.show(rawOption, columns, rows, `Raw index${showNull ? '; dotted: random voting with the group’s vote shares' : ''}${intervals}.`);
      adjusted.setTitle(`Null-adjusted cohesion — ${label}`);
      adjusted.setFilename(`rostrum-cohesion-adjusted-${index}`);
      adjusted.show(adjustedOption, columns, rows, `(index − null) / (1 − null): 0 = random voting, 1 = unanimity${intervals}.`);
    }

    async function renderCompare(): Promise<void> {
      const s = app.state;
      const a = s.ca || 'CHN+RUS+PRK';
      const b = s.cb || 'G7';
      const sel = selection();
      const mine = ++compareToken;
      compare.loading();
      try {
        const t = await getTable('cohesion-compare', { group: a, vs: b, ...sel });
        if (mine !== compareToken) return;
        if (!t.rows.length) {
          compare.empty(emptyReason(t), t.columns);
          return;
        }
        drawCompare(t, a, b);
      } catch (err) {
        if (mine === compareToken) compare.fail(err);
      }
    }
    let compareToken = 0;

    function drawCompare(t: TableResult, a: string, b: string): void {
      const r = t.rows[0];
      const ga = num(r.group_adjusted);
      const gb = num(r.vs_adjusted);
      const d = num(r.difference);
      const lo = num(r.lo);
      const hi = num(r.hi);
      const p = num(r.p);
      const verdict = lo !== null && lo > 0 ? `Yes: ${a} is more cohesive than ${b}`
        : hi !== null && hi < 0 ? `No: ${b} is more cohesive than ${a}`
        : `Not clearly: the interval of the difference includes 0`;
      const period = String(r.period);
      const sentence = `${verdict} (${period}, null-adjusted ${String(r.index)}: ${fmt(ga)} against ${fmt(gb)}; raw ${fmt(num(r.group_value))} against ${fmt(num(r.vs_value))}). ` +
        `Difference ${fmt(d)}, 95% interval [${fmt(lo)}, ${fmt(hi)}]; p = ${fmt(p)} that ${a} is not more cohesive (one-sided, paired bootstrap over ${r.n} roll calls).`;
      const cats = [`${a}`, `${b}`, `${a} − ${b}`];
      compare.setTitle(`Is ${a} more cohesive than ${b}? ${period}`);
      compare.setFilename(`rostrum-cohesion-compare-${a}-${b}`.replace(/[^A-Za-z0-9_.+-]/g, '_'));
      compare.show({
        animation: false,
        grid: { left: 150, right: 40, top: 10, bottom: 30 },
        tooltip: { trigger: 'item' },
        xAxis: { type: 'value', name: 'null-adjusted cohesion', nameLocation: 'middle', nameGap: 22, min: (v: any) => Math.min(0, Math.floor(v.min * 10) / 10), max: (v: any) => Math.max(1, Math.ceil(v.max * 10) / 10), ...axisStyle },
        yAxis: { type: 'category', data: cats, inverse: true, axisTick: { show: false }, axisLabel: { color: '#333' } },
        series: [
          { name: 'adjusted', type: 'bar', barWidth: 14, data: [{ value: ga, itemStyle: { color: palette[0] } }, { value: gb, itemStyle: { color: palette[1] } }, null], label: { show: true, position: 'right', formatter: (it: any) => fmt(it.value) } },
          { name: 'lo', type: 'bar', stack: 'ci', stackStrategy: 'all', barWidth: 4, barGap: '-100%', silent: true, itemStyle: { color: 'transparent' }, data: [null, null, lo], tooltip: { show: false } },
          { name: 'interval', type: 'bar', stack: 'ci', stackStrategy: 'all', barWidth: 4, itemStyle: { color: '#5c6b73' }, data: [null, null, lo !== null && hi !== null ? hi - lo : null], tooltip: { formatter: () => `95% interval [${fmt(lo)}, ${fmt(hi)}]` } },
          { name: 'difference', type: 'scatter', symbolSize: 10, itemStyle: { color: '#1d2329' }, data: [[d, 2]], markLine: { symbol: 'none', silent: true, lineStyle: { color: '#999', type: 'dashed' }, label: { show: false }, data: [{ xAxis: 0 }] } },
        ],
      }, t.columns, t.rows, sentence);
    }

    update();
    return () => [raw, adjusted, compare].forEach((c) => c.dispose());
  },
};
