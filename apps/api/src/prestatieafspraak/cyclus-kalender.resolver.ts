import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { CyclusKalenderService } from './cyclus-kalender.service';
import { CyclusKalender } from './cyclus-kalender.types';

@Resolver(() => CyclusKalender)
export class CyclusKalenderResolver {
  constructor(private readonly service: CyclusKalenderService) {}

  @Query(() => CyclusKalender, {
    description:
      'Waar de cyclus van een gemeente staat: voor de gemeente, haar provincie, het Rijk en partijen bij haar prestatieafspraken',
  })
  @Vereist('afspraak:lezen')
  cyclusKalender(
    @Ctx() ctx: RequestContext,
    @Args('gemeenteCode') gemeenteCode: string,
    @Args('jaar', { type: () => Int }) jaar: number,
    @Args('peildatum', {
      type: () => String,
      nullable: true,
      description: 'Stand op deze datum (jjjj-mm-dd); standaard vandaag',
    })
    peildatum?: string | null,
  ): Promise<CyclusKalender> {
    return this.service.kalender(ctx, gemeenteCode, jaar, peildatum);
  }
}
