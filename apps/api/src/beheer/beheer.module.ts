import { Module } from '@nestjs/common';
import { BeheerResolver } from './beheer.resolver';
import { BeheerSchrijver } from './beheer-schrijver';
import { BeheerService } from './beheer.service';
import { GebruikerBeheerService } from './gebruiker-beheer.service';
import { OrganisatieBeheerService } from './organisatie-beheer.service';
import { OrganisatieImportService } from './organisatie-import.service';
import { HerindelingResolver } from './herindeling.resolver';
import { HerindelingService } from './herindeling.service';

/**
 * Platform operator: organisations, werkgebieden, huurdersorganisatie links, registered users and
 * gemeentelijke herindelingen (issue 13).
 */
@Module({
  providers: [
    BeheerService,
    BeheerSchrijver,
    OrganisatieBeheerService,
    OrganisatieImportService,
    GebruikerBeheerService,
    BeheerResolver,
    HerindelingService,
    HerindelingResolver,
  ],
})
export class BeheerModule {}
