import { startTestApp, type TestApp } from './support/test-app';

/**
 * HTTP hardening over real HTTP with low limits: security headers, HSTS only behind TLS, rate
 * limits per IP and per user (counted in Redis, so shared by replicas) with a Dutch 429 and
 * Retry-After, and the brake on failed authentication.
 */
const ME = JSON.stringify({ query: '{ me { gebruikersnaam } }' });

async function post(t: TestApp, token: string | null, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extra,
    },
    body: ME,
  });
}

describe('security headers and HSTS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t?.close());

  it('a request body over the 2 MB limit or not JSON: a Dutch GraphQL-shaped error, not an English page', async () => {
    const groot = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await t.token('gemeente.utrecht')}`,
      },
      body: JSON.stringify({ query: '{ me { gebruikersnaam } }', variables: { x: 'x'.repeat(2_200_000) } }),
    });
    expect(groot.status).toBe(413);
    expect(await groot.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Het verzoek is te groot/),
          extensions: { code: 'ONGELDIGE_INVOER' },
        },
      ],
    });
    const kapot = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(kapot.status).toBe(400);
    expect(((await kapot.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /^Het verzoek is geen geldige JSON/,
    );
  });

  it('every route carries CSP, nosniff, frame denial and no x-powered-by', async () => {
    for (const pad of ['/health/live', '/config.json', '/graphql']) {
      const res = await t.fetch(
        pad,
        pad === '/graphql'
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: ME }
          : {},
      );
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('HSTS only when the trusted proxy says the request came over https', async () => {
    const plat = await t.fetch('/health/live');
    expect(plat.headers.get('strict-transport-security')).toBeNull();
    const tls = await t.fetch('/health/live', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('GraphQL answers are compressed when the client accepts it', async () => {
    const res = await t.fetch('/graphql', {
      method: 'POST',
      als: 'gemeente.utrecht',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ gemeenten { code naam inwoners provincie { naam } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as { data: { gemeenten: unknown[] } };
    expect(body.data.gemeenten.length).toBeGreaterThan(300);
  });
});

describe('the app opened under another loopback name than PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://localhost:3999' });
  });
  afterAll(() => t?.close());

  it('a page at 127.0.0.1 is sent to the public origin (login and API only work there); the API is not redirected', async () => {
    // t.url is http://127.0.0.1:<port>
    const pagina = await t.fetch('/voortgang?jaar=2025', { redirect: 'manual' });
    expect(pagina.status).toBe(302);
    expect(pagina.headers.get('location')).toBe('http://localhost:3999/voortgang?jaar=2025');
    const api = await t.fetch('/config.json', { redirect: 'manual' });
    expect(api.status).toBe(200);
  });
});

describe('HSTS is not trusted from an untrusted client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('without TRUST_PROXY, X-Forwarded-Proto from the client is ignored', async () => {
    const res = await t.fetch('/health/live', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('rate limits (low settings)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_IP: '40',
      RATE_LIMIT_USER: '10',
      AUTH_FAILURE_LIMIT: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      AUTH_FAILURE_WINDOW_SECONDS: '600',
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(() => t?.close());

  // each test its own client address (X-Forwarded-For via the trusted loopback proxy), so the
  // counters of one test do not spill into the next
  it('per user: the 11th request in the window gets a Dutch 429 with Retry-After; another user is unaffected', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.1' };
    const token = await t.token('gemeente.utrecht');
    const statussen: number[] = [];
    for (let i = 0; i < 12; i++) statussen.push((await post(t, token, ip)).status);
    expect(statussen.slice(0, 10).every((s) => s === 200)).toBe(true);
    const res = await post(t, token, ip);
    expect(res.status).toBe(429);
    const wacht = Number(res.headers.get('retry-after'));
    expect(wacht).toBeGreaterThan(0);
    expect(wacht).toBeLessThanOrEqual(60);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: `U heeft te veel verzoeken in korte tijd gedaan. Wacht ${wacht} seconden en probeer het dan opnieuw.`,
          extensions: { code: 'TE_VEEL_VERZOEKEN', wachtSeconden: wacht },
        },
      ],
    });
    // same IP, other user: still served
    expect((await post(t, await t.token('corporatie.domstad'), ip)).status).toBe(200);
  });

  it('per IP: past the limit every route of that IP gets 429, health probes excepted; other IPs are served', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.2' };
    const statussen: number[] = [];
    for (let i = 0; i < 45; i++) statussen.push((await t.fetch('/config.json', { headers: ip })).status);
    expect(statussen.filter((s) => s === 200)).toHaveLength(40);
    expect(statussen.slice(40)).toEqual([429, 429, 429, 429, 429]);
    const res = await t.fetch('/config.json', { headers: ip });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.text()).toMatch(/^U heeft te veel verzoeken in korte tijd gedaan\. Wacht \d+ seconden/);
    expect((await t.fetch('/health/live', { headers: ip })).status).toBe(200);
    expect((await t.fetch('/config.json', { headers: { 'x-forwarded-for': '198.51.100.3' } })).status).toBe(
      200,
    );
  });

  it('200 bad tokens in a row: after 5 failures the IP is cut off, even with a valid token', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.4' };
    const statussen: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = (await post(t, `kapot.${i}.token`, ip)).status;
      statussen.push(s);
      if (s === 429 && statussen.filter((x) => x === 429).length >= 3) break; // enough proof; spare the IP limit
    }
    expect(statussen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statussen.slice(5)).toEqual([429, 429, 429]);
    // a user who has not used the API yet (no per-user count): refused for the address alone
    const res = await post(t, await t.token('gemeente.amersfoort'), ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(60);
    // another address is not affected
    expect(
      (await post(t, await t.token('gemeente.arnhem'), { 'x-forwarded-for': '198.51.100.5' })).status,
    ).toBe(200);
  });

  it("the counters live in Redis under this environment's prefix (shared by every replica)", async () => {
    const { default: IORedis } = await import('ioredis');
    const redis = new IORedis(t.config.redisUrl);
    try {
      const sleutels = await redis.keys(`${t.config.queuePrefix}:rl:*`);
      expect(sleutels.some((k) => k.includes(':rl:ip:'))).toBe(true);
      expect(sleutels.some((k) => k.includes(':rl:gebruiker:'))).toBe(true);
      expect(sleutels.some((k) => k.includes(':rl:aanmelding:'))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
