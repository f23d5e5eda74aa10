// Web app weight and speed (issue 14): builds the web app and runs the browser test that measures
// the start page on an emulated 10 Mbit/s, 40 ms link (apps/web/test/snelheid.spec.ts), printing
// initial JS/CSS (gzip and over the wire) and the time to a usable start page.
//
//   node bench/web-bench.mjs          (WEB_DIST_DIR=/tmp/… to build elsewhere than apps/web/dist)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  ['scripts/test.mjs', '--selectProjects', 'web', '--testPathPatterns', 'snelheid', '--maxWorkers=1'],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WEB_BENCH: '1' } },
);
process.exit(r.status ?? 1);
