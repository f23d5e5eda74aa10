import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Gebied } from '../gebied';

/**
 * The steps of the interventieladder of interbestuurlijk toezicht (Wet revitalisering generiek
 * toezicht; provincial beleidskaders such as Zuid-Holland's "Aanvullend beleidskader huisvesting
 * vergunninghouders" (GS 14 April 2020), which says when a gemeente is placed on or moved up the
 * ladder), ending in indeplaatsstelling bij taakverwaarlozing (Gemeentewet art. 124).
 */
export const INTERVENTIE_TREDEN = [
  'GEEN',
  'SIGNALERING',
  'BESTUURLIJK_OVERLEG',
  'AANSCHRIJVING',
  'INDEPLAATSSTELLING_BESLUIT',
  'INDEPLAATSSTELLING_UITVOERING',
] as const;
export type InterventieTrede = (typeof INTERVENTIE_TREDEN)[number];

export const TREDE_LABEL: Record<InterventieTrede, string> = {
  GEEN: 'Geen interventie',
  SIGNALERING: 'Signalering (ambtelijk contact)',
  BESTUURLIJK_OVERLEG: 'Bestuurlijk overleg',
  AANSCHRIJVING: 'Aanschrijving (vooraankondiging indeplaatsstelling)',
  INDEPLAATSSTELLING_BESLUIT: 'Besluit tot indeplaatsstelling',
  INDEPLAATSSTELLING_UITVOERING: 'Uitvoering indeplaatsstelling',
};

/** From AANSCHRIJVING on the gemeente gets a termijn to act (Gemeentewet art. 124, tweede lid). */
export const TREDEN_MET_TERMIJN: readonly InterventieTrede[] = [
  'AANSCHRIJVING',
  'INDEPLAATSSTELLING_BESLUIT',
  'INDEPLAATSSTELLING_UITVOERING',
];

export const OORDELEN = ['VOLDOET', 'VOLDOET_NIET_VERSCHOONBAAR', 'VOLDOET_NIET'] as const;
export type InterventieOordeel = (typeof OORDELEN)[number];

export const OORDEEL_LABEL: Record<InterventieOordeel, string> = {
  VOLDOET: 'Voldoet',
  VOLDOET_NIET_VERSCHOONBAAR: 'Voldoet niet, doch verschoonbaar',
  VOLDOET_NIET: 'Voldoet niet',
};

export enum InterventieTredeEnum {
  GEEN = 'GEEN',
  SIGNALERING = 'SIGNALERING',
  BESTUURLIJK_OVERLEG = 'BESTUURLIJK_OVERLEG',
  AANSCHRIJVING = 'AANSCHRIJVING',
  INDEPLAATSSTELLING_BESLUIT = 'INDEPLAATSSTELLING_BESLUIT',
  INDEPLAATSSTELLING_UITVOERING = 'INDEPLAATSSTELLING_UITVOERING',
}
registerEnumType(InterventieTredeEnum, {
  name: 'InterventieTrede',
  description: 'Trede op de interventieladder van het interbestuurlijk toezicht',
});

export enum InterventieOordeelEnum {
  VOLDOET = 'VOLDOET',
  VOLDOET_NIET_VERSCHOONBAAR = 'VOLDOET_NIET_VERSCHOONBAAR',
  VOLDOET_NIET = 'VOLDOET_NIET',
}
registerEnumType(InterventieOordeelEnum, {
  name: 'InterventieOordeel',
  description: 'Oordeel van de provincie over de taakstelling huisvesting statushouders',
});

@InputType()
export class StelInterventieInput {
  @Field() gemeenteCode: string;
  @Field({ description: "Het beoordeelde halfjaar, bijvoorbeeld '2026-H1'" }) halfjaar: string;
  @Field(() => InterventieTredeEnum) trede: InterventieTrede;
  @Field(() => InterventieOordeelEnum) oordeel: InterventieOordeel;
  @Field(() => String, {
    nullable: true,
    description:
      'uiterste datum (jjjj-mm-dd) waarop de gemeente moet voldoen; verplicht vanaf de aanschrijving',
  })
  termijn?: string | null;
  @Field(() => String, { nullable: true }) toelichting?: string | null;
}

@ObjectType({
  description: 'Een stap op de interventieladder voor één gemeente (rijen worden nooit gewijzigd)',
})
export class StatushoudersInterventie {
  @Field(() => ID) id: string;
  @Field(() => Gebied) gemeente: Gebied;
  @Field() halfjaar: string;
  @Field(() => InterventieTredeEnum) trede: InterventieTrede;
  @Field() tredeLabel: string;
  @Field(() => Int, { description: '0 = geen interventie, 5 = uitvoering indeplaatsstelling' })
  tredeNummer: number;
  @Field(() => InterventieOordeelEnum) oordeel: InterventieOordeel;
  @Field() oordeelLabel: string;
  @Field(() => String, { nullable: true }) termijn: string | null;
  @Field(() => String, { nullable: true }) toelichting: string | null;
  @Field({ description: 'naam van de provincie die de stap zette' }) gesteldDoor: string;
  @Field() aangemaaktOp: Date;
}

@ObjectType({ description: 'Resultaat van een import van de COA-realisatie' })
export class CoaImportResultaat {
  @Field(() => ID) id: string;
  @Field(() => Int) rijen: number;
  @Field(() => Int) gemeenten: number;
  @Field(() => [String], { description: "de maanden die zijn (her)ingelezen, '2026-01'" }) maanden: string[];
  @Field(() => Int, { description: 'rijen van deze maanden die door de import zijn vervangen' })
  vervangen: number;
}
