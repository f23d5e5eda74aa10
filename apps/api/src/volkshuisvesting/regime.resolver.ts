import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { Klok } from '../common/klok';
import { RegimeService } from './regime.service';
import { RegimeCodeEnum, VolkshuisvestingRegime } from './regime.types';

@Resolver(() => VolkshuisvestingRegime)
export class RegimeResolver {
  constructor(
    private readonly service: RegimeService,
    private readonly klok: Klok,
  ) {}

  @Query(() => [VolkshuisvestingRegime], {
    description:
      'De wettelijke regimes van de volkshuisvestingscyclus met hun regels en geldigheid, oudste eerst',
  })
  @Vereist('referentie:lezen')
  volkshuisvestingRegimes(): Promise<VolkshuisvestingRegime[]> {
    return this.service.voorApi();
  }

  @Query(() => VolkshuisvestingRegime, {
    description: 'Het regime dat geldt op een datum (standaard vandaag)',
  })
  @Vereist('referentie:lezen')
  volkshuisvestingRegime(
    @Args('datum', { type: () => String, nullable: true, description: 'jjjj-mm-dd' }) datum?: string | null,
  ): Promise<VolkshuisvestingRegime> {
    return this.service.regimeVoorApiOp(datum?.trim() || this.klok.vandaag());
  }

  @Mutation(() => [VolkshuisvestingRegime], {
    description:
      'Zet de datum van inwerkingtreding van de Wet versterking regie volkshuisvesting (leeg: nog niet in werking); ' +
      'het vorige regime eindigt de dag ervoor. Alleen platformbeheer van het Rijk; vastgelegd in de auditlog.',
  })
  @Vereist('regime:zetten')
  zetRegimeInwerkingtreding(
    @Ctx() ctx: RequestContext,
    @Args('code', { type: () => RegimeCodeEnum }) code: string,
    @Args('datum', { type: () => String, nullable: true, description: 'jjjj-mm-dd' }) datum?: string | null,
  ): Promise<VolkshuisvestingRegime[]> {
    return this.service.zetInwerkingtreding(ctx, code, datum ?? null);
  }
}
