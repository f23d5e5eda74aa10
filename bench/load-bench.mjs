// Load benchmark (issue 9, "Speed under load"): the voortgang query under concurrent clients,
// with autocannon against /graphql of the BUILT API on the national seed (bench/seed-national.mjs),
// and the same realisation SQL straight through pg (as the app role, with the same scope settings;
// the owner's row queries for a gemeente, the publication functions for everybody else, as the
// API does) at the same concurrency, for the ratio "what the API costs on top of its SQL".
// Prints, in one run:
//
//   gemeente voortgang (gemeente Utrecht, one year) at 32 concurrent clients   target p95 ≤ 50 ms
//   provincie voortgang (provincie Utrecht)           at  8 concurrent clients   target p95 ≤ 150 ms
//   national voortgang with every afspraak            at  1 client             target      ≤ 1 s
//
//   node bench/load-bench.mjs --database-url postgres://…/thuismonitor_bench [--duur 10] [--jaar 2025]
//                             [--geval gemeente|provincie|land] [--herhaal 2] [--zonder-cache]
//                             [--api-processen 1] [--warmup 3]
//   npm run bench -- --only load
//
// The API runs as one Node process by default. --api-processen N starts N replicas (as
// infra/k8s/api.yaml runs 2), each its own process on its own port with the same database, Redis
// and public URL (as behind a load balancer), the clients spread evenly over them, Node CPU per
// request summed. On this 2-core machine the load generator needs a core of its own, so two
// replicas here compete with it and measure worse than one (docs/decisions.md, session 4); in
// production each replica has its own cores. Before each case's measured run, --warmup
// seconds (default 3) of the same load warm the processes up; those answers are not counted.
//
// The API keeps voortgang answers while the data version is unchanged (VOORTGANG_CACHE,
// voortgang-cache.ts): a repeated question then costs one version read. --zonder-cache starts the
// API with VOORTGANG_CACHE=0, so every request computes (what a first or changed question costs).
// --geval runs only the cases whose name contains the word; --herhaal N runs every case N times
// (each run printed: on a shared machine one run says little). BENCH_API_NODE_ARGS passes extra
// arguments to the API's node process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
//
// Latencies are every response's time (autocannon's 'response' event), so p95 is exact, not
// interpolated from a histogram. Non-2xx answers or GraphQL errors fail the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { resolveRedis, ROOT } from '../scripts/lib/local-services.mjs';

const arg = (naam, dflt) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DATABASE_URL = arg('database-url', process.env.DATABASE_URL);
const DUUR = Number(arg('duur', 10));
const JAAR = Number(arg('jaar', 2025));
const GEVAL = arg('geval', '');
const HERHAAL = Math.max(1, Number(arg('herhaal', 1)));
const ZONDER_CACHE = process.argv.includes('--zonder-cache');
const API_PROCESSEN = Math.max(1, Number(arg('api-processen', 1)));
const WARMUP = Math.max(0, Number(arg('warmup', 3)));
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const TOKEN_CLI = path.join(ROOT, 'apps/api/dist/cli/token.js');
const SQL_MODULE = path.join(ROOT, 'apps/api/dist/voortgang/realisatie-sql.js');
if (!DATABASE_URL) {
  console.error('usage: node bench/load-bench.mjs --database-url <url of a seeded database>');
  process.exit(2);
}
if (!fs.existsSync(MAIN) || !fs.existsSync(SQL_MODULE)) {
  console.error('No built API found (apps/api/dist). Run `npm run build` first (or `npm run bench`).');
  process.exit(1);
}
const sql = createRequire(import.meta.url)(SQL_MODULE);

