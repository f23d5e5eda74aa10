import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler } from './job-handler';
import { WorkerStatus } from './worker-status';
import { Klok } from '../common/klok';

/**
 * Every worker schedules this every 30 s; running it records that a worker is alive, so
 * operators (and /health/ready) can tell "queue fine, nobody working" from "all well".
 */
@Injectable()
export class SysteemHeartbeatHandler {
  constructor(
    private readonly status: WorkerStatus,
    private readonly klok: Klok,
  ) {}

  @JobHandler('systeem.heartbeat')
  async heartbeat(_job: Job): Promise<{ tijdstip: string }> {
    const tijdstip = this.klok.nu().toISOString();
    await this.status.registreer(tijdstip);
    return { tijdstip };
  }
}
