import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { startTestApp, type TestApp } from './support/test-app';
import { wachtTot } from './support/test-worker';
import { workerConnection } from '../src/jobs/redis-connection';
import { jobLogVelden, metJobLogger } from '../src/jobs/job-logger';

const ROOT = path.resolve(__dirname, '../../..');

/** A pino logger that keeps its lines (parsed) in `regels`. */
function vangendeLogger(regels: Record<string, unknown>[]) {
  const uit = new Writable({
    write(chunk: Buffer, _enc, klaar) {
      for (const r of chunk.toString().split('\n').filter(Boolean)) regels.push(JSON.parse(r));
      klaar();
    },
  });
  return pino({ level: 'debug' }, uit);
}

describe('the request id travels with a report job (issue 15)', () => {
  describe('the job logger', () => {
    it('names the job and the request, and only a plain request id', () => {
      expect(
        jobLogVelden({ id: 'j1', name: 'kwartaalrapportage.gebied', data: { requestId: 'req-1' } }),
      ).toEqual({
        jobName: 'kwartaalrapportage.gebied',
        jobId: 'j1',
        reqId: 'req-1',
      });
      // planner jobs and scheduled jobs: no request
      expect(jobLogVelden({ id: 'j2', name: 'systeem.heartbeat', data: {} })).toEqual({
        jobName: 'systeem.heartbeat',
        jobId: 'j2',
      });
      expect(jobLogVelden({ id: 'j3', name: 'x', data: { requestId: 'a b<script>' } })).not.toHaveProperty(
        'reqId',
      );
    });

    it('every line logged through nestjs-pino while the job runs carries its fields, lines outside do not', async () => {
      const regels: Record<string, unknown>[] = [];
      const basis = vangendeLogger(regels);
      // what Nest's Logger writes through in the worker (app.useLogger(app.get(Logger)))
      const nest = new PinoLogger({ pinoHttp: { level: 'silent' } });
      nest.setContext('RapportageJobs');
      await metJobLogger(
        basis,
        { id: 'j9', name: 'kwartaalrapportage.gebied', data: { requestId: 'req-9' } },
        async () => {
          await new Promise((r) => setTimeout(r, 5));
          nest.info('inside the job');
        },
      );
      nest.info('outside the job');
      expect(regels).toEqual([
        expect.objectContaining({
          msg: 'inside the job',
          reqId: 'req-9',
          jobId: 'j9',
          context: 'RapportageJobs',
        }),
      ]);
    });
  });

  describe('end to end: API request → BullMQ job data → worker log lines', () => {
    let t: TestApp;
    let worker: ChildProcess | undefined;

    beforeAll(async () => {
      // the real built worker (apps/api/dist/worker.js), its stdout being the log
      const build = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
      t = await startTestApp();
    }, 180_000);

    afterAll(async () => {
      worker?.kill('SIGKILL');
      await t?.close();
    });

    it('the requesting request’s X-Request-Id is in the job data and on the worker’s lines for that job', async () => {
      const verbinding = workerConnection(t.config.redisUrl);
      const queue = new Queue('rapportages', { connection: verbinding, prefix: t.config.queuePrefix });
      try {
        const res = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-request-id': 'rapport-aanvraag-15',
            authorization: `Bearer ${await t.token('gemeente.utrecht')}`,
          },
          body: JSON.stringify({
            query: `mutation { vraagKwartaalrapportageAan(gebied: { soort: GEMEENTE, code: "GM0344" }, kwartaal: "2026-Q3") { jobId } }`,
          }),
        });
        const body = (await res.json()) as { data: { vraagKwartaalrapportageAan: { jobId: string } } };
        const jobId = body.data.vraagKwartaalrapportageAan.jobId;
        expect((await queue.getJob(jobId))?.data.requestId).toBe('rapport-aanvraag-15');

        const regels: Record<string, unknown>[] = [];
        let rest = '';
        worker = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/worker.js')], {
          env: {
            ...process.env,
            NODE_ENV: 'test',
            DATABASE_URL: t.config.databaseUrl,
            REDIS_URL: t.config.redisUrl,
            QUEUE_PREFIX: t.config.queuePrefix,
            OIDC_ISSUER_URL: t.config.oidcIssuerUrl,
            LOG_LEVEL: 'debug',
            WORKER_CONCURRENCY: '1',
          },
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        worker.stdout!.on('data', (chunk: Buffer) => {
          const delen = (rest + chunk.toString()).split('\n');
          rest = delen.pop()!;
          for (const d of delen) {
            try {
              regels.push(JSON.parse(d));
            } catch {
              // not a log line
            }
          }
        });
        await wachtTot(
          'report job completed',
          async () => (await (await queue.getJob(jobId))?.getState()) === 'completed',
          120_000,
        );
        await wachtTot('the completion line', async () =>
          regels.some((r) => String(r.msg).includes(`${jobId} completed`)),
        );
        const vanJob = regels.filter((r) => r.jobId === jobId);
        expect(vanJob.map((r) => r.msg)).toEqual(
          expect.arrayContaining([
            `job kwartaalrapportage.gebied ${jobId} started`,
            `job kwartaalrapportage.gebied ${jobId} completed`,
          ]),
        );
        for (const r of vanJob) expect(r.reqId).toBe('rapport-aanvraag-15');
        // lines that are not about a job carry no request id
        expect(regels.filter((r) => r.jobId === undefined && r.reqId !== undefined)).toEqual([]);
      } finally {
        await queue.close();
        verbinding.disconnect();
      }
    }, 240_000);
  });
});
