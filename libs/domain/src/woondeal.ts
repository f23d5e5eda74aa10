import type { Dekking } from './gebied-aggregatie';
import type { IsoDatum } from './iso-datum';
import type { OrganisatieSoort } from './organisatie-soort';
import { formatPercentage } from './nl-format';
import type { Periode } from './periode';
import { aandeelPercentage } from './realisatie-periode';
import type { VolkshuisvestingRegime } from './volkshuisvesting-regime';

/**
 * Regionale woondeals (issue 12, item 5): targets for new construction per woningmarktregio and
 * gemeente (total, of which betaalbaar, of which sociale huur), the progress against them from
 * nieuwbouwprojecten, and the share of sociale huur in the stock as a fact.
 *
 * Sources (docs/decisions.md "Regionale woondeals (issue 12, item 5)"):
 * - Nationale Woon- en Bouwagenda and the programme "Een thuis voor iedereen" (Kamerstukken
 *   32847-883, 11 May 2022): "900.000 woningen realiseren tot en met 2030 waarvan twee derde
 *   betaalbaar".
 * - The provincial agreements of 2022 (reported e.g. by maaikevandoornmakelaar.nl, "Akkoord
 *   provincies en Rijk over bouw 900.000 woningen tot 2030"): two in three new homes betaalbaar,
 *   "350.000 huur- en koopwoningen in het middensegment (40%) en 250.000 sociale huurwoningen";
 *   the minister at the first regional woondeal (nieuws.nl, 21 December 2022): "30 procent sociale
 *   huur, 40 procent middenhuur en betaalbare koop en 30 procent duurdere woningen".
 * - volkshuisvestingnederland.nl "Woondeals": 35 regional woondeals signed in 2022 and 2023, with
 *   per regio the number of homes, the percentage betaalbaar and the percentage sociale huur,
 *   and "per gemeente een eerlijk deel van de regionale opgave".
 * - The 30% sociale huur in the STOCK per gemeente is an aim ("streven naar een aandeel van 30%
 *   sociale huur in de woningvoorraad per gemeente", the same 2022 agreement) that provinces take
 *   up as their own policy, e.g. Zuid-Holland (begroting 2026, beleidsdoel 6.1: "doorgroeien naar
 *   minimaal 30% sociale huur in de totale woningvoorraad per gemeente"). It is therefore judged
 *   only against a target a provincie set (taakstellingTelt).
 * - Wet versterking regie volkshuisvesting (Kamerstukken 36512; rijksoverheid.nl, 7 March 2024):
 *   "van 2022 tot en met 2030 moeten we 981.000 nieuwe woningen bouwen, waarvan twee derde
 *   betaalbaar" and Rijk, provincies and gemeenten make a volkshuisvestingsprogramma that states
 *   "hoeveel, waar en voor welke specifieke doelgroepen". Under that regime the woondeal figures
 *   belong in the programmes; before it they are administrative agreements (woondealGrondslag).
 */

/** The period of the Nationale Woon- en Bouwagenda and the woondeals: 2022 up to and including 2030. */
export const WOONDEAL_PERIODE: Periode = Object.freeze({ van: '2022-01-01', tot: '2030-12-31' });

/** The catalogue indicators a woondeal target is set on (as taakstellingen). */
export const WOONDEAL_INDICATOREN = Object.freeze({
  totaal: 'WONINGEN_OPGELEVERD',
  betaalbaar: 'BETAALBARE_WONINGEN_OPGELEVERD',
  socialeHuur: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
} as const);

/** National starting point: two thirds of new homes betaalbaar (sociale huur + middenhuur + betaalbare koop). */
export const UITGANGSPUNT_BETAALBAAR = (2 / 3) * 100;
/** National starting point: 30% of new homes sociale huur (of the region's new construction). */
export const UITGANGSPUNT_SOCIALE_HUUR = 30;

/**
 * Indicators whose target counts only when a provincie set it. The share of sociale huur in the
 * stock has no legal norm and no national target: it is provincial policy where a provincie chose
 * it, so a gemeente's or the Rijk's figure for it is not a taakstelling.
 */
const ALLEEN_PROVINCIE: ReadonlySet<string> = new Set(['AANDEEL_SOCIALE_HUUR']);

/** May a taakstelling of an organisation of kind `gesteldDoor` for this indicator count (and be set)? */
export function taakstellingTelt(indicatorCode: string, gesteldDoor: OrganisatieSoort): boolean {
  return !ALLEEN_PROVINCIE.has(indicatorCode) || gesteldDoor === 'PROVINCIE';
}

