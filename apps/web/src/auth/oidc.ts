/**
 * OpenID Connect authorization code flow with PKCE (S256) for a public browser client, against
 * Keycloak or the embedded development provider (same URL layout). Tokens live in memory and in
 * sessionStorage (gone when the tab closes; never localStorage).
 */
import type { WebConfig } from '../config';

export interface Sessie {
  accessToken: string;
  idToken?: string;
  /** Keycloak issues one; the development provider does not (its tokens last an hour) */
  refreshToken?: string;
  /** epoch milliseconds */
  verlooptOp: number;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Lopend {
  state: string;
  verifier: string;
  nonce: string;
  terugNaar: string;
}

const SESSIE_KEY = 'thuismonitor.sessie';
const LOPEND_KEY = 'thuismonitor.aanmelden';
export const TERUGKEER_PAD = '/aanmelden/terug';

const discoveries = new Map<string, Promise<Discovery>>();

function discovery(issuer: string): Promise<Discovery> {
  let d = discoveries.get(issuer);
  if (!d) {
    d = fetch(`${issuer}/.well-known/openid-configuration`).then(async (res) => {
      if (!res.ok) throw new Error(`De aanmeldserver antwoordt niet (HTTP ${res.status}).`);
      return (await res.json()) as Discovery;
    });
    d.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, d);
  }
  return d;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function willekeurig(n = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

async function challenge(verifier: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(hash));
}

const redirectUri = () => `${window.location.origin}${TERUGKEER_PAD}`;

export function leesSessie(): Sessie | null {
  try {
    const raw = sessionStorage.getItem(SESSIE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Sessie;
    return typeof s.accessToken === 'string' && typeof s.verlooptOp === 'number' ? s : null;
  } catch {
    return null;
  }
}

export function bewaarSessie(s: Sessie | null): void {
  if (s) sessionStorage.setItem(SESSIE_KEY, JSON.stringify(s));
  else sessionStorage.removeItem(SESSIE_KEY);
}

/** Sends the browser to the login page of the identity provider. */
export async function startAanmelden(config: WebConfig, terugNaar: string): Promise<void> {
  const d = await discovery(config.issuer);
  const lopend: Lopend = { state: willekeurig(), verifier: willekeurig(48), nonce: willekeurig(), terugNaar };
  sessionStorage.setItem(LOPEND_KEY, JSON.stringify(lopend));
  const url = new URL(d.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid profile email');
  url.searchParams.set('state', lopend.state);
  url.searchParams.set('nonce', lopend.nonce);
  url.searchParams.set('code_challenge', await challenge(lopend.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('ui_locales', 'nl');
  window.location.assign(url.toString());
}

/** Handles the redirect back from the provider: checks state, exchanges the code. */
export async function verwerkTerugkeer(
  config: WebConfig,
  search: string,
): Promise<{ sessie: Sessie; terugNaar: string }> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(LOPEND_KEY);
  sessionStorage.removeItem(LOPEND_KEY);
  if (params.get('error')) {
    throw new Error(`Aanmelden is niet gelukt: ${params.get('error_description') ?? params.get('error')}.`);
  }
  const code = params.get('code');
  const lopend = raw ? (JSON.parse(raw) as Lopend) : null;
  if (!code || !lopend || params.get('state') !== lopend.state) {
    throw new Error(
      'Aanmelden is niet gelukt: het antwoord van de aanmeldserver hoort niet bij deze aanvraag. Probeer het opnieuw.',
    );
  }
  const d = await discovery(config.issuer);
  const res = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: lopend.verifier,
    }),
  });
  if (!res.ok)
    throw new Error('Aanmelden is niet gelukt: de aanmeldcode werd geweigerd. Probeer het opnieuw.');
  const sessie = sessieUitTokens((await res.json()) as TokenAntwoord);
  bewaarSessie(sessie);
  const terugNaar =
    lopend.terugNaar.startsWith('/') && !lopend.terugNaar.startsWith('//') ? lopend.terugNaar : '/';
  return { sessie, terugNaar };
}

interface TokenAntwoord {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

function sessieUitTokens(t: TokenAntwoord, vorige?: Sessie): Sessie {
  return {
    accessToken: t.access_token,
    idToken: t.id_token ?? vorige?.idToken,
    refreshToken: t.refresh_token ?? vorige?.refreshToken,
    verlooptOp: Date.now() + (t.expires_in ?? 300) * 1000,
  };
}

/** Renews the access token with the refresh token (Keycloak); null when that is not possible. */
export async function vernieuwSessie(config: WebConfig, sessie: Sessie): Promise<Sessie | null> {
  if (!sessie.refreshToken) return null;
  try {
    const d = await discovery(config.issuer);
    const res = await fetch(d.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: sessie.refreshToken,
        client_id: config.clientId,
      }),
    });
    if (!res.ok) return null;
    const nieuw = sessieUitTokens((await res.json()) as TokenAntwoord, sessie);
    bewaarSessie(nieuw);
    return nieuw;
  } catch {
    return null;
  }
}

/** Ends the session here and at the provider (RP-initiated logout), back to the start page. */
export async function afmelden(config: WebConfig, sessie: Sessie | null): Promise<void> {
  bewaarSessie(null);
  let d: Discovery | undefined;
  try {
    d = await discovery(config.issuer);
  } catch {
    d = undefined;
  }
  if (!d?.end_session_endpoint) {
    window.location.assign('/');
    return;
  }
  const url = new URL(d.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/?afgemeld=1`);
  if (sessie?.idToken) url.searchParams.set('id_token_hint', sessie.idToken);
  window.location.assign(url.toString());
}
