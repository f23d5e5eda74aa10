// Quarterly report benchmark (issues 5 and 11): on a national-scale database (bench/seed-national.mjs)
// runs the full quarterly run through the real, built worker — every gemeente, woningmarktregio,
// provincie and the country, one report per area with every actielijn in it, CSV + XLSX + tagged
// PDF for every variant a user can download — and, in the same run, the raw SQL aggregates that
// run needs, issued directly with pg. Prints the wall time, the ratio wall ÷ raw SQL of the same
// run, where the time went inside the jobs, and the peak memory of the worker's whole process
// tree (Node and every Chromium process under it), sampled from /proc.
//
//   node bench/rapportage-bench.mjs --database-url postgres://…/thuismonitor_bench [--kwartaal 2025-Q4]
//        [--provincies PV24,PV26] [--extra LAND:NL,WONINGMARKTREGIO:WR01]
//
// A subset (--provincies: those provincies and their gemeenten through the planner; --extra: single
// areas of any kind, queued beside it) is for iterating: the bench prints the cost per area kind
// and per phase, and extrapolates the wall time to the full run from the per-kind job times.
//
// Each run uses a fresh BullMQ prefix, so it always runs (deterministic job ids would otherwise
// recognise the quarter as already done); reports are stored as new versions.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { resolveRedis, ROOT } from '../scripts/lib/local-services.mjs';

const require = createRequire(import.meta.url);
const { Queue, QueueEvents } = require('bullmq');
const IORedis = require('ioredis');
const arg = (naam, dflt) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DATABASE_URL = arg('database-url', process.env.DATABASE_URL);
const KWARTAAL = arg('kwartaal', '2025-Q4');
const PROVINCIES = arg('provincies', '') ? arg('provincies').split(',') : null;
const EXTRA = arg('extra', '')
  ? arg('extra')
      .split(',')
      .map((x) => x.split(':'))
  : [];
const ALLEEN_SQL = process.argv.includes('--alleen-sql');
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 2);
const WORKER = path.join(ROOT, 'apps/api/dist/worker.js');
if (!DATABASE_URL || !fs.existsSync(WORKER)) {
  console.error('usage: node bench/rapportage-bench.mjs --database-url <seeded db>   (after npm run build)');
  process.exit(2);
}
const domain = require(path.join(ROOT, 'libs/domain/dist/index.js'));
const sqlDefs = require(path.join(ROOT, 'apps/api/dist/voortgang/realisatie-sql.js'));

const redis = await resolveRedis();
const prefix = `bench-rapportage-${Date.now()}`;
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });

// ---- the areas of the run (the same query the planner uses, via the built code)
const { alleGebieden } = require(path.join(ROOT, 'apps/api/dist/rapportage/rapportage-gebied.js'));
const lezer = { query: (sql, p) => db.query(sql, p).then((r) => r.rows) };
const alle = await alleGebieden(lezer, {});
const gepland = PROVINCIES ? await alleGebieden(lezer, { provincies: PROVINCIES }) : alle;
const extra = EXTRA.map(([soort, code]) => {
  const g = alle.find((x) => x.soort === soort && x.code === code);
  if (!g) throw new Error(`--extra ${soort}:${code}: no such area`);
  return g;
});
const gebieden = [...gepland, ...extra.filter((g) => !gepland.includes(g))];
const volledig = alle.reduce((t, g) => ({ ...t, [g.soort]: (t[g.soort] ?? 0) + 1 }), {});
const telling = gebieden.reduce((t, g) => ({ ...t, [g.soort]: (t[g.soort] ?? 0) + 1 }), {});
console.log(
  `[rapportage] ${KWARTAAL}: ${gebieden.length} areas ${JSON.stringify(telling)}, one report each (all actielijnen), CSV+XLSX+PDF per variant`,
);

