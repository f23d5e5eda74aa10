import type { EntityManager } from 'typeorm';
import {
  ALLEEN_PARTIJEN,
  magPrestatieafspraakActie,
  magPrestatieafspraakBewerken,
  magPrestatieafspraakZien,
  PRESTATIEAFSPRAAK_CONFLICT,
  type ActieContext,
  type ActieWeigering,
  type PrestatieafspraakActie,
  type RequestContext,
} from '@thuismonitor/auth';
import { DomainError } from '@thuismonitor/domain';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import {
  leesPrestatieafspraak,
  vergrendelPrestatieafspraak,
  type PaRij,
} from './prestatieafspraak.repository';

export const CONFLICT_MELDING = PRESTATIEAFSPRAAK_CONFLICT;

/** A prestatieafspraak the caller may read, or "not found" — also when it exists but is not theirs. */
export async function leesZichtbaar(m: EntityManager, ctx: RequestContext, id: string): Promise<PaRij> {
  const pa = isUuid(id) ? await leesPrestatieafspraak(m, id) : undefined;
  if (!pa || !magPrestatieafspraakZien(ctx.principal, pa)) throw nietGevonden('De prestatieafspraak');
  return pa;
}

/**
 * Locks the prestatieafspraak for a change by a party. Non-parties cannot lock it under RLS, so
 * they get "not found" — unless they may read it (provincie, Rijk), then a clear refusal.
 */
export async function vergrendelVoorPartij(
  m: EntityManager,
  ctx: RequestContext,
  id: string,
): Promise<PaRij> {
  const pa = isUuid(id) ? await vergrendelPrestatieafspraak(m, id) : undefined;
  if (!pa) {
    await leesZichtbaar(m, ctx, id);
    throw geenToegang(ALLEEN_PARTIJEN);
  }
  if (!magPrestatieafspraakZien(ctx.principal, pa)) throw nietGevonden('De prestatieafspraak');
  if (!magPrestatieafspraakBewerken(ctx.principal, pa)) throw geenToegang(ALLEEN_PARTIJEN);
  return pa;
}

/**
 * Before a mutation acts: the same decision that shows its button (libs/auth
 * magPrestatieafspraakActie), with the versie the client sent; a refusal is thrown as the error
 * the API has always answered with.
 */
export function vereisActie(
  ctx: RequestContext,
  pa: PaRij,
  actie: PrestatieafspraakActie,
  context: ActieContext = {},
): void {
  const besluit = magPrestatieafspraakActie(ctx.principal, pa, actie, context);
  if (!besluit.toegestaan) throw alsFout(besluit);
}

function alsFout(w: ActieWeigering): Error {
  switch (w.soort) {
    case 'GEEN_TOEGANG':
      return geenToegang(w.reden);
    case 'CONFLICT':
      return conflict(w.reden);
    case 'ONGELDIG':
      // the state machine's refusal keeps its domain code (answered as ONGELDIGE_INVOER + reden)
      return w.domeinCode ? new DomainError(w.domeinCode, w.reden) : ongeldig(w.reden);
  }
}
