import { aantalTekst, halfjaarTekst } from '@thuismonitor/domain';
import { schrijfCsv } from '../common/csv-veilig';
import type { RapportageInhoud, RapportageKop } from './rapportage-inhoud';
import {
  programmaTekst,
  actielijnTekst,
  afspraakEenheidTekst,
  celTekst,
  eenheidTekst,
  eenheidVan,
  indicatorTekst,
  loopt,
  metagegevens,
  percentageTekst,
  socialeHuurOordeelTekst,
  socialeHuurUitleg,
  woondealTekst,
  statushoudersStatusTekst,
  statusTekst,
  taakstellingTekst,
  verschilCelTekst,
} from './rapportage-weergave';

/**
 * CSV the way Dutch spreadsheet users open it: UTF-8 with BOM, `;` between fields, decimal comma.
 * Quoting and formula neutralising: schrijfCsv (common/csv-veilig.ts), for every cell.
 *
 * Layout (CSV_INDELING, documented in docs/decisions.md "Reports that say what they are"):
 * 1. line 1: `Thuismonitor kwartaalrapportage;indeling 2`;
 * 2. the metadata block, one `label;value` line each (Titel, Gebied, Kwartaal, Periode, Peildatum,
 *    Versie, Variant, Cijfers gelezen op, Gemaakt, Afscherming), then an empty line;
 * 3. sections, each: a heading line, a header line, the rows, an empty line. Sections in order:
 *    Voortgang per indicator; Afspraken; Taakstelling statushouders (personen);
 *    Aandeel sociale huur in de woningvoorraad (aandeel, doel van de provincie, oordeel only against
 *    that doel); Woondeal: nieuwbouw van het jaar; Realisatie per gemeente|provincie; for the
 *    country also Realisatie per gemeente (bijlage); Toelichting (also the notes on the stock share
 *    and the woondeal).
 *    A section without rows is left out.
 * Figures read exactly as in the PDF: counts and targets as whole numbers, shares as '28,7%',
 * changes with their unit ('+3 woningen', '−0,05 procentpunt'), '×' suppressed, '–' no data.
 */
export const CSV_INDELING = 'indeling 2';

