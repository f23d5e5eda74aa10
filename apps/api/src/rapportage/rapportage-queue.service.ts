import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { FlowProducer, Queue, type FlowJob, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { BEWAAR_JOBS } from '../jobs/job-catalogus';
import { apiConnection } from '../jobs/redis-connection';
import { GebruikersFout } from '../common/fouten';
import type { GebiedSoort } from '@thuismonitor/domain';
import type { RapportageGebied } from './rapportage-gebied';

export interface GebiedJobData {
  soort: GebiedSoort;
  code: string;
  kwartaal: string;
  aangevraagdDoor: string;
  organisatieId: string | null;
  /** the id of the request that asked for the report (X-Request-Id): on the worker's log lines of the job */
  requestId?: string;
}

export interface PlannerJobData {
  kwartaal?: string;
  provincies?: string[];
}

/** Retries with exponential backoff: 5 attempts over about 2.5 minutes. */
const POGINGEN = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } } as const;

/**
 * One deterministic id per area, quarter and kind of request: asking twice cannot run twice.
 * (BullMQ reserves ':' in ids for its keys, hence the dots.)
 */
export function rapportJobId(soort: GebiedSoort, code: string, kwartaal: string, aanleiding: string): string {
  return `kwartaalrapportage.${soort}.${code}.${kwartaal}.${aanleiding}`;
}

const ACTIEF = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The API/planner side of the report queue. Uses a fail-fast Redis connection: when Redis is down
 * a report request gets a clear Dutch error at once while every read keeps working.
 */
@Injectable()
export class RapportageQueue implements OnModuleDestroy {
  private readonly logger = new Logger(RapportageQueue.name);
  private readonly connection: IORedis;
  readonly queue: Queue;
  private readonly flow: FlowProducer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // BullMQ initialises its connection (INFO, version check) on its own schedule, so commands
    // must be allowed to wait for the connection; failing fast is done by metRedis' timeout.
    this.connection = apiConnection(config.redisUrl, { enableOfflineQueue: true });
    this.connection.on('error', (err) => this.logger.debug(`redis: ${err.message}`));
    this.queue = new Queue('rapportages', { connection: this.connection, prefix: config.queuePrefix });
    this.flow = new FlowProducer({ connection: this.connection, prefix: config.queuePrefix });
    // An EventEmitter 'error' without a listener would crash the process: Redis being away is
    // an expected state for the API (reads go on), so it is logged, not thrown.
    this.queue.on('error', (err) => this.logger.warn(`report queue: ${err.message}`));
    this.flow.on('error', (err) => this.logger.warn(`report flow producer: ${err.message}`));
  }

  private async metRedis<T>(werk: () => Promise<T>): Promise<T> {
    try {
      return await Promise.race([
        werk(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('redis timeout')), 3000)),
      ]);
    } catch (err) {
      if (err instanceof GebruikersFout) throw err;
      this.logger.warn(`report queue unavailable: ${(err as Error).message}`);
      throw new GebruikersFout(
        'NIET_BESCHIKBAAR',
        'De rapportagedienst is tijdelijk niet bereikbaar. Bestaande rapportages kunt u gewoon inzien; probeer het aanvragen later opnieuw.',
        undefined,
        503,
      );
    }
  }

  /** On demand: returns the running job when there is one, else starts a new one (a new version). */
  async vraagAan(data: GebiedJobData): Promise<Job> {
    const id = rapportJobId(data.soort, data.code, data.kwartaal, 'op-verzoek');
    return this.metRedis(async () => {
      const bestaand = await this.queue.getJob(id);
      if (bestaand) {
        const staat = await bestaand.getState();
        if (ACTIEF.has(staat)) return bestaand;
        await bestaand.remove().catch(() => undefined); // finished: a new request makes a new version
      }
      // If two requests race past the check, BullMQ keeps one job per id.
      return this.queue.add('kwartaalrapportage.gebied', data, { jobId: id, ...POGINGEN, ...BEWAAR_JOBS });
    });
  }

  async job(id: string): Promise<Job | undefined> {
    return this.metRedis(async () => (await this.queue.getJob(id)) ?? undefined);
  }

  /**
   * The quarterly run as one flow: gemeente reports are children of their provincie's, provincies
   * and regio's children of the national one, so parents are built after their parts.
   */
  async startKwartaalFlow(
    kwartaal: string,
    gebieden: RapportageGebied[],
    aanleiding: string,
  ): Promise<string> {
    const maak = (g: RapportageGebied, children?: FlowJob[]): FlowJob => ({
      name: 'kwartaalrapportage.gebied',
      queueName: 'rapportages',
      data: {
        soort: g.soort,
        code: g.code,
        kwartaal,
        aangevraagdDoor: 'planner',
        organisatieId: null,
      } satisfies GebiedJobData,
      opts: { jobId: rapportJobId(g.soort, g.code, kwartaal, aanleiding), ...POGINGEN, ...BEWAAR_JOBS },
      children,
    });
    const gemeentenPerProvincie = new Map<string, RapportageGebied[]>();
    for (const g of gebieden.filter((x) => x.soort === 'GEMEENTE')) {
      gemeentenPerProvincie.set(g.provincieCode!, [
        ...(gemeentenPerProvincie.get(g.provincieCode!) ?? []),
        g,
      ]);
    }
    const provincies = gebieden
      .filter((g) => g.soort === 'PROVINCIE')
      .map((p) =>
        maak(
          p,
          (gemeentenPerProvincie.get(p.code) ?? []).map((g) => maak(g)),
        ),
      );
    const regios = gebieden.filter((g) => g.soort === 'WONINGMARKTREGIO').map((r) => maak(r));
    const land = gebieden.find((g) => g.soort === 'LAND');
    const wortels = land ? [maak(land, [...provincies, ...regios])] : [...provincies, ...regios];
    await this.metRedis(() => this.flow.addBulk(wortels));
    return land
      ? rapportJobId('LAND', land.code, kwartaal, aanleiding)
      : wortels.map((w) => w.opts!.jobId).join(',');
  }

  async onModuleDestroy(): Promise<void> {
    // BullMQ sets up its connection wrappers in the background and reports a failure of that
    // set-up as an 'error' event, which close() has already unsubscribed from: an app closed right
    // after it started (a short test, a quick restart) would crash on "Connection is closed".
    // Let the set-up settle first (bounded, so a Redis outage does not hold up the shutdown).
    const klaar = (p: Promise<unknown>) =>
      Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    await Promise.all([klaar(this.queue.waitUntilReady()), klaar(this.flow.waitUntilReady())]);
    await Promise.allSettled([this.queue.close(), this.flow.close()]);
    this.connection.disconnect();
  }
}
