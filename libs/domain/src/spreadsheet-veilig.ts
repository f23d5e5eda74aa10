/**
 * Safe spreadsheet exports (CSV and XLSX) — one rule for the API's exports and the web app's table
 * export: no cell may start a formula.
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
 * (apps/api/src/common/xlsx-veilig.ts). The apostrophe is for CSV only, which has no cell types.
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
