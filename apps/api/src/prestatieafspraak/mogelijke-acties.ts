import {
  heeftPermissie,
  isPartij,
  magConceptVerwijderen,
  magPrestatieafspraakBeeindigen,
  magPrestatieafspraakBewerken,
  type Principal,
} from '@thuismonitor/auth';
import { magOndertekenenInStatus, toegestaneActies } from '@thuismonitor/domain';
import type { PaRij } from './prestatieafspraak.repository';
import type { PrestatieafspraakActie } from './prestatieafspraak.types';

/**
 * What the viewer can do now, for the buttons of a screen: the permission (role), the policy
 * (party, gemeente) and the state machine together. The mutations check the same again.
 */
export function mogelijkeActies(
  principal: Principal,
  pa: PaRij,
  getekendDoor: readonly string[],
): PrestatieafspraakActie[] {
  const acties: PrestatieafspraakActie[] = [];
  const statusActies = toegestaneActies(pa.status);
  const beheer =
    magPrestatieafspraakBewerken(principal, pa) && heeftPermissie(principal, 'afspraak:bewerken');
  if (beheer && pa.status === 'CONCEPT') acties.push('BEWERKEN');
  if (beheer && statusActies.includes('INDIENEN')) acties.push('INDIENEN');
  if (
    isPartij(principal, pa) &&
    heeftPermissie(principal, 'afspraak:tekenen') &&
    magOndertekenenInStatus(pa.status, principal.organisatie.soort) &&
    !getekendDoor.includes(principal.organisatie.id)
  ) {
    acties.push('ONDERTEKENEN');
  }
  if (beheer && statusActies.includes('TERUGTREKKEN')) acties.push('TERUGTREKKEN');
  if (beheer && pa.status === 'VASTGESTELD' && !pa.volgendeVersieId) acties.push('WIJZIGING_STARTEN');
  if (beheer && statusActies.includes('BEEINDIGEN') && magPrestatieafspraakBeeindigen(principal, pa))
    acties.push('BEEINDIGEN');
  if (isPartij(principal, pa) && heeftPermissie(principal, 'afspraak:reageren')) acties.push('REAGEREN');
  if (beheer && magConceptVerwijderen(principal, pa)) acties.push('VERWIJDEREN');
  return acties;
}
