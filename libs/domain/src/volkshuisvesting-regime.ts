import { DomainError } from './domain-error';
import {
  controleerJaar,
  dagNummer,
  isIsoDatum,
  isoVanDagNummer,
  maakIsoDatum,
  parseIsoDatum,
  type IsoDatum,
} from './iso-datum';
import type { Periode } from './periode';

/**
 * The legal regime of the volkshuisvesting cycle, by date. The rules are reference data (table
 * volkshuisvesting_regime, seeded by migration 1766200000000 with the sources per rule); this file
 * holds the pure rules over them: which regime applies on a date, what a cycle's dates are under
 * it, and how the platform operator's entry-into-force date splits the two regimes.
 *
 * Sources (docs/decisions.md "Regime by date"):
 * - WONINGWET_2015: Woningwet art. 43 (the corporatie works within the gemeente's
 *   volkshuisvestingsbeleid) and art. 44 (bod: an overview of intended activities sent to the
 *   gemeente and the huurdersorganisaties before 1 July; geschil about the content of the
 *   afspraken); the woonzorgvisie is policy of the programme "Een thuis voor iedereen"
 *   (Kamerstukken 32847-883, 2022), not a legal duty.
 * - WET_VERSTERKING_REGIE: Kamerstukken 36512 (adopted by the Tweede Kamer in July 2025) with the
 *   novelle 36881; MvT 36512-3 §3.1.4 (every gemeente, provincie and the Rijk adopt a
 *   volkshuisvestingsprogramma; the woonzorgvisie becomes part of it) and §2.2.3 (prestatieafspraken
 *   made firmer: geschillen also about nakoming). Entry into force is set by Royal Decree; the
 *   government aimed at 1 July 2026 (rijksoverheid.nl, 19 December 2025), so the date is a
 *   setting of the platform operator, not a constant.
 */
export type RegimeCode = 'WONINGWET_2015' | 'WET_VERSTERKING_REGIE';
export const REGIME_CODES: readonly RegimeCode[] = ['WONINGWET_2015', 'WET_VERSTERKING_REGIE'];

export type GeschilOnderwerp = 'INHOUD' | 'NAKOMING';
export const GESCHIL_ONDERWERP_LABEL: Record<GeschilOnderwerp, string> = {
  INHOUD: 'de inhoud van de prestatieafspraken',
  NAKOMING: 'de nakoming van de prestatieafspraken',
};

/** Where the gemeente's woonzorg policy lives under a regime. */
export type WoonzorgGrondslag = 'WOONZORGVISIE_BELEID' | 'VOLKSHUISVESTINGSPROGRAMMA';

/** A calendar day without a year (1 July = { maand: 7, dag: 1 }). */
export interface MaandDag {
  readonly maand: number;
  readonly dag: number;
}

export interface VolkshuisvestingRegime {
  readonly code: RegimeCode;
  readonly naam: string;
  /** first day in force; null: not (yet) in force */
  readonly geldigVan: IsoDatum | null;
  /** last day in force; null: open-ended */
  readonly geldigTot: IsoDatum | null;
  /** the date the government aims at, shown while geldigVan is not set (not a legal fact) */
  readonly beoogdeInwerkingtreding: IsoDatum | null;
  /** the bod is due by this day of the cycle's year (included) */
  readonly bodDeadline: MaandDag;
  /** the geschil window opens on this day of the cycle's year … */
  readonly geschilVan: MaandDag;
  /** … and closes on this day of the next year (included) */
  readonly geschilTot: MaandDag;
  readonly geschilOnderwerpen: readonly GeschilOnderwerp[];
  /** what the bod responds to */
  readonly bodGrondslag: string;
  /** whether gemeente, provincie and Rijk must each adopt a volkshuisvestingsprogramma */
  readonly programmaVerplicht: boolean;
  readonly woonzorg: WoonzorgGrondslag;
  /** the articles and documents the rules come from */
  readonly bronnen: string;
}

/** Whether `regime` is in force on `datum`. */
export function regimeGeldt(regime: VolkshuisvestingRegime, datum: IsoDatum): boolean {
  if (regime.geldigVan === null || datum < regime.geldigVan) return false;
  return regime.geldigTot === null || datum <= regime.geldigTot;
}

