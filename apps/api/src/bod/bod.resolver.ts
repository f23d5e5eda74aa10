import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import { Prestatieafspraak } from '../prestatieafspraak';
import { BodMutatieService } from './bod-mutatie.service';
import { BodService } from './bod.service';
import { Bod, BodFilter, BodWijziging, NieuwBodInput } from './bod.types';

const VERSIE = {
  type: () => Int,
  description: 'De versie die u het laatst zag (optimistische vergrendeling)',
};

@Resolver(() => Bod)
export class BodResolver {
  constructor(
    private readonly service: BodService,
    private readonly mutaties: BodMutatieService,
  ) {}

  @Query(() => [Bod], {
    description: 'Boden die u mag zien: uw eigen (corporatie) en de verzonden boden aan uw organisatie',
  })
  @Vereist('afspraak:lezen')
  boden(@Ctx() ctx: RequestContext, @Args('filter', { nullable: true }) filter?: BodFilter): Promise<Bod[]> {
    return this.service.lijst(ctx, filter ?? {});
  }

  @Query(() => Bod)
  @Vereist('afspraak:lezen')
  bod(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Bod> {
    return this.service.opId(ctx, id);
  }

  @Mutation(() => Bod, {
    description: 'Een corporatie begint een bod (concept) voor een gemeente in haar werkgebied',
  })
  @Vereist('afspraak:opstellen')
  maakBod(@Ctx() ctx: RequestContext, @Args('invoer') input: NieuwBodInput): Promise<Bod> {
    return this.mutaties.create(ctx, input);
  }

  @Mutation(() => Bod, { description: 'Wijzigt een concept-bod (regels vervangen alle regels)' })
  @Vereist('afspraak:opstellen')
  wijzigBod(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('invoer') input: BodWijziging,
  ): Promise<Bod> {
    return this.mutaties.update(ctx, id, versie, input);
  }

  @Mutation(() => Bod, { description: 'Verzendt het bod aan de gemeente en de huurdersorganisatie(s)' })
  @Vereist('afspraak:opstellen')
  verzendBod(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Bod> {
    return this.mutaties.verzend(ctx, id, versie);
  }

  @Mutation(() => Prestatieafspraak, {
    description:
      'Start een concept-prestatieafspraak uit een verzonden bod: partijen en, waar mogelijk, afspraken uit de bodregels',
  })
  @Vereist('afspraak:opstellen')
  startPrestatieafspraakUitBod(
    @Ctx() ctx: RequestContext,
    @Args('bodId', { type: () => ID }) bodId: string,
    @Args('titel', { type: () => String, nullable: true }) titel?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.mutaties.startPrestatieafspraak(ctx, bodId, titel);
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Bod, { deprecationReason: verouderd('maakBod') })
  @Vereist('afspraak:opstellen')
  createBod(@Ctx() ctx: RequestContext, @Args('input') input: NieuwBodInput): Promise<Bod> {
    return this.maakBod(ctx, input);
  }

  @Mutation(() => Bod, { deprecationReason: verouderd('wijzigBod') })
  @Vereist('afspraak:opstellen')
  updateBod(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('input') input: BodWijziging,
  ): Promise<Bod> {
    return this.wijzigBod(ctx, id, versie, input);
  }
}
