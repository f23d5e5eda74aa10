import type { Job } from 'bullmq';
import type { Logger as Pino } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';

/** What a job's data may carry about the request that asked for it (GebiedJobData.requestId). */
interface MetVerzoek {
  requestId?: unknown;
}

/** Same rule as the HTTP side (logging/logger-opties.ts): only a short plain id goes into logs. */
const GELDIG_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The fields every log line of a job carries: the job, and `reqId` (the key pino-http uses on
 * request lines) when a request asked for the job, so one id leads from the user's request
 * through the API log to the worker that made the report.
 */
export function jobLogVelden(job: Pick<Job, 'id' | 'name' | 'data'>): Record<string, string> {
  const velden: Record<string, string> = { jobName: job.name };
  if (job.id !== undefined) velden.jobId = job.id;
  const reqId = (job.data as MetVerzoek | undefined)?.requestId;
  if (typeof reqId === 'string' && GELDIG_REQUEST_ID.test(reqId)) velden.reqId = reqId;
  return velden;
}

/**
 * Runs `werk` with a pino child logger bound to the job as the logger of its async context, the
 * way nestjs-pino binds a request's logger: every Nest `Logger` line written while the job runs
 * (its handler, the services it calls) carries the job's fields. Without a base logger (no
 * LoggerModule), `werk` just runs.
 */
export function metJobLogger<T>(
  basis: Pino | undefined,
  job: Pick<Job, 'id' | 'name' | 'data'>,
  werk: () => T,
): T {
  if (!basis) return werk();
  return storage.run(new Store(basis.child(jobLogVelden(job))), werk);
}
