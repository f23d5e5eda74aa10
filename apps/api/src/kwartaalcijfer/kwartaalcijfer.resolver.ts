import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesInvoer, VEROUDERD_INPUT } from '../common/api-naamgeving';
import { laadOrganisatie } from '../common/organisatie-lader';
import { OrganisatieService } from '../organisatie';
import { Organisatie } from '../organisatie';
import { ReferentieService } from '../referentie';
import { Gemeente } from '../referentie';
import { KwartaalcijferService } from './kwartaalcijfer.service';
import { Kwartaalcijfer, KwartaalcijferFilter, KwartaalcijferIndicator, KwartaalcijferInput } from './kwartaalcijfer.types';

@Resolver(() => Kwartaalcijfer)
export class KwartaalcijferResolver {
  constructor(
    private readonly service: KwartaalcijferService,
    private readonly referentie: ReferentieService,
    private readonly organisaties: OrganisatieService,
  ) {}

  @Query(() => [Kwartaalcijfer], {
    description: 'Actuele kwartaalcijfers: die van de eigen organisatie en, voor een gemeente, alle cijfers over die gemeente',
  })
  @Vereist('kwartaalcijfer:lezen')
  kwartaalcijfers(@Ctx() ctx: RequestContext, @Args('filter', { nullable: true }) filter?: KwartaalcijferFilter): Promise<Kwartaalcijfer[]> {
    return this.service.lijst(ctx, filter);
  }

  @Query(() => [Kwartaalcijfer], { description: 'Alle versies van een cijfer (correcties), nieuwste eerst' })
  @Vereist('kwartaalcijfer:lezen')
  kwartaalcijferHistorie(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Kwartaalcijfer[]> {
    return this.service.historie(ctx, id);
  }

  @Query(() => [KwartaalcijferIndicator], { description: 'De indicatoren die als kwartaalcijfer worden gerapporteerd' })
  @Vereist('kwartaalcijfer:lezen')
  kwartaalcijferIndicatoren(@Ctx() ctx: RequestContext): KwartaalcijferIndicator[] {
    return this.service.indicatoren(ctx);
  }

  @Mutation(() => Kwartaalcijfer, {
    description:
      'Rapporteert een cijfer voor een gemeente in het werkgebied. Bestaat er al een cijfer voor dezelfde indicator, ' +
      'gemeente en kwartaal, dan is dit een correctie: de vorige versie blijft in de historie.',
  })
  @Vereist('kwartaalcijfer:invoeren')
  rapporteerKwartaalcijfer(
    @Ctx() ctx: RequestContext,
    @Args('invoer', { type: () => KwartaalcijferInput, nullable: true }) invoer?: KwartaalcijferInput | null,
    @Args('input', { type: () => KwartaalcijferInput, ...VEROUDERD_INPUT }) input?: KwartaalcijferInput | null,
  ): Promise<Kwartaalcijfer> {
    return this.service.rapporteer(ctx, kiesInvoer(invoer, input));
  }

  @ResolveField(() => Gemeente)
  async gemeente(@Parent() k: Kwartaalcijfer): Promise<Gemeente> {
    return (await this.referentie.gemeente(k.gemeenteCode))!;
  }

  @ResolveField(() => Organisatie)
  async organisatie(@Parent() k: Kwartaalcijfer, @Context() context: object): Promise<Organisatie> {
    return (await laadOrganisatie(context, this.organisaties, k.organisatieId))!;
  }
}
