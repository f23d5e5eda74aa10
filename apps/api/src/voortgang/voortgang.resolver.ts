import { Args, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { GebiedInput } from '../gebied';
import { DatumPeriodeInput } from '../taakstelling';
import { veldGevraagd } from './veld-gevraagd';
import { VoortgangService } from './voortgang.service';
import { Voortgang } from './voortgang.types';

@Resolver(() => Voortgang)
export class VoortgangResolver {
  constructor(private readonly service: VoortgangService) {}

  @Query(() => Voortgang, {
    description:
      'Voortgang per actielijn en indicator in een gebied binnen uw bereik, over een periode (van/tot) of een jaar, ' +
      'tot de peildatum. Kleine aantallen toewijzingen zijn afgeschermd voor wie niet de gemeente zelf is.',
  })
  @Vereist('voortgang:lezen')
  voortgang(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('gebied') gebied: GebiedInput,
    @Args('periode', { type: () => DatumPeriodeInput, nullable: true }) periode?: DatumPeriodeInput,
    @Args('jaar', { type: () => Int, nullable: true }) jaar?: number,
  ): Promise<Voortgang> {
    // the afspraken are measured in the same transaction, and only when asked for
    return this.service.voortgang(
      ctx,
      gebied,
      { periode, jaar },
      { metAfspraken: veldGevraagd(info, 'afspraken') },
    );
  }
}