const CEL = 'waarde onderdrukt weergave';
const VOORTGANG = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) {
  gebied { code naam } peildatum verstrekenFractie afgeschermd
  actielijnen { code indicatoren { code taakstelling taakstellingBron realisatie { ${CEL} } percentage status dekking { gemeenten totaal } } }
  gemeenten { gemeente { code naam } indicatoren { indicatorCode taakstelling realisatie { ${CEL} } percentage status } } } }`;
const MET_AFSPRAKEN = VOORTGANG.replace(
  /} } } }$/,
  '} }\n  afspraken { afspraakId gemeenteCode indicatorCode doelwaarde realisatie { waarde } percentage status } } }',
);

const GEVALLEN = [
  {
    naam: 'gemeente GM0344, 32 clients',
    account: 'gemeente.utrecht',
    organisatie: 'GM0344',
    gebied: { soort: 'GEMEENTE', code: 'GM0344' },
    clients: 32,
    doelP95: 50,
  },
  {
    naam: 'provincie PV26, 8 clients',
    account: 'provincie.utrecht',
    organisatie: 'PV26',
    gebied: { soort: 'PROVINCIE', code: 'PV26' },
    clients: 8,
    doelP95: 150,
  },
  {
    naam: 'land + alle afspraken, 1 client',
    account: 'bzk.analist',
    organisatie: 'BZK',
    gebied: { soort: 'LAND', code: 'NL' },
    clients: 1,
    aantal: 5,
    query: MET_AFSPRAKEN,
    doelP95: 1000,
  },
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-load-bench-'));
const redis = await resolveRedis();
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 40 });
const apis = [];
let apiLog = '';
try {
  const poorten = [];
  for (let i = 0; i < API_PROCESSEN; i++) poorten.push(await vrijePoort());
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL: redis.url,
    PORT: String(poorten[0]),
    // one public address for every replica, as behind a load balancer: tokens name one issuer
    PUBLIC_URL: `http://127.0.0.1:${poorten[0]}`,
    DEV_OIDC: 'true',
    DEV_OIDC_KEY_FILE: path.join(tmp, 'dev-oidc-key.json'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `tm-bench-load-${process.pid}`,
    // the benchmark measures the query, not the rate limiter (one IP, one user per case)
    RATE_LIMIT_IP: '10000000',
    RATE_LIMIT_USER: '10000000',
    VOORTGANG_CACHE: ZONDER_CACHE ? '0' : (process.env.VOORTGANG_CACHE ?? '500'),
  };
  delete env.OIDC_ISSUER_URL;
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const bases = poorten.map((p) => `http://127.0.0.1:${p}`);
  // one after the other: the first migrates and loads the demo data, the others find it done
  for (const [i, port] of poorten.entries()) {
    const api = spawn(process.execPath, [...nodeArgs, MAIN], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    apis.push(api);
    api.stdout.on('data', (d) => (apiLog += d));
    api.stderr.on('data', (d) => (apiLog += d));
    for (let j = 0; ; j++) {
      if (api.exitCode !== null) throw new Error(`API process ${i + 1} stopped:\n${apiLog}`);
      if (
        await fetch(`${bases[i]}/health/live`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (j > 600) throw new Error(`API process ${i + 1} did not start within 60 s:\n${apiLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const token = (account) => {
    const r = spawnSync(process.execPath, [TOKEN_CLI, account], { cwd: ROOT, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`token for ${account}: ${r.stderr}`);
    return r.stdout.trim();
  };

  // the figures mean little on a busy machine: say how busy it was
  const last = os.loadavg().map((x) => x.toFixed(1));
  console.log(
    `load: voortgang jaar ${JAAR}, ${DUUR} s per case after a warm-up (ms), answer cache ${env.VOORTGANG_CACHE === '0' ? 'OFF' : 'on'}, ${API_PROCESSEN} API process(es); ${os.cpus().length} cores, load average ${last.join(' ')}`,
  );
  console.log(
    `${'case'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'n'.padStart(6)}  target`,
  );
  const uitkomst = [];
  for (const geval of GEVALLEN.filter((g) => g.naam.includes(GEVAL)).flatMap((g) => Array(HERHAAL).fill(g))) {
    const body = JSON.stringify({ query: geval.query ?? VOORTGANG, variables: { g: geval.gebied, j: JAAR } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token(geval.account)}` };
    // warm-up and a correctness check: one answer without errors
    for (let i = 0; i < 2 * bases.length; i++) {
      const res = await fetch(`${bases[i % bases.length]}/graphql`, { method: 'POST', headers, body });
      const json = await res.json();
      if (!res.ok || json.errors)
        throw new Error(`${geval.naam}: ${res.status} ${JSON.stringify(json.errors)}`);
    }
    // and WARMUP seconds of the same load, not measured: every API process has compiled its hot
    // paths (V8's JIT) before the clock runs, as a replica that has served for a while has
    if (!geval.aantal && WARMUP > 0)
      await belast(bases, geval, (url, clients) =>
        autocannonRun({ url: `${url}/graphql`, method: 'POST', headers, body }, clients, undefined, WARMUP),
      );
    const pids = apis.map((a) => a.pid);
    const cpu0 = await cpuStand(pids);
    const http = await belast(bases, geval, (url, clients, aantal) =>
      autocannonRun({ url: `${url}/graphql`, method: 'POST', headers, body }, clients, aantal),
    );
    Object.assign(http, cpuPerVraag(cpu0, await cpuStand(pids), http.n));
    const raw = await belastSql(geval);
    const r = { geval: geval.naam, http, sql: raw, doelP95: geval.doelP95 };
    uitkomst.push(r);
    const f = (x) => (x === undefined ? '–' : x.toFixed(1)).padStart(7);
    const gehaald = http.p95 <= geval.doelP95 ? 'ok' : 'MISSED';
    const c = (x) => (x === undefined ? '–' : x.toFixed(2));
    console.log(
      `${('API  ' + geval.naam).padEnd(34)} ${f(http.rps)} ${f(http.p50)} ${f(http.p95)} ${f(http.p99)} ${String(http.n).padStart(6)}  p95 ≤ ${geval.doelP95}: ${gehaald}; CPU/request: Node ${c(http.nodeCpuMs)} ms, Postgres ${c(http.pgCpuMs)} ms`,
    );
    console.log(
      `${('SQL  ' + geval.naam).padEnd(34)} ${f(raw.rps)} ${f(raw.p50)} ${f(raw.p95)} ${f(raw.p99)} ${String(raw.n).padStart(6)}  API/SQL p50 ×${(http.p50 / raw.p50).toFixed(1)}; CPU/request: Postgres ${c(raw.pgCpuMs)} ms`,
    );
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(uitkomst, null, 2));
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
} finally {
  for (const api of apis) {
    if (api.exitCode !== null) continue;
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  await pool.end();
  await redis.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Runs autocannon for DUUR seconds and collects every response time. */
function autocannonRun(opties, clients, aantal, duur = DUUR) {
  return new Promise((resolve, reject) => {
    const tijden = [];
    let fouten = 0;
    const inst = autocannon(
      {
        ...opties,
        connections: clients,
        // the national case is seconds per answer: a fixed number of requests, not a duration
        ...(aantal ? { amount: aantal } : { duration: duur }),
        pipelining: 1,
        timeout: 120,
      },
      (err, res) => {
        if (err) return reject(err);
        if (fouten || res.non2xx || res.errors) {
          return reject(
            new Error(`load run had errors: non2xx ${res.non2xx}, errors ${res.errors}, bad ${fouten}`),
          );
        }
        resolve({ tijden, duurS: res.duration });
      },
    );
    inst.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) fouten++;
      tijden.push(ms);
    });
  });
}

/**
 * The case's clients spread over the API processes (one autocannon per process, all at once);
 * a fixed number of requests (national case) goes to the first process only.
 */
async function belast(bases, geval, run) {
  const delen = geval.aantal
    ? [{ url: bases[0], clients: geval.clients }]
    : bases
        .map((url, i) => ({
          url,
          clients: Math.floor(geval.clients / bases.length) + (i < geval.clients % bases.length ? 1 : 0),
        }))
        .filter((d) => d.clients > 0);
  const runs = await Promise.all(delen.map((d) => run(d.url, d.clients, geval.aantal)));
  return samenvatting(
    runs.flatMap((r) => r.tijden),
    Math.max(...runs.map((r) => r.duurS)),
  );
}

function samenvatting(tijden, duurS) {
  tijden.sort((a, b) => a - b);
  const q = (p) => tijden[Math.min(tijden.length - 1, Math.max(0, Math.ceil(p * tijden.length) - 1))];
  return { n: tijden.length, rps: tijden.length / duurS, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * The same realisation queries the API runs for the case (generated by the built
 * realisatie-sql.js), each "request" in its own transaction as thuismonitor_app with the case's
 * tm.* scope, `clients` at a time for DUUR seconds. For the national case also the afspraken of
 * the vastgestelde prestatieafspraken with their doelwaarden (the rows the API measures).
 */
async function belastSql(geval) {
  const [org] = (await pool.query(`SELECT id, soort FROM organisatie WHERE code = $1`, [geval.organisatie]))
    .rows;
  const gemeenten =
    geval.gebied.soort === 'GEMEENTE'
      ? [geval.gebied.code]
      : geval.gebied.soort === 'PROVINCIE'
        ? (
            await pool.query(`SELECT code FROM gemeente WHERE provincie_code = $1 ORDER BY code`, [
              geval.gebied.code,
            ])
          ).rows.map((r) => r.code)
        : (await pool.query(`SELECT code FROM gemeente ORDER BY code`)).rows.map((r) => r.code);
  const filter = geval.gebied.soort === 'LAND' ? null : gemeenten;
  const scope = geval.gebied.soort === 'LAND' ? '*' : gemeenten.join(',');
  const van = `${JAAR}-01-01`;
  const tot = `${JAAR}-12-31`;
  const q4 = JAAR * 4 + 3;
  const nieuw = sql.nieuwbouwSql();
  const kwartaal = sql.indicatorenVan('KWARTAALCIJFERS');
  const kwartaalCodes = kwartaal.filter((i) => i.aggregatie === 'SOM').map((i) => i.code);
  const standCodes = [
    ...new Set(
      kwartaal.flatMap((i) =>
        i.berekening.soort === 'AANDEEL'
          ? [i.berekening.teller, i.berekening.noemer]
          : i.aggregatie === 'STAND'
            ? [i.code]
            : [],
      ),
    ),
  ];
  const mijlpalen = sql.indicatorenVan('MIJLPAAL').map((i) => i.code);
  // the owner (a gemeente for itself) reads its rows; everybody else the publication functions
  const eigenaar = geval.gebied.soort === 'GEMEENTE' && geval.organisatie === geval.gebied.code;
  const bronnen = eigenaar
    ? [
        // the API reads the owner's whole quarters from its exact base cells (VoortgangService.eigenToewijzingen)
        [
          `SELECT * FROM tm_publicatie_toewijzingen($1::text[], $2::date, $3::date, true)`,
          [filter, van, tot],
        ],
        [sql.KWARTAAL_SOM_SQL, [filter, kwartaalCodes, JAAR * 4, q4, JAAR, JAAR]],
        [sql.KWARTAAL_STAND_SQL, [filter, standCodes, q4, q4 - 3, JAAR, JAAR]],
      ]
    : [
        [
          `SELECT * FROM tm_publicatie_toewijzingen($1::text[], $2::date, $3::date, false)`,
          [filter, van, tot],
        ],
        [`SELECT * FROM tm_publicatie_statushouders($1::text[], $2::date, $3::date)`, [filter, van, tot]],
        [
          `SELECT * FROM tm_publicatie_kwartaalcijfers($1::text[], $2::date, $3::date, $4::text[], false, false)`,
          [filter, van, tot, kwartaalCodes],
        ],
        [
          `SELECT * FROM tm_publicatie_kwartaalcijfers($1::text[], $2::date, $3::date, $4::text[], true, false)`,
          [filter, van, tot, standCodes],
        ],
      ];
  const queries = [
    ...bronnen,
    [nieuw.sql, [filter, van, tot]],
    [sql.mijlpaalSql(filter === null), [filter, mijlpalen, tot, JAAR, JAAR]],
    [
      sql.TAAKSTELLING_SQL,
      [gemeenten, geval.gebied.soort, geval.gebied.code, van, tot, geval.gebied.soort === 'LAND'],
    ],
  ];
  if (geval.query === MET_AFSPRAKEN) {
    queries.push([
      `SELECT a.id, a.indicator_code, a.soort, d.waarde, d.peildatum, p.gemeente_code
       FROM prestatieafspraak p JOIN afspraak a ON a.prestatieafspraak_id = p.id
       LEFT JOIN afspraak_doelwaarde d ON d.afspraak_id = a.id AND d.jaar = $2
       WHERE p.status = 'VASTGESTELD' AND ($1::text[] IS NULL OR p.gemeente_code = ANY($1)) AND p.jaar_van <= $2 AND p.jaar_tot >= $2`,
      [filter, JAAR],
    ]);
  }
  const eenVraag = async (c) => {
    await c.query('BEGIN');
    try {
      await c.query('SET LOCAL ROLE thuismonitor_app');
      await c.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true),
                set_config('tm.gemeenten', $3, true), set_config('tm.taak', '', true)`,
        [org.id, org.soort, scope],
      );
      for (const [tekst, params] of queries) await c.query(tekst, params);
    } finally {
      await c.query('ROLLBACK');
    }
  };
  const tijden = [];
  const verbindingen = await Promise.all(Array.from({ length: geval.clients }, () => pool.connect()));
  await Promise.all(verbindingen.map((c) => eenVraag(c))); // warm-up, outside the timed run
  const cpu0 = await cpuStand(null);
  const einde = performance.now() + DUUR * 1000;
  const t0 = performance.now();
  await Promise.all(
    verbindingen.map(async (c) => {
      try {
        while (geval.aantal ? tijden.length < geval.aantal : performance.now() < einde) {
          const s = performance.now();
          await eenVraag(c);
          tijden.push(performance.now() - s);
        }
      } finally {
        c.release();
      }
    }),
  );
  const duur = (performance.now() - t0) / 1000;
  return { ...samenvatting(tijden, duur), ...cpuPerVraag(cpu0, await cpuStand(null), tijden.length) };
}

/**
 * CPU time (user + system, ms) of the API process and of every Postgres backend connected to the
 * bench database, read from /proc: on a shared machine the latencies depend on what else runs,
 * the CPU a request costs much less. Linux only; elsewhere the columns stay empty.
 */
async function cpuStand(apiPids) {
  const tik = 1000 / 100; // USER_HZ is 100 on Linux
  const lees = (pid) => {
    try {
      const velden = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(velden[11]) + Number(velden[12])) * tik; // utime, stime (fields 14, 15)
    } catch {
      return undefined;
    }
  };
  // only the backends of our own client (the API, or this process for raw SQL): other helpers may
  // use the same database meanwhile (a report bench, tests)
  const poorten = new Set((apiPids ?? [process.pid]).flatMap((pid) => [...eigenPoorten(pid)]));
  const { rows } = await pool.query(
    `SELECT pid, client_port FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const eigen = rows.filter((r) => poorten.has(r.client_port));
  const api = apiPids?.map(lees);
  return {
    api: api && !api.includes(undefined) ? api.reduce((a, b) => a + b, 0) : undefined,
    pg: new Map(eigen.map((r) => [r.pid, lees(r.pid)])),
  };
}

/** Local TCP ports of the sockets process `pid` holds (Linux /proc), to recognise its backends. */
function eigenPoorten(pid) {
  const poorten = new Set();
  try {
    const inodes = new Set();
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      const doel = (() => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      })();
      const m = /^socket:\[(\d+)\]$/.exec(doel);
      if (m) inodes.add(m[1]);
    }
    for (const bestand of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(bestand)) continue;
      for (const regel of fs.readFileSync(bestand, 'utf8').split('\n').slice(1)) {
        const v = regel.trim().split(/\s+/);
        if (v.length > 9 && inodes.has(v[9])) poorten.add(parseInt(v[1].split(':')[1], 16));
      }
    }
  } catch {
    // not Linux: no CPU columns
  }
  return poorten;
}

function cpuPerVraag(voor, na, n) {
  if (!n || na.pg.size === 0 || [...na.pg.values()].some((x) => x === undefined)) return {};
  let pg = 0;
  for (const [pid, ms] of na.pg) pg += ms - (voor.pg.get(pid) ?? 0); // a backend started mid-run: all of it
  return {
    nodeCpuMs: voor.api !== undefined && na.api !== undefined ? (na.api - voor.api) / n : undefined,
    pgCpuMs: pg / n,
  };
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
