import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Provincie (CBS-code PV20–PV31)' })
export class Provincie {
  @Field() code: string;
  @Field() naam: string;
}

@ObjectType({ description: 'Woningmarktregio (indeling 2016); lidmaatschap is geïmporteerde data' })
export class Woningmarktregio {
  @Field() code: string;
  @Field() naam: string;
}

@ObjectType({ description: 'Gemeente (CBS-indeling 2025, ongewijzigd in 2026)' })
export class Gemeente {
  @Field({ description: 'CBS-code, bijvoorbeeld GM0344' }) code: string;
  @Field() naam: string;
  @Field(() => Int, { nullable: true }) inwoners: number | null;
  @Field(() => [String], { description: 'Codes van aangrenzende gemeenten' }) buurgemeenten: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Datum (1 januari) waarop de gemeente door een herindeling is opgeheven; haar historie blijft leesbaar',
  })
  opgehevenOp: string | null;
  @Field(() => String, { nullable: true, description: 'CBS-code van de gemeente waarin zij is opgegaan' })
  opgegaanIn: string | null;
  provincieCode: string;
  woningmarktregioCode: string | null;
}

@InputType()
export class GemeenteFilter {
  @Field({ nullable: true }) provincieCode?: string;
  @Field({ nullable: true }) woningmarktregioCode?: string;
  @Field({ nullable: true, description: 'Zoekt in naam en code (hoofdletterongevoelig)' }) zoek?: string;
  @Field(() => [String], { nullable: true }) codes?: string[];
  @Field({
    nullable: true,
    description: 'Ook gemeenten die door een herindeling zijn opgeheven (in de API-lijsten standaard niet)',
  })
  inclusiefOpgeheven?: boolean;
}

@ObjectType()
export class RegioImportFout {
  @Field(() => Int) regel: number;
  @Field() kolom: string;
  @Field() melding: string;
}

@ObjectType({ description: 'Uitkomst van een import van de woningmarktregio-indeling' })
export class RegioImportResultaat {
  @Field() opgeslagen: boolean;
  @Field(() => Int) gemeentenIngedeeld: number;
  @Field(() => [RegioImportFout]) fouten: RegioImportFout[];
  @Field(() => [String], { description: 'Gemeenten die in het bestand ontbreken' }) ontbrekendeGemeenten: string[];
}
