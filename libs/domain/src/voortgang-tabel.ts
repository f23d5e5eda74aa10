import { ACTIELIJNEN, type ActielijnCode } from './actielijn';
import { GEEN_DOEL_WAARDE, beoordeelDoel, type Doel } from './doel-vervaldatum';
import { dekkingTekst } from './gebied-aggregatie';
import { INDICATOR_CATALOGUS, indicatorOpCode, isIndicatorCode, type Indicator } from './indicator-catalogus';
import { maakIsoDatum, type IsoDatum } from './iso-datum';
import { mijlpaalRealisatie, mijlpaalVoortgang } from './mijlpaal-voortgang';
import { GEEN_WAARDE, formatGetal, formatPercentage } from './nl-format';
import type { AfspraakSoort, MijlpaalStatus } from './prestatieafspraak-inhoud';
import { voortgangStatusLabel, type VoortgangStatus } from './voortgang';

/**
 * The voortgang table as a pure calculation: from the realisation per indicator (per gemeente and
 * for the area, computed from SQL by the API) and the targets (doel-vervaldatum), the rows the
 * screen and the reports show: per actielijn and indicator the target, the realisation as it is
 * displayed, percentage, status and coverage; the table per gemeente; the progress of each
 * vastgestelde afspraak. No I/O: the API reads, this decides what is shown.
 */

/**
 * Dutch collation made once: `a.localeCompare(b, 'nl')` builds a collator per call (~10 µs), which
 * cost seconds when sorting the ~8,500 afspraken of the country. Same ICU order.
 */
const NL = new Intl.Collator('nl');

/** Realisation of one indicator: per gemeente, and for the whole area (null = no data). */
export interface RealisatieReeks {
  perGemeente: Map<string, number | null>;
  totaal: number | null;
  /** how many gemeenten of the area contributed to `totaal` */
  dekking: number;
}

/** A number as it may be shown: value, whether it is hidden, and its Dutch text. */
export interface TabelCel {
  waarde: number | null;
  onderdrukt: boolean;
  weergave: string;
}

export interface TabelDekking {
  gemeenten: number;
  totaal: number;
  weergave: string;
}

/** The target of the area for one indicator, and where it comes from. */
export interface GebiedDoel {
  doel: Doel;
  /** GEBIED (its own), ONDERDELEN (the sum of its parts) or GEEN */
  bron: string;
  /** with ONDERDELEN: how many parts have a target */
  onderdelen: number;
}

export interface IndicatorRegel {
  code: string;
  naam: string;
  eenheid: string;
  bron: string;
  aggregatie: string;
  richting: string;
  taakstelling: number | null;
  taakstellingBron: string;
  onderdelenMetTaakstelling: number;
  vervaldatum: string | null;
  realisatie: TabelCel;
  percentage: number | null;
  verwacht: number | null;
  status: VoortgangStatus | null;
  statusLabel: string | null;
  dekking: TabelDekking;
  toelichting: string | null;
}

export interface ActielijnRegels {
  code: ActielijnCode;
  nummer: number;
  naam: string;
  indicatoren: IndicatorRegel[];
}

export interface GemeenteCel {
  indicatorCode: string;
  taakstelling: number | null;
  realisatie: TabelCel;
  percentage: number | null;
  status: VoortgangStatus | null;
}

export interface GemeenteRegels {
  gemeente: { soort: 'GEMEENTE'; code: string; naam: string };
  indicatoren: GemeenteCel[];
}

/** A figure as displayed: a percentage or a number in Dutch notation, '–' without data. */
export function tabelCel(waarde: number | null, indicator: Indicator): TabelCel {
  if (waarde === null) return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  return {
    waarde,
    onderdrukt: false,
    weergave: indicator.eenheid === 'PERCENTAGE' ? formatPercentage(waarde) : formatGetal(waarde),
  };
}

export function tabelDekking(gemeenten: number, totaal: number): TabelDekking {
  return { gemeenten, totaal, weergave: dekkingTekst({ gemeenten, totaal }) };
}

