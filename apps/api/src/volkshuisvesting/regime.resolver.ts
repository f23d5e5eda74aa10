import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { isIsoDatum } from '@thuismonitor/domain';
import { ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { RegimeService, regimeVoorApi } from './regime.service';
import { RegimeCodeEnum, VolkshuisvestingRegime } from './regime.types';

@Resolver(() => VolkshuisvestingRegime)
export class RegimeResolver {
  constructor(
    private readonly service: RegimeService,
    private readonly klok: Klok,
  ) {}

  @Query(() => [VolkshuisvestingRegime], {
    description: 'De wettelijke regimes van de volkshuisvestingscyclus met hun regels en geldigheid, oudste eerst',
  })
  @Vereist('referentie:lezen')
  volkshuisvestingRegimes(): Promise<VolkshuisvestingRegime[]> {
    return this.service.voorApi();
  }

  @Query(() => VolkshuisvestingRegime, { description: 'Het regime dat geldt op een datum (standaard vandaag)' })
  @Vereist('referentie:lezen')
  async volkshuisvestingRegime(
    @Args('datum', { type: () => String, nullable: true, description: 'jjjj-mm-dd' }) datum?: string | null,
  ): Promise<VolkshuisvestingRegime> {
    const dag = datum?.trim() || this.klok.vandaag();
    if (!isIsoDatum(dag))
      throw ongeldig(`'${dag}' is geen datum; schrijf de datum als jjjj-mm-dd.`, [{ veld: 'datum', melding: 'Ongeldige datum' }]);
    const regimes = await this.service.regimes();
    const r = await this.service.regimeOp(dag);
    return regimeVoorApi(r, regimes.findIndex((x) => x.code === r.code) + 1);
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