// ---- 1. raw SQL aggregates the run needs: per area the voortgang aggregates for year-to-date,
// this quarter and the previous quarter, the targets, statushouders per half year, and for the
// country the 12 provincies year-to-date.
async function rauweSql() {
  const k = domain.parseKwartaal(KWARTAAL);
  const einde = domain.kwartaalEinde(k);
  const perioden = [
    domain.maakPeriode(`${k.jaar}-01-01`, einde),
    domain.periodeVoorKwartaal(k),
    domain.periodeVoorKwartaal(domain.vorigKwartaal(k)),
  ];
  const kwartaalInd = domain.INDICATOR_CATALOGUS.filter((i) => i.bron === 'KWARTAALCIJFERS');
  const somCodes = kwartaalInd.filter((i) => i.aggregatie === 'SOM').map((i) => i.code);
  const standCodes = [
    ...new Set(
      kwartaalInd.flatMap((i) =>
        i.berekening.soort === 'AANDEEL'
          ? [i.berekening.teller, i.berekening.noemer]
          : i.aggregatie === 'STAND'
            ? [i.code]
            : [],
      ),
    ),
  ];
  const mijlpalen = domain.INDICATOR_CATALOGUS.filter((i) => i.bron === 'MIJLPAAL').map((i) => i.code);
  const q = (sql, p) => db.query(sql, p);
  const voortgangSql = async (g, periode) => {
    const filter = g.soort === 'LAND' ? null : g.gemeenten;
    const peil = domain.peildatum(periode, einde);
    for (const bron of [sqlDefs.toewijzingenSql(), sqlDefs.nieuwbouwSql()])
      await q(bron.sql, [filter, periode.van, periode.tot]);
    const kw = domain.kwartalenBinnenPeriode(periode);
    if (kw)
      await q(sqlDefs.KWARTAAL_SOM_SQL, [
        filter,
        somCodes,
        domain.kwartaalVolgnummer(kw.van),
        domain.kwartaalVolgnummer(kw.tot),
        kw.van.jaar,
        kw.tot.jaar,
      ]);
    const laatste = domain.laatsteAfgeslotenKwartaal(peil);
    const oudste = domain.oudsteGeldigeStandKwartaal(peil);
    await q(sqlDefs.KWARTAAL_STAND_SQL, [
      filter,
      standCodes,
      domain.kwartaalVolgnummer(laatste),
      domain.kwartaalVolgnummer(oudste),
      oudste.jaar,
      laatste.jaar,
    ]);
    await q(sqlDefs.mijlpaalSql(filter === null), [
      filter,
      mijlpalen,
      peil,
      Number(periode.van.slice(0, 4)),
      Number(periode.tot.slice(0, 4)),
    ]);
    await q(sqlDefs.TAAKSTELLING_SQL, [
      g.gemeenten,
      g.soort,
      g.code,
      periode.van,
      periode.tot,
      g.soort === 'LAND',
    ]);
  };
  const t0 = performance.now();
  for (const g of gebieden) {
    for (const p of perioden) await voortgangSql(g, p);
    await q(
      `SELECT gemeente_code, (extract(year FROM datum)::int * 2 + CASE WHEN extract(month FROM datum) > 6 THEN 1 ELSE 0 END) AS hj,
              sum(huishoudgrootte)::int FROM toewijzing
       WHERE aandachtsgroep = 'STATUSHOUDERS' AND gemeente_code = ANY($1) AND datum BETWEEN $2 AND $3 GROUP BY 1, 2`,
      [g.gemeenten, `${k.jaar}-01-01`, einde],
    );
    if (g.soort === 'LAND') {
      for (const p of gebieden.filter((x) => x.soort === 'PROVINCIE')) await voortgangSql(p, perioden[0]);
    }
  }
  return performance.now() - t0;
}

// ---- 2. the full run through the real worker
function startWorker() {
  // BENCH_WORKER_NODE_ARGS: extra node flags for the worker, e.g. '--cpu-prof --cpu-prof-dir=/tmp/p'
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, WORKER], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEV_OIDC: 'true',
      DATABASE_URL,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      DATABASE_POOL_SIZE: '4',
    },
  });
}

/**
 * Peak memory of the worker's whole process tree: every process whose parent chain leads to the
 * worker (Chromium's browser, zygotes, renderers and GPU/utility processes included), found by
 * scanning /proc for parent ids. Summed two ways: RSS (counts pages shared between Chromium's
 * processes once per process, so it overstates) and PSS (shared pages divided among the sharers:
 * the tree's real share of memory).
 */
