import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { OrganisatieSoortEnum } from '../common/graphql-enums';
import { Gebied, GebiedInput } from '../gebied';
import { StatushoudersInterventie } from './statushouders-toezicht.types';

@InputType({ description: 'Een periode van dag tot en met dag (ISO-datums, jjjj-mm-dd)' })
export class DatumPeriodeInput {
  @Field({ description: 'eerste dag, bijvoorbeeld 2026-01-01' }) van: string;
  @Field({ description: 'laatste dag (tot en met), bijvoorbeeld 2026-12-31' }) tot: string;
}

@ObjectType()
export class DatumPeriode {
  @Field() van: string;
  @Field() tot: string;
}

@InputType({ description: 'Geef precies één van periode, jaar of halfjaar' })
export class StelTaakstellingInput {
  @Field({ description: 'Code uit de indicatorcatalogus, bijvoorbeeld STATUSHOUDERS_GEHUISVEST' })
  indicatorCode: string;
  @Field(() => GebiedInput) gebied: GebiedInput;
  @Field(() => DatumPeriodeInput, { nullable: true }) periode?: DatumPeriodeInput;
  @Field(() => Int, { nullable: true }) jaar?: number;
  @Field({ nullable: true, description: "Halfjaar, bijvoorbeeld '2026-H1' (verplicht voor statushouders)" })
  halfjaar?: string;
  @Field(() => Float) waarde: number;
  @Field({ nullable: true }) toelichting?: string;
}

@ObjectType()
export class TaakstellingSteller {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() naam: string;
  @Field(() => OrganisatieSoortEnum) soort: string;
}

@ObjectType({
  description: 'Een taakstelling: een doel dat een hoger niveau stelt voor een gebied en periode',
})
export class Taakstelling {
  @Field(() => ID) id: string;
  @Field() indicatorCode: string;
  @Field() indicatorNaam: string;
  @Field(() => Gebied) gebied: Gebied;
  @Field(() => DatumPeriode) periode: DatumPeriode;
  @Field(() => String, {
    nullable: true,
    description: "'2026-H1' wanneer de periode precies een halfjaar is",
  })
  halfjaar: string | null;
  @Field(() => Float) waarde: number;
  @Field(() => String, { nullable: true }) toelichting: string | null;
  @Field({ description: 'false voor een eerdere waarde die is vervangen' }) actueel: boolean;
  @Field(() => ID, { nullable: true, description: 'de taakstelling die deze verving' }) vervangtId:
    string | null;
  @Field(() => TaakstellingSteller) gesteldDoor: TaakstellingSteller;
  @Field() aangemaaktOp: Date;
}

@ObjectType({ description: 'Eén halfjaar van de taakstelling huisvesting statushouders (in personen)' })
export class StatushoudersHalfjaar {
  @Field({ description: "'2026-H1'" }) halfjaar: string;
  @Field(() => Int, { description: 'taakstelling van dit halfjaar (0 als er geen is gesteld)' })
  taakstelling: number;
  @Field({ description: 'of de Rijksoverheid voor dit halfjaar een taakstelling stelde' })
  taakstellingGesteld: boolean;
  @Field(() => Int, {
    description: 'saldo van het vorige halfjaar: positief = achterstand, negatief = voorsprong',
  })
  meegenomen: number;
  @Field(() => Int) teRealiseren: number;
  @Field(() => Int, {
    description:
      'gehuisveste personen waarop getoetst wordt: de COA-realisatie als het COA voor dit halfjaar cijfers gaf ' +
      '(zie getoetstOp), anders de personen uit de toewijzingen van corporaties',
  })
  gehuisvest: number;
  @Field(() => Int, {
    description:
      'personen uit de toewijzingen van corporaties (som van de huishoudgrootte; voor wie niet de gemeente zelf is: ' +
      'het vrijgegeven, afgeronde cijfer)',
  })
  gehuisvestToewijzingen: number;
  @Field(() => Int, {
    nullable: true,
    description: 'COA-realisatie in personen; null als het COA nog niets meldde',
  })
  gehuisvestCoa: number | null;
  @Field(() => String, {
    nullable: true,
    description: "laatste maand met COA-cijfers in dit halfjaar, '2026-05'",
  })
  coaTotMaand: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'COA-realisatie min de toewijzingen (null zonder COA-cijfer)',
  })
  verschilCoa: number | null;
  @Field({ description: "'COA' of 'TOEWIJZINGEN': het cijfer waarop dit halfjaar wordt getoetst" })
  getoetstOp: string;
  @Field(() => Int, {
    description: 'mee naar het volgende halfjaar: positief = achterstand, negatief = voorsprong',
  })
  saldo: number;
  @Field({
    description:
      'GEHAALD, ACHTERSTAND of VOORSPRONG aan het eind van het halfjaar; GEEN_TAAKSTELLING zonder taakstelling',
  })
  status: string;
  @Field() statusLabel: string;
  @Field({ description: 'de dag waarop de provincie dit halfjaar toetst: 1 juli of 1 januari' })
  controledatum: string;
  @Field({ description: 'true zolang het halfjaar nog loopt: de cijfers kunnen nog veranderen' })
  voorlopig: boolean;
  @Field({
    description:
      'false als het landelijke beleid op de eerste dag van het halfjaar geen taakstelling meer kent: dan geen ' +
      'taakstelling, geen oordeel (status GEEN_TAAKSTELLING) en geen stap op de interventieladder',
  })
  beoordeeld: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'de toelichting en bron van het landelijke beleid als het halfjaar niet wordt beoordeeld',
  })
  beleidToelichting: string | null;
}

@ObjectType()
export class StatushoudersTaakstelling {
  @Field(() => Gebied) gemeente: Gebied;
  @Field(() => [StatushoudersHalfjaar]) halfjaren: StatushoudersHalfjaar[];
  @Field(() => StatushoudersInterventie, {
    nullable: true,
    description:
      'de laatste stap op de interventieladder die de provincie zette (null: nooit een stap gezet)',
  })
  interventie: StatushoudersInterventie | null;
}

@ObjectType({ description: 'De statushouders-taakstelling van alle gemeenten van een provincie' })
export class StatushoudersProvincie {
  @Field(() => Gebied) provincie: Gebied;
  @Field(() => [StatushoudersTaakstelling]) gemeenten: StatushoudersTaakstelling[];
  @Field(() => Int, { description: 'gemeenten met een achterstand aan het eind van het laatste halfjaar' })
  gemeentenMetAchterstand: number;
  @Field(() => String, {
    nullable: true,
    description: 'het laatste gevraagde halfjaar dat voorbij is: daarop toetst de provincie (null: geen)',
  })
  toetsHalfjaar: string | null;
  @Field(() => Int, { description: 'gemeenten met een achterstand aan het eind van het toetshalfjaar' })
  gemeentenAchterBijToets: number;
}
