import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { OrganisatieSoortEnum } from '../common/graphql-enums';

@ObjectType({
  description: 'Een organisatie: corporatie, gemeente, huurdersorganisatie, zorgaanbieder, provincie of Rijk',
})
export class Organisatie {
  @Field(() => ID) id: string;
  @Field({ description: 'GM-code, PV-code, L-nummer (corporatie), KvK-nummer of afkorting' }) code: string;
  @Field(() => OrganisatieSoortEnum) soort: OrganisatieSoort;
  @Field() naam: string;
  gemeenteCode: string | null;
  provincieCode: string | null;
  werkgebiedCodes: string[];
}

@InputType()
export class OrganisatieFilter {
  @Field(() => OrganisatieSoortEnum, { nullable: true }) soort?: OrganisatieSoort;
  @Field({ nullable: true, description: 'Organisaties die in deze gemeente werken (of die gemeente zijn)' })
  gemeenteCode?: string;
  @Field({ nullable: true }) zoek?: string;
}

@ObjectType({ description: 'De aangemelde gebruiker en de organisatie waarvoor hij of zij werkt' })
export class Me {
  @Field() gebruikersnaam: string;
  @Field() naam: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => [String], { description: 'Rollen binnen de organisatie' }) rollen: string[];
  @Field(() => [String], { description: 'Wat deze gebruiker mag (permissies uit het beleid)' })
  permissies: string[];
  @Field(() => Organisatie) organisatie: Organisatie;
}

@ObjectType({
  description:
    'Een gebruiker van de eigen organisatie: aangemeld (rollen uit het laatste token) of geregistreerd',
})
export class EigenGebruiker {
  @Field() gebruikersnaam: string;
  @Field() naam: string;
  @Field(() => [String]) rollen: string[];
  @Field(() => Date, { nullable: true }) eersteAanmelding: Date | null;
  @Field(() => Date, { nullable: true, description: 'Leeg: nog nooit aangemeld' })
  laatsteAanmelding: Date | null;
  @Field({ description: 'Door de platformbeheerder geregistreerd' }) geregistreerd: boolean;
}
