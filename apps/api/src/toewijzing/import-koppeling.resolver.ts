import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesInvoer, VEROUDERD_INPUT } from '../common/api-naamgeving';
import { ImportKoppelingService } from './import-koppeling.service';
import { ImportKoppeling, ImportKoppelingInput } from './import-koppeling.types';

@Resolver(() => ImportKoppeling)
export class ImportKoppelingResolver {
  constructor(private readonly service: ImportKoppelingService) {}

  @Query(() => ImportKoppeling, {
    description:
      'De importkoppeling van de eigen corporatie (kolommen en waarden van de eigen export). Een andere organisatie ' +
      'dan de eigen wordt geweigerd.',
  })
  @Vereist('toewijzing:lezen')
  importKoppeling(
    @Ctx() ctx: RequestContext,
    @Args('organisatieId', { type: () => ID, nullable: true, description: 'Standaard de eigen organisatie' })
    organisatieId?: string | null,
  ): Promise<ImportKoppeling> {
    return this.service.lees(ctx, organisatieId);
  }

  @Mutation(() => ImportKoppeling, {
    description:
      'Slaat de importkoppeling van de eigen corporatie op (vervangt de vorige). Geweigerd: een waarde die ' +
      'Thuismonitor niet kent, en elke kolom die op persoonsgegevens lijkt.',
  })
  @Vereist('toewijzing:invoeren')
  bewaarImportKoppeling(
    @Ctx() ctx: RequestContext,
    @Args('invoer', { type: () => ImportKoppelingInput, nullable: true }) invoer: ImportKoppelingInput | null,
    @Args('input', { type: () => ImportKoppelingInput, ...VEROUDERD_INPUT })
    input: ImportKoppelingInput | null,
    @Args('organisatieId', { type: () => ID, nullable: true, description: 'Standaard de eigen organisatie' })
    organisatieId?: string | null,
  ): Promise<ImportKoppeling> {
    return this.service.bewaar(ctx, kiesInvoer(invoer, input), organisatieId);
  }
}
