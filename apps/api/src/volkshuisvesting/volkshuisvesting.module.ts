import { Global, Module } from '@nestjs/common';
import { ProgrammaResolver } from './programma.resolver';
import { ProgrammaService } from './programma.service';
import { RegimeResolver } from './regime.resolver';
import { RegimeService } from './regime.service';
import { VoortgangProgrammaResolver } from './voortgang-programma.resolver';

/** Issue 12 items 1–2: the legal regime of the cycle by date, and the volkshuisvestingsprogramma's. */
@Global()
@Module({
  providers: [RegimeService, RegimeResolver, ProgrammaService, ProgrammaResolver, VoortgangProgrammaResolver],
  exports: [RegimeService, ProgrammaService],
})
export class VolkshuisvestingModule {}
