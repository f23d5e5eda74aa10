import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AFSPRAAK_SOORTEN,
  MIJLPAAL_STATUSSEN,
  PRESTATIEAFSPRAAK_STATUSSEN,
  type Aandachtsgroep,
  type ActielijnCode,
  type AfspraakSoort,
  type MijlpaalStatus,
  type PrestatieafspraakStatus,
} from '@thuismonitor/domain';
import { PRESTATIEAFSPRAAK_ACTIES, type PrestatieafspraakActie } from '@thuismonitor/auth';
import { AandachtsgroepEnum, ActielijnEnum, enumObject } from '../common/graphql-enums';
import { Organisatie } from '../organisatie';
import { Gemeente } from '../referentie';
import { Indicator } from './indicator.types';

export const PrestatieafspraakStatusEnum = enumObject(PRESTATIEAFSPRAAK_STATUSSEN);
registerEnumType(PrestatieafspraakStatusEnum, {
  name: 'PrestatieafspraakStatus',
  description: 'CONCEPT → TER_ONDERTEKENING → VASTGESTELD → BEEINDIGD',
});

export const AfspraakSoortEnum = enumObject(AFSPRAAK_SOORTEN);
registerEnumType(AfspraakSoortEnum, {
  name: 'AfspraakSoort',
  description: 'Meetbaar (indicator met doelwaarden) of een mijlpaal',
});

export const MijlpaalStatusEnum = enumObject(MIJLPAAL_STATUSSEN);
registerEnumType(MijlpaalStatusEnum, { name: 'MijlpaalStatus' });

// one list for the enum and the decision (libs/auth magPrestatieafspraakActie)
export { PRESTATIEAFSPRAAK_ACTIES, type PrestatieafspraakActie };
export const PrestatieafspraakActieEnum = enumObject(PRESTATIEAFSPRAAK_ACTIES);
registerEnumType(PrestatieafspraakActieEnum, {
  name: 'PrestatieafspraakActie',
  description:
    'Wat de aangemelde gebruiker nu met deze prestatieafspraak kan doen (voor de knoppen in een scherm)',
});

@ObjectType()
export class Doelwaarde {
  @Field(() => Int) jaar: number;
  @Field(() => Float) waarde: number;
  @Field({ description: 'Datum waarop gemeten wordt (jjjj-mm-dd); standaard 31 december' }) peildatum: string;
}

@ObjectType({
  description: 'Eén afspraak binnen een prestatieafspraak: meetbaar met een indicator, of een mijlpaal',
})
export class Afspraak {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Volgorde binnen de prestatieafspraak' }) volgnummer: number;
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field(() => AandachtsgroepEnum, { nullable: true }) aandachtsgroep: Aandachtsgroep | null;
  @Field() omschrijving: string;
  @Field(() => AfspraakSoortEnum) soort: AfspraakSoort;
  @Field(() => Indicator, { nullable: true }) indicator: Indicator | null;
  @Field(() => String, { nullable: true, description: 'Catalogusversie waaronder de indicator is gekozen' })
  catalogusVersie: string | null;
  @Field(() => [Doelwaarde], { description: 'Doelwaarde per jaar van de looptijd (meetbare afspraken)' })
  doelwaarden: Doelwaarde[];
  @Field(() => String, {
    nullable: true,
    description: 'Datum waarop de mijlpaal bereikt moet zijn (jjjj-mm-dd)',
  })
  mijlpaalDatum: string | null;
  @Field(() => MijlpaalStatusEnum, { nullable: true }) mijlpaalStatus: MijlpaalStatus | null;
  @Field(() => String, { nullable: true }) mijlpaalToelichting: string | null;
  @Field(() => String, { nullable: true, description: 'Datum waarop de mijlpaal gereed was (jjjj-mm-dd)' })
  mijlpaalGereedOp: string | null;
  @Field(() => Date, { nullable: true }) mijlpaalBijgewerktOp: Date | null;
  @Field(() => Organisatie, { description: 'De partij die voor deze afspraak verantwoordelijk is' })
  verantwoordelijke: Organisatie;
  @Field(() => ID, {
    nullable: true,
    description: 'De afspraak in de vorige versie waarvan deze is overgenomen',
  })
  vorigeAfspraakId: string | null;
  @Field(() => [Reactie], { description: 'Reacties op deze afspraak (alleen voor partijen)' })
  reacties: Reactie[];
}

