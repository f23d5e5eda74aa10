/**
 * The content of one report: everything the files show, computed once and stored as the
 * immutable snapshot. Every file format is rendered from this object only, so CSV, XLSX and PDF
 * always carry the same figures.
 */
/**
 * GEDEELD: released figures (docs/decisions.md, "Publicatie"), for every reader of the area who may
 * see each prestatieafspraak in it; ZONDER_AFSPRAKEN: the same without the afspraken section, for
 * the other readers; INTERN: exact figures, only for the gemeente the report is about.
 */
export type RapportageVariant = 'GEDEELD' | 'ZONDER_AFSPRAKEN' | 'INTERN';

export interface RapportageCel {
  /** null when suppressed */
  waarde: number | null;
  onderdrukt: boolean;
  /** what a person sees: nl-NL number or the suppression marker */
  weergave: string;
}

export interface RapportageIndicatorRegel {
  actielijn: string;
  actielijnNaam: string;
  code: string;
  naam: string;
  eenheid: string;
  taakstelling: number | null;
  realisatie: RapportageCel;
  percentage: number | null;
  status: string;
  statusLabel: string;
  /**
   * Coverage of the realisation, e.g. "28 van 342 gemeenten": every aggregate above a gemeente
   * states how many of the area's gemeenten contributed (null in a gemeente's own report).
   */
  dekking: string | null;
  /** realisation inside this quarter and inside the previous one, and the difference */
  ditKwartaal: RapportageCel;
  dekkingDitKwartaal: string | null;
  vorigKwartaal: RapportageCel;
  dekkingVorigKwartaal: string | null;
  verschil: RapportageCel;
}

export interface RapportageAfspraakRegel {
  prestatieafspraak: string;
  omschrijving: string;
  actielijn: string;
  indicator: string | null;
  doelwaarde: number | null;
  realisatie: RapportageCel | null;
  percentage: number | null;
  status: string;
  verantwoordelijke: string;
  /** the gemeente of the prestatieafspraak (a report above one gemeente lists several) */
  gemeente?: string;
  /** its provincie code: the national PDF counts the afspraken per provincie */
  provincieCode?: string;
  /** INDICATOR or MIJLPAAL */
  soort?: string;
}

export interface RapportageStatushoudersRegel {
  gemeenteCode: string;
  gemeente: string;
  halfjaar: string;
  taakstelling: number;
  meegenomen: number;
  teRealiseren: number;
  gehuisvest: number;
  saldo: number;
  status: string;
  /** provincie code of the gemeente: the national PDF sums the rows per provincie */
  provincieCode?: string;
}

/**
 * The share of sociale huur in the stock of one gemeente: a fact. It is judged only against a
 * target the provincie set for that gemeente (docs/decisions.md "Regionale woondeals"): the 30%
 * sociale huur of the woondeals applies to new construction per regio, not to the stock.
 */
export interface RapportageSocialeHuurRegel {
  gemeenteCode: string;
  gemeente: string;
  aandeel: number | null;
  /** the provincie's target for this gemeente; null: none set (then no verdict) */
  doel: number | null;
  /** aandeel ≥ doel; null without a target or without a share */
  voldoet: boolean | null;
  provincieCode?: string;
  /** reports made before issue 12 item 5 judged every gemeente against a fixed 30% */
  norm?: number;
}

/** The woondeal figures of the report's area, year to date (the nieuwbouw of the year). */
export interface RapportageWoondeal {
  /** 'Bestuurlijke afspraken …' or the volkshuisvestingsprogramma (by the regime on the peildatum) */
  grondslag: string;
  regels: {
    naam: string;
    taakstelling: number | null;
    realisatie: number;
    percentage: number | null;
    status: string;
  }[];
  aandeelBetaalbaar: number | null;
  aandeelSocialeHuur: number | null;
  /** the target shares that follow from the area's own targets (null: not both set) */
  doelBetaalbaar: number | null;
  doelSocialeHuur: number | null;
  /** "n projecten in m van k gemeenten" */
  dekking: string;
}

export interface RapportageOnderdeelRegel {
  code: string;
  naam: string;
  cellen: Record<string, RapportageCel>;
  /** for a provincie row of the national report: the coverage of each cell (an aggregate itself) */
  dekking?: Record<string, string | null>;
}

/**
 * Who may see a prestatieafspraak whose afspraken the report shows (the same facts
 * magPrestatieafspraakZien decides on in GraphQL), as read in the report's snapshot.
 */
export interface RapportageAfspraakZicht {
  id: string;
  gemeenteCode: string;
  status: string;
  partijIds: string[];
}

/**
 * What a file says about itself (issue 11): taken from the report's row when it is stored, so the
 * files carry the version, the data cut-off and who made them. Not part of the figures.
 */
export interface RapportageKop {
  versie: number;
  /** ISO timestamp of the snapshot's now(): the data cut-off */
  peilmoment: string;
  /** user name, or 'planner' for the scheduled run */
  aangevraagdDoor: string;
  variant: RapportageVariant;
}

export interface RapportageInhoud {
  titel: string;
  gebied: { soort: string; code: string; naam: string };
  kwartaal: string;
  kwartaalLabel: string;
  periode: { van: string; tot: string };
  peildatum: string;
  actielijn: string;
  actielijnNaam: string;
  variant: RapportageVariant;
  indicatoren: RapportageIndicatorRegel[];
  afspraken: RapportageAfspraakRegel[];
  /** the prestatieafspraken behind `afspraken`: a reader gets them only when it may see each one */
  afsprakenZicht: RapportageAfspraakZicht[];
  statushouders: RapportageStatushoudersRegel[];
  socialeHuur: RapportageSocialeHuurRegel[];
  /**
   * The share of sociale huur in the area's stock as a fact with its coverage (Σ ÷ Σ over the
   * gemeenten that reported both). Absent in reports made before it existed.
   */
  socialeHuurGebied?: { aandeel: number | null; dekking: string | null };
  /** Woondeal progress (nieuwbouw of the year): for ALLE and voldoende woningen. Absent in older reports. */
  woondeal?: RapportageWoondeal;
  /** for a provincie or the country: the table of its gemeenten or provincies */
  onderdelen: {
    soort: string;
    kolommen: { code: string; naam: string }[];
    regels: RapportageOnderdeelRegel[];
  } | null;
  /**
   * For the country: the same columns per gemeente, an appendix in the XLSX and CSV only (the PDF
   * stays a national overview). Absent in reports made before it existed.
   */
  bijlageGemeenten?: RapportageInhoud['onderdelen'];
  /**
   * Gemeenten of the area with a vastgesteld volkshuisvestingsprogramma on the peildatum ("n van m
   * gemeenten"), for actielijn ALLE and wonen-zorg-welzijn (the programme holds the woonzorg part).
   * Absent in reports made before it existed.
   */
  volkshuisvestingsprogrammas?: { weergave: string; wettelijkVerplicht: boolean };
  toelichting: string[];
}
