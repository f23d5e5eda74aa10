import type { JWTPayload } from 'jose';
import type { TokenIdentiteit } from './principal';
import { isRol, type Rol } from './rollen';
import { AuthenticatieFout } from './authenticatie-fout';

/**
 * Reads a Keycloak-shaped access token: client roles under `resource_access[<api client>].roles`,
 * the organisation code in the custom `organisatie` claim (user attribute mapper, see
 * infra/keycloak). A token without organisation is refused: every user acts for one organisation.
 */
export function identiteitUitClaims(payload: JWTPayload, apiClientId: string): TokenIdentiteit {
  const sub = payload.sub;
  if (!sub) throw new AuthenticatieFout('token has no sub');
  const org = (payload as Record<string, unknown>)['organisatie'];
  const organisatieCode = Array.isArray(org) ? org[0] : org;
  if (typeof organisatieCode !== 'string' || organisatieCode.trim() === '') {
    throw new AuthenticatieFout('token has no organisatie claim');
  }
  const resourceAccess = (payload as Record<string, unknown>)['resource_access'] as
    | Record<string, { roles?: unknown }>
    | undefined;
  const rawRoles = resourceAccess?.[apiClientId]?.roles;
  const rollen: Rol[] = Array.isArray(rawRoles) ? rawRoles.filter(isRol) : [];
  const str = (k: string) => {
    const v = (payload as Record<string, unknown>)[k];
    return typeof v === 'string' ? v : undefined;
  };
  return {
    sub,
    gebruikersnaam: str('preferred_username') ?? sub,
    naam: str('name') ?? str('preferred_username') ?? sub,
    email: str('email'),
    organisatieCode: organisatieCode.trim(),
    rollen,
  };
}