/** Delivered homes per segment (opgeleverd in the period), of one gemeente or summed. */
export interface NieuwbouwSegmenten {
  readonly socialeHuur: number;
  readonly middenhuur: number;
  readonly vrijeSectorHuur: number;
  readonly koopBetaalbaar: number;
  readonly koopVrij: number;
  /** projects that delivered homes (a project with only standplaatsen delivers no homes) */
  readonly projecten: number;
}

export interface WoondealCijfers {
  readonly totaal: number;
  /** sociale huur + middenhuur + betaalbare koop (segment.ts BETAALBARE_SEGMENTEN) */
  readonly betaalbaar: number;
  readonly socialeHuur: number;
  readonly middenhuur: number;
  readonly koopBetaalbaar: number;
  readonly vrijeSectorHuur: number;
  readonly koopVrij: number;
  readonly projecten: number;
  /** betaalbaar ÷ totaal × 100 over the same projects; null when nothing was delivered */
  readonly aandeelBetaalbaar: number | null;
  /** sociale huur ÷ totaal × 100 over the same projects; null when nothing was delivered */
  readonly aandeelSocialeHuur: number | null;
  /** gemeenten of the area with at least one home delivered */
  readonly dekking: Dekking;
}

const totaalVan = (s: NieuwbouwSegmenten) =>
  s.socialeHuur + s.middenhuur + s.vrijeSectorHuur + s.koopBetaalbaar + s.koopVrij;

/**
 * The woondeal figures of an area from the delivered homes per gemeente. Every project's homes are
 * split over the five segments (nieuwbouwproject.ts: the total IS the sum of the segments), so the
 * numerator and the denominator of a share come from the same projects: Σ betaalbaar ÷ Σ totaal,
 * never an average of per-gemeente percentages. A gemeente without deliveries does not count in
 * the coverage (the monitor cannot tell "none built" from "not reported").
 */
export function woondealCijfers(
  perGemeente: ReadonlyMap<string, NieuwbouwSegmenten>,
  gemeenten: readonly string[],
): WoondealCijfers {
  let socialeHuur = 0;
  let middenhuur = 0;
  let koopBetaalbaar = 0;
  let vrijeSectorHuur = 0;
  let koopVrij = 0;
  let totaal = 0;
  let projecten = 0;
  let gedekt = 0;
  for (const g of gemeenten) {
    const s = perGemeente.get(g);
    if (!s) continue;
    const t = totaalVan(s);
    if (t === 0) continue;
    gedekt++;
    totaal += t;
    socialeHuur += s.socialeHuur;
    middenhuur += s.middenhuur;
    koopBetaalbaar += s.koopBetaalbaar;
    vrijeSectorHuur += s.vrijeSectorHuur;
    koopVrij += s.koopVrij;
    projecten += s.projecten;
  }
  const betaalbaar = socialeHuur + middenhuur + koopBetaalbaar;
  return {
    totaal,
    betaalbaar,
    socialeHuur,
    middenhuur,
    koopBetaalbaar,
    vrijeSectorHuur,
    koopVrij,
    projecten,
    aandeelBetaalbaar: totaal === 0 ? null : aandeelPercentage(betaalbaar, totaal),
    aandeelSocialeHuur: totaal === 0 ? null : aandeelPercentage(socialeHuur, totaal),
    dekking: { gemeenten: gedekt, totaal: gemeenten.length },
  };
}

/**
 * The share a set of targets implies (betaalbaar target ÷ total target × 100): a woondeal states
 * the numbers per regio, so its percentage follows from them. Null unless both are set and the
 * total is above 0.
 */
export function doelAandeel(doelDeel: number | null, doelTotaal: number | null): number | null {
  if (doelDeel === null || doelTotaal === null || doelTotaal <= 0) return null;
  return aandeelPercentage(doelDeel, doelTotaal);
}

export type AandeelOordeel = 'GEEN_DOEL' | 'ONBEKEND' | 'OP_OF_BOVEN_DOEL' | 'ONDER_DOEL';

const OORDEEL_LABEL: Record<AandeelOordeel, string> = {
  GEEN_DOEL: 'Geen doel gesteld',
  ONBEKEND: 'Onbekend (geen cijfers)',
  OP_OF_BOVEN_DOEL: 'Op of boven het doel',
  ONDER_DOEL: 'Onder het doel',
};

export function aandeelOordeelLabel(o: AandeelOordeel): string {
  return OORDEEL_LABEL[o];
}

/**
 * A share against a target share: only when there is a target (no target, no verdict: the
 * national 2/3 and 30% are starting points for a regio's new construction, not a norm per
 * gemeente, and the stock share has no norm unless a provincie set one).
 */
export function beoordeelAandeel(aandeel: number | null, doel: number | null): AandeelOordeel {
  if (doel === null) return 'GEEN_DOEL';
  if (aandeel === null) return 'ONBEKEND';
  return aandeel + 1e-9 >= doel ? 'OP_OF_BOVEN_DOEL' : 'ONDER_DOEL';
}

