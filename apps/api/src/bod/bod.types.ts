import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BOD_STATUSSEN, type ActielijnCode, type BodStatus } from '@thuismonitor/domain';
import { ActielijnEnum, enumObject } from '../common/graphql-enums';
import { Organisatie } from '../organisatie';
import { Gemeente } from '../referentie';

export const BodStatusEnum = enumObject(BOD_STATUSSEN);
registerEnumType(BodStatusEnum, {
  name: 'BodStatus',
  description: 'CONCEPT (alleen de corporatie ziet het) of VERZONDEN',
});

@ObjectType({
  description: 'Eén voorgenomen activiteit in een bod: jaar, actielijn, omschrijving, eventueel aantal',
})
export class BodRegel {
  @Field(() => ID) id: string;
  @Field(() => Int) volgnummer: number;
  @Field(() => Int) jaar: number;
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field() omschrijving: string;
  @Field(() => String, {
    nullable: true,
    description: 'Indicator uit de catalogus waaraan de activiteit bijdraagt',
  })
  indicatorCode: string | null;
  @Field(() => Float, { nullable: true }) aantal: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Eenheid van het aantal (bij een indicator: die van de indicator)',
  })
  eenheid: string | null;
}

@ObjectType({
  description:
    'Het bod van een corporatie (Woningwet art. 44): het overzicht van haar voorgenomen activiteiten in een gemeente, ' +
    'jaarlijks vóór 1 juli aan de gemeente en de huurdersorganisatie(s). Het opent het overleg; het is geen afspraak.',
})
export class Bod {
  @Field(() => ID) id: string;
  @Field() titel: string;
  @Field(() => String, { nullable: true }) toelichting: string | null;
  @Field(() => Int, { description: 'Het jaar waarin het bod wordt uitgebracht (uiterlijk 1 juli)' })
  jaar: number;
  @Field({ description: 'Uiterlijke datum (jjjj-mm-dd)' }) deadline: string;
  @Field(() => BodStatusEnum) status: BodStatus;
  @Field() statusLabel: string;
  @Field(() => Int) versie: number;
  @Field(() => Gemeente) gemeente: Gemeente;
  @Field(() => Organisatie) corporatie: Organisatie;
  @Field(() => [Organisatie], { description: 'De gemeente en de huurdersorganisatie(s) die het bod krijgen' })
  ontvangers: Organisatie[];
  @Field(() => [BodRegel]) regels: BodRegel[];
  @Field(() => String, { nullable: true, description: 'Dag van verzending (jjjj-mm-dd)' }) verzondenOp:
    string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Na 1 juli van het jaar verzonden; leeg zolang niet verzonden',
  })
  teLaat: boolean | null;
  @Field(() => [ID], { description: 'Prestatieafspraken die uit dit bod zijn gestart (die u mag zien)' })
  prestatieafspraakIds: string[];
  @Field(() => [String], {
    description: 'Wat u nu kunt doen: BEWERKEN, VERZENDEN, PRESTATIEAFSPRAAK_STARTEN',
  })
  mogelijkeActies: string[];
}

@InputType()
export class BodRegelInput {
  @Field(() => Int) jaar: number;
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field() omschrijving: string;
  @Field(() => String, { nullable: true }) indicatorCode?: string | null;
  @Field(() => Float, { nullable: true }) aantal?: number | null;
  @Field(() => String, { nullable: true }) eenheid?: string | null;
}

@InputType()
export class NieuwBodInput {
  @Field() gemeenteCode: string;
  @Field(() => Int) jaar: number;
  @Field() titel: string;
  @Field(() => String, { nullable: true }) toelichting?: string | null;
  @Field(() => [ID], {
    description: 'Huurdersorganisaties die het bod krijgen (de gemeente krijgt het altijd)',
  })
  huurdersorganisatieIds: string[];
  @Field(() => [BodRegelInput], { defaultValue: [] }) regels: BodRegelInput[];
}

@InputType({ description: 'Wijziging van een concept-bod; regels vervangen alle regels' })
export class BodWijziging {
  @Field(() => String, { nullable: true }) titel?: string | null;
  @Field(() => String, { nullable: true }) toelichting?: string | null;
  @Field(() => [ID], { nullable: true }) huurdersorganisatieIds?: string[] | null;
  @Field(() => [BodRegelInput], { nullable: true }) regels?: BodRegelInput[] | null;
}

@InputType()
export class BodFilter {
  @Field(() => String, { nullable: true }) gemeenteCode?: string | null;
  @Field(() => Int, { nullable: true }) jaar?: number | null;
  @Field(() => BodStatusEnum, { nullable: true }) status?: BodStatus | null;
}
