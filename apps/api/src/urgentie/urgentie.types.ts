import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'Een categorie die de wet in elke urgentieregeling verplicht stelt, onder een regime',
})
export class VerplichteUrgentieCategorie {
  @Field({ description: 'Het regime (WONINGWET_2015 of WET_VERSTERKING_REGIE)' }) regime: string;
  @Field() code: string;
  @Field() naam: string;
  @Field({ description: 'Wetsartikel en bron' }) bron: string;
}

@ObjectType({ description: 'Een categorie van een urgentieregeling' })
export class UrgentieCategorie {
  @Field({ description: 'Code (hoofdletters, cijfers, _); vaste codes maken gemeenten vergelijkbaar' })
  code: string;
  @Field() naam: string;
  @Field(() => String, { nullable: true }) omschrijving: string | null;
  @Field({ description: 'Of de wet deze categorie verplicht stelt onder het regime dat vandaag geldt' })
  verplicht: boolean;
  @Field({ description: 'Of de categorie over gezondheid of een strafrechtelijk verleden gaat (beschermd)' })
  gevoelig: boolean;
}

@ObjectType({ description: 'Wat de wet vraagt dat de regeling mist (een signaal, geen weigering)' })
export class UrgentieSignaal {
  @Field({ description: 'GEEN_REGELING of VERPLICHTE_CATEGORIE_ONTBREEKT' }) soort: string;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field() melding: string;
  @Field() bron: string;
}

@ObjectType({ description: 'De urgentieregeling van een gemeente (Huisvestingswet 2014 art. 12)' })
export class Urgentieregeling {
  @Field({ description: 'CBS-code van de gemeente' }) gemeenteCode: string;
  @Field() gemeenteNaam: string;
  @Field(() => String, { nullable: true, description: 'Leeg als de gemeente nog geen regeling vastlegde' })
  titel: string | null;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd: vastgesteld door de gemeenteraad' })
  vastgesteldOp: string | null;
  @Field(() => String, { nullable: true, description: 'Link naar de regeling (http of https)' })
  documentUrl: string | null;
  @Field(() => [UrgentieCategorie]) categorieen: UrgentieCategorie[];
  @Field({ description: 'Het regime dat vandaag geldt' }) regime: string;
  @Field({ description: 'Of een urgentieregeling onder dat regime verplicht is' }) regelingVerplicht: boolean;
  @Field(() => [UrgentieSignaal]) signalen: UrgentieSignaal[];
  @Field(() => Int, { nullable: true, description: 'Geef deze mee bij de volgende wijziging' })
  versie: number | null;
}

@InputType()
export class UrgentieCategorieInput {
  @Field() code: string;
  @Field() naam: string;
  @Field(() => String, { nullable: true }) omschrijving?: string | null;
}

@InputType({ description: 'De eigen urgentieregeling (de organisatie bepaalt de gemeente)' })
export class UrgentieregelingInput {
  @Field() titel: string;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd' }) vastgesteldOp?: string | null;
  @Field(() => String, { nullable: true, description: 'https://…' }) documentUrl?: string | null;
  @Field(() => [UrgentieCategorieInput]) categorieen: UrgentieCategorieInput[];
}

@ObjectType({ description: 'Toewijzingen via urgentie in één categorie (beschermd cijfer)' })
export class UrgentieToewijzingen {
  @Field() code: string;
  @Field() naam: string;
  @Field(() => Int, {
    description:
      'Aantal huishoudens in uw eigen toewijzingen (een gemeente: alle toewijzingen in de eigen gemeente)',
  })
  huishoudens: number;
  @Field({ description: 'Of het cijfer exact is (uw eigen toewijzingen of uw eigen gemeente)' })
  exact: boolean;
  @Field() gevoelig: boolean;
}

@ObjectType({ description: 'Toewijzingen per urgentiecategorie in een gebied en periode' })
export class UrgentieVoortgang {
  @Field(() => [UrgentieToewijzingen]) categorieen: UrgentieToewijzingen[];
  @Field(() => Int, { description: 'Waarvan uitstroom uit detentie' }) detentie: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Waarom er geen cijfers zijn (alleen hele, afgesloten kwartalen voor wie niet de eigenaar is)',
  })
  toelichting: string | null;
}

@ObjectType({
  description:
    'Hoeveel gemeenten in een gebied een urgentieregeling hebben (openbaar: deel van de verordening)',
})
export class UrgentieDekking {
  @Field(() => Int, { description: 'gemeenten met een regeling die op de peildatum was vastgesteld' })
  metRegeling: number;
  @Field(() => Int, { description: 'waarvan met alle categorieën die de wet dan verplicht stelt' })
  compleet: number;
  @Field(() => Int, { description: 'gemeenten in het gebied' }) totaal: number;
  @Field({ description: 'bijvoorbeeld "12 van 26 gemeenten"' }) weergave: string;
  @Field({
    description: 'Of een urgentieregeling op de peildatum wettelijk verplicht is (het regime dat dan geldt)',
  })
  regelingVerplicht: boolean;
}
