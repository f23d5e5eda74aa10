import { stringify } from 'csv-stringify/sync';
import { neutraliseerCel } from '@thuismonitor/domain';

// the rule itself (which cells would start a formula) is shared with the web app's table export
export { lijktFormule, neutraliseerCel } from '@thuismonitor/domain';

/**
 * A CSV the way Dutch spreadsheet users open it: UTF-8 with BOM, `;` between fields, CRLF line
 * ends. Every cell is neutralised (above) and then quoted by csv-stringify where RFC 4180 needs it
 * (a `;`, `"`, CR or LF in the value; `"` doubled). Its escape_formulas is off because the rule
 * above replaces it (it would also quote the Dutch number "-0,05", which is text to it).
 */
export function schrijfCsv(regels: (string | null | undefined)[][]): Buffer {
  const tekst = stringify(
    regels.map((rij) => rij.map((v) => neutraliseerCel(v ?? ''))),
    // quoted_match: csv-stringify quotes a value with the record delimiter (CRLF) in it, but not a
    // lone CR or LF, which spreadsheets also read as a line break
    { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/, escape_formulas: false },
  );
  return Buffer.from(`\uFEFF${tekst}`, 'utf8');
}
