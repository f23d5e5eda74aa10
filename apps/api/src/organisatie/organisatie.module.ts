import { Global, Module } from '@nestjs/common';
import { OrganisatieService } from './organisatie.service';
import { MeResolver, OrganisatieResolver } from './organisatie.resolver';
import { VoorkeurService } from './voorkeur.service';

@Global()
@Module({
  providers: [OrganisatieService, OrganisatieResolver, MeResolver, VoorkeurService],
  exports: [OrganisatieService],
})
export class OrganisatieModule {}