@ObjectType()
export class JaarschijfDoel {
  @Field(() => Afspraak) afspraak: Afspraak;
  @Field(() => Float) doelwaarde: number;
  @Field() peildatum: string;
}

@ObjectType({
  description: 'Eén jaar van de looptijd: de doelwaarden van dat jaar en de mijlpalen die dan vallen',
})
export class Jaarschijf {
  @Field(() => Int) jaar: number;
  @Field(() => [JaarschijfDoel]) doelen: JaarschijfDoel[];
  @Field(() => [Afspraak]) mijlpalen: Afspraak[];
}

@ObjectType()
export class Ondertekening {
  @Field(() => Organisatie) organisatie: Organisatie;
  @Field({ description: 'Naam van de tekenbevoegde' }) getekendDoor: string;
  @Field() getekendOp: Date;
}

@ObjectType({ description: 'Een reactie van een partij op een prestatieafspraak of op één afspraak daarin' })
export class Reactie {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) afspraakId: string | null;
  @Field(() => Organisatie) organisatie: Organisatie;
  @Field() auteur: string;
  @Field() tekst: string;
  @Field() geplaatstOp: Date;
}

@ObjectType({
  description:
    'Prestatieafspraken (Woningwet art. 44) tussen een gemeente, woningcorporaties, huurdersorganisaties en eventueel ' +
    'zorgaanbieders. Elke versie is een eigen record; een wijziging na vaststelling is een nieuwe versie.',
})
export class Prestatieafspraak {
  @Field(() => ID) id: string;
  @Field() titel: string;
  @Field(() => Gemeente) gemeente: Gemeente;
  @Field(() => Int, { description: 'Eerste jaar van de looptijd' }) jaarVan: number;
  @Field(() => Int, { description: 'Laatste jaar van de looptijd (t/m)' }) jaarTot: number;
  @Field(() => PrestatieafspraakStatusEnum) status: PrestatieafspraakStatus;
  @Field() statusLabel: string;
  @Field({
    description:
      'Oudere gegevens: door een corporatie gestart als haar bod, van vóór het bod als eigen object (zie Bod). Nieuwe prestatieafspraken: altijd false',
  })
  isBod: boolean;
  @Field(() => ID, { nullable: true, description: 'Het bod waaruit deze prestatieafspraak is gestart' })
  bodId: string | null;
  @Field(() => Organisatie, { description: 'De partij die deze versie opstelt' }) opgesteldDoor: Organisatie;
  @Field(() => Int, {
    description: 'Revisie voor gelijktijdig bewerken: geef bij elke wijziging de laatst geziene waarde mee',
  })
  versie: number;
  @Field(() => Int, { description: 'Versie van het document: 1, 2, … (een wijziging na vaststelling)' })
  versienummer: number;
  @Field(() => ID, { nullable: true }) vorigeVersieId: string | null;
  @Field(() => ID, { nullable: true, description: 'De versie die deze vervangt (als u die mag zien)' })
  volgendeVersieId: string | null;
  @Field(() => [Organisatie], { description: 'Partijen; de gemeente is altijd partij' })
  partijen: Organisatie[];
  @Field(() => [Afspraak]) afspraken: Afspraak[];
  @Field(() => [Jaarschijf]) jaarschijven: Jaarschijf[];
  @Field(() => [Ondertekening]) ondertekeningen: Ondertekening[];
  @Field(() => [Organisatie]) ontbrekendeOndertekeningen: Organisatie[];
  @Field(() => [Reactie], {
    description: 'Reacties op de prestatieafspraak als geheel (alleen voor partijen)',
  })
  reacties: Reactie[];
  @Field(() => [PrestatieafspraakActieEnum]) mogelijkeActies: PrestatieafspraakActie[];
  @Field(() => Date, { nullable: true, description: 'Eerste keer ter ondertekening aangeboden' })
  ingediendOp: Date | null;
  @Field(() => Date, { nullable: true }) vastgesteldOp: Date | null;
  @Field(() => Date, { nullable: true }) beeindigdOp: Date | null;
  @Field(() => String, { nullable: true }) beeindigdReden: string | null;
  @Field() aangemaaktOp: Date;
  @Field() gewijzigdOp: Date;
  gemeenteCode: string;
}

