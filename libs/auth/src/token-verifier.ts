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
  /**
   * How long a verified token is remembered (seconds, never past its `exp`); 0 verifies every time.
   * Default 60.
   */
  cacheSeconds?: number;
  /** how many verified tokens are remembered at most (least recently verified out first); default 10,000 */
  cacheMax?: number;
}

export const TOEGESTANE_ALGORITMEN = ['RS256', 'PS256', 'ES256'];

/**
 * Verifies bearer tokens against the issuer's JWKS (signature, issuer, audience, expiry,
 * algorithm allow-list). jose caches the key set and refetches on an unknown `kid` (rate-limited),
 * so key rotation in Keycloak needs no restart.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Verified tokens by their exact text, until min(exp, verified + cacheSeconds). A client sends the
   * same access token with every request for its lifetime (Keycloak: minutes), and checking an
   * RS256 signature is the largest single cost of a cached voortgang answer after GraphQL itself
   * (issue 9, "Speed under load"; profile in docs/decisions.md). Only successes are kept, keyed by
   * the whole token, so a token that differs in any byte is verified again; the claims are the
   * ones jose returned for exactly that text. What this gives up: a signing key withdrawn from the
   * JWKS stops being accepted up to cacheSeconds later instead of at the next refetch of the key set.
   */
  private readonly geverifieerd = new Map<string, { payload: JWTPayload; totMs: number }>();
  private readonly cacheMs: number;
  private readonly cacheMax: number;

  constructor(
    private readonly options: TokenVerifierOptions,
    keys?: JWTVerifyGetKey,
  ) {
    const jwksUrl = options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`;
    this.keys =
      keys ?? createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    this.cacheMs = (options.cacheSeconds ?? 60) * 1000;
    this.cacheMax = options.cacheMax ?? 10_000;
  }

  /** true when `token` was verified before and is still remembered (no signature check needed) */
  isBekend(token: string): boolean {
    const bewaard = this.geverifieerd.get(token);
    return bewaard !== undefined && bewaard.totMs > Date.now();
  }

  async verify(token: string): Promise<JWTPayload> {
    const nu = Date.now();
    const bewaard = this.geverifieerd.get(token);
    if (bewaard) {
      if (bewaard.totMs > nu) return bewaard.payload;
      this.geverifieerd.delete(token);
    }
    const payload = await this.controleer(token);
    if (this.cacheMs > 0 && typeof payload.exp === 'number') {
      // never past exp itself (jose's clock tolerance is not extended by the cache)
      const totMs = Math.min(payload.exp * 1000, nu + this.cacheMs);
      if (totMs > nu) {
        this.geverifieerd.set(token, { payload, totMs });
        while (this.geverifieerd.size > this.cacheMax)
          this.geverifieerd.delete(this.geverifieerd.keys().next().value!);
      }
    }
    return payload;
  }

  private async controleer(token: string): Promise<JWTPayload> {
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
