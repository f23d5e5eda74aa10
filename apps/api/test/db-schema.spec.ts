import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maakTestDatabase } from './support/test-database';

const ROOT = path.resolve(__dirname, '../../..');
const COMMITTED = path.resolve(__dirname, '../src/database/db-schema.generated.ts');

/** The options `npm run db:types` uses too (it runs this test with UPDATE_DB_TYPES=1). */
function genereer(url: string, uit: string): void {
  execFileSync(
    process.execPath,
    [
      'node_modules/kysely-codegen/dist/cli/bin.js',
      '--url',
      url,
      '--dialect',
      'postgres',
      '--date-parser',
      'string',
      '--numeric-parser',
      'string',
      '--exclude-pattern',
      'migrations',
      '--log-level',
      'error',
      '--out-file',
      uit,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}

/**
 * The query layer's types (apps/api/src/database/db-schema.generated.ts) are generated from the
 * migrated schema, as Immich does, and committed so a migration's effect on every query shows in
 * the diff and in the typecheck. This test fails when they are stale; `npm run db:types` rewrites
 * them.
 */
describe('committed database types', () => {
  it('equal the types kysely-codegen generates from the migrated schema', async () => {
    const db = await maakTestDatabase();
    try {
      const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-dbtypes-')), 'db.ts');
      genereer(db.url, tmp);
      const gegenereerd = fs.readFileSync(tmp, 'utf8');
      if (process.env.UPDATE_DB_TYPES === '1') fs.writeFileSync(COMMITTED, gegenereerd);
      const vastgelegd = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf8') : '';
      if (vastgelegd !== gegenereerd) {
        throw new Error(
          'apps/api/src/database/db-schema.generated.ts is stale: run `npm run db:types` and commit the result',
        );
      }
    } finally {
      await db.drop();
    }
  });
});
