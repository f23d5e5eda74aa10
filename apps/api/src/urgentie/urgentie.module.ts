import { Global, Module } from '@nestjs/common';
import { UrgentieResolver, VoortgangUrgentieResolver } from './urgentie.resolver';
import { UrgentieService } from './urgentie.service';

/** Issue 12 item 4: urgentieregelingen, their categories and toewijzingen per category. */
@Global()
@Module({
  providers: [UrgentieService, UrgentieResolver, VoortgangUrgentieResolver],
  exports: [UrgentieService],
})
export class UrgentieModule {}
