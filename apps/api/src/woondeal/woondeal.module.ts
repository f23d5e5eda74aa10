import { Module } from '@nestjs/common';
import { VoortgangWoondealResolver } from './woondeal.resolver';
import { WoondealService } from './woondeal.service';

/** Issue 12 item 5: regionale woondeals (targets are taakstellingen; progress from nieuwbouwprojecten). */
@Module({
  providers: [WoondealService, VoortgangWoondealResolver],
  exports: [WoondealService],
})
export class WoondealModule {}
