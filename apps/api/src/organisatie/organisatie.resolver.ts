import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, heeftPermissie, isPermissie, POLICY, RequestContext, Vereist } from '@thuismonitor/auth';
import { ReferentieService } from '../referentie';
import { Gemeente, Provincie } from '../referentie';
import { OrganisatieService } from './organisatie.service';
import { EigenGebruiker, Me, Organisatie, OrganisatieFilter } from './organisatie.types';
import { AanmeldingService } from './aanmelding.service';
import { VoorkeurService } from './voorkeur.service';

@Resolver(() => Organisatie)
export class OrganisatieResolver {
  constructor(
    private readonly service: OrganisatieService,
    private readonly referentie: ReferentieService,
  ) {}

  @Query(() => [Organisatie])
  @Vereist('organisatie:lezen')
  organisaties(@Args('filter', { nullable: true }) filter?: OrganisatieFilter): Promise<Organisatie[]> {
    return this.service.lijst(filter);
  }

  @ResolveField(() => Gemeente, { nullable: true })
  async gemeente(@Parent() o: Organisatie): Promise<Gemeente | null> {
    return o.gemeenteCode ? ((await this.referentie.gemeente(o.gemeenteCode)) ?? null) : null;
  }

  @ResolveField(() => Provincie, { nullable: true })
  async provincie(@Parent() o: Organisatie): Promise<Provincie | null> {
    return o.provincieCode ? ((await this.referentie.provincie(o.provincieCode)) ?? null) : null;
  }

  @ResolveField(() => [Gemeente], { description: 'Gemeenten waarin de organisatie werkt (corporaties e.a.)' })
  werkgebied(@Parent() o: Organisatie): Promise<Gemeente[]> {
    return o.werkgebiedCodes.length
      ? this.referentie.gemeenten({ codes: o.werkgebiedCodes })
      : Promise.resolve([]);
  }
}

@Resolver(() => Me)
export class MeResolver {
  constructor(
    private readonly organisaties: OrganisatieService,
    private readonly voorkeur: VoorkeurService,
    private readonly referentie: ReferentieService,
    private readonly aanmeldingen: AanmeldingService,
  ) {}

  @Query(() => [EigenGebruiker], {
    description:
      'Wie zich voor de eigen organisatie aanmeldt (met rollen) of door de platformbeheerder is geregistreerd',
  })
  @Vereist('organisatie:gebruikers')
  gebruikersEigenOrganisatie(@Ctx() ctx: RequestContext): Promise<EigenGebruiker[]> {
    return this.aanmeldingen.overzicht(ctx);
  }

  @ResolveField(() => Gemeente, {
    nullable: true,
    description:
      'De gemeente waarop deze gebruiker standaard uitkomt (eigen keuze, binnen het gebied van de organisatie)',
  })
  async standaardGemeente(@Ctx() ctx: RequestContext): Promise<Gemeente | null> {
    const code = await this.voorkeur.standaardGemeente(ctx);
    return code ? ((await this.referentie.gemeente(code)) ?? null) : null;
  }

  @Mutation(() => Me, { description: 'Kiest de gemeente waarop u standaard uitkomt (null: geen keuze)' })
  @Vereist('profiel:lezen')
  async kiesStandaardGemeente(
    @Ctx() ctx: RequestContext,
    @Args('gemeenteCode', { type: () => String, nullable: true }) gemeenteCode: string | null,
  ): Promise<Me> {
    await this.voorkeur.kiesStandaardGemeente(ctx, gemeenteCode);
    return this.me(ctx);
  }

  @Query(() => Me, { description: 'De aangemelde gebruiker' })
  @Vereist('profiel:lezen')
  async me(@Ctx() ctx: RequestContext): Promise<Me> {
    const p = ctx.principal;
    const organisatie = (await this.organisaties.opId(p.organisatie.id))!;
    return {
      gebruikersnaam: p.gebruikersnaam,
      naam: p.naam,
      email: p.email,
      rollen: p.rollen,
      permissies: Object.keys(POLICY).filter((k) => isPermissie(k) && heeftPermissie(p, k)),
      organisatie,
    };
  }
}
