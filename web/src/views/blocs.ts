// Voting blocs of one year: communities of the agreement graph (GET /api/blocs)
// on a world map, with their sizes and a table of each bloc's stable name
// (`label`: the built-in group it matches, else "around" its core, kept while
// the bloc persists), its core member and its borderline members (the share of
// consensus runs that put a member in its bloc: JSON `stability`).
import { emptyReason, getTable, num, type Row } from '../api';
import type { BlocsParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, palette, type Option } from '../chart';
import { esc, fmt, latest } from '../common';
import * as ui from '../controls';
import { TableCard } from '../table';
import { loadWorld } from '../world';

interface Bloc {
  id: string;
  label: string;
  core: string;
  members: string[];
  /** Borderline members and their stability, as the server lists them. */
  borderline: Map<string, number>;
  /** Every member's stability (JSON periods[].blocs[].stability), when given. */
  stability: Map<string, number>;
  color: string;
}

/** "CHN:0.73,IND:0.71" -> CHN 0.73, IND 0.71. */
function parseBorderline(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of text.split(',').map((x) => x.trim()).filter(Boolean)) {
    const [iso3, share] = item.split(':');
    out.set(iso3, Number(share));
  }
  return out;
}

export const view: View = {
  id: 'blocs',
  title: 'Blocs',
  order: 50,
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent =
      'Voting blocs in one year: communities of the agreement graph (Leiden modularity with resolution γ, consensus over runs). A bloc is named after the group it matches or its core member; outlined states are borderline — placed in their bloc by fewer of the runs. Higher γ splits blocs further.';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const map = new ChartCard(root, 'blocs-map', 'Blocs', 'rostrum-blocs-map', 500);
    const grid = document.createElement('div');
    grid.className = 'grid-2';
    root.append(grid);
    const sizes = new ChartCard(grid, 'blocs-sizes', 'Bloc sizes', 'rostrum-blocs', 260);
    const table = new TableCard(grid, 'blocs', 'Blocs, cores and borderline members', 'rostrum-blocs-table');
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
      table.loading();
      try {
        const [t, names] = await Promise.all([
          getTable('blocs', { year, gamma: s.gamma === undefined ? undefined : Number(s.gamma), measure: s.measure as BlocsParams['measure'], issue: s.issue }),
          loadWorld(),
        ]);
        guard(() => {
          if (!t.rows.length) {
            const why = emptyReason(t);
            map.empty(why, t.columns);
            sizes.empty(why, t.columns);
            table.empty(why);
            return;
          }
          const periods = Array.isArray(t.periods) ? (t.periods as { blocs?: { id: number; stability?: Record<string, number> }[] }[]) : [];
          const stabilityOf = new Map((periods[0]?.blocs ?? []).map((b) => [String(b.id), new Map(Object.entries(b.stability ?? {}))]));
          const blocs: Bloc[] = t.rows.map((r, i) => {
            const id = String(r.bloc ?? i + 1);
            return {
              id,
              label: String(r.label ?? r.bloc ?? i + 1),
              core: String(r.core ?? ''),
              members: String(r.members ?? '').split(/[,\s]+/).filter(Boolean),
              borderline: parseBorderline(String(r.borderline ?? '')),
              stability: stabilityOf.get(id) ?? new Map(),
              color: palette[i % palette.length],
            };
          });
          draw(t.rows, t.columns, blocs, names, year);
        });
      } catch (err) {
        guard(() => {
          map.fail(err);
          sizes.fail(err);
          table.fail(err);
        });
      }
    }

    function draw(rows: Row[], columns: string[], blocs: Bloc[], names: Map<string, string>, year: string): void {
      const data: object[] = [];
      blocs.forEach((b, i) => {
        for (const iso3 of b.members) {
          const m49 = app.byIso3.get(iso3)?.m49;
          if (!m49 || !names.has(m49)) continue;
          const border = b.borderline.has(iso3);
          data.push({
            name: m49, value: i, iso3, bloc: b.label, core: b.core,
            stability: b.stability.get(iso3) ?? b.borderline.get(iso3) ?? null, borderline: border,
            // Borderline states keep their bloc's colour, outlined.
            itemStyle: border ? { borderColor: '#111', borderWidth: 1.4 } : undefined,
          });
        }
      });
      const q = num(rows[0]?.modularity);
      const eff = num(rows[0]?.effective_blocs);
      const borderlineCount = blocs.reduce((n, b) => n + b.borderline.size, 0);
      const note = `${blocs.length} blocs${q !== null ? ` · modularity Q = ${q.toFixed(3)}` : ''}${eff !== null ? ` · effective number of blocs ${eff.toFixed(2)}` : ''} · ${borderlineCount} borderline ${borderlineCount === 1 ? 'state' : 'states'} (outlined)`;
      const option: Option = {
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (it: any) => {
            const d = it.data;
            if (!d?.iso3) return `${esc(names.get(it.name) ?? it.name)}<br>no data`;
            const stab = d.stability !== null ? `<br>stability ${fmt(d.stability, 2)}${d.borderline ? ' — <b>borderline</b>' : ''}` : '';
            return `${esc(app.name(d.iso3))} (${esc(d.iso3)})<br>bloc <b>${esc(d.bloc)}</b>${d.core ? ` (core ${esc(d.core)})` : ''}${stab}`;
          },
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
      map.show(option, columns, rows, note);

      sizes.setFilename(`rostrum-blocs-${year}`);
      sizes.show({
        animation: false,
        grid: { left: 150, right: 40, top: 10, bottom: 24 },
        tooltip: { trigger: 'item', formatter: (it: any) => `${esc(blocs[it.dataIndex].label)}: ${blocs[it.dataIndex].members.length} states<br><span style="white-space:normal">${esc(blocs[it.dataIndex].members.join(' '))}</span>`, extraCssText: 'max-width:420px' },
        xAxis: { type: 'value', name: 'states' },
        yAxis: { type: 'category', inverse: true, data: blocs.map((b) => b.label) },
        series: [{ type: 'bar', barMaxWidth: 18, data: blocs.map((b) => ({ value: b.members.length, itemStyle: { color: b.color } })), label: { show: true, position: 'right' } }],
      }, columns, rows);

      table.setTitle(`Blocs, ${year}: names, cores and borderline members`);
      table.setFilename(`rostrum-blocs-${year}`);
      const swatch = (b: Bloc) => {
        const span = document.createElement('span');
        span.className = 'swatch';
        span.style.background = b.color;
        const wrap = document.createElement('span');
        wrap.append(span, b.label);
        return wrap;
      };
      const byLabel = new Map(blocs.map((b) => [b.id, b]));
      table.show(
        [
          { key: 'label', label: 'Bloc', format: (r) => swatch(byLabel.get(String(r.bloc))!) },
          { key: 'size', label: 'States', numeric: true },
          { key: 'core', label: 'Core', title: 'The member most central to the bloc', format: (r) => (r.core ? `${app.name(String(r.core))} (${r.core})` : '–') },
          {
            key: 'borderline', label: 'Borderline members (stability)', title: 'Members placed in this bloc by fewer of the consensus runs',
            format: (r) => {
              const b = byLabel.get(String(r.bloc))!;
              return b.borderline.size ? [...b.borderline].map(([c, v]) => `${c} ${fmt(v, 2)}`).join(', ') : 'none';
            },
          },
          { key: 'members', label: 'Members', format: (r) => String(r.members ?? '').split(',').join(' ') },
        ],
        rows,
        'Stability: the share of consensus runs that put a member in its bloc.',
        (r) => (String(r.borderline ?? '') ? 'has-borderline' : ''),
      );
    }

    update();
    return () => [map, sizes].forEach((c) => c.dispose());
  },
};
