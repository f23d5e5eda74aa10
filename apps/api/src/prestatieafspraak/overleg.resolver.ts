import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { verouderd } from '../common/api-naamgeving';
import type { MijlpaalStatus } from '@thuismonitor/domain';
import { OverlegService } from './overleg.service';
import {
  MijlpaalStatusEnum,
  Prestatieafspraak,
  PrestatieafspraakAuditRegel,
} from './prestatieafspraak.types';

@Resolver(() => Prestatieafspraak)
export class OverlegResolver {
  constructor(private readonly service: OverlegService) {}

  @Mutation(() => Prestatieafspraak, {
    description: 'Plaatst een reactie op een prestatieafspraak of op één afspraak daarin',
  })
  @Vereist('afspraak:reageren')
  maakReactie(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) prestatieafspraakId: string,
    @Args('tekst') tekst: string,
    @Args('afspraakId', { type: () => ID, nullable: true }) afspraakId?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.service.plaatsReactie(ctx, prestatieafspraakId, afspraakId, tekst);
  }

  @Mutation(() => Prestatieafspraak, {
    description: 'Werkt de stand van een mijlpaal bij (de verantwoordelijke partij)',
  })
  @Vereist('afspraak:reageren')
  wijzigMijlpaalStatus(
    @Ctx() ctx: RequestContext,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
    @Args('status', { type: () => MijlpaalStatusEnum }) status: MijlpaalStatus,
    @Args('toelichting') toelichting: string,
    @Args('gereedOp', {
      type: () => String,
      nullable: true,
      description: 'Bij GEREED: de datum (standaard vandaag)',
    })
    gereedOp?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.service.updateMijlpaalStatus(ctx, afspraakId, status, toelichting, gereedOp);
  }

  @Query(() => [PrestatieafspraakAuditRegel], {
    description: 'Wijzigingsgeschiedenis van een prestatieafspraak (alleen voor partijen)',
  })
  @Vereist('afspraak:lezen')
  auditLog(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
  ): Promise<PrestatieafspraakAuditRegel[]> {
    return this.service.auditLog(ctx, prestatieafspraakId);
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('maakReactie') })
  @Vereist('afspraak:reageren')
  createReactie(
    @Ctx() ctx: RequestContext,
    @Args('prestatieafspraakId', { type: () => ID }) prestatieafspraakId: string,
    @Args('tekst') tekst: string,
    @Args('afspraakId', { type: () => ID, nullable: true }) afspraakId?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.maakReactie(ctx, prestatieafspraakId, tekst, afspraakId);
  }

  @Mutation(() => Prestatieafspraak, { deprecationReason: verouderd('wijzigMijlpaalStatus') })
  @Vereist('afspraak:reageren')
  updateMijlpaalStatus(
    @Ctx() ctx: RequestContext,
    @Args('afspraakId', { type: () => ID }) afspraakId: string,
    @Args('status', { type: () => MijlpaalStatusEnum }) status: MijlpaalStatus,
    @Args('toelichting') toelichting: string,
    @Args('gereedOp', { type: () => String, nullable: true }) gereedOp?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.wijzigMijlpaalStatus(ctx, afspraakId, status, toelichting, gereedOp);
  }
}
