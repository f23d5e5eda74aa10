import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** apps/web/src/generated/graphql.ts must match the committed schema and the operations. */
describe('generated GraphQL types of the web app', () => {
  it('are up to date (npm run web:types)', () => {
    const root = path.resolve(__dirname, '../../..');
    let uitvoer = '';
    try {
      uitvoer = execFileSync(process.execPath, ['scripts/gen-web-types.mjs', '--check'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string };
      throw new Error(`${e.stderr ?? ''}${e.stdout ?? ''}`);
    }
    expect(uitvoer).toMatch(/actueel/);
  });
});
