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
      return { kolom: 'extern_kenmerk', melding: `Extern kenmerk '${externKenmerk}' staat ook in rij ${eerder}` };
    }
    this.eersteRij.set(externKenmerk, rij);
    return undefined;
  }
}

/** Most rows one import file may hold: a large corporatie allocates some 10.000 homes a year. */
export const MAX_IMPORT_RIJEN = 500_000;
