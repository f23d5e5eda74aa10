import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { GebiedInput } from '../gebied/gebied.types';
import { DatumPeriodeInput } from '../taakstelling/taakstelling.types';
import { VoortgangService, type BerekendeVoortgang } from './voortgang.service';
import { AfspraakVoortgang, Voortgang } from './voortgang.types';

@Resolver(() => Voortgang)
export class VoortgangResolver {
  constructor(private readonly service: VoortgangService) {}

  @Query(() => Voortgang, {
    description:
      'Voortgang per actielijn en indicator in een gebied binnen uw bereik, over een periode (van/tot) of een jaar. ' +
      'Kleine aantallen toewijzingen zijn afgeschermd voor wie niet de gemeente zelf is.',
  })
  @Vereist('voortgang:lezen')
  voortgang(
    @Ctx() ctx: RequestContext,
    @Args('gebied') gebied: GebiedInput,
    @Args('periode', { type: () => DatumPeriodeInput, nullable: true }) periode?: DatumPeriodeInput,
    @Args('jaar', { type: () => Int, nullable: true }) jaar?: number,
  ): Promise<Voortgang> {
    return this.service.voortgang(ctx, gebied, { periode, jaar });
  }

  @ResolveField(() => [AfspraakVoortgang], {
    description:
      'Afspraken uit vastgestelde prestatieafspraken in het gebied (die u mag zien), over het jaar van de periode',
  })
  afspraken(
    @Ctx() ctx: RequestContext,
    @Parent() voortgang: BerekendeVoortgang,
  ): Promise<AfspraakVoortgang[]> {
    return this.service.afspraken(ctx, voortgang);
  }
}
