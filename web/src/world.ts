// The world map (world-atlas 110m, ids are ISO 3166 numeric / UN M49 codes),
// registered with ECharts once for every view that draws one.
import { echarts } from './chart';

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
