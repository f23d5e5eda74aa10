import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { MintOptions } from '@thuismonitor/auth';
import { createApi } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { maakTestDatabase } from './test-database';
import { testPool } from './test-pool';
import { startTestIssuer, type TestIssuer } from './test-issuer';

export interface GqlAntwoord<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

/**
 * A running API on its own database (copy of the template), a local issuer, and helpers that
 * speak GraphQL over real HTTP with a pre-made token per demo account (Twenty-style).
 */
export class TestApp {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: AppConfig,
    readonly issuer: TestIssuer,
    /** admin access to this test's database, for independent checks (bypasses RLS) */
    readonly db: Pool,
    private readonly dropDb: () => Promise<void>,
    /** false for a second instance (startTestApp's `naast`): the first one owns issuer and database */
    private readonly eigenaar = true,
  ) {}

  async token(account: string, opties?: MintOptions): Promise<string> {
    if (opties) return this.issuer.issuer.mint(account, opties);
    if (!this.tokens.has(account)) this.tokens.set(account, await this.issuer.issuer.mint(account));
    return this.tokens.get(account)!;
  }

  /** POST /graphql as `account` (a demo username), or with a raw token via { token }. */
  async gql<T = Record<string, any>>(
    als: string | { token: string } | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlAntwoord<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (als) headers.authorization = `Bearer ${typeof als === 'string' ? await this.token(als) : als.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as Omit<GqlAntwoord<T>, 'status'>;
    return { status: res.status, ...body };
  }

  /** Like gql, but fails the test on any GraphQL error and returns data. */
  async ok<T = Record<string, any>>(als: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(als, query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL error for ${als}: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  async fetch(pad: string, init: RequestInit & { als?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.als) headers.set('authorization', `Bearer ${await this.token(init.als)}`);
    return fetch(`${this.url}${pad}`, { ...init, headers });
  }

  async orgId(code: string): Promise<string> {
    const { rows } = await this.db.query('SELECT id FROM organisatie WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`no organisation ${code}`);
    return rows[0].id;
  }

  /** A second instance closes before the first: the first drops the database. */
  async close(): Promise<void> {
    await this.app.close();
    await this.db.end();
    if (!this.eigenaar) return;
    await this.issuer.close();
    await this.dropDb();
  }
}

let appTeller = 0;

/**
 * `naast`: start a second replica of that app: the same database, issuer (its tokens are valid on
 * both), Redis and queue prefix, its own process state (caches) — as API replicas run in production.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opties: { naast?: TestApp } = {},
): Promise<TestApp> {
  const { naast } = opties;
  const database = naast
    ? { naam: new URL(naast.config.databaseUrl).pathname.slice(1), url: naast.config.databaseUrl, drop: async () => {} }
    : await maakTestDatabase();
  const issuer = naast ? naast.issuer : await startTestIssuer();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    OIDC_ISSUER_URL: issuer.url,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    QUEUE_PREFIX: naast ? naast.config.queuePrefix : `tm-test-${database.naam}-${++appTeller}`,
    DATABASE_POOL_SIZE: '5',
    // hundreds of requests from 127.0.0.1 per test file: rate limits out of the way, except
    // where a test sets them low on purpose (beveiliging-http.spec.ts)
    RATE_LIMIT_IP: '1000000',
    RATE_LIMIT_USER: '1000000',
    AUTH_FAILURE_LIMIT: '1000000',
    ...env,
  });
  const app = await createApi(config);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const db = testPool(database.url, 3);
  return new TestApp(app, `http://127.0.0.1:${port}`, config, issuer, db, database.drop, !naast);
}
