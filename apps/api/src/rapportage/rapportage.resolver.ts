import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { RapportageService } from './rapportage.service';
import { GebiedInput } from '../gebied';
import { Kwartaalrapportage, KwartaalrapportageFilter, RapportageAanvraag } from './rapportage.types';

@Resolver(() => Kwartaalrapportage)
export class RapportageResolver {
  constructor(private readonly rapportages: RapportageService) {}

  @Query(() => [Kwartaalrapportage], { description: 'Kwartaalrapportages die u mag lezen, nieuwste eerst' })
  @Vereist('rapportage:lezen')
  kwartaalrapportages(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: KwartaalrapportageFilter,
  ): Promise<Kwartaalrapportage[]> {
    return this.rapportages.lijst(ctx, filter);
  }

  @Query(() => Kwartaalrapportage)
  @Vereist('rapportage:lezen')
  kwartaalrapportage(@Ctx() ctx: RequestContext, @Args('id') id: string): Promise<Kwartaalrapportage> {
    return this.rapportages.opId(ctx, id);
  }

  @Query(() => RapportageAanvraag, { description: 'Status en voortgang van een aanvraag' })
  @Vereist('rapportage:lezen')
  rapportageAanvraag(@Ctx() ctx: RequestContext, @Args('jobId') jobId: string): Promise<RapportageAanvraag> {
    return this.rapportages.aanvraag(ctx, jobId);
  }

  @Mutation(() => RapportageAanvraag, {
    description:
      'Vraagt de kwartaalrapportage van een gebied aan (alle actielijnen in één rapportage) voor een afgelopen kwartaal. ' +
      'Loopt er al een aanvraag voor hetzelfde gebied en kwartaal, dan krijgt u die terug.',
  })
  @Vereist('rapportage:aanvragen')
  vraagKwartaalrapportageAan(
    @Ctx() ctx: RequestContext,
    @Args('gebied') gebied: GebiedInput,
    @Args('kwartaal', { description: 'Bijvoorbeeld 2026-Q3' }) kwartaal: string,
  ): Promise<RapportageAanvraag> {
    return this.rapportages.vraagAan(ctx, gebied.soort, gebied.code, kwartaal);
  }
}
