import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';
import { MetricsServer } from '../src/metrics/metrics-server';
import { workerConnection } from '../src/jobs/redis-connection';

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function waarde(tekst: string, naam: string, labels: Record<string, string>): number | undefined {
  for (const regel of tekst.split('\n')) {
    if (!regel.startsWith(`${naam}{`)) continue;
    const binnen = regel.slice(naam.length + 1, regel.lastIndexOf('}'));
    if (Object.entries(labels).every(([k, v]) => binnen.includes(`${k}="${v}"`)))
      return Number(regel.slice(regel.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('operations: Prometheus metrics and request ids (API and worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const metrics = async (app: INestApplicationContext) => (await fetch(app.get(MetricsServer).url)).text();

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('/metrics is on its own listener, not on the public port', async () => {
    const url = new URL(t.app.get(MetricsServer).url);
    expect(url.port).not.toBe(new URL(t.url).port);
    // the public port answers /metrics with the web app (SPA fallback)
    // (or a redirect to PUBLIC_URL's host), never with the metrics
    const publiek = await t.fetch('/metrics', { redirect: 'manual' });
    expect(await publiek.text()).not.toContain('http_request_duration_seconds');
    expect((await fetch(new URL('/anders', url))).status).toBe(404);
  });

  it('after requests: HTTP latency by route pattern and status, GraphQL latency and errors by operation name', async () => {
    await t.gql(
      'gemeente.utrecht',
      'query MijnGemeenten { gemeenten(filter: { provincieCode: "PV26" }) { code } }',
    );
    await t.gql('gemeente.utrecht', 'query KapotteVraag { gemeenten { bestaatNiet } }');
    await t.gql('gemeente.utrecht', `query Te${'x'.repeat(80)} { me { gebruikersnaam } }`);
    expect((await t.fetch('/health/live')).status).toBe(200);
    expect(
      (
        await t.fetch('/api/rapportages/00000000-0000-0000-0000-000000000000/csv', {
          als: 'gemeente.utrecht',
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);

    const tekst = await metrics(t.app);
    expect(tekst).toContain('# TYPE http_request_duration_seconds histogram');
    expect(
      waarde(tekst, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/graphql',
        status_code: '200',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      waarde(tekst, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/health/live',
        status_code: '200',
      }),
    ).toBe(1);
    // the pattern, never the id from the URL
    expect(tekst).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/rapportages\/:id\/:formaat",status_code="4\d\d"\} 1/,
    );
    expect(tekst).not.toContain('00000000-0000-0000-0000-000000000000');

    expect(
      waarde(tekst, 'graphql_operation_duration_seconds_count', {
        operation_name: 'MijnGemeenten',
        operation_type: 'query',
      }),
    ).toBe(1);
    expect(
      waarde(tekst, 'graphql_operation_errors_total', {
        operation_name: 'KapotteVraag',
        code: 'GRAPHQL_VALIDATION_FAILED',
      }),
    ).toBe(1);
    expect(
      waarde(tekst, 'graphql_operation_errors_total', { operation_name: 'MijnGemeenten' }),
    ).toBeUndefined();
    // an over-long (client-chosen) name is not a label value
    expect(tekst).not.toContain('xxxxxxxxxx');
    expect(waarde(tekst, 'graphql_operation_duration_seconds_count', { operation_name: 'other' })).toBe(1);
    // process metrics from prom-client's defaults
    expect(tekst).toContain('process_resident_memory_bytes');
  });

  it('after jobs: the worker reports job durations, failures and queue depth', async () => {
    const connection = workerConnection(t.config.redisUrl);
    const systeem = new Queue('systeem', { connection, prefix: t.config.queuePrefix });
    const rapportages = new Queue('rapportages', { connection, prefix: t.config.queuePrefix });
    try {
      await systeem.add('systeem.heartbeat', {});
      // a report job for a quarter that does not exist: the real handler throws
      await rapportages.add(
        'kwartaalrapportage.gebied',
        { soort: 'GEMEENTE', code: 'GM0344', kwartaal: 'geen-kwartaal' },
        { attempts: 1 },
      );
      const tekst = await wachtTot(
        'job metrics',
        async () => {
          const m = await metrics(worker);
          const klaar =
            waarde(m, 'bullmq_job_duration_seconds_count', {
              queue: 'systeem',
              name: 'systeem.heartbeat',
              status: 'completed',
            }) ?? 0;
          const mislukt =
            waarde(m, 'bullmq_job_failures_total', {
              queue: 'rapportages',
              name: 'kwartaalrapportage.gebied',
            }) ?? 0;
          return klaar >= 1 && mislukt >= 1 ? m : undefined;
        },
        30_000,
      );
      expect(
        waarde(tekst, 'bullmq_job_duration_seconds_count', {
          queue: 'rapportages',
          name: 'kwartaalrapportage.gebied',
          status: 'failed',
        }),
      ).toBe(1);
      expect(waarde(tekst, 'bullmq_queue_jobs', { queue: 'rapportages', state: 'failed' })).toBe(1);
      expect(waarde(tekst, 'bullmq_queue_jobs', { queue: 'rapportages', state: 'waiting' })).toBe(0);
      expect(waarde(tekst, 'bullmq_redis_up', {}) ?? Number(/^bullmq_redis_up (\d)/m.exec(tekst)?.[1])).toBe(
        1,
      );
    } finally {
      await systeem.close();
      await rapportages.close();
      connection.disconnect();
    }
  });

  it('X-Request-Id: a plain incoming id is kept and echoed, otherwise a new one is made', async () => {
    const mee = await t.fetch('/health/live', { headers: { 'x-request-id': 'ingress-1234.abc' } });
    expect(mee.headers.get('x-request-id')).toBe('ingress-1234.abc');
    const zonder = await t.fetch('/health/live');
    expect(zonder.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const vreemd = await t.fetch('/health/live', { headers: { 'x-request-id': 'a b\u00e9<script>' } });
    expect(vreemd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const gql = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'gql-42',
        authorization: `Bearer ${await t.token('gemeente.utrecht')}`,
      },
      body: JSON.stringify({ query: '{ me { gebruikersnaam } }' }),
    });
    expect(gql.headers.get('x-request-id')).toBe('gql-42');
  });
});
