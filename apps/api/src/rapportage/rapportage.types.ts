import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GebiedSoortEnum } from '../common/graphql-enums';

@ObjectType()
export class RapportageBestand {
  @Field() formaat: string;
  @Field({
    description:
      'GEDEELD (vrijgegeven cijfers, met de afspraken), ZONDER_AFSPRAKEN (dezelfde cijfers zonder de afspraken: ' +
      'voor wie niet elke prestatieafspraak in de rapportage mag inzien) of INTERN (exact, alleen voor de gemeente zelf)',
  })
  variant: string;
  @Field(() => Int) grootte: number;
  @Field({ description: 'Download-URL (met bearer token ophalen)' }) url: string;
}

@ObjectType({ description: 'Een kwartaalrapportage: onveranderlijke momentopname met versienummer' })
export class Kwartaalrapportage {
  @Field(() => ID) id: string;
  @Field(() => GebiedSoortEnum) gebiedSoort: string;
  @Field() gebiedCode: string;
  @Field() gebiedNaam: string;
  @Field({ description: 'Bijvoorbeeld 2026-Q3' }) kwartaal: string;
  @Field({ description: 'Actielijn-code, of ALLE voor de gecombineerde rapportage' }) actielijn: string;
  @Field(() => Int) versie: number;
  @Field({ description: 'Tijdstip waarop de cijfers zijn gelezen (data cut-off)' }) peilmoment: Date;
  @Field({ description: 'Gebruiker die de rapportage aanvroeg, of "planner"' }) aangevraagdDoor: string;
  @Field() gemaaktOp: Date;
  @Field(() => [RapportageBestand]) bestanden: RapportageBestand[];
}

@InputType()
export class KwartaalrapportageFilter {
  @Field(() => GebiedSoortEnum, { nullable: true }) gebiedSoort?: string;
  @Field({ nullable: true }) gebiedCode?: string;
  @Field({ nullable: true }) kwartaal?: string;
  @Field({ nullable: true }) actielijn?: string;
  @Field({ nullable: true, description: 'Alleen de nieuwste versie per gebied, kwartaal en actielijn' })
  alleenNieuwste?: boolean;
}

@ObjectType({ description: 'Status van een aanvraag voor een kwartaalrapportage' })
export class RapportageAanvraag {
  @Field() jobId: string;
  @Field({ description: 'WACHTEND, BEZIG, GEREED of MISLUKT' }) status: string;
  @Field(() => Int, { description: 'Voortgang in procenten' }) voortgang: number;
  @Field({ nullable: true }) melding?: string;
  @Field(() => [Kwartaalrapportage]) rapportages: Kwartaalrapportage[];
}
