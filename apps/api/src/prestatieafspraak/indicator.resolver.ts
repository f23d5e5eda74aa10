import { Args, Query, Resolver } from '@nestjs/graphql';
import { Vereist } from '@thuismonitor/auth';
import {
  INDICATOR_CATALOGUS_VERSIE,
  indicatorKeuze,
  type Aandachtsgroep,
  type ActielijnCode,
} from '@thuismonitor/domain';
import { AandachtsgroepEnum, ActielijnEnum } from '../common/graphql-enums';
import { Indicator, indicatorUitCatalogus } from './indicator.types';

/** The shipped indicator catalogue is reference data: readable by every signed-in user, never written. */
@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], {
    description: 'De indicatorcatalogus, eventueel gefilterd op actielijn en aandachtsgroep',
  })
  @Vereist('referentie:lezen')
  indicatoren(
    @Args('actielijn', { type: () => ActielijnEnum, nullable: true }) actielijn?: ActielijnCode | null,
    @Args('aandachtsgroep', { type: () => AandachtsgroepEnum, nullable: true })
    aandachtsgroep?: Aandachtsgroep | null,
  ): Indicator[] {
    return indicatorKeuze({ actielijn, aandachtsgroep }).map((i) =>
      indicatorUitCatalogus(i, INDICATOR_CATALOGUS_VERSIE),
    );
  }
}