export type WoondealGrondslagCode = 'BESTUURLIJKE_AFSPRAKEN' | 'VOLKSHUISVESTINGSPROGRAMMA';

export interface WoondealGrondslag {
  readonly code: WoondealGrondslagCode;
  readonly tekst: string;
}

/**
 * What the woondeal figures rest on, by the regime in force on the peildatum: before the Wet
 * versterking regie volkshuisvesting they are administrative agreements between Rijk, provincie and
 * gemeenten; under it the numbers and the betaalbare part belong in the volkshuisvestingsprogramma's
 * of Rijk, provincie and gemeente (the regime's `programmaVerplicht`).
 */
export function woondealGrondslag(
  regime: Pick<VolkshuisvestingRegime, 'programmaVerplicht' | 'naam'>,
): WoondealGrondslag {
  return regime.programmaVerplicht
    ? {
        code: 'VOLKSHUISVESTINGSPROGRAMMA',
        tekst:
          `${regime.naam}: de aantallen en het betaalbare deel (twee derde) horen in de volkshuisvestingsprogramma’s ` +
          'van Rijk, provincie en gemeente; de woondeal blijft de regionale verdeling.',
      }
    : {
        code: 'BESTUURLIJKE_AFSPRAKEN',
        tekst:
          'Bestuurlijke afspraken (Nationale Woon- en Bouwagenda 2022, regionale woondeals 2022–2023): ' +
          'twee derde betaalbaar en 30% sociale huur zijn landelijke uitgangspunten voor de nieuwbouw per regio, geen wettelijke norm.',
      };
}

export type FaseOpPeildatum = 'OPGELEVERD' | 'IN_AANBOUW' | 'VERGUND' | 'PLAN';

/**
 * Where a project stood on the peildatum, from its phase dates (not its current phase: a report
 * for an earlier quarter must show the pipeline of then). A date after the peildatum has not
 * happened yet on it. Mirrored in SQL by woondeal.repository.ts (leesPijplijn).
 */
export function faseOpPeildatum(
  d: { vergundOp: IsoDatum | null; startBouwOp: IsoDatum | null; opgeleverdOp: IsoDatum | null },
  peil: IsoDatum,
): FaseOpPeildatum {
  if (d.opgeleverdOp !== null && d.opgeleverdOp <= peil) return 'OPGELEVERD';
  if (d.startBouwOp !== null && d.startBouwOp <= peil) return 'IN_AANBOUW';
  if (d.vergundOp !== null && d.vergundOp <= peil) return 'VERGUND';
  return 'PLAN';
}

/** A share with its target and the national starting point, each also as Dutch text, and the verdict. */
export interface AandeelMetDoel {
  readonly aandeel: number | null;
  readonly weergave: string;
  readonly doel: number | null;
  readonly doelWeergave: string;
  readonly uitgangspunt: number;
  readonly uitgangspuntWeergave: string;
  readonly oordeel: AandeelOordeel;
  readonly oordeelLabel: string;
}

export function woondealAandeel(
  aandeel: number | null,
  doel: number | null,
  uitgangspunt: number,
): AandeelMetDoel {
  const oordeel = beoordeelAandeel(aandeel, doel);
  return {
    aandeel,
    weergave: formatPercentage(aandeel),
    doel,
    doelWeergave: formatPercentage(doel),
    uitgangspunt,
    uitgangspuntWeergave: formatPercentage(uitgangspunt),
    oordeel,
    oordeelLabel: aandeelOordeelLabel(oordeel),
  };
}

const PIJPLIJN_FASEN = ['PLAN', 'VERGUND', 'IN_AANBOUW'] as const;

const FASE_LABEL: Record<(typeof PIJPLIJN_FASEN)[number], string> = {
  PLAN: 'In planvorming',
  VERGUND: 'Vergund, bouw niet gestart',
  IN_AANBOUW: 'In aanbouw',
};

export interface PijplijnFase {
  readonly fase: string;
  readonly label: string;
  readonly woningen: number;
  readonly betaalbaar: number;
  readonly socialeHuur: number;
}

/**
 * The pipeline on the peildatum in its fixed order (plan, vergund, in aanbouw), every phase
 * present: a phase without homes counts 0.
 */
export function woondealPijplijn(
  perFase: readonly { fase: string; woningen: number; betaalbaar: number; socialeHuur: number }[],
): PijplijnFase[] {
  return PIJPLIJN_FASEN.map((fase) => {
    const r = perFase.find((x) => x.fase === fase);
    return {
      fase,
      label: FASE_LABEL[fase],
      woningen: r?.woningen ?? 0,
      betaalbaar: r?.betaalbaar ?? 0,
      socialeHuur: r?.socialeHuur ?? 0,
    };
  });
}
