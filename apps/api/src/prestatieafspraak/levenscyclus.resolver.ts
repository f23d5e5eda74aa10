import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import { LevenscyclusService } from './levenscyclus.service';
import { Prestatieafspraak } from './prestatieafspraak.types';

const VERSIE = {
  type: () => Int,
  description: 'De versie die u het laatst zag (optimistische vergrendeling)',
};

@Resolver(() => Prestatieafspraak)
export class LevenscyclusResolver {
  constructor(private readonly service: LevenscyclusService) {}

  @Mutation(() => Prestatieafspraak, {
    description: 'Biedt een concept aan ter ondertekening door alle partijen',
  })
  @Vereist('afspraak:bewerken')
  dienPrestatieafspraakIn(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Prestatieafspraak> {
    return this.service.indienen(ctx, id, versie);
  }

  @Mutation(() => Prestatieafspraak, {
    description:
      'Tekent namens uw organisatie (tekenbevoegden). Na de laatste handtekening is de prestatieafspraak vastgesteld.',
  })
  @Vereist('afspraak:tekenen')
  ondertekenPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Prestatieafspraak> {
    return this.service.ondertekenen(ctx, id, versie);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Trekt een voorstel terug naar concept (reden verplicht); gezette handtekeningen vervallen',
  })
  @Vereist('afspraak:bewerken')
  trekPrestatieafspraakTerug(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('reden') reden: string,
  ): Promise<Prestatieafspraak> {
    return this.service.terugtrekken(ctx, id, versie, reden);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Start een wijziging van een vastgestelde prestatieafspraak: een nieuwe versie als concept',
  })
  @Vereist('afspraak:bewerken')
  startWijzigingPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Prestatieafspraak> {
    return this.service.startWijziging(ctx, id);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Beëindigt een vastgestelde prestatieafspraak (alleen de gemeente)',
  })
  @Vereist('afspraak:bewerken')
  beeindigPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('reden') reden: string,
  ): Promise<Prestatieafspraak> {
    return this.service.beeindigen(ctx, id, versie, reden);
  }

  @Mutation(() => ID, {
    description:
      'Verwijdert een concept dat nooit ter ondertekening is aangeboden (de opsteller of de gemeente). ' +
      'De geschiedenis houdt een regel met wat er is verwijderd. Geeft het id van het verwijderde concept.',
  })
  @Vereist('afspraak:bewerken')
  verwijderConceptPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<string> {
    return this.service.verwijderConcept(ctx, id, versie);
  }

  // The infinitive names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases,
  // so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('dienPrestatieafspraakIn') })
  @Vereist('afspraak:bewerken')
  indienenPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Prestatieafspraak> {
    return this.dienPrestatieafspraakIn(ctx, id, versie);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('ondertekenPrestatieafspraak') })
  @Vereist('afspraak:tekenen')
  ondertekenenPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Prestatieafspraak> {
    return this.ondertekenPrestatieafspraak(ctx, id, versie);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('trekPrestatieafspraakTerug') })
  @Vereist('afspraak:bewerken')
  terugtrekkenPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('reden') reden: string,
  ): Promise<Prestatieafspraak> {
    return this.trekPrestatieafspraakTerug(ctx, id, versie, reden);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('beeindigPrestatieafspraak') })
  @Vereist('afspraak:bewerken')
  beeindigenPrestatieafspraak(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', VERSIE) versie: number,
    @Args('reden') reden: string,
  ): Promise<Prestatieafspraak> {
    return this.beeindigPrestatieafspraak(ctx, id, versie, reden);
  }
}
