import { Test, type TestingModule } from '@nestjs/testing';
import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { RequestContext, type Rol } from '@thuismonitor/auth';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { KlokModule } from '../../src/common/klok';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { DatabaseModule } from '../../src/database/database.module';
import { ScopedDb } from '../../src/database/scoped-db.service';
import { CacheSignalen } from '../../src/database/cache-signalen';
import { MetricsModule } from '../../src/metrics/metrics.module';
import { JobsModule } from '../../src/jobs/jobs.module';
import { ReferentieModule } from '../../src/referentie/referentie.module';
import { OrganisatieModule } from '../../src/organisatie/organisatie.module';
import { GebiedModule } from '../../src/gebied/gebied.module';
import { VolkshuisvestingModule } from '../../src/volkshuisvesting/volkshuisvesting.module';
import { UrgentieModule } from '../../src/urgentie/urgentie.module';
import { PrincipalResolver } from '../../src/auth/principal-resolver.service';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-data';
import { maakTestDatabase } from './test-database';
import { testPool } from './test-pool';

/**
 * "Medium" tests (Immich's word): the real services of a feature on a real database (a clone of
 * the template: migrations, reference data, demo organisations), called directly: no HTTP server,
 * no GraphQL, no tokens. Between the unit tests in libs/ (pure rules) and the HTTP role-token
 * suites (the authorisation matrix as a client sees it).
 *
 *   const t = await MediumTest.start({ modules: [VoortgangModule], klok: '2025-03-15' });
 *   const ctx = await t.als('gemeente.utrecht');
 *   const v = await t.get(VoortgangService).voortgang(ctx, { soort: 'GEMEENTE', code: 'GM0344' }, { jaar: 2024 });
 *
 * What it builds: configuration (NODE_ENV=test, a fixed clock), the TypeORM data source on the
 * cloned database, ScopedDb and the audit log, reference data and organisations, metrics (the
 * metrics server is not started: no app bootstrap), the features the app declares global (gebied,
 * volkshuisvesting, urgentie) and the feature modules you pass. The jobs
 * module (Redis, BullMQ queues) only with `jobs: true`. Principals are built by the API's own
 * PrincipalResolver from the database, exactly as a request with a token for that account gets
 * them. Arrange rows as the schema owner with `t.admin` (bypasses RLS) or the fixture builders in
 * fixtures.ts; each test builds its own rows, so each runs alone (`-t '<name>'`).
 */
export interface MediumOpties {
  /** feature modules under test, e.g. [VoortgangModule] (their imports come along) */
  modules: (Type | DynamicModule)[];
  /** "today" for Klok (KLOK_VAST): a date jjjj-mm-dd or an ISO instant; default 2025-03-15 */
  klok?: string;
  /** the jobs module (Redis client, BullMQ queues, worker service); off by default */
  jobs?: boolean;
  /** further environment for loadConfig */
  env?: Record<string, string>;
}

export const STANDAARD_KLOK = '2025-03-15';

/**
 * Feature modules the app declares @Global(): other features inject their services without
 * importing them, so a medium test needs them whichever feature it tests.
 */
const GLOBALE_FEATURES: Type[] = [GebiedModule, VolkshuisvestingModule, UrgentieModule];

export class MediumTest {
  private teller = 0;
  private readonly principals: PrincipalResolver;

  private constructor(
    readonly module: TestingModule,
    readonly config: AppConfig,
    /** the schema owner on this test file's database: arrange and check rows (no RLS) */
    readonly admin: Pool,
    private readonly drop: () => Promise<void>,
  ) {
    this.principals = new PrincipalResolver(module.get(ScopedDb), module.get(CacheSignalen));
  }

  static async start(opties: MediumOpties): Promise<MediumTest> {
    const database = await maakTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      OIDC_ISSUER_URL: 'http://127.0.0.1:1/realms/medium',
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `tm-medium-${database.naam}`,
      DATABASE_POOL_SIZE: '3',
      KLOK_VAST: opties.klok ?? STANDAARD_KLOK,
      ...opties.env,
    });
    let module: TestingModule;
    try {
      module = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(config),
          KlokModule,
          MetricsModule,
          TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
          DatabaseModule,
          ...(opties.jobs ? [JobsModule.forRoot()] : []),
          ReferentieModule,
          OrganisatieModule,
          ...GLOBALE_FEATURES,
          ...opties.modules.filter((m) => !GLOBALE_FEATURES.includes(m as Type)),
        ],
      }).compile();
      // runs onModuleInit (CacheSignalen's listener, caches); deliberately no init() of the whole
      // application: that would start the metrics server (onApplicationBootstrap)
      await module.init();
    } catch (err) {
      await database.drop();
      throw err;
    }
    return new MediumTest(module, config, testPool(database.url, 2), database.drop);
  }

  /** A provider of the module, e.g. `t.get(VoortgangService)`. */
  get<T>(type: Type<T> | string | symbol): T {
    return this.module.get<T>(type, { strict: false });
  }

  /**
   * The RequestContext of demo account `account` (apps/api/src/demo/demo-data.ts), or of a user
   * of organisation `{ organisatie: code }` with the given roles: the organisation, its kind and
   * werkgebied come from this database through the API's PrincipalResolver (as for a token).
   */
  async als(
    account: string | { organisatie: string; rollen?: Rol[]; gebruikersnaam?: string },
    rollen?: Rol[],
  ): Promise<RequestContext> {
    const demo = typeof account === 'string' ? DEMO_ACCOUNTS.find((a) => a.username === account) : undefined;
    if (typeof account === 'string' && !demo) throw new Error(`no demo account ${account}`);
    const code = demo ? demo.organisatie : (account as { organisatie: string }).organisatie;
    const gebruikersnaam =
      demo?.username ??
      (account as { gebruikersnaam?: string }).gebruikersnaam ??
      `medium.${code.toLowerCase()}`;
    const principal = await this.principals.resolve({
      sub: `medium:${gebruikersnaam}`,
      gebruikersnaam,
      naam: demo?.naam ?? gebruikersnaam,
      organisatieCode: code,
      rollen: rollen ??
        (demo?.rollen as Rol[] | undefined) ??
        (account as { rollen?: Rol[] }).rollen ?? ['lezen', 'invoeren', 'tekenen', 'beheren'],
    });
    return new RequestContext(principal, `medium-${++this.teller}`);
  }

  /** The id of organisation `code` (demo organisations: L0801, GM0344, PV26, BZK, …). */
  async orgId(code: string): Promise<string> {
    const { rows } = await this.admin.query('SELECT id FROM organisatie WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`no organisation ${code}`);
    return rows[0].id;
  }

  async close(): Promise<void> {
    await this.module.close();
    await this.admin.end();
    await this.drop();
  }
}
