import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JOB_CATALOGUS, type QueueNaam } from '../jobs/job-catalogus';
import { apiConnection } from '../jobs/redis-connection';

/** Seconds: from a fast health check to a slow report export. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
/** BullMQ job states reported as queue depth. */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

/**
 * The Prometheus metrics of one process (API or worker), in a registry of its own: several apps in
 * one test process must not share metrics. Served by MetricsServer on METRICS_PORT.
 * Label values are bounded: routes are express route patterns (never raw URLs), GraphQL operation
 * names are capped (see graphqlOperatie), job names come from JOB_CATALOGUS.
 */
@Injectable()
export class Metrieken implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();

  readonly httpDuur = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuur = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name and type (query, mutation)',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlFouten = new Counter({
    name: 'graphql_operation_errors_total',
    help: 'GraphQL operations that answered with errors, by operation name and error code',
    labelNames: ['operation_name', 'code'] as const,
    registers: [this.registry],
  });

  readonly antwoordCache = new Counter({
    name: 'graphql_answer_cache_total',
    help: 'Voortgang answers served whole from the answer cache (hit) or computed (miss)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuur = new Histogram({
    name: 'bullmq_job_duration_seconds',
    help: 'BullMQ job processing time in this worker, by queue, job name and outcome (completed, failed)',
    labelNames: ['queue', 'name', 'status'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  readonly jobFouten = new Counter({
    name: 'bullmq_job_failures_total',
    help: 'BullMQ job attempts that failed in this worker, by queue and job name',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  private connection?: IORedis;
  private queues?: Map<QueueNaam, Queue>;
  private readonly operatieNamen = new Set<string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    collectDefaultMetrics({ register: this.registry });
    // both gauges are filled by one read per scrape (prom-client collects metrics in parallel)
    const diepte: Gauge<'queue' | 'state'> = new Gauge({
      name: 'bullmq_queue_jobs',
      help: 'Jobs per queue and state, read from Redis at scrape time (the same for every replica: use max())',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: (): Promise<void> => this.lees(diepte, up),
    });
    const up: Gauge = new Gauge({
      name: 'bullmq_redis_up',
      help: '1 when reading the queue depth from Redis succeeded at this scrape',
      registers: [this.registry],
      collect: (): Promise<void> => this.lees(diepte, up),
    });
  }

  private redisOk = false;
  private lezing?: Promise<void>;

  private lees(diepte: Gauge<'queue' | 'state'>, up: Gauge): Promise<void> {
    this.lezing ??= this.leesQueueDiepte(diepte)
      .then(() => up.set(this.redisOk ? 1 : 0))
      .finally(() => (this.lezing = undefined));
    return this.lezing;
  }

  private async leesQueueDiepte(gauge: Gauge<'queue' | 'state'>): Promise<void> {
    gauge.reset();
    try {
      // the API's fail-fast connection: a scrape during a Redis outage answers at once
      this.connection ??= apiConnection(this.config.redisUrl, { lazyConnect: false });
      this.queues ??= new Map(
        (Object.keys(JOB_CATALOGUS) as QueueNaam[]).map((q) => [
          q,
          new Queue(q, { connection: this.connection!, prefix: this.config.queuePrefix }),
        ]),
      );
      for (const [naam, queue] of this.queues) {
        const tellingen = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) gauge.set({ queue: naam, state }, tellingen[state] ?? 0);
      }
      this.redisOk = true;
    } catch (err) {
      if (this.redisOk) this.logger.warn(`queue depth not available: ${(err as Error).message}`);
      this.redisOk = false;
    }
  }

  /**
   * Operation names come from clients: an attacker could send a new name per request and grow the
   * metrics without bound. Names must look like GraphQL names and at most 200 distinct ones are
   * kept (the web app sends a few dozen); the rest count as "other".
   */
  graphqlOperatie(naam: string | null | undefined): string {
    if (!naam) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(naam)) return 'other';
    if (this.operatieNamen.has(naam)) return naam;
    if (this.operatieNamen.size >= 200) return 'other';
    this.operatieNamen.add(naam);
    return naam;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const q of this.queues?.values() ?? []) await q.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}
