import { DomainError } from './domain-error';
import { formatHalfjaar, parseHalfjaar, vergelijkHalfjaar, volgendHalfjaar, type Halfjaar } from './halfjaar';

/**
 * The statushouders (vergunninghouders) taakstelling of a gemeente: a target per half year,
 * counted in PERSONS, where the achterstand or voorsprong at the end of a half year is carried
 * into the next one (the practice of the half-yearly circulaire huisvestingstaakstelling and the
 * provincial check on 1 January and 1 July).
 *
 * Rule, per half year in order:
 *   meegenomen   = saldo of the previous half year (0, or `beginSaldo`, for the first one)
 *                  positive = achterstand carried in, negative = voorsprong carried in
 *   teRealiseren = max(0, taakstelling + meegenomen)      what still has to be housed this half year
 *   saldo        = taakstelling + meegenomen - gehuisvest carried into the next half year
 *   status       = ACHTERSTAND when saldo > 0, VOORSPRONG when saldo < 0, GEHAALD when saldo = 0
 *
 * So an achterstand is added to the next target and a voorsprong subtracted from it. A voorsprong
 * larger than the next target is not lost: teRealiseren stops at 0 and the rest of the voorsprong
 * keeps carrying (saldo stays negative) until a later target uses it up. Status describes the
 * position at the END of the half year including everything carried in, which is what the
 * provincie looks at; it is not a verdict on that half year alone.
 */
export interface StatushoudersHalfjaarInvoer {
  /** '2026-H1' */
  readonly halfjaar: string;
  /** persons to be housed in this half year, as set by the Rijk */
  readonly taakstelling: number;
  /** persons actually housed in this half year */
  readonly gehuisvest: number;
}

export type StatushoudersStatus = 'GEHAALD' | 'ACHTERSTAND' | 'VOORSPRONG';

export interface StatushoudersHalfjaarResultaat {
  readonly halfjaar: string;
  readonly taakstelling: number;
  readonly meegenomen: number;
  readonly teRealiseren: number;
  readonly gehuisvest: number;
  readonly saldo: number;
  readonly status: StatushoudersStatus;
}

const STATUS_LABELS: Record<StatushoudersStatus, string> = {
  GEHAALD: 'Taakstelling gehaald',
  ACHTERSTAND: 'Achterstand',
  VOORSPRONG: 'Voorsprong',
};

export function statushoudersStatusLabel(status: StatushoudersStatus): string {
  return STATUS_LABELS[status];
}

export interface CarryOverOpties {
  /**
   * Saldo carried into the first listed half year, from before the system's history starts
   * (positive = achterstand, negative = voorsprong). Default 0.
   */
  readonly beginSaldo?: number;
}

export function berekenCarryOver(
  halfjaren: readonly StatushoudersHalfjaarInvoer[],
  opties: CarryOverOpties = {},
): StatushoudersHalfjaarResultaat[] {
  const beginSaldo = opties.beginSaldo ?? 0;
  if (!Number.isSafeInteger(beginSaldo)) {
    throw new DomainError(
      'GEEN_GEHEEL_AANTAL',
      `Het beginsaldo moet een geheel aantal personen zijn (${beginSaldo})`,
    );
  }
  controleerReeks(halfjaren);

  let meegenomen = beginSaldo;
  return halfjaren.map((h) => {
    const halfjaar = formatHalfjaar(parseHalfjaar(h.halfjaar));
    const opgave = h.taakstelling + meegenomen;
    const saldo = opgave - h.gehuisvest;
    const resultaat: StatushoudersHalfjaarResultaat = {
      halfjaar,
      taakstelling: h.taakstelling,
      meegenomen,
      teRealiseren: Math.max(0, opgave),
      gehuisvest: h.gehuisvest,
      saldo,
      status: saldo > 0 ? 'ACHTERSTAND' : saldo < 0 ? 'VOORSPRONG' : 'GEHAALD',
    };
    meegenomen = saldo;
    return resultaat;
  });
}

function controleerReeks(halfjaren: readonly StatushoudersHalfjaarInvoer[]): void {
  const gezien = new Set<string>();
  let vorige: Halfjaar | undefined;
  for (const invoer of halfjaren) {
    const halfjaar = parseHalfjaar(invoer.halfjaar);
    const code = formatHalfjaar(halfjaar);
    controleerAantal(invoer.taakstelling, 'De taakstelling', code);
    controleerAantal(invoer.gehuisvest, 'Het aantal gehuisveste personen', code);
    if (gezien.has(code)) {
      throw new DomainError('HALFJAAR_DUBBEL', `Halfjaar ${code} komt meer dan één keer voor`);
    }
    gezien.add(code);
    if (vorige) {
      if (vergelijkHalfjaar(halfjaar, vorige) < 0) {
        throw new DomainError(
          'HALFJAREN_NIET_OPLOPEND',
          `Halfjaar ${code} staat na ${formatHalfjaar(vorige)}; geef de halfjaren op volgorde van oud naar nieuw`,
        );
      }
      const verwacht = volgendHalfjaar(vorige);
      if (vergelijkHalfjaar(halfjaar, verwacht) !== 0) {
        throw new DomainError(
          'HALFJAREN_NIET_AANSLUITEND',
          `Na ${formatHalfjaar(vorige)} ontbreekt ${formatHalfjaar(verwacht)}; een achterstand kan niet over een ontbrekend halfjaar worden meegenomen`,
        );
      }
    }
    vorige = halfjaar;
  }
}

function controleerAantal(waarde: number, wat: string, halfjaar: string): void {
  if (!Number.isSafeInteger(waarde)) {
    throw new DomainError(
      'GEEN_GEHEEL_AANTAL',
      `${wat} voor ${halfjaar} moet een geheel aantal personen zijn (${waarde})`,
    );
  }
  if (waarde < 0) {
    throw new DomainError('NEGATIEF_AANTAL', `${wat} voor ${halfjaar} mag niet negatief zijn (${waarde})`);
  }
}
