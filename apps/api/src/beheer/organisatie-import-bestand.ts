import { parse } from 'csv-parse/sync';
import { leesRijen, type BestandRij } from '../toewijzing';

/** Reading the organisation import's file (organisatie-import.service.ts) into numbered records. */

export const MAX_IMPORT_RIJEN = 5000;

export class OngeldigeCsv extends Error {}

/** CSV as text (`;` or `,`), header in line 1; line numbers as the user sees them. */
export function leesCsvTekst(inhoud: string): { regel: number; cel: Record<string, string> }[] {
  const tekst = inhoud.replace(/^\uFEFF/, '');
  const eersteRegel = tekst.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = eersteRegel.split(';').length > eersteRegel.split(',').length ? ';' : ',';
  try {
    const rijen: string[][] = parse(tekst, { delimiter, relax_column_count: true, skip_empty_lines: false });
    return naarRegels(rijen.map((cellen, i) => ({ rij: i + 1, cellen })));
  } catch (err) {
    throw new OngeldigeCsv(`Het bestand is geen geldige CSV: ${(err as Error).message}`);
  }
}

/**
 * A file as uploaded (CSV in any of the encodings corporaties' systems write, or XLSX: first
 * worksheet), read with the toewijzingen import's reader, which checks an XLSX's zip structure
 * and sizes before parsing. The GraphQL body limit (2 MB) bounds the file; an organisation list is
 * small, so it is read here rather than in the import worker thread.
 */
export async function leesBestand(
  bestand: Buffer,
  naam: string,
): Promise<{ regel: number; cel: Record<string, string> }[]> {
  const rijen: BestandRij[] = [];
  for await (const r of leesRijen(bestand, naam)) {
    rijen.push(r);
    if (rijen.length > MAX_IMPORT_RIJEN + 1) break;
  }
  return naarRegels(rijen);
}

/** The first non-empty row is the header (lower case); every following non-empty row a record. */
function naarRegels(rijen: BestandRij[]): { regel: number; cel: Record<string, string> }[] {
  const gevuld = rijen.filter((r) => r.cellen.some((c) => (c ?? '').trim() !== ''));
  const [kop, ...rest] = gevuld;
  if (!kop) return [];
  const namen = kop.cellen.map((c) => (c ?? '').trim().toLowerCase());
  return rest.map((r) => ({
    regel: r.rij,
    cel: Object.fromEntries(namen.map((n, i) => [n, (r.cellen[i] ?? '').trim()])),
  }));
}
