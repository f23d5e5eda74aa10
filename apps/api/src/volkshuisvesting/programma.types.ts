import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PROGRAMMA_STATUSSEN, type ProgrammaStatus } from '@thuismonitor/domain';
import { enumObject } from '../common/graphql-enums';
import { Gebied } from '../gebied';

export const ProgrammaStatusEnum = enumObject(PROGRAMMA_STATUSSEN);
registerEnumType(ProgrammaStatusEnum, {
  name: 'ProgrammaStatus',
  description: 'Status van een volkshuisvestingsprogramma: in voorbereiding, vastgesteld of herzien',
});

@ObjectType({
  description:
    'Het volkshuisvestingsprogramma van een gemeente, provincie of het Rijk (Wet versterking regie volkshuisvesting), ' +
    'met het woonzorgdeel en een link naar het document',
})
export class Volkshuisvestingsprogramma {
  @Field(() => ID) id: string;
  @Field(() => Gebied, { description: 'De gemeente, de provincie of Nederland' }) gebied: Gebied;
  @Field({ description: 'De organisatie die het programma bijhoudt' }) organisatie: string;
  @Field(() => ProgrammaStatusEnum) status: ProgrammaStatus;
  @Field() statusLabel: string;
  @Field() titel: string;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd' }) vastgesteldOp: string | null;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd' }) herzienOp: string | null;
  @Field(() => Int, { nullable: true }) jaarVan: number | null;
  @Field(() => Int, { nullable: true }) jaarTot: number | null;
  @Field({
    description:
      'Wie het programma vaststelt (Omgevingswet art. 3.4): college van B&W, gedeputeerde staten of de minister',
  })
  vaststellendOrgaan: string;
  @Field({ description: 'Of het programma het woonzorgdeel bevat (wat vroeger de woonzorgvisie was)' })
  woonzorgOpgenomen: boolean;
  @Field(() => String, { nullable: true }) woonzorgToelichting: string | null;
  @Field(() => String, { nullable: true, description: 'Link naar het document (http of https)' })
  documentUrl: string | null;
  @Field(() => Int, { description: 'Verhoogd bij elke wijziging; geef hem mee bij de volgende' })
  versie: number;
  @Field({ description: 'Tijdstip van de laatste wijziging (ISO 8601)' }) gewijzigdOp: string;
}

@ObjectType({
  description: 'Hoeveel gemeenten in een gebied een vastgesteld volkshuisvestingsprogramma hebben',
})
export class ProgrammaDekking {
  @Field(() => Int, { description: 'gemeenten met een vastgesteld of herzien programma' })
  vastgesteld: number;
  @Field(() => Int, { description: 'gemeenten in het gebied' }) totaal: number;
  @Field({ description: 'bijvoorbeeld "12 van 26 gemeenten"' }) weergave: string;
  @Field({
    description: 'Of het programma op de peildatum wettelijk verplicht is (het regime dat dan geldt)',
  })
  wettelijkVerplicht: boolean;
}

@InputType({ description: 'Het eigen volkshuisvestingsprogramma (de organisatie bepaalt het gebied)' })
export class ProgrammaInput {
  @Field({ description: 'IN_VOORBEREIDING, VASTGESTELD of HERZIEN' }) status: string;
  @Field() titel: string;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd; verplicht bij vastgesteld en herzien' })
  vastgesteldOp?: string | null;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd; alleen en verplicht bij herzien' })
  herzienOp?: string | null;
  @Field(() => Int, { nullable: true }) jaarVan?: number | null;
  @Field(() => Int, { nullable: true }) jaarTot?: number | null;
  @Field() woonzorgOpgenomen: boolean;
  @Field(() => String, { nullable: true }) woonzorgToelichting?: string | null;
  @Field(() => String, { nullable: true, description: 'https://…' }) documentUrl?: string | null;
}
