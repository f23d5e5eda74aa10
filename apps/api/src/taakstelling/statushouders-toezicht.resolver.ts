import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { StatushoudersToezichtService } from './statushouders-toezicht.service';
import {
  CoaImportResultaat,
  StatushoudersInterventie,
  StelInterventieInput,
} from './statushouders-toezicht.types';

/**
 * The provincie's supervision of the statushouders taakstelling. Both writes use the permission
 * 'taakstelling:stellen' (the levels that set and supervise targets, role beheren); the service
 * narrows it to the one kind that does it: the Rijk imports COA's figures, the provincie of the
 * gemeente sets its interventieladder step (docs/decisions.md).
 */
@Resolver(() => StatushoudersInterventie)
export class StatushoudersToezichtResolver {
  constructor(private readonly service: StatushoudersToezichtService) {}

  @Mutation(() => CoaImportResultaat, {
    description:
      'Leest de COA-realisatie per gemeente per maand in (CSV: gemeentecode;gemeente;maand;personen). Alleen het Rijk. ' +
      'Een bestand met één foute regel wordt helemaal geweigerd; een maand die opnieuw wordt ingelezen vervangt de vorige.',
  })
  @Vereist('taakstelling:stellen')
  importeerCoaRealisatie(
    @Ctx() ctx: RequestContext,
    @Args('bestandsnaam') bestandsnaam: string,
    @Args('inhoud', { description: 'de tekst van het CSV-bestand' }) inhoud: string,
  ): Promise<CoaImportResultaat> {
    return this.service.importeerCoa(ctx, bestandsnaam, inhoud);
  }

  @Mutation(() => StatushoudersInterventie, {
    description:
      'Zet een stap op de interventieladder voor een gemeente (met oordeel en termijn). Alleen de provincie ' +
      'waarin de gemeente ligt; eerdere stappen blijven als geschiedenis.',
  })
  @Vereist('taakstelling:stellen')
  stelStatushoudersInterventie(
    @Ctx() ctx: RequestContext,
    @Args('invoer') invoer: StelInterventieInput,
  ): Promise<StatushoudersInterventie> {
    return this.service.stelInterventie(ctx, invoer);
  }

  @Query(() => [StatushoudersInterventie], {
    description: 'De stappen op de interventieladder voor een gemeente, nieuwste eerst',
  })
  @Vereist('voortgang:lezen')
  statushoudersInterventies(
    @Ctx() ctx: RequestContext,
    @Args('gemeenteCode') gemeenteCode: string,
  ): Promise<StatushoudersInterventie[]> {
    return this.service.interventies(ctx, gemeenteCode);
  }
}
