import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticatieFout } from './authenticatie-fout';

export interface TokenVerifierOptions {
  /** expected `iss`, e.g. https://login.example.nl/realms/thuismonitor */
  issuer: string;
  /** expected `aud` (Keycloak: the API client id) */
  audience: string;
  /** where to fetch keys; defaults to Keycloak's certs endpoint under the issuer */
  jwksUrl?: string;
  /** asymmetric algorithms only: an HS256 token "signed" with the public key must never verify */
  algorithms?: string[];
  clockToleranceSeconds?: number;
}

export const TOEGESTANE_ALGORITMEN = ['RS256', 'PS256', 'ES256'];

/**
 * Verifies bearer tokens against the issuer's JWKS (signature, issuer, audience, expiry,
 * algorithm allow-list). jose caches the key set and refetches on an unknown `kid` (rate-limited),
 * so key rotation in Keycloak needs no restart.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions, keys?: JWTVerifyGetKey) {
    const jwksUrl = options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`;
    this.keys = keys ?? createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.algorithms ?? TOEGESTANE_ALGORITMEN,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (err) {
      if (err instanceof errors.JOSEError) throw new AuthenticatieFout(`${err.code}: ${err.message}`);
      throw new AuthenticatieFout(`token verification failed: ${(err as Error).message}`);
    }
  }
}
