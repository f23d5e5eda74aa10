import type { DevAccount } from '@thuismonitor/auth';
import type { ScopedDb } from '../database/scoped-db.service';
import { leesAanmeldbareGebruikers } from './beheer-gebruiker.repository';

/**
 * The users the platform operator registered (organisatie_gebruiker), active and of an active
 * organisation, in the shape of the development provider's accounts. Read through the SECURITY
 * DEFINER function tm_aanmeldbare_gebruikers() on the public path (the development login runs
 * before any principal exists), which answers only on ScopedDb's dev-login path. Only the development login (DEV_OIDC=true) calls this; with
 * Keycloak the same users exist in the realm (docs/onboarding.md).
 */
export async function aanmeldbareGebruikers(db: ScopedDb): Promise<DevAccount[]> {
  const rijen = await db.aanmeldbareGebruikersVoorDevLogin((m) => leesAanmeldbareGebruikers(m));
  return rijen.map((r) => ({
    username: r.gebruikersnaam,
    naam: r.naam,
    email: r.email,
    organisatie: r.organisatie,
    rollen: r.rollen,
  }));
}
