import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { renderHtml } from '../src/rapportage/rapportage-html';
import { decodeer, gemeenteGrenzen, provincieGrenzen } from '../src/rapportage/kaartgrenzen';
import { GEMEENTE_2025, PROVINCIE_2025 } from '../src/rapportage/kaartgrenzen.data';
import type { RapportageInhoud, RapportageStatushoudersRegel } from '../src/rapportage/rapportage-inhoud';

/**
 * The maps of issue 11: above a gemeente the statushouders section has a map of the area's parts
 * coloured by status, drawn from the CBS/Kadaster outlines the web app's map uses.
 */
const KAART = path.join(__dirname, '../../web/public/kaart');

describe('report maps', () => {
  it('the compiled-in outlines are the web map files (regenerate with scripts/gen-kaartgrenzen.mjs)', () => {
    const zelfde = (bestand: string, data: string) =>
      expect(JSON.parse(data)).toEqual(JSON.parse(fs.readFileSync(path.join(KAART, bestand), 'utf8')));
    zelfde('gemeente_2025.topojson', GEMEENTE_2025);
    zelfde('provincie_2025.topojson', PROVINCIE_2025);
  });

  it('decodes the TopoJSON like topojson-client does: 342 gemeenten, 12 provincies, same coordinates', () => {
    for (const [data, aantal] of [
      [GEMEENTE_2025, 342],
      [PROVINCIE_2025, 12],
    ] as const) {
      const topo = JSON.parse(data) as Topology;
      const referentie = feature(topo, Object.values(topo.objects)[0]) as unknown as {
        features: { properties: { statcode: string }; geometry: { type: string; coordinates: unknown } }[];
      };
      const eigen = decodeer(JSON.parse(data));
      expect(eigen).toHaveLength(aantal);
      eigen.forEach((f, i) => {
        expect(f.properties.name).toBe(referentie.features[i].properties.statcode);
        expect(f.geometry.type).toBe(referentie.features[i].geometry.type);
        expect(f.geometry.coordinates).toEqual(referentie.features[i].geometry.coordinates);
      });
    }
    expect(gemeenteGrenzen().find((f) => f.properties.name === 'GM0344')!.properties.naam).toBe('Utrecht');
    expect(provincieGrenzen().map((f) => f.properties.name)).toContain('PV26');
  });

  const rij = (
    gemeenteCode: string,
    gemeente: string,
    provincieCode: string,
    saldo: number,
    status: string,
  ): RapportageStatushoudersRegel => ({
    gemeenteCode,
    gemeente,
    provincieCode,
    halfjaar: '2026-H2',
    taakstelling: 10,
    meegenomen: 0,
    teRealiseren: 10 + Math.max(saldo, 0),
    gehuisvest: 10 - saldo,
    saldo,
    status,
  });
  const inhoud = (soort: 'LAND' | 'PROVINCIE', code: string, naam: string): RapportageInhoud => ({
    titel: `Kwartaalrapportage ${naam}`,
    gebied: { soort, code, naam },
    kwartaal: '2026-Q3',
    kwartaalLabel: '3e kwartaal 2026',
    periode: { van: '2026-01-01', tot: '2026-09-30' },
    peildatum: '2026-09-30',
    actielijn: 'ALLE',
    actielijnNaam: 'Alle actielijnen',
    variant: 'GEDEELD',
    indicatoren: [],
    afspraken: [],
    afsprakenZicht: [],
    statushouders: [
      rij('GM0344', 'Utrecht', 'PV26', 6, 'Achterstand'),
      rij('GM0307', 'Amersfoort', 'PV26', -2, 'Voorsprong'),
      rij('GM0363', 'Amsterdam', 'PV27', 0, 'Taakstelling gehaald'),
    ],
    socialeHuur: [],
    onderdelen:
      soort === 'LAND'
        ? {
            soort: 'provincie',
            kolommen: [],
            regels: [
              { code: 'PV26', naam: 'Utrecht', cellen: {} },
              { code: 'PV27', naam: 'Noord-Holland', cellen: {} },
              { code: 'PV20', naam: 'Groningen', cellen: {} },
            ],
          }
        : null,
    toelichting: [],
  });
  const KOP = {
    versie: 1,
    peilmoment: '2026-10-15T04:00:00.000Z',
    aangevraagdDoor: 'planner',
    variant: 'GEDEELD' as const,
  };
  const kaartIn = (html: string, titel: string) =>
    [...html.matchAll(/<svg[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]).find((svg) => svg.includes(titel));

  it('the country: each provincie coloured by the share of its gemeenten behind, every figure in the text alternative', () => {
    const kaart = kaartIn(
      renderHtml(inhoud('LAND', 'NL', 'Nederland'), KOP),
      'aandeel gemeenten met achterstand per provincie',
    )!;
    expect(kaart).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(kaart).toMatch(
      /<title id="[^"]+">Statushouders, tweede halfjaar 2026 \(loopt, voorlopig\): aandeel/,
    );
    expect(kaart).toContain('Utrecht: 1 van 2 gemeenten met achterstand (50%)');
    expect(kaart).toContain('Noord-Holland: 0 van 1 gemeenten met achterstand (0%)');
    expect(kaart).toContain('Groningen: geen gegevens');
    // Utrecht (50%) in the third class, Noord-Holland (0%) in the first, the rest grey
    expect(kaart).toContain('fill="#3e7cb1"');
    expect(kaart).toContain('fill="#d4e6f1"');
    expect(kaart).toContain('fill="#d9d9d9"');
    expect(kaart.match(/<path/g)!.length).toBeGreaterThanOrEqual(12);
  });

  it('a provincie: each of its gemeenten coloured by its status (achterstand, gehaald, voorsprong)', () => {
    const pv = inhoud('PROVINCIE', 'PV26', 'Utrecht');
    const kaart = kaartIn(renderHtml(pv, KOP), 'status per gemeente')!;
    expect(kaart).toContain('Utrecht: achterstand (saldo 6)');
    expect(kaart).toContain('Amersfoort: voorsprong (saldo -2)');
    expect(kaart).toContain('fill="#d95f02"'); // achterstand
    expect(kaart).toContain('fill="#154273"'); // voorsprong
    expect(kaart).toContain('fill="#8fb8de"'); // gehaald (Amsterdam, a row of this fixture)
    // no map in a gemeente's own report
    const gm = renderHtml({ ...pv, gebied: { soort: 'GEMEENTE', code: 'GM0344', naam: 'Utrecht' } }, KOP);
    expect(kaartIn(gm, 'status per gemeente')).toBeUndefined();
  });
});
