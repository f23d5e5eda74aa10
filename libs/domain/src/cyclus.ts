import { DomainError } from './domain-error';
import { controleerJaar, dagNummer, maakIsoDatum, parseIsoDatum, type IsoDatum } from './iso-datum';
import type { Periode } from './periode';

/**
 * The yearly prestatieafspraken cycle of a gemeente with its corporaties and huurders, as it runs
 * in calendar year `jaar`:
 *   - EVALUATIE: the parties evaluate the afspraken of jaar − 1. The law gives no date; we ask for
 *     it by the bod deadline, because the bod builds on it (product choice, a setting later if needed).
 *   - BOD: the corporatie sends its bod no later than 1 July of jaar ("uiterlijk 1 juli", 1 July included).
 *   - ONDERTEKENING: the afspraken for jaar + 1 are signed no later than 1 or 15 December of jaar
 *     (the deadline day is a setting per gemeente; default 15).
 * A geschil (art. 44 Woningwet) can be filed from 1 July up to and including 29 January.
 */
export type CyclusStapCode = 'EVALUATIE' | 'BOD' | 'ONDERTEKENING';
export type CyclusStapStatus = 'GEDAAN' | 'OPEN' | 'TE_LAAT';

const STATUS_LABELS: Record<CyclusStapStatus, string> = {
  GEDAAN: 'Gedaan',
  OPEN: 'Open',
  TE_LAAT: 'Te laat',
};

export function cyclusStapStatusLabel(status: CyclusStapStatus): string {
  return STATUS_LABELS[status];
}

export interface CyclusStap {
  readonly code: CyclusStapCode;
  readonly label: string;
  /** last day on which the step is on time */
  readonly deadline: IsoDatum;
  readonly gedaanOp: IsoDatum | null;
  readonly status: CyclusStapStatus;
  /** for a GEDAAN step: whether it was done by the deadline; null while not done */
  readonly opTijd: boolean | null;
  /** days from vandaag to the deadline; negative once it has passed */
  readonly dagenTotDeadline: number;
}

export interface CyclusInvoer {
  readonly jaar: number;
  readonly vandaag: IsoDatum;
  readonly evaluatieAfgerondOp?: IsoDatum | null;
  readonly bodOntvangenOp?: IsoDatum | null;
  readonly vastgesteldOp?: IsoDatum | null;
  /** 1 or 15 (December); default 15 */
  readonly deadlineDag?: number;
  /** the bod deadline of the regime in force for this cycle (volkshuisvesting-regime.ts); default 1 July */
  readonly bodDeadline?: IsoDatum;
}

export interface CyclusStand {
  readonly jaar: number;
  /** the year the afspraken signed in this cycle apply to */
  readonly afsprakenJaar: number;
  /** the year evaluated in this cycle */
  readonly evaluatieJaar: number;
  readonly stappen: readonly CyclusStap[];
  readonly geschilMogelijk: boolean;
}

export function cyclusStand(invoer: CyclusInvoer): CyclusStand {
  const { jaar, vandaag } = invoer;
  controleerJaar(jaar);
  parseIsoDatum(vandaag);
  const deadlineDag = invoer.deadlineDag ?? 15;
  if (deadlineDag !== 1 && deadlineDag !== 15) {
    throw new DomainError(
      'ONGELDIGE_DEADLINE',
      `De ondertekeningsdeadline is 1 of 15 december, niet ${deadlineDag} december`,
    );
  }
  const bodDeadline = invoer.bodDeadline ?? maakIsoDatum(jaar, 7, 1);
  const stap = (
    code: CyclusStapCode,
    label: string,
    deadline: IsoDatum,
    gedaanOp?: IsoDatum | null,
  ): CyclusStap => {
    if (gedaanOp) parseIsoDatum(gedaanOp);
    const status: CyclusStapStatus = gedaanOp ? 'GEDAAN' : vandaag > deadline ? 'TE_LAAT' : 'OPEN';
    return {
      code,
      label,
      deadline,
      gedaanOp: gedaanOp ?? null,
      status,
      opTijd: gedaanOp ? gedaanOp <= deadline : null,
      dagenTotDeadline: dagNummer(deadline) - dagNummer(vandaag),
    };
  };
  return {
    jaar,
    afsprakenJaar: jaar + 1,
    evaluatieJaar: jaar - 1,
    stappen: [
      stap('EVALUATIE', `Evaluatie prestatieafspraken ${jaar - 1}`, bodDeadline, invoer.evaluatieAfgerondOp),
      stap('BOD', `Bod van de corporatie voor ${jaar + 1}`, bodDeadline, invoer.bodOntvangenOp),
      stap(
        'ONDERTEKENING',
        `Prestatieafspraken ${jaar + 1} ondertekend`,
        maakIsoDatum(jaar, 12, deadlineDag),
        invoer.vastgesteldOp,
      ),
    ],
    geschilMogelijk: geschilMogelijk(vandaag),
  };
}

/** Whether a geschil can be filed on this date: 1 July up to and including 29 January. */
export function geschilMogelijk(vandaag: IsoDatum): boolean {
  const { maand, dag } = parseIsoDatum(vandaag);
  return maand >= 7 || (maand === 1 && dag <= 29);
}

/** The geschil window that opens on 1 July of `jaar` and closes on 29 January of the next year. */
export function geschilTermijn(jaar: number): Periode {
  controleerJaar(jaar);
  return { van: maakIsoDatum(jaar, 7, 1), tot: maakIsoDatum(jaar + 1, 1, 29) };
}
