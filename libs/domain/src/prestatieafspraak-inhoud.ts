import { isAandachtsgroep, type Aandachtsgroep } from './aandachtsgroep';
import { isActielijnCode, type ActielijnCode } from './actielijn';
import { controleerJaar, isIsoDatum, maakIsoDatum, parseIsoDatum, type IsoDatum } from './iso-datum';
import { INDICATOR_CATALOGUS, isIndicatorCode, indicatorOpCode } from './indicator-catalogus';
import type { OrganisatieSoort } from './organisatie-soort';

/**
 * What a prestatieafspraak may contain: its period (whole years, with a jaarschijf per year), its
 * parties and its afspraken (an indicator with a doelwaarde per year, or a mijlpaal with a date).
 * Every check returns a list of problems per field (Dutch, for the user), so a form can show them
 * all at once; an empty list means valid.
 */
export interface InhoudFout {
  readonly veld: string;
  readonly melding: string;
}

/** Kaderafspraken run for a few years; ten is the longest anyone plans ahead (and bounds the jaarschijven). */
export const MAX_JAREN_PRESTATIEAFSPRAAK = 10;

export const AFSPRAAK_SOORTEN = ['INDICATOR', 'MIJLPAAL'] as const;
export type AfspraakSoort = (typeof AFSPRAAK_SOORTEN)[number];

/** Where a mijlpaal stands, as the responsible party reports it during the term. */
export const MIJLPAAL_STATUSSEN = ['NIET_GESTART', 'LOOPT', 'GEREED', 'VERTRAAGD'] as const;
export type MijlpaalStatus = (typeof MIJLPAAL_STATUSSEN)[number];

const MIJLPAAL_LABELS: Record<MijlpaalStatus, string> = {
  NIET_GESTART: 'Niet gestart',
  LOOPT: 'Loopt',
  GEREED: 'Gereed',
  VERTRAAGD: 'Vertraagd',
};

export function mijlpaalStatusLabel(status: MijlpaalStatus): string {
  return MIJLPAAL_LABELS[status];
}

export function isMijlpaalStatus(waarde: unknown): waarde is MijlpaalStatus {
  return typeof waarde === 'string' && (MIJLPAAL_STATUSSEN as readonly string[]).includes(waarde);
}

/** Organisation kinds that can be a party; a gemeente only to its own afspraken. */
const PARTIJ_SOORTEN: readonly OrganisatieSoort[] = [
  'GEMEENTE',
  'CORPORATIE',
  'HUURDERSORGANISATIE',
  'ZORGAANBIEDER',
];

export const TITEL_MAX = 200;
export const OMSCHRIJVING_MAX = 2000;
export const REACTIE_MAX = 2000;
export const TOELICHTING_MAX = 500;

export interface JarenPeriode {
  readonly jaarVan: number;
  readonly jaarTot: number;
}

export function periodeFouten(periode: JarenPeriode): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  for (const veld of ['jaarVan', 'jaarTot'] as const) {
    try {
      controleerJaar(periode[veld]);
    } catch {
      fouten.push({ veld, melding: `'${periode[veld]}' is geen geldig jaartal.` });
    }
  }
  if (fouten.length) return fouten;
  if (periode.jaarTot < periode.jaarVan) {
    fouten.push({
      veld: 'jaarTot',
      melding: `Het laatste jaar (${periode.jaarTot}) ligt voor het eerste jaar (${periode.jaarVan}).`,
    });
  } else if (periode.jaarTot - periode.jaarVan + 1 > MAX_JAREN_PRESTATIEAFSPRAAK) {
    fouten.push({
      veld: 'jaarTot',
      melding: `Een prestatieafspraak loopt hoogstens ${MAX_JAREN_PRESTATIEAFSPRAAK} jaar.`,
    });
  }
  return fouten;
}

/** The years of the period, one jaarschijf each. */
export function jarenVanPeriode(periode: JarenPeriode): number[] {
  const jaren: number[] = [];
  for (let j = periode.jaarVan; j <= periode.jaarTot; j++) jaren.push(j);
  return jaren;
}

