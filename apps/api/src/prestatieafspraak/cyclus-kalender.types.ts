import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CyclusStapCode, CyclusStapStatus, GeschilOnderwerp } from '@thuismonitor/domain';
import { enumObject } from '../common/graphql-enums';
import { Gemeente } from '../referentie';
import { DatumPeriode } from '../taakstelling';
import { GeschilOnderwerpEnum, VolkshuisvestingRegime } from '../volkshuisvesting';

export const CyclusStapCodeEnum = enumObject([
  'EVALUATIE',
  'BOD',
  'ONDERTEKENING',
] as const satisfies readonly CyclusStapCode[]);
registerEnumType(CyclusStapCodeEnum, { name: 'CyclusStapCode' });

export const CyclusStapStatusEnum = enumObject([
  'GEDAAN',
  'OPEN',
  'TE_LAAT',
] as const satisfies readonly CyclusStapStatus[]);
registerEnumType(CyclusStapStatusEnum, { name: 'CyclusStapStatus' });

@ObjectType({ description: 'Eén stap van de jaarlijkse cyclus met haar deadline' })
export class CyclusStap {
  @Field(() => CyclusStapCodeEnum) code: CyclusStapCode;
  @Field() label: string;
  @Field({ description: 'Laatste dag waarop de stap op tijd is (jjjj-mm-dd)' }) deadline: string;
  @Field(() => String, { nullable: true, description: 'Datum waarop de stap gedaan is (jjjj-mm-dd)' })
  gedaanOp: string | null;
  @Field(() => CyclusStapStatusEnum) status: CyclusStapStatus;
  @Field() statusLabel: string;
  @Field(() => Boolean, { nullable: true, description: 'Voor een gedane stap: op tijd of niet' }) opTijd:
    boolean | null;
  @Field(() => Int, { description: 'Dagen van de peildatum tot de deadline; negatief als die voorbij is' })
  dagenTotDeadline: number;
}

@ObjectType({
  description:
    'Waar de cyclus van prestatieafspraken van een gemeente staat in een jaar: het bod van de corporatie (uiterlijk 1 juli) ' +
    'en de ondertekening van de afspraken voor het volgende jaar (uiterlijk 1 of 15 december)',
})
export class CyclusKalender {
  @Field(() => Gemeente) gemeente: Gemeente;
  @Field(() => Int) jaar: number;
  @Field(() => Int, { description: 'Het jaar waarvoor in deze cyclus wordt afgesproken (jaar + 1)' })
  afsprakenJaar: number;
  @Field({ description: 'De datum waarop de stand is bepaald (jjjj-mm-dd)' }) peildatum: string;
  @Field(() => Int, { description: 'Dag in december waarop uiterlijk getekend moet zijn (1 of 15)' })
  ondertekenDeadlineDag: number;
  @Field(() => [CyclusStap]) stappen: CyclusStap[];
  @Field({
    description:
      'Of op de peildatum een geschil (art. 44 Woningwet) kan worden ingediend: binnen de geschiltermijn van het regime dat dan geldt',
  })
  geschilMogelijk: boolean;
  @Field(() => [GeschilOnderwerpEnum], {
    description: 'Waarover op de peildatum een geschil kan gaan (leeg buiten de termijn); nakoming alleen onder de Wet versterking regie',
  })
  geschilOnderwerpen: GeschilOnderwerp[];
  @Field(() => DatumPeriode, { description: 'De geschiltermijn die in dit cyclusjaar opent (volgens het regime van de cyclus)' })
  geschilTermijn: DatumPeriode;
  @Field(() => VolkshuisvestingRegime, {
    description: 'Het wettelijk regime waaronder deze cyclus loopt: het regime dat op 1 juli van het jaar geldt',
  })
  regime: VolkshuisvestingRegime;
}
