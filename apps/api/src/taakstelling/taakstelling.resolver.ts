import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { GebiedInput } from '../gebied';
import { StatushoudersService } from './statushouders.service';
import { TaakstellingService } from './taakstelling.service';
import {
  StatushoudersProvincie,
  StatushoudersTaakstelling,
  StelTaakstellingInput,
  Taakstelling,
} from './taakstelling.types';

@Resolver(() => Taakstelling)
export class TaakstellingResolver {
  constructor(
    private readonly service: TaakstellingService,
    private readonly statushouders: StatushoudersService,
  ) {}

  @Mutation(() => Taakstelling, {
    description:
      'Stelt of wijzigt een taakstelling. Alleen het niveau dat het gebied bezit: Rijk (land, provincies, ' +
      'statushouders per gemeente), provincie (eigen gemeenten en regio’s binnen de provincie), gemeente (zichzelf). ' +
      'Een wijziging bewaart de vorige waarde als geschiedenis.',
  })
  @Vereist('taakstelling:stellen')
  stelTaakstelling(
    @Ctx() ctx: RequestContext,
    @Args('invoer') invoer: StelTaakstellingInput,
  ): Promise<Taakstelling> {
    return this.service.stel(ctx, invoer);
  }

  @Query(() => [Taakstelling], { description: 'Taakstellingen van een gebied binnen uw bereik' })
  @Vereist('voortgang:lezen')
  taakstellingen(
    @Ctx() ctx: RequestContext,
    @Args('gebied') gebied: GebiedInput,
    @Args('indicatorCode', { nullable: true }) indicatorCode?: string,
    @Args('metGeschiedenis', { defaultValue: false }) metGeschiedenis?: boolean,
  ): Promise<Taakstelling[]> {
    return this.service.lijst(ctx, gebied, indicatorCode, metGeschiedenis ?? false);
  }

  @Query(() => StatushoudersTaakstelling, {
    description:
      "Taakstelling huisvesting statushouders per halfjaar met meegenomen achterstand/voorsprong (van/tot: '2025-H1')",
  })
  @Vereist('voortgang:lezen')
  statushoudersTaakstelling(
    @Ctx() ctx: RequestContext,
    @Args('gemeenteCode') gemeenteCode: string,
    @Args('van') van: string,
    @Args('tot') tot: string,
  ): Promise<StatushoudersTaakstelling> {
    return this.statushouders.voorGemeente(ctx, gemeenteCode, van, tot);
  }

  @Query(() => StatushoudersProvincie, {
    description:
      'Statushouders-taakstelling van alle gemeenten van een provincie (de toets op 1 januari en 1 juli)',
  })
  @Vereist('voortgang:lezen')
  statushoudersTaakstellingProvincie(
    @Ctx() ctx: RequestContext,
    @Args('provincieCode') provincieCode: string,
    @Args('van') van: string,
    @Args('tot') tot: string,
  ): Promise<StatushoudersProvincie> {
    return this.statushouders.voorProvincie(ctx, provincieCode, van, tot);
  }
}
