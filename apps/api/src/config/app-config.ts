import * as path from 'node:path';
import { leesKenmerkSleutel } from '../toewijzing';
import { leesBeveiligingConfig, type BeveiligingConfig } from '../beveiliging/beveiliging-config';

/**
 * All configuration comes from environment variables, validated once at start-up. Every problem
 * is reported at once, one line per variable, so an operator fixes them in one go.
 * `.env.example` documents the same list.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  /**
   * the connection that LISTENs for cache invalidations (database/cache-signalen.ts): direct or
   * session-mode, since a transaction-mode pool does not deliver notifications; default databaseUrl
   */
  databaseListenUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Keycloak realm URL = expected token issuer; required unless devOidc */
  oidcIssuerUrl?: string;
  /**
   * The embedded development OpenID provider (demo accounts, no passwords) at /dev-oidc. Only
   * when switched on explicitly (DEV_OIDC=true: `npm start`, browser tests); never in production.
   */
  devOidc: boolean;
  oidcJwksUrl?: string;
  oidcAudience: string;
  publicUrl: string;
  devOidcKeyFile: string;
  logLevel: string;
  demoData: boolean;
  /** also demo figures (toewijzingen, projects, targets) on first start: the run command sets it */
  demoRealisatie: boolean;
  /** days after quarter end when the quarter's data is final and reports are built */
  reportDeadlineDays: number;
  /** day in December by which prestatieafspraken must be signed (1 or 15) */
  ondertekenDeadlineDag: 1 | 15;
  webDistDir: string;
  /** where the GraphQL schema is written (schema check); unset = in memory */
  graphqlSchemaFile?: string;
  /** BullMQ key prefix, so test runs and environments sharing a Redis do not collide */
  queuePrefix: string;
  /** how long a worker's lock on a running job lasts; a killed worker's job is retried after it */
  workerLockMs: number;
  /** how often workers look for jobs whose worker died (stalled jobs) */
  workerStalledIntervalMs: number;
  /** port of the separate /metrics listener (Prometheus); 0 = a free port (tests) */
  metricsPort: number;
  metricsHost: string;
  /** rate limits, proxy trust (see beveiliging/beveiliging-config.ts) */
  beveiliging: BeveiligingConfig;
  /** secret for the keyed hash of toewijzingen's extern kenmerk (see docs/privacy.md) */
  toewijzingKenmerkSleutel: string;
  /** toewijzing rows are deleted this many whole calendar years after their year (docs/privacy.md) */
  toewijzingBewaarJaren: number;
  /** voortgang answers kept in memory per API process, checked against the data version; 0 = none */
  voortgangCache: number;
  /**
   * A fixed "now" for the clock (common/klok.ts), KLOK_VAST: tests and demonstrations of a given
   * day. Refused in production; unset = the system clock.
   */
  klokVast?: Date;
}

