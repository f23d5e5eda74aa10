import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { OrganisatieSoortEnum } from '../common/graphql-enums';

@ObjectType({
  description: 'Een gebruiker die de platformbeheerder voor een organisatie heeft geregistreerd',
})
export class BeheerGebruiker {
  @Field(() => ID) id: string;
  @Field({ description: 'Gebruikersnaam in Keycloak (kleine letters, cijfers, punt, streepje)' })
  gebruikersnaam: string;
  @Field() naam: string;
  @Field() email: string;
  @Field(() => [String], {
    description: 'Clientrollen van thuismonitor-api: lezen, invoeren, tekenen, beheren',
  })
  rollen: string[];
  @Field() actief: boolean;
  @Field() aangemaaktOp: Date;
}

@ObjectType({ description: 'Een regel uit het auditlog van een organisatie (wie, wanneer, wat, voor en na)' })
export class BeheerAuditRegel {
  @Field(() => Date) tijdstip: Date;
  @Field(() => String, { nullable: true }) gebruikersnaam: string | null;
  @Field() actie: string;
  @Field(() => String, { nullable: true, description: 'Toestand vóór de handeling (JSON)' }) voor:
    string | null;
  @Field(() => String, { nullable: true, description: 'Toestand na de handeling (JSON)' }) na: string | null;
}

@ObjectType({
  description: 'Een organisatie zoals de platformbeheerder haar ziet, ook als zij gedeactiveerd is',
})
export class BeheerOrganisatie {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field(() => OrganisatieSoortEnum) soort: OrganisatieSoort;
  @Field() naam: string;
  @Field() actief: boolean;
  @Field(() => Date, { nullable: true }) gedeactiveerdOp: Date | null;
  @Field() aangemaaktOp: Date;
  @Field(() => [String], { description: 'CBS-codes van de gemeenten in het werkgebied' })
  werkgebiedCodes: string[];
  @Field(() => [ID], { description: 'Corporaties waaraan deze huurdersorganisatie verbonden is' })
  corporatieIds: string[];
  @Field(() => Int, { description: 'Actieve geregistreerde gebruikers' }) aantalGebruikers: number;
  /** the organisation this one merged into (resolved to BeheerOrganisatie by the resolver) */
  opgegaanInId: string | null;
}

@InputType()
export class BeheerOrganisatieFilter {
  @Field(() => OrganisatieSoortEnum, { nullable: true }) soort?: OrganisatieSoort;
  @Field({ nullable: true, description: 'Deel van naam of code' }) zoek?: string;
  @Field({ nullable: true, defaultValue: false }) inclusiefGedeactiveerd?: boolean;
}

@InputType()
export class OrganisatieNieuwInput {
  @Field(() => OrganisatieSoortEnum) soort: OrganisatieSoort;
  @Field({
    description:
      'GM-code, PV-code, L-nummer (corporatie), KVK-nummer (huurders, zorgaanbieder) of afkorting (Rijk)',
  })
  code: string;
  @Field({ nullable: true, description: 'Verplicht, behalve voor gemeente en provincie (dan de CBS-naam)' })
  naam?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Werkgebied (corporatie, zorgaanbieder, huurdersorganisatie)',
  })
  werkgebied?: string[];
  @Field(() => [ID], { nullable: true, description: 'Corporaties (alleen huurdersorganisatie)' })
  corporatieIds?: string[];
}

@InputType()
export class GebruikerNieuwInput {
  @Field() gebruikersnaam: string;
  @Field() naam: string;
  @Field() email: string;
  @Field(() => [String]) rollen: string[];
}

@ObjectType({
  description: 'Een toewijzingenimport die niets heeft opgeslagen (fouten of bestand geweigerd)',
})
export class BeheerMislukteImport {
  @Field(() => BeheerOrganisatie) organisatie: BeheerOrganisatie;
  @Field(() => Date) tijdstip: Date;
  @Field(() => Int, { nullable: true, description: 'Aantal rijen in het bestand' }) rijen: number | null;
  @Field(() => Int, { nullable: true, description: 'Aantal foute rijen' }) aantalFouten: number | null;
  @Field(() => String, { nullable: true, description: 'Waarom het hele bestand is geweigerd' }) reden:
    string | null;
}

@ObjectType({ description: 'Wat de platformbeheerder aandacht vraagt' })
export class BeheerAandacht {
  @Field(() => [BeheerMislukteImport], {
    description:
      'Mislukte toewijzingenimports van de laatste 30 dagen, per organisatie de laatste, zolang er daarna geen import is gelukt',
  })
  mislukteImports: BeheerMislukteImport[];
  @Field(() => [BeheerOrganisatie], {
    description: 'Corporaties, zorgaanbieders en huurdersorganisaties zonder werkgebied',
  })
  zonderWerkgebied: BeheerOrganisatie[];
  @Field(() => [BeheerOrganisatie], {
    description: 'Huurdersorganisaties die aan geen corporatie verbonden zijn',
  })
  huurdersZonderCorporatie: BeheerOrganisatie[];
  @Field(() => [BeheerOrganisatie], {
    description: 'Corporaties, zorgaanbieders en huurdersorganisaties zonder geregistreerde gebruikers',
  })
  zonderGebruikers: BeheerOrganisatie[];
}

@ObjectType({ description: 'Een fout in een rij van een organisatie-import' })
export class OrganisatieImportFout {
  @Field(() => Int, { description: 'Regelnummer in het bestand (1 = kopregel)' }) regel: number;
  @Field() kolom: string;
  @Field() melding: string;
}

@ObjectType({ description: 'Uitkomst van een organisatie-import (proefrun of echt)' })
export class OrganisatieImportRapport {
  @Field() proefrun: boolean;
  @Field({ description: 'Waar als alles is opgeslagen (alles of niets)' }) opgeslagen: boolean;
  @Field(() => Int) aantalRijen: number;
  @Field(() => [String], { description: 'Codes die nieuw worden aangemaakt' }) nieuw: string[];
  @Field(() => [String], { description: 'Codes van bestaande organisaties die worden bijgewerkt' })
  bijgewerkt: string[];
  @Field(() => [OrganisatieImportFout]) fouten: OrganisatieImportFout[];
}
