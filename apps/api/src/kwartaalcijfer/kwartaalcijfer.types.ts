import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Een cijfer dat een organisatie per gemeente per kwartaal rapporteert (huisuitzettingen, sociale huurvoorraad, ' +
    'uitstroom wachtend, …). Een correctie maakt een nieuwe versie; de vorige blijft in de historie.',
})
export class Kwartaalcijfer {
  @Field(() => ID) id: string;
  @Field() indicatorCode: string;
  @Field() indicatorNaam: string;
  @Field({ description: "Kwartaal, bijvoorbeeld '2026-Q3'" }) kwartaal: string;
  @Field(() => Float) waarde: number;
  @Field(() => String, { nullable: true }) toelichting: string | null;
  @Field({ description: 'false voor een cijfer dat door een correctie is vervangen' }) actueel: boolean;
  @Field(() => ID, { nullable: true, description: 'De eerdere versie die dit cijfer corrigeert' }) vervangtId: string | null;
  @Field(() => String, { nullable: true, description: 'Gebruikersnaam van wie het cijfer rapporteerde' })
  gerapporteerdDoor: string | null;
  @Field() gerapporteerdOp: Date;
  organisatieId: string;
  gemeenteCode: string;
}

@InputType()
export class KwartaalcijferInput {
  @Field({ description: 'Code uit de indicatorcatalogus, bijvoorbeeld HUISUITZETTINGEN' }) indicatorCode: string;
  @Field() gemeenteCode: string;
  @Field({ description: "Bijvoorbeeld '2026-Q3'" }) kwartaal: string;
  @Field(() => Float) waarde: number;
  @Field(() => String, { nullable: true }) toelichting?: string | null;
}

@InputType()
export class KwartaalcijferFilter {
  @Field({ nullable: true }) gemeenteCode?: string;
  @Field({ nullable: true }) indicatorCode?: string;
  @Field({ nullable: true, description: "Eén kwartaal, bijvoorbeeld '2026-Q3'" }) kwartaal?: string;
  @Field({ nullable: true, description: 'Vanaf dit kwartaal (inclusief)' }) van?: string;
  @Field({ nullable: true, description: 'Tot en met dit kwartaal' }) tot?: string;
  @Field(() => ID, { nullable: true }) organisatieId?: string;
}

@ObjectType({ description: 'Een indicator die als kwartaalcijfer wordt gerapporteerd' })
export class KwartaalcijferIndicator {
  @Field() code: string;
  @Field() naam: string;
  @Field() omschrijving: string;
  @Field() eenheid: string;
  @Field({ description: 'Mag de organisatie van de aangemelde gebruiker dit cijfer rapporteren?' }) magRapporteren: boolean;
}
