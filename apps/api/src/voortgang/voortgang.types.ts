import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ActielijnCode, VoortgangStatus } from '@thuismonitor/domain';
import { ActielijnEnum, enumObject } from '../common/graphql-enums';
import { Gebied } from '../gebied/gebied.types';
import { DatumPeriode } from '../taakstelling/taakstelling.types';

export const VoortgangStatusEnum = enumObject([
  'OP_SCHEMA',
  'ACHTER',
  'VOOR',
  'GEEN_DOEL',
] as const satisfies readonly VoortgangStatus[]);
registerEnumType(VoortgangStatusEnum, {
  name: 'VoortgangStatus',
  description: 'Op schema (binnen 10% van wat nu verwacht mag worden), achter, voor, of geen doel gesteld',
});

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
  @Field(() => Float, { nullable: true, description: 'wat nu gerealiseerd had moeten zijn' }) verwacht:
    number | null;
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
      'de dag waarop standen zijn gelezen: einde periode, of vandaag (Europe/Amsterdam) als die nog loopt',
  })
  peildatum: string;
  @Field(() => Float, { description: 'deel van de periode dat verstreken is (0–1)' })
  verstrekenFractie: number;
  @Field({ description: 'true wanneer kleine aantallen voor u zijn afgeschermd' }) afgeschermd: boolean;
  @Field(() => String, { nullable: true }) afschermingUitleg: string | null;
  @Field(() => [ActielijnVoortgang]) actielijnen: ActielijnVoortgang[];
  @Field(() => [GemeenteVoortgang], {
    description: 'per gemeente (leeg wanneer het gebied zelf een gemeente is)',
  })
  gemeenten: GemeenteVoortgang[];
  /**
   * GraphQL resolves this field on request only (VoortgangResolver.afspraken: the country has
   * thousands, and reading them needs the viewer's RequestContext). VoortgangService.bereken leaves
   * it empty; VoortgangService.afspraken(ctx, voortgang) fills it.
   */
  afspraken: AfspraakVoortgang[];
}
