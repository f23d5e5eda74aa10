import { lint } from './support/lint';

/**
 * The SQL rule (eslint.config.mjs, `thuismonitor/sql-in-repository`): SQL strings, Kysely's `sql`
 * template and the query builder live in repositories (`*.repository.ts`), migrations and
 * apps/api/src/database/; a service that writes SQL fails `npm run lint`. Lints snippets with the
 * repository's own configuration (as lint-klok.spec.ts does), so the test fails if the rule is
 * switched off or its file patterns stop matching.
 */
const SNIPPETS: Record<string, { code: string; filePath: string }> = {
  rauwInService: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.service.ts',
    code: `
      import type { EntityManager } from 'typeorm';
      export const lees = (m: EntityManager) => m.query('SELECT * FROM toewijzing WHERE id = $1', ['x']);`,
  },
  bouwerInService: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.service.ts',
    code: `
      import { qb, sql, voerUit } from '../database/query';
      export const q = qb.selectFrom('toewijzing').selectAll();
      export const r = sql\`SELECT 1\`;
      export const uit = voerUit;`,
  },
  kyselyInResolver: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.resolver.ts',
    code: `import { sql } from 'kysely';\nexport const r = sql;`,
  },
  inRepository: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.repository.ts',
    code: `
      import type { EntityManager } from 'typeorm';
      import { qb, sql, voerUit } from '../database/query';
      export const lees = (m: EntityManager) => voerUit(m, qb.selectFrom('toewijzing').selectAll());
      export const som = (m: EntityManager) => voerUit(m, sql<{ n: number }>\`SELECT 1 AS n\`);
      export const rauw = (m: EntityManager) => m.query('SELECT 1');`,
  },
  inMigratie: {
    filePath: 'apps/api/src/database/migrations/1999999999999-voorbeeld.ts',
    code: `export const up = (r: { query(s: string): Promise<unknown> }) => r.query('SELECT 1');`,
  },
  graphqlQuery: {
    filePath: 'apps/api/src/voorbeeld/voorbeeld.resolver.ts',
    code: `
      const Query = () => () => undefined;
      export class R { @Query() lijst() { return []; } }`,
  },
};

const SQL = /^thuismonitor\/sql-in-repository: SQL belongs in the feature's repository/;
let uitslag: Record<string, string[]> = {};

beforeAll(() => {
  const namen = Object.keys(SNIPPETS);
  const r = lint({ snippets: namen.map((n) => SNIPPETS[n]), files: [] });
  uitslag = Object.fromEntries(namen.map((n, i) => [n, r.snippets[i]]));
}, 180_000);

describe('lint: SQL only in repositories and migrations', () => {
  it('refuses m.query(…) in a service', () => {
    expect(uitslag.rauwInService.filter((x) => SQL.test(x))).toHaveLength(1);
  });

  it('refuses the query builder and the sql template outside a repository', () => {
    // the import of database/query and the sql`…` template
    expect(uitslag.bouwerInService.filter((x) => SQL.test(x))).toHaveLength(2);
    expect(uitslag.kyselyInResolver.filter((x) => SQL.test(x))).toHaveLength(1);
  });

  it('allows SQL in a repository and in a migration, and a GraphQL @Query() anywhere', () => {
    expect(uitslag.inRepository.filter((x) => SQL.test(x))).toEqual([]);
    expect(uitslag.inMigratie.filter((x) => SQL.test(x))).toEqual([]);
    expect(uitslag.graphqlQuery.filter((x) => SQL.test(x))).toEqual([]);
  });
});
