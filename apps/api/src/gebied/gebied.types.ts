import { Field, InputType, ObjectType } from '@nestjs/graphql';
import type { GebiedSoort } from '@thuismonitor/domain';
import { GebiedSoortEnum } from '../common/graphql-enums';

@InputType({
  description: 'Een gebied: GEMEENTE (GM0344), WONINGMARKTREGIO (WMR09), PROVINCIE (PV26) of LAND (NL)',
})
export class GebiedInput {
  @Field(() => GebiedSoortEnum) soort: GebiedSoort;
  @Field({ description: 'GM-code, woningmarktregio-code, PV-code of NL' }) code: string;
}

@ObjectType({ description: 'Een gebied met naam' })
export class Gebied {
  @Field(() => GebiedSoortEnum) soort: GebiedSoort;
  @Field() code: string;
  @Field() naam: string;
}

/** An area resolved from reference data: what scope checks and SQL need. */
export interface GebiedInfo {
  soort: GebiedSoort;
  code: string;
  naam: string;
  /** every gemeente of the area, sorted by code */
  gemeenten: string[];
  /** distinct provincies of those gemeenten, sorted */
  provincies: string[];
}
