import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestApp } from './support/test-app';

const COMMITTED = path.resolve(__dirname, '../schema.graphql');

/**
 * The generated GraphQL schema is committed (apps/api/schema.graphql) so clients and reviewers see
 * API changes in diffs. This test fails when it is stale; `npm run schema:write` updates it.
 */
describe('committed GraphQL schema', () => {
  it('equals the schema the code generates', async () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-schema-')), 'schema.graphql');
    const t = await startTestApp({ GRAPHQL_SCHEMA_FILE: tmp });
    try {
      const gegenereerd = fs.readFileSync(tmp, 'utf8');
      if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(COMMITTED, gegenereerd);
      const vastgelegd = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf8') : '';
      if (vastgelegd !== gegenereerd) {
        throw new Error('apps/api/schema.graphql is stale: run `npm run schema:write` and commit the result');
      }
    } finally {
      await t.close();
    }
  });
});
