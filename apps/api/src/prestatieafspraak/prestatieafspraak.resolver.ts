import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import { ConceptService } from './concept.service';
import { PrestatieafspraakService } from './prestatieafspraak.service';
import {
  AfspraakInput,
  NieuwePrestatieafspraakInput,
  Prestatieafspraak,
  PrestatieafspraakFilter,
  PrestatieafspraakWijziging,
} from './prestatieafspraak.types';

const VERSIE = {
  type: () => Int,
  description: 'De versie die u het laatst zag (optimistische vergrendeling)',
};

@Resolver(() => Prestatieafspraak)
export class PrestatieafspraakResolver {
  constructor(
    private readonly service: PrestatieafspraakService,
    private readonly concept: ConceptService,
  ) {}

  @Query(() => [Prestatieafspraak], {
    description:
      'Prestatieafspraken die u mag zien: als partij, of als provincie/Rijk zodra ze geen concept meer zijn',
  })
  @Vereist('afspraak:lezen')
  prestatieafspraken(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: PrestatieafspraakFilter,
  ): Promise<Prestatieafspraak[]> {
    return this.service.lijst(ctx, filter);
  }

  @Query(() => Prestatieafspraak, { description: 'Eén prestatieafspraak (elke versie blijft leesbaar)' })
  @Vereist('afspraak:lezen')
  prestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Prestatieafspraak> {
    return this.service.opId(ctx, id);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Start een prestatieafspraak (gemeente) of een bod (corporatie) als concept',
  })
  @Vereist('afspraak:opstellen')
  maakPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('invoer') input: NieuwePrestatieafspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.concept.create(ctx, input);
  }

  @Mutation(() => Prestatieafspraak, { description: 'Wijzigt titel of looptijd van een concept' })
  @Vereist('afspraak:bewerken')
  wijzigPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('invoer') input: PrestatieafspraakWijziging,
  ): Promise<Prestatieafspraak> {
    return this.concept.update(ctx, id, versie, input);
  }

  @Mutation(() => Prestatieafspraak, { description: 'Voegt een partij toe aan een concept' })
  @Vereist('afspraak:bewerken')
  voegPartijToe(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.concept.addPartij(ctx, id, versie, organisatieId);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Haalt een partij van een concept af (niet de gemeente of de opsteller)',
  })
  @Vereist('afspraak:bewerken')
  verwijderPartij(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.concept.removePartij(ctx, id, versie, organisatieId);
  }

  @Mutation(() => Prestatieafspraak, { description: 'Voegt een afspraak toe aan een concept' })
  @Vereist('afspraak:bewerken')
  voegAfspraakToe(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('invoer') input: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.concept.addAfspraak(ctx, id, versie, input);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Vervangt de inhoud van een afspraak in een concept (inclusief doelwaarden)',
  })
  @Vereist('afspraak:bewerken')
  wijzigAfspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
    @Args('invoer') input: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.concept.updateAfspraak(ctx, id, versie, afspraakId, input);
  }

  @Mutation(() => Prestatieafspraak, { description: 'Verwijdert een afspraak uit een concept' })
  @Vereist('afspraak:bewerken')
  verwijderAfspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
  ): Promise<Prestatieafspraak> {
    return this.concept.removeAfspraak(ctx, id, versie, afspraakId);
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('maakPrestatieafspraak') })
  @Vereist('afspraak:opstellen')
  createPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('input') input: NieuwePrestatieafspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.maakPrestatieafspraak(ctx, input);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('wijzigPrestatieafspraak') })
  @Vereist('afspraak:bewerken')
  updatePrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('input') input: PrestatieafspraakWijziging,
  ): Promise<Prestatieafspraak> {
    return this.wijzigPrestatieafspraak(ctx, id, versie, input);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('voegPartijToe') })
  @Vereist('afspraak:bewerken')
  addPartij(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.voegPartijToe(ctx, id, versie, organisatieId);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('verwijderPartij') })
  @Vereist('afspraak:bewerken')
  removePartij(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('organisatieId', { type: () => ID }) organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.verwijderPartij(ctx, id, versie, organisatieId);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('voegAfspraakToe') })
  @Vereist('afspraak:bewerken')
  addAfspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('input') input: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.voegAfspraakToe(ctx, id, versie, input);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('wijzigAfspraak') })
  @Vereist('afspraak:bewerken')
  updateAfspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
    @Args('input') input: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.wijzigAfspraak(ctx, id, versie, afspraakId, input);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('verwijderAfspraak') })
  @Vereist('afspraak:bewerken')
  removeAfspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
  ): Promise<Prestatieafspraak> {
    return this.verwijderAfspraak(ctx, id, versie, afspraakId);
  }
}
