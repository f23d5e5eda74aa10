import { Module } from '@nestjs/common';
import { PrestatieafspraakModule } from '../prestatieafspraak/prestatieafspraak.module';
import { VoortgangResolver } from './voortgang.resolver';
import { VoortgangCache } from './voortgang-cache';
import { VoortgangService } from './voortgang.service';

@Module({
  imports: [PrestatieafspraakModule],
  providers: [VoortgangService, VoortgangResolver, VoortgangCache],
  exports: [VoortgangService],
})
export class VoortgangModule {}
