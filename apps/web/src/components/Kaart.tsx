/**
 * A choropleth of gemeenten as plain SVG: boundaries from the CBS/Kadaster TopoJSON (WGS84) in
 * /kaart, projected with a small equirectangular projection scaled by cos(latitude) — for an
 * area the size of the Netherlands indistinguishable from a conformal projection at this scale.
 * Every gemeente is a keyboard-focusable link; the same data is in a table next to the map.
 */
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Ring = [number, number][];
interface Vorm {
  code: string;
  naam: string;
  polygonen: Ring[][];
}

let cache: Promise<Vorm[]> | null = null;

/** Loads and caches the gemeente boundaries. */
export function laadGemeenteVormen(): Promise<Vorm[]> {
  cache ??= fetch('/kaart/gemeente_2025.topojson')
    .then((r) => {
      if (!r.ok) throw new Error(`De kaart kon niet worden geladen (HTTP ${r.status}).`);
      return r.json() as Promise<Topology>;
    })
    .then((topo) => {
      const fc = feature(topo, topo.objects.gemeente_2025) as unknown as {
        features: {
          properties: { statcode: string; statnaam: string };
          geometry: { type: string; coordinates: unknown };
        }[];
      };
      return fc.features.map((f) => ({
        code: f.properties.statcode,
        naam: f.properties.statnaam,
        polygonen:
          f.geometry.type === 'Polygon'
            ? [f.geometry.coordinates as Ring[]]
            : f.geometry.type === 'MultiPolygon'
              ? (f.geometry.coordinates as Ring[][])
              : [],
      }));
    });
  cache.catch(() => (cache = null));
  return cache;
}

export interface KaartGebied {
  code: string;
  /** fill colour */
  kleur: string;
  /** accessible name, e.g. "Utrecht: 85% van de taakstelling (op schema)" */
  label: string;
  /** where the link goes */
  href: string;
}

export interface LegendaItem {
  kleur: string;
  label: string;
}

const BREEDTE = 600;

function projecteer(vormen: Vorm[]) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const v of vormen)
    for (const poly of v.polygonen)
      for (const [lon, lat] of poly[0] ?? []) {
        minX = Math.min(minX, lon);
        maxX = Math.max(maxX, lon);
        minY = Math.min(minY, lat);
        maxY = Math.max(maxY, lat);
      }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const schaal = BREEDTE / ((maxX - minX) * k || 1);
  const hoogte = Math.ceil((maxY - minY) * schaal) || 1;
  const punt = ([lon, lat]: [number, number]) =>
    `${((lon - minX) * k * schaal).toFixed(1)},${((maxY - lat) * schaal).toFixed(1)}`;
  const pad = (v: Vorm) =>
    v.polygonen.map((poly) => poly.map((ring) => `M${ring.map(punt).join('L')}Z`).join('')).join('');
  return { hoogte, pad };
}

export function GemeenteKaart({
  titel,
  gebieden,
  legenda,
}: {
  titel: string;
  gebieden: KaartGebied[];
  legenda: LegendaItem[];
}) {
  const [vormen, setVormen] = useState<Vorm[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const navigate = useNavigate();
  useEffect(() => {
    let actief = true;
    laadGemeenteVormen().then(
      (v) => actief && setVormen(v),
      (e: unknown) => actief && setFout(e instanceof Error ? e.message : 'De kaart kon niet worden geladen.'),
    );
    return () => {
      actief = false;
    };
  }, []);
  const perCode = useMemo(() => new Map(gebieden.map((g) => [g.code, g])), [gebieden]);
  const getekend = useMemo(() => {
    if (!vormen) return null;
    const eigen = vormen.filter((v) => perCode.has(v.code));
    const { hoogte, pad } = projecteer(eigen);
    return { hoogte, paden: eigen.map((v) => ({ v, d: pad(v), g: perCode.get(v.code)! })) };
  }, [vormen, perCode]);

  if (fout)
    return (
      <p className="utrecht-paragraph" role="alert">
        {fout} De gegevens staan in de tabel.
      </p>
    );
  if (!getekend)
    return (
      <p className="utrecht-paragraph" role="status">
        De kaart wordt geladen…
      </p>
    );
  return (
    <figure className="tm-figuur">
      <svg
        className="tm-svgkaart"
        viewBox={`0 0 ${BREEDTE} ${getekend.hoogte}`}
        role="group"
        aria-label={titel}
      >
        {getekend.paden.map(({ v, d, g }) => (
          <a
            key={v.code}
            href={g.href}
            aria-label={g.label}
            onClick={(e) => {
              e.preventDefault();
              navigate(g.href);
            }}
          >
            <path d={d} fill={g.kleur}>
              <title>{g.label}</title>
            </path>
          </a>
        ))}
      </svg>
      <figcaption>
        <ul className="tm-legenda" aria-label="Legenda">
          {legenda.map((l) => (
            <li key={l.label}>
              <span className="tm-legenda__kleur" style={{ background: l.kleur }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
        </ul>
        <p className="tm-bron">Bron: CBS, Kadaster</p>
      </figcaption>
    </figure>
  );
}
