import { Module } from '@nestjs/common';
import { PrestatieafspraakModule } from '../prestatieafspraak/prestatieafspraak.module';
import { VoortgangModule } from '../voortgang/voortgang.module';
import { VolkshuisvestingModule } from '../volkshuisvesting/volkshuisvesting.module';
import { EvaluatieResolver } from './evaluatie.resolver';
import { EvaluatieService } from './evaluatie.service';
import { GeschilService } from './geschil.service';

/** The yearly evaluation and geschillen of a prestatieafspraak (issue 12, item 3). */
@Module({
  imports: [PrestatieafspraakModule, VoortgangModule, VolkshuisvestingModule],
  providers: [EvaluatieService, GeschilService, EvaluatieResolver],
})
export class EvaluatieModule {}