export function titelFouten(titel: string): InhoudFout[] {
  const t = titel.trim();
  if (!t) return [{ veld: 'titel', melding: 'Geef de prestatieafspraak een titel.' }];
  if (t.length > TITEL_MAX)
    return [{ veld: 'titel', melding: `De titel is langer dan ${TITEL_MAX} tekens.` }];
  return [];
}

/** May an organisation be a party to a prestatieafspraak of this gemeente? */
export function magPartijZijn(
  organisatie: {
    readonly soort: OrganisatieSoort;
    readonly code: string;
    readonly werkgebied: readonly string[];
  },
  gemeenteCode: string,
): boolean {
  if (!PARTIJ_SOORTEN.includes(organisatie.soort)) return false;
  if (organisatie.soort === 'GEMEENTE') return organisatie.code === gemeenteCode;
  return organisatie.werkgebied.includes(gemeenteCode);
}

export interface DoelwaardeInvoer {
  readonly jaar: number;
  readonly waarde: number;
  /** the date the doelwaarde is measured on; default 31 December of its year */
  readonly peildatum?: IsoDatum | null;
}

export interface AfspraakInvoer {
  readonly actielijn: string;
  readonly aandachtsgroep?: string | null;
  readonly omschrijving: string;
  readonly indicatorCode?: string | null;
  readonly doelwaarden?: readonly DoelwaardeInvoer[] | null;
  readonly mijlpaalDatum?: IsoDatum | null;
}

/**
 * An afspraak is measurable (an indicator from the catalogue, with a doelwaarde per year) or a
 * mijlpaal (a date). A mijlpaal may point at a catalogue indicator whose source is a milestone
 * (e.g. WOONZORGVISIE_VASTGESTELD) so progress can be read from it.
 */
export function afspraakSoort(afspraak: AfspraakInvoer): AfspraakSoort {
  return afspraak.mijlpaalDatum ? 'MIJLPAAL' : 'INDICATOR';
}

const HELE_AANTALLEN = new Set(['WONINGEN', 'HUISHOUDENS', 'PERSONEN', 'AANTAL']);

