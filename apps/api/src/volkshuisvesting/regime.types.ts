import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  REGIME_CODES,
  type GeschilOnderwerp,
  type RegimeCode,
  type WoonzorgGrondslag,
} from '@thuismonitor/domain';
import { enumObject } from '../common/graphql-enums';

export const RegimeCodeEnum = enumObject(REGIME_CODES);
registerEnumType(RegimeCodeEnum, {
  name: 'RegimeCode',
  description:
    'Wettelijk regime van de volkshuisvestingscyclus: Woningwet (2015) of Wet versterking regie volkshuisvesting',
});
export const GeschilOnderwerpEnum = enumObject([
  'INHOUD',
  'NAKOMING',
] as const satisfies readonly GeschilOnderwerp[]);
registerEnumType(GeschilOnderwerpEnum, {
  name: 'GeschilOnderwerp',
  description: 'Waarover een geschil over prestatieafspraken kan gaan',
});
export const WoonzorgGrondslagEnum = enumObject([
  'WOONZORGVISIE_BELEID',
  'VOLKSHUISVESTINGSPROGRAMMA',
] as const satisfies readonly WoonzorgGrondslag[]);
registerEnumType(WoonzorgGrondslagEnum, {
  name: 'WoonzorgGrondslag',
  description:
    'Waar het woonzorgbeleid van de gemeente staat: een woonzorgvisie (beleid) of het volkshuisvestingsprogramma (wet)',
});

@ObjectType({
  description: 'De regels van de volkshuisvestingscyclus onder één wettelijk regime, met geldigheid',
})
export class VolkshuisvestingRegime {
  @Field(() => RegimeCodeEnum) code: RegimeCode;
  @Field() naam: string;
  @Field(() => String, {
    nullable: true,
    description: 'Eerste dag waarop het regime geldt (leeg: nog niet in werking)',
  })
  geldigVan: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Laatste dag waarop het regime geldt (leeg: geen einde)',
  })
  geldigTot: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'De beoogde datum van inwerkingtreding zolang die niet vaststaat (geen rechtsfeit)',
  })
  beoogdeInwerkingtreding: string | null;
  @Field({ description: 'Het bod is uiterlijk op deze dag van het cyclusjaar binnen (mm-dd)' })
  bodDeadline: string;
  @Field({ description: 'Geschiltermijn: opent op deze dag van het cyclusjaar (mm-dd)' }) geschilVan: string;
  @Field({ description: 'Geschiltermijn: sluit op deze dag van het jaar erna (mm-dd)' }) geschilTot: string;
  @Field(() => [GeschilOnderwerpEnum]) geschilOnderwerpen: GeschilOnderwerp[];
  @Field({ description: 'Waarop het bod van de corporatie ingaat' }) bodGrondslag: string;
  @Field({
    description: 'Of gemeente, provincie en Rijk elk een volkshuisvestingsprogramma moeten vaststellen',
  })
  programmaVerplicht: boolean;
  @Field(() => WoonzorgGrondslagEnum) woonzorg: WoonzorgGrondslag;
  @Field({ description: 'Wetsartikelen en documenten waarop de regels berusten' }) bronnen: string;
  @Field(() => Int, { description: 'Volgorde in de tijd' }) volgorde: number;
}
