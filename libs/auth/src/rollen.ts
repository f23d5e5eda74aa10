/**
 * Roles a user holds within their organisation (Keycloak client roles of `thuismonitor-api`).
 * `platformbeheer` is the platform operator's role: reference data and support, always audited.
 */
export const ROLLEN = ['lezen', 'invoeren', 'tekenen', 'beheren', 'platformbeheer'] as const;
export type Rol = (typeof ROLLEN)[number];

export function isRol(value: unknown): value is Rol {
  return typeof value === 'string' && (ROLLEN as readonly string[]).includes(value);
}