export function renderCsv(r: RapportageInhoud, kop: RapportageKop): Buffer {
  const regels: string[][] = [];
  regels.push(['Thuismonitor kwartaalrapportage', CSV_INDELING]);
  for (const [k, v] of metagegevens(r, kop)) regels.push([k, v]);
  regels.push([]);
  regels.push(['Voortgang per indicator']);
  // coverage ("n van m gemeenten") beside every aggregate of an area above a gemeente
  const boven = r.gebied.soort !== 'GEMEENTE';
  regels.push([
    'Actielijn',
    'Indicatorcode',
    'Indicator',
    'Eenheid',
    'Taakstelling',
    'Realisatie',
    ...(boven ? ['Dekking'] : []),
    '% van taakstelling',
    'Status',
    'Dit kwartaal',
    ...(boven ? ['Dekking dit kwartaal'] : []),
    'Vorig kwartaal',
    ...(boven ? ['Dekking vorig kwartaal'] : []),
    'Verschil',
  ]);
  for (const i of r.indicatoren) {
    regels.push([
      i.actielijnNaam,
      i.code,
      i.naam,
      eenheidTekst(i.eenheid),
      taakstellingTekst(i),
      celTekst(i.realisatie, i.eenheid),
      ...(boven ? [i.dekking ?? ''] : []),
      percentageTekst(i.percentage),
      statusTekst(i),
      celTekst(i.ditKwartaal, i.eenheid),
      ...(boven ? [i.dekkingDitKwartaal ?? ''] : []),
      celTekst(i.vorigKwartaal, i.eenheid),
      ...(boven ? [i.dekkingVorigKwartaal ?? ''] : []),
      verschilCelTekst(i.verschil, i.eenheid),
    ]);
  }
  if (r.afspraken.length) {
    regels.push([]);
    regels.push(['Afspraken']);
    regels.push([
      'Gemeente',
      'Prestatieafspraak',
      'Afspraak',
      'Actielijn',
      'Indicatorcode',
      'Indicator',
      'Eenheid',
      'Doel',
      'Realisatie',
      '% van doel',
      'Status',
      'Verantwoordelijk',
    ]);
    for (const a of r.afspraken) {
      const e = eenheidVan(a.indicator);
      const mijlpaal = a.soort === 'MIJLPAAL';
      regels.push([
        a.gemeente ?? '',
        a.prestatieafspraak,
        a.omschrijving,
        actielijnTekst(a.actielijn),
        a.indicator ?? '',
        indicatorTekst(a.indicator),
        afspraakEenheidTekst(a),
        mijlpaal
          ? 'mijlpaal'
          : a.doelwaarde === null
            ? '–'
            : taakstellingTekst({ taakstelling: a.doelwaarde, eenheid: e }),
        mijlpaal ? (a.realisatie?.waarde ? 'bereikt' : 'niet bereikt') : celTekst(a.realisatie, e),
        mijlpaal ? '–' : percentageTekst(a.percentage),
        a.status.toLowerCase(),
        a.verantwoordelijke,
      ]);
    }
  }
  if (r.statushouders.length) {
    regels.push([]);
    regels.push(['Taakstelling statushouders (personen)']);
    regels.push([
      'Gemeentecode',
      'Gemeente',
      'Halfjaar',
      'Voorlopig',
      'Taakstelling',
      'Meegenomen',
      'Te huisvesten',
      'Gehuisvest',
      'Saldo',
      'Status',
    ]);
    for (const s of r.statushouders) {
      regels.push([
        s.gemeenteCode,
        s.gemeente,
        halfjaarTekst(s.halfjaar),
        loopt(s, r.peildatum) ? 'ja' : 'nee',
        aantalTekst(s.taakstelling),
        aantalTekst(s.meegenomen),
        aantalTekst(s.teRealiseren),
        aantalTekst(s.gehuisvest),
        aantalTekst(s.saldo),
        statushoudersStatusTekst(s, r.peildatum),
      ]);
    }
  }
  if (r.socialeHuur.length) {
    regels.push([]);
    regels.push(['Aandeel sociale huur in de woningvoorraad']);
    regels.push(['Gemeentecode', 'Gemeente', 'Aandeel', 'Doel provincie', 'Ten opzichte van het doel']);
    for (const s of r.socialeHuur) {
      regels.push([
        s.gemeenteCode,
        s.gemeente,
        percentageTekst(s.aandeel),
        percentageTekst(s.doel ?? null),
        socialeHuurOordeelTekst(s),
      ]);
    }
  }
  if (r.woondeal) {
    regels.push([], ['Woondeal: nieuwbouw van het jaar']);
    regels.push(['Onderdeel', 'Taakstelling', 'Opgeleverd', 'Percentage', 'Status']);
    for (const w of r.woondeal.regels)
      regels.push([
        w.naam,
        aantalTekst(w.taakstelling),
        aantalTekst(w.realisatie),
        percentageTekst(w.percentage),
        w.status,
      ]);
  }
  const programma = programmaTekst(r);
  if (programma) regels.push([], ['Volkshuisvestingsprogramma'], [programma]);
  for (const [o, kop] of [
    [r.onderdelen, `Realisatie per ${r.onderdelen?.soort}`],
    [r.bijlageGemeenten, 'Realisatie per gemeente (bijlage)'],
  ] as const) {
    if (!o) continue;
    regels.push([]);
    regels.push([kop]);
    // a provincie's cell is an aggregate too: its coverage follows it
    const metDekking = o.regels.some((x) => x.dekking);
    regels.push([
      'Code',
      'Naam',
      ...o.kolommen.flatMap((k) => (metDekking ? [k.naam, `Dekking ${k.naam}`] : [k.naam])),
    ]);
    for (const x of o.regels) {
      regels.push([
        x.code,
        x.naam,
        ...o.kolommen.flatMap((k) => {
          const c = celTekst(x.cellen[k.code] ?? null, eenheidVan(k.code));
          return metDekking ? [c, x.dekking?.[k.code] ?? ''] : [c];
        }),
      ]);
    }
  }
  // the explanations of the stock share and the woondeal go with the other notes (each section
  // above stays heading, header, rows)
  const noten = [
    ...r.toelichting,
    ...(r.socialeHuur.length ? [socialeHuurUitleg(r)] : []),
    ...woondealTekst(r),
  ];
  if (noten.length) {
    regels.push([]);
    regels.push(['Toelichting']);
    for (const t of noten) regels.push([t]);
  }
  return schrijfCsv(regels);
}
