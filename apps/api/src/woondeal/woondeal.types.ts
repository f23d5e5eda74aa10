import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { VoortgangStatus } from '@thuismonitor/domain';
import { Gebied } from '../gebied';
import { DatumPeriode } from '../taakstelling';
import { Dekking, VoortgangCel, VoortgangStatusEnum } from '../voortgang';

@ObjectType({
  description:
    'Eén onderdeel van de woondeal (nieuwbouw totaal, waarvan betaalbaar, waarvan sociale huur): de taakstelling ' +
    'en de opgeleverde woningen in de periode tot en met de peildatum',
})
export class WoondealOnderdeel {
  @Field({ description: 'indicatorcode uit de catalogus, bijvoorbeeld WONINGEN_OPGELEVERD' }) code: string;
  @Field() naam: string;
  @Field(() => Float, { nullable: true, description: 'taakstelling (woningen) voor de gevraagde periode' })
  taakstelling: number | null;
  @Field({ description: 'GEBIED (eigen taakstelling), ONDERDELEN (som van de gemeenten/provincies) of GEEN' })
  taakstellingBron: string;
  @Field(() => Int, { description: 'opgeleverde woningen' }) opgeleverd: number;
  @Field(() => Float, { nullable: true }) percentage: number | null;
  @Field(() => VoortgangStatusEnum, { nullable: true }) status: VoortgangStatus | null;
  @Field(() => String, { nullable: true }) statusLabel: string | null;
  @Field(() => String, { nullable: true, description: 'laatste vervaldag van de taakstelling' })
  vervaldatum: string | null;
}

@ObjectType({
  description:
    'Een aandeel van de opgeleverde nieuwbouw (betaalbaar of sociale huur): Σ deel ÷ Σ totaal over dezelfde projecten',
})
export class WoondealAandeel {
  @Field(() => Float, { nullable: true, description: 'in procentpunten; null als er niets is opgeleverd' })
  aandeel: number | null;
  @Field() weergave: string;
  @Field(() => Float, {
    nullable: true,
    description:
      'het doel dat volgt uit de taakstellingen van het gebied (deel ÷ totaal); null als die er niet beide zijn',
  })
  doel: number | null;
  @Field() doelWeergave: string;
  @Field(() => Float, { description: 'landelijk uitgangspunt: twee derde betaalbaar, 30% sociale huur' })
  uitgangspunt: number;
  @Field() uitgangspuntWeergave: string;
  @Field({ description: 'GEEN_DOEL, ONBEKEND, OP_OF_BOVEN_DOEL of ONDER_DOEL (alleen tegen een doel)' })
  oordeel: string;
  @Field() oordeelLabel: string;
}

@ObjectType({ description: 'Nieuwbouw per segment, opgeleverd in de periode' })
export class WoondealSegmenten {
  @Field(() => Int) socialeHuur: number;
  @Field(() => Int) middenhuur: number;
  @Field(() => Int) koopBetaalbaar: number;
  @Field(() => Int) vrijeSectorHuur: number;
  @Field(() => Int) koopVrij: number;
}

@ObjectType({
  description: 'Woningen in projecten die op de peildatum in deze fase waren (volgens de fasedatums)',
})
export class WoondealFase {
  @Field({ description: 'PLAN, VERGUND of IN_AANBOUW' }) fase: string;
  @Field() label: string;
  @Field(() => Int) woningen: number;
  @Field(() => Int) betaalbaar: number;
  @Field(() => Int) socialeHuur: number;
}

@ObjectType({
  description:
    'Het aandeel sociale huur in de woningvoorraad: een feit met dekking, getoetst alleen aan een doel dat de provincie stelde',
})
export class WoondealVoorraad {
  @Field(() => VoortgangCel) aandeel: VoortgangCel;
  @Field(() => Dekking) dekking: Dekking;
  @Field(() => Float, {
    nullable: true,
    description: 'het doel van de provincie; null als zij er geen stelde',
  })
  doel: number | null;
  @Field() oordeel: string;
  @Field() oordeelLabel: string;
  @Field() toelichting: string;
}

