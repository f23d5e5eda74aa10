import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesInvoer, VEROUDERD_INPUT, verouderd } from '../common/api-naamgeving';
import { laadOrganisatie } from '../common/organisatie-lader';
import { OrganisatieService } from '../organisatie';
import { Organisatie } from '../organisatie';
import { ReferentieService } from '../referentie';
import { Gemeente } from '../referentie';
import { ToewijzingService } from './toewijzing.service';
import {
  Toewijzing,
  ToewijzingConnection,
  ToewijzingFilter,
  ToewijzingInput,
  ToewijzingWijziging,
} from './toewijzing.types';

@Resolver(() => Toewijzing)
export class ToewijzingResolver {
  constructor(
    private readonly service: ToewijzingService,
    private readonly referentie: ReferentieService,
    private readonly organisaties: OrganisatieService,
  ) {}

  @Query(() => ToewijzingConnection, {
    description:
      'Toewijzingen als rijen, nieuwste eerst, met cursor-paginering. Alleen voor de corporatie die ze vastlegde en de ' +
      'gemeente waarin ze liggen; andere organisaties krijgen een lege lijst (zij zien aantallen in de voortgang).',
  })
  @Vereist('toewijzing:lezen')
  toewijzingen(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: ToewijzingFilter,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: 'Aantal per pagina (standaard 50, hoogstens 500)',
    })
    first?: number,
    @Args('after', { nullable: true, description: 'endCursor van de vorige pagina' }) after?: string,
  ): Promise<ToewijzingConnection> {
    return this.service.lijst(ctx, filter, first, after);
  }

  @Mutation(() => Toewijzing, {
    description: 'Legt één toewijzing vast (eigen corporatie, binnen het werkgebied)',
  })
  @Vereist('toewijzing:invoeren')
  maakToewijzing(@Ctx() ctx: RequestContext, @Args('invoer') input: ToewijzingInput): Promise<Toewijzing> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Toewijzing, { description: 'Corrigeert een eigen toewijzing (het extern kenmerk blijft)' })
  @Vereist('toewijzing:invoeren')
  wijzigToewijzing(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('invoer', { type: () => ToewijzingWijziging, nullable: true }) invoer?: ToewijzingWijziging | null,
    @Args('input', { type: () => ToewijzingWijziging, ...VEROUDERD_INPUT })
    input?: ToewijzingWijziging | null,
  ): Promise<Toewijzing> {
    return this.service.wijzig(ctx, id, kiesInvoer(invoer, input));
  }

  @Mutation(() => ID, { description: 'Verwijdert een eigen toewijzing; geeft het id terug' })
  @Vereist('toewijzing:invoeren')
  verwijderToewijzing(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<string> {
    return this.service.verwijder(ctx, id);
  }

  @ResolveField(() => Gemeente)
  async gemeente(@Parent() t: Toewijzing): Promise<Gemeente> {
    return (await this.referentie.gemeente(t.gemeenteCode))!;
  }

  @ResolveField(() => Organisatie)
  async corporatie(@Parent() t: Toewijzing, @Context() context: object): Promise<Organisatie> {
    return (await laadOrganisatie(context, this.organisaties, t.corporatieId))!;
  }

  // The names before issue 15 (docs/glossary.md, "Naamgeving van de API"): deprecated aliases with their
  // old arguments, so existing clients keep working until the date in the deprecation reason.

  @Mutation(() => Toewijzing, { deprecationReason: verouderd('maakToewijzing') })
  @Vereist('toewijzing:invoeren')
  createToewijzing(@Ctx() ctx: RequestContext, @Args('input') input: ToewijzingInput): Promise<Toewijzing> {
    return this.maakToewijzing(ctx, input);
  }
}

@Resolver(() => ToewijzingConnection)
export class ToewijzingConnectionResolver {
  @ResolveField(() => Int, {
    description: 'Aantal toewijzingen dat aan het filter voldoet (alle pagina’s samen)',
  })
  totalCount(@Parent() c: ToewijzingConnection): Promise<number> {
    return c.telTotaal();
  }
}
