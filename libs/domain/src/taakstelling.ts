import { DomainError } from './domain-error';
import { dagNummer, type IsoDatum } from './iso-datum';
import { formatHalfjaar, halfjaarEinde, halfjaarVanDatum } from './halfjaar';
import { indicatorOpCode, type Aggregatie } from './indicator-catalogus';
import type { OrganisatieSoort } from './organisatie-soort';
import { aantalDagen, maakPeriode, type Periode } from './periode';

/**
 * Taakstellingen: targets set from above for an area (gebied) and a period. This file holds the
 * rules for what a valid taakstelling is and how the targets that apply to a requested period are
 * combined; who may set one is the policy's business (libs/auth magTaakstellingStellen).
 */
export const GEBIED_SOORTEN = ['GEMEENTE', 'WONINGMARKTREGIO', 'PROVINCIE', 'LAND'] as const;
export type GebiedSoort = (typeof GEBIED_SOORTEN)[number];

/** The one code of the area LAND. */
export const LAND_CODE = 'NL';

export function isGebiedSoort(waarde: unknown): waarde is GebiedSoort {
  return typeof waarde === 'string' && (GEBIED_SOORTEN as readonly string[]).includes(waarde);
}

/** The indicator the half-yearly statushouders taakstelling is expressed in (persons). */
export const STATUSHOUDERS_TAAKSTELLING_INDICATOR = 'STATUSHOUDERS_GEHUISVEST';

/** The kinds of organisation that set targets, lowest level first. */
export const TAAKSTELLENDE_SOORTEN = [
  'GEMEENTE',
  'PROVINCIE',
  'RIJK',
] as const satisfies readonly OrganisatieSoort[];

function niveau(soort: OrganisatieSoort): number {
  return (TAAKSTELLENDE_SOORTEN as readonly OrganisatieSoort[]).indexOf(soort);
}

export interface NieuweTaakstelling {
  readonly indicatorCode: string;
  readonly gebiedSoort: GebiedSoort;
  readonly periode: Periode;
  readonly waarde: number;
}

/**
 * Is this a taakstelling that can exist at all (independent of who sets it)? Throws DomainError.
 * - milestones have no numeric target (their afspraak says "vastgesteld by date X");
 * - a share is a percentage, 0–100;
 * - the statushouders taakstelling is per gemeente, per calendar half year, in whole persons:
 *   the carry-over rule works per half year and cannot split a target over other periods.
 */
export function controleerTaakstelling(t: NieuweTaakstelling): void {
  const indicator = indicatorOpCode(t.indicatorCode);
  if (indicator.bron === 'MIJLPAAL') {
    throw new DomainError(
      'TAAKSTELLING_VOOR_MIJLPAAL',
      `Voor de mijlpaal '${indicator.naam}' kan geen taakstelling met een aantal worden gesteld`,
    );
  }
  if (!Number.isFinite(t.waarde) || t.waarde < 0) {
    throw new DomainError('ONGELDIGE_TAAKSTELLING', `Een taakstelling moet 0 of meer zijn (${t.waarde})`);
  }
  if (indicator.eenheid === 'PERCENTAGE' && t.waarde > 100) {
    throw new DomainError('ONGELDIGE_TAAKSTELLING', `Een percentage ligt tussen 0 en 100 (${t.waarde})`);
  }
  if (indicator.eenheid !== 'PERCENTAGE' && !Number.isInteger(t.waarde)) {
    throw new DomainError(
      'GEEN_GEHEEL_AANTAL',
      `Een taakstelling in ${indicator.eenheid.toLowerCase()} is een geheel aantal (${t.waarde})`,
    );
  }
  if (t.indicatorCode === STATUSHOUDERS_TAAKSTELLING_INDICATOR) {
    if (t.gebiedSoort !== 'GEMEENTE') {
      throw new DomainError(
        'STATUSHOUDERS_PER_GEMEENTE',
        'De taakstelling huisvesting statushouders wordt per gemeente gesteld',
      );
    }
    if (!isHalfjaarPeriode(t.periode)) {
      throw new DomainError(
        'STATUSHOUDERS_PER_HALFJAAR',
        `De taakstelling huisvesting statushouders geldt voor een heel halfjaar (1 januari t/m 30 juni of 1 juli t/m 31 december), niet ${t.periode.van} t/m ${t.periode.tot}`,
      );
    }
  }
}

