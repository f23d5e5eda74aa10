import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesInvoer, VEROUDERD_INPUT } from '../common/api-naamgeving';
import type { GeschilStatus } from '@thuismonitor/domain';
import { EvaluatieService } from './evaluatie.service';
import {
  Evaluatie,
  EvaluatieRegelInput,
  Geschil,
  GeschilStatusEnum,
  NieuwGeschilInput,
} from './evaluatie.types';
import { GeschilService } from './geschil.service';

const VERSIE = {
  type: () => Int,
  description: 'De versie die u het laatst zag (0 voor een nieuwe evaluatie)',
};

@Resolver()
export class EvaluatieResolver {
  constructor(
    private readonly evaluaties: EvaluatieService,
    private readonly geschilService: GeschilService,
  ) {}

  @Query(() => Evaluatie, {
    description: 'De evaluatie van een jaar, met de cijfers uit de voortgang (alleen partijen)',
  })
  @Vereist('afspraak:lezen')
  evaluatie(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
    @Args('jaar', { type: () => Int }) jaar: number,
  ): Promise<Evaluatie> {
    return this.evaluaties.lees(ctx, prestatieafspraakId, jaar);
  }

  @Mutation(() => Evaluatie, {
    description: 'Slaat oordelen en toelichtingen op (concept); elke partij mag schrijven',
  })
  @Vereist('afspraak:bewerken')
  slaEvaluatieOp(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
    @Args('jaar', { type: () => Int }) jaar: number,
    @Args('versie', VERSIE) versie: number,
    @Args('regels', { type: () => [EvaluatieRegelInput] }) regels: EvaluatieRegelInput[],
  ): Promise<Evaluatie> {
    return this.evaluaties.slaOp(ctx, prestatieafspraakId, jaar, versie, regels);
  }

  @Mutation(() => Evaluatie, {
    description: 'Stelt de evaluatie vast namens de partijen (elke afspraak een oordeel)',
  })
  @Vereist('afspraak:bewerken')
  stelEvaluatieVast(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
    @Args('jaar', { type: () => Int }) jaar: number,
    @Args('versie', VERSIE) versie: number,
  ): Promise<Evaluatie> {
    return this.evaluaties.stelVast(ctx, prestatieafspraakId, jaar, versie);
  }

  @Query(() => [Geschil], { description: 'Geschillen over een prestatieafspraak (alleen partijen)' })
  @Vereist('afspraak:lezen')
  geschillen(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
  ): Promise<Geschil[]> {
    return this.geschilService.lijst(ctx, prestatieafspraakId);
  }

  @Mutation(() => Geschil, {
    description: 'Registreert een geschil (binnen de termijn; onderwerp inhoud of nakoming)',
  })
  @Vereist('afspraak:bewerken')
  registreerGeschil(
    @Ctx() ctx: RequestContext,
    @Args('invoer', { type: () => NieuwGeschilInput, nullable: true }) invoer?: NieuwGeschilInput | null,
    @Args('input', { type: () => NieuwGeschilInput, ...VEROUDERD_INPUT }) input?: NieuwGeschilInput | null,
  ): Promise<Geschil> {
    return this.geschilService.registreer(ctx, kiesInvoer(invoer, input));
  }

  @Mutation(() => Geschil, { description: 'Werkt status en uitkomst van een geschil bij' })
  @Vereist('afspraak:bewerken')
  werkGeschilBij(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('versie', { type: () => Int }) versie: number,
    @Args('status', { type: () => GeschilStatusEnum }) status: GeschilStatus,
    @Args('uitkomst', { type: () => String, nullable: true }) uitkomst?: string | null,
  ): Promise<Geschil> {
    return this.geschilService.werkBij(ctx, id, versie, status, uitkomst);
  }
}
