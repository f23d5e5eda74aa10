import { isIsoDatum, type IsoDatum } from './iso-datum';
import type { OrganisatieSoort } from './organisatie-soort';

/**
 * The volkshuisvestingsprogramma of a gemeente, a provincie or the Rijk (Wet versterking regie
 * volkshuisvesting, Kamerstukken 36512, MvT §3.1.4: a mandatory programme under the Omgevingswet
 * for all three levels; the woonzorgvisie becomes its woonzorg part). A programme under the
 * Omgevingswet is adopted by the executive of its level (Omgevingswet art. 3.4: college van
 * burgemeester en wethouders, gedeputeerde staten, Onze Minister), not by the gemeenteraad.
 * docs/decisions.md "Volkshuisvestingsprogramma".
 */
export type ProgrammaStatus = 'IN_VOORBEREIDING' | 'VASTGESTELD' | 'HERZIEN';
export const PROGRAMMA_STATUSSEN: readonly ProgrammaStatus[] = ['IN_VOORBEREIDING', 'VASTGESTELD', 'HERZIEN'];
export const PROGRAMMA_STATUS_LABEL: Record<ProgrammaStatus, string> = {
  IN_VOORBEREIDING: 'In voorbereiding',
  VASTGESTELD: 'Vastgesteld',
  HERZIEN: 'Herzien',
};

/** The organisation kinds that make a programme, and the area each one covers. */
export type ProgrammaMaker = Extract<OrganisatieSoort, 'GEMEENTE' | 'PROVINCIE' | 'RIJK'>;
export function isProgrammaMaker(soort: OrganisatieSoort): soort is ProgrammaMaker {
  return soort === 'GEMEENTE' || soort === 'PROVINCIE' || soort === 'RIJK';
}

/** Omgevingswet art. 3.4: the body that adopts a programme of that level. */
export const VASTSTELLEND_ORGAAN: Record<ProgrammaMaker, string> = {
  GEMEENTE: 'college van burgemeester en wethouders',
  PROVINCIE: 'gedeputeerde staten',
  RIJK: 'de minister van Volkshuisvesting en Ruimtelijke Ordening',
};

/** A programme counts as adopted once it was vastgesteld, also after a herziening. */
export function isVastgesteld(status: ProgrammaStatus): boolean {
  return status === 'VASTGESTELD' || status === 'HERZIEN';
}

export interface ProgrammaInvoer {
  readonly status: string;
  readonly titel: string;
  readonly vastgesteldOp?: string | null;
  readonly herzienOp?: string | null;
  readonly jaarVan?: number | null;
  readonly jaarTot?: number | null;
  readonly woonzorgOpgenomen: boolean;
  readonly woonzorgToelichting?: string | null;
  readonly documentUrl?: string | null;
}

export interface ProgrammaVeldFout {
  readonly veld: string;
  readonly melding: string;
}

export const MAX_TITEL = 200;
export const MAX_TOELICHTING = 4000;
export const MAX_URL = 2000;

/** Whether `tekst` is an absolute http(s) address (a link users can open; no javascript:, file:, …). */
export function isWebadres(tekst: string): boolean {
  try {
    const url = new URL(tekst);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Every problem with a programme as entered, per field, in Dutch. `vandaag` bounds the dates of
 * decisions: a programme cannot have been adopted in the future.
 */
export function programmaFouten(invoer: ProgrammaInvoer, vandaag: IsoDatum): ProgrammaVeldFout[] {
  const fouten: ProgrammaVeldFout[] = [];
  const fout = (veld: string, melding: string) => fouten.push({ veld, melding });
  const status = PROGRAMMA_STATUSSEN.find((s) => s === invoer.status);
  if (!status)
    fout('status', `Onbekende status '${invoer.status}'; kies in voorbereiding, vastgesteld of herzien.`);

  const titel = invoer.titel.trim();
  if (!titel) fout('titel', 'Geef de titel van het programma.');
  else if (titel.length > MAX_TITEL) fout('titel', `De titel is langer dan ${MAX_TITEL} tekens.`);

  const datum = (veld: 'vastgesteldOp' | 'herzienOp', naam: string): IsoDatum | null => {
    const waarde = invoer[veld]?.trim() || null;
    if (waarde === null) return null;
    if (!isIsoDatum(waarde)) {
      fout(veld, `Schrijf de datum van ${naam} als jjjj-mm-dd, bijvoorbeeld 2026-03-31.`);
      return null;
    }
    if (waarde > vandaag) fout(veld, `De datum van ${naam} ligt in de toekomst.`);
    return waarde;
  };
  const vastgesteldOp = datum('vastgesteldOp', 'vaststelling');
  const herzienOp = datum('herzienOp', 'herziening');
  if (status === 'IN_VOORBEREIDING' && (invoer.vastgesteldOp?.trim() || invoer.herzienOp?.trim()))
    fout('status', 'Een programma in voorbereiding is nog niet vastgesteld: laat de datums van vaststelling en herziening leeg.');
  if (status && isVastgesteld(status) && !invoer.vastgesteldOp?.trim())
    fout('vastgesteldOp', 'Geef de datum waarop het programma is vastgesteld.');
  if (status === 'HERZIEN' && !invoer.herzienOp?.trim()) fout('herzienOp', 'Geef de datum van de herziening.');
  if (status === 'VASTGESTELD' && invoer.herzienOp?.trim())
    fout('herzienOp', 'Een herzieningsdatum hoort bij de status herzien.');
  if (vastgesteldOp && herzienOp && herzienOp <= vastgesteldOp)
    fout('herzienOp', 'De herziening moet na de vaststelling liggen.');

  const jaar = (veld: 'jaarVan' | 'jaarTot') => {
    const waarde = invoer[veld];
    if (waarde === null || waarde === undefined) return null;
    if (!Number.isInteger(waarde) || waarde < 2000 || waarde > 2100) {
      fout(veld, 'Geef een jaartal tussen 2000 en 2100.');
      return null;
    }
    return waarde;
  };
  const jaarVan = jaar('jaarVan');
  const jaarTot = jaar('jaarTot');
  if (jaarVan !== null && jaarTot !== null && jaarTot < jaarVan)
    fout('jaarTot', 'Het laatste jaar van de looptijd ligt vóór het eerste.');

  const toelichting = invoer.woonzorgToelichting?.trim() ?? '';
  if (toelichting.length > MAX_TOELICHTING)
    fout('woonzorgToelichting', `De toelichting is langer dan ${MAX_TOELICHTING} tekens.`);

  const url = invoer.documentUrl?.trim() || null;
  if (url !== null && (url.length > MAX_URL || !isWebadres(url)))
    fout('documentUrl', 'De link naar het document moet een webadres zijn dat begint met https:// of http://.');
  return fouten;
}

export interface ProgrammaDekking {
  readonly vastgesteld: number;
  readonly totaal: number;
  readonly weergave: string;
}

/** "n van m gemeenten" with a vastgesteld (or herzien) programme, over the gemeenten of an area. */
export function programmaDekking(
  gemeenten: readonly string[],
  statusPerGemeente: ReadonlyMap<string, ProgrammaStatus>,
): ProgrammaDekking {
  const vastgesteld = gemeenten.filter((g) => {
    const s = statusPerGemeente.get(g);
    return s !== undefined && isVastgesteld(s);
  }).length;
  const totaal = gemeenten.length;
  return { vastgesteld, totaal, weergave: `${vastgesteld} van ${totaal} ${totaal === 1 ? 'gemeente' : 'gemeenten'}` };
}
