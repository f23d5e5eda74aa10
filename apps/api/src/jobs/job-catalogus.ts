/**
 * Every queue and every job name the system knows. The worker refuses to start when a name here
 * has no handler or a handler names a job that is not here (Immich's start-up check), so a
 * deploy can never leave jobs piling up without anyone to run them.
 */
export const JOB_CATALOGUS = {
  systeem: ['systeem.heartbeat'],
  rapportages: ['kwartaalrapportage.planner', 'kwartaalrapportage.gebied'],
  onderhoud: ['toewijzing.bewaartermijn'],
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

/**
 * Recurring jobs. Scheduler ids are fixed strings: every worker upserts the same schedulers at
 * start, so running several workers never multiplies them.
 */
export interface JobSchedulerDefinitie {
  id: string;
  queue: QueueNaam;
  naam: JobNaam;
  herhaling: (config: { reportDeadlineDays: number }) => { every: number } | { pattern: string; tz: string };
}

export const JOB_SCHEDULERS: JobSchedulerDefinitie[] = [
  { id: 'systeem.heartbeat', queue: 'systeem', naam: 'systeem.heartbeat', herhaling: () => ({ every: 30_000 }) },
  {
    // Quarters end on the last day of March, June, September and December, so "N days after the
    // quarter's end" is day N of January, April, July and October, at 06:00 Amsterdam time.
    id: 'kwartaalrapportage.planner',
    queue: 'rapportages',
    naam: 'kwartaalrapportage.planner',
    herhaling: (c) => ({ pattern: `0 6 ${c.reportDeadlineDays} 1,4,7,10 *`, tz: 'Europe/Amsterdam' }),
  },
  {
    // Retention of toewijzing rows (docs/privacy.md): nightly, so a row goes within a day of
    // passing its bound; a run that finds nothing to delete costs one scan of the table.
    id: 'toewijzing.bewaartermijn',
    queue: 'onderhoud',
    naam: 'toewijzing.bewaartermijn',
    herhaling: () => ({ pattern: '15 3 * * *', tz: 'Europe/Amsterdam' }),
  },
];
