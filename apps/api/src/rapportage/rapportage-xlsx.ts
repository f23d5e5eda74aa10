import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RapportageCel, RapportageInhoud } from './rapportage-inhoud';
import { neutraliseerCel, neutraliseerRij } from '../common/csv-veilig';

/**
 * XLSX through exceljs' streaming writer (rows are committed as they are written, so memory stays
 * flat for the large national tables). Numbers are real numbers with a Dutch display format;
 * suppressed cells hold the marker text so no figure hides in the cell value.
 */
const waarde = (c: RapportageCel | null): string | number | null => (c ? (c.onderdrukt ? c.weergave : c.waarde) : null);

export async function renderXlsx(r: RapportageInhoud): Promise<Buffer> {
  const stream = new PassThrough();
  const delen: Buffer[] = [];
  stream.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  wb.creator = 'Thuismonitor';
  wb.title = r.titel;

  const blad = (naam: string, koppen: string[], breedtes: number[]) => {
    const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = koppen.map((k, i) => ({ header: neutraliseerCel(k), key: `k${i}`, width: breedtes[i] ?? 16 }));
    ws.getRow(1).font = { bold: true };
    // Every row of every sheet passes here: no text cell may start a formula (common/csv-veilig.ts);
    // numbers stay numbers, also negative ones.
    const addRow = ws.addRow.bind(ws);
    ws.addRow = ((rij: unknown[], stijl?: string) => addRow(neutraliseerRij(rij), stijl)) as typeof ws.addRow;
    return ws;
  };

  const info = blad('Rapportage', ['Onderdeel', 'Waarde'], [22, 60]);
  for (const [k, v] of [
    ['Titel', r.titel],
    ['Gebied', `${r.gebied.naam} (${r.gebied.code})`],
    ['Kwartaal', r.kwartaalLabel],
    ['Periode', `${r.periode.van} t/m ${r.periode.tot}`],
    ['Peildatum', r.peildatum],
    ...r.toelichting.map((t) => ['Toelichting', t]),
  ]) info.addRow([k, v]).commit();
  await info.commit();

  // coverage ("n van m gemeenten") beside every aggregate of an area above a gemeente
  const boven = r.gebied.soort !== 'GEMEENTE';
  const d = <T>(...x: T[]): T[] => (boven ? x : []);
  const ind = blad(
    'Voortgang',
    ['Actielijn', 'Indicator', 'Naam', 'Eenheid', 'Taakstelling', 'Realisatie', ...d('Dekking'), 'Percentage', 'Status', 'Dit kwartaal', ...d('Dekking dit kwartaal'), 'Vorig kwartaal', ...d('Dekking vorig kwartaal'), 'Verschil'],
    [26, 34, 44, 14, 14, 14, ...d(22), 12, 14, 14, ...d(22), 14, ...d(22), 12],
  );
  for (const i of r.indicatoren) {
    const waarden = [i.actielijnNaam, i.code, i.naam, i.eenheid, i.taakstelling, waarde(i.realisatie), ...d(i.dekking), i.percentage === null ? null : i.percentage / 100, i.statusLabel, waarde(i.ditKwartaal), ...d(i.dekkingDitKwartaal), waarde(i.vorigKwartaal), ...d(i.dekkingVorigKwartaal), waarde(i.verschil)];
    const row = ind.addRow(waarden);
    const kolom = (n: number) => n + (boven ? (n > 6 ? 1 : 0) + (n > 9 ? 1 : 0) + (n > 10 ? 1 : 0) : 0);
    row.getCell(kolom(7)).numFmt = '0.0%';
    for (const c of [5, 6, 9, 10, 11]) row.getCell(kolom(c)).numFmt = '#,##0';
    row.commit();
  }
  await ind.commit();

  if (r.afspraken.length) {
    const af = blad('Afspraken', ['Prestatieafspraak', 'Afspraak', 'Actielijn', 'Indicator', 'Doelwaarde', 'Realisatie', 'Percentage', 'Status', 'Verantwoordelijk'], [30, 50, 24, 30, 12, 12, 12, 14, 30]);
    for (const a of r.afspraken) {
      af.addRow([a.prestatieafspraak, a.omschrijving, a.actielijn, a.indicator, a.doelwaarde, waarde(a.realisatie), a.percentage === null ? null : a.percentage / 100, a.status, a.verantwoordelijke]).commit();
    }
    await af.commit();
  }
  if (r.statushouders.length) {
    const sh = blad('Statushouders', ['Gemeentecode', 'Gemeente', 'Halfjaar', 'Taakstelling', 'Meegenomen', 'Te realiseren', 'Gehuisvest', 'Saldo', 'Status'], [14, 28, 10, 12, 12, 12, 12, 10, 14]);
    for (const s of r.statushouders) sh.addRow([s.gemeenteCode, s.gemeente, s.halfjaar, s.taakstelling, s.meegenomen, s.teRealiseren, s.gehuisvest, s.saldo, s.status]).commit();
    await sh.commit();
  }
  if (r.socialeHuur.length) {
    const so = blad('Sociale huur', ['Gemeentecode', 'Gemeente', 'Aandeel', 'Norm', 'Voldoet'], [14, 28, 12, 10, 10]);
    for (const s of r.socialeHuur) {
      const row = so.addRow([s.gemeenteCode, s.gemeente, s.aandeel === null ? null : s.aandeel / 100, s.norm / 100, s.voldoet === null ? 'onbekend' : s.voldoet ? 'ja' : 'nee']);
      row.getCell(3).numFmt = '0.0%';
      row.getCell(4).numFmt = '0%';
      row.commit();
    }
    await so.commit();
  }
  if (r.onderdelen) {
    const metDekking = r.onderdelen.regels.some((o) => o.dekking);
    const kolommen = r.onderdelen.kolommen.flatMap((k) => (metDekking ? [k.naam, `Dekking ${k.naam}`] : [k.naam]));
    const od = blad(r.onderdelen.soort === 'gemeente' ? 'Gemeenten' : 'Provincies', ['Code', 'Naam', ...kolommen], [10, 28, ...kolommen.map(() => 16)]);
    for (const o of r.onderdelen.regels) {
      od.addRow([o.code, o.naam, ...r.onderdelen.kolommen.flatMap((k) => (metDekking ? [waarde(o.cellen[k.code] ?? null), o.dekking?.[k.code] ?? null] : [waarde(o.cellen[k.code] ?? null)]))]).commit();
    }
    await od.commit();
  }
  await wb.commit();
  await klaar;
  return Buffer.concat(delen);
}
