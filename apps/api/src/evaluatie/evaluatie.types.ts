import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EVALUATIE_OORDELEN,
  EVALUATIE_STATUSSEN,
  GESCHIL_STATUSSEN,
  type EvaluatieOordeel,
  type EvaluatieStatus,
  type GeschilOnderwerp,
  type GeschilStatus,
} from '@thuismonitor/domain';
import { enumObject } from '../common/graphql-enums';
import { Organisatie } from '../organisatie';
import { GeschilOnderwerpEnum } from '../volkshuisvesting';

export const EvaluatieOordeelEnum = enumObject(EVALUATIE_OORDELEN);
registerEnumType(EvaluatieOordeelEnum, {
  name: 'EvaluatieOordeel',
  description: 'Gerealiseerd, deels of niet',
});
export const EvaluatieStatusEnum = enumObject(EVALUATIE_STATUSSEN);
registerEnumType(EvaluatieStatusEnum, { name: 'EvaluatieStatus' });
export const GeschilStatusEnum = enumObject(GESCHIL_STATUSSEN);
registerEnumType(GeschilStatusEnum, { name: 'GeschilStatus' });

@ObjectType({
  description: 'Het oordeel over één afspraak in de evaluatie, met de cijfers die Thuismonitor al heeft',
})
export class EvaluatieRegel {
  @Field(() => ID) afspraakId: string;
  @Field(() => Int) volgnummer: number;
  @Field() omschrijving: string;
  @Field(() => Float, { nullable: true, description: 'Doelwaarde in het geëvalueerde jaar' }) doelwaarde:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Realisatie uit de voortgang (null bij een mijlpaal of afgeschermd)',
  })
  realisatie: number | null;
  @Field(() => String, { nullable: true, description: 'Realisatie zoals de voortgang die toont' })
  realisatieWeergave: string | null;
  @Field(() => String, { nullable: true, description: 'Stand van een mijlpaal' }) mijlpaalStatus:
    string | null;
  @Field(() => EvaluatieOordeelEnum, { nullable: true }) oordeel: EvaluatieOordeel | null;
  @Field(() => String, { nullable: true }) oordeelLabel: string | null;
  @Field(() => String, { nullable: true }) toelichting: string | null;
}

@ObjectType({
  description: 'De gezamenlijke evaluatie van een jaar van een prestatieafspraak (alleen voor de partijen)',
})
export class Evaluatie {
  @Field(() => ID) prestatieafspraakId: string;
  @Field(() => Int) jaar: number;
  @Field(() => EvaluatieStatusEnum, {
    nullable: true,
    description: 'Leeg zolang niemand iets heeft ingevuld',
  })
  status: EvaluatieStatus | null;
  @Field(() => Int, { description: '0 zolang er nog niets is opgeslagen' }) versie: number;
  @Field(() => [EvaluatieRegel]) regels: EvaluatieRegel[];
  @Field(() => String, { nullable: true }) vastgesteldOp: string | null;
  @Field(() => Organisatie, { nullable: true }) vastgesteldDoor: Organisatie | null;
}

@InputType()
export class EvaluatieRegelInput {
  @Field(() => ID) afspraakId: string;
  @Field(() => EvaluatieOordeelEnum, { nullable: true }) oordeel?: EvaluatieOordeel | null;
  @Field(() => String, { nullable: true }) toelichting?: string | null;
}

@ObjectType({
  description: 'Een geschil over een prestatieafspraak, voorgelegd aan de minister (Woningwet art. 44)',
})
export class Geschil {
  @Field(() => ID) id: string;
  @Field(() => ID) prestatieafspraakId: string;
  @Field(() => GeschilOnderwerpEnum) onderwerp: GeschilOnderwerp;
  @Field() onderwerpLabel: string;
  @Field() omschrijving: string;
  @Field({ description: 'Dagtekening van het verzoek (jjjj-mm-dd)' }) ingediendOp: string;
  @Field(() => Organisatie) ingediendDoor: Organisatie;
  @Field(() => GeschilStatusEnum) status: GeschilStatus;
  @Field() statusLabel: string;
  @Field(() => String, { nullable: true }) uitkomst: string | null;
  @Field(() => Int) versie: number;
}

@InputType()
export class NieuwGeschilInput {
  @Field(() => ID) prestatieafspraakId: string;
  @Field(() => GeschilOnderwerpEnum) onderwerp: GeschilOnderwerp;
  @Field() omschrijving: string;
  @Field({ description: 'Dagtekening van het verzoek aan de minister (jjjj-mm-dd)' }) ingediendOp: string;
}
