import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@thuismonitor/auth';
import { Voortgang } from '../voortgang';
import { WoondealService } from './woondeal.service';
import { Woondeal } from './woondeal.types';

/**
 * Adds the regional woondeal to voortgang as a field of its own, resolved only when asked for:
 * the same area, period and peildatum as the voortgang answer it hangs under, so the woondeal
 * targets are the taakstellingen the voortgang judged (ask for the woondeal's own period, e.g.
 * 2022-01-01 – 2030-12-31, to see a 2022–2030 target judged on its due date).
 */
@Resolver(() => Voortgang)
export class VoortgangWoondealResolver {
  constructor(private readonly woondeals: WoondealService) {}

  @ResolveField(() => Woondeal, {
    description:
      'Regionale woondeal van het gebied: nieuwbouw totaal, betaalbaar en sociale huur tegen de taakstellingen, de aandelen ' +
      'over dezelfde projecten, de pijplijn op de peildatum en het aandeel sociale huur in de voorraad (feit; alleen ' +
      'getoetst aan een doel van de provincie)',
  })
  async woondeal(@Parent() v: Voortgang, @Ctx() ctx: RequestContext): Promise<Woondeal> {
    return this.woondeals.voorVoortgang(ctx, v);
  }
}
