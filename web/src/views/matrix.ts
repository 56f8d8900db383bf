// Heatmap of the agreement matrix of one period, rows and columns ordered by
// hierarchical clustering so that blocs show as squares on the diagonal.
import { getTable, num } from '../api';
import type { AgreeParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, type Option } from '../chart';
import * as ui from '../controls';
import { seriate } from '../seriation';
import { esc, fmt, latest } from './common';

export const matrixView: View = {
  id: 'matrix',
  title: 'Matrix',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'Agreement between every pair of states in one year, ordered by average-linkage clustering: blocs appear as dark squares along the diagonal.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const card = new ChartCard(root, 'matrix', 'Agreement matrix', 'rostrum-matrix', 820);
    const update = () => void render();

    ui.number(panel, 'year', 'Year', app.state.year ?? String(app.maxYear), (v) => { app.set({ year: v }); update(); }, { min: app.minYear, max: app.maxYear });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });
    const groups: ui.Choice[] = [{ value: '', label: 'All states' }, ...app.groups.map((g) => ({ value: g.name, label: g.name }))];
    ui.select(panel, 'members', 'States', groups, app.state.members ?? '', (v) => { app.set({ members: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const year = s.year ?? String(app.maxYear);
      const measure = s.measure ?? 'agree';
      const who = s.members || 'all';
      card.loading();
      try {
        const t = await getTable('agree', { a: who, b: who, year, measure: measure as AgreeParams['measure'], issue: s.issue });
        guard(() => {
          // Symmetric matrix from the pair rows (pairs with < 5 joint votes are unknown).
          const ids = [...new Set(t.rows.flatMap((r) => [String(r.a), String(r.b)]))];
          const index = new Map(ids.map((c, i) => [c, i]));
          const n = ids.length;
          const sim: number[][] = Array.from({ length: n }, () => new Array(n).fill(NaN));
          const count: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
          for (const r of t.rows) {
            const i = index.get(String(r.a))!;
            const j = index.get(String(r.b))!;
            const v = num(r.value);
            const k = num(r.n) ?? 0;
            if (v === null || k < 5) continue;
            sim[i][j] = sim[j][i] = v;
            count[i][j] = count[j][i] = k;
          }
          const order = seriate(sim);
          const labels = order.map((i) => ids[i]);
          const data: [number, number, number][] = [];
          let lo = Infinity;
          let hi = -Infinity;
          for (let x = 0; x < n; x++)
            for (let y = 0; y < n; y++) {
              const v = sim[order[x]][order[y]];
              if (x !== y && Number.isFinite(v)) {
                data.push([x, y, v]);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
              }
            }
          const option: Option = {
            animation: false,
            grid: { left: 56, right: 90, top: 10, bottom: 56 },
            tooltip: {
              formatter: (it: any) => {
                const [x, y, v] = it.data as [number, number, number];
                const a = labels[x];
                const b = labels[y];
                return `${esc(app.name(a))} – ${esc(app.name(b))}<br>${ui.measureLabel(measure)}: <b>${fmt(v)}</b> · n=${count[order[x]][order[y]]}`;
              },
            },
            xAxis: { type: 'category', data: labels, axisLabel: { fontSize: n > 60 ? 6 : 10, rotate: 90, interval: n > 120 ? 1 : 0 }, axisTick: { show: false }, splitArea: { show: false } },
            yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: n > 60 ? 6 : 10, interval: n > 120 ? 1 : 0 }, axisTick: { show: false } },
            visualMap: {
              min: Number.isFinite(lo) ? lo : 0, max: Number.isFinite(hi) ? hi : 1, precision: 2, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 260,
              inRange: { color: ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'] },
            },
            series: [{ type: 'heatmap', data, progressive: 0, emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
          };
          const rows = t.rows.map((r) => ({ ...r }));
          card.setTitle(`Agreement matrix, ${year}${s.members ? ` (${s.members})` : ''} — ${ui.measureLabel(measure)}`);
          card.setFilename(`rostrum-matrix-${year}-${measure}`);
          card.show(option, t.columns, rows, `${n} states, ${t.rows.length.toLocaleString('en')} pairs; ordered by clustering`);
        });
      } catch (err) {
        guard(() => card.fail(err));
      }
    }

    update();
    return () => card.dispose();
  },
};
