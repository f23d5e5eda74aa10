/**
 * Every queue and every job name the system knows. The worker refuses to start when a name here
 * has no handler or a handler names a job that is not here (Immich's start-up check), so a
 * deploy can never leave jobs piling up without anyone to run them.
 */
export const JOB_CATALOGUS = {
  systeem: ['systeem.heartbeat'],
} as const satisfies Record<string, readonly string[]>;

export type QueueNaam = keyof typeof JOB_CATALOGUS;
export type JobNaam = (typeof JOB_CATALOGUS)[QueueNaam][number];

export function queueVoorJob(naam: JobNaam): QueueNaam {
  for (const [queue, namen] of Object.entries(JOB_CATALOGUS)) {
    if ((namen as readonly string[]).includes(naam)) return queue as QueueNaam;
  }
  throw new Error(`job ${naam} is in no queue`);
}

/** Kept completed/failed jobs: enough to debug, bounded so Redis does not grow forever. */
export const BEWAAR_JOBS = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
};
