import type { IsoDatum } from './iso-datum';
import type { Aggregatie } from './indicator-catalogus';
import type { OrganisatieSoort } from './organisatie-soort';
import type { Periode } from './periode';
import { TAAKSTELLENDE_SOORTEN, type TaakstellingRegel } from './taakstelling';
import { STANDAARD_TOLERANTIE, type Richting, type VoortgangStatus } from './voortgang';

/**
 * A target is a promise due on the last day of its own period (a half-year statushouders target
 * on 30 June / 31 December, a year target on 31 December). It is NOT spread linearly over the days
 * of its period: housing, delivering homes and signing contracts happen in batches, and a gemeente
 * that houses most statushouders in the last month of a half year is not "behind" in May. So
 * (docs/decisions.md, "Voortgang: targets are judged on their due date"):
 *
 * - the target of a requested period is the full value of every (highest-level) target that
 *   overlaps it: no share by days;
 * - a target is *due* (vervallen) when its period lies wholly inside the requested period and
 *   its last day is on or before the peildatum; only then is the realisation (counted over the
 *   requested period) compared with it;
 * - before that the status is LOOPT ("loopt"), with the percentage realised so far, unless the
 *   outcome is already certain: more than the whole maximum already (LAGER_IS_BETER, ACHTER), or
 *   for a count, less than the targets already due (HOGER_IS_BETER, ACHTER);
 * - a target that reaches outside the requested period is never due in it: ask for the target's
 *   own period to see it judged.
 */
export interface Doel {
  /** the target for the requested period; null when none overlaps */
  readonly waarde: number | null;
  /** the part of `waarde` that is due at the peildatum */
  readonly vervallen: number;
  /** the last due date of the targets counted (null without target) */
  readonly vervaldatum: IsoDatum | null;
}

export const GEEN_DOEL_WAARDE: Doel = Object.freeze({ waarde: null, vervallen: 0, vervaldatum: null });

const niveau = (s: OrganisatieSoort) => (TAAKSTELLENDE_SOORTEN as readonly OrganisatieSoort[]).indexOf(s);
const afronden = (w: number) => Math.round(w * 100) / 100;

/** The targets of ONE area that apply to the period, with what is due at the peildatum. */
export function doelInPeriode(
  regels: readonly TaakstellingRegel[],
  periode: Periode,
  aggregatie: Aggregatie,
  peil: IsoDatum,
): Doel {
  const overlappend = regels.filter((r) => r.van <= periode.tot && r.tot >= periode.van);
  if (overlappend.length === 0) return GEEN_DOEL_WAARDE;
  // targets are set from above: a lower level's own ambition does not replace the higher one
  const hoogste = Math.max(...overlappend.map((r) => niveau(r.gesteldDoor)));
  const geldend = overlappend.filter((r) => niveau(r.gesteldDoor) === hoogste);
  const isVervallen = (r: TaakstellingRegel) => r.van >= periode.van && r.tot <= periode.tot && r.tot <= peil;
  const vervaldatum = geldend.reduce((d, r) => (r.tot > d ? r.tot : d), geldend[0].tot);
  if (aggregatie === 'SOM') {
    return {
      waarde: afronden(geldend.reduce((s, r) => s + r.waarde, 0)),
      vervallen: afronden(geldend.filter(isVervallen).reduce((s, r) => s + r.waarde, 0)),
      vervaldatum,
    };
  }
  // a stand or share: the level promised by the target that ends last
  const laatste = [...geldend].sort((a, b) => (a.tot < b.tot ? 1 : a.tot > b.tot ? -1 : 0))[0];
  return { waarde: laatste.waarde, vervallen: isVervallen(laatste) ? laatste.waarde : 0, vervaldatum };
}

/**
 * An area above a gemeente without its own target: the sum of its parts' targets (and of what is
 * due of them). A share cannot be summed.
 */
export function somVanDoelen(delen: readonly Doel[], aggregatie: Aggregatie): Doel & { onderdelen: number } {
  const gesteld = delen.filter((d) => d.waarde !== null);
  if (gesteld.length === 0 || aggregatie === 'AANDEEL')
    return { ...GEEN_DOEL_WAARDE, onderdelen: gesteld.length };
  return {
    waarde: afronden(gesteld.reduce((s, d) => s + (d.waarde ?? 0), 0)),
    vervallen: afronden(gesteld.reduce((s, d) => s + d.vervallen, 0)),
    vervaldatum: gesteld.reduce<IsoDatum | null>(
      (m, d) => (m === null || (d.vervaldatum ?? '') > m ? d.vervaldatum : m),
      null,
    ),
    onderdelen: gesteld.length,
  };
}

export interface DoelOordeel {
  /** realisatie ÷ target × 100; null without a (non-zero) target */
  readonly percentage: number | null;
  /** what should have been realised at the peildatum: the targets due by then */
  readonly verwacht: number | null;
  readonly status: VoortgangStatus;
}

/** Judge a realisation against a Doel (see the file comment for the rule). */
export function beoordeelDoel(
  doel: Doel,
  realisatie: number,
  richting: Richting,
  tolerantie: number = STANDAARD_TOLERANTIE,
): DoelOordeel {
  if (doel.waarde === null) return { percentage: null, verwacht: null, status: 'GEEN_DOEL' };
  const percentage = doel.waarde === 0 ? null : (realisatie / doel.waarde) * 100;
  const verwacht = doel.vervallen;
  if (doel.vervallen >= doel.waarde - 1e-9) {
    const band = tolerantie * doel.waarde;
    const verschil = realisatie - doel.waarde;
    let status: VoortgangStatus;
    if (Math.abs(verschil) <= band + 1e-9) status = 'OP_SCHEMA';
    else if (verschil > 0) status = richting === 'HOGER_IS_BETER' ? 'VOOR' : 'ACHTER';
    else status = richting === 'HOGER_IS_BETER' ? 'ACHTER' : 'VOOR';
    return { percentage, verwacht, status };
  }
  // not all due yet: only a certain outcome is stated
  if (richting === 'LAGER_IS_BETER' && realisatie > doel.waarde * (1 + tolerantie) + 1e-9)
    return { percentage, verwacht, status: 'ACHTER' };
  if (
    richting === 'HOGER_IS_BETER' &&
    doel.vervallen > 0 &&
    realisatie < doel.vervallen * (1 - tolerantie) - 1e-9
  )
    return { percentage, verwacht, status: 'ACHTER' };
  return { percentage, verwacht, status: 'LOOPT' };
}
