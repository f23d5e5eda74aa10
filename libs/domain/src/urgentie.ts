import { isIsoDatum, type IsoDatum } from './iso-datum';
import { isWebadres, MAX_URL } from './volkshuisvestingsprogramma';
import type { RegimeCode } from './volkshuisvesting-regime';

/**
 * The urgentieregeling of a gemeente and its categories (issue 12, item 4; docs/decisions.md
 * "Urgentie en detentie").
 *
 * Law (checked with the search tool, see the decisions section for the sources):
 * - Huisvestingswet 2014 art. 12: a gemeente MAY put an urgentieregeling in its
 *   huisvestingsverordening; when it does, lid 2 makes two categories mandatory: people staying in
 *   a facility for temporary shelter because of relational problems or violence (opvang), and
 *   mantelzorgers and mantelzorgontvangers. Vergunninghouders were a mandatory category until
 *   1 July 2017 and are not any more (RIGO, "Vergunninghouders als urgentiecategorie", for BZK,
 *   2018). So the two categories bind every regeling under BOTH regimes.
 * - Wet versterking regie volkshuisvesting (Kamerstukken 36512, MvT §3.2 "Wijzigingen in de
 *   Huisvestingswet 2014"): every gemeente must have an urgentieregeling (announced in the
 *   programme "Een thuis voor iedereen", Kamerstukken 32847-883). Which further categories the
 *   amended art. 12 names could not be read from a stored source; they are NOT encoded. The
 *   reference table is per regime, so a migration adds them with their source.
 * Nothing here refuses a regeling: the gemeenteraad adopts it, Thuismonitor records it and flags
 * what the law asks that it lacks (signalen).
 */

/** One mandatory category of a regime (reference data, table urgentie_verplichte_categorie). */
export interface VerplichteUrgentieCategorie {
  readonly regime: RegimeCode;
  readonly code: string;
  readonly naam: string;
  readonly bron: string;
}

const BRON_ART12 =
  'Huisvestingswet 2014 art. 12 lid 2: een urgentieregeling omvat in ieder geval deze categorie ' +
  '(RIGO, "Vergunninghouders als urgentiecategorie", rapport voor BZK, 2018).';

/** The mandatory categories per regime, as migration 1766900000000 seeds them. */
export const VERPLICHTE_URGENTIECATEGORIEEN: readonly VerplichteUrgentieCategorie[] = (
  ['WONINGWET_2015', 'WET_VERSTERKING_REGIE'] as const
).flatMap((regime) => [
  {
    regime,
    code: 'OPVANG_RELATIONEEL_GEWELD',
    naam: 'Verblijf in tijdelijke opvang wegens relationele problemen of geweld',
    bron: BRON_ART12,
  },
  { regime, code: 'MANTELZORG', naam: 'Mantelzorg verlenen of ontvangen', bron: BRON_ART12 },
]);

/** Whether the regime in force obliges every gemeente to have an urgentieregeling. */
export const REGELING_VERPLICHT: Record<RegimeCode, boolean> = {
  WONINGWET_2015: false,
  WET_VERSTERKING_REGIE: true,
};

/**
 * Uitstroom uit detentie: an aandachtsgroep of the programme "Een thuis voor iedereen"
 * (Kamerstukken 32847-883: "mensen … die uitstromen uit een intramurale (zorg)instelling of
 * detentie") and of the Monitor huisvesting aandachtsgroepen ("Uitstromers uit detentie",
 * Volkshuisvesting Nederland, 2024). Modelled as an urgentie category with a fixed code, not as a
 * ninth aandachtsgroep (docs/decisions.md says why).
 */
export const DETENTIE_CATEGORIE = 'UITSTROOM_DETENTIE';

/**
 * Categories with a fixed code and meaning, offered to every gemeente (besides the mandatory
 * ones). A gemeente may name them in its own words; the code keeps them comparable across
 * gemeenten. The common ones are those RIGO (2018) found in most regelingen.
 */
export const BEKENDE_URGENTIECATEGORIEEN: Readonly<Record<string, string>> = {
  OPVANG_RELATIONEEL_GEWELD: 'Verblijf in tijdelijke opvang wegens relationele problemen of geweld',
  MANTELZORG: 'Mantelzorg verlenen of ontvangen',
  [DETENTIE_CATEGORIE]: 'Uitstroom uit detentie',
  UITSTROOM_MO_BW: 'Uitstroom uit maatschappelijke opvang of beschermd wonen',
  MEDISCH: 'Medische urgentie',
  SOCIAAL: 'Sociale urgentie',
  STADSVERNIEUWING: 'Stadsvernieuwing (sloop of renovatie)',
  NOODSITUATIE: 'Noodsituatie (bijvoorbeeld brand)',
  VERGUNNINGHOUDERS: 'Vergunninghouders (statushouders)',
};