/** '2026-H1' when the period is exactly one calendar half year, else undefined. */
export function halfjaarVanPeriode(periode: Periode): string | undefined {
  const h = halfjaarVanDatum(periode.van);
  const start = `${h.jaar}-${h.nummer === 1 ? '01' : '07'}-01`;
  return periode.van === start && periode.tot === halfjaarEinde(h) ? formatHalfjaar(h) : undefined;
}

export function isHalfjaarPeriode(periode: Periode): boolean {
  return halfjaarVanPeriode(periode) !== undefined;
}

/** A taakstelling row as stored (actueel only), for combining. */
export interface TaakstellingRegel {
  readonly van: IsoDatum;
  readonly tot: IsoDatum;
  readonly waarde: number;
  /** kind of the organisation that set it */
  readonly gesteldDoor: OrganisatieSoort;
}

/** Days of `regel` that fall inside `periode`, as a share of the days of `regel` (0 when apart). */
export function deelInPeriode(regel: Periode, periode: Periode): number {
  const van = Math.max(dagNummer(regel.van), dagNummer(periode.van));
  const tot = Math.min(dagNummer(regel.tot), dagNummer(periode.tot));
  if (tot < van) return 0;
  return (tot - van + 1) / aantalDagen(regel);
}

/**
 * The target of ONE area for a requested period, from the actuele taakstellingen of that area.
 *
 * - Only targets whose period overlaps the requested one count.
 * - When more than one level set a target for the area (a provincie translated the national target
 *   to a gemeente, and the gemeente set its own ambition too), the highest level's targets are the
 *   ones monitored: targets are set from above, and a lower level cannot overwrite them.
 * - SOM (counted over a period): each target counts for the share of its days that lies inside the
 *   requested period, assuming it is spread evenly (as berekenVoortgang assumes): a year target of
 *   1.000 counts 500 for its first half year, two half-year targets add up to a year.
 * - STAND / AANDEEL (a level at a peildatum): the target of the overlapping period that ends last.
 * Returns null when no target overlaps (GEEN_DOEL).
 */
export function taakstellingInPeriode(
  regels: readonly TaakstellingRegel[],
  periode: Periode,
  aggregatie: Aggregatie,
): number | null {
  const overlappend = regels.filter((r) => deelInPeriode(maakPeriode(r.van, r.tot), periode) > 0);
  if (overlappend.length === 0) return null;
  const hoogste = Math.max(...overlappend.map((r) => niveau(r.gesteldDoor)));
  const geldend = overlappend.filter((r) => niveau(r.gesteldDoor) === hoogste);
  if (aggregatie === 'SOM') {
    const som = geldend.reduce((s, r) => s + r.waarde * deelInPeriode(maakPeriode(r.van, r.tot), periode), 0);
    return afronden(som);
  }
  const laatste = [...geldend].sort((a, b) => (a.tot < b.tot ? 1 : a.tot > b.tot ? -1 : 0))[0];
  return laatste.waarde;
}

export type TaakstellingBron = 'GEBIED' | 'ONDERDELEN' | 'GEEN';

export interface GebiedTaakstelling {
  readonly waarde: number | null;
  /** GEBIED: the area's own target; ONDERDELEN: the sum of the targets of its parts */
  readonly bron: TaakstellingBron;
  /** how many parts had a target (when bron is ONDERDELEN), so a partial sum can be shown as such */
  readonly onderdelenMetTaakstelling: number;
}

/**
 * The target of an area above the gemeente: its own target when one is set, otherwise the sum of
 * the targets of its parts (gemeenten, or for LAND its provincies). A share cannot be summed, so an
 * AANDEEL indicator without an own target has none.
 */
export function taakstellingVoorGebied(
  eigen: number | null,
  onderdelen: readonly (number | null)[],
  aggregatie: Aggregatie,
): GebiedTaakstelling {
  if (eigen !== null) return { waarde: eigen, bron: 'GEBIED', onderdelenMetTaakstelling: 0 };
  const gesteld = onderdelen.filter((w): w is number => w !== null);
  if (gesteld.length === 0 || aggregatie === 'AANDEEL') {
    return { waarde: null, bron: 'GEEN', onderdelenMetTaakstelling: gesteld.length };
  }
  return {
    waarde: afronden(gesteld.reduce((s, w) => s + w, 0)),
    bron: 'ONDERDELEN',
    onderdelenMetTaakstelling: gesteld.length,
  };
}

/** Pro-rated targets get fractions of a home or person; two decimals is what the table can hold. */
function afronden(waarde: number): number {
  return Math.round(waarde * 100) / 100;
}
