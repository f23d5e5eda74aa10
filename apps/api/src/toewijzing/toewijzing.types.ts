import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Aandachtsgroep, Segment } from '@thuismonitor/domain';
import { AandachtsgroepEnum, SegmentEnum } from '../common/graphql-enums';
import { PageInfo } from '../common/paginering';

@ObjectType({
  description:
    'Een toewijzing van een huurwoning aan een huishouden. Gepseudonimiseerde gegevens over een huishouden, geen ' +
    'anonieme gegevens: er staan geen namen, adressen of nummers van personen in (alleen gemeente, datum, ' +
    'aandachtsgroep, huishoudgrootte, segment en of het via urgentie ging), maar de corporatie kan een rij met haar ' +
    'eigen administratie herleiden tot het huishouden, en een aandachtsgroep kan over gezondheid of verblijfsstatus ' +
    'gaan. Daarom zien alleen de corporatie zelf en de gemeente van de woning rijen, en is het extern kenmerk alleen ' +
    'als sleutel-hash opgeslagen (docs/privacy.md).',
})
export class Toewijzing {
  @Field(() => ID) id: string;
  @Field({
    description:
      'Vingerafdruk van het extern kenmerk: de eerste 12 tekens van de sleutel-hash (HMAC-SHA256) waaronder het ' +
      'kenmerk is opgeslagen. Het kenmerk zelf bewaart Thuismonitor niet; zoek een toewijzing op uw eigen kenmerk ' +
      'met filter.externKenmerk.',
  })
  kenmerkVingerafdruk: string;
  @Field({ description: 'Datum van de toewijzing (jjjj-mm-dd)' }) datum: string;
  @Field(() => AandachtsgroepEnum, { nullable: true, description: 'Leeg = regulier (geen aandachtsgroep)' })
  aandachtsgroep: Aandachtsgroep | null;
  @Field(() => Int, { description: 'Aantal personen in het huishouden' }) huishoudgrootte: number;
  @Field(() => SegmentEnum) segment: Segment;
  @Field() viaUrgentie: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'De categorie van de urgentieregeling van de gemeente waaronder het huishouden voorrang kreeg',
  })
  urgentieCategorie: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'De import waarmee de toewijzing is vastgelegd (leeg bij invoer via formulier)',
  })
  importId: string | null;
  @Field() aangemaaktOp: Date;
  corporatieId: string;
  gemeenteCode: string;
}

@InputType()
export class ToewijzingWijziging {
  @Field({ description: 'CBS-code (GM0344) of naam van de gemeente van de woning' }) gemeenteCode: string;
  @Field({ description: 'jjjj-mm-dd (of dd-mm-jjjj)' }) datum: string;
  @Field(() => AandachtsgroepEnum, { nullable: true, description: 'Leeg = regulier' })
  aandachtsgroep?: Aandachtsgroep | null;
  @Field(() => Int) huishoudgrootte: number;
  @Field(() => SegmentEnum, { nullable: true, description: 'Standaard sociale huur' })
  segment?: Segment | null;
  @Field({ nullable: true, defaultValue: false }) viaUrgentie?: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Code van de urgentiecategorie (alleen bij via urgentie); moet in de urgentieregeling van de gemeente staan',
  })
  urgentieCategorie?: string | null;
}

@InputType()
export class ToewijzingInput extends ToewijzingWijziging {
  @Field(() => String, {
    nullable: true,
    description:
      'Kenmerk uit het eigen verhuursysteem (uniek per corporatie). Wordt alleen als sleutel-hash opgeslagen en nooit ' +
      'teruggegeven. Leeg: Thuismonitor maakt een willekeurig kenmerk.',
  })
  externKenmerk?: string | null;
}

@InputType()
export class ToewijzingFilter {
  @Field({ nullable: true }) gemeenteCode?: string;
  @Field({ nullable: true, description: 'Vanaf deze datum (jjjj-mm-dd), inclusief' }) van?: string;
  @Field({ nullable: true, description: 'Tot en met deze datum (jjjj-mm-dd)' }) tot?: string;
  @Field(() => AandachtsgroepEnum, { nullable: true }) aandachtsgroep?: Aandachtsgroep;
  @Field({ nullable: true, description: 'Alleen reguliere toewijzingen (zonder aandachtsgroep)' })
  regulier?: boolean;
  @Field(() => ID, { nullable: true }) corporatieId?: string;
  @Field({
    nullable: true,
    description:
      'Alleen de toewijzing met dit extern kenmerk van de eigen corporatie (vergeleken via de sleutel-hash)',
  })
  externKenmerk?: string;
}

@ObjectType()
export class ToewijzingEdge {
  @Field() cursor: string;
  @Field(() => Toewijzing) node: Toewijzing;
}

@ObjectType({
  description:
    'Een pagina toewijzingen (gepseudonimiseerde gegevens over huishoudens), nieuwste eerst. Alleen de corporatie die ze vastlegde en de gemeente waarin ze liggen zien rijen; ' +
    'anderen zien aantallen via de voortgang.',
})
export class ToewijzingConnection {
  @Field(() => [ToewijzingEdge]) edges: ToewijzingEdge[];
  @Field(() => [Toewijzing]) nodes: Toewijzing[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  /** counted only when asked for (totalCount field resolver) */
  telTotaal: () => Promise<number>;
}
