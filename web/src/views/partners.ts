// "With whom does X vote?": partners ranked by agreement with X over a period,
// and a world map coloured by it.
import { getTable, num, type Row } from '../api';
import type { AgreeParams } from '../api-types';
import type { App, View } from '../app';
import { ChartCard, echarts, type Option } from '../chart';
import * as ui from '../controls';
import { axisStyle, esc, fmt, latest, yearRange } from './common';

let worldReady: Promise<Map<string, string>> | null = null;

/** Registers the world-atlas map once; resolves to id -> country name. */
export function loadWorld(): Promise<Map<string, string>> {
  worldReady ??= Promise.all([import('world-atlas/countries-110m.json'), import('topojson-client')]).then(([atlas, topo]) => {
    const topology = (atlas as any).default ?? atlas;
    const fc = topo.feature(topology, topology.objects.countries) as unknown as { features: any[] };
    const names = new Map<string, string>();
    const features = fc.features
      .filter((f: any) => f.id !== '010') // Antarctica
      .map((f: any) => {
        const id = String(f.id ?? f.properties?.name);
        names.set(id, String(f.properties?.name ?? id));
        return { ...f, geometry: unwrapAntimeridian(f.geometry), properties: { ...f.properties, name: id } };
      });
    echarts.registerMap('world', { type: 'FeatureCollection', features } as any);
    return names;
  });
  return worldReady;
}

const TOP = 20;

/** Rings that cross the antimeridian (Russia, Fiji) would draw a line across the
 *  whole map: move their western-hemisphere points east of 180°. */
function unwrapAntimeridian(geometry: any): any {
  if (!geometry) return geometry;
  const fixRing = (ring: number[][]) => {
    let crosses = false;
    for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) crosses = true;
    return crosses ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
  };
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(fixRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((poly: number[][][]) => poly.map(fixRing)) };
  return geometry;
}

