// Builds (incrementally, quietly) and runs the token CLI: see apps/api/src/cli/token.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/local-services.mjs';

const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (tsc.status !== 0) {
  console.error('build failed; run npm run build to see why');
  process.exit(1);
}
const r = spawnSync(process.execPath, [path.join(ROOT, 'apps/api/dist/cli/token.js'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
