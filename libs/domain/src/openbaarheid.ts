import { INDICATOR_CATALOGUS, indicatorOpCode, type Bron, type IndicatorCode } from './indicator-catalogus';

/**
 * Every figure Thuismonitor shows is classified ONCE, here (docs/decisions.md, "Publicatie: one
 * disclosure rule"):
 * - OPENBAAR (public by nature): exact for everyone who may see the area. Figures that others
 *   publish per gemeente anyway (CBS woningvoorraad, COA/provincie realisation of the
 *   statushouders taakstelling in persons), dwellings, places, targets, milestones.
 * - BESCHERMD (protected): counts of households (or persons) that could single out a household:
 *   toewijzingen per aandachtsgroep, via urgentie, totals; huisuitzettingen, vroegsignalering,
 *   clients waiting to leave an institution. Non-owners only get these as sums of released base
 *   cells (publicatie.ts).
 *
 * Keyed by IndicatorCode as a Record, so a new catalogue indicator does not compile until it is
 * classified here.
 */
export type Openbaarheid = 'OPENBAAR' | 'BESCHERMD';

export interface Classificatie {
  readonly openbaarheid: Openbaarheid;
  /** why, in one Dutch sentence (shown in the legend and in docs) */
  readonly reden: string;
}

const HUISHOUDENS = 'Telt huishoudens; kleine aantallen kunnen naar één huishouden wijzen (AVG).';
const WONINGEN = 'Telt woningen, geen huishoudens.';

const PER_INDICATOR: Record<IndicatorCode, Classificatie> = {
  WONINGEN_OPGELEVERD: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  SOCIALE_HUURWONINGEN_OPGELEVERD: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  BETAALBARE_WONINGEN_OPGELEVERD: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  NIEUWBOUW_VOOR_AANDACHTSGROEPEN: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  FLEXWONINGEN_ARBEIDSMIGRANTEN: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  FLEXWONINGEN_STUDENTEN: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  OUDERENWONINGEN_OPGELEVERD: { openbaarheid: 'OPENBAAR', reden: WONINGEN },
  STANDPLAATSEN_WOONWAGENBEWONERS: {
    openbaarheid: 'OPENBAAR',
    reden: 'Telt standplaatsen (een voorraad plekken), geen huishoudens.',
  },
  SOCIALE_HUURVOORRAAD: {
    openbaarheid: 'OPENBAAR',
    reden: 'Woningvoorraad; corporaties publiceren hun bezit per gemeente.',
  },
  WONINGVOORRAAD_TOTAAL: {
    openbaarheid: 'OPENBAAR',
    reden: 'Woningvoorraad; het CBS publiceert deze per gemeente (StatLine).',
  },
  AANDEEL_SOCIALE_HUUR: { openbaarheid: 'OPENBAAR', reden: 'Verhouding van twee openbare voorraadcijfers.' },
  TOEWIJZINGEN_TOTAAL: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_VIA_URGENTIE: {
    openbaarheid: 'BESCHERMD',
    reden:
      'Telt huishoudens met een urgentie (soms op medische grond); kleine aantallen wijzen naar personen.',
  },
  TOEWIJZINGEN_STATUSHOUDERS: {
    openbaarheid: 'BESCHERMD',
    reden: 'Telt huishoudens met een migratieachtergrond; kleine aantallen wijzen naar personen.',
  },
  STATUSHOUDERS_GEHUISVEST: {
    // Not the public COA figure: persons counted from corporatie toewijzingen. Were they exact for everyone,
    // a corporatie could subtract its own persons from the gemeente's total and read its
    // competitors' statushouders households (docs/decisions.md "Publicatie: statushouders").
    openbaarheid: 'BESCHERMD',
    reden:
      'Personen in toewijzingen aan statushouders per corporatie: huishoudgegevens. De openbare realisatie van de taakstelling is die van het COA.',
  },
  TOEWIJZINGEN_URGENTEN: {
    openbaarheid: 'BESCHERMD',
    reden: 'Telt huishoudens met een sociale of medische urgentie (gezondheidsgegevens).',
  },
  TOEWIJZINGEN_DAK_EN_THUISLOZEN: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_ARBEIDSMIGRANTEN: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_STUDENTEN: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_WOONWAGENBEWONERS: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_OUDEREN: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  TOEWIJZINGEN_UITSTROOM_INSTELLINGEN: {
    openbaarheid: 'BESCHERMD',
    reden: 'Telt huishoudens uit GGZ, beschermd wonen of opvang (gezondheidsgegevens).',
  },
  UITSTROOM_WACHTEND: {
    openbaarheid: 'BESCHERMD',
    reden: 'Telt cliënten van zorginstellingen (gezondheidsgegevens).',
  },
  WOONZORGVISIE_VASTGESTELD: { openbaarheid: 'OPENBAAR', reden: 'Een openbaar besluit van de gemeente.' },
  HUISUITZETTINGEN: { openbaarheid: 'BESCHERMD', reden: HUISHOUDENS },
  VROEGSIGNALERING_TRAJECTEN: {
    openbaarheid: 'BESCHERMD',
    reden: 'Telt huishoudens met betalingsachterstanden; kleine aantallen wijzen naar personen.',
  },
};

/**
 * The default per source, for data that reaches a non-owner outside an indicator (a report's
 * statushouders section, a CSV of toewijzingen per aandachtsgroep): toewijzingen are protected,
 * nieuwbouw and milestones public; kwartaalcijfers per indicator.
 */
export const OPENBAARHEID_PER_BRON: Readonly<Record<Exclude<Bron, 'KWARTAALCIJFERS'>, Openbaarheid>> = {
  TOEWIJZINGEN: 'BESCHERMD',
  NIEUWBOUW: 'OPENBAAR',
  MIJLPAAL: 'OPENBAAR',
};

export function classificatie(indicatorCode: string): Classificatie {
  const indicator = indicatorOpCode(indicatorCode); // throws ONBEKENDE_INDICATOR
  return PER_INDICATOR[indicator.code as IndicatorCode];
}

export function isBeschermd(indicatorCode: string): boolean {
  return classificatie(indicatorCode).openbaarheid === 'BESCHERMD';
}

/** Kwartaalcijfer indicators whose reported value is released to non-owners as a base cell. */
export const BESCHERMDE_KWARTAALCIJFER_INDICATOREN: readonly string[] = INDICATOR_CATALOGUS.filter(
  (i) => i.bron === 'KWARTAALCIJFERS' && i.berekening.soort === 'GERAPPORTEERD' && isBeschermd(i.code),
).map((i) => i.code);
