import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { aantalTekst, afgerondAantal, halfjaarTekst } from '@thuismonitor/domain';
import type { RapportageCel, RapportageInhoud, RapportageKop } from './rapportage-inhoud';
import { markeerTekstCellen } from '../common/xlsx-veilig';
import {
  programmaTekst,
  actielijnTekst,
  afspraakEenheidTekst,
  bestandsTitel,
  eenheidTekst,
  indicatorTekst,
  eenheidVan,
  loopt,
  metagegevens,
  statushoudersStatusTekst,
  statusTekst,
  socialeHuurOordeelTekst,
  socialeHuurUitleg,
  woondealTekst,
} from './rapportage-weergave';

/**
 * XLSX through exceljs' streaming writer (rows are committed as they are written, so memory stays
 * flat for the large national tables). Numbers are real numbers with a number format per column
 * (issue 11): counts and targets whole ('#,##0'), shares and percentages as percent ('0.0%', the
 * cell holds the fraction, so 28,73% is 0.2873 and shows 28,7%), changes of a share in procentpunt
 * and of a count signed. Where one column mixes counts and shares (the indicator sheet), the
 * format follows each row's unit. Suppressed cells hold the marker text so no figure hides in a
 * cell value. The first sheet, "Toelichting", says what the file is.
 */
export const XLSX_FORMAAT = {
  AANTAL: '#,##0',
  PROCENT: '0.0%',
  VERSCHIL_AANTAL: '+#,##0;-#,##0;0',
  VERSCHIL_PROCENTPUNT: '+0.0#" procentpunt";-0.0#" procentpunt";"gelijk"',
} as const;

const isProcent = (eenheid: string) => eenheid === 'PERCENTAGE';
/** a figure's cell value: a number in the unit's scale, or the suppression marker */
function waarde(c: RapportageCel | null, eenheid: string): string | number | null {
  if (!c) return null;
  if (c.onderdrukt) return c.weergave;
  if (c.waarde === null) return null;
  return isProcent(eenheid) ? c.waarde / 100 : c.waarde;
}
const formaat = (eenheid: string) => (isProcent(eenheid) ? XLSX_FORMAAT.PROCENT : XLSX_FORMAAT.AANTAL);
const doel = (w: number | null, eenheid: string) =>
  w === null ? null : isProcent(eenheid) ? w / 100 : afgerondAantal(w);