export class ConfigFout extends Error {
  constructor(readonly problemen: string[]) {
    super(`Invalid configuration:\n${problemen.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigFout';
  }
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problemen: string[] = [];
  // An unset NODE_ENV means production: development conveniences (demo accounts, demo data, the
  // development OpenID provider) are never what an operator gets by forgetting a variable.
  const nodeEnv = (env.NODE_ENV || 'production') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problemen.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }

  const port = int(env.PORT, 3000, 'PORT', problemen, 0, 65535);

  const url = (name: string, protocols: string[], required: boolean): string | undefined => {
    const raw = env[name];
    if (!raw) {
      if (required) problemen.push(`${name} is required (${protocols.join(' or ')} URL)`);
      return undefined;
    }
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) {
        problemen.push(`${name} must start with ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
      return raw;
    } catch {
      problemen.push(`${name} is not a valid URL`);
      return undefined;
    }
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'], true);
  const databaseListenUrl = url('DATABASE_LISTEN_URL', ['postgres:', 'postgresql:'], false);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:'], true);
  const devOidc = bool(env.DEV_OIDC, false, 'DEV_OIDC', problemen);
  if (devOidc && nodeEnv === 'production') {
    problemen.push('DEV_OIDC=true is not allowed with NODE_ENV=production (its demo accounts need no password)');
  }
  if (devOidc && env.OIDC_ISSUER_URL) {
    problemen.push('OIDC_ISSUER_URL and DEV_OIDC=true exclude each other: choose Keycloak or the development provider');
  }
  const oidcIssuerUrl = devOidc ? undefined : url('OIDC_ISSUER_URL', ['http:', 'https:'], false);
  if (!devOidc && !env.OIDC_ISSUER_URL) {
    problemen.push('OIDC_ISSUER_URL is required (http: or https: URL of the Keycloak realm; for local development without Keycloak set DEV_OIDC=true)');
  }
  const oidcJwksUrl = url('OIDC_JWKS_URL', ['http:', 'https:'], false);
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:'], false) ?? `http://localhost:${port || 3000}`;
  if (nodeEnv === 'production' && oidcIssuerUrl && !oidcIssuerUrl.startsWith('https:') && env.OIDC_ALLOW_HTTP !== 'true') {
    problemen.push('OIDC_ISSUER_URL must use https in production (set OIDC_ALLOW_HTTP=true only behind a trusted proxy)');
  }

  // Demo organisations only on request (`npm start` and compose ask for them).
  const demoData = bool(env.DEMO_DATA, false, 'DEMO_DATA', problemen);
  const demoRealisatie = bool(env.DEMO_REALISATIE, false, 'DEMO_REALISATIE', problemen);
  // 1..28: the schedule is a day of the month after the quarter's last month (see JOB_SCHEDULERS)
  const reportDeadlineDays = int(env.REPORT_DEADLINE_DAYS, 15, 'REPORT_DEADLINE_DAYS', problemen, 1, 28);
  const deadlineDag = int(env.ONDERTEKEN_DEADLINE_DAG, 15, 'ONDERTEKEN_DEADLINE_DAG', problemen, 1, 31);
  if (deadlineDag !== 1 && deadlineDag !== 15) problemen.push('ONDERTEKEN_DEADLINE_DAG must be 1 or 15');

  const workerLockMs = int(env.WORKER_LOCK_MS, 30_000, 'WORKER_LOCK_MS', problemen, 1000, 600_000);
  const workerStalledIntervalMs = int(env.WORKER_STALLED_INTERVAL_MS, 15_000, 'WORKER_STALLED_INTERVAL_MS', problemen, 500, 600_000);
  const databasePoolSize = int(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE', problemen, 1, 200);
  const metricsPort = int(env.METRICS_PORT, nodeEnv === 'test' ? 0 : 9464, 'METRICS_PORT', problemen, 0, 65535);
  // the NODE_ENV decided above (unset = production), not the raw variable
  const kenmerkSleutel = leesKenmerkSleutel({ ...env, NODE_ENV: nodeEnv });
  if (kenmerkSleutel.probleem) problemen.push(kenmerkSleutel.probleem);
  const toewijzingBewaarJaren = int(env.TOEWIJZING_BEWAAR_JAREN, 5, 'TOEWIJZING_BEWAAR_JAREN', problemen, 1, 30);
  const voortgangCache = int(env.VOORTGANG_CACHE, 500, 'VOORTGANG_CACHE', problemen, 0, 100_000);
  const beveiliging = leesBeveiligingConfig(env, problemen);
  const klokVast = leesKlokVast(env.KLOK_VAST, nodeEnv, problemen);
  if (problemen.length) throw new ConfigFout(problemen);
  return {
    nodeEnv,
    port,
    databaseUrl: databaseUrl!,
    databaseListenUrl: databaseListenUrl ?? databaseUrl!,
    databasePoolSize,
    redisUrl: redisUrl!,
    oidcIssuerUrl,
    oidcJwksUrl,
    devOidc,
    oidcAudience: env.OIDC_AUDIENCE || 'thuismonitor-api',
    publicUrl: publicUrl.replace(/\/$/, ''),
    devOidcKeyFile: env.DEV_OIDC_KEY_FILE || path.join(REPO_ROOT, '.data/dev-oidc/key.json'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    demoData,
    demoRealisatie: demoData && demoRealisatie,
    reportDeadlineDays,
    ondertekenDeadlineDag: deadlineDag === 1 ? 1 : 15,
    webDistDir: env.WEB_DIST_DIR || path.join(REPO_ROOT, 'apps/web/dist'),
    graphqlSchemaFile: env.GRAPHQL_SCHEMA_FILE || undefined,
    queuePrefix: env.QUEUE_PREFIX || 'thuismonitor',
    workerLockMs,
    workerStalledIntervalMs,
    metricsPort,
    metricsHost: env.METRICS_HOST || (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    beveiliging,
    toewijzingKenmerkSleutel: kenmerkSleutel.sleutel,
    toewijzingBewaarJaren,
    voortgangCache,
    klokVast,
  };
}

/**
 * KLOK_VAST: a date (jjjj-mm-dd: noon UTC that day, the same date in Amsterdam) or an ISO instant
 * with its zone (2030-03-31T21:59:00Z, …+02:00). An instant without a zone would depend on the
 * server's time zone, so it is refused.
 */
function leesKlokVast(raw: string | undefined, nodeEnv: string, problemen: string[]): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (nodeEnv === 'production') {
    problemen.push('KLOK_VAST is not allowed with NODE_ENV=production (every date would be wrong)');
    return undefined;
  }
  const datum = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const tijdstip = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const d = new Date(datum ? `${raw}T12:00:00Z` : raw);
  // Date also "corrects" 2030-02-30 to 2 March: the date part must survive the round trip
  if ((!datum && !tijdstip) || Number.isNaN(d.getTime()) || (datum && d.toISOString().slice(0, 10) !== raw)) {
    problemen.push(`KLOK_VAST must be a date (2030-04-01) or an instant with its zone (2030-04-01T08:00:00Z) (got "${raw}")`);
    return undefined;
  }
  return d;
}

function int(raw: string | undefined, dflt: number, name: string, problemen: string[], min: number, max: number) {
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problemen.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return dflt;
  }
  return n;
}

function bool(raw: string | undefined, dflt: boolean, name: string, problemen: string[]) {
  if (raw === undefined || raw === '') return dflt;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problemen.push(`${name} must be true or false (got "${raw}")`);
  return dflt;
}