@InputType()
export class PrestatieafspraakFilter {
  @Field({ nullable: true }) gemeenteCode?: string;
  @Field(() => PrestatieafspraakStatusEnum, { nullable: true }) status?: PrestatieafspraakStatus;
  @Field(() => Int, {
    nullable: true,
    description: 'Alleen prestatieafspraken waarvan de looptijd dit jaar omvat',
  })
  jaar?: number;
}

@InputType()
export class NieuwePrestatieafspraakInput {
  @Field() gemeenteCode: string;
  @Field() titel: string;
  @Field(() => Int) jaarVan: number;
  @Field(() => Int) jaarTot: number;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Andere partijen (corporaties, huurdersorganisaties, zorgaanbieders); de gemeente en uw eigen organisatie komen er vanzelf bij',
  })
  partijIds?: string[];
}

@InputType()
export class PrestatieafspraakWijziging {
  @Field({ nullable: true }) titel?: string;
  @Field(() => Int, { nullable: true }) jaarVan?: number;
  @Field(() => Int, { nullable: true }) jaarTot?: number;
}

@InputType()
export class DoelwaardeInput {
  @Field(() => Int) jaar: number;
  @Field(() => Float) waarde: number;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd in hetzelfde jaar; standaard 31 december' })
  peildatum?: string | null;
}

@InputType({
  description: 'Een afspraak: een indicator met doelwaarden per jaar, óf een mijlpaal met een datum',
})
export class AfspraakInput {
  @Field(() => ActielijnEnum) actielijn: ActielijnCode;
  @Field(() => AandachtsgroepEnum, { nullable: true }) aandachtsgroep?: Aandachtsgroep | null;
  @Field() omschrijving: string;
  @Field(() => String, { nullable: true, description: 'Code uit de indicatorcatalogus' }) indicatorCode?:
    string | null;
  @Field(() => [DoelwaardeInput], { nullable: true }) doelwaarden?: DoelwaardeInput[] | null;
  @Field(() => String, { nullable: true, description: 'Voor een mijlpaal: de datum (jjjj-mm-dd)' })
  mijlpaalDatum?: string | null;
  @Field(() => ID, { description: 'De verantwoordelijke partij (een van de partijen)' })
  verantwoordelijkeId: string;
}

@ObjectType({ description: 'Eén regel uit de wijzigingsgeschiedenis van een prestatieafspraak' })
export class PrestatieafspraakAuditRegel {
  @Field(() => ID) id: string;
  @Field() tijdstip: Date;
  @Field({ description: 'Technische code van de handeling, bijvoorbeeld AFSPRAAK_TOEGEVOEGD' }) actie: string;
  @Field({ description: 'De handeling in gewone taal' }) omschrijving: string;
  @Field(() => Organisatie, { nullable: true }) organisatie: Organisatie | null;
  @Field(() => String, { nullable: true }) gebruikersnaam: string | null;
  @Field(() => String, { nullable: true, description: 'Toestand vóór de handeling (JSON)' }) voor:
    string | null;
  @Field(() => String, { nullable: true, description: 'Toestand na de handeling (JSON)' }) na: string | null;
}
