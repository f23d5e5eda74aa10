import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import { ReferentieService } from '../referentie';
import { Gemeente } from '../referentie';
import { BeheerService } from './beheer.service';
import { GebruikerBeheerService } from './gebruiker-beheer.service';
import { OrganisatieBeheerService } from './organisatie-beheer.service';
import { OrganisatieImportService } from './organisatie-import.service';
import { keycloakPartialImport } from './keycloak-gebruiker';
import {
  BeheerAandacht,
  BeheerAuditRegel,
  BeheerGebruiker,
  BeheerOrganisatie,
  BeheerOrganisatieFilter,
  GebruikerNieuwInput,
  OrganisatieImportRapport,
  OrganisatieNieuwInput,
} from './beheer.types';

/**
 * Organisation administration for the platform operator (organisatie:beheren: RIJK with the role
 * platformbeheer). Thin: the rules and the audit live in BeheerService (reads),
 * OrganisatieBeheerService, OrganisatieImportService and GebruikerBeheerService. Anyone else is
 * refused by the guard before the handler runs, with the same answer whether or not the record
 * exists.
 */
@Resolver(() => BeheerOrganisatie)
export class BeheerResolver {
  constructor(
    private readonly service: BeheerService,
    private readonly organisaties: OrganisatieBeheerService,
    private readonly importer: OrganisatieImportService,
    private readonly gebruikersBeheer: GebruikerBeheerService,
    private readonly referentie: ReferentieService,
  ) {}

  @Query(() => [BeheerOrganisatie], {
    description: 'Organisaties voor de platformbeheerder (ook gedeactiveerde, op verzoek)',
  })
  @Vereist('organisatie:beheren')
  beheerOrganisaties(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: BeheerOrganisatieFilter,
  ): Promise<BeheerOrganisatie[]> {
    return this.service.lijst(ctx, filter);
  }

  @Query(() => BeheerOrganisatie)
  @Vereist('organisatie:beheren')
  beheerOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BeheerOrganisatie> {
    return this.service.opId(ctx, id);
  }

  @Query(() => BeheerAandacht, {
    description: 'Organisaties die aandacht vragen (geen werkgebied, geen corporatie, geen gebruikers)',
  })
  @Vereist('organisatie:beheren')
  beheerAandacht(@Ctx() ctx: RequestContext): Promise<BeheerAandacht> {
    return this.service.aandacht(ctx);
  }

