import { DomainError } from './domain-error';
import { plusDagen, type IsoDatum } from './iso-datum';
import {
  formatKwartaal,
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDatum,
  kwartalenTussen,
  vorigKwartaal,
  type Kwartaal,
} from './kwartaal';
import type { Periode } from './periode';

/**
 * The disclosure rule for protected figures shown to non-owners (docs/decisions.md, "Publicatie:
 * one disclosure rule"). Postgres applies the same rule in the SECURITY DEFINER functions of the
 * publicatie migration; apps/api/test/publicatie.spec.ts checks that both give the same values.
 *
 *  1. Grid: a period is released only when it is a union of whole calendar quarters
 *     (isRasterPeriode), and only when each of those quarters is closed (isGeslotenKwartaal).
 *  2. Base cell: (gemeente, source organisation, quarter, released dimensions). Its count v is
 *     released as v when v = 0 or v ≥ 5; a v of 1–4 as 5 with probability v/5, else 0, where the
 *     draw is an HMAC of the cell's identity with a secret key (same cell, same value, always).
 *  3. Every protected figure a non-owner gets is a sum of released base cells.
 */

export const AFRONDINGSBASIS = 5;

/**
 * Average size of a private household in the Netherlands: 2.1 persons (CBS, "Gemiddelde
 * huishoudensgrootte" = persons in private households / private households; 1 January 2023 and
 * 2024: 8.27 and 8.37 million households, StatLine 37975; RIVM VZinfo "In 2023 gemiddelde
 * huishoudensgrootte 2,1 personen"). A base cell released as 5 households carries
 * round(5 × 2.1) = 11 persons, so its persons say nothing about the real households.
 */
export const GEMIDDELDE_HUISHOUDENSGROOTTE = 2.1;
export const PERSONEN_BIJ_AFGERONDE_CEL = Math.round(AFRONDINGSBASIS * GEMIDDELDE_HUISHOUDENSGROOTTE);

// ---------------------------------------------------------------------------------- the grid

/** The quarters a period covers when it is a union of whole quarters, else undefined. */
export function rasterKwartalen(periode: Periode): Kwartaal[] | undefined {
  if (periode.van > periode.tot) return undefined;
  const van = kwartaalVanDatum(periode.van);
  const tot = kwartaalVanDatum(periode.tot);
  if (kwartaalStart(van) !== periode.van || kwartaalEinde(tot) !== periode.tot) return undefined;
  return kwartalenTussen(van, tot);
}

export function isRasterPeriode(periode: Periode): boolean {
  return rasterKwartalen(periode) !== undefined;
}

/**
 * The data deadline of a quarter: day `deadlineDag` of the month after it (the report scheduler's
 * day, REPORT_DEADLINE_DAYS, 1–28). From that day on the quarter is closed.
 */
export function dataDeadline(kwartaal: Kwartaal, deadlineDag: number): IsoDatum {
  if (!Number.isInteger(deadlineDag) || deadlineDag < 1 || deadlineDag > 28) {
    throw new DomainError('ONGELDIGE_DEADLINE', `De deadlinedag moet tussen 1 en 28 liggen (${deadlineDag})`);
  }
  return plusDagen(kwartaalEinde(kwartaal), deadlineDag);
}

/**
 * Closed: the quarter has ended and its data deadline has come. Only closed quarters are released
 * to non-owners: a cell that is still filling would, asked for on two days, give away the
 * households added in between.
 */
export function isGeslotenKwartaal(kwartaal: Kwartaal, vandaag: IsoDatum, deadlineDag: number): boolean {
  return vandaag >= dataDeadline(kwartaal, deadlineDag);
}

export function laatsteGeslotenKwartaal(vandaag: IsoDatum, deadlineDag: number): Kwartaal {
  let k = vorigKwartaal(kwartaalVanDatum(vandaag));
  while (!isGeslotenKwartaal(k, vandaag, deadlineDag)) k = vorigKwartaal(k);
  return k;
}

export type PublicatieWeigering = 'NIET_OP_RASTER' | 'KWARTAAL_NIET_GESLOTEN';

