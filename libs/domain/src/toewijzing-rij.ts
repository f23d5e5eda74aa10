import { parseAandachtsgroep, type Aandachtsgroep } from './aandachtsgroep';
import { bestaatDatum, maakIsoDatum, parseIsoDatum, type IsoDatum } from './iso-datum';
import { gemeenteKandidaatTekst, type GemeenteHerkenning } from './gemeente-naam';
import { geaccepteerdeWaardenTekst } from './import-koppeling';
import type { ToewijzingKolom } from './kolom-mapping';
import { parseSegment, type Segment } from './segment';
import { tekstSleutel } from './tekst-sleutel';
import { URGENTIE_CODE, normaliseerUrgentieCode, urgentieCategorieFout } from './urgentie';

/**
 * Validation of one row of a toewijzingen import (CSV/XLSX), after bouwKolomMapping turned the
 * corporatie's headers into canonical columns. Returns ALL problems of the row at once, each
 * naming its column, so the upload screen can show a complete error list per row.
 */
export interface GeldigeToewijzing {
  readonly externKenmerk: string;
  readonly gemeenteCode: string;
  readonly datum: IsoDatum;
  readonly aandachtsgroep: Aandachtsgroep | null;
  readonly huishoudgrootte: number;
  readonly segment: Segment;
  readonly viaUrgentie: boolean;
  /** code of the category of the gemeente's urgentieregeling (optional column urgentie_categorie) */
  readonly urgentieCategorie: string | null;
}

export interface RijFout {
  readonly kolom: ToewijzingKolom;
  readonly melding: string;
  /**
   * Set when the cell holds a value the product does not know (yet): an aandachtsgroep, segment,
   * ja/nee or gemeente name. The import collects these so the organisation can map them once.
   */
  readonly onbekendeWaarde?: string;
}

export type RijValidatie =
  | { readonly ok: true; readonly toewijzing: GeldigeToewijzing }
  | { readonly ok: false; readonly fouten: readonly RijFout[] };

export interface RijOpties {
  /** gemeente codes (GMxxxx) the corporatie may report in */
  readonly werkgebied: readonly string[];
  /** resolves a gemeente name as written in the file ('s-Gravenhage, Den Haag, ...) to its code */
  readonly gemeenteOpNaam: (naam: string) => string | undefined;
  /**
   * When given, used instead of gemeenteOpNaam: an ambiguous or unknown name is refused with the
   * gemeenten it could mean (maakGemeenteHerkenner).
   */
  readonly herkenGemeente?: (naam: string) => GemeenteHerkenning;
  /** today's date in the Netherlands (vandaagInAmsterdam), for the no-future-dates rule */
  readonly vandaag: IsoDatum;
  /**
   * The category codes of the urgentieregeling per gemeente (absent: the gemeente recorded none).
   * Without this option a row with an urgentie category is refused (nothing to check it against).
   */
  readonly urgentieCategorieen?: Readonly<Record<string, readonly string[]>>;
}

/** Toewijzingen before this date are outside the monitor's history. */
export const EERSTE_TOEWIJZINGSDATUM = '2015-01-01';
export const MAX_HUISHOUDGROOTTE = 20;
export const MAX_KENMERK_LENGTE = 100;

