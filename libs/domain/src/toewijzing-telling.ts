import type { Aandachtsgroep } from './aandachtsgroep';
import { INDICATOR_CATALOGUS, type ToewijzingenBerekening } from './indicator-catalogus';

/** Toewijzingen of one gemeente × aandachtsgroep × via urgentie (a publication base cell). */
export interface ToewijzingTelcel {
  /** null = regulier (no aandachtsgroep) */
  readonly aandachtsgroep: Aandachtsgroep | null;
  readonly viaUrgentie: boolean;
  readonly huishoudens: number;
  readonly personen: number;
}

const TOEWIJZING_INDICATOREN = INDICATOR_CATALOGUS.filter((i) => i.bron === 'TOEWIJZINGEN');

/**
 * What one cell adds to each catalogue TOEWIJZINGEN indicator it counts for, in catalogue order:
 * its households, or its persons for a PERSONEN indicator. `metPersonen: false` leaves the persons
 * indicators out (a non-owner gets the persons of statushouders released on their own).
 */
export function toewijzingBijdragen(cel: ToewijzingTelcel, metPersonen: boolean): [string, number][] {
  const uit: [string, number][] = [];
  for (const i of TOEWIJZING_INDICATOREN) {
    const b = i.berekening as ToewijzingenBerekening;
    if (!metPersonen && b.telling !== 'HUISHOUDENS') continue;
    if (b.aandachtsgroep !== 'ALLE' && cel.aandachtsgroep !== b.aandachtsgroep) continue;
    if (b.alleenViaUrgentie && !cel.viaUrgentie) continue;
    uit.push([i.code, b.telling === 'PERSONEN' ? cel.personen : cel.huishoudens]);
  }
  return uit;
}
