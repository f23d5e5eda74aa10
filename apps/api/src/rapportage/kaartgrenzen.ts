import { GEMEENTE_2025, PROVINCIE_2025 } from './kaartgrenzen.data';

/**
 * Outlines of gemeenten and provincies for the report maps, as GeoJSON features named by their
 * CBS code (GM…, PV…), decoded from the TopoJSON the web app's map uses (kaartgrenzen.data.ts,
 * CBS/Kadaster indeling 2025). The decoder is the small part of TopoJSON these files use
 * (quantized, delta-encoded arcs; Polygon and MultiPolygon), so the worker needs no extra package.
 */
export interface GrensFeature {
  type: 'Feature';
  properties: { name: string; naam: string };
  geometry:
    { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

interface Topologie {
  arcs: [number, number][][];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<
    string,
    {
      geometries: {
        type: string;
        arcs: number[][] | number[][][];
        properties: { statcode: string; statnaam: string };
      }[];
    }
  >;
}

export function decodeer(topo: Topologie): GrensFeature[] {
  const { scale, translate } = topo.transform;
  // absolute coordinates of every arc (delta-encoded, quantized)
  const bogen = topo.arcs.map((boog) => {
    let x = 0;
    let y = 0;
    return boog.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
  });
  // a ring is a list of arc indices; ~i (negative) is arc i reversed; consecutive arcs share a point
  const ring = (indices: number[]) => {
    const uit: number[][] = [];
    for (const i of indices) {
      const punten = i < 0 ? [...bogen[~i]].reverse() : bogen[i];
      uit.push(...(uit.length ? punten.slice(1) : punten));
    }
    return uit;
  };
  const object = Object.values(topo.objects)[0];
  return object.geometries.map((g) => ({
    type: 'Feature',
    properties: { name: g.properties.statcode, naam: g.properties.statnaam },
    geometry:
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: (g.arcs as number[][]).map(ring) }
        : { type: 'MultiPolygon', coordinates: (g.arcs as number[][][]).map((p) => p.map(ring)) },
  }));
}

let gemeenten: GrensFeature[] | undefined;
let provincies: GrensFeature[] | undefined;

export const gemeenteGrenzen = () => (gemeenten ??= decodeer(JSON.parse(GEMEENTE_2025) as Topologie));
export const provincieGrenzen = () => (provincies ??= decodeer(JSON.parse(PROVINCIE_2025) as Topologie));
