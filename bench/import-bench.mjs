// Import benchmark (issue 4): the real import of 100,000 toewijzingen through the REST endpoint
// against `psql \copy` of the same rows into the same table. Needs a built API (`npm run build`)
// and builds nothing itself. It starts the built API as a child process on a fresh database,
// generates the CSV, times the upload (HTTP end to end, as a corporatie would), truncates, times
// psql \copy of the same rows (with the kenmerk as the keyed hash the API stores), checks both
// produced identical rows, and prints times and ratio.
//
// Then the load part (issue 10.2, "one upload stalls everyone"): while uploads run, /health/live
// is polled back to back (10 ms pause) and the API process's RSS sampled every 20 ms (VmRSS, and
// VmHWM for the peak); prints p50/p99/max latency and peak RSS per upload:
//   1. the attack: a 2 MB CSV of one million junk rows (refused at the row limit),
//   2. the largest file the limits allow (200,000 valid rows): dry run, then real import.
// Target: /health/live p99 < 100 ms during every upload.
//
//   node bench/import-bench.mjs [--rows 100000] [--runs 3] [--alleen-last] [--geen-last]
//
// Postgres and Redis are found like `npm start` does (DATABASE_URL/REDIS_URL, local, embedded).
/* global FormData */
import { Blob } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import pg from 'pg';
import { resolvePostgres, resolveRedis, ROOT } from '../scripts/lib/local-services.mjs';

