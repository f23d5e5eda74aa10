import { Global, Module } from '@nestjs/common';
import { OrganisatieService } from './organisatie.service';
import { MeResolver, OrganisatieResolver } from './organisatie.resolver';
import { VoorkeurService } from './voorkeur.service';
import { AanmeldingService } from './aanmelding.service';

@Global()
@Module({
  providers: [OrganisatieService, OrganisatieResolver, MeResolver, VoorkeurService, AanmeldingService],
  exports: [OrganisatieService, AanmeldingService],
})
export class OrganisatieModule {}
