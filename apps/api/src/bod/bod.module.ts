import { Module } from '@nestjs/common';
import { PrestatieafspraakModule } from '../prestatieafspraak/prestatieafspraak.module';
import { VolkshuisvestingModule } from '../volkshuisvesting/volkshuisvesting.module';
import { BodMutatieService } from './bod-mutatie.service';
import { BodResolver } from './bod.resolver';
import { BodService } from './bod.service';

/** The bod of a corporatie (issue 12, item 3): its own object, before the prestatieafspraak. */
@Module({
  imports: [PrestatieafspraakModule, VolkshuisvestingModule],
  providers: [BodService, BodMutatieService, BodResolver],
})
export class BodModule {}
