import { mogelijkePrestatieafspraakActies, type Principal } from '@thuismonitor/auth';
import type { OndertekeningRij, PaRij } from './prestatieafspraak.repository';
import type { PrestatieafspraakActie } from './prestatieafspraak.types';

/**
 * What the viewer can do now, for the buttons of a screen. No conditions of its own: it lists what
 * libs/auth magPrestatieafspraakActie allows, the same decision every mutation asks before acting.
 */
export function mogelijkeActies(
  principal: Principal,
  pa: PaRij,
  ondertekeningen: readonly OndertekeningRij[],
  vastgelegd: boolean,
): PrestatieafspraakActie[] {
  return mogelijkePrestatieafspraakActies(principal, pa, { ondertekeningen, vastgelegd });
}
