import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { nietGevonden } from '../common/fouten';
import { GebiedService } from '../gebied';
import { Voortgang } from '../voortgang';
import { UrgentieService } from './urgentie.service';
import {
  UrgentieDekking,
  Urgentieregeling,
  UrgentieregelingInput,
  UrgentieVoortgang,
  VerplichteUrgentieCategorie,
} from './urgentie.types';

@Resolver(() => Urgentieregeling)
export class UrgentieResolver {
  constructor(private readonly service: UrgentieService) {}

  @Query(() => [VerplichteUrgentieCategorie], {
    description:
      'De categorieën die de wet in elke urgentieregeling verplicht stelt, per regime, met de bron',
  })
  @Vereist('referentie:lezen')
  verplichteUrgentieCategorieen(@Ctx() ctx: RequestContext): Promise<VerplichteUrgentieCategorie[]> {
    return this.service.verplichteCategorieen(ctx);
  }

  @Query(() => Urgentieregeling, {
    description:
      'De urgentieregeling van een gemeente met haar categorieën en wat de wet vraagt dat zij mist. ' +
      'Een gemeente buiten uw bereik geeft "niet gevonden".',
  })
  @Vereist('voortgang:lezen')
  urgentieregeling(
    @Ctx() ctx: RequestContext,
    @Args('gemeenteCode') gemeenteCode: string,
  ): Promise<Urgentieregeling> {
    return this.service.regeling(ctx, gemeenteCode);
  }

  @Mutation(() => Urgentieregeling, {
    description:
      'Legt de eigen urgentieregeling vast of vervangt haar (gemeente, rol beheren). Een ontbrekende verplichte ' +
      'categorie wordt gemeld, niet geweigerd. Geef bij een wijziging de versie mee die u het laatst zag.',
  })
  @Vereist('urgentie:bijhouden')
  bewaarUrgentieregeling(
    @Ctx() ctx: RequestContext,
    @Args('invoer') invoer: UrgentieregelingInput,
    @Args('versie', { type: () => Int, nullable: true }) versie?: number | null,
  ): Promise<Urgentieregeling> {
    return this.service.bewaar(ctx, invoer, versie);
  }
}

/** Toewijzingen per urgentie category as a voortgang field of its own, resolved only when asked. */
@Resolver(() => Voortgang)
export class VoortgangUrgentieResolver {
  constructor(
    private readonly service: UrgentieService,
    private readonly gebieden: GebiedService,
  ) {}

  @ResolveField(() => UrgentieDekking, {
    description:
      'Hoeveel gemeenten in het gebied op de peildatum een urgentieregeling hebben ("n van m gemeenten"), hoeveel ' +
      'daarvan alle wettelijk verplichte categorieën bevatten, en of de regeling dan verplicht is',
  })
  async urgentieregelingen(@Parent() v: Voortgang, @Ctx() ctx: RequestContext): Promise<UrgentieDekking> {
    const gebied = await this.gebieden.opzoeken(v.gebied.soort, v.gebied.code);
    if (!gebied) throw nietGevonden('Het gebied');
    return this.service.dekking(ctx, gebied, v.peildatum);
  }

  @ResolveField(() => UrgentieVoortgang, {
    description:
      'Toewijzingen via urgentie per categorie van de urgentieregeling (en uitstroom uit detentie), over de periode tot ' +
      'de peildatum. Beschermd cijfer: alleen de eigen toewijzingen (exact); aantallen van anderen per categorie worden niet vrijgegeven.',
  })
  async urgentie(@Parent() v: Voortgang, @Ctx() ctx: RequestContext): Promise<UrgentieVoortgang> {
    const gebied = await this.gebieden.opzoeken(v.gebied.soort, v.gebied.code);
    if (!gebied) throw nietGevonden('Het gebied');
    return this.service.voortgang(ctx, gebied, v.periode.van, v.peildatum);
  }
}
