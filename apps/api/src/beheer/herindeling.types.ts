import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType({
  description: 'Een gemeentelijke herindeling: gemeenten die per 1 januari opgaan in een (nieuwe) gemeente',
})
export class HerindelingInput {
  @Field({ description: 'Datum van herindeling: altijd 1 januari (jjjj-01-01)' }) datum: string;
  @Field({
    description: 'CBS-code van de nieuwe gemeente, of van de bestaande gemeente waarin de andere opgaan',
  })
  nieuweGemeenteCode: string;
  @Field({ description: 'Naam van de (nieuwe) gemeente zoals CBS haar noemt' }) nieuweGemeenteNaam: string;
  @Field(() => [String], { description: 'CBS-codes van de gemeenten die worden opgeheven' })
  oudeGemeenteCodes: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'Provincie (PV-code) van een nieuwe gemeente; alleen nodig als de oude gemeenten in verschillende provincies liggen',
  })
  provincieCode?: string | null;
}

@ObjectType({ description: 'Een gemeente in een herindeling' })
export class HerindelingGemeente {
  @Field() code: string;
  @Field() naam: string;
  @Field() provincieCode: string;
}

@ObjectType({ description: 'Een open of lopende prestatieafspraak die naar de nieuwe gemeente gaat' })
export class HerindelingAfspraak {
  @Field(() => ID) id: string;
  @Field() titel: string;
  @Field() status: string;
  @Field({ description: 'De oude gemeente (CBS-code)' }) gemeenteCode: string;
}

@ObjectType({ description: 'Wat een herindeling verandert (proefrun) of veranderd heeft' })
export class HerindelingRapport {
  @Field({ description: 'true: toegepast en opgeslagen; false: alleen de proefrun' }) toegepast: boolean;
  @Field() datum: string;
  @Field(() => HerindelingGemeente) nieuweGemeente: HerindelingGemeente;
  @Field({ description: 'De gemeente bestond nog niet in de referentiedata en wordt aangemaakt' })
  nieuweGemeenteAangemaakt: boolean;
  @Field(() => [HerindelingGemeente]) oudeGemeenten: HerindelingGemeente[];
  @Field(() => [String], { description: 'Organisaties waarvan het werkgebied de nieuwe gemeente krijgt' })
  werkgebiedOrganisaties: string[];
  @Field(() => [HerindelingAfspraak], {
    description: 'Prestatieafspraken (concept, ter ondertekening of lopend) die naar de nieuwe gemeente gaan',
  })
  prestatieafspraken: HerindelingAfspraak[];
  @Field(() => Int, {
    description: 'Taakstellingen vanaf de datum die bij de nieuwe gemeente worden opgeteld',
  })
  taakstellingen: number;
  @Field(() => Int, { description: 'Geregistreerde gebruikers die naar de nieuwe gemeente verhuizen' })
  gebruikers: number;
  @Field({
    description:
      'Laatste dag van het laatst afgesloten kwartaal: wat in afgesloten perioden ligt, blijft bij de oude gemeenten',
  })
  afgeslotenTot: string;
  @Field({ description: 'De datum van herindeling ligt in een afgesloten kwartaal (late toepassing)' })
  laat: boolean;
  @Field(() => Int, {
    description: 'Taakstellingen vanaf de datum over afgesloten perioden: blijven bij de oude gemeenten',
  })
  taakstellingenAfgesloten: number;
  @Field(() => Int, {
    description:
      'Vastgestelde prestatieafspraken die in een afgesloten periode eindigden: blijven bij de oude gemeenten',
  })
  prestatieafsprakenAfgesloten: number;
}
