import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { formatGetal, IMPORT_GRENZEN } from '@thuismonitor/domain';
import { BestandWeigering } from './bestand-weigering';
import { controleerXlsx } from './xlsx-controle';

export { BestandWeigering };

/**
 * Reading a toewijzingen file the way corporaties export them: CSV (`;`, `,` or tab; UTF-8 with
 * or without BOM, UTF-16 with BOM, or Windows-1252 from older Excel versions) or XLSX (first
 * worksheet, read with exceljs's streaming reader). Yields every row as plain text cells with
 * the row number a user sees in Excel, so errors can name "rij 12".
 *
 * Runs inside the import worker thread (import-worker.ts), never on the API's event loop, and
 * enforces the hard limits of IMPORT_GRENZEN while reading: columns per row and cell length here,
 * XLSX sizes before parsing (xlsx-controle.ts), the row count in the caller.
 */
export interface BestandRij {
  /** row number as shown in Excel (the header is usually 1) */
  rij: number;
  cellen: string[];
}

export type BestandSoort = 'CSV' | 'XLSX';

const onleesbaar = (melding: string) => new BestandWeigering(melding);

/** Refuses a row with too many columns or a cell that is too long (IMPORT_GRENZEN). */
export function controleerRijGrenzen(rij: number, cellen: string[]): void {
  if (cellen.length > IMPORT_GRENZEN.kolommen) {
    // trailing empty cells (Excel's "used range") are not columns anybody filled in
    let n = cellen.length;
    while (n > 0 && cellen[n - 1] === '') n--;
    if (n > IMPORT_GRENZEN.kolommen) {
      throw new BestandWeigering(
        `Rij ${rij} heeft ${formatGetal(n)} kolommen; een bestand mag hoogstens ${formatGetal(IMPORT_GRENZEN.kolommen)} kolommen hebben. ` +
          'Verwijder de kolommen die niet nodig zijn en lever het bestand opnieuw aan.',
      );
    }
    cellen.length = n;
  }
  for (let i = 0; i < cellen.length; i++) {
    if (cellen[i].length > IMPORT_GRENZEN.celLengte) {
      throw new BestandWeigering(
        `De cel in rij ${rij}, kolom ${i + 1} is langer dan ${formatGetal(IMPORT_GRENZEN.celLengte)} tekens. ` +
          'Zo’n lange waarde hoort niet in een toewijzingenbestand: controleer het bestand en lever het opnieuw aan.',
      );
    }
  }
}

export function bepaalSoort(buffer: Buffer, bestandsnaam: string): BestandSoort {
  const naam = bestandsnaam.toLowerCase();
  // zip container = XLSX; decide by content first, so a renamed file is still read correctly
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304) return 'XLSX';
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    throw onleesbaar(
      'Het oude Excel-formaat (.xls) wordt niet ondersteund. Sla het bestand op als .xlsx of als CSV.',
    );
  }
  if (naam.endsWith('.xlsx'))
    throw onleesbaar('Het bestand heeft de extensie .xlsx, maar is geen geldig Excel-bestand.');
  const begin = buffer.subarray(0, 4096);
  const utf16 = (begin[0] === 0xff && begin[1] === 0xfe) || (begin[0] === 0xfe && begin[1] === 0xff);
  if (!utf16 && begin.includes(0)) {
    throw onleesbaar(
      'Het bestand is geen CSV- of XLSX-bestand. Lever een CSV-bestand of een Excel-bestand (.xlsx) aan.',
    );
  }
  return 'CSV';
}

/** Text of a CSV file: BOM decides when present; otherwise valid UTF-8, else Windows-1252. */
export function decodeerCsv(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Not valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows writes cp1252
    return iconv.decode(buffer, 'win1252');
  }
}

/** The separator that splits the header line into the most fields (quotes respected); `;` wins ties. */
export function snuffelScheidingsteken(tekst: string): string {
  const tellingen = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let binnenQuotes = false;
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst[i];
    if (c === '"') binnenQuotes = !binnenQuotes;
    else if (!binnenQuotes && (c === '\n' || c === '\r')) break;
    else if (!binnenQuotes && tellingen.has(c)) tellingen.set(c, tellingen.get(c)! + 1);
  }
  let beste = ';';
  for (const [teken, n] of tellingen) if (n > tellingen.get(beste)!) beste = teken;
  return beste;
}

export async function* leesRijen(buffer: Buffer, bestandsnaam: string): AsyncGenerator<BestandRij> {
  const bron = bepaalSoort(buffer, bestandsnaam) === 'XLSX' ? leesXlsx(buffer) : leesCsv(buffer);
  for await (const r of bron) {
    controleerRijGrenzen(r.rij, r.cellen);
    yield r;
  }
}

