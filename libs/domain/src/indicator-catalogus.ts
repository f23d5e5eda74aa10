import { DomainError } from './domain-error';
import type { Aandachtsgroep } from './aandachtsgroep';
import type { ActielijnCode } from './actielijn';
import type { OrganisatieSoort } from './organisatie-soort';
import type { Segment } from './segment';
import type { Richting } from './voortgang';

/**
 * The shipped catalogue of indicators an afspraak or taakstelling can point at. Versioned: an
 * afspraak stores the code and the catalogue version it was made under; codes are never reused
 * for a different meaning, a changed definition gets a new code and a new version.
 */
export const INDICATOR_CATALOGUS_VERSIE = '2026.1';

export type Eenheid = 'WONINGEN' | 'HUISHOUDENS' | 'PERSONEN' | 'PERCENTAGE' | 'MIJLPAAL' | 'AANTAL';
export type Bron = 'TOEWIJZINGEN' | 'NIEUWBOUW' | 'KWARTAALCIJFERS' | 'MIJLPAAL';

/**
 * How realisation over a period [van, tot] with peildatum is computed (in SQL, by the API):
 * - SOM: the sum of everything dated inside the period (toewijzing datum, opleverdatum,
 *   kwartaalcijfers of the quarters inside the period).
 * - STAND: the latest value at or before the peildatum (the last quarter that has ended), summed
 *   over the reporting organisations in the gebied; for a MIJLPAAL 1 when reached, else 0.
 * - AANDEEL: teller / noemer × 100 of two STAND figures, in percentage points.
 */
export type Aggregatie = 'SOM' | 'STAND' | 'AANDEEL';

export interface ToewijzingenBerekening {
  /** filter on the toewijzing's aandachtsgroep, or all toewijzingen (regulier included) */
  readonly aandachtsgroep: Aandachtsgroep | 'ALLE';
  /** HUISHOUDENS counts rows, PERSONEN sums huishoudgrootte */
  readonly telling: 'HUISHOUDENS' | 'PERSONEN';
  /** only toewijzingen with via_urgentie = true */
  readonly alleenViaUrgentie: boolean;
}

export interface NieuwbouwBerekening {
  /** segment filter on the project's woningen per segment */
  readonly segmenten: readonly Segment[] | 'ALLE';
  /**
   * OPGELEVERDE_WONINGEN: woningen of projects in fase OPGELEVERD with opleverdatum in the period.
   * WONINGEN_VOOR_AANDACHTSGROEPEN: of those, the part built for aandachtsgroepen (for one
   * aandachtsgroep when `aandachtsgroep` is set: the project must record that split).
   */
  readonly telling: 'OPGELEVERDE_WONINGEN' | 'WONINGEN_VOOR_AANDACHTSGROEPEN';
  readonly aandachtsgroep?: Aandachtsgroep;
}

export type KwartaalcijferBerekening =
  /** parties report this indicator itself as a Kwartaalcijfer */
  | { readonly soort: 'GERAPPORTEERD' }
  /** derived from two reported indicators (codes of GERAPPORTEERD kwartaalcijfer indicators) */
  | { readonly soort: 'AANDEEL'; readonly teller: string; readonly noemer: string };

export interface MijlpaalBerekening {
  /** the milestone whose date of reaching is recorded */
  readonly mijlpaal: string;
}

interface IndicatorBasis {
  readonly code: string;
  readonly naam: string;
  readonly omschrijving: string;
  readonly actielijn: ActielijnCode;
  readonly aandachtsgroep?: Aandachtsgroep;
  readonly eenheid: Eenheid;
  /** who supplies the data this indicator is computed from */
  readonly gerapporteerdDoor: readonly OrganisatieSoort[];
  readonly aggregatie: Aggregatie;
  readonly richting: Richting;
}

