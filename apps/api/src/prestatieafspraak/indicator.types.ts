import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type {
  Aandachtsgroep,
  ActielijnCode,
  Bron,
  Eenheid,
  Indicator as CatalogusIndicator,
  OrganisatieSoort,
  Richting,
} from '@thuismonitor/domain';
import { AandachtsgroepEnum, ActielijnEnum, enumObject, OrganisatieSoortEnum } from '../common/graphql-enums';

// The domain keeps these as union types; the lists here must name the same values (the compiler
// checks them through `satisfies`).
export const IndicatorEenheidEnum = enumObject([
  'WONINGEN',
  'HUISHOUDENS',
  'PERSONEN',
  'PERCENTAGE',
  'MIJLPAAL',
  'AANTAL',
] as const satisfies readonly Eenheid[]);
registerEnumType(IndicatorEenheidEnum, {
  name: 'IndicatorEenheid',
  description: 'Eenheid waarin een indicator wordt gemeten',
});

export const IndicatorBronEnum = enumObject([
  'TOEWIJZINGEN',
  'NIEUWBOUW',
  'KWARTAALCIJFERS',
  'MIJLPAAL',
] as const satisfies readonly Bron[]);
registerEnumType(IndicatorBronEnum, {
  name: 'IndicatorBron',
  description: 'Waaruit de realisatie van een indicator wordt berekend',
});

export const IndicatorRichtingEnum = enumObject([
  'HOGER_IS_BETER',
  'LAGER_IS_BETER',
] as const satisfies readonly Richting[]);
registerEnumType(IndicatorRichtingEnum, {
  name: 'IndicatorRichting',
  description: 'Of een hogere waarde beter of slechter is',
});

@ObjectType({
  description: 'Een indicator uit de meegeleverde indicatorcatalogus (alleen-lezen, geversioneerd)',
})
export class Indicator {
  @Field() code: string;
  @Field() naam: string;
  @Field() omschrijving: string;
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field(() => AandachtsgroepEnum, { nullable: true }) aandachtsgroep: Aandachtsgroep | null;
  @Field(() => IndicatorEenheidEnum) eenheid: Eenheid;
  @Field(() => IndicatorBronEnum) bron: Bron;
  @Field(() => [OrganisatieSoortEnum], {
    description: 'Wie de gegevens aanlevert waaruit de indicator wordt berekend',
  })
  gerapporteerdDoor: OrganisatieSoort[];
  @Field(() => IndicatorRichtingEnum) richting: Richting;
  @Field({ description: 'Versie van de catalogus, bijvoorbeeld 2026.1' }) catalogusVersie: string;
}

export function indicatorUitCatalogus(i: CatalogusIndicator, catalogusVersie: string): Indicator {
  return {
    code: i.code,
    naam: i.naam,
    omschrijving: i.omschrijving,
    actielijn: i.actielijn,
    aandachtsgroep: i.aandachtsgroep ?? null,
    eenheid: i.eenheid,
    bron: i.bron,
    gerapporteerdDoor: [...i.gerapporteerdDoor],
    richting: i.richting,
    catalogusVersie,
  };
}
