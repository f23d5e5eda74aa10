import { API_CLIENT_ID } from '@thuismonitor/auth';

/** A user as Thuismonitor registers it (organisatie_gebruiker) or ships it (DEMO_ACCOUNTS). */
export interface GebruikerVoorKeycloak {
  gebruikersnaam: string;
  naam: string;
  email: string;
  organisatieCode: string;
  rollen: readonly string[];
}

/**
 * The mapping from Thuismonitor to Keycloak, in one place (docs/onboarding.md, "Keycloak"):
 * - the organisation: user attribute `organisatie` = the organisation's code; the realm's
 *   user profile declares it (admin-editable only, pattern ^[A-Z0-9][A-Z0-9-]*$) and the client
 *   `thuismonitor-web` maps it to the access-token claim `organisatie`, which the API reads
 *   (libs/auth claims.ts) and looks up in its own database (kind and werkgebied never come from
 *   the token);
 * - the roles: client roles of `thuismonitor-api` (lezen, invoeren, tekenen, beheren,
 *   platformbeheer), in the token under resource_access.thuismonitor-api.roles.
 * This is the shape of a user in a realm import / partial import, the same as
 * infra/keycloak/sync-realm-users.mjs writes for the demo users (a test keeps them equal), but
 * without a password: a new user sets one through the required actions (e-mail from Keycloak).
 */
export function keycloakGebruiker(g: GebruikerVoorKeycloak) {
  const naam = g.naam.trim();
  const spatie = naam.indexOf(' ');
  return {
    username: g.gebruikersnaam,
    enabled: true,
    email: g.email,
    emailVerified: true,
    firstName: spatie < 0 ? naam : naam.slice(0, spatie),
    lastName: spatie < 0 ? '' : naam.slice(spatie + 1),
    attributes: { organisatie: [g.organisatieCode] },
    clientRoles: { [API_CLIENT_ID]: [...g.rollen] },
  };
}

/**
 * A Keycloak partial import (Realm settings → Action → Partial import, "Users", policy SKIP) for
 * the given users: each is created with the organisation attribute and client roles, and must
 * set a password and verify the e-mail address on first sign-in.
 */
export function keycloakPartialImport(gebruikers: readonly GebruikerVoorKeycloak[]) {
  return {
    ifResourceExists: 'SKIP',
    users: gebruikers.map((g) => ({ ...keycloakGebruiker(g), requiredActions: ['UPDATE_PASSWORD'] })),
  };
}
