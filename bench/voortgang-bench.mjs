// Voortgang benchmark (issue 4): the voortgang query over HTTP against the BUILT API on a
// national-scale database (bench/seed-national.mjs), for one gemeente, a provincie and the whole
// country; median and p95 over repeated runs after warm-up, in ms. Timings include HTTP, auth,
// GraphQL and JSON: what a client sees.
//
//   node bench/voortgang-bench.mjs --database-url postgres://…/thuismonitor_bench [--runs 20] [--warmup 3] [--jaar 2025]
//
// Starts `node apps/api/dist/main.js` as a child process with the development OpenID provider and
// gets tokens from `node apps/api/dist/cli/token.js <account>` with the same PUBLIC_URL/PORT.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveRedis, ROOT } from '../scripts/lib/local-services.mjs';

const arg = (naam, dflt) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DATABASE_URL = arg('database-url', process.env.DATABASE_URL);
const RUNS = Number(arg('runs', 20));
const WARMUP = Number(arg('warmup', 3));
const JAAR = Number(arg('jaar', 2025));
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const TOKEN_CLI = path.join(ROOT, 'apps/api/dist/cli/token.js');
if (!DATABASE_URL) {
  console.error('usage: node bench/voortgang-bench.mjs --database-url <url of a seeded database>');
  process.exit(2);
}
if (!fs.existsSync(MAIN)) {
  console.error(
    'No built API found (apps/api/dist/main.js). Run `npm run build` first (or `npm run bench`).',
  );
  process.exit(1);
}

const CEL = 'waarde onderdrukt weergave';
const VOORTGANG = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) {
  gebied { code naam } peildatum verstrekenFractie afgeschermd
  actielijnen { code indicatoren { code taakstelling taakstellingBron realisatie { ${CEL} } percentage status } }
  gemeenten { gemeente { code naam } indicatoren { indicatorCode taakstelling realisatie { ${CEL} } percentage status } } } }`;
const MET_AFSPRAKEN = VOORTGANG.replace(
  /} } } }$/,
  '} }\n  afspraken { afspraakId gemeenteCode indicatorCode doelwaarde realisatie { waarde } percentage status } } }',
);

const GEVALLEN = [
  {
    naam: 'gemeente Utrecht (GM0344), as the gemeente',
    account: 'gemeente.utrecht',
    gebied: { soort: 'GEMEENTE', code: 'GM0344' },
  },
  {
    naam: 'provincie Utrecht (PV26), suppressed',
    account: 'provincie.utrecht',
    gebied: { soort: 'PROVINCIE', code: 'PV26' },
  },
  {
    naam: 'Nederland (LAND), 342 gemeenten, suppressed',
    account: 'bzk.analist',
    gebied: { soort: 'LAND', code: 'NL' },
  },
  {
    naam: 'Nederland + every afspraak (~8,500)',
    account: 'bzk.analist',
    gebied: { soort: 'LAND', code: 'NL' },
    query: MET_AFSPRAKEN,
  },
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-voortgang-bench-'));
const redis = await resolveRedis();
let api;
let apiLog = '';
try {
  const port = await vrijePoort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL: redis.url,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEV_OIDC: 'true',
    DEV_OIDC_KEY_FILE: path.join(tmp, 'dev-oidc-key.json'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `tm-bench-voortgang-${process.pid}`,
  };
  delete env.OIDC_ISSUER_URL;
  api = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  api.stdout.on('data', (d) => (apiLog += d));
  api.stderr.on('data', (d) => (apiLog += d));
  const basis = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.exitCode !== null) throw new Error(`the API stopped:\n${apiLog}`);
    if (
      await fetch(`${basis}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error(`the API did not start within 60 s:\n${apiLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokens = new Map();
  const token = (account) => {
    if (!tokens.has(account)) {
      const r = spawnSync(process.execPath, [TOKEN_CLI, account], { cwd: ROOT, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`token for ${account}: ${r.stderr}`);
      tokens.set(account, r.stdout.trim());
    }
    return tokens.get(account);
  };

  console.log(`voortgang over HTTP, jaar ${JAAR}, ${WARMUP} warm-up + ${RUNS} runs each (ms)`);
  console.log(
    `${'case'.padEnd(48)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}  response`,
  );
  const uitkomst = [];
  for (const geval of GEVALLEN) {
    const body = JSON.stringify({ query: geval.query ?? VOORTGANG, variables: { g: geval.gebied, j: JAAR } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token(geval.account)}` };
    const tijden = [];
    let grootte = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${basis}/graphql`, { method: 'POST', headers, body });
      const tekst = await res.text();
      const ms = performance.now() - t0;
      const json = JSON.parse(tekst);
      if (!res.ok || json.errors) throw new Error(`${geval.naam}: ${res.status} ${tekst.slice(0, 400)}`);
      grootte = tekst.length;
      if (i >= WARMUP) tijden.push(ms);
    }
    tijden.sort((a, b) => a - b);
    const r = {
      geval: geval.naam,
      median: kwantiel(tijden, 0.5),
      p95: kwantiel(tijden, 0.95),
      min: tijden[0],
      max: tijden[tijden.length - 1],
      kb: Math.round(grootte / 1024),
    };
    uitkomst.push(r);
    const f = (x) => x.toFixed(0).padStart(8);
    console.log(`${r.geval.padEnd(48)} ${f(r.median)} ${f(r.p95)} ${f(r.min)} ${f(r.max)}  ${r.kb} kB`);
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(uitkomst, null, 2));
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
} finally {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  await redis.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** nearest-rank quantile of a sorted list */
function kwantiel(gesorteerd, q) {
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil(q * gesorteerd.length) - 1)];
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
