import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { bewaarGrens } from '@thuismonitor/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { JobHandler } from '../jobs/job-handler';
import { pasBewaartermijnToe } from './toewijzing-import.repository';

export interface BewaartermijnResultaat {
  grens: string;
  verwijderd: number;
}

/**
 * The retention rule for toewijzing rows (docs/privacy.md): every night the rows dated before
 * bewaarGrens(today, TOEWIJZING_BEWAAR_JAREN) are deleted. Through the one database function that
 * may do so (tm_toewijzing_bewaartermijn, migration 1764200000000), in a job transaction named
 * 'bewaartermijn'. Published quarter figures stay: the function keeps the publication's base
 * cells as they were, only the row detail goes. Safe to run twice (the second run finds nothing).
 */
@Injectable()
export class BewaartermijnHandler {
  private readonly logger = new Logger(BewaartermijnHandler.name);

  constructor(
    private readonly db: ScopedDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly klok: Klok,
  ) {}

  @JobHandler('toewijzing.bewaartermijn')
  async handle(_job?: Job): Promise<BewaartermijnResultaat> {
    return this.pasToe(this.klok.vandaag());
  }

  async pasToe(vandaag: string): Promise<BewaartermijnResultaat> {
    const grens = bewaarGrens(vandaag, this.config.toewijzingBewaarJaren);
    const systeem = await this.db.systeemContext('toewijzing.bewaartermijn');
    const n = await this.db.jobTransaction('bewaartermijn', systeem, (m) => pasBewaartermijnToe(m, grens));
    this.logger.log(`toewijzing retention: ${n} rows dated before ${grens} deleted`);
    return { grens, verwijderd: n };
  }
}
