import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * apps/web/src/generated/graphql.ts must match the committed schema and the operations:
 * `graphql-codegen --check` (codegen.ts) fails when it is stale or an operation no longer validates.
 */
describe('generated GraphQL types of the web app', () => {
  it('are up to date (npm run web:types)', () => {
    const root = path.resolve(__dirname, '../../..');
    let uitvoer = '';
    try {
      uitvoer = execFileSync(
        path.join(root, 'node_modules/.bin/graphql-codegen'),
        ['--config', 'codegen.ts', '--check'],
        { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, CI: 'true' } },
      );
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string };
      throw new Error(
        `npm run web:types: the generated types are stale or invalid\n${e.stdout ?? ''}${e.stderr ?? ''}`,
      );
    }
    expect(uitvoer).not.toMatch(/stale/);
  });
});
