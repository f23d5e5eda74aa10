import { Global, Module } from '@nestjs/common';
import { ReferentieService } from './referentie.service';
import { GemeenteResolver, ProvincieResolver, WoningmarktregioResolver } from './referentie.resolver';

@Global()
@Module({
  providers: [ReferentieService, GemeenteResolver, ProvincieResolver, WoningmarktregioResolver],
  exports: [ReferentieService],
})
export class ReferentieModule {}
