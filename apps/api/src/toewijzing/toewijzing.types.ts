import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Aandachtsgroep, Segment } from '@thuismonitor/domain';
import { AandachtsgroepEnum, SegmentEnum } from '../common/graphql-enums';
import { PageInfo } from '../common/paginering';

@ObjectType({
  description:
    'Een toewijzing van een huurwoning aan een huishouden. Bevat nooit persoonsgegevens: alleen gemeente, datum, ' +
    'aandachtsgroep, huishoudgrootte, segment en of het via urgentie ging.',
})
export class Toewijzing {
  @Field(() => ID) id: string;
  @Field({ description: 'Kenmerk uit het verhuursysteem van de corporatie; uniek per corporatie' }) externKenmerk: string;
  @Field({ description: 'Datum van de toewijzing (jjjj-mm-dd)' }) datum: string;
  @Field(() => AandachtsgroepEnum, { nullable: true, description: 'Leeg = regulier (geen aandachtsgroep)' })
  aandachtsgroep: Aandachtsgroep | null;
  @Field(() => Int, { description: 'Aantal personen in het huishouden' }) huishoudgrootte: number;
  @Field(() => SegmentEnum) segment: Segment;
  @Field() viaUrgentie: boolean;
  @Field(() => ID, { nullable: true, description: 'De import waarmee de toewijzing is vastgelegd (leeg bij invoer via formulier)' })
  importId: string | null;
  @Field() aangemaaktOp: Date;
  corporatieId: string;
  gemeenteCode: string;
}

@InputType()
export class ToewijzingWijziging {
  @Field({ description: 'CBS-code (GM0344) of naam van de gemeente van de woning' }) gemeenteCode: string;
  @Field({ description: 'jjjj-mm-dd (of dd-mm-jjjj)' }) datum: string;
  @Field(() => AandachtsgroepEnum, { nullable: true, description: 'Leeg = regulier' }) aandachtsgroep?: Aandachtsgroep | null;
  @Field(() => Int) huishoudgrootte: number;
  @Field(() => SegmentEnum, { nullable: true, description: 'Standaard sociale huur' }) segment?: Segment | null;
  @Field({ nullable: true, defaultValue: false }) viaUrgentie?: boolean;
}

@InputType()
export class ToewijzingInput extends ToewijzingWijziging {
  @Field(() => String, {
    nullable: true,
    description: 'Kenmerk uit het eigen verhuursysteem (uniek per corporatie). Leeg: Thuismonitor maakt er een (TM-…).',
  })
  externKenmerk?: string | null;
}

@InputType()
export class ToewijzingFilter {
  @Field({ nullable: true }) gemeenteCode?: string;
  @Field({ nullable: true, description: 'Vanaf deze datum (jjjj-mm-dd), inclusief' }) van?: string;
  @Field({ nullable: true, description: 'Tot en met deze datum (jjjj-mm-dd)' }) tot?: string;
  @Field(() => AandachtsgroepEnum, { nullable: true }) aandachtsgroep?: Aandachtsgroep;
  @Field({ nullable: true, description: 'Alleen reguliere toewijzingen (zonder aandachtsgroep)' }) regulier?: boolean;
  @Field(() => ID, { nullable: true }) corporatieId?: string;
}

@ObjectType()
export class ToewijzingEdge {
  @Field() cursor: string;
  @Field(() => Toewijzing) node: Toewijzing;
}

@ObjectType({
  description:
    'Een pagina toewijzingen, nieuwste eerst. Alleen de corporatie die ze vastlegde en de gemeente waarin ze liggen zien rijen; ' +
    'anderen zien aantallen via de voortgang.',
})
export class ToewijzingConnection {
  @Field(() => [ToewijzingEdge]) edges: ToewijzingEdge[];
  @Field(() => [Toewijzing]) nodes: Toewijzing[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  /** counted only when asked for (totalCount field resolver) */
  telTotaal: () => Promise<number>;
}
