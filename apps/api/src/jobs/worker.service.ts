import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Queue, Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { BEWAAR_JOBS, JOB_CATALOGUS, JOB_SCHEDULERS, type QueueNaam } from './job-catalogus';
import { JOB_HANDLER_METADATA, type JobFunctie } from './job-handler';
import { workerConnection } from './redis-connection';
import { metJobLogger } from './job-logger';
import { Metrieken } from '../metrics/metrieken';

/** Collects @JobHandler methods and checks them against the catalogue. Pure, so it is testable. */
export function controleerHandlers(gevonden: Map<string, JobFunctie[]>): string[] {
  const problemen: string[] = [];
  const bekend = new Set(Object.values(JOB_CATALOGUS).flat() as string[]);
  for (const naam of bekend) {
    const n = gevonden.get(naam)?.length ?? 0;
    if (n === 0) problemen.push(`job "${naam}" has no handler`);
    if (n > 1) problemen.push(`job "${naam}" has ${n} handlers`);
  }
  for (const naam of gevonden.keys()) {
    if (!bekend.has(naam)) problemen.push(`handler for unknown job "${naam}" (add it to JOB_CATALOGUS)`);
  }
  return problemen;
}

@Injectable()
export class WorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private connection?: IORedis;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrieken?: Metrieken,
    @Optional() private readonly pino?: PinoLogger,
  ) {}

  /** The process's root pino logger, outside any job (undefined without LoggerModule). */
  private basisLogger() {
    return this.pino?.logger;
  }

  verzamelHandlers(): Map<string, JobFunctie[]> {
    const gevonden = new Map<string, JobFunctie[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const methode of this.scanner.getAllMethodNames(proto)) {
        const naam = this.reflector.get<string>(JOB_HANDLER_METADATA, proto[methode]);
        if (!naam) continue;
        const fn = (instance[methode] as JobFunctie).bind(instance);
        gevonden.set(naam, [...(gevonden.get(naam) ?? []), fn]);
      }
    }
    return gevonden;
  }

  async start(opties: { concurrency?: number } = {}): Promise<void> {
    const handlers = this.verzamelHandlers();
    const problemen = controleerHandlers(handlers);
    if (problemen.length) {
      throw new Error(`Worker start-up check failed:\n${problemen.map((p) => `  - ${p}`).join('\n')}`);
    }
    this.connection = workerConnection(this.config.redisUrl);
    for (const queueNaam of Object.keys(JOB_CATALOGUS) as QueueNaam[]) {
      const worker = new Worker(
        queueNaam,
        // every log line of the job carries its id and the id of the request that asked for it
        (job: Job) =>
          metJobLogger(this.basisLogger(), job, async () => {
            const handler = handlers.get(job.name)?.[0];
            if (!handler) throw new Error(`no handler for job ${job.name}`);
            this.logger.debug(`job ${job.name} ${job.id} started`);
            // duration and failures per queue and job name (metrics/metrieken.ts)
            const stop = this.metrieken?.jobDuur.startTimer({ queue: queueNaam, name: job.name });
            try {
              const uit = await handler(job);
              stop?.({ status: 'completed' });
              this.logger.debug(`job ${job.name} ${job.id} completed`);
              return uit;
            } catch (err) {
              stop?.({ status: 'failed' });
              this.metrieken?.jobFouten.inc({ queue: queueNaam, name: job.name });
              throw err;
            }
          }),
        {
          connection: this.connection,
          prefix: this.config.queuePrefix,
          concurrency: opties.concurrency ?? 2,
          // A killed worker's lock expires and the job is picked up again (stalled-job check).
          lockDuration: this.config.workerLockMs,
          stalledInterval: this.config.workerStalledIntervalMs,
          maxStalledCount: 2,
        },
      );
      worker.on('failed', (job, err) => {
        const melding = () => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`);
        if (job) metJobLogger(this.basisLogger(), job, melding);
        else melding();
      });
      worker.on('error', (err) => this.logger.error(`worker error: ${err.message}`));
      this.workers.push(worker);
    }
    // Deterministic scheduler ids: every worker upserts the same schedulers, so there is one each.
    for (const def of JOB_SCHEDULERS) {
      const queue = new Queue(def.queue, { connection: this.connection, prefix: this.config.queuePrefix });
      this.queues.push(queue);
      await queue.upsertJobScheduler(def.id, def.herhaling(this.config), {
        name: def.naam,
        opts: { ...BEWAAR_JOBS, removeOnComplete: { count: 20 } },
      });
    }
    this.logger.log(
      `worker started: queues ${Object.keys(JOB_CATALOGUS).join(', ')}; ${handlers.size} job handlers`,
    );
  }

  /** Graceful: stop taking new jobs, let running ones finish (BullMQ waits), then disconnect. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    if (!this.workers.length) return;
    this.logger.log(`shutting down worker${signal ? ` (${signal})` : ''}: waiting for running jobs`);
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
    this.connection?.disconnect();
  }
}
