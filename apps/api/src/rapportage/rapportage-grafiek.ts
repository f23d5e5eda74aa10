import * as echarts from 'echarts';
import type { GrensFeature } from './kaartgrenzen';

/**
 * Charts for the report PDF, rendered on the server as SVG by ECharts' SSR renderer (no browser,
 * no script in the page). Every chart carries a <title> and a <desc> (its text alternative) and
 * role="img" with aria-labelledby, and the PDF puts the data table right beside it.
 */
export interface Staaf {
  label: string;
  waarde: number | null;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
let volgnummer = 0;

/** Puts the title and description into the SVG and makes it an image with a name for assistive tech. */
export function metTekstAlternatief(svg: string, titel: string, beschrijving: string): string {
  const id = `g${++volgnummer}`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${esc(titel)}</title><desc id="${id}-d">${esc(beschrijving)}</desc>`,
  );
}

/**
 * The variants of one report (gedeeld, zonder afspraken, intern) mostly carry the same charts:
 * an SVG is drawn once per distinct chart and reused (drawing is most of the HTML's cost). Keyed
 * by the chart kind, size and the option's data (its formatter functions are fixed per kind);
 * a few dozen recent charts are kept.
 */
const GETEKEND = new Map<string, string>();
const GETEKEND_MAX = 64;

function teken(soort: string, option: echarts.EChartsOption, breedte: number, hoogte: number): string {
  const sleutel = `${soort}|${breedte}x${hoogte}|${JSON.stringify(option)}`;
  const bekend = GETEKEND.get(sleutel);
  if (bekend !== undefined) return bekend;
  const svg = tekenNieuw(option, breedte, hoogte);
  if (GETEKEND.size >= GETEKEND_MAX) GETEKEND.delete(GETEKEND.keys().next().value!);
  GETEKEND.set(sleutel, svg);
  return svg;
}

function tekenNieuw(option: echarts.EChartsOption, breedte: number, hoogte: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: breedte, height: hoogte });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans, sans-serif', fontSize: 11 },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// one formatter per number of decimals: building an Intl.NumberFormat costs far more than using
// one, and every axis and bar label of every chart passes here (measured in the report run)
const formaten = new Map<number, Intl.NumberFormat>();
const nl = (n: number, dec = 0) => {
  let f = formaten.get(dec);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: dec, signDisplay: 'negative' });
    formaten.set(dec, f);
  }
  return f.format(n);
};

/**
 * Horizontal bars of a percentage per row (e.g. realisation as % of the target), with a reference
 * line (e.g. the share of the year that has passed). Rows without a value are left out of the
 * chart and named in the description.
 */
export function percentageStaven(opties: {
  titel: string;
  staven: Staaf[];
  referentie?: { waarde: number; label: string };
  breedte?: number;
}): string | null {
  const met = opties.staven.filter((s) => s.waarde !== null) as { label: string; waarde: number }[];
  if (!met.length) return null;
  const max = Math.max(100, ...met.map((s) => s.waarde), opties.referentie?.waarde ?? 0);
  const hoogte = 40 + met.length * 30;
  const svg = teken(
    'percentageStaven',
    {
      // fixed label room: SSR has no text measuring to size the grid to its labels
      grid: { left: 230, right: 56, top: 8, bottom: 24, containLabel: false },
      xAxis: {
        type: 'value',
        max: Math.ceil(max / 10) * 10,
        axisLabel: { formatter: (v: number) => `${nl(v)}%` },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: met.map((s) => s.label),
        axisLabel: { width: 220, overflow: 'break', lineHeight: 12 },
      },
      series: [
        {
          type: 'bar',
          data: met.map((s) => s.waarde),
          itemStyle: { color: '#154273' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => `${nl(Number(p.value), 1)}%`,
          },
          markLine: opties.referentie
            ? {
                symbol: 'none',
                label: { formatter: opties.referentie.label, position: 'end' },
                lineStyle: { color: '#b3261e', type: 'dashed' },
                data: [{ xAxis: opties.referentie.waarde }],
              }
            : undefined,
        },
      ],
    },
    opties.breedte ?? 640,
    hoogte,
  );
  const zonder = opties.staven.filter((s) => s.waarde === null).map((s) => s.label);
  const beschrijving =
    met.map((s) => `${s.label}: ${nl(s.waarde, 1)}%`).join('; ') +
    (opties.referentie
      ? `. Referentielijn: ${opties.referentie.label} (${nl(opties.referentie.waarde, 1)}%)`
      : '') +
    (zonder.length ? `. Zonder waarde: ${zonder.join(', ')}` : '') +
    '.';
  return metTekstAlternatief(svg, opties.titel, beschrijving);
}

/** Grouped vertical bars: two series (e.g. te realiseren and gehuisvest) per category. */
export function gegroepeerdeStaven(opties: {
  titel: string;
  categorieen: string[];
  reeksen: { naam: string; waarden: number[]; kleur: string }[];
  eenheid: string;
  breedte?: number;
}): string | null {
  if (!opties.categorieen.length) return null;
  const svg = teken(
    'gegroepeerdeStaven',
    {
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: opties.categorieen,
        axisLabel: { interval: 0, rotate: opties.categorieen.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => nl(v) } },
      series: opties.reeksen.map((r) => ({
        type: 'bar' as const,
        name: r.naam,
        data: r.waarden,
        itemStyle: { color: r.kleur },
        label: {
          show: opties.categorieen.length <= 6,
          position: 'top' as const,
          formatter: (p: { value: unknown }) => nl(Number(p.value)),
        },
      })),
    },
    opties.breedte ?? 640,
    220,
  );
  const beschrijving =
    opties.categorieen
      .map(
        (c, i) =>
          `${c}: ${opties.reeksen.map((r) => `${r.naam.toLowerCase()} ${nl(r.waarden[i])} ${opties.eenheid}`).join(', ')}`,
      )
      .join('; ') + '.';
  return metTekstAlternatief(svg, opties.titel, beschrijving);
}

/** A class of a map's legend: its label and colour. */
export interface KaartKlasse {
  label: string;
  kleur: string;
}

const GEEN_GEGEVENS = '#d9d9d9';
const geregistreerd = new Set<string>();

/**
 * A map of the parts of an area (gemeenten or provincies), each coloured by its class (a part
 * without a value grey), with every part's figure as text in the description; the PDF has the
 * table with the same figures beside it. Outlines: CBS/Kadaster (kaartgrenzen.ts), registered
 * with ECharts once per map name.
 */
export function gebiedKaart(opties: {
  titel: string;
  /** the map's name for ECharts: one set of outlines per name (e.g. 'provincies', 'gemeenten:PV26') */
  kaartNaam: string;
  grenzen: GrensFeature[];
  gebieden: { code: string; naam: string; klasse: number | null; tekst: string }[];
  klassen: KaartKlasse[];
  namenTonen?: boolean;
  breedte?: number;
  hoogte?: number;
}): string | null {
  if (!opties.gebieden.some((g) => g.klasse !== null) || !opties.grenzen.length) return null;
  if (!geregistreerd.has(opties.kaartNaam)) {
    echarts.registerMap(opties.kaartNaam, {
      type: 'FeatureCollection',
      features: opties.grenzen,
    } as unknown as Parameters<typeof echarts.registerMap>[1]);
    geregistreerd.add(opties.kaartNaam);
  }
  const naamVan = new Map(opties.gebieden.map((g) => [g.code, g.naam]));
  const svg = teken(
    `gebiedKaart|${opties.namenTonen ? [...naamVan].join() : ''}`,
    {
      visualMap: {
        type: 'piecewise',
        pieces: opties.klassen.map((k, i) => ({ value: i, label: k.label, color: k.kleur })),
        left: 0,
        bottom: 0,
        itemWidth: 14,
        itemHeight: 10,
        textStyle: { fontSize: 9 },
        outOfRange: { color: GEEN_GEGEVENS },
      },
      series: [
        {
          type: 'map',
          map: opties.kaartNaam,
          left: 120,
          right: 4,
          top: 4,
          bottom: 4,
          label: {
            show: opties.namenTonen ?? false,
            fontSize: 8,
            color: '#111111',
            formatter: (p: { name: string }) => naamVan.get(p.name) ?? p.name,
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: GEEN_GEGEVENS },
          data: opties.gebieden.map((g) => ({ name: g.code, value: g.klasse ?? undefined })),
        },
      ],
    },
    opties.breedte ?? 380,
    opties.hoogte ?? 360,
  );
  const beschrijving =
    opties.gebieden.map((g) => `${g.naam}: ${g.tekst}`).join('; ') +
    `. Kleuren: ${opties.klassen.map((k) => k.label).join(', ')}; grijs: geen gegevens.`;
  return metTekstAlternatief(svg, opties.titel, beschrijving);
}
