// `npm run bench`: the benchmarks from one command.
//  1. builds the API (tsc -b, incremental: quick when nothing changed);
//  2. finds or starts PostgreSQL and Redis like `npm start` does;
//  3. creates the database thuismonitor_bench if needed, migrates it with the app's own
//     prepareDatabase (so new migrations and indexes apply), and seeds it at national scale
//     (bench/seed-national.mjs) unless it is already seeded;
//  4. runs bench/voortgang-bench.mjs on it, then bench/import-bench.mjs when present.
//
//   npm run bench                       everything
//   npm run bench -- --reseed           drop thuismonitor_bench first and seed again
//   npm run bench -- --only voortgang   only the voortgang benchmark (--only rapportage: only reports,
//                                       --only load: voortgang under concurrent clients, bench/load-bench.mjs)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { resolvePostgres, ROOT } from '../scripts/lib/local-services.mjs';

const DB = 'thuismonitor_bench';
const reseed = process.argv.includes('--reseed');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

const run = (args, opts = {}) => {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status})`);
};

console.log('[bench] building the API (tsc -b)');
run([path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json']);

const postgres = await resolvePostgres();
const url = (() => {
  const u = new URL(postgres.adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();
let code = 0;
try {
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  if (reseed) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();

  console.log(`[bench] migrating ${DB} (prepareDatabase of the built app)`);
  const require = createRequire(import.meta.url);
  const { prepareDatabase } = require(path.join(ROOT, 'apps/api/dist/database/prepare-database.js'));
  await prepareDatabase(url, { demoData: true, log: (m) => console.log(`[bench]   ${m}`) });

  const t0 = performance.now();
  run(['bench/seed-national.mjs', url]);
  console.log(`[bench] seed step took ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  if (!only || only === 'voortgang') run(['bench/voortgang-bench.mjs', '--database-url', url]);
  if (!only && fs.existsSync(path.join(ROOT, 'bench/import-bench.mjs'))) {
    run(['bench/import-bench.mjs']);
  }
  if (!only || only === 'load') run(['bench/load-bench.mjs', '--database-url', url]);
  if (!only || only === 'rapportage') run(['bench/rapportage-bench.mjs', '--database-url', url]);
} catch (err) {
  console.error(`[bench] ${err.message}`);
  code = 1;
} finally {
  await postgres.stop();
}
process.exit(code);
