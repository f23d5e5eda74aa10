import type { Row } from 'exceljs';
import { lijktFormule } from './csv-veilig';

/**
 * XLSX text cells that look like a formula (common/csv-veilig.ts, OWASP CSV Injection; ASVS 1.2.10
 * asks the same for XLSX). exceljs writes a string value as a string cell (`t="str"`, no `<f>`), so
 * opening the file never runs it; the cell keeps the text exactly as typed, without the CSV's
 * apostrophe. What remains is editing: Excel reads a cell typed again (F2, Enter) by its number
 * format, so such a cell gets the Text format '@' (built-in format 49), under which `=…` stays
 * text. Excel's own hidden quotePrefix style would do the same, but exceljs (4.4) cannot write it.
 */
export const TEKST_FORMAAT = '@';

/** Marks the formula-like text cells of a row as Text; numbers, dates and other text stay as they are. */
export function markeerTekstCellen(row: Row): Row {
  row.eachCell((cel) => {
    if (typeof cel.value === 'string' && lijktFormule(cel.value)) cel.numFmt = TEKST_FORMAAT;
  });
  return row;
}