/** Percentage and status of a realisation against a target (beoordeelDoel); none without data. */
export function oordeelOverDoel(indicator: Indicator, doel: Doel, waarde: number | null) {
  if (waarde === null)
    return { percentage: null, verwacht: doel.waarde === null ? null : doel.vervallen, status: null };
  return beoordeelDoel(doel, waarde, indicator.richting);
}

/** One indicator of the area: its target, its realisation and their verdict. */
export function indicatorRegel(
  indicator: Indicator,
  reeks: RealisatieReeks | undefined,
  t: GebiedDoel,
  aantalGemeenten: number,
): IndicatorRegel {
  const waarde = reeks?.totaal ?? null;
  const v = oordeelOverDoel(indicator, t.doel, waarde);
  return {
    code: indicator.code,
    naam: indicator.naam,
    eenheid: indicator.eenheid,
    bron: indicator.bron,
    aggregatie: indicator.aggregatie,
    richting: indicator.richting,
    taakstelling: t.doel.waarde,
    taakstellingBron: t.bron,
    onderdelenMetTaakstelling: t.onderdelen,
    vervaldatum: t.doel.vervaldatum,
    realisatie: tabelCel(waarde, indicator),
    percentage: v.percentage,
    verwacht: v.verwacht,
    status: v.status,
    statusLabel: v.status ? voortgangStatusLabel(v.status) : null,
    dekking: tabelDekking(reeks?.dekking ?? 0, aantalGemeenten),
    toelichting:
      waarde !== null
        ? null
        : indicator.bron === 'MIJLPAAL'
          ? 'Geen vastgestelde afspraak over deze mijlpaal in het gebied.'
          : 'Geen gegevens gerapporteerd.',
  };
}

/** Every actielijn with its indicators in catalogue order. */
export function actielijnRegels(
  realisatie: ReadonlyMap<string, RealisatieReeks>,
  doelVoorGebied: (indicator: Indicator) => GebiedDoel,
  aantalGemeenten: number,
): ActielijnRegels[] {
  return ACTIELIJNEN.map((a) => ({
    code: a.code,
    nummer: a.nummer,
    naam: a.naam,
    indicatoren: INDICATOR_CATALOGUS.filter((i) => i.actielijn === a.code).map((i) =>
      indicatorRegel(i, realisatie.get(i.code), doelVoorGebied(i), aantalGemeenten),
    ),
  }));
}

/** The table per gemeente (every catalogue indicator), sorted by name in Dutch order. */
export function gemeenteRegels(
  gemeenten: readonly string[],
  namen: ReadonlyMap<string, string>,
  realisatie: ReadonlyMap<string, RealisatieReeks>,
  doelPerGemeente: (indicator: Indicator, gemeente: string) => Doel,
): GemeenteRegels[] {
  const uit: GemeenteRegels[] = gemeenten.map((g) => ({
    gemeente: { soort: 'GEMEENTE', code: g, naam: namen.get(g) ?? g },
    indicatoren: INDICATOR_CATALOGUS.map((indicator) => {
      const waarde = realisatie.get(indicator.code)?.perGemeente.get(g) ?? null;
      const doel = doelPerGemeente(indicator, g);
      const v = oordeelOverDoel(indicator, doel, waarde);
      return {
        indicatorCode: indicator.code,
        taakstelling: doel.waarde,
        realisatie: tabelCel(waarde, indicator),
        percentage: v.percentage,
        status: v.status,
      };
    }),
  }));
  return uit.sort((a, b) => NL.compare(a.gemeente.naam, b.gemeente.naam));
}

/** An afspraak of a vastgestelde prestatieafspraak, as far as its progress depends on it. */
export interface TeMetenAfspraak {
  prestatieafspraakId: string;
  prestatieafspraakTitel: string;
  afspraakId: string;
  volgnummer: number;
  gemeenteCode: string;
  omschrijving: string;
  soort: AfspraakSoort;
  actielijn: ActielijnCode;
  indicatorCode: string | null;
  /** the doelwaarde of the measured year, with its own peildatum (default 31 December) */
  doelwaardeInJaar: { waarde: number; peildatum: IsoDatum } | null;
  mijlpaalDatum: IsoDatum | null;
  mijlpaalStatus: MijlpaalStatus | null;
  mijlpaalGereedOp: IsoDatum | null;
  /** name of the responsible party */
  verantwoordelijke: string;
}