export function afspraakFouten(afspraak: AfspraakInvoer, periode: JarenPeriode): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  const fout = (veld: string, melding: string) => fouten.push({ veld, melding });
  if (!isActielijnCode(afspraak.actielijn))
    fout('actielijn', `Actielijn '${afspraak.actielijn}' bestaat niet.`);
  if (afspraak.aandachtsgroep != null && !isAandachtsgroep(afspraak.aandachtsgroep)) {
    fout('aandachtsgroep', `Aandachtsgroep '${afspraak.aandachtsgroep}' bestaat niet.`);
  }
  const omschrijving = afspraak.omschrijving.trim();
  if (!omschrijving) fout('omschrijving', 'Beschrijf wat er is afgesproken.');
  else if (omschrijving.length > OMSCHRIJVING_MAX)
    fout('omschrijving', `De omschrijving is langer dan ${OMSCHRIJVING_MAX} tekens.`);

  const indicator = afspraak.indicatorCode
    ? isIndicatorCode(afspraak.indicatorCode)
      ? indicatorOpCode(afspraak.indicatorCode)
      : null
    : undefined;
  if (indicator === null)
    fout('indicatorCode', `Indicator '${afspraak.indicatorCode}' staat niet in de indicatorcatalogus.`);
  if (
    indicator?.aandachtsgroep &&
    afspraak.aandachtsgroep &&
    indicator.aandachtsgroep !== afspraak.aandachtsgroep
  ) {
    fout('aandachtsgroep', `Indicator '${indicator.naam}' gaat over een andere aandachtsgroep.`);
  }
  const doelwaarden = afspraak.doelwaarden ?? [];

  if (afspraak.mijlpaalDatum) {
    if (!isIsoDatum(afspraak.mijlpaalDatum)) {
      fout('mijlpaalDatum', `'${afspraak.mijlpaalDatum}' is geen datum (jjjj-mm-dd).`);
    } else {
      const { jaar } = parseIsoDatum(afspraak.mijlpaalDatum);
      if (jaar < periode.jaarVan || jaar > periode.jaarTot) {
        fout('mijlpaalDatum', `De mijlpaal valt buiten de looptijd ${periode.jaarVan}–${periode.jaarTot}.`);
      }
    }
    if (doelwaarden.length) fout('doelwaarden', 'Een mijlpaal heeft een datum, geen doelwaarden.');
    if (indicator && indicator.bron !== 'MIJLPAAL') {
      fout(
        'indicatorCode',
        `Indicator '${indicator.naam}' is geen mijlpaal; kies een meetbare afspraak met doelwaarden.`,
      );
    }
    return fouten;
  }

  if (afspraak.indicatorCode == null) {
    fout(
      'indicatorCode',
      'Kies een indicator uit de catalogus met een doelwaarde per jaar, of geef een mijlpaal met een datum.',
    );
    return fouten;
  }
  if (indicator && indicator.bron === 'MIJLPAAL') {
    fout(
      'mijlpaalDatum',
      `Indicator '${indicator.naam}' is een mijlpaal; geef de datum waarop die bereikt moet zijn.`,
    );
  }
  const gezien = new Set<number>();
  doelwaarden.forEach((d, i) => {
    const veld = `doelwaarden[${i}]`;
    if (!Number.isInteger(d.jaar) || d.jaar < periode.jaarVan || d.jaar > periode.jaarTot) {
      fout(`${veld}.jaar`, `Jaar ${d.jaar} valt buiten de looptijd ${periode.jaarVan}–${periode.jaarTot}.`);
      return;
    }
    if (gezien.has(d.jaar)) fout(`${veld}.jaar`, `Voor ${d.jaar} staat al een doelwaarde.`);
    gezien.add(d.jaar);
    if (!Number.isFinite(d.waarde) || d.waarde < 0)
      fout(`${veld}.waarde`, 'Een doelwaarde is een getal van 0 of meer.');
    else if (indicator?.eenheid === 'PERCENTAGE' && d.waarde > 100)
      fout(`${veld}.waarde`, 'Een percentage is hoogstens 100.');
    else if (indicator && HELE_AANTALLEN.has(indicator.eenheid) && !Number.isInteger(d.waarde)) {
      fout(`${veld}.waarde`, 'Deze doelwaarde is een aantal: een heel getal.');
    } else if (Math.abs(d.waarde) >= 1e12) fout(`${veld}.waarde`, 'Deze doelwaarde is te groot.');
    if (d.peildatum != null) {
      if (!isIsoDatum(d.peildatum)) fout(`${veld}.peildatum`, `'${d.peildatum}' is geen datum (jjjj-mm-dd).`);
      else if (parseIsoDatum(d.peildatum).jaar !== d.jaar)
        fout(`${veld}.peildatum`, `De peildatum ligt niet in ${d.jaar}.`);
    }
  });
  return fouten;
}

/** The peildatum of a doelwaarde: as given, else the last day of its year. */
export function peildatumVoor(d: DoelwaardeInvoer): IsoDatum {
  return d.peildatum ?? maakIsoDatum(d.jaar, 12, 31);
}

export interface IndienInvoer extends JarenPeriode {
  readonly partijSoorten: readonly OrganisatieSoort[];
  readonly afspraken: readonly {
    readonly omschrijving: string;
    readonly soort: AfspraakSoort;
    readonly doelwaardeJaren: readonly number[];
  }[];
}

/**
 * Before a prestatieafspraak goes to the parties for signing: at least one afspraak, the gemeente
 * and a corporatie, and a doelwaarde for every year of the period on every measurable afspraak, so
 * each jaarschijf is complete. A huurdersorganisatie is not required: it takes part in the talks
 * (Woningwet art. 44) but signs only if it wants to ("er is geen verplichting in de wet voor
 * ondertekening van de prestatieafspraken door huurders", woningwet2015.nl, veelgestelde vragen
 * huurders); see prestatieafspraak-status.ts isVastTeStellen.
 */
