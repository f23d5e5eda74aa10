import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { STATUSHOUDERS_VOORRANG, type StatushoudersVoorrang } from '@thuismonitor/domain';
import { enumObject } from '../common/graphql-enums';

export const StatushoudersVoorrangEnum = enumObject(STATUSHOUDERS_VOORRANG);
registerEnumType(StatushoudersVoorrangEnum, {
  name: 'StatushoudersVoorrang',
  description: 'Voorrang voor vergunninghouders in de urgentieregeling: verplicht, toegestaan of verboden',
});

@ObjectType({
  description:
    'Landelijk beleid voor de huisvesting van statushouders vanaf een datum (referentiegegevens, met bron)',
})
export class StatushoudersBeleidRegel {
  @Field({ description: 'Eerste dag waarop dit beleid geldt (jjjj-mm-dd); het geldt tot de volgende regel' })
  geldigVan: string;
  @Field({ description: 'Of de halfjaarlijkse taakstelling voor gemeenten geldt' }) taakstelling: boolean;
  @Field(() => StatushoudersVoorrangEnum) voorrang: StatushoudersVoorrang;
  @Field() voorrangLabel: string;
  @Field({ description: 'Wat het beleid voor een gemeente betekent' }) toelichting: string;
  @Field({ description: 'Wet of Kamerstuk' }) bron: string;
}

@InputType()
export class StatushoudersBeleidInvoer {
  @Field({ description: 'jjjj-mm-dd; een regel op dezelfde datum wordt vervangen' }) geldigVan: string;
  @Field() taakstelling: boolean;
  @Field(() => StatushoudersVoorrangEnum) voorrang: StatushoudersVoorrang;
  @Field() toelichting: string;
  @Field() bron: string;
}