/** Why a period cannot be released to a non-owner, or null when it can. */
export function publicatieWeigering(
  periode: Periode,
  vandaag: IsoDatum,
  deadlineDag: number,
): PublicatieWeigering | null {
  const kwartalen = rasterKwartalen(periode);
  if (!kwartalen) return 'NIET_OP_RASTER';
  return kwartalen.every((k) => isGeslotenKwartaal(k, vandaag, deadlineDag))
    ? null
    : 'KWARTAAL_NIET_GESLOTEN';
}

/** The Dutch message the API shows for a refusal (same text as the SQL functions raise). */
export function publicatieWeigeringMelding(reden: PublicatieWeigering): string {
  return reden === 'NIET_OP_RASTER'
    ? 'Deze cijfers zijn alleen beschikbaar voor hele kwartalen, halve jaren of jaren (een periode die op de eerste dag van een kwartaal begint en op de laatste dag van een kwartaal eindigt).'
    : 'Deze cijfers zijn alleen beschikbaar voor afgesloten kwartalen: een kwartaal is afgesloten als het voorbij is en de aanleverdatum is verstreken.';
}

// ------------------------------------------------------------------------ base cells and keys

export interface ToewijzingCel {
  readonly gemeente: string;
  readonly corporatieId: string;
  readonly kwartaal: Kwartaal;
  /** null = regulier (no aandachtsgroep) */
  readonly aandachtsgroep: string | null;
  readonly viaUrgentie: boolean;
}

export interface KwartaalcijferCel {
  readonly gemeente: string;
  readonly organisatieId: string;
  readonly kwartaal: Kwartaal;
  readonly indicatorCode: string;
}

/** The text the draw is an HMAC of; the SQL functions build exactly the same string. */
export function toewijzingCelIdentiteit(c: ToewijzingCel): string {
  return `toewijzing|${c.gemeente}|${c.corporatieId.toLowerCase()}|${formatKwartaal(c.kwartaal)}|${c.aandachtsgroep ?? ''}|${c.viaUrgentie ? 1 : 0}`;
}

export function kwartaalcijferCelIdentiteit(c: KwartaalcijferCel): string {
  return `kwartaalcijfer|${c.gemeente}|${c.organisatieId.toLowerCase()}|${formatKwartaal(c.kwartaal)}|${c.indicatorCode}`;
}

const TWEE_TOT_DE_32 = 2 ** 32;

/**
 * The draw of a cell from its keyed hash: the first 4 bytes of HMAC-SHA-256(key, identity) as an
 * unsigned integer. The HMAC itself is computed where the key is (Postgres, with its built-in
 * sha256(); the operator's mirror check, with node:crypto): the domain never holds the key.
 */
export function trekkingUitHmac(h: Uint8Array): number {
  return ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
}

/**
 * The released value of a base cell with count `waarde` and draw `t` (0 ≤ t < 2³²): as is for 0
 * and ≥ 5; for 0 < waarde < 5, 5 when t/2³² < waarde/5, else 0 (so its expected value is waarde).
 */
export function afronden(waarde: number, t: number): number {
  if (!(waarde >= 0))
    throw new DomainError('ONGELDIGE_WAARDE', `Een celwaarde kan niet negatief zijn (${waarde})`);
  if (waarde === 0 || waarde >= AFRONDINGSBASIS) return waarde;
  return t * AFRONDINGSBASIS < waarde * TWEE_TOT_DE_32 ? AFRONDINGSBASIS : 0;
}

/** The released value of a cell with count `waarde` whose draw is `t`. */
export function vrijgegevenWaarde(t: number, waarde: number): number {
  return waarde === 0 || waarde >= AFRONDINGSBASIS ? waarde : afronden(waarde, t);
}

/**
 * Persons of a released toewijzing cell: exact when its households were released as is, 0 when
 * released as 0, PERSONEN_BIJ_AFGERONDE_CEL when a 1–4 was released as 5.
 */
export function vrijgegevenPersonen(huishoudens: number, vrijHuishoudens: number, personen: number): number {
  if (vrijHuishoudens === huishoudens) return personen;
  return vrijHuishoudens === 0 ? 0 : PERSONEN_BIJ_AFGERONDE_CEL;
}
