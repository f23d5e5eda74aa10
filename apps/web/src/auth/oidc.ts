/**
 * OpenID Connect in the browser with oidc-client-ts: authorization code flow with PKCE (S256),
 * state and nonce, for a public client, against Keycloak or the embedded development provider
 * (same URL layout). Tokens live in sessionStorage (gone when the tab closes; never localStorage).
 *
 * oidc-client-ts checks state, the nonce and the subject of the id_token, but not its signature,
 * issuer, audience or expiry. Those are checked here with jose against the issuer's JWKS before the
 * session is used (controleerIdToken): defence in depth on top of the TLS-protected token
 * endpoint (OpenID Connect Core 1.0, 3.1.3.7).
 */
import { ErrorResponse, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { WebConfig } from '../config';

export interface Sessie {
  accessToken: string;
  idToken?: string;
  /** Keycloak issues one; the development provider does not (its tokens last an hour) */
  refreshToken?: string;
  /** epoch milliseconds */
  verlooptOp: number;
}

export const TERUGKEER_PAD = '/aanmelden/terug';

const managers = new Map<string, UserManager>();

function beheerder(config: WebConfig): UserManager {
  const sleutel = `${config.issuer}|${config.clientId}`;
  let um = managers.get(sleutel);
  if (!um) {
    um = new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      redirect_uri: `${window.location.origin}${TERUGKEER_PAD}`,
      post_logout_redirect_uri: `${window.location.origin}/?afgemeld=1`,
      response_type: 'code',
      scope: 'openid profile email',
      ui_locales: 'nl',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      // renewal is decided by AuthContext: refresh token (Keycloak) or the "sessie verlopen" flow;
      // no hidden iframes (the CSP forbids frames, and third-party cookies make them unreliable)
      automaticSilentRenew: false,
      monitorSession: false,
      loadUserInfo: false,
    });
    managers.set(sleutel, um);
  }
  return um;
}

const opslagSleutel = (config: WebConfig) => `oidc.user:${config.issuer}:${config.clientId}`;

function sessieUit(user: User): Sessie {
  return {
    accessToken: user.access_token,
    idToken: user.id_token,
    refreshToken: user.refresh_token,
    verlooptOp: (user.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000,
  };
}

/** The stored session, read synchronously for the first render. */
export function leesSessie(config: WebConfig): Sessie | null {
  try {
    const raw = sessionStorage.getItem(opslagSleutel(config));
    return raw ? sessieUit(User.fromStorageString(raw)) : null;
  } catch {
    return null;
  }
}

export function vergeetSessie(config: WebConfig): void {
  void beheerder(config).removeUser();
}

/** "Failed to fetch" and friends: a network error, not an answer. Dutch, with what to do about it. */
function netwerkFout(config: WebConfig, err: unknown): Error | null {
  if (!(err instanceof TypeError)) return null;
  console.error('OIDC request failed (network)', err);
  const issuer = new URL(config.issuer).origin;
  return new Error(
    `De aanmeldserver (${issuer}) is vanaf deze pagina niet bereikbaar. Controleer uw internetverbinding; ` +
      `open Thuismonitor via het adres dat uw beheerder heeft opgegeven en probeer het opnieuw.`,
  );
}

/** Sends the browser to the login page of the identity provider. */
export async function startAanmelden(config: WebConfig, terugNaar: string): Promise<void> {
  try {
    await beheerder(config).signinRedirect({ state: { terugNaar } });
  } catch (err) {
    throw (
      netwerkFout(config, err) ?? new Error('Aanmelden kon niet worden gestart. Probeer het later opnieuw.')
    );
  }
}

const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Signature (issuer's JWKS), issuer, audience = this client, expiry, authorized party. */
async function controleerIdToken(um: UserManager, config: WebConfig, user: User): Promise<void> {
  if (!user.id_token) throw new Error('no id_token in the token response');
  const jwksUri = await um.metadataService.getKeysEndpoint(false);
  let set = jwks.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri));
    jwks.set(jwksUri, set);
  }
  const { payload } = await jwtVerify(user.id_token, set, {
    issuer: config.issuer,
    audience: config.clientId,
    clockTolerance: 60,
  });
  if (payload.azp !== undefined && payload.azp !== config.clientId)
    throw new Error(`id_token azp ${String(payload.azp)}`);
}

/** Handles the redirect back from the provider: state, code exchange (PKCE), id_token checks. */
export async function verwerkTerugkeer(
  config: WebConfig,
  search: string,
): Promise<{ sessie: Sessie; terugNaar: string }> {
  const um = beheerder(config);
  let user: User;
  try {
    user = await um.signinRedirectCallback(`${window.location.origin}${TERUGKEER_PAD}${search}`);
  } catch (err) {
    if (err instanceof ErrorResponse) {
      console.error('OIDC error response', err.error, err.error_description);
      throw new Error(`Aanmelden is niet gelukt: ${err.error_description ?? err.error ?? 'onbekende fout'}.`);
    }
    const netwerk = netwerkFout(config, err);
    if (netwerk) throw netwerk;
    console.error('OIDC sign-in callback refused', err);
    throw new Error(
      'Aanmelden is niet gelukt: het antwoord van de aanmeldserver hoort niet bij deze aanvraag. Probeer het opnieuw.',
    );
  }
  try {
    await controleerIdToken(um, config, user);
  } catch (err) {
    await um.removeUser();
    const netwerk = netwerkFout(config, err);
    if (netwerk) throw netwerk;
    console.error('id_token refused', err);
    throw new Error(
      'Aanmelden is niet gelukt: het identiteitsbewijs van de aanmeldserver is ongeldig. Probeer het opnieuw.',
    );
  }
  const gevraagd = (user.state as { terugNaar?: unknown } | undefined)?.terugNaar;
  const terugNaar =
    typeof gevraagd === 'string' && gevraagd.startsWith('/') && !gevraagd.startsWith('//') ? gevraagd : '/';
  return { sessie: sessieUit(user), terugNaar };
}

/** Renews the access token with the refresh token (Keycloak); null when that is not possible. */
export async function vernieuwSessie(config: WebConfig, sessie: Sessie): Promise<Sessie | null> {
  if (!sessie.refreshToken) return null;
  try {
    const user = await beheerder(config).signinSilent();
    return user ? sessieUit(user) : null;
  } catch (err) {
    console.warn('token refresh failed', err);
    return null;
  }
}

/** Ends the session here and at the provider (RP-initiated logout), back to the start page. */
export async function afmelden(config: WebConfig, sessie: Sessie | null): Promise<void> {
  const um = beheerder(config);
  await um.removeUser();
  try {
    await um.signoutRedirect({ id_token_hint: sessie?.idToken });
  } catch (err) {
    // no end_session_endpoint, or the provider is unreachable: the local session is gone anyway
    console.warn('RP-initiated logout not possible', err);
    window.location.assign('/?afgemeld=1');
  }
}
