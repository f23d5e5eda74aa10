import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { StatushoudersBeleidService } from './statushouders-beleid.service';
import { StatushoudersBeleidInvoer, StatushoudersBeleidRegel } from './statushouders-beleid.types';

@Resolver(() => StatushoudersBeleidRegel)
export class StatushoudersBeleidResolver {
  constructor(private readonly service: StatushoudersBeleidService) {}

  @Query(() => [StatushoudersBeleidRegel], {
    description: 'Het landelijke statushoudersbeleid per datum (taakstelling, voorrang, bron), oudste eerst',
  })
  @Vereist('referentie:lezen')
  statushoudersBeleid(): Promise<StatushoudersBeleidRegel[]> {
    return this.service.voorApi();
  }

  @Mutation(() => [StatushoudersBeleidRegel], {
    description:
      'Legt het landelijke statushoudersbeleid vast vanaf een datum (bijvoorbeeld het einde van de taakstelling uit ' +
      'het Staatsblad); een regel op dezelfde datum wordt gecorrigeerd. Alleen platformbeheer van het Rijk; ' +
      'vastgelegd in de auditlog.',
  })
  @Vereist('regime:zetten')
  zetStatushoudersBeleid(
    @Ctx() ctx: RequestContext,
    @Args('invoer') invoer: StatushoudersBeleidInvoer,
  ): Promise<StatushoudersBeleidRegel[]> {
    return this.service.zet(ctx, invoer);
  }
}