@ObjectType({ description: 'De woondeal-cijfers van één gemeente van het gebied' })
export class WoondealGemeente {
  @Field(() => Gebied) gemeente: Gebied;
  @Field(() => Int) opgeleverd: number;
  @Field(() => Int) betaalbaar: number;
  @Field(() => Int) socialeHuur: number;
  @Field(() => Float, { nullable: true }) aandeelBetaalbaar: number | null;
  @Field(() => Float, { nullable: true }) aandeelSocialeHuur: number | null;
  @Field(() => Float, { nullable: true, description: 'taakstelling nieuwbouw totaal van de gemeente' })
  taakstelling: number | null;
  @Field(() => Float, { nullable: true, description: 'aandeel sociale huur in de voorraad (feit)' })
  voorraadAandeel: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'doel van de provincie voor het aandeel in de voorraad',
  })
  voorraadDoel: number | null;
  @Field() voorraadOordeel: string;
}

@ObjectType({
  description:
    'De woondeal van één woningmarktregio binnen het gevraagde gebied (provincie of land): alleen regio’s waarvan elke ' +
    'gemeente in het gebied ligt',
})
export class WoondealRegio {
  @Field(() => Gebied) regio: Gebied;
  @Field(() => Int) opgeleverd: number;
  @Field(() => Int) betaalbaar: number;
  @Field(() => Int) socialeHuur: number;
  @Field(() => Float, { nullable: true }) aandeelBetaalbaar: number | null;
  @Field(() => Float, { nullable: true }) aandeelSocialeHuur: number | null;
  @Field(() => Float, { nullable: true, description: 'eigen taakstelling nieuwbouw totaal van de regio' })
  taakstelling: number | null;
  @Field(() => Float, { nullable: true }) taakstellingBetaalbaar: number | null;
  @Field(() => Float, { nullable: true }) taakstellingSocialeHuur: number | null;
  @Field(() => VoortgangStatusEnum, { nullable: true }) status: VoortgangStatus | null;
  @Field(() => String, { nullable: true }) statusLabel: string | null;
  @Field(() => Dekking, { description: 'gemeenten van de regio met opgeleverde woningen' }) dekking: Dekking;
}

@ObjectType({
  description:
    'Regionale woondeal: nieuwbouw tegen de taakstellingen per woningmarktregio en gemeente (totaal, betaalbaar, sociale huur), ' +
    'de aandelen over dezelfde projecten, de pijplijn, en het aandeel sociale huur in de voorraad als feit',
})
export class Woondeal {
  @Field({ description: 'BESTUURLIJKE_AFSPRAKEN of VOLKSHUISVESTINGSPROGRAMMA (het regime op de peildatum)' })
  grondslag: string;
  @Field() grondslagTekst: string;
  @Field(() => DatumPeriode) periode: DatumPeriode;
  @Field() peildatum: string;
  @Field(() => [WoondealOnderdeel]) onderdelen: WoondealOnderdeel[];
  @Field(() => WoondealSegmenten) segmenten: WoondealSegmenten;
  @Field(() => WoondealAandeel) aandeelBetaalbaar: WoondealAandeel;
  @Field(() => WoondealAandeel) aandeelSocialeHuur: WoondealAandeel;
  @Field(() => Int, { description: 'projecten met opgeleverde woningen in de periode' }) projecten: number;
  @Field(() => Dekking, { description: 'gemeenten met opgeleverde woningen in de periode' }) dekking: Dekking;
  @Field(() => [WoondealFase]) pijplijn: WoondealFase[];
  @Field(() => WoondealVoorraad) voorraad: WoondealVoorraad;
  @Field(() => [WoondealGemeente], { description: 'per gemeente (leeg voor een gemeente zelf)' })
  gemeenten: WoondealGemeente[];
  @Field(() => [WoondealRegio], {
    description:
      'per woningmarktregio die helemaal in het gebied ligt (provincie, land; anders leeg), met haar eigen taakstelling',
  })
  regios: WoondealRegio[];
}