/** Most characters of one CSV row: every column at its longest. */
const MAX_CSV_RIJ_TEKENS = IMPORT_GRENZEN.celLengte * IMPORT_GRENZEN.kolommen;

async function* leesCsv(buffer: Buffer): AsyncGenerator<BestandRij> {
  const tekst = decodeerCsv(buffer);
  const parser = parse(tekst, {
    delimiter: snuffelScheidingsteken(tekst),
    relax_column_count: true,
    skip_empty_lines: false,
    // bounds the parser's record buffer (all cells of one row): an unterminated quote cannot swallow the file
    max_record_size: MAX_CSV_RIJ_TEKENS,
  });
  let rij = 0;
  try {
    for await (const cellen of parser as AsyncIterable<string[]>) {
      rij++;
      yield { rij, cellen };
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      // the parser reads ahead of this loop: its own record count says which row it was in
      const bij = ((err as { records?: number }).records ?? rij) + 1;
      throw onleesbaar(
        `Rij ${bij} is langer dan ${formatGetal(MAX_CSV_RIJ_TEKENS)} tekens (of heeft een aanhalingsteken dat niet wordt gesloten). Controleer het bestand.`,
      );
    }
    const melding = (err as Error).message.replace(/^Invalid /, '');
    throw onleesbaar(
      `Het bestand is geen geldige CSV rond rij ${rij + 1} (${melding}). Controleer aanhalingstekens en scheidingstekens.`,
    );
  }
}

async function* leesXlsx(buffer: Buffer): AsyncGenerator<BestandRij> {
  // sizes first: the zip's uncompressed sizes and the shared strings, before exceljs reads anything
  await controleerXlsx(buffer);
  // loaded only for XLSX files: exceljs is large, and a CSV import should not wait for it
  const { stream } = await import('exceljs');
  const reader = new stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    // styles are needed to recognise date cells (a number with a date format)
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const werkblad of reader) {
      for await (const rij of werkblad) {
        const waarden = rij.values as ExcelJS.CellValue[];
        // row.values is 1-based: index 0 is empty
        const cellen: string[] = [];
        for (let i = 1; i < waarden.length; i++) cellen.push(celTekst(waarden[i]));
        yield { rij: rij.number, cellen };
      }
      return; // only the first worksheet holds the data
    }
  } catch (err) {
    if (err instanceof BestandWeigering) throw err;
    throw onleesbaar(
      `Het Excel-bestand kan niet worden gelezen (${(err as Error).message}). Sla het opnieuw op als .xlsx.`,
    );
  }
}

/** A cell as text. Date cells become ISO dates from their calendar parts: no time zone can shift them. */
export function celTekst(waarde: ExcelJS.CellValue | undefined): string {
  if (waarde === null || waarde === undefined) return '';
  if (typeof waarde === 'string') return waarde;
  if (typeof waarde === 'number') return String(waarde);
  if (typeof waarde === 'boolean') return waarde ? 'ja' : 'nee';
  if (waarde instanceof Date) return excelDatum(waarde);
  if (typeof waarde === 'object') {
    if ('richText' in waarde) return waarde.richText.map((t) => t.text).join('');
    if ('formula' in waarde || 'sharedFormula' in waarde)
      return celTekst((waarde as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in waarde) return celTekst((waarde as ExcelJS.CellHyperlinkValue).text);
    if ('error' in waarde) return String((waarde as ExcelJS.CellErrorValue).error);
  }
  return String(waarde);
}

/**
 * exceljs turns a date serial into the instant whose UTC parts are Excel's wall-clock parts, so
 * the UTC calendar date is the date the user typed. Half a second is added because the serial is
 * a float: 45000.99999999 is meant as the next midnight, not 23:59:59.999.
 */
function excelDatum(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const t = new Date(d.getTime() + 500);
  const jaar = t.getUTCFullYear();
  const maand = String(t.getUTCMonth() + 1).padStart(2, '0');
  const dag = String(t.getUTCDate()).padStart(2, '0');
  return `${jaar}-${maand}-${dag}`;
}

/**
 * A date column that arrives as a bare number from an XLSX file is an Excel date serial whose
 * style was not available to the streaming reader (or was formatted as a number): 45292 is
 * 2024-01-01. Only whole serials between 1990 and 2100 are taken as dates; anything else stays
 * as it was, so the row check reports it.
 */
export function excelSerieAlsDatum(tekst: string): string {
  if (!/^\d{5}$/.test(tekst)) return tekst;
  const n = Number(tekst);
  if (n < 32874 || n > 73415) return tekst;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}
