/**
 * Settings of the HTTP hardening (rate limits, proxy trust, HSTS), read from the environment by
 * loadConfig. Defaults fit one municipality's office behind one NAT address: the per-IP limit is
 * generous because many users can share an IP, the per-user limit is the real brake.
 */
export interface BeveiligingConfig {
  /** requests per window per client IP, every route except /health (RATE_LIMIT_IP) */
  rateLimitIp: number;
  /** requests per window per signed-in user on /graphql and /api (RATE_LIMIT_USER) */
  rateLimitGebruiker: number;
  /** length of the window of both limits above (RATE_LIMIT_WINDOW_SECONDS) */
  rateLimitVensterMs: number;
  /** failed authentications per IP before that IP is refused (AUTH_FAILURE_LIMIT) */
  mislukteAanmeldingenMax: number;
  /** how long failed authentications are remembered (AUTH_FAILURE_WINDOW_SECONDS) */
  mislukteAanmeldingenVensterMs: number;
  /**
   * Express "trust proxy" (TRUST_PROXY): unset = no proxy (the socket address is the client);
   * a number = that many proxy hops; otherwise a comma list of trusted addresses/subnets
   * ("loopback, 10.0.0.0/8"). Decides req.ip (rate limits) and req.secure (HSTS, from
   * X-Forwarded-Proto).
   */
  trustProxy: number | string | false;
}

export function leesBeveiligingConfig(env: NodeJS.ProcessEnv, problemen: string[]): BeveiligingConfig {
  const geheel = (naam: string, standaard: number, min: number, max: number): number => {
    const raw = env[naam];
    if (raw === undefined || raw === '') return standaard;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problemen.push(`${naam} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return standaard;
    }
    return n;
  };
  const proxyRaw = (env.TRUST_PROXY ?? '').trim();
  let trustProxy: BeveiligingConfig['trustProxy'] = false;
  if (proxyRaw === 'true') {
    // "true" trusts every X-Forwarded-For entry: any client could then pick its own rate-limit key
    problemen.push(
      'TRUST_PROXY=true trusts any client; give the number of proxy hops or the proxy addresses',
    );
  } else if (/^\d+$/.test(proxyRaw)) {
    trustProxy = Number(proxyRaw) || false;
  } else if (proxyRaw && proxyRaw !== 'false') {
    trustProxy = proxyRaw;
  }
  return {
    rateLimitIp: geheel('RATE_LIMIT_IP', 1200, 1, 10_000_000),
    rateLimitGebruiker: geheel('RATE_LIMIT_USER', 300, 1, 10_000_000),
    rateLimitVensterMs: geheel('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
    mislukteAanmeldingenMax: geheel('AUTH_FAILURE_LIMIT', 30, 1, 10_000_000),
    mislukteAanmeldingenVensterMs: geheel('AUTH_FAILURE_WINDOW_SECONDS', 900, 1, 86_400) * 1000,
    trustProxy,
  };
}