function procStatus(pid, veld) {
  try {
    return (
      Number(new RegExp(`${veld}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024
    );
  } catch {
    return 0;
  }
}
function pss(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]) * 1024;
  } catch {
    return 0;
  }
}
function boom(wortel) {
  const ouder = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      ouder.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const uit = [wortel];
  for (let i = 0; i < uit.length; i++) for (const [p, pp] of ouder) if (pp === uit[i]) uit.push(p);
  return uit;
}

async function volledigeRun() {
  const worker = startWorker();
  const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue('rapportages', { connection, prefix });
  // Completed jobs are trimmed (BEWAAR_JOBS keeps 1,000): collect each job's timings as it completes.
  const eventsVerbinding = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const events = new QueueEvents('rapportages', { connection: eventsVerbinding, prefix });
  const som = {};
  const perSoort = {}; // area kind -> { n, ms: { phase: sum } }
  let jobs = 0;
  events.on('completed', ({ returnvalue }) => {
    const r = typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue;
    if (!r?.ms) return;
    jobs++;
    for (const [k, v] of Object.entries(r.ms)) som[k] = (som[k] ?? 0) + v;
    const ps = (perSoort[r.soort ?? '?'] ??= { n: 0, ms: {} });
    ps.n++;
    for (const [k, v] of Object.entries(r.ms)) ps.ms[k] = (ps.ms[k] ?? 0) + v;
  });
  await events.waitUntilReady();
  let piekBoom = 0;
  let piekPss = 0;
  let piekProcessen = 0;
  let piekVerdeling = '';
  const soort = (pid) => {
    if (pid === worker.pid) return 'node';
    try {
      // Chromium rewrites its command line into one space-separated string
      const arg = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      return (
        (arg.find((a) => a.startsWith('--type=')) ?? '--type=browser').slice(7) +
        (arg.find((a) => a.startsWith('--utility-sub-type='))
          ? `:${
              arg
                .find((a) => a.startsWith('--utility-sub-type='))
                .slice(19)
                .split('.')[0]
            }`
          : '')
      );
    } catch {
      return '?';
    }
  };
  // CPU time of the tree (user + system, per process its last value seen; a process that ended
  // between samples loses at most its last half second): what the run costs the machine,
  // independent of how much other work shares it. Postgres' own CPU is not in it.
  const cpuTicks = new Map();
  const cpuSoort = new Map();
  const meter = setInterval(() => {
    const pids = boom(worker.pid);
    for (const p of pids) {
      try {
        const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuTicks.set(p, Number(f[11]) + Number(f[12]));
        if (!cpuSoort.has(p)) cpuSoort.set(p, soort(p));
      } catch {
        /* gone */
      }
    }
    piekProcessen = Math.max(piekProcessen, pids.length);
    piekBoom = Math.max(
      piekBoom,
      pids.reduce((s, p) => s + procStatus(p, 'VmRSS'), 0),
    );
    const perPid = pids.map((p) => [p, pss(p)]);
    const totaal = perPid.reduce((s, [, b]) => s + b, 0);
    if (totaal > piekPss) {
      piekPss = totaal;
      piekVerdeling = perPid
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([p, b]) => `${soort(p)} ${mb(b)}`)
        .join(', ');
    }
  }, 500);
  try {
    await new Promise((r) => setTimeout(r, 3000)); // worker start-up (module graph, handler check)
    const t0 = performance.now();
    const start = new Date();
    await queue.add('kwartaalrapportage.planner', {
      kwartaal: KWARTAAL,
      provincies: PROVINCIES ?? undefined,
    });
    for (const g of extra.filter((x) => !gepland.includes(x)))
      await queue.add('kwartaalrapportage.gebied', {
        soort: g.soort,
        code: g.code,
        kwartaal: KWARTAAL,
        aangevraagdDoor: 'planner',
        organisatieId: null,
      });
    const verwacht = gebieden.length; // one report per area
    for (;;) {
      const c = await queue.getJobCounts('failed');
      if (c.failed) {
        const mislukt = await queue.getFailed(0, 4);
        for (const j of mislukt) console.error(`[rapportage] job ${j.name} ${JSON.stringify(j.data)} failed: ${j.failedReason}`);
        throw new Error(`${c.failed} report jobs failed`);
      }
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM kwartaalrapportage WHERE aangevraagd_door = 'planner' AND gemaakt_op >= $1`,
        [start],
      );
      if (rows[0].n >= verwacht) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const wall = performance.now() - t0;
    const hwm = procStatus(worker.pid, 'VmHWM');
    const cpuS = [...cpuTicks.values()].reduce((t, x) => t + x, 0) / 100; // USER_HZ 100 on Linux
    const cpuPerSoort = {};
    for (const [p, t] of cpuTicks)
      cpuPerSoort[cpuSoort.get(p)] = (cpuPerSoort[cpuSoort.get(p)] ?? 0) + t / 100;
    await new Promise((r) => setTimeout(r, 1000)); // last completion events
    return {
      wall,
      cpuS,
      cpuPerSoort,
      hwm,
      piekBoom,
      piekPss,
      piekProcessen,
      piekVerdeling,
      jobs,
      som,
      perSoort,
      start,
    };
  } finally {
    clearInterval(meter);
    worker.kill('SIGTERM');
    await queue.obliterate({ force: true }).catch(() => undefined);
    // the worker registers its maintenance and heartbeat schedulers under the run's prefix too:
    // leave nothing behind
    for (const naam of ['onderhoud', 'systeem']) {
      const q = new Queue(naam, { connection, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await queue.close();
    await events.close();
    eventsVerbinding.disconnect(); // a passed-in connection is not closed by BullMQ (kept the process alive)
    connection.disconnect();
  }
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
try {
  await rauweSql(); // warm the cache like the run will find it
  const sqlMs = await rauweSql();
  if (ALLEEN_SQL) {
    console.log(`[rapportage] raw SQL aggregates of the run (sequential, warm):  ${s(sqlMs)}`);
    process.exit(0);
  }
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const run = await volledigeRun();
  const { rows } = await db.query(
    `SELECT b.formaat, b.variant, count(*)::int AS n, sum(octet_length(b.inhoud))::bigint AS bytes
    FROM kwartaalrapportage_bestand b JOIN kwartaalrapportage r ON r.id = b.rapportage_id
    WHERE r.aangevraagd_door = 'planner' AND r.gemaakt_op >= $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [run.start],
  );
  const bestanden = rows.reduce((t, r) => t + r.n, 0);
  const bytes = rows.reduce((t, r) => t + Number(r.bytes), 0);
  console.log(`[rapportage] raw SQL aggregates of the run (sequential, warm):  ${s(sqlMs)}`);
  console.log(
    `[rapportage] full quarterly run, wall time:                     ${s(run.wall)}  (${run.jobs} area jobs, concurrency 2; aim ≤ 300 s)`,
  );
  console.log(
    `[rapportage]   CPU time of the worker's process tree (Node + Chromium): ${run.cpuS.toFixed(0)} s, i.e. at least ${(run.cpuS / os.cpus().length).toFixed(0)} s of wall time on ${os.cpus().length} otherwise idle cores (${Object.entries(
      run.cpuPerSoort,
    )
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
      .join(', ')})`,
  );
  console.log(
    `[rapportage]   inside the jobs (summed over jobs): figures ${s(run.som.cijfers ?? 0)} (of which waiting on SQL ${s(run.som.sql ?? 0)}), file rendering ${s(run.som.bestanden ?? 0)}, storing ${s(run.som.opslag ?? 0)}`,
  );
  // per area kind and phase, average per job; rendering phases are summed over the variants of a
  // report, which render side by side (so they can add up to more than the job's time)
  const fasen = ['job', 'cijfers', 'sql', 'html', 'pdfWacht', 'pdf', 'xlsx', 'csv', 'opslag'];
  console.log(
    `[rapportage]   per area kind, ms per job: ${'kind'.padEnd(17)}${'jobs'.padStart(5)}${fasen.map((f) => f.padStart(9)).join('')}`,
  );
  for (const [soort, ps] of Object.entries(run.perSoort)) {
    console.log(
      `[rapportage]                              ${soort.padEnd(17)}${String(ps.n).padStart(5)}${fasen.map((f) => String(Math.round((ps.ms[f] ?? 0) / ps.n)).padStart(9)).join('')}`,
    );
  }
  if (PROVINCIES || EXTRA.length) {
    // the full run's work from the measured job time per kind, scaled by this run's wall per job-ms
    const jobMs = (soort) => run.perSoort[soort].ms.job / run.perSoort[soort].n;
    const gemeten = Object.keys(volledig).filter((k) => run.perSoort[k]);
    const ontbreekt = Object.keys(volledig).filter((k) => !run.perSoort[k]);
    const hier = gemeten.reduce((t, k) => t + run.perSoort[k].ms.job, 0);
    const daar = gemeten.reduce((t, k) => t + volledig[k] * jobMs(k), 0);
    console.log(
      `[rapportage]   subset: extrapolated full run ≈ ${s((run.wall * daar) / hier)} for ${gemeten.map((k) => `${volledig[k]} ${k}`).join(', ')}${ontbreekt.length ? ` (not measured, left out: ${ontbreekt.map((k) => `${volledig[k]} ${k}`).join(', ')})` : ''}; job-ms summed ${s(hier)} over wall ${s(run.wall)}`,
    );
  }
  console.log(
    `[rapportage]   files written: ${bestanden} (${mb(bytes)}): ${rows.map((r) => `${r.formaat}/${r.variant} ${r.n}`).join(', ')}`,
  );
  console.log(
    `[rapportage] ratio wall / raw SQL of the same run:              ${(run.wall / sqlMs).toFixed(1)}×`,
  );
  console.log(
    `[rapportage] peak memory of the worker's process tree (Node + Chromium, up to ${run.piekProcessen} processes): PSS ${mb(run.piekPss)}, RSS sum ${mb(run.piekBoom)} (aim ≤ 1 GB); Node alone ${mb(run.hwm)} (VmHWM)`,
  );
  console.log(`[rapportage]   at the peak, largest processes (PSS): ${run.piekVerdeling}`);
  console.log(
    `[rapportage] machine: ${os.cpus().length} cores, load average before the run ${load} (shared machine: other work inflates these figures)`,
  );
} finally {
  await db.end();
  await redis.stop();
}