export async function renderXlsx(r: RapportageInhoud, kop: RapportageKop): Promise<Buffer> {
  const stream = new PassThrough();
  const delen: Buffer[] = [];
  stream.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // zlib level 1: most of a small workbook's writing time was compression at the default level
  // (measured in the report run); the files stay small (they are XML with few repeats)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, zip: { zlib: { level: 1 } } });
  wb.creator = 'Thuismonitor';
  wb.title = bestandsTitel(r, kop);
  wb.subject = `Kwartaalrapportage ${r.gebied.naam}, versie ${kop.versie}, variant ${kop.variant.toLowerCase()}`;
  wb.keywords = `thuismonitor; kwartaalrapportage; ${r.gebied.code}; ${r.kwartaal}; versie ${kop.versie}; ${kop.variant.toLowerCase()}`;
  wb.created = new Date(kop.peilmoment);

  const blad = (naam: string, koppen: string[], breedtes: number[]) => {
    const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = koppen.map((k, i) => ({
      header: k,
      key: `k${i}`,
      width: breedtes[i] ?? 16,
    }));
    markeerTekstCellen(ws.getRow(1)).font = { bold: true };
    // Every row of every sheet passes here: a text cell that looks like a formula is marked Text
    // (common/xlsx-veilig.ts); numbers stay numbers, also negative ones.
    const addRow = ws.addRow.bind(ws);
    ws.addRow = ((rij: unknown[], stijl?: string) => markeerTekstCellen(addRow(rij, stijl))) as typeof ws.addRow;
    return ws;
  };
  /** writes one row with a number format per column (1-based index → format) */
  const rij = (ws: ExcelJS.Worksheet, waarden: unknown[], formaten: Record<number, string>) => {
    const row = ws.addRow(waarden);
    for (const [k, f] of Object.entries(formaten)) row.getCell(Number(k)).numFmt = f;
    // a column's number format must not take the Text format off a formula-like text
    markeerTekstCellen(row).commit();
  };

  const info = blad('Toelichting', ['Onderdeel', 'Waarde'], [34, 110]);
  for (const [k, v] of metagegevens(r, kop)) info.addRow([k, v]).commit();
  const programma = programmaTekst(r);
  if (programma) info.addRow(['Volkshuisvestingsprogramma', programma]).commit();
  if (r.socialeHuur.length)
    info.addRow(['Aandeel sociale huur in de voorraad', socialeHuurUitleg(r)]).commit();
  for (const t of woondealTekst(r)) info.addRow(['Woondeal', t]).commit();
  for (const w of r.woondeal?.regels ?? [])
    info
      .addRow([
        `Woondeal: ${w.naam}`,
        `opgeleverd ${aantalTekst(w.realisatie)}; taakstelling ${aantalTekst(w.taakstelling)}; ${w.status}`,
      ])
      .commit();
  for (const t of r.toelichting) info.addRow(['Toelichting', t]).commit();
  for (const t of [
    'Aantallen en taakstellingen zijn hele getallen; aandelen en percentages staan als percentage (de cel bevat de fractie).',
    'Verschil: de verandering tegen het vorige kwartaal, bij een aandeel in procentpunt.',
    "Een '×' is een afgeschermd cijfer; een lege cel betekent geen gegevens.",
  ])
    info.addRow(['Opmaak', t]).commit();
  await info.commit();

  // coverage ("n van m gemeenten") beside every aggregate of an area above a gemeente
  const boven = r.gebied.soort !== 'GEMEENTE';
  const d = <T>(...x: T[]): T[] => (boven ? x : []);
  const ind = blad(
    'Voortgang',
    [
      'Actielijn',
      'Indicatorcode',
      'Indicator',
      'Eenheid',
      'Taakstelling',
      'Realisatie',
      ...d('Dekking'),
      '% van taakstelling',
      'Status',
      'Dit kwartaal',
      ...d('Dekking dit kwartaal'),
      'Vorig kwartaal',
      ...d('Dekking vorig kwartaal'),
      'Verschil',
    ],
    [26, 34, 44, 14, 14, 14, ...d(22), 16, 18, 14, ...d(22), 14, ...d(22), 22],
  );
  // column numbers (1-based) with or without the coverage columns
  const k = boven
    ? { taak: 5, real: 6, pct: 8, dit: 10, vorig: 12, verschil: 14 }
    : { taak: 5, real: 6, pct: 7, dit: 9, vorig: 10, verschil: 11 };
  for (const i of r.indicatoren) {
    const f = formaat(i.eenheid);
    rij(
      ind,
      [
        i.actielijnNaam,
        i.code,
        i.naam,
        eenheidTekst(i.eenheid),
        doel(i.taakstelling, i.eenheid),
        waarde(i.realisatie, i.eenheid),
        ...d(i.dekking),
        i.percentage === null ? null : i.percentage / 100,
        statusTekst(i),
        waarde(i.ditKwartaal, i.eenheid),
        ...d(i.dekkingDitKwartaal),
        waarde(i.vorigKwartaal, i.eenheid),
        ...d(i.dekkingVorigKwartaal),
        i.verschil.onderdrukt ? i.verschil.weergave : i.verschil.waarde,
      ],
      {
        [k.taak]: f,
        [k.real]: f,
        [k.pct]: XLSX_FORMAAT.PROCENT,
        [k.dit]: f,
        [k.vorig]: f,
        [k.verschil]: isProcent(i.eenheid) ? XLSX_FORMAAT.VERSCHIL_PROCENTPUNT : XLSX_FORMAAT.VERSCHIL_AANTAL,
      },
    );
  }
  await ind.commit();

  if (r.afspraken.length) {
    const af = blad(
      'Afspraken',
      [
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
      ],
      [22, 30, 50, 24, 30, 34, 12, 12, 12, 12, 16, 30],
    );
    for (const a of r.afspraken) {
      const e = eenheidVan(a.indicator);
      const mijlpaal = a.soort === 'MIJLPAAL';
      rij(
        af,
        [
          a.gemeente ?? null,
          a.prestatieafspraak,
          a.omschrijving,
          actielijnTekst(a.actielijn),
          a.indicator,
          indicatorTekst(a.indicator),
          afspraakEenheidTekst(a),
          mijlpaal ? 'mijlpaal' : doel(a.doelwaarde, e),
          mijlpaal ? (a.realisatie?.waarde ? 'bereikt' : 'niet bereikt') : waarde(a.realisatie, e),
          mijlpaal || a.percentage === null ? null : a.percentage / 100,
          a.status.toLowerCase(),
          a.verantwoordelijke,
        ],
        // a milestone's Doel and Realisatie are words: no number format on them
        mijlpaal ? { 10: XLSX_FORMAAT.PROCENT } : { 8: formaat(e), 9: formaat(e), 10: XLSX_FORMAAT.PROCENT },
      );
    }
    await af.commit();
  }
  if (r.statushouders.length) {
    const sh = blad(
      'Statushouders',
      [
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
      ],
      [14, 28, 22, 10, 12, 12, 14, 12, 10, 22],
    );
    const A = XLSX_FORMAAT.AANTAL;
    for (const s of r.statushouders) {
      rij(
        sh,
        [
          s.gemeenteCode,
          s.gemeente,
          halfjaarTekst(s.halfjaar),
          loopt(s, r.peildatum) ? 'ja' : 'nee',
          afgerondAantal(s.taakstelling),
          afgerondAantal(s.meegenomen),
          afgerondAantal(s.teRealiseren),
          afgerondAantal(s.gehuisvest),
          afgerondAantal(s.saldo),
          statushoudersStatusTekst(s, r.peildatum),
        ],
        { 5: A, 6: A, 7: A, 8: A, 9: A },
      );
    }
    await sh.commit();
  }
  if (r.socialeHuur.length) {
    const so = blad(
      'Sociale huur',
      ['Gemeentecode', 'Gemeente', 'Aandeel', 'Doel provincie', 'Ten opzichte van het doel'],
      [14, 28, 12, 14, 24],
    );
    for (const s of r.socialeHuur) {
      rij(
        so,
        [
          s.gemeenteCode,
          s.gemeente,
          s.aandeel === null ? null : s.aandeel / 100,
          (s.doel ?? null) === null ? null : s.doel! / 100,
          socialeHuurOordeelTekst(s),
        ],
        {
          3: XLSX_FORMAAT.PROCENT,
          4: XLSX_FORMAAT.PROCENT,
        },
      );
    }
    await so.commit();
  }
  for (const [o, naam] of [
    [r.onderdelen, r.onderdelen?.soort === 'gemeente' ? 'Gemeenten' : 'Provincies'],
    [r.bijlageGemeenten, 'Gemeenten'],
  ] as const) {
    if (!o) continue;
    const metDekking = o.regels.some((x) => x.dekking);
    const kolommen = o.kolommen.flatMap((kk) => (metDekking ? [kk.naam, `Dekking ${kk.naam}`] : [kk.naam]));
    const od = blad(naam, ['Code', 'Naam', ...kolommen], [10, 28, ...kolommen.map(() => 16)]);
    const formaten: Record<number, string> = {};
    o.kolommen.forEach((kk, i) => (formaten[3 + i * (metDekking ? 2 : 1)] = formaat(eenheidVan(kk.code))));
    for (const x of o.regels) {
      rij(
        od,
        [
          x.code,
          x.naam,
          ...o.kolommen.flatMap((kk) => {
            const w = waarde(x.cellen[kk.code] ?? null, eenheidVan(kk.code));
            return metDekking ? [w, x.dekking?.[kk.code] ?? null] : [w];
          }),
        ],
        formaten,
      );
    }
    await od.commit();
  }
  await wb.commit();
  await klaar;
  return Buffer.concat(delen);
}
