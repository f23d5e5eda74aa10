import { DomainError } from './domain-error';
import type { OrganisatieSoort } from './organisatie-soort';

/** Life of a prestatieafspraak: drafted, put up for signing, signed by all parties, ended. */
export const PRESTATIEAFSPRAAK_STATUSSEN = [
  'CONCEPT',
  'TER_ONDERTEKENING',
  'VASTGESTELD',
  'BEEINDIGD',
] as const;

export type PrestatieafspraakStatus = (typeof PRESTATIEAFSPRAAK_STATUSSEN)[number];

const LABELS: Record<PrestatieafspraakStatus, string> = {
  CONCEPT: 'Concept',
  TER_ONDERTEKENING: 'Ter ondertekening',
  VASTGESTELD: 'Vastgesteld',
  BEEINDIGD: 'Beëindigd',
};

export function prestatieafspraakStatusLabel(status: PrestatieafspraakStatus): string {
  return LABELS[status];
}

export function isPrestatieafspraakStatus(waarde: unknown): waarde is PrestatieafspraakStatus {
  return typeof waarde === 'string' && (PRESTATIEAFSPRAAK_STATUSSEN as readonly string[]).includes(waarde);
}

export type StatusActie = 'INDIENEN' | 'TERUGTREKKEN' | 'ALLES_GETEKEND' | 'BEEINDIGEN';

const OVERGANGEN: Record<
  StatusActie,
  { readonly van: PrestatieafspraakStatus; readonly naar: PrestatieafspraakStatus }
> = {
  INDIENEN: { van: 'CONCEPT', naar: 'TER_ONDERTEKENING' },
  TERUGTREKKEN: { van: 'TER_ONDERTEKENING', naar: 'CONCEPT' },
  ALLES_GETEKEND: { van: 'TER_ONDERTEKENING', naar: 'VASTGESTELD' },
  BEEINDIGEN: { van: 'VASTGESTELD', naar: 'BEEINDIGD' },
};

const ACTIE_OMSCHRIJVING: Record<StatusActie, string> = {
  INDIENEN: 'ter ondertekening aanbieden',
  TERUGTREKKEN: 'terugtrekken naar concept',
  ALLES_GETEKEND: 'vaststellen',
  BEEINDIGEN: 'beëindigen',
};

/**
 * The status after `actie`, or a DomainError saying in Dutch why not. TERUGTREKKEN needs a reden:
 * it throws away signatures already given, so the other parties must be told why.
 * ALLES_GETEKEND is the system's own step once isVolledigGetekend holds; the caller checks that.
 * Signatures are void after TERUGTREKKEN (the content may change again in CONCEPT).
 */
export function volgendeStatus(
  huidig: PrestatieafspraakStatus,
  actie: StatusActie,
  reden?: string,
): PrestatieafspraakStatus {
  const fout = overgangFout(huidig, actie);
  if (fout) throw fout;
  if (actie === 'TERUGTREKKEN' && !reden?.trim()) {
    throw new DomainError(
      'REDEN_VERPLICHT',
      'Geef een reden op voor het terugtrekken van de prestatieafspraak',
    );
  }
  return OVERGANGEN[actie].naar;
}

/**
 * Why `actie` cannot be taken from status `huidig` (the error volgendeStatus throws), or null when
 * it can. For deciding without acting: the buttons of a screen (libs/auth magPrestatieafspraakActie).
 */
export function overgangFout(huidig: PrestatieafspraakStatus, actie: StatusActie): DomainError | null {
  const overgang = OVERGANGEN[actie];
  if (!overgang) {
    return new DomainError('ONBEKENDE_ACTIE', `Actie '${String(actie)}' bestaat niet`);
  }
  if (huidig !== overgang.van) {
    return new DomainError(
      'ONGELDIGE_STATUSOVERGANG',
      `Een prestatieafspraak met status '${LABELS[huidig] ?? huidig}' kan niet worden ${deelwoord(actie)}; ` +
        `dat kan alleen vanuit status '${LABELS[overgang.van]}'`,
    );
  }
  return null;
}

function deelwoord(actie: StatusActie): string {
  return {
    INDIENEN: 'aangeboden ter ondertekening',
    TERUGTREKKEN: 'teruggetrokken',
    ALLES_GETEKEND: 'vastgesteld',
    BEEINDIGEN: 'beëindigd',
  }[actie];
}

/** Actions allowed from a status, for the buttons a UI shows. */
export function toegestaneActies(status: PrestatieafspraakStatus): StatusActie[] {
  return (Object.keys(OVERGANGEN) as StatusActie[]).filter((a) => OVERGANGEN[a].van === status);
}

export function statusActieOmschrijving(actie: StatusActie): string {
  return ACTIE_OMSCHRIJVING[actie];
}

/** Content (afspraken, partijen, periode) may change only while CONCEPT; a change later needs a new version. */
export function inhoudWijzigbaar(status: PrestatieafspraakStatus): boolean {
  return status === 'CONCEPT';
}

export interface Ondertekening {
  /** code of the organisation that signed (GM0363, L-nummer, ...) */
  readonly partijCode: string;
}

/** Parties that still have to sign; signatures of non-parties are ignored. */
export function ontbrekendeOndertekeningen(
  partijCodes: readonly string[],
  ondertekeningen: readonly Ondertekening[],
): string[] {
  const getekend = new Set(ondertekeningen.map((o) => o.partijCode));
  return [...new Set(partijCodes)].filter((p) => !getekend.has(p));
}

/**
 * True when every party signed. An afspraak without parties is never complete: an empty list
 * is a data error, not a document everyone agreed to.
 */
export function isVolledigGetekend(
  partijCodes: readonly string[],
  ondertekeningen: readonly Ondertekening[],
): boolean {
  return partijCodes.length > 0 && ontbrekendeOndertekeningen(partijCodes, ondertekeningen).length === 0;
}

/**
 * A huurdersorganisatie that is a party may sign, but need not: the law does not require its
 * signature (woningwet2015.nl, veelgestelde vragen huurders: "Nee, er is geen verplichting in de
 * wet voor ondertekening van de prestatieafspraken door huurders"). Every other party must sign.
 */
export function ondertekeningVerplicht(soort: OrganisatieSoort): boolean {
  return soort !== 'HUURDERSORGANISATIE';
}

/**
 * VASTGESTELD once every party whose signature is required has signed (huurdersorganisaties
 * optional). At least one required party must exist: an agreement nobody had to sign is a data
 * error, not a document everyone agreed to.
 */
export function isVastTeStellen(
  partijen: readonly { readonly partijCode: string; readonly soort: OrganisatieSoort }[],
  ondertekeningen: readonly Ondertekening[],
): boolean {
  const verplicht = partijen.filter((p) => ondertekeningVerplicht(p.soort)).map((p) => p.partijCode);
  return verplicht.length > 0 && ontbrekendeOndertekeningen(verplicht, ondertekeningen).length === 0;
}

/**
 * When a party may sign: every party while TER_ONDERTEKENING; a huurdersorganisatie also after
 * vaststelling, because the others need not wait for it and it must not lose its chance to co-sign.
 */
export function magOndertekenenInStatus(status: PrestatieafspraakStatus, soort: OrganisatieSoort): boolean {
  return status === 'TER_ONDERTEKENING' || (status === 'VASTGESTELD' && !ondertekeningVerplicht(soort));
}
