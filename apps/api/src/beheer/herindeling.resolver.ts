import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import { HerindelingService } from './herindeling.service';
import { HerindelingInput, HerindelingRapport } from './herindeling.types';

/** The platform operator's herindeling (organisatie:beheren); the rules live in HerindelingService. */
@Resolver(() => HerindelingRapport)
export class HerindelingResolver {
  constructor(private readonly service: HerindelingService) {}

  @Mutation(() => HerindelingRapport, {
    description:
      'Past een gemeentelijke herindeling toe (proefrun = true, de standaard: alleen laten zien wat er verandert). ' +
      'Werkgebieden, taakstellingen vanaf de datum en open of lopende prestatieafspraken gaan naar de nieuwe gemeente; ' +
      'cijfers blijven op de oude codes en tellen vanaf de datum mee voor de nieuwe gemeente.',
  })
  @Vereist('organisatie:beheren')
  pasHerindelingToe(
    @Ctx() ctx: RequestContext,
    @Args('invoer') input: HerindelingInput,
    @Args('proefrun', { defaultValue: true }) proefrun: boolean,
  ): Promise<HerindelingRapport> {
    return this.service.herindeling(ctx, input, proefrun);
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => HerindelingRapport, { deprecationReason: verouderd('pasHerindelingToe') })
  @Vereist('organisatie:beheren')
  herindeling(
    @Ctx() ctx: RequestContext,
    @Args('input') input: HerindelingInput,
    @Args('proefrun', { defaultValue: true }) proefrun: boolean,
  ): Promise<HerindelingRapport> {
    return this.pasHerindelingToe(ctx, input, proefrun);
  }
}
