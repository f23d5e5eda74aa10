import { Module } from '@nestjs/common';
import { PrestatieafspraakModule } from '../prestatieafspraak/prestatieafspraak.module';
import { PrestatieafspraakService } from '../prestatieafspraak';
import { VastgesteldeAfsprakenBron } from './voortgang-afspraken.port';
import { VoortgangAfsprakenService } from './voortgang-afspraken.service';
import { VoortgangCache } from './voortgang-cache';
import { VoortgangDoelenService } from './voortgang-doelen.service';
import { VoortgangRealisatieService } from './voortgang-realisatie.service';
import { VoortgangResolver } from './voortgang.resolver';
import { VoortgangService } from './voortgang.service';

@Module({
  imports: [PrestatieafspraakModule],
  providers: [
    VoortgangService,
    VoortgangRealisatieService,
    VoortgangDoelenService,
    VoortgangAfsprakenService,
    VoortgangResolver,
    VoortgangCache,
    // the port voortgang reads its afspraken through, implemented by the prestatieafspraak feature
    { provide: VastgesteldeAfsprakenBron, useExisting: PrestatieafspraakService },
  ],
  exports: [VoortgangService],
})
export class VoortgangModule {}
