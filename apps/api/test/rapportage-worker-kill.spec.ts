import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import { startTestApp, type TestApp } from './support/test-app';
import { wachtTot } from './support/test-worker';
import { workerConnection } from '../src/jobs/redis-connection';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * A worker process killed with SIGKILL in the middle of a report: nothing half is stored, the job
 * is picked up again by another worker after its lock expires, and exactly one new version exists.
 * Runs the real built worker (apps/api/dist/worker.js) as a separate process.
 */
describe('a killed worker’s report job completes exactly once', () => {
  let t: TestApp;
  const kinderen: ChildProcess[] = [];

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    t = await startTestApp({ WORKER_LOCK_MS: '4000', WORKER_STALLED_INTERVAL_MS: '1000' });
  }, 180_000);

  afterAll(async () => {
    for (const k of kinderen) k.kill('SIGKILL');
    await t?.close();
  });

  function startWorker(): ChildProcess {
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
      OIDC_ISSUER_URL: t.config.oidcIssuerUrl,
      WORKER_LOCK_MS: '4000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: '1',
    };
    const k = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/worker.js')], { env, stdio: 'ignore' });
    kinderen.push(k);
    return k;
  }

  it('SIGKILL during the job: no half report, retried, one version', async () => {
    const verbinding = workerConnection(t.config.redisUrl);
    const queue = new Queue('rapportages', { connection: verbinding, prefix: t.config.queuePrefix });
    try {
      // The national report is the heaviest single job: enough time to kill it while it runs.
      const r = await t.ok(
        'bzk.analist',
        `mutation { vraagKwartaalrapportageAan(gebied: { soort: LAND, code: "NL" }, kwartaal: "2026-Q3") { jobId } }`,
      );
      const jobId = r.vraagKwartaalrapportageAan.jobId;

      const eerste = startWorker();
      await wachtTot(
        'job active in worker 1',
        async () => (await (await queue.getJob(jobId))?.getState()) === 'active',
        60_000,
      );
      eerste.kill('SIGKILL');
      await new Promise((res) => eerste.once('exit', res));

      const { rows: tussen } = await t.db.query(
        `SELECT count(*)::int AS n FROM kwartaalrapportage WHERE gebied_soort = 'LAND'`,
      );
      const { rows: bestanden } = await t.db.query(
        `SELECT count(*)::int AS n FROM kwartaalrapportage_bestand`,
      );
      expect(tussen[0].n).toBe(0);
      expect(bestanden[0].n).toBe(0);

      startWorker();
      await wachtTot(
        'job completed by worker 2',
        async () => (await (await queue.getJob(jobId))?.getState()) === 'completed',
        120_000,
      );
      const { rows } = await t.db.query(
        `SELECT actielijn, count(*)::int AS n, max(versie) AS versie FROM kwartaalrapportage WHERE gebied_soort = 'LAND' GROUP BY actielijn`,
      );
      // one report for the area (every actielijn in it), stored once
      expect(rows.map((x) => [x.actielijn, x.n, x.versie])).toEqual([['ALLE', 1, 1]]);
      const job = await queue.getJob(jobId);
      // the first attempt was lost with the killed worker: the stalled check handed it on
      expect(job?.stalledCounter).toBeGreaterThanOrEqual(1);
      const { rows: b2 } = await t.db.query(`SELECT count(*)::int AS n FROM kwartaalrapportage_bestand`);
      // CSV, XLSX and one PDF of the shared variant (the country has no exact variant)
      expect(b2[0].n).toBe(3);
    } finally {
      await queue.close();
      verbinding.disconnect();
    }
  }, 240_000);
});
