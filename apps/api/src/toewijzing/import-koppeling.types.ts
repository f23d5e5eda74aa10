import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Een kolomnaam uit de eigen export, gekoppeld aan een kolom van Thuismonitor' })
export class KolomKoppeling {
  @Field({ description: "De kolomnaam zoals die in uw bestand staat ('Plaats')" }) bron: string;
  @Field({
    description:
      'De kolom van Thuismonitor: extern_kenmerk, gemeente, datum, aandachtsgroep, huishoudgrootte, segment of via_urgentie',
  })
  kolom: string;
}

@ObjectType({ description: 'Een waarde uit de eigen export, gekoppeld aan een waarde die Thuismonitor kent' })
export class WaardeKoppeling {
  @Field({ description: 'De kolom van Thuismonitor: gemeente, aandachtsgroep, segment of via_urgentie' })
  veld: string;
  @Field({ description: "De waarde zoals die in uw bestand staat ('STH', 'J')" }) bron: string;
  @Field({
    description:
      'De waarde van Thuismonitor: een aandachtsgroep (STATUSHOUDERS, …, of REGULIER), een segment (SOCIALE_HUUR, …), ' +
      'JA of NEE, of een CBS-gemeentecode',
  })
  waarde: string;
}

@ObjectType({
  description:
    'De woorden van de eigen export van een corporatie: hoe haar kolommen en waarden heten. Eenmaal opgeslagen, ' +
    'gebruikt bij elke volgende import (controle en echte import). Alleen de corporatie zelf leest en wijzigt ze.',
})
export class ImportKoppeling {
  @Field(() => [KolomKoppeling]) kolommen: KolomKoppeling[];
  @Field(() => [WaardeKoppeling]) waarden: WaardeKoppeling[];
  @Field(() => Int, { description: 'Versie van de koppeling; 0 = nog nooit opgeslagen' }) versie: number;
  @Field(() => Date, { nullable: true }) gewijzigdOp: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Gebruikersnaam van wie de koppeling het laatst wijzigde',
  })
  gewijzigdDoor: string | null;
}

@InputType()
export class KolomKoppelingInput {
  @Field() bron: string;
  @Field() kolom: string;
}

@InputType()
export class WaardeKoppelingInput {
  @Field() veld: string;
  @Field() bron: string;
  @Field() waarde: string;
}

@InputType({ description: 'De hele koppeling: vervangt de opgeslagen koppeling' })
export class ImportKoppelingInput {
  @Field(() => [KolomKoppelingInput]) kolommen: KolomKoppelingInput[];
  @Field(() => [WaardeKoppelingInput]) waarden: WaardeKoppelingInput[];
  @Field(() => Int, {
    nullable: true,
    description:
      'De versie die u heeft gelezen; is de koppeling intussen door iemand anders gewijzigd, dan wordt niets opgeslagen',
  })
  versie?: number | null;
}
