import { DomainError } from './domain-error';
import type { Aggregatie } from './indicator-catalogus';

export type Richting = 'HOGER_IS_BETER' | 'LAGER_IS_BETER';

/** LOOPT: the target is not due yet at the peildatum (doel-vervaldatum.ts) */
export type VoortgangStatus = 'OP_SCHEMA' | 'ACHTER' | 'VOOR' | 'GEEN_DOEL' | 'LOOPT';

const STATUS_LABELS: Record<VoortgangStatus, string> = {
  OP_SCHEMA: 'Op schema',
  ACHTER: 'Achter op schema',
  VOOR: 'Voor op schema',
  GEEN_DOEL: 'Geen doel gesteld',
  LOOPT: 'Loopt (doel nog niet verlopen)',
};

export function voortgangStatusLabel(status: VoortgangStatus): string {
  return STATUS_LABELS[status];
}

/** Within 10% of the expected value counts as op schema (see berekenVoortgang). */
export const STANDAARD_TOLERANTIE = 0.1;

export interface VoortgangInvoer {
  /** target for the whole period; null/undefined when the afspraak has no number */
  readonly taakstelling: number | null | undefined;
  /** realisation so far */
  readonly realisatie: number;
  /** share of the period that has passed, in [0, 1] (see verstrekenFractie) */
  readonly verstrekenFractie: number;
  readonly richting: Richting;
  /** relative band around the expected value; default 0.1 */
  readonly tolerantie?: number;
}

export interface Voortgang {
  /** realisatie / taakstelling × 100, in percentage points; null when there is no (non-zero) target */
  readonly percentage: number | null;
  /** what should have been realised by now: taakstelling × verstrekenFractie; null without target */
  readonly verwacht: number | null;
  readonly status: VoortgangStatus;
}

/**
 * Progress against a target, assuming the target is spread evenly over the period.
 *
 * verwacht = taakstelling × verstrekenFractie. Status OP_SCHEMA when the realisation lies within
 * the tolerance band of 10% of `verwacht` on either side (|realisatie − verwacht| ≤ 0.1 × verwacht);
 * outside it, VOOR or ACHTER depending on `richting` (for LAGER_IS_BETER, e.g. huisuitzettingen,
 * a realisation above the expected value is ACHTER). The band is relative so that 3 short on a target
 * of 300 is on schedule while 3 short on a target of 10 is not.
 *
 * A target of 0 is a real target (e.g. zero huisuitzettingen): the band is then 0, so exactly 0 is
 * op schema and anything above is VOOR (HOGER_IS_BETER) or ACHTER (LAGER_IS_BETER); the percentage
 * is null because it would divide by zero. No target at all gives GEEN_DOEL.
 *
 * For indicators measured as a stand or share at a peildatum (aggregatie STAND, AANDEEL) and for
 * milestones the target is not spread over time: pass the fraction from verwachteFractie().
 */
export function berekenVoortgang(invoer: VoortgangInvoer): Voortgang {
  const { taakstelling, realisatie, verstrekenFractie, richting } = invoer;
  const tolerantie = invoer.tolerantie ?? STANDAARD_TOLERANTIE;
  controleerGetal(realisatie, 'De realisatie');
  if (!Number.isFinite(verstrekenFractie) || verstrekenFractie < 0 || verstrekenFractie > 1) {
    throw new DomainError(
      'ONGELDIGE_FRACTIE',
      `De verstreken fractie moet tussen 0 en 1 liggen (${verstrekenFractie})`,
    );
  }
  if (!Number.isFinite(tolerantie) || tolerantie < 0) {
    throw new DomainError('ONGELDIGE_TOLERANTIE', `De tolerantie mag niet negatief zijn (${tolerantie})`);
  }
  if (taakstelling === null || taakstelling === undefined) {
    return { percentage: null, verwacht: null, status: 'GEEN_DOEL' };
  }
  controleerGetal(taakstelling, 'De taakstelling');

  const verwacht = taakstelling * verstrekenFractie;
  const verschil = realisatie - verwacht;
  const band = tolerantie * verwacht;
  let status: VoortgangStatus;
  if (Math.abs(verschil) <= band + 1e-9) status = 'OP_SCHEMA';
  else if (verschil > 0) status = richting === 'HOGER_IS_BETER' ? 'VOOR' : 'ACHTER';
  else status = richting === 'HOGER_IS_BETER' ? 'ACHTER' : 'VOOR';

  return {
    percentage: taakstelling === 0 ? null : (realisatie / taakstelling) * 100,
    verwacht,
    status,
  };
}

/**
 * The fraction to compare with: for SOM the elapsed share of the period; a stand, a share or a
 * milestone is judged against the full target at the peildatum, so 1.
 */
export function verwachteFractie(aggregatie: Aggregatie, verstreken: number): number {
  return aggregatie === 'SOM' ? verstreken : 1;
}

function controleerGetal(waarde: number, wat: string): void {
  if (!Number.isFinite(waarde) || waarde < 0) {
    throw new DomainError('ONGELDIG_GETAL', `${wat} moet een getal van 0 of meer zijn (${waarde})`);
  }
}