  @Mutation(() => BeheerOrganisatie, { description: 'Maakt een organisatie aan met haar officiële code' })
  @Vereist('organisatie:beheren')
  maakOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('invoer') input: OrganisatieNieuwInput,
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.maak(ctx, input);
  }

  @Mutation(() => BeheerOrganisatie)
  @Vereist('organisatie:beheren')
  hernoemOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('naam') naam: string,
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.hernoem(ctx, id, naam);
  }

  @Mutation(() => BeheerOrganisatie, {
    description: 'Vervangt het werkgebied (corporatie, zorgaanbieder, huurdersorganisatie)',
  })
  @Vereist('organisatie:beheren')
  wijzigWerkgebied(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('gemeenteCodes', { type: () => [String] }) gemeenteCodes: string[],
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.wijzigWerkgebied(ctx, id, gemeenteCodes);
  }

  @Mutation(() => BeheerOrganisatie, { description: 'Vervangt de corporaties van een huurdersorganisatie' })
  @Vereist('organisatie:beheren')
  wijzigHuurderCorporaties(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('corporatieIds', { type: () => [ID] }) corporatieIds: string[],
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.wijzigCorporaties(ctx, id, corporatieIds);
  }

  @Mutation(() => BeheerOrganisatie, {
    description: 'Deactiveert een organisatie: geschiedenis blijft leesbaar, nieuwe invoer wordt geweigerd',
  })
  @Vereist('organisatie:beheren')
  deactiveerOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.deactiveer(ctx, id);
  }

  @Mutation(() => BeheerOrganisatie)
  @Vereist('organisatie:beheren')
  heractiveerOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.heractiveer(ctx, id);
  }

  @Mutation(() => BeheerOrganisatie, {
    description:
      'Voegt organisatie bronId samen in doelId (fusie): werkgebied en gebruikers gaan mee, cijfers blijven bij de bron',
  })
  @Vereist('organisatie:beheren')
  voegOrganisatieSamen(
    @Ctx() ctx: RequestContext,
    @Args('bronId', { type: () => ID }) bronId: string,
    @Args('doelId', { type: () => ID }) doelId: string,
  ): Promise<BeheerOrganisatie> {
    return this.organisaties.voegSamen(ctx, bronId, doelId);
  }

  @Mutation(() => OrganisatieImportRapport, {
    description:
      'Importeert een CSV-lijst van organisaties (soort;code;naam;werkgebied;corporaties). Alles of niets; met proefrun wordt alleen gecontroleerd.',
  })
  @Vereist('organisatie:beheren')
  importeerOrganisaties(
    @Ctx() ctx: RequestContext,
    @Args('inhoud') inhoud: string,
    @Args('proefrun', { defaultValue: true }) proefrun: boolean,
  ): Promise<OrganisatieImportRapport> {
    return this.importer.importeer(ctx, inhoud, proefrun);
  }

  @Mutation(() => OrganisatieImportRapport, {
    description:
      'Importeert een bestand met organisaties (CSV of XLSX, base64; kolommen soort, code, naam, werkgebied, corporaties). Alles of niets; met proefrun wordt alleen gecontroleerd.',
  })
  @Vereist('organisatie:beheren')
  importeerOrganisatieBestand(
    @Ctx() ctx: RequestContext,
    @Args('bestand', { description: 'De inhoud van het bestand, base64' }) bestand: string,
    @Args('bestandsnaam') bestandsnaam: string,
    @Args('proefrun', { defaultValue: true }) proefrun: boolean,
  ): Promise<OrganisatieImportRapport> {
    return this.importer.importeer(
      ctx,
      { bestand: Buffer.from(bestand, 'base64'), naam: bestandsnaam },
      proefrun,
    );
  }

  @Mutation(() => BeheerGebruiker, {
    description: 'Registreert een gebruiker voor een organisatie (zie docs/onboarding.md)',
  })
  @Vereist('organisatie:beheren')
  maakGebruiker(
    @Ctx() ctx: RequestContext,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
    @Args('invoer') input: GebruikerNieuwInput,
  ): Promise<BeheerGebruiker> {
    return this.gebruikersBeheer.maakGebruiker(ctx, organisatieId, input);
  }

  @Mutation(() => BeheerGebruiker)
  @Vereist('organisatie:beheren')
  deactiveerGebruiker(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BeheerGebruiker> {
    return this.gebruikersBeheer.deactiveerGebruiker(ctx, id);
  }

  @ResolveField(() => [Gemeente])
  werkgebied(@Parent() o: BeheerOrganisatie): Promise<Gemeente[]> {
    return o.werkgebiedCodes.length
      ? this.referentie.gemeenten({ codes: o.werkgebiedCodes })
      : Promise.resolve([]);
  }

  @ResolveField(() => BeheerOrganisatie, {
    nullable: true,
    description: 'De organisatie waarin deze is opgegaan (fusie)',
  })
  opgegaanIn(@Ctx() ctx: RequestContext, @Parent() o: BeheerOrganisatie): Promise<BeheerOrganisatie> | null {
    return o.opgegaanInId ? this.service.opId(ctx, o.opgegaanInId) : null;
  }

  @ResolveField(() => [BeheerGebruiker])
  gebruikers(@Ctx() ctx: RequestContext, @Parent() o: BeheerOrganisatie): Promise<BeheerGebruiker[]> {
    return this.service.gebruikers(ctx, o.id);
  }

  @ResolveField(() => String, {
    description:
      'Keycloak partial import (JSON) van de actieve geregistreerde gebruikers: attribuut organisatie en clientrollen',
  })
  async keycloakImport(@Ctx() ctx: RequestContext, @Parent() o: BeheerOrganisatie): Promise<string> {
    const gebruikers = (await this.service.gebruikers(ctx, o.id)).filter((g) => g.actief);
    return JSON.stringify(
      keycloakPartialImport(gebruikers.map((g) => ({ ...g, organisatieCode: o.code }))),
      null,
      2,
    );
  }

  @ResolveField(() => [BeheerAuditRegel], { description: 'Auditlog van deze organisatie, nieuwste eerst' })
  historie(@Ctx() ctx: RequestContext, @Parent() o: BeheerOrganisatie): Promise<BeheerAuditRegel[]> {
    return this.service.historie(ctx, o.id);
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => BeheerOrganisatie, { deprecationReason: verouderd('maakOrganisatie') })
  @Vereist('organisatie:beheren')
  createOrganisatie(
    @Ctx() ctx: RequestContext,
    @Args('input') input: OrganisatieNieuwInput,
  ): Promise<BeheerOrganisatie> {
    return this.maakOrganisatie(ctx, input);
  }

  @Mutation(() => BeheerGebruiker, { deprecationReason: verouderd('maakGebruiker') })
  @Vereist('organisatie:beheren')
  createGebruiker(
    @Ctx() ctx: RequestContext,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
    @Args('input') input: GebruikerNieuwInput,
  ): Promise<BeheerGebruiker> {
    return this.maakGebruiker(ctx, organisatieId, input);
  }
}
