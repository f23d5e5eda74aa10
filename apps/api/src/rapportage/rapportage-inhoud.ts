/**
 * The content of one report: everything the files show, computed once and stored as the
 * immutable snapshot. Every file format is rendered from this object only, so CSV, XLSX and PDF
 * always carry the same figures.
 */
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
  /** realisation inside this quarter and inside the previous one, and the difference */
  ditKwartaal: RapportageCel;
  vorigKwartaal: RapportageCel;
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
}

export interface RapportageSocialeHuurRegel {
  gemeenteCode: string;
  gemeente: string;
  aandeel: number | null;
  norm: number;
  voldoet: boolean | null;
}

export interface RapportageOnderdeelRegel {
  code: string;
  naam: string;
  cellen: Record<string, RapportageCel>;
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
  variant: 'GEDEELD' | 'INTERN';
  indicatoren: RapportageIndicatorRegel[];
  afspraken: RapportageAfspraakRegel[];
  statushouders: RapportageStatushoudersRegel[];
  socialeHuur: RapportageSocialeHuurRegel[];
  /** for a provincie or the country: the table of its gemeenten or provincies */
  onderdelen: { soort: string; kolommen: { code: string; naam: string }[]; regels: RapportageOnderdeelRegel[] } | null;
  toelichting: string[];
}
