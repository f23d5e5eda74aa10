import { ConfigFout, loadConfig } from './app-config';

const BASIS = { DATABASE_URL: 'postgres://u@db:5432/tm', REDIS_URL: 'redis://redis:6379' };
const ISSUER = 'https://login.example.nl/realms/thuismonitor';
const SLEUTEL = 'a'.repeat(64);

function problemen(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigFout) return err.problemen;
    throw err;
  }
  return [];
}

describe('loadConfig: production-unsafe behaviour only behind an explicit switch', () => {
  it('an unset NODE_ENV means production: an issuer and the kenmerk key are required, no demo data', () => {
    expect(problemen(BASIS)).toEqual([
      'OIDC_ISSUER_URL is required (http: or https: URL of the Keycloak realm; for local development without Keycloak set DEV_OIDC=true)',
      expect.stringMatching(/^TOEWIJZING_KENMERK_SLEUTEL is required in production/),
    ]);
    const c = loadConfig({ ...BASIS, OIDC_ISSUER_URL: ISSUER, TOEWIJZING_KENMERK_SLEUTEL: SLEUTEL });
    expect(c).toMatchObject({
      nodeEnv: 'production',
      devOidc: false,
      demoData: false,
      oidcIssuerUrl: ISSUER,
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
    });
  });

  it('a missing OIDC_ISSUER_URL never starts the development provider, in development either', () => {
    expect(problemen({ ...BASIS, NODE_ENV: 'development' })).toEqual([
      'OIDC_ISSUER_URL is required (http: or https: URL of the Keycloak realm; for local development without Keycloak set DEV_OIDC=true)',
    ]);
  });

  it('DEV_OIDC=true switches the development provider on outside production, demo data stays off unless asked', () => {
    const c = loadConfig({ ...BASIS, NODE_ENV: 'development', DEV_OIDC: 'true' });
    expect(c).toMatchObject({
      devOidc: true,
      oidcIssuerUrl: undefined,
      demoData: false,
      metricsHost: '127.0.0.1',
    });
    expect(
      loadConfig({ ...BASIS, NODE_ENV: 'development', DEV_OIDC: 'true', DEMO_DATA: 'true' }).demoData,
    ).toBe(true);
  });

  it('refuses DEV_OIDC in production (also when NODE_ENV is unset) and together with an issuer', () => {
    const prod = problemen({ ...BASIS, DEV_OIDC: 'true', TOEWIJZING_KENMERK_SLEUTEL: SLEUTEL });
    expect(prod).toEqual([
      'DEV_OIDC=true is not allowed with NODE_ENV=production (its demo accounts need no password)',
    ]);
    expect(problemen({ ...BASIS, NODE_ENV: 'test', DEV_OIDC: 'true', OIDC_ISSUER_URL: ISSUER })).toEqual([
      'OIDC_ISSUER_URL and DEV_OIDC=true exclude each other: choose Keycloak or the development provider',
    ]);
    expect(problemen({ ...BASIS, NODE_ENV: 'development', DEV_OIDC: 'misschien' })).toContain(
      'DEV_OIDC must be true or false (got "misschien")',
    );
  });

  it('reports every problem at once, one line per variable', () => {
    try {
      loadConfig({ NODE_ENV: 'staging', METRICS_PORT: '70000' });
      throw new Error('expected a ConfigFout');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigFout);
      expect((err as Error).message.split('\n')[0]).toBe('Invalid configuration:');
      expect((err as ConfigFout).problemen).toEqual(
        expect.arrayContaining([
          'NODE_ENV must be development, test or production (got "staging")',
          'DATABASE_URL is required (postgres: or postgresql: URL)',
          'REDIS_URL is required (redis: or rediss: URL)',
          'METRICS_PORT must be a whole number from 0 to 65535 (got "70000")',
        ]),
      );
    }
  });

  it('tests get a free metrics port by default', () => {
    expect(loadConfig({ ...BASIS, NODE_ENV: 'test', OIDC_ISSUER_URL: ISSUER }).metricsPort).toBe(0);
  });

  it('KLOK_VAST fixes the clock outside production only, as a date or an instant with its zone', () => {
    const test = { ...BASIS, NODE_ENV: 'test', OIDC_ISSUER_URL: ISSUER };
    expect(loadConfig(test).klokVast).toBeUndefined();
    expect(loadConfig({ ...test, KLOK_VAST: '2030-04-01' }).klokVast?.toISOString()).toBe('2030-04-01T12:00:00.000Z');
    expect(loadConfig({ ...test, KLOK_VAST: '2030-03-31T23:30:00+02:00' }).klokVast?.toISOString()).toBe(
      '2030-03-31T21:30:00.000Z',
    );
    for (const fout of ['2030-02-30', '2030-04-01T08:00:00', '1 april 2030', 'morgen']) {
      expect(problemen({ ...test, KLOK_VAST: fout })).toEqual([expect.stringMatching(/^KLOK_VAST must be a date/)]);
    }
    expect(
      problemen({ ...BASIS, OIDC_ISSUER_URL: ISSUER, TOEWIJZING_KENMERK_SLEUTEL: SLEUTEL, KLOK_VAST: '2030-04-01' }),
    ).toEqual(['KLOK_VAST is not allowed with NODE_ENV=production (every date would be wrong)']);
  });
});
