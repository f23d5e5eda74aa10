// The run command (`npm start`): build, find or start Postgres and Redis, then run the API (with
// the development OpenID provider and demo data unless configured otherwise) and the worker.
// The API itself defaults to production settings; the development conveniences are switched on
// here, explicitly: NODE_ENV=development, DEV_OIDC=true (unless OIDC_ISSUER_URL names a real
// issuer), DEMO_DATA=true and DEMO_REALISATIE=true.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureDatabase, resolvePostgres, resolveRedis, ROOT, withDatabase } from './lib/local-services.mjs';

const pgInfo = await resolvePostgres();
const redis = await resolveRedis();
let databaseUrl = pgInfo.given;
if (!databaseUrl) {
  await ensureDatabase(pgInfo.adminUrl, 'thuismonitor');
  databaseUrl = withDatabase(pgInfo.adminUrl, 'thuismonitor');
}

if (!process.argv.includes('--no-build')) {
  console.log('[start] building (npm run build)…');
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// The run command shows a living product: demo figures on first start (DEMO_REALISATIE=false to skip).
const env = {
  NODE_ENV: 'development',
  DEMO_DATA: 'true',
  DEMO_REALISATIE: 'true',
  ...(process.env.OIDC_ISSUER_URL ? {} : { DEV_OIDC: 'true' }),
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redis.url,
};
// API and worker run on one machine here: each needs its own metrics port.
const workerEnv = { ...env, METRICS_PORT: process.env.WORKER_METRICS_PORT ?? String(Number(env.METRICS_PORT ?? 9464) + 1) };
const api = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], { env, stdio: 'inherit' });
// The worker starts after the API migrated the database, so both never race on migrations.
let worker;
const wachtOpApi = setInterval(async () => {
  try {
    const r = await fetch(`http://127.0.0.1:${env.PORT ?? 3000}/health/live`);
    if (r.ok) {
      clearInterval(wachtOpApi);
      worker = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/worker.js')], { env: workerEnv, stdio: 'inherit' });
      worker.on('exit', (code) => code && console.error(`[start] worker stopped with code ${code}`));
    }
  } catch {
    /* not up yet */
  }
}, 500);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  clearInterval(wachtOpApi);
  for (const p of [api, worker]) p?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await redis.stop();
  await pgInfo.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
api.on('exit', (code) => stop(code ?? 1));
