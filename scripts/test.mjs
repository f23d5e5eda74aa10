// The test command (`npm test`): find or start Postgres and Redis like the run command, then run
// jest. Integration tests create their own databases (template + one clone per test file) and
// their own BullMQ prefix, so runs on the same machine do not collide.
import { spawn, spawnSync } from 'node:child_process';
import { resolvePostgres, resolveRedis, ROOT } from './lib/local-services.mjs';

const args = process.argv.slice(2);

// Browser tests (jest project `web`) run against the built web app: build it first when they are
// selected (no --selectProjects, or one that names web).
const projecten = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--selectProjects')
    for (let j = i + 1; j < args.length && !args[j].startsWith('-'); j++) projecten.push(args[j]);
  else if (args[i].startsWith('--selectProjects=')) projecten.push(...args[i].slice(17).split(','));
}
if (projecten.length === 0 || projecten.includes('web')) {
  const bouw = spawnSync(process.execPath, ['apps/web/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (bouw.status !== 0) {
    console.error('[test] the web app did not build (node apps/web/build.mjs)');
    process.exit(1);
  }
}

const pg = await resolvePostgres();
const redis = await resolveRedis();
const env = { ...process.env, TEST_ADMIN_DATABASE_URL: pg.adminUrl, TEST_REDIS_URL: redis.url };

// The whole suite (no project or worker count chosen) runs in two passes. The API and unit tests
// mostly wait on Postgres, Redis and child processes, so they run in two workers even on two cores;
// the browser tests (Chromium plus an API per file) are CPU-bound and timed out under CPU pressure
// (session 5), so they run in one worker after. Both passes print their [duur] lines.
const kiestZelf = args.some((a) => /^(--maxWorkers|-w|--runInBand|-i|--selectProjects)(=|$)/.test(a));
// A filter (a path pattern or a test name) may match files of one pass only: the other pass then
// finds nothing, which is not a failure.
const gefilterd = args.some(
  (a) => !a.startsWith('-') || /^(--testPathPatterns|-t|--testNamePattern)(=|$)/.test(a),
);
const leegMag = gefilterd ? ['--passWithNoTests'] : [];
const passen = kiestZelf
  ? [args]
  : [
      ['--selectProjects', 'domain', 'auth', 'api', '--maxWorkers=2', ...leegMag, ...args],
      ['--selectProjects', 'web', ...leegMag, ...args],
    ];

const start = Date.now();
let uitslag = 0;
for (const pas of passen) {
  const code = await new Promise((klaar) =>
    spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...pas], {
      cwd: ROOT,
      stdio: 'inherit',
      env,
    }).on('exit', (c) => klaar(c ?? 1)),
  );
  if (code !== 0 && uitslag === 0) uitslag = code;
}
if (passen.length > 1)
  console.log(
    `[duur] whole suite: ${((Date.now() - start) / 1000).toFixed(1)} s wall in ${passen.length} passes`,
  );
await redis.stop();
await pg.stop();
process.exit(uitslag);
