import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Aandachtsgroep, NieuwbouwFase } from '@thuismonitor/domain';
import { AandachtsgroepEnum, NieuwbouwFaseEnum } from '../common/graphql-enums';

@ObjectType()
export class AandachtsgroepAantal {
  @Field(() => AandachtsgroepEnum) aandachtsgroep: Aandachtsgroep;
  @Field(() => Int) woningen: number;
}

@ObjectType({ description: 'Woningen van een project per segment, en wat daarvan voor wie bedoeld is' })
export class NieuwbouwWoningen {
  @Field(() => Int) socialeHuur: number;
  @Field(() => Int) middenhuur: number;
  @Field(() => Int) vrijeSectorHuur: number;
  @Field(() => Int) koopBetaalbaar: number;
  @Field(() => Int) koopVrij: number;
  @Field(() => Int, { description: 'Alle segmenten samen' }) totaal: number;
  @Field(() => Int, { description: 'Waarvan bestemd voor aandachtsgroepen' }) aandachtsgroepen: number;
  @Field(() => [AandachtsgroepAantal], { description: 'Verdeling van de woningen voor aandachtsgroepen (voor zover bekend)' })
  perAandachtsgroep: AandachtsgroepAantal[];
  @Field(() => Int) nultreden: number;
  @Field(() => Int) flex: number;
  @Field(() => Int, { description: 'Standplaatsen voor woonwagens (geen woningen)' }) standplaatsen: number;
}

@ObjectType({
  description:
    'Een nieuwbouwproject. Opgeleverde woningen tellen als realisatie in het kwartaal van de opleverdatum (opleverKwartaal).',
})
export class Nieuwbouwproject {
  @Field(() => ID) id: string;
  @Field() naam: string;
  @Field(() => NieuwbouwFaseEnum) fase: NieuwbouwFase;
  @Field(() => NieuwbouwWoningen) woningen: NieuwbouwWoningen;
  @Field(() => String, { nullable: true, description: 'jjjj-mm-dd' }) planDatum: string | null;
  @Field(() => String, { nullable: true }) vergundOp: string | null;
  @Field(() => String, { nullable: true }) startBouwOp: string | null;
  @Field(() => String, { nullable: true }) opgeleverdOp: string | null;
  @Field(() => String, { nullable: true, description: "Kwartaal van oplevering, bijvoorbeeld '2026-Q3'" })
  opleverKwartaal: string | null;
  @Field(() => Int, { description: 'Geef mee bij een wijziging; wie een verouderde versie wijzigt krijgt CONFLICT' })
  versie: number;
  @Field() aangemaaktOp: Date;
  @Field() gewijzigdOp: Date;
  gemeenteCode: string;
  eigenaarId: string;
}

@InputType()
export class AandachtsgroepAantalInput {
  @Field(() => AandachtsgroepEnum) aandachtsgroep: Aandachtsgroep;
  @Field(() => Int) woningen: number;
}

@InputType()
export class NieuwbouwWoningenInput {
  @Field(() => Int, { defaultValue: 0 }) socialeHuur: number;
  @Field(() => Int, { defaultValue: 0 }) middenhuur: number;
  @Field(() => Int, { defaultValue: 0 }) vrijeSectorHuur: number;
  @Field(() => Int, { defaultValue: 0 }) koopBetaalbaar: number;
  @Field(() => Int, { defaultValue: 0 }) koopVrij: number;
  @Field(() => Int, { defaultValue: 0 }) aandachtsgroepen: number;
  @Field(() => [AandachtsgroepAantalInput], { defaultValue: [] }) perAandachtsgroep: AandachtsgroepAantalInput[];
  @Field(() => Int, { defaultValue: 0 }) nultreden: number;
  @Field(() => Int, { defaultValue: 0 }) flex: number;
  @Field(() => Int, { defaultValue: 0 }) standplaatsen: number;
}

@InputType({ description: 'De gegevens van een project; de fase verandert via wijzigNieuwbouwFase' })
export class NieuwbouwprojectWijziging {
  @Field() naam: string;
  @Field({ description: 'CBS-code van de gemeente' }) gemeenteCode: string;
  @Field(() => NieuwbouwWoningenInput) woningen: NieuwbouwWoningenInput;
  @Field(() => String, { nullable: true }) planDatum?: string | null;
  @Field(() => String, { nullable: true }) vergundOp?: string | null;
  @Field(() => String, { nullable: true }) startBouwOp?: string | null;
  @Field(() => String, { nullable: true, description: 'Verplicht in de fase OPGELEVERD' }) opgeleverdOp?: string | null;
}

@InputType()
export class NieuwbouwprojectInput extends NieuwbouwprojectWijziging {
  @Field(() => NieuwbouwFaseEnum, {
    defaultValue: 'PLAN',
    description: 'Een project dat later wordt ingevoerd mag direct in een latere fase beginnen, met de datum van die fase',
  })
  fase: NieuwbouwFase;
}

@InputType()
export class NieuwbouwFilter {
  @Field({ nullable: true }) gemeenteCode?: string;
  @Field(() => NieuwbouwFaseEnum, { nullable: true }) fase?: NieuwbouwFase;
  @Field(() => ID, { nullable: true }) eigenaarId?: string;
}