export interface AfspraakRegel {
  prestatieafspraakId: string;
  prestatieafspraakTitel: string;
  afspraakId: string;
  volgnummer: number;
  gemeenteCode: string;
  omschrijving: string;
  soort: string;
  actielijn: ActielijnCode;
  indicatorCode: string | null;
  jaar: number;
  doelwaarde: number | null;
  realisatie: TabelCel | null;
  percentage: number | null;
  status: VoortgangStatus | null;
  statusLabel: string | null;
  mijlpaalDatum: string | null;
  mijlpaalStatus: string | null;
  verantwoordelijke: string;
}

/**
 * Progress of one afspraak in `jaar` up to `peil`: a milestone by its status and date, an
 * indicator afspraak against its doelwaarde (due on its own peildatum, never spread over the
 * year) with the realisation of its gemeente.
 */
export function afspraakRegel(
  a: TeMetenAfspraak,
  jaar: number,
  peil: IsoDatum,
  realisatie: ReadonlyMap<string, RealisatieReeks>,
): AfspraakRegel {
  const basis = {
    prestatieafspraakId: a.prestatieafspraakId,
    prestatieafspraakTitel: a.prestatieafspraakTitel,
    afspraakId: a.afspraakId,
    volgnummer: a.volgnummer,
    gemeenteCode: a.gemeenteCode,
    omschrijving: a.omschrijving,
    soort: a.soort,
    actielijn: a.actielijn,
    indicatorCode: a.indicatorCode,
    jaar,
    mijlpaalDatum: a.mijlpaalDatum,
    mijlpaalStatus: a.mijlpaalStatus,
    verantwoordelijke: a.verantwoordelijke,
  };
  if (a.soort === 'MIJLPAAL' && a.mijlpaalStatus && a.mijlpaalDatum) {
    const status = mijlpaalVoortgang(a.mijlpaalStatus, a.mijlpaalDatum, peil);
    const bereikt = mijlpaalRealisatie(a.mijlpaalStatus, a.mijlpaalGereedOp, peil);
    return {
      ...basis,
      doelwaarde: 1,
      realisatie: { waarde: bereikt, onderdrukt: false, weergave: bereikt ? 'bereikt' : 'niet bereikt' },
      percentage: bereikt * 100,
      status,
      statusLabel: voortgangStatusLabel(status),
    };
  }
  const indicator =
    a.indicatorCode && isIndicatorCode(a.indicatorCode) ? indicatorOpCode(a.indicatorCode) : null;
  const d = a.doelwaardeInJaar;
  if (!indicator) {
    return {
      ...basis,
      doelwaarde: d?.waarde ?? null,
      realisatie: null,
      percentage: null,
      status: null,
      statusLabel: null,
    };
  }
  // a doelwaarde is due on its own peildatum (default 31 December), not spread over the year
  const vervaldatum = d?.peildatum ?? maakIsoDatum(jaar, 12, 31);
  const doel: Doel = d
    ? { waarde: d.waarde, vervallen: vervaldatum <= peil ? d.waarde : 0, vervaldatum }
    : GEEN_DOEL_WAARDE;
  const waarde = realisatie.get(indicator.code)?.perGemeente.get(a.gemeenteCode) ?? null;
  const v = oordeelOverDoel(indicator, doel, waarde);
  return {
    ...basis,
    doelwaarde: doel.waarde,
    realisatie: tabelCel(waarde, indicator),
    percentage: v.percentage,
    status: v.status,
    statusLabel: v.status ? voortgangStatusLabel(v.status) : null,
  };
}

/** The order of the afspraken: gemeente code, prestatieafspraak title (Dutch), volgnummer. */
export function vergelijkAfspraakRegels(x: AfspraakRegel, y: AfspraakRegel): number {
  return (
    x.gemeenteCode.localeCompare(y.gemeenteCode) ||
    NL.compare(x.prestatieafspraakTitel, y.prestatieafspraakTitel) ||
    x.volgnummer - y.volgnummer
  );
}
