import type { RijFout } from './toewijzing-rij';

/**
 * Rules for a toewijzingen import file as a whole (valideerToewijzingRij checks one row).
 *
 * Within one file an extern kenmerk may occur once. The database keeps one toewijzing per
 * (corporatie, extern kenmerk), so a second row with the same kenmerk would silently vanish
 * while the file says there were two allocations: that is an error on the later row.
 */
export class KenmerkRegister {
  private readonly eersteRij = new Map<string, number>();

  /** Registers the kenmerk of file row `rij`; returns the error when an earlier row had it. */
  registreer(externKenmerk: string, rij: number): RijFout | undefined {
    const eerder = this.eersteRij.get(externKenmerk);
    if (eerder !== undefined) {
      return {
        kolom: 'extern_kenmerk',
        melding: `Extern kenmerk '${externKenmerk}' staat ook in rij ${eerder}`,
      };
    }
    this.eersteRij.set(externKenmerk, rij);
    return undefined;
  }
}

/**
 * Hard limits of one import file (issue 10.2). Every limit is refused with a Dutch message before
 * the file can cost more memory or time than the limit implies; together they bound what one
 * upload can cost the server (docs/privacy.md, "Import: grenzen").
 *
 * - rows: a large corporatie allocates some 10.000 homes a year, so 200.000 rows is twenty years
 *   of the largest; memory for the valid rows grows linearly with it;
 * - columns: an export has 7 columns we read plus a few we ignore; 100 leaves room for wide
 *   exports, and bounds the work per row;
 * - cell length: the longest value we read is an extern kenmerk of 100 characters; a longer cell
 *   is not data for Thuismonitor (the attack in issue 10 was one 50 MB string echoed in an error);
 * - XLSX: the zip's uncompressed size (a 50 KB zip can unpack to gigabytes), and the shared
 *   strings table, which a streaming reader must hold in memory: its size and its number of
 *   strings, both checked before the workbook is parsed.
 */
export const IMPORT_GRENZEN = {
  rijen: 200_000,
  kolommen: 100,
  celLengte: 1_000,
  xlsxUitgepaktBytes: 200 * 1024 * 1024,
  xlsxBestandenInZip: 1_000,
  gedeeldeTekstenBytes: 32 * 1024 * 1024,
  gedeeldeTeksten: 500_000,
} as const;

/** Most rows one import file may hold (see IMPORT_GRENZEN). */
export const MAX_IMPORT_RIJEN = IMPORT_GRENZEN.rijen;

/**
 * Retention of toewijzing rows (docs/privacy.md): a row is kept for `jaren` whole calendar years
 * after the year of the toewijzing, then deleted by the retention job. Returns the first date
 * that is still kept: with 5 years, on any day of 2026 that is 2021-01-01 (2020 and earlier go).
 * At least one whole year is always kept, so the current and previous year never go.
 */
export function bewaarGrens(vandaag: string, jaren: number): string {
  if (!Number.isInteger(jaren) || jaren < 1)
    throw new RangeError(`retention must be at least 1 whole year (got ${jaren})`);
  return `${String(Number(vandaag.slice(0, 4)) - jaren).padStart(4, '0')}-01-01`;
}

/**
 * The row rule that keeps retention and idempotency together: a toewijzing dated before the
 * retention bound is refused, since its row would be deleted again (and re-importing a deleted
 * row would count the household a second time in the published quarter figures).
 */
export function bewaartermijnFout(datum: string, grens: string): string | undefined {
  if (datum >= grens) return undefined;
  return `Datum ${datum} valt buiten de bewaartermijn: toewijzingen van vóór ${grens.slice(0, 4)} bewaart Thuismonitor niet meer`;
}