/** Protected categories: they say something about health or about a criminal past (AVG art. 9, 10). */
export const GEVOELIGE_URGENTIECATEGORIEEN: readonly string[] = [
  'MEDISCH',
  'UITSTROOM_MO_BW',
  DETENTIE_CATEGORIE,
  'OPVANG_RELATIONEEL_GEWELD',
];

export const URGENTIE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const MAX_CATEGORIEEN = 40;
export const MAX_NAAM = 200;
export const MAX_OMSCHRIJVING = 2000;

export interface UrgentieCategorieInvoer {
  readonly code: string;
  readonly naam: string;
  readonly omschrijving?: string | null;
}

export interface UrgentieregelingInvoer {
  readonly titel: string;
  readonly vastgesteldOp?: string | null;
  readonly documentUrl?: string | null;
  readonly categorieen: readonly UrgentieCategorieInvoer[];
}

export interface UrgentieVeldFout {
  readonly veld: string;
  readonly melding: string;
}

/** Normalises a category code as typed ("uitstroom detentie" → "UITSTROOM_DETENTIE"). */
export function normaliseerUrgentieCode(tekst: string): string {
  return tekst
    .trim()
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Every problem with a regeling as entered, per field, in Dutch. Missing mandatory categories are NOT errors. */
export function urgentieregelingFouten(
  invoer: UrgentieregelingInvoer,
  vandaag: IsoDatum,
): UrgentieVeldFout[] {
  const fouten: UrgentieVeldFout[] = [];
  const fout = (veld: string, melding: string) => fouten.push({ veld, melding });
  const titel = invoer.titel.trim();
  if (!titel) fout('titel', 'Geef de naam van de regeling (bijvoorbeeld "Huisvestingsverordening 2026").');
  else if (titel.length > MAX_NAAM) fout('titel', `De naam is langer dan ${MAX_NAAM} tekens.`);
  const datum = invoer.vastgesteldOp?.trim() || null;
  if (datum === null) fout('vastgesteldOp', 'Geef de datum waarop de gemeenteraad de regeling vaststelde.');
  else if (!isIsoDatum(datum)) fout('vastgesteldOp', `'${datum}' is geen datum (jjjj-mm-dd).`);
  else if (datum > vandaag) fout('vastgesteldOp', 'De datum van vaststelling ligt in de toekomst.');
  const url = invoer.documentUrl?.trim() || null;
  if (url !== null && (url.length > MAX_URL || !isWebadres(url)))
    fout('documentUrl', 'De link moet een volledig webadres zijn dat begint met https:// of http://.');
  if (invoer.categorieen.length === 0)
    fout('categorieen', 'Een urgentieregeling heeft ten minste één categorie.');
  if (invoer.categorieen.length > MAX_CATEGORIEEN)
    fout('categorieen', `Een regeling heeft hoogstens ${MAX_CATEGORIEEN} categorieën.`);
  const gezien = new Set<string>();
  invoer.categorieen.forEach((c, i) => {
    const code = normaliseerUrgentieCode(c.code);
    const veld = `categorieen.${i}`;
    if (!URGENTIE_CODE.test(code))
      fout(
        `${veld}.code`,
        `'${c.code}' is geen geldige code (2 tot 40 letters, cijfers of _; begint met een letter).`,
      );
    else if (gezien.has(code)) fout(`${veld}.code`, `De code ${code} staat twee keer in de regeling.`);
    gezien.add(code);
    const naam = c.naam.trim();
    if (!naam) fout(`${veld}.naam`, `Geef de naam van categorie ${code || i + 1}.`);
    else if (naam.length > MAX_NAAM) fout(`${veld}.naam`, `De naam is langer dan ${MAX_NAAM} tekens.`);
    if ((c.omschrijving ?? '').trim().length > MAX_OMSCHRIJVING)
      fout(`${veld}.omschrijving`, `De omschrijving is langer dan ${MAX_OMSCHRIJVING} tekens.`);
  });
  return fouten;
}

export type UrgentieSignaalSoort = 'GEEN_REGELING' | 'VERPLICHTE_CATEGORIE_ONTBREEKT';

export interface UrgentieSignaal {
  readonly soort: UrgentieSignaalSoort;
  /** the missing category, for VERPLICHTE_CATEGORIE_ONTBREEKT */
  readonly code: string | null;
  readonly melding: string;
  readonly bron: string;
}

/**
 * What the law in force asks that the gemeente's regeling lacks. `regeling` is null when the
 * gemeente recorded none; `verplicht` are the mandatory categories of `regime` (the regime in force
 * on the day asked). A regeling adopted later than `peildatum` does not count yet.
 */
export function urgentieSignalen(
  regeling: { readonly vastgesteldOp: IsoDatum; readonly codes: readonly string[] } | null,
  regime: RegimeCode,
  verplicht: readonly VerplichteUrgentieCategorie[],
  peildatum: IsoDatum,
): UrgentieSignaal[] {
  const geldend = regeling && regeling.vastgesteldOp <= peildatum ? regeling : null;
  if (!geldend) {
    return REGELING_VERPLICHT[regime]
      ? [
          {
            soort: 'GEEN_REGELING',
            code: null,
            melding:
              'Onder de Wet versterking regie volkshuisvesting moet elke gemeente een urgentieregeling hebben.',
            bron: 'Wet versterking regie volkshuisvesting, Kamerstukken 36512 (wijziging Huisvestingswet 2014 art. 12).',
          },
        ]
      : [];
  }
  return verplicht
    .filter((v) => v.regime === regime && !geldend.codes.includes(v.code))
    .map((v) => ({
      soort: 'VERPLICHTE_CATEGORIE_ONTBREEKT' as const,
      code: v.code,
      melding: `De regeling mist de verplichte categorie "${v.naam}".`,
      bron: v.bron,
    }));
}

/**
 * Checks a toewijzing's urgentie category against the regeling of its gemeente. Returns a Dutch
 * message, or null when it is fine (or no category was given).
 */
export function urgentieCategorieFout(
  categorie: string | null,
  viaUrgentie: boolean,
  regelingCodes: readonly string[] | null,
  gemeenteNaam: string,
): string | null {
  if (categorie === null) return null;
  if (!viaUrgentie) return 'een urgentiecategorie hoort alleen bij een toewijzing via urgentie';
  if (regelingCodes === null) return `${gemeenteNaam} heeft geen urgentieregeling in Thuismonitor vastgelegd`;
  if (!regelingCodes.includes(categorie))
    return `urgentiecategorie '${categorie}' staat niet in de urgentieregeling van ${gemeenteNaam} (wel: ${regelingCodes.join(', ')})`;
  return null;
}

export interface UrgentieDekking {
  /** gemeenten with a regeling adopted on or before the peildatum */
  readonly metRegeling: number;
  /** of those, with every mandatory category of the regime */
  readonly compleet: number;
  readonly totaal: number;
  readonly weergave: string;
}

/**
 * "n van m gemeenten" with an urgentieregeling on `peildatum`, and how many of those hold every
 * mandatory category of `regime`. Public by nature: a regeling is part of a published verordening.
 */
export function urgentieDekking(
  gemeenten: readonly string[],
  regelingen: ReadonlyMap<string, { readonly vastgesteldOp: IsoDatum; readonly codes: readonly string[] }>,
  regime: RegimeCode,
  verplicht: readonly VerplichteUrgentieCategorie[],
  peildatum: IsoDatum,
): UrgentieDekking {
  const nodig = verplicht.filter((v) => v.regime === regime).map((v) => v.code);
  const geldend = gemeenten.flatMap((g) => {
    const r = regelingen.get(g);
    return r && r.vastgesteldOp <= peildatum ? [r] : [];
  });
  const compleet = geldend.filter((r) => nodig.every((c) => r.codes.includes(c))).length;
  const totaal = gemeenten.length;
  return {
    metRegeling: geldend.length,
    compleet,
    totaal,
    weergave: `${geldend.length} van ${totaal} ${totaal === 1 ? 'gemeente' : 'gemeenten'}`,
  };
}

/** One released cell of tm_urgentie_toewijzingen: a category, whether the caller owns it, the count. */
export interface UrgentieCel {
  readonly categorie: string;
  readonly eigen: boolean;
  readonly huishoudens: number;
}

export interface UrgentieCategorieTelling {
  readonly code: string;
  readonly naam: string;
  readonly huishoudens: number;
  /** only when every cell of the category is the caller's own */
  readonly exact: boolean;
  readonly gevoelig: boolean;
}

/**
 * Toewijzingen per urgentie category from the released cells: summed per code, sorted by code,
 * named by the fixed meaning of a known code, else the regeling's name, else the code. `detentie`
 * is the count of the detention category (0 when absent).
 */
export function urgentieVoortgang(
  cellen: readonly UrgentieCel[],
  namen: ReadonlyMap<string, string>,
): { categorieen: UrgentieCategorieTelling[]; detentie: number } {
  const perCode = new Map<string, { huishoudens: number; exact: boolean }>();
  for (const c of cellen) {
    const v = perCode.get(c.categorie) ?? { huishoudens: 0, exact: true };
    perCode.set(c.categorie, { huishoudens: v.huishoudens + c.huishoudens, exact: v.exact && c.eigen });
  }
  const categorieen = [...perCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, v]) => ({
      code,
      naam: BEKENDE_URGENTIECATEGORIEEN[code] ?? namen.get(code) ?? code,
      huishoudens: v.huishoudens,
      exact: v.exact,
      gevoelig: GEVOELIGE_URGENTIECATEGORIEEN.includes(code),
    }));
  return { categorieen, detentie: perCode.get(DETENTIE_CATEGORIE)?.huishoudens ?? 0 };
}
