import { stringify } from 'csv-stringify/sync';

/**
 * Safe spreadsheet exports (CSV and XLSX): no cell may start a formula.
 *
 * A spreadsheet program that opens a CSV treats a cell starting with `=`, `+`, `-` or `@` as a
 * formula (and, in some versions, a tab, CR or LF before one of them); a title such as
 * `=HYPERLINK("https://…?"&A1;"klik")` or `+cmd|' /C calc'!A0` then runs on the reader's machine.
 * OWASP's rule (https://owasp.org/www-community/attacks/CSV_Injection): no cell may begin with
 * `=`, `+`, `-`, `@`, tab (0x09), CR (0x0D) or LF (0x0A); prepend a single quote, and quote the
 * field with every `"` doubled, so the field separator or a quote inside a value can never start
 * a new cell whose first character is dangerous. OWASP ASVS 1.2.10 asks the same for XLSX.
 *
 * One exception, as csv-stringify's own `escape_formulas` makes it for numbers: a cell that is
 * nothing but a number ("-0,05", "+3", "-12.345,5", "-2%") is left alone. A spreadsheet reads it
 * as that number, it cannot call anything, and a quote would turn a figure into text.
 *
 * XLSX needs no apostrophe (and would show it: exceljs cannot set the hidden quotePrefix style
 * Excel itself uses): a text cell there is a string, never a formula, and the cells that look like
 * one are marked with the Text number format '@' so that editing them keeps them text
 * (common/xlsx-veilig.ts). The apostrophe is for CSV only, which has no cell types.
 */
const GEVAARLIJK_BEGIN = /^[=+\-@\t\r\n]/;

/** A whole Dutch or plain number, optionally signed and with a percent sign: not a formula. */
const ALLEEN_GETAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?$|^[+-]?\d+(\.\d+)?%?$/;

/** Whether a spreadsheet would take this text for the start of a formula. */
export function lijktFormule(waarde: string): boolean {
  return GEVAARLIJK_BEGIN.test(waarde) && !ALLEEN_GETAL.test(waarde);
}

/** A CSV cell: a single quote before a text that would start a formula. */
export function neutraliseerCel(waarde: string): string {
  return lijktFormule(waarde) ? `'${waarde}` : waarde;
}

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