export function indienFouten(invoer: IndienInvoer): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  if (!invoer.partijSoorten.includes('GEMEENTE'))
    fouten.push({ veld: 'partijen', melding: 'De gemeente ontbreekt als partij.' });
  if (!invoer.partijSoorten.includes('CORPORATIE'))
    fouten.push({ veld: 'partijen', melding: 'Voeg ten minste één woningcorporatie toe als partij.' });
  if (!invoer.afspraken.length)
    fouten.push({ veld: 'afspraken', melding: 'Er staan nog geen afspraken in.' });
  const jaren = jarenVanPeriode(invoer);
  invoer.afspraken.forEach((a, i) => {
    if (a.soort !== 'INDICATOR') return;
    const ontbrekend = jaren.filter((j) => !a.doelwaardeJaren.includes(j));
    if (ontbrekend.length) {
      fouten.push({
        veld: `afspraken[${i}].doelwaarden`,
        melding: `Afspraak '${kort(a.omschrijving)}' mist een doelwaarde voor ${ontbrekend.join(', ')}.`,
      });
    }
  });
  return fouten;
}

/** Changing the period must not strand doelwaarden or mijlpalen outside it. */
export function periodeWijzigingFouten(
  nieuw: JarenPeriode,
  afspraken: readonly {
    readonly omschrijving: string;
    readonly doelwaardeJaren: readonly number[];
    readonly mijlpaalDatum: IsoDatum | null;
  }[],
): InhoudFout[] {
  const fouten: InhoudFout[] = [];
  for (const a of afspraken) {
    const buiten = a.doelwaardeJaren.filter((j) => j < nieuw.jaarVan || j > nieuw.jaarTot);
    const mijlpaalJaar = a.mijlpaalDatum ? parseIsoDatum(a.mijlpaalDatum).jaar : null;
    if (buiten.length) {
      fouten.push({
        veld: 'jaarVan',
        melding: `Afspraak '${kort(a.omschrijving)}' heeft doelwaarden voor ${buiten.join(', ')}; pas die eerst aan.`,
      });
    }
    if (mijlpaalJaar !== null && (mijlpaalJaar < nieuw.jaarVan || mijlpaalJaar > nieuw.jaarTot)) {
      fouten.push({
        veld: 'jaarVan',
        melding: `De mijlpaal '${kort(a.omschrijving)}' valt buiten de nieuwe looptijd; pas die eerst aan.`,
      });
    }
  }
  return fouten;
}

export interface JaarschijfAfspraak {
  readonly id: string;
  readonly soort: AfspraakSoort;
  readonly doelwaarden: readonly {
    readonly jaar: number;
    readonly waarde: number;
    readonly peildatum: IsoDatum;
  }[];
  readonly mijlpaalDatum: IsoDatum | null;
}

export interface Jaarschijf<A extends JaarschijfAfspraak> {
  readonly jaar: number;
  readonly doelen: readonly { readonly afspraak: A; readonly waarde: number; readonly peildatum: IsoDatum }[];
  readonly mijlpalen: readonly A[];
}

/** The period cut into years: per year the doelwaarden and the mijlpalen due that year. */
export function jaarschijven<A extends JaarschijfAfspraak>(
  periode: JarenPeriode,
  afspraken: readonly A[],
): Jaarschijf<A>[] {
  return jarenVanPeriode(periode).map((jaar) => ({
    jaar,
    doelen: afspraken.flatMap((afspraak) =>
      afspraak.doelwaarden
        .filter((d) => d.jaar === jaar)
        .map((d) => ({ afspraak, waarde: d.waarde, peildatum: d.peildatum })),
    ),
    mijlpalen: afspraken.filter(
      (a) => a.mijlpaalDatum !== null && parseIsoDatum(a.mijlpaalDatum).jaar === jaar,
    ),
  }));
}

/** The indicators an afspraak can point at, filtered like the catalogue screen does. */
export function indicatorKeuze(filter: {
  actielijn?: ActielijnCode | null;
  aandachtsgroep?: Aandachtsgroep | null;
}) {
  return INDICATOR_CATALOGUS.filter(
    (i) =>
      (!filter.actielijn || i.actielijn === filter.actielijn) &&
      (!filter.aandachtsgroep || i.aandachtsgroep === filter.aandachtsgroep),
  );
}

function kort(tekst: string): string {
  const t = tekst.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
