import { Global, Module } from '@nestjs/common';
import { OrganisatieService } from './organisatie.service';
import { MeResolver, OrganisatieResolver } from './organisatie.resolver';

@Global()
@Module({ providers: [OrganisatieService, OrganisatieResolver, MeResolver], exports: [OrganisatieService] })
export class OrganisatieModule {}