export const partnersView: View = {
  id: 'partners',
  title: 'Partners',
  mount(app: App, root: HTMLElement) {
    const intro = document.createElement('p');
    intro.className = 'intro';
    intro.textContent = 'With whom does a state vote? Every other state ranked by agreement with it over the chosen years (pairs with fewer than 10 joint votes are left out).';
    root.append(intro);
    const panel = ui.panel(root);
    const next = latest();
    const grid = document.createElement('div');
    grid.className = 'grid-2';
    root.append(grid);
    const map = new ChartCard(root, 'partners-map', 'Agreement with X', 'rostrum-partners-map', 480);
    const top = new ChartCard(grid, 'partners-top', 'Closest partners', 'rostrum-partners', 520);
    const bottom = new ChartCard(grid, 'partners-bottom', 'Most distant', 'rostrum-partners-distant', 520);
    root.append(map.el); // map below the rankings
    const update = () => void render();

    ui.text(panel, 'country', 'Country', app.state.country ?? 'USA', (v) => { app.set({ country: app.resolve(v) }); update(); }, { list: 'countries', width: '7em' });
    ui.select(panel, 'measure', 'Measure', ui.measures, app.state.measure ?? 'agree', (v) => { app.set({ measure: v }); update(); });
    ui.select(panel, 'issue', 'Issue', ui.issues, app.state.issue ?? '', (v) => { app.set({ issue: v }); update(); });
    yearRange(app, panel, update, { from: Math.max(app.minYear, app.maxYear - 4), to: app.maxYear });
    ui.checkbox(panel, 'important', 'Important votes only', app.state.important === '1', (v) => { app.set({ important: v }); update(); });

    async function render(): Promise<void> {
      const guard = next();
      const s = app.state;
      const x = app.resolve(s.country ?? 'USA');
      const measure = s.measure ?? 'agree';
      const from = s.from ?? String(Math.max(app.minYear, app.maxYear - 4));
      const to = s.to ?? String(app.maxYear);
      for (const c of [top, bottom, map]) c.loading();
      try {
        const [t, names] = await Promise.all([getTable('agree', { a: x, b: 'all', measure: measure as AgreeParams['measure'], issue: s.issue, from, to, important: s.important === '1' ? 1 : undefined }), loadWorld()]);
        guard(() => draw(x, t.rows, names, measure, `${from}–${to}`));
      } catch (err) {
        guard(() => [top, bottom, map].forEach((c) => c.fail(err)));
      }
    }

    function draw(x: string, rows: Row[], worldNames: Map<string, string>, measure: string, period: string): void {
      const partners = rows
        .map((r) => ({ row: r, iso3: String(r.a) === x ? String(r.b) : String(r.a), value: num(r.value), n: num(r.n) ?? 0 }))
        .filter((p) => p.value !== null && p.n >= 10)
        .sort((a, b) => (b.value as number) - (a.value as number));
      const name = app.name(x);
      const csvRows = partners.map((p, i) => ({ rank: i + 1, country: x, partner: p.iso3, partner_name: app.name(p.iso3), measure, value: p.value, n: p.n, period }));
      const cols = ['rank', 'country', 'partner', 'partner_name', 'measure', 'value', 'n', 'period'];
      const all = partners.map((p) => p.value as number);
      const bounded = measure === 'agree' || measure === 'coincidence';
      const axisMin = bounded ? 0 : Math.floor(Math.min(0, ...all) * 10) / 10;
      const axisMax = bounded ? 1 : Math.ceil(Math.max(0, ...all) * 10) / 10;
      const bar = (list: typeof partners, color: string): Option => ({
        animation: false,
        grid: { left: 150, right: 56, top: 10, bottom: 30 },
        tooltip: { trigger: 'item', formatter: (it: any) => `${esc(it.name)}<br>${ui.measureLabel(measure)}: <b>${fmt(it.value)}</b> · n=${list[it.dataIndex]?.n}` },
        xAxis: { type: 'value', min: axisMin, max: axisMax, ...axisStyle },
        yAxis: { type: 'category', inverse: true, data: list.map((p) => `${app.name(p.iso3)} (${p.iso3})`), axisLabel: { color: '#333', fontSize: 11 }, axisTick: { show: false } },
        series: [{ type: 'bar', data: list.map((p) => p.value), itemStyle: { color }, barMaxWidth: 16, label: { show: true, position: 'right', formatter: (it: any) => fmt(it.value, 2), fontSize: 10, color: '#555' } }],
      });
      top.setTitle(`Closest partners of ${name}, ${period}`);
      bottom.setTitle(`Most distant from ${name}, ${period}`);
      top.show(bar(partners.slice(0, TOP), '#1f5f99'), cols, csvRows, `${partners.length} partners`);
      bottom.show(bar(partners.slice(-TOP).reverse(), '#c8553d'), cols, csvRows);

      const data: object[] = [];
      for (const p of partners) {
        const m49 = app.byIso3.get(p.iso3)?.m49;
        if (m49 && worldNames.has(m49)) data.push({ name: m49, value: p.value, iso3: p.iso3, n: p.n });
      }
      const self = app.byIso3.get(x)?.m49;
      const values = partners.map((p) => p.value as number);
      const lo = values.length ? Math.min(...values) : 0;
      const hi = values.length ? Math.max(...values) : 1;
      map.setTitle(`Agreement with ${name}, ${period}`);
      map.show(
        {
          animation: false,
          tooltip: {
            trigger: 'item',
            formatter: (it: any) => {
              const label = it.data?.iso3 ? `${app.name(it.data.iso3)} (${it.data.iso3})` : worldNames.get(it.name) ?? it.name;
              if (it.name === self) return `<b>${esc(name)}</b> (reference)`;
              return it.data ? `${esc(label)}<br>${ui.measureLabel(measure)}: <b>${fmt(it.value)}</b> · n=${it.data.n}` : `${esc(label)}<br>no data`;
            },
          },
          visualMap: {
            min: lo, max: hi, precision: 2, calculable: true, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 12, itemHeight: 200,
            text: ['votes with', 'votes against'], inRange: { color: ['#b2182b', '#ef8a62', '#f7f7f7', '#67a9cf', '#2166ac'] },
          },
          series: [{
            type: 'map', map: 'world', roam: true, nameProperty: 'name', top: 10, bottom: 50,
            itemStyle: { areaColor: '#e6e6e6', borderColor: '#fff', borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166' } },
            select: { disabled: true },
            data: self ? [...data, { name: self, value: null, itemStyle: { areaColor: '#222' } }] : data,
          }],
        },
        cols, csvRows,
      );
    }

    update();
    return () => [top, bottom, map].forEach((c) => c.dispose());
  },
};
