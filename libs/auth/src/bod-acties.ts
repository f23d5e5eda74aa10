import type { BodStatus } from '@thuismonitor/domain';
import { heeftPermissie } from './policy';
import type { Principal } from './principal';

/** What a user can do with a bod: the buttons the web shows, and what the mutations allow. */
export type BodActie = 'BEWERKEN' | 'VERZENDEN' | 'PRESTATIEAFSPRAAK_STARTEN';

/**
 * Why an action is not possible, in the order the checks run (the first that fails):
 *  - GEEN_RECHT: no role to draft a bod or agreement (afspraak:opstellen)
 *  - NIET_DE_CORPORATIE: only the corporatie that drafts the bod changes or sends it
 *  - NIET_CONCEPT: a sent bod no longer changes
 *  - NIET_VERZONDEN: a prestatieafspraak starts from a sent bod only
 *  - GEEN_STARTER: the gemeente or the corporatie starts it; a huurdersorganisatie becomes a party
 */
export type BodWeigering =
  'GEEN_RECHT' | 'NIET_DE_CORPORATIE' | 'NIET_CONCEPT' | 'NIET_VERZONDEN' | 'GEEN_STARTER';

export interface BodVoorActie {
  readonly corporatieId: string;
  readonly status: BodStatus;
}

const ACTIES: readonly BodActie[] = ['BEWERKEN', 'VERZENDEN', 'PRESTATIEAFSPRAAK_STARTEN'];

/**
 * The one decision behind the bod's buttons and its mutations (Woningwet art. 44): null when the
 * principal may take `actie` on `bod` now, else the first reason it may not.
 */
export function bodActieWeigering(
  principal: Principal,
  bod: BodVoorActie,
  actie: BodActie,
): BodWeigering | null {
  if (!heeftPermissie(principal, 'afspraak:opstellen')) return 'GEEN_RECHT';
  if (actie === 'PRESTATIEAFSPRAAK_STARTEN') {
    if (bod.status !== 'VERZONDEN') return 'NIET_VERZONDEN';
    const soort = principal.organisatie.soort;
    return soort === 'GEMEENTE' || soort === 'CORPORATIE' ? null : 'GEEN_STARTER';
  }
  // BEWERKEN and VERZENDEN: the corporatie's own concept
  if (bod.corporatieId !== principal.organisatie.id) return 'NIET_DE_CORPORATIE';
  if (bod.status !== 'CONCEPT') return 'NIET_CONCEPT';
  return null;
}

/** The actions the principal can take on the bod now (the web shows these as buttons). */
export function mogelijkeBodActies(principal: Principal, bod: BodVoorActie): BodActie[] {
  return ACTIES.filter((a) => bodActieWeigering(principal, bod, a) === null);
}