export function valideerToewijzingRij(
  rij: Readonly<Partial<Record<string, string | undefined>>>,
  opties: RijOpties,
): RijValidatie {
  const fouten: RijFout[] = [];
  const waarde = (kolom: ToewijzingKolom) => (rij[kolom] ?? '').trim();
  const fout = (kolom: ToewijzingKolom, melding: string, onbekendeWaarde?: string) => {
    fouten.push(onbekendeWaarde === undefined ? { kolom, melding } : { kolom, melding, onbekendeWaarde });
    return undefined;
  };

  const externKenmerk = leesKenmerk(waarde('extern_kenmerk'), fout);
  const gemeenteCode = leesGemeente(waarde('gemeente'), opties, fout);
  const datum = leesDatum(waarde('datum'), opties.vandaag, fout);
  const aandachtsgroep = leesAandachtsgroep(waarde('aandachtsgroep'), fout);
  const huishoudgrootte = leesHuishoudgrootte(waarde('huishoudgrootte'), fout);
  const segment = leesSegment(waarde('segment'), fout);
  const viaUrgentie = leesJaNee(waarde('via_urgentie'), fout);
  const urgentieCategorie = leesUrgentieCategorie(
    waarde('urgentie_categorie'),
    gemeenteCode,
    viaUrgentie,
    opties,
    fout,
  );

  if (fouten.length > 0) return { ok: false, fouten };
  return {
    ok: true,
    toewijzing: {
      externKenmerk: externKenmerk!,
      gemeenteCode: gemeenteCode!,
      datum: datum!,
      aandachtsgroep: aandachtsgroep!,
      huishoudgrootte: huishoudgrootte!,
      segment: segment!,
      viaUrgentie: viaUrgentie!,
      urgentieCategorie: urgentieCategorie ?? null,
    },
  };
}

type Fout = (kolom: ToewijzingKolom, melding: string, onbekendeWaarde?: string) => undefined;

/** Optional category code, checked against the regeling of the row's gemeente (urgentie.ts). */
function leesUrgentieCategorie(
  tekst: string,
  gemeenteCode: string | undefined,
  viaUrgentie: boolean | undefined,
  opties: RijOpties,
  fout: Fout,
): string | null | undefined {
  if (!tekst) return null;
  const code = normaliseerUrgentieCode(tekst);
  if (!URGENTIE_CODE.test(code))
    return fout('urgentie_categorie', `Urgentiecategorie '${tekst}' is geen geldige code`);
  if (gemeenteCode === undefined || viaUrgentie === undefined) return code; // reported on its own column
  const codes = opties.urgentieCategorieen?.[gemeenteCode] ?? null;
  const melding = urgentieCategorieFout(code, viaUrgentie, codes, gemeenteCode);
  return melding ? fout('urgentie_categorie', melding.charAt(0).toUpperCase() + melding.slice(1)) : code;
}

function leesKenmerk(tekst: string, fout: Fout): string | undefined {
  if (tekst === '') return fout('extern_kenmerk', 'Extern kenmerk ontbreekt');
  if (tekst.length > MAX_KENMERK_LENGTE) {
    return fout('extern_kenmerk', `Extern kenmerk is langer dan ${MAX_KENMERK_LENGTE} tekens`);
  }
  return tekst;
}

function leesGemeente(tekst: string, opties: RijOpties, fout: Fout): string | undefined {
  if (tekst === '') return fout('gemeente', 'Gemeente ontbreekt');
  let code: string | undefined;
  if (/^gm\d{4}$/i.test(tekst)) code = tekst.toUpperCase();
  // CBS code without prefix, as many exports write it ('363' or '0363')
  else if (/^\d{1,4}$/.test(tekst)) code = `GM${tekst.padStart(4, '0')}`;
  else if (opties.herkenGemeente) {
    const h = opties.herkenGemeente(tekst);
    if (h.soort === 'DUBBELZINNIG') {
      return fout(
        'gemeente',
        `Gemeente '${tekst}' is niet eenduidig: bedoelt u ${h.kandidaten.map(gemeenteKandidaatTekst).join(' of ')}? Vul de CBS-code in of koppel de naam aan een gemeente`,
        tekst,
      );
    }
    if (h.soort === 'ONBEKEND') {
      return fout(
        'gemeente',
        `Gemeente '${tekst}' is onbekend${
          h.kandidaten.length ? `; bedoelt u ${h.kandidaten.map(gemeenteKandidaatTekst).join(' of ')}?` : ''
        }; gebruik de CBS-code (bijvoorbeeld GM0344) of de CBS-naam van de gemeente`,
        tekst,
      );
    }
    code = h.code;
  } else code = opties.gemeenteOpNaam(tekst);
  if (!code) return fout('gemeente', `Gemeente '${tekst}' is onbekend`);
  if (!opties.werkgebied.includes(code)) {
    const wie = code === tekst ? `Gemeente ${code}` : `Gemeente '${tekst}' (${code})`;
    return fout('gemeente', `${wie} valt buiten het werkgebied van de corporatie`);
  }
  return code;
}

