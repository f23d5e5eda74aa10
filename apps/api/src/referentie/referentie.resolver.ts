import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesNieuwOfOud, verouderd } from '../common/api-naamgeving';
import { ReferentieService } from './referentie.service';
import { Gemeente, GemeenteFilter, Provincie, RegioImportResultaat, Woningmarktregio } from './referentie.types';

@Resolver(() => Gemeente)
export class GemeenteResolver {
  constructor(private readonly referentie: ReferentieService) {}

  @Query(() => [Gemeente], { description: 'Gemeenten, gesorteerd op naam' })
  @Vereist('referentie:lezen')
  gemeenten(@Args('filter', { nullable: true }) filter?: GemeenteFilter): Promise<Gemeente[]> {
    // the public lists show today's indeling; opgeheven gemeenten only on request
    return this.referentie.gemeenten({ ...filter, inclusiefOpgeheven: filter?.inclusiefOpgeheven ?? false });
  }

  @Query(() => Gemeente, { nullable: true })
  @Vereist('referentie:lezen')
  async gemeente(@Args('code') code: string): Promise<Gemeente | null> {
    return (await this.referentie.gemeente(code)) ?? null;
  }

  @ResolveField(() => Provincie)
  async provincie(@Parent() g: Gemeente): Promise<Provincie> {
    return (await this.referentie.provincie(g.provincieCode))!;
  }

  @ResolveField(() => Woningmarktregio, { nullable: true })
  async woningmarktregio(@Parent() g: Gemeente): Promise<Woningmarktregio | null> {
    return (await this.referentie.woningmarktregio(g.woningmarktregioCode)) ?? null;
  }
}

@Resolver(() => Provincie)
export class ProvincieResolver {
  constructor(private readonly referentie: ReferentieService) {}

  @Query(() => [Provincie])
  @Vereist('referentie:lezen')
  provincies(): Promise<Provincie[]> {
    return this.referentie.provincies();
  }

  @ResolveField(() => [Gemeente])
  gemeenten(@Parent() p: Provincie): Promise<Gemeente[]> {
    return this.referentie.gemeenten({ provincieCode: p.code, inclusiefOpgeheven: false });
  }
}

@Resolver(() => Woningmarktregio)
export class WoningmarktregioResolver {
  constructor(private readonly referentie: ReferentieService) {}

  @Query(() => [Woningmarktregio], { description: 'De 19 woningmarktregio’s' })
  @Vereist('referentie:lezen')
  woningmarktregios(): Promise<Woningmarktregio[]> {
    return this.referentie.woningmarktregios();
  }

  @ResolveField(() => [Gemeente])
  gemeenten(@Parent() r: Woningmarktregio): Promise<Gemeente[]> {
    return this.referentie.gemeenten({ woningmarktregioCode: r.code, inclusiefOpgeheven: false });
  }

  @Mutation(() => RegioImportResultaat, {
    description:
      'Importeert de indeling van gemeenten in woningmarktregio’s (CSV met kolommen gemeente;woningmarktregio). ' +
      'Alles of niets; met proefrun wordt alleen gecontroleerd.',
  })
  @Vereist('referentie:beheren')
  importeerWoningmarktregioIndeling(
    @Ctx() ctx: RequestContext,
    @Args('csv') csv: string,
    @Args('proefrun', { type: () => Boolean, nullable: true, description: 'Standaard false' }) proefrun?: boolean | null,
    @Args('dryRun', { type: () => Boolean, nullable: true, deprecationReason: verouderd('proefrun') })
    dryRun?: boolean | null,
  ): Promise<RegioImportResultaat> {
    const alleenControle = kiesNieuwOfOud(proefrun, dryRun, { nieuw: 'proefrun', oud: 'dryRun' }) ?? false;
    return this.referentie.importeerRegioIndeling(ctx, csv, alleenControle);
  }
}
