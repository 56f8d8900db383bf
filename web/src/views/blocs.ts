// Voting blocs of one year: communities of the agreement graph (from /api/blocs)
// on a world map, with their sizes.
import { getTable, num } from '../api';
import type { AgreeParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, type Option } from '../chart';
import * as ui from '../controls';
import { loadWorld } from './partners';
import { esc, latest } from './common';

export const blocsView: View = {
  id: 'blocs',
  title: 'Blocs',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'Voting blocs in one year: communities of the agreement graph (Leiden modularity with resolution γ, consensus over runs). Higher γ splits blocs further.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const map = new ChartCard(root, 'blocs-map', 'Blocs', 'rostrum-blocs-map', 500);
    const sizes = new ChartCard(root, 'blocs-sizes', 'Bloc sizes', 'rostrum-blocs', 260);
    const update = () => void render();

    ui.number(panel, 'year', 'Year', app.state.year ?? String(app.maxYear), (v) => { app.set({ year: v }); update(); }, { min: app.minYear, max: app.maxYear });
    ui.number(panel, 'gamma', 'Resolution γ', app.state.gamma ?? '1', (v) => { app.set({ gamma: v }); update(); }, { min: 0.1, max: 5, step: 0.1 });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const year = s.year ?? String(app.maxYear);
      map.loading();
      sizes.loading();
      try {
        const [t, names] = await Promise.all([
          getTable('blocs', { year, gamma: s.gamma === undefined ? undefined : Number(s.gamma), measure: s.measure as AgreeParams['measure'], issue: s.issue }),
          loadWorld(),
        ]);
        guard(() => {
          const blocs = t.rows.map((r, i) => ({
            id: String(r.bloc ?? i + 1),
            label: String(r.label ?? r.bloc ?? i + 1),
            members: String(r.members ?? '').split(/[,\s]+/).filter(Boolean),
            color: palette[i % palette.length],
          }));
          const data: object[] = [];
          blocs.forEach((b, i) => {
            for (const iso3 of b.members) {
              const m49 = app.byIso3.get(iso3)?.m49;
              if (m49 && names.has(m49)) data.push({ name: m49, value: i, iso3, bloc: b.label });
            }
          });
          const q = num(t.rows[0]?.modularity);
          const eff = num(t.rows[0]?.effective_blocs);
          const note = `${blocs.length} blocs${q !== null ? ` · modularity Q = ${q.toFixed(3)}` : ''}${eff !== null ? ` · effective number of blocs ${eff.toFixed(2)}` : ''}`;
          const option: Option = {
            animation: false,
            tooltip: {
              trigger: 'item',
              formatter: (it: any) => (it.data?.iso3 ? `${esc(app.name(it.data.iso3))} (${esc(it.data.iso3)})<br>bloc <b>${esc(it.data.bloc)}</b>` : `${esc(names.get(it.name) ?? it.name)}<br>no data`),
            },
            visualMap: {
              type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0,
              pieces: blocs.map((b, i) => ({ value: i, label: `${b.label} (${b.members.length})`, color: b.color })),
            },
            series: [{
              type: 'map', map: 'world', roam: true, top: 10, bottom: 40,
              itemStyle: { areaColor: '#e6e6e6', borderColor: '#fff', borderWidth: 0.5 },
              emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
              select: { disabled: true },
              data,
            }],
          };
          map.setTitle(`Voting blocs, ${year}`);
          map.setFilename(`rostrum-blocs-${year}`);
          map.show(option, t.columns, t.rows, note);
          sizes.setFilename(`rostrum-blocs-${year}`);
          sizes.show({
            animation: false,
            grid: { left: 110, right: 40, top: 10, bottom: 24 },
            tooltip: { trigger: 'item', formatter: (it: any) => `${esc(blocs[it.dataIndex].label)}: ${blocs[it.dataIndex].members.length} states<br><span style="white-space:normal">${esc(blocs[it.dataIndex].members.join(' '))}</span>`, extraCssText: 'max-width:420px' },
            xAxis: { type: 'value', name: 'states' },
            yAxis: { type: 'category', inverse: true, data: blocs.map((b) => b.label) },
            series: [{ type: 'bar', barMaxWidth: 18, data: blocs.map((b) => ({ value: b.members.length, itemStyle: { color: b.color } })), label: { show: true, position: 'right' } }],
          }, t.columns, t.rows);
        });
      } catch (err) {
        guard(() => [map, sizes].forEach((c) => c.fail(err)));
      }
    }

    update();
    return () => [map, sizes].forEach((c) => c.dispose());
  },
};
