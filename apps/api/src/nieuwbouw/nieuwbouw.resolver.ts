import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { NieuwbouwFase } from '@thuismonitor/domain';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesInvoer, VEROUDERD_INPUT, verouderd } from '../common/api-naamgeving';
import { NieuwbouwFaseEnum } from '../common/graphql-enums';
import { laadOrganisatie } from '../common/organisatie-lader';
import { OrganisatieService } from '../organisatie';
import { Organisatie } from '../organisatie';
import { ReferentieService } from '../referentie';
import { Gemeente } from '../referentie';
import { NieuwbouwService } from './nieuwbouw.service';
import { NieuwbouwFilter, Nieuwbouwproject, NieuwbouwprojectInput, NieuwbouwprojectWijziging } from './nieuwbouw.types';

@Resolver(() => Nieuwbouwproject)
export class NieuwbouwResolver {
  constructor(
    private readonly service: NieuwbouwService,
    private readonly referentie: ReferentieService,
    private readonly organisaties: OrganisatieService,
  ) {}

  @Query(() => [Nieuwbouwproject], {
    description:
      'Nieuwbouwprojecten: eigen projecten, die in de eigen gemeente, en voor provincie en Rijk alle projecten in hun gebied',
  })
  @Vereist('nieuwbouw:lezen')
  nieuwbouwprojecten(@Ctx() ctx: RequestContext, @Args('filter', { nullable: true }) filter?: NieuwbouwFilter): Promise<Nieuwbouwproject[]> {
    return this.service.lijst(ctx, filter);
  }

  @Query(() => Nieuwbouwproject)
  @Vereist('nieuwbouw:lezen')
  nieuwbouwproject(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Nieuwbouwproject> {
    return this.service.project(ctx, id);
  }

  @Mutation(() => Nieuwbouwproject, { description: 'Legt een project vast; de eigen organisatie is eigenaar' })
  @Vereist('nieuwbouw:invoeren')
  maakNieuwbouwproject(@Ctx() ctx: RequestContext, @Args('invoer') input: NieuwbouwprojectInput): Promise<Nieuwbouwproject> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Nieuwbouwproject, { description: 'Wijzigt de gegevens van een project (met de versie die u zag)' })
  @Vereist('nieuwbouw:invoeren')
  wijzigNieuwbouwproject(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', { type: () => Int }) versie: number,
    @Args('invoer', { type: () => NieuwbouwprojectWijziging, nullable: true }) invoer?: NieuwbouwprojectWijziging | null,
    @Args('input', { type: () => NieuwbouwprojectWijziging, ...VEROUDERD_INPUT }) input?: NieuwbouwprojectWijziging | null,
  ): Promise<Nieuwbouwproject> {
    return this.service.wijzig(ctx, id, versie, kiesInvoer(invoer, input));
  }

  @Mutation(() => Nieuwbouwproject, {
    description: 'Zet een project in een latere fase (overslaan mag, terug niet) met de datum waarop die fase is bereikt',
  })
  @Vereist('nieuwbouw:invoeren')
  wijzigNieuwbouwFase(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', { type: () => Int }) versie: number,
    @Args('fase', { type: () => NieuwbouwFaseEnum }) fase: NieuwbouwFase,
    @Args('datum', { description: 'jjjj-mm-dd' }) datum: string,
  ): Promise<Nieuwbouwproject> {
    return this.service.wijzigFase(ctx, id, versie, fase, datum);
  }

  @ResolveField(() => Gemeente)
  async gemeente(@Parent() p: Nieuwbouwproject): Promise<Gemeente> {
    return (await this.referentie.gemeente(p.gemeenteCode))!;
  }

  @ResolveField(() => Organisatie)
  async eigenaar(@Parent() p: Nieuwbouwproject, @Context() context: object): Promise<Organisatie> {
    return (await laadOrganisatie(context, this.organisaties, p.eigenaarId))!;
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Nieuwbouwproject, { deprecationReason: verouderd('maakNieuwbouwproject') })
  @Vereist('nieuwbouw:invoeren')
  createNieuwbouwproject(@Ctx() ctx: RequestContext, @Args('input') input: NieuwbouwprojectInput): Promise<Nieuwbouwproject> {
    return this.maakNieuwbouwproject(ctx, input);
  }
}
