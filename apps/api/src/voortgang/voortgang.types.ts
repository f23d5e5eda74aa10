import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ActielijnCode, VoortgangStatus } from '@thuismonitor/domain';
import { ActielijnEnum, enumObject } from '../common/graphql-enums';
import { Gebied } from '../gebied';
import { DatumPeriode } from '../taakstelling';

export const VoortgangStatusEnum = enumObject([
  'OP_SCHEMA',
  'ACHTER',
  'VOOR',
  'GEEN_DOEL',
  'LOOPT',
] as const satisfies readonly VoortgangStatus[]);
registerEnumType(VoortgangStatusEnum, {
  name: 'VoortgangStatus',
  description:
    'Op schema (binnen 10% van de taakstelling op de vervaldatum), achter, voor, geen doel gesteld, ' +
    'of LOOPT: de taakstelling is op de peildatum nog niet verlopen (een taakstelling wordt niet per dag verdeeld)',
});

@ObjectType({
  description:
    'Hoeveel gemeenten van het gebied aan een cijfer bijdragen ("28 van 342 gemeenten"): een cijfer boven de ' +
    'gemeente telt alleen gemeenten die het rapporteerden',
})
export class Dekking {
  @Field(() => Int, { description: 'gemeenten die aan het cijfer bijdragen' }) gemeenten: number;
  @Field(() => Int, { description: 'gemeenten in het gebied' }) totaal: number;
  @Field({ description: "'28 van 342 gemeenten'" }) weergave: string;
}

@ObjectType({
  description: 'Een getal zoals het getoond mag worden: kleine aantallen zijn afgeschermd (AVG)',
})
export class VoortgangCel {
  @Field(() => Float, { nullable: true, description: 'null wanneer afgeschermd of niet beschikbaar' })
  waarde: number | null;
  @Field() onderdrukt: boolean;
  @Field({ description: "wat een mens ziet: '1.234', '30,5%', '×' (afgeschermd) of '–' (geen gegevens)" })
  weergave: string;
}

@ObjectType({ description: 'Voortgang van één indicator in het gebied' })
export class IndicatorVoortgang {
  @Field() code: string;
  @Field() naam: string;
  @Field() eenheid: string;
  @Field({ description: 'TOEWIJZINGEN, NIEUWBOUW, KWARTAALCIJFERS of MIJLPAAL' }) bron: string;
  @Field({ description: 'SOM, STAND of AANDEEL' }) aggregatie: string;
  @Field({ description: 'HOGER_IS_BETER of LAGER_IS_BETER' }) richting: string;
  @Field(() => Float, { nullable: true }) taakstelling: number | null;
  @Field({ description: 'GEBIED (eigen taakstelling), ONDERDELEN (som van de gemeenten/provincies) of GEEN' })
  taakstellingBron: string;
  @Field(() => Int, { description: 'bij ONDERDELEN: hoeveel onderdelen een taakstelling hebben' })
  onderdelenMetTaakstelling: number;
  @Field(() => VoortgangCel) realisatie: VoortgangCel;
  @Field(() => Float, { nullable: true }) percentage: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'de laatste dag waarop de taakstelling(en) gehaald moeten zijn',
  })
  vervaldatum: string | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'wat op de peildatum gerealiseerd had moeten zijn: de taakstellingen die dan verlopen zijn, volledig',
  })
  verwacht: number | null;
  @Field(() => Dekking, { description: 'hoeveel gemeenten van het gebied aan de realisatie bijdragen' })
  dekking: Dekking;
  @Field(() => VoortgangStatusEnum, {
    nullable: true,
    description: 'null wanneer de realisatie is afgeschermd of ontbreekt',
  })
  status: VoortgangStatus | null;
  @Field(() => String, { nullable: true }) statusLabel: string | null;
  @Field(() => String, { nullable: true, description: 'waarom er geen realisatie is' }) toelichting:
    string | null;
}

@ObjectType()
export class ActielijnVoortgang {
  @Field(() => ActielijnEnum) code: ActielijnCode;
  @Field(() => Int) nummer: number;
  @Field() naam: string;
  @Field(() => [IndicatorVoortgang]) indicatoren: IndicatorVoortgang[];
}