const arg = (naam, dflt) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg('rows', 100_000);
const RUNS = arg('runs', 3);
const ALLEEN_LAST = process.argv.includes('--alleen-last');
const GEEN_LAST = process.argv.includes('--geen-last');
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const KENMERK_HASH = path.join(ROOT, 'apps/api/dist/toewijzing/kenmerk-hash.js');
const TOKEN_CLI = path.join(ROOT, 'apps/api/dist/cli/token.js');
if (!fs.existsSync(MAIN) || !fs.existsSync(TOKEN_CLI)) {
  console.error('No built API found (apps/api/dist/main.js). Run `npm run build` first.');
  process.exit(1);
}
if (spawnSync('psql', ['--version']).status !== 0) {
  console.error('psql is not installed (Debian/Ubuntu: apt-get install postgresql-client).');
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-import-bench-'));
const pgService = await resolvePostgres();
const redis = await resolveRedis();
const dbNaam = `tm_bench_import_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(pgService.adminUrl);
  u.pathname = `/${dbNaam}`;
  return u.toString();
})();

async function admin(sql) {
  const c = new pg.Client({ connectionString: pgService.adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

function vrijePoort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

let api;
const opruimen = async () => {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  await admin(`DROP DATABASE IF EXISTS "${dbNaam}" WITH (FORCE)`).catch(() => {});
  await redis.stop();
  await pgService.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
};

try {
  await admin(`CREATE DATABASE "${dbNaam}"`);
  const port = await vrijePoort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl,
    REDIS_URL: redis.url,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEV_OIDC: 'true',
    DEV_OIDC_KEY_FILE: path.join(tmp, 'dev-oidc-key.json'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `tm-bench-${process.pid}`,
    METRICS_PORT: String(await vrijePoort()),
  };
  delete env.OIDC_ISSUER_URL;
  api = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let apiLog = '';
  api.stdout.on('data', (d) => (apiLog += d));
  api.stderr.on('data', (d) => (apiLog += d));
  const basis = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.exitCode !== null) throw new Error(`the API stopped:\n${apiLog}`);
    const ok = await fetch(`${basis}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error(`the API did not start within 60 s:\n${apiLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokenRun = spawnSync(process.execPath, [TOKEN_CLI, 'corporatie.domstad.invoer'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (tokenRun.status !== 0) throw new Error(`token: ${tokenRun.stderr}`);
  const token = tokenRun.stdout.trim();

  // The same 100,000 rows twice: as a corporatie exports them (names, Dutch dates, free text)
  // and as the table's column values for \copy.
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const corporatieId = (await db.query(`SELECT id FROM organisatie WHERE code = 'L0801'`)).rows[0].id;
  const { kenmerkHash, ONTWIKKEL_KENMERK_SLEUTEL } = createRequire(import.meta.url)(KENMERK_HASH);
  const GEMEENTEN = [
    ['Utrecht', 'GM0344'],
    ['GM0356', 'GM0356'],
    ['Stichtse Vecht', 'GM1904'],
  ];
  const GROEPEN = [
    ['statushouders', 'STATUSHOUDERS'],
    ['urgent', 'URGENTEN'],
    ['uitstroom GGZ', 'UITSTROOM_INSTELLINGEN'],
    ['ouderen', 'OUDEREN'],
  ];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const dag0 = Date.UTC(2024, 0, 1);
  const importRegels = ['Contractnummer;Gemeente;Ingangsdatum;Doelgroep;Aantal personen;Segment;Urgentie'];
  const copyRegels = [];
  for (let i = 1; i <= ROWS; i++) {
    const [gNaam, gCode] = GEMEENTEN[Math.floor(rnd() * GEMEENTEN.length)];
    const d = new Date(dag0 + Math.floor(rnd() * 700) * 86_400_000);
    const [jj, mm, dd] = [
      d.getUTCFullYear(),
      String(d.getUTCMonth() + 1).padStart(2, '0'),
      String(d.getUTCDate()).padStart(2, '0'),
    ];
    const r = rnd();
    const [groepTekst, groepCode] =
      r < 0.08
        ? GROEPEN[0]
        : r < 0.14
          ? GROEPEN[1]
          : r < 0.17
            ? GROEPEN[2]
            : r < 0.22
              ? GROEPEN[3]
              : ['', ''];
    const hh = 1 + Math.floor(rnd() * 5);
    const midden = rnd() < 0.1;
    const urgent = groepCode === 'URGENTEN';
    const kenmerk = `HC-${String(i).padStart(7, '0')}`;
    importRegels.push(
      [
        kenmerk,
        gNaam,
        `${dd}-${mm}-${jj}`,
        groepTekst,
        hh,
        midden ? 'middenhuur' : 'sociale huur',
        urgent ? 'ja' : 'nee',
      ].join(';'),
    );
    if (!ALLEEN_LAST) {
      // the API stores the kenmerk as its keyed hash (development key: NODE_ENV=development, no key set)
      const hash = kenmerkHash(ONTWIKKEL_KENMERK_SLEUTEL, corporatieId, kenmerk);
      copyRegels.push(
        [
          corporatieId,
          gCode,
          `${jj}-${mm}-${dd}`,
          groepCode,
          hh,
          midden ? 'MIDDENHUUR' : 'SOCIALE_HUUR',
          urgent ? 't' : 'f',
          hash,
        ].join(','),
      );
    }
  }
  const importCsv = Buffer.from(importRegels.join('\r\n') + '\r\n', 'utf8');
  importRegels.length = 0;
  const copyCsv = path.join(tmp, 'copy.csv');
  fs.writeFileSync(copyCsv, copyRegels.join('\n') + '\n');

  const leeg = () => db.query('TRUNCATE toewijzing, toewijzing_import');
  const controlesom = async () =>
    (
      await db.query(`SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', corporatie_id, gemeente_code, datum, aandachtsgroep,
                        huishoudgrootte, segment, via_urgentie, extern_kenmerk), ',' ORDER BY extern_kenmerk)) AS som FROM toewijzing`)
    ).rows[0];

  async function importeer(dryRun) {
    const form = new FormData();
    form.append('bestand', new Blob([importCsv]), 'toewijzingen.csv');
    const t0 = performance.now();
    const res = await fetch(`${basis}/api/toewijzingen/import?proefrun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (res.status !== (dryRun ? 200 : 201) || body.aantalFouten !== 0 || body.geldig !== ROWS) {
      throw new Error(`import failed (${res.status}): ${JSON.stringify(body).slice(0, 500)}`);
    }
    return ms;
  }

  function copy() {
    const t0 = performance.now();
    const r = spawnSync(
      'psql',
      [
        dbUrl,
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk) FROM '${copyCsv}' WITH (FORMAT csv)`,
      ],
      { encoding: 'utf8' },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
    return ms;
  }

  if (!ALLEEN_LAST) {
    await leeg();
    await importeer(true); // warm-up: JIT, connections, reference cache
    const dry = [];
    const imp = [];
    const cp = [];
    let somImport;
    let somCopy;
    for (let run = 0; run < RUNS; run++) {
      dry.push(await importeer(true));
      await leeg();
      imp.push(await importeer(false));
      somImport = await controlesom();
      await leeg();
      cp.push(copy());
      somCopy = await controlesom();
      await leeg();
    }
    await db.end();
    if (somImport.n !== ROWS || somImport.som !== somCopy.som) {
      throw new Error(`import and \\copy stored different rows: ${JSON.stringify({ somImport, somCopy })}`);
    }

    const mediaan = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `\nToewijzingen import benchmark: ${ROWS.toLocaleString('en')} rows, CSV ${(importCsv.length / 1e6).toFixed(1)} MB, ${RUNS} runs (median)`,
    );
    console.log(
      `  dry run via REST (parse + validate + lookup):   ${f(mediaan(dry))}   [${dry.map(f).join(', ')}]`,
    );
    console.log(
      `  real import via REST (HTTP upload end to end): ${f(mediaan(imp))}   [${imp.map(f).join(', ')}]`,
    );
    console.log(
      `  psql \\copy of the same rows:                   ${f(mediaan(cp))}   [${cp.map(f).join(', ')}]`,
    );
    console.log(
      `  ratio import / \\copy:                          ${(mediaan(imp) / mediaan(cp)).toFixed(2)}×`,
    );
    console.log(`  rows identical after both (md5 over all columns): yes`);
  } else await db.end();

  if (!GEEN_LAST) await lastDeel();

  /** /health/live latency and API memory while `werk` runs. */
  async function tijdens(werk) {
    const lat = [];
    let rss = rssKb();
    let klaar = false;
    const meter = setInterval(() => (rss = Math.max(rss, rssKb())), 20);
    const peiler = (async () => {
      while (!klaar) {
        const t0 = performance.now();
        const r = await fetch(`${basis}/health/live`);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`/health/live answered ${r.status}`);
        lat.push(performance.now() - t0);
        await new Promise((res) => setTimeout(res, 10));
      }
    })();
    await lus(); // prom-client resets its event-loop delay histogram on every scrape
    const t0 = performance.now();
    const uitkomst = await werk();
    const duur = performance.now() - t0;
    klaar = true;
    await peiler;
    clearInterval(meter);
    return { uitkomst, duur, lat, rssMb: rss / 1024, lus: await lus() };
  }

  /**
   * The API's own event-loop delay since the previous scrape (prom-client's monitorEventLoopDelay,
   * 10 ms resolution, on METRICS_PORT): separates time the API thread was blocked from time the
   * machine's scheduler or the network added to /health/live.
   */
  async function lus() {
    const tekst = await (await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`)).text();
    const waarde = (naam) => Number(tekst.match(new RegExp(`^${naam} ([0-9.e+-]+)`, 'm'))?.[1] ?? NaN) * 1000;
    return {
      p99: waarde('nodejs_eventloop_lag_p99_seconds'),
      max: waarde('nodejs_eventloop_lag_max_seconds'),
    };
  }

  function rssKb(veld = 'VmRSS') {
    const m = fs.readFileSync(`/proc/${api.pid}/status`, 'utf8').match(new RegExp(`${veld}:\\s+(\\d+)`));
    return m ? Number(m[1]) : 0;
  }

  async function upload(bestand, naam, dryRun) {
    const form = new FormData();
    form.append('bestand', new Blob([bestand]), naam);
    const res = await fetch(`${basis}/api/toewijzingen/import?proefrun=${dryRun}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  }

  async function lastDeel() {
    const pct = (xs, p) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
    };
    const regel = (naam, m, extra) =>
      console.log(
        `  ${naam.padEnd(44)} ${(m.duur / 1000).toFixed(2).padStart(6)} s   /health/live n=${String(m.lat.length).padStart(4)}  ` +
          `p50 ${pct(m.lat, 0.5).toFixed(1).padStart(5)} ms  p99 ${pct(m.lat, 0.99).toFixed(1).padStart(6)} ms  max ${Math.max(
            ...m.lat,
          )
            .toFixed(1)
            .padStart(6)} ms   ` +
          `API RSS peak ${m.rssMb.toFixed(0)} MB   event-loop delay p99 ${m.lus.p99.toFixed(0)} ms, max ${m.lus.max.toFixed(0)} ms` +
          `${extra ? `   ${extra}` : ''}`,
      );
    const db2 = new pg.Client({ connectionString: dbUrl });
    await db2.connect();
    await db2.query('TRUNCATE toewijzing, toewijzing_import');
    const rustRss = rssKb() / 1024;
    console.log(
      `\nImport under load (issue 10.2): /health/live polled during each upload; API RSS at rest ${rustRss.toFixed(0)} MB`,
    );
    const rust = await tijdens(() => new Promise((r) => setTimeout(r, 2000)));
    regel('idle (2 s, no upload)', rust);

    // the attack of issue 10: one million junk rows, 2 MB
    const junk = Buffer.from('x\n' + '1\n'.repeat(1_000_000));
    const a = await tijdens(() => upload(junk, 'junk.csv', true));
    regel(
      `1,000,000 junk rows (${(junk.length / 1e6).toFixed(1)} MB CSV)`,
      a,
      `HTTP ${a.uitkomst.status}: ${a.uitkomst.body.message}`,
    );

    // the largest file the limits allow: 200,000 valid rows
    const MAX = 200_000;
    const regels = ['Contractnummer;Gemeente;Ingangsdatum;Doelgroep;Aantal personen;Segment;Urgentie'];
    for (let i = 1; i <= MAX; i++) {
      const d = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000);
      const datum = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
      regels.push(
        [
          `LB-${i}`,
          i % 3 ? 'Utrecht' : 'GM0356',
          datum,
          i % 12 ? '' : 'statushouders',
          1 + (i % 5),
          'sociale huur',
          'nee',
        ].join(';'),
      );
    }
    const groot = Buffer.from(regels.join('\r\n'));
    const b = await tijdens(() => upload(groot, 'groot.csv', true));
    regel(
      `${MAX.toLocaleString('en')} valid rows, dry run (${(groot.length / 1e6).toFixed(1)} MB)`,
      b,
      `HTTP ${b.uitkomst.status}`,
    );
    const c = await tijdens(() => upload(groot, 'groot.csv', false));
    regel(
      `${MAX.toLocaleString('en')} valid rows, real import`,
      c,
      `HTTP ${c.uitkomst.status}, ${c.uitkomst.body.nieuw} stored`,
    );
    const n = (await db2.query('SELECT count(*)::int AS n FROM toewijzing')).rows[0].n;
    await db2.end();
    if (a.uitkomst.status !== 422 || b.uitkomst.status !== 200 || c.uitkomst.status !== 201 || n !== MAX) {
      throw new Error(
        `unexpected outcome: ${JSON.stringify({ junk: a.uitkomst.status, dry: b.uitkomst.status, real: c.uitkomst.status, n })}`,
      );
    }
    const p99 = Math.max(...[a, b, c].map((m) => pct(m.lat, 0.99)));
    console.log(
      `  worst p99 of /health/live during an upload: ${p99.toFixed(1)} ms (target < 100 ms: ${p99 < 100 ? 'met' : 'NOT met'})`,
    );
    console.log(`  API peak RSS over the whole run (VmHWM): ${(rssKb('VmHWM') / 1024).toFixed(0)} MB`);
    console.log(
      `  machine load average (1 min) at the end: ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`,
    );
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await opruimen();
}
