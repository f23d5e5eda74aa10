import type { EntityManager } from 'typeorm';
import {
  magPrestatieafspraakBewerken,
  magPrestatieafspraakZien,
  type RequestContext,
} from '@thuismonitor/auth';
import { inhoudWijzigbaar, prestatieafspraakStatusLabel } from '@thuismonitor/domain';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import {
  leesPrestatieafspraak,
  vergrendelPrestatieafspraak,
  type PaRij,
} from './prestatieafspraak.repository';

export const CONFLICT_MELDING =
  'Iemand anders heeft deze prestatieafspraak intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.';

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
    throw geenToegang('Alleen partijen bij deze prestatieafspraak kunnen dit doen.');
  }
  if (!magPrestatieafspraakZien(ctx.principal, pa)) throw nietGevonden('De prestatieafspraak');
  if (!magPrestatieafspraakBewerken(ctx.principal, pa))
    throw geenToegang('Alleen partijen bij deze prestatieafspraak kunnen dit doen.');
  return pa;
}

/** Optimistic concurrency: the client sends the `versie` it last saw. */
export function controleerVersie(pa: PaRij, versie: number): void {
  if (pa.versie !== versie) throw conflict(CONFLICT_MELDING);
}

export function controleerConcept(pa: PaRij): void {
  if (!inhoudWijzigbaar(pa.status)) {
    throw ongeldig(
      `Deze prestatieafspraak is ${prestatieafspraakStatusLabel(pa.status).toLowerCase()}; de inhoud kan alleen in concept worden gewijzigd. ` +
        (pa.status === 'TER_ONDERTEKENING'
          ? 'Trek het voorstel eerst terug naar concept.'
          : 'Start een wijziging (een nieuwe versie) om iets te veranderen.'),
    );
  }
}