@ObjectType({ description: 'Eén cel van de tabel per gemeente' })
export class GemeenteIndicatorVoortgang {
  @Field() indicatorCode: string;
  @Field(() => Float, { nullable: true }) taakstelling: number | null;
  @Field(() => VoortgangCel) realisatie: VoortgangCel;
  @Field(() => Float, { nullable: true }) percentage: number | null;
  @Field(() => VoortgangStatusEnum, { nullable: true }) status: VoortgangStatus | null;
}

@ObjectType()
export class GemeenteVoortgang {
  @Field(() => Gebied) gemeente: Gebied;
  @Field(() => [GemeenteIndicatorVoortgang]) indicatoren: GemeenteIndicatorVoortgang[];
}

@ObjectType({
  description:
    'Voortgang van een afspraak uit een vastgestelde prestatieafspraak in het gebied, over het jaar van de periode',
})
export class AfspraakVoortgang {
  @Field() prestatieafspraakId: string;
  @Field() prestatieafspraakTitel: string;
  @Field() afspraakId: string;
  @Field(() => Int) volgnummer: number;
  @Field() gemeenteCode: string;
  @Field() omschrijving: string;
  @Field({ description: 'INDICATOR of MIJLPAAL' }) soort: string;
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field(() => String, { nullable: true }) indicatorCode: string | null;
  @Field(() => Int) jaar: number;
  @Field(() => Float, { nullable: true, description: 'doelwaarde in dat jaar (1 voor een mijlpaal)' })
  doelwaarde: number | null;
  @Field(() => VoortgangCel, { nullable: true }) realisatie: VoortgangCel | null;
  @Field(() => Float, { nullable: true }) percentage: number | null;
  @Field(() => VoortgangStatusEnum, { nullable: true }) status: VoortgangStatus | null;
  @Field(() => String, { nullable: true }) statusLabel: string | null;
  @Field(() => String, { nullable: true }) mijlpaalDatum: string | null;
  @Field(() => String, { nullable: true }) mijlpaalStatus: string | null;
  @Field({ description: 'naam van de verantwoordelijke partij' }) verantwoordelijke: string;
}

@ObjectType({ description: 'Voortgang van Een thuis voor iedereen in een gebied over een periode' })
export class Voortgang {
  @Field(() => Gebied) gebied: Gebied;
  @Field(() => DatumPeriode) periode: DatumPeriode;
  @Field({
    description:
      'de peildatum: einde periode, of vandaag (Europe/Amsterdam) als die nog loopt; niets met een latere datum telt mee',
  })
  peildatum: string;
  @Field(() => Float, { description: 'deel van de periode dat verstreken is (0–1)' })
  verstrekenFractie: number;
  @Field({
    description:
      'true wanneer u niet de eigenaar van alle cijfers bent: kleine aantallen huishoudens zijn dan afgerond op 0 of 5 (beschermde cijfers)',
  })
  afgeschermd: boolean;
  @Field(() => String, { nullable: true, description: 'de legenda bij afgeronde cijfers' })
  afschermingUitleg: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'waarom de peildatum eerder ligt dan gevraagd (alleen afgesloten kwartalen voor wie niet de eigenaar is)',
  })
  peildatumToelichting: string | null;
  @Field(() => [ActielijnVoortgang]) actielijnen: ActielijnVoortgang[];
  @Field(() => [GemeenteVoortgang], {
    description: 'per gemeente (leeg wanneer het gebied zelf een gemeente is)',
  })
  gemeenten: GemeenteVoortgang[];
  /**
   * Measured only when the query asks for it (the country has thousands): VoortgangResolver looks
   * at the selection and VoortgangService.meet reads them in the same transaction as the rest.
   */
  @Field(() => [AfspraakVoortgang], {
    description:
      'Afspraken uit vastgestelde prestatieafspraken in het gebied (die u mag zien), over het jaar van de periode tot de peildatum',
  })
  afspraken: AfspraakVoortgang[];
}
