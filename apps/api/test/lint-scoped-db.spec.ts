import { lint } from './support/lint';

/**
 * The lint rule behind "ScopedDb is the only way into Postgres" (eslint.config.mjs): code outside
 * apps/api/src/database/ that gets hold of a DataSource or injects an EntityManager fails
 * `npm run lint` with a message that points at ScopedDb. Lints snippets with the repository's own
 * configuration, as if they were files of the API.
 */
const API_BESTAND = 'apps/api/src/voorbeeld/voorbeeld.service.ts';
const SNIPPETS: Record<string, { code: string; filePath: string }> = {
  datasourceInjectie: {
    filePath: API_BESTAND,
    code: `
      import { Injectable } from '@nestjs/common';
      import { DataSource } from 'typeorm';
      @Injectable()
      export class Lek {
        constructor(private readonly ds: DataSource) {}
        lees() { return this.ds.query('SELECT * FROM toewijzing'); }
      }`,
  },
  datasourceType: {
    filePath: API_BESTAND,
    code: `
      import type { DataSource } from 'typeorm';
      export const lees = (ds: DataSource) => ds.query('SELECT 1');`,
  },
  decorators: {
    filePath: API_BESTAND,
    code: `
      import { Injectable } from '@nestjs/common';
      import { InjectDataSource, InjectEntityManager } from '@nestjs/typeorm';
      import { EntityManager } from 'typeorm';
      @Injectable()
      export class Lek {
        constructor(@InjectDataSource() private readonly a: unknown, @InjectEntityManager() private readonly m: EntityManager) {}
      }`,
  },
  parameter: {
    filePath: API_BESTAND,
    code: `
      import type { EntityManager } from 'typeorm';
      export async function tel(m: EntityManager, gemeente: string): Promise<number> {
        const [r] = await m.query('SELECT count(*)::int AS n FROM toewijzing WHERE gemeente_code = $1', [gemeente]);
        return r.n;
      }`,
  },
  jobPadInResolver: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.resolver.ts',
    code: `
      import type { ScopedDb } from '../database/scoped-db.service';
      export async function lek(db: ScopedDb) {
        const systeem = await db.systeemContext('x');
        return db.snapshot(systeem, (m) => m.query('SELECT count(*) FROM toewijzing'));
      }`,
  },
  jobPadInHandler: {
    filePath: 'apps/api/src/voorbeeld/opruimen.handler.ts',
    code: `
      import type { ScopedDb } from '../database/scoped-db.service';
      export async function taak(db: ScopedDb) {
        const systeem = await db.systeemContext('opruimen');
        return db.jobTransaction('opruimen', systeem, (m) => m.query('SELECT 1'));
      }`,
  },
  binnenDatabase: {
    filePath: 'apps/api/src/database/voorbeeld.ts',
    code: `
      import { Injectable } from '@nestjs/common';
      import { DataSource } from 'typeorm';
      @Injectable()
      export class ScopedDbLijkend {
        constructor(private readonly ds: DataSource) {}
        ping() { return this.ds.query('SELECT 1'); }
      }`,
  },
};

/** The classes that injected DataSource before issue 9. */
const EERDER = [
  'apps/api/src/auth/principal-resolver.service.ts',
  'apps/api/src/organisatie/organisatie.service.ts',
  'apps/api/src/referentie/referentie.service.ts',
  'apps/api/src/referentie/referentie-sync.ts',
  'apps/api/src/health/health.controller.ts',
  'apps/api/src/rapportage/rapportage-opslag.service.ts',
  'apps/api/src/rapportage/rapportage.jobs.ts',
  'apps/api/src/demo/demo-seeder.ts',
  'apps/api/src/demo/demo-realisatie.ts',
];

const OVER_SCOPED_DB = /no-restricted-(imports|syntax).*Use ScopedDb/;

let uitslag: Record<string, string[]> = {};
let bestanden: string[] = [];

beforeAll(() => {
  // one ESLint process for every case: starting typescript-eslint takes seconds
  const namen = Object.keys(SNIPPETS);
  const r = lint({ snippets: namen.map((n) => SNIPPETS[n]), files: EERDER });
  // the snippets run SQL in services, which the SQL rule (lint-sql.spec.ts) refuses too: this file
  // is about the gateway rules only
  const andereRegel = (x: string) => x.startsWith('thuismonitor/sql-in-repository');
  uitslag = Object.fromEntries(namen.map((n, i) => [n, r.snippets[i].filter((x) => !andereRegel(x))]));
  bestanden = r.files;
}, 180_000);

describe('lint: no DataSource / EntityManager outside ScopedDb', () => {
  it('refuses importing DataSource from typeorm and injecting it in a constructor', () => {
    const m = uitslag.datasourceInjectie;
    expect(m.filter((x) => OVER_SCOPED_DB.test(x)).length).toBeGreaterThanOrEqual(2);
    expect(m.some((x) => x.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it('refuses a type-only DataSource import too (a DataSource handed around is the owner connection)', () => {
    const m = uitslag.datasourceType;
    expect(m.length).toBeGreaterThanOrEqual(1);
    expect(m.every((x) => OVER_SCOPED_DB.test(x))).toBe(true);
  });

  it('refuses @InjectDataSource, @InjectEntityManager and an EntityManager value import', () => {
    // the @nestjs/typeorm import, the EntityManager value import, both decorators, the constructor type
    expect(uitslag.decorators.filter((x) => OVER_SCOPED_DB.test(x)).length).toBeGreaterThanOrEqual(5);
  });

  it('allows EntityManager as the type of a parameter handed down from ScopedDb', () => {
    expect(uitslag.parameter).toEqual([]);
  });

  it('refuses the job paths of ScopedDb outside job handlers (a request keeps its own principal)', () => {
    const m = uitslag.jobPadInResolver;
    expect(m.filter((x) => /no-restricted-syntax.*job handlers only/.test(x))).toHaveLength(2);
    expect(uitslag.jobPadInHandler).toEqual([]);
  });

  it('allows DataSource inside apps/api/src/database/ (ScopedDb itself, migrations, startup)', () => {
    expect(uitslag.binnenDatabase).toEqual([]);
  });

  it('the classes that injected DataSource before (issue 9) now pass', () => {
    expect(bestanden.filter((x) => OVER_SCOPED_DB.test(x))).toEqual([]);
  });
});