const DATUM_PATRONEN: readonly {
  patroon: RegExp;
  delen: (m: RegExpExecArray) => [number, number, number];
}[] = [
  // dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, d/m/jjjj: the same separator on both sides
  {
    patroon: /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/,
    delen: (m) => [Number(m[4]), Number(m[3]), Number(m[1])],
  },
  // ISO jjjj-mm-dd
  { patroon: /^(\d{4})-(\d{2})-(\d{2})$/, delen: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

function leesDatum(tekst: string, vandaag: IsoDatum, fout: Fout): IsoDatum | undefined {
  if (tekst === '') return fout('datum', 'Datum ontbreekt');
  parseIsoDatum(vandaag);
  for (const { patroon, delen } of DATUM_PATRONEN) {
    const m = patroon.exec(tekst);
    if (!m) continue;
    const [jaar, maand, dag] = delen(m);
    if (!bestaatDatum(jaar, maand, dag)) return fout('datum', `Datum '${tekst}' bestaat niet`);
    const iso = maakIsoDatum(jaar, maand, dag);
    if (iso > vandaag) return fout('datum', `Datum '${tekst}' ligt in de toekomst`);
    if (iso < EERSTE_TOEWIJZINGSDATUM) return fout('datum', `Datum '${tekst}' ligt vóór 2015`);
    return iso;
  }
  return fout(
    'datum',
    `Datum '${tekst}' heeft geen geldige vorm; gebruik dd-mm-jjjj (bijvoorbeeld 31-12-2026)`,
  );
}

function leesAandachtsgroep(tekst: string, fout: Fout): Aandachtsgroep | null | undefined {
  const r = parseAandachtsgroep(tekst);
  if (r.soort === 'ONBEKEND') {
    return fout(
      'aandachtsgroep',
      `Aandachtsgroep '${tekst}' is onbekend; laat de cel leeg of vul 'regulier' in als het huishouden niet tot een aandachtsgroep hoort. Thuismonitor kent: ${geaccepteerdeWaardenTekst('aandachtsgroep')}`,
      tekst,
    );
  }
  return r.aandachtsgroep;
}

function leesHuishoudgrootte(tekst: string, fout: Fout): number | undefined {
  if (tekst === '') return fout('huishoudgrootte', 'Huishoudgrootte ontbreekt');
  if (!/^\d+$/.test(tekst))
    return fout('huishoudgrootte', `Huishoudgrootte '${tekst}' is geen geheel aantal personen`);
  const n = Number(tekst);
  if (n < 1 || n > MAX_HUISHOUDGROOTTE) {
    return fout('huishoudgrootte', `Huishoudgrootte ${n} moet tussen 1 en ${MAX_HUISHOUDGROOTTE} liggen`);
  }
  return n;
}

function leesSegment(tekst: string, fout: Fout): Segment | undefined {
  if (tekst === '') return 'SOCIALE_HUUR';
  return (
    parseSegment(tekst) ??
    fout(
      'segment',
      `Segment '${tekst}' is onbekend; gebruik sociale huur, middenhuur, vrije sector huur, betaalbare koop of vrije koop (${geaccepteerdeWaardenTekst('segment')})`,
      tekst,
    )
  );
}

const JA = ['ja', 'j', 'true', '1', 'yes', 'y', 'waar'];
const NEE = ['nee', 'n', 'false', '0', 'no', 'onwaar'];

function leesJaNee(tekst: string, fout: Fout): boolean | undefined {
  if (tekst === '') return false;
  const sleutel = tekstSleutel(tekst);
  if (JA.includes(sleutel)) return true;
  if (NEE.includes(sleutel)) return false;
  return fout('via_urgentie', `Via urgentie '${tekst}' is geen ja of nee`, tekst);
}