/**
 * The one regime in force on `datum`. The table is kept gap-free and without overlap by
 * `zetInwerkingtreding`; a date with none or two is a data error, not a user error.
 */
export function regimeOp(regimes: readonly VolkshuisvestingRegime[], datum: IsoDatum): VolkshuisvestingRegime {
  parseIsoDatum(datum);
  const geldend = regimes.filter((r) => regimeGeldt(r, datum));
  if (geldend.length !== 1)
    throw new Error(`volkshuisvesting regimes: ${geldend.length} in force on ${datum}, expected exactly 1`);
  return geldend[0];
}

/**
 * The day whose regime governs the cycle of `jaar`: 1 July, the day the bod is due and the
 * negotiation (and the geschil window) opens. Product choice, so that one cycle has one set of
 * rules: a law in force from 1 July 2026 governs the whole 2026 cycle (afspraken for 2027).
 */
export function cyclusPeildag(jaar: number): IsoDatum {
  controleerJaar(jaar);
  return maakIsoDatum(jaar, 7, 1);
}

export function regimeVoorCyclus(regimes: readonly VolkshuisvestingRegime[], jaar: number): VolkshuisvestingRegime {
  return regimeOp(regimes, cyclusPeildag(jaar));
}

/** The bod deadline of the cycle of `jaar` under `regime`. */
export function bodDeadline(regime: VolkshuisvestingRegime, jaar: number): IsoDatum {
  controleerJaar(jaar);
  return maakIsoDatum(jaar, regime.bodDeadline.maand, regime.bodDeadline.dag);
}

/** The geschil window that opens in `jaar` under `regime` and closes in jaar + 1. */
export function geschilTermijnVolgens(regime: VolkshuisvestingRegime, jaar: number): Periode {
  controleerJaar(jaar);
  return {
    van: maakIsoDatum(jaar, regime.geschilVan.maand, regime.geschilVan.dag),
    tot: maakIsoDatum(jaar + 1, regime.geschilTot.maand, regime.geschilTot.dag),
  };
}

/** What a party may bring as a geschil on `datum`: nothing outside the window of the regime then in force. */
export function geschilOnderwerpenOp(
  regimes: readonly VolkshuisvestingRegime[],
  datum: IsoDatum,
): readonly GeschilOnderwerp[] {
  const regime = regimeOp(regimes, datum);
  const { jaar } = parseIsoDatum(datum);
  const open = [geschilTermijnVolgens(regime, jaar - 1), geschilTermijnVolgens(regime, jaar)].some(
    (t) => t.van <= datum && datum <= t.tot,
  );
  return open ? regime.geschilOnderwerpen : [];
}

/**
 * The regimes after the operator sets the new law's entry into force on `datum` (null: not in
 * force / unknown). The old regime ends the day before; nothing else changes. Refused in Dutch:
 * a date that is not a date, or one on or before the old regime's start.
 */
export function zetInwerkingtreding(
  regimes: readonly VolkshuisvestingRegime[],
  datum: string | null,
): VolkshuisvestingRegime[] {
  const oud = regimes.find((r) => r.code === 'WONINGWET_2015');
  const nieuw = regimes.find((r) => r.code === 'WET_VERSTERKING_REGIE');
  if (!oud || !nieuw || oud.geldigVan === null)
    throw new Error('volkshuisvesting regimes: WONINGWET_2015 (in force) and WET_VERSTERKING_REGIE expected');
  if (datum !== null && !isIsoDatum(datum))
    throw new DomainError('ONGELDIGE_DATUM', `'${datum}' is geen datum; schrijf de datum als jjjj-mm-dd.`);
  if (datum !== null && datum <= oud.geldigVan)
    throw new DomainError(
      'DATUM_TE_VROEG',
      `De inwerkingtreding moet na het begin van het huidige regime (${oud.geldigVan}) liggen.`,
    );
  const dagErvoor = datum === null ? null : isoVanDagNummer(dagNummer(datum) - 1);
  return regimes.map((r) =>
    r.code === oud.code ? { ...r, geldigTot: dagErvoor } : r.code === nieuw.code ? { ...r, geldigVan: datum } : r,
  );
}
