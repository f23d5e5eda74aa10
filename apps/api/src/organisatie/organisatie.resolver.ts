import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, heeftPermissie, isPermissie, POLICY, RequestContext, Vereist } from '@thuismonitor/auth';
import { ReferentieService } from '../referentie/referentie.service';
import { Gemeente, Provincie } from '../referentie/referentie.types';
import { OrganisatieService } from './organisatie.service';
import { Me, Organisatie, OrganisatieFilter } from './organisatie.types';

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
    return o.werkgebiedCodes.length ? this.referentie.gemeenten({ codes: o.werkgebiedCodes }) : Promise.resolve([]);
  }
}

@Resolver(() => Me)
export class MeResolver {
  constructor(private readonly organisaties: OrganisatieService) {}

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
