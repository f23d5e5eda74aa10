import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobNaam } from './job-catalogus';

export const JOB_HANDLER_METADATA = 'thuismonitor:job-handler';

/** Marks a provider method as the handler of one job name; found by the worker at start-up. */
export const JobHandler = (naam: JobNaam) => SetMetadata(JOB_HANDLER_METADATA, naam);

export type JobFunctie = (job: Job) => Promise<unknown>;