export type Indicator = IndicatorBasis &
  (
    | { readonly bron: 'TOEWIJZINGEN'; readonly berekening: ToewijzingenBerekening }
    | { readonly bron: 'NIEUWBOUW'; readonly berekening: NieuwbouwBerekening }
    | { readonly bron: 'KWARTAALCIJFERS'; readonly berekening: KwartaalcijferBerekening }
    | { readonly bron: 'MIJLPAAL'; readonly berekening: MijlpaalBerekening }
  );

const CORPORATIE_EN_GEMEENTE = ['CORPORATIE', 'GEMEENTE'] as const;

function toewijzingen(
  groep: Aandachtsgroep,
  naam: string,
  omschrijving: string,
  actielijn: ActielijnCode = 'EVENWICHTIGE_VERDELING',
) {
  return {
    code: `TOEWIJZINGEN_${groep}`,
    naam,
    omschrijving,
    actielijn,
    aandachtsgroep: groep,
    eenheid: 'HUISHOUDENS',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'TOEWIJZINGEN',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { aandachtsgroep: groep, telling: 'HUISHOUDENS', alleenViaUrgentie: false },
  } as const;
}

const LIJST = [
  // Actielijn 1: voldoende woonruimte
  {
    code: 'WONINGEN_OPGELEVERD',
    naam: 'Woningen opgeleverd (totaal)',
    omschrijving: 'Nieuwbouwwoningen in alle segmenten die in de periode zijn opgeleverd.',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { segmenten: 'ALLE', telling: 'OPGELEVERDE_WONINGEN' },
  },
  {
    code: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
    naam: 'Sociale huurwoningen opgeleverd',
    omschrijving: 'Nieuwbouwwoningen in de sociale huur die in de periode zijn opgeleverd.',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { segmenten: ['SOCIALE_HUUR'], telling: 'OPGELEVERDE_WONINGEN' },
  },
  {
    code: 'BETAALBARE_WONINGEN_OPGELEVERD',
    naam: 'Betaalbare woningen opgeleverd',
    omschrijving:
      'Opgeleverde nieuwbouwwoningen in de sociale huur, de middenhuur en de betaalbare koop (het betaalbare deel van de nieuwbouwopgave).',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: {
      segmenten: ['SOCIALE_HUUR', 'MIDDENHUUR', 'KOOP_BETAALBAAR'],
      telling: 'OPGELEVERDE_WONINGEN',
    },
  },
  {
    code: 'NIEUWBOUW_VOOR_AANDACHTSGROEPEN',
    naam: 'Nieuwbouw voor aandachtsgroepen',
    omschrijving: 'Het deel van de opgeleverde nieuwbouwwoningen dat bestemd is voor aandachtsgroepen.',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { segmenten: 'ALLE', telling: 'WONINGEN_VOOR_AANDACHTSGROEPEN' },
  },
  {
    code: 'FLEXWONINGEN_ARBEIDSMIGRANTEN',
    naam: 'Onzelfstandige eenheden en flexwoningen voor arbeidsmigranten',
    omschrijving:
      'Opgeleverde (tijdelijke of onzelfstandige) woonruimte die bestemd is voor arbeidsmigranten.',
    actielijn: 'VOLDOENDE_WONINGEN',
    aandachtsgroep: 'ARBEIDSMIGRANTEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: {
      segmenten: 'ALLE',
      telling: 'WONINGEN_VOOR_AANDACHTSGROEPEN',
      aandachtsgroep: 'ARBEIDSMIGRANTEN',
    },
  },
  {
    code: 'FLEXWONINGEN_STUDENTEN',
    naam: 'Onzelfstandige eenheden en flexwoningen voor studenten',
    omschrijving: 'Opgeleverde studentenkamers, studio’s en tijdelijke woonruimte voor studenten.',
    actielijn: 'VOLDOENDE_WONINGEN',
    aandachtsgroep: 'STUDENTEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { segmenten: 'ALLE', telling: 'WONINGEN_VOOR_AANDACHTSGROEPEN', aandachtsgroep: 'STUDENTEN' },
  },
  {
    code: 'STANDPLAATSEN_WOONWAGENBEWONERS',
    naam: 'Standplaatsen voor woonwagenbewoners',
    omschrijving: 'Aantal standplaatsen voor woonwagens in de gemeente aan het eind van het kwartaal.',
    actielijn: 'VOLDOENDE_WONINGEN',
    aandachtsgroep: 'WOONWAGENBEWONERS',
    eenheid: 'AANTAL',
    gerapporteerdDoor: ['GEMEENTE', 'CORPORATIE'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'STAND',
    richting: 'HOGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },
  {
    code: 'SOCIALE_HUURVOORRAAD',
    naam: 'Sociale huurvoorraad',
    omschrijving:
      'Aantal sociale huurwoningen van de corporatie in de gemeente aan het eind van het kwartaal.',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'STAND',
    richting: 'HOGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },
  {
    code: 'WONINGVOORRAAD_TOTAAL',
    naam: 'Totale woningvoorraad',
    omschrijving:
      'Aantal woningen in de gemeente aan het eind van het kwartaal (alle eigenaren, volgens de BAG).',
    actielijn: 'VOLDOENDE_WONINGEN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: ['GEMEENTE'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'STAND',
    richting: 'HOGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },

  // Actielijn 2: evenwichtige verdeling
  {
    code: 'TOEWIJZINGEN_TOTAAL',
    naam: 'Toewijzingen totaal',
    omschrijving: 'Alle toewijzingen van huurwoningen in de periode, aandachtsgroepen en regulier samen.',
    actielijn: 'EVENWICHTIGE_VERDELING',
    eenheid: 'HUISHOUDENS',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'TOEWIJZINGEN',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { aandachtsgroep: 'ALLE', telling: 'HUISHOUDENS', alleenViaUrgentie: false },
  },
  {
    code: 'TOEWIJZINGEN_VIA_URGENTIE',
    naam: 'Toewijzingen via urgentie',
    omschrijving:
      'Toewijzingen waarbij het huishouden voorrang kreeg op grond van een urgentieverklaring, uit welke aandachtsgroep ook.',
    actielijn: 'EVENWICHTIGE_VERDELING',
    eenheid: 'HUISHOUDENS',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'TOEWIJZINGEN',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { aandachtsgroep: 'ALLE', telling: 'HUISHOUDENS', alleenViaUrgentie: true },
  },
  toewijzingen(
    'STATUSHOUDERS',
    'Toewijzingen aan statushouders',
    'Toewijzingen aan huishoudens van statushouders (vergunninghouders), geteld in huishoudens.',
  ),
  {
    code: 'STATUSHOUDERS_GEHUISVEST',
    naam: 'Statushouders gehuisvest (personen)',
    omschrijving:
      'Aantal gehuisveste statushouders in personen (som van de huishoudgrootte): de eenheid van de halfjaarlijkse taakstelling.',
    actielijn: 'EVENWICHTIGE_VERDELING',
    aandachtsgroep: 'STATUSHOUDERS',
    eenheid: 'PERSONEN',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'TOEWIJZINGEN',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { aandachtsgroep: 'STATUSHOUDERS', telling: 'PERSONEN', alleenViaUrgentie: false },
  },
  toewijzingen(
    'URGENTEN',
    'Toewijzingen aan urgenten',
    'Toewijzingen aan huishoudens met een sociale of medische urgentie.',
  ),
  toewijzingen(
    'DAK_EN_THUISLOZEN',
    'Toewijzingen aan dak- en thuislozen',
    'Toewijzingen aan dak- en thuisloze huishoudens, ook via een opstapwoning of Housing First.',
  ),
  toewijzingen(
    'ARBEIDSMIGRANTEN',
    'Toewijzingen aan arbeidsmigranten',
    'Toewijzingen aan huishoudens van arbeidsmigranten.',
  ),
  toewijzingen('STUDENTEN', 'Toewijzingen aan studenten', 'Toewijzingen aan studenten.'),
  toewijzingen(
    'WOONWAGENBEWONERS',
    'Toewijzingen aan woonwagenbewoners',
    'Toewijzingen van woonwagens en standplaatsen aan woonwagenbewoners.',
  ),
  toewijzingen(
    'OUDEREN',
    'Toewijzingen aan ouderen',
    'Toewijzingen aan oudere huishoudens, bijvoorbeeld met voorrang bij doorstroming.',
  ),
  {
    code: 'AANDEEL_SOCIALE_HUUR',
    naam: 'Aandeel sociale huur in de woningvoorraad',
    omschrijving:
      'Sociale huurvoorraad als percentage van de totale woningvoorraad van de gemeente: een feit, alleen getoetst aan een doel dat de provincie stelde ' +
      '(de 30% sociale huur uit de woondeals geldt voor de nieuwbouw per regio, niet als norm voor de voorraad per gemeente).',
    actielijn: 'EVENWICHTIGE_VERDELING',
    eenheid: 'PERCENTAGE',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'AANDEEL',
    richting: 'HOGER_IS_BETER',
    berekening: { soort: 'AANDEEL', teller: 'SOCIALE_HUURVOORRAAD', noemer: 'WONINGVOORRAAD_TOTAAL' },
  },

  // Actielijn 3: wonen, zorg, welzijn en werk
  toewijzingen(
    'UITSTROOM_INSTELLINGEN',
    'Uitstroom gehuisvest',
    'Toewijzingen aan huishoudens die uitstromen uit maatschappelijke opvang, beschermd wonen, GGZ of jeugdzorg.',
    'WONEN_ZORG_WELZIJN',
  ),
  {
    code: 'UITSTROOM_WACHTEND',
    naam: 'Uitstroom wachtend op woonruimte',
    omschrijving:
      'Cliënten (met hun huishouden) die klaar zijn om uit te stromen uit een instelling en op woonruimte wachten, aan het eind van het kwartaal.',
    actielijn: 'WONEN_ZORG_WELZIJN',
    aandachtsgroep: 'UITSTROOM_INSTELLINGEN',
    eenheid: 'HUISHOUDENS',
    gerapporteerdDoor: ['ZORGAANBIEDER'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'STAND',
    richting: 'LAGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },
  {
    code: 'OUDERENWONINGEN_OPGELEVERD',
    naam: 'Ouderenwoningen (nultredenwoningen) opgeleverd',
    omschrijving: 'Opgeleverde nultredenwoningen en geclusterde woonvormen voor ouderen.',
    actielijn: 'WONEN_ZORG_WELZIJN',
    aandachtsgroep: 'OUDEREN',
    eenheid: 'WONINGEN',
    gerapporteerdDoor: CORPORATIE_EN_GEMEENTE,
    bron: 'NIEUWBOUW',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { segmenten: 'ALLE', telling: 'WONINGEN_VOOR_AANDACHTSGROEPEN', aandachtsgroep: 'OUDEREN' },
  },
  {
    code: 'WOONZORGVISIE_VASTGESTELD',
    // A milestone the parties agreed on, kept so that existing afspraken stay readable. Not a legal
    // duty: the woonzorgvisie was programme policy, and under the Wet versterking regie the woonzorg
    // part belongs to the volkshuisvestingsprogramma, adopted by the college and recorded on its own
    // (volkshuisvestingsprogramma.ts; docs/decisions.md "Volkshuisvestingsprogramma").
    naam: 'Woonzorgvisie vastgesteld (afgesproken mijlpaal)',
    omschrijving:
      'Mijlpaal uit een prestatieafspraak: de gemeente heeft haar woonzorgvisie vastgesteld. Geen wettelijke plicht; ' +
      'onder de Wet versterking regie volkshuisvesting hoort het woonzorgbeleid in het volkshuisvestingsprogramma, ' +
      'dat apart wordt bijgehouden.',
    actielijn: 'WONEN_ZORG_WELZIJN',
    eenheid: 'MIJLPAAL',
    gerapporteerdDoor: ['GEMEENTE'],
    bron: 'MIJLPAAL',
    aggregatie: 'STAND',
    richting: 'HOGER_IS_BETER',
    berekening: { mijlpaal: 'WOONZORGVISIE_VASTGESTELD' },
  },

  // Actielijn 4: preventie
  {
    code: 'HUISUITZETTINGEN',
    naam: 'Huisuitzettingen',
    omschrijving: 'Aantal uitgevoerde huisuitzettingen door de corporatie in de gemeente in het kwartaal.',
    actielijn: 'PREVENTIE',
    eenheid: 'AANTAL',
    gerapporteerdDoor: ['CORPORATIE'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'SOM',
    richting: 'LAGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },
  {
    code: 'VROEGSIGNALERING_TRAJECTEN',
    naam: 'Trajecten na vroegsignalering (voorkomen huisuitzettingen)',
    omschrijving:
      'Aantal huishoudens dat na een signaal over betalingsachterstanden hulp kreeg (schuldhulp, betalingsregeling) in het kwartaal.',
    actielijn: 'PREVENTIE',
    eenheid: 'AANTAL',
    gerapporteerdDoor: ['GEMEENTE'],
    bron: 'KWARTAALCIJFERS',
    aggregatie: 'SOM',
    richting: 'HOGER_IS_BETER',
    berekening: { soort: 'GERAPPORTEERD' },
  },
] as const satisfies readonly Indicator[];

export type IndicatorCode = (typeof LIJST)[number]['code'];

export const INDICATOR_CATALOGUS: readonly Indicator[] = LIJST;

const OP_CODE = new Map<string, Indicator>(INDICATOR_CATALOGUS.map((i) => [i.code, i]));

export function isIndicatorCode(waarde: unknown): waarde is IndicatorCode {
  return typeof waarde === 'string' && OP_CODE.has(waarde);
}

export function indicatorOpCode(code: string): Indicator {
  const indicator = OP_CODE.get(code);
  if (!indicator) {
    throw new DomainError(
      'ONBEKENDE_INDICATOR',
      `Indicator '${code}' bestaat niet in de indicatorcatalogus ${INDICATOR_CATALOGUS_VERSIE}`,
    );
  }
  return indicator;
}

export function indicatorenVoorActielijn(actielijn: ActielijnCode): Indicator[] {
  return INDICATOR_CATALOGUS.filter((i) => i.actielijn === actielijn);
}

export function indicatorenVoorAandachtsgroep(groep: Aandachtsgroep): Indicator[] {
  return INDICATOR_CATALOGUS.filter((i) => i.aandachtsgroep === groep);
}

/** Indicators that parties report themselves, per gemeente per kwartaal, as Kwartaalcijfer. */
export const KWARTAALCIJFER_INDICATOREN: readonly Indicator[] = INDICATOR_CATALOGUS.filter(
  (i) => i.bron === 'KWARTAALCIJFERS' && i.berekening.soort === 'GERAPPORTEERD',
);

/**
 * May an organisation of this kind submit a Kwartaalcijfer for this indicator? False for every
 * indicator that is computed rather than reported (toewijzingen, nieuwbouw, shares, milestones),
 * so no one can overwrite a computed figure. Unknown codes throw, like indicatorOpCode.
 */
export function magRapporteren(soort: OrganisatieSoort, indicatorCode: string): boolean {
  const indicator = indicatorOpCode(indicatorCode);
  return KWARTAALCIJFER_INDICATOREN.includes(indicator) && indicator.gerapporteerdDoor.includes(soort);
}
