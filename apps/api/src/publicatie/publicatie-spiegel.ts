import { createHmac } from 'node:crypto';
import {
  isBeschermd,
  trekkingUitHmac,
  kwartaalcijferCelIdentiteit,
  maakKwartaal,
  toewijzingCelIdentiteit,
  vrijgegevenPersonen,
  vrijgegevenWaarde as vrijgegevenBijTrekking,
} from '@thuismonitor/domain';

/** The draw of a cell as Postgres computes it (tm_publicatie_trekking): HMAC-SHA-256, first 4 bytes. */
export function trekking(sleutel: Uint8Array, identiteit: string): number {
  return trekkingUitHmac(createHmac('sha256', sleutel).update(identiteit, 'utf8').digest());
}

/** The released value of a cell with this identity and count under this key. */
export function vrijgegevenWaarde(sleutel: Uint8Array, identiteit: string, waarde: number): number {
  return vrijgegevenBijTrekking(trekking(sleutel, identiteit), waarde);
}

/**
 * The TS mirror of what the publicatie migration stores: given the base cells as the schema owner
 * reads them (tables publicatie_toewijzing_cel / publicatie_kwartaalcijfer_cel) and the secret key
 * (publicatie_sleutel.sleutel), lists every cell whose stored released value differs from the
 * domain rule. Empty = Postgres and libs/domain agree. Only the schema owner can read the inputs,
 * so this runs in tests and operator checks, never in a request.
 */
export interface ToewijzingBasiscel {
  gemeente_code: string;
  corporatie_id: string;
  jaar: number;
  kwartaal: number;
  /** '' = regulier */
  aandachtsgroep: string;
  via_urgentie: boolean;
  huishoudens: number;
  personen: number;
  huishoudens_vrij: number;
  personen_vrij: number;
  /** the stored draw (migration 1764100000001) */
  trekking?: number | string;
}

export interface KwartaalcijferBasiscel {
  gemeente_code: string;
  organisatie_id: string;
  jaar: number;
  kwartaal: number;
  indicator_code: string;
  waarde: number | string;
  waarde_vrij: number | string;
  trekking?: number | string;
}

export function toewijzingIdentiteitVan(c: ToewijzingBasiscel): string {
  return toewijzingCelIdentiteit({
    gemeente: c.gemeente_code,
    corporatieId: c.corporatie_id,
    kwartaal: maakKwartaal(Number(c.jaar), Number(c.kwartaal)),
    aandachtsgroep: c.aandachtsgroep === '' ? null : c.aandachtsgroep,
    viaUrgentie: c.via_urgentie,
  });
}

export function kwartaalcijferIdentiteitVan(c: KwartaalcijferBasiscel): string {
  return kwartaalcijferCelIdentiteit({
    gemeente: c.gemeente_code,
    organisatieId: c.organisatie_id,
    kwartaal: maakKwartaal(Number(c.jaar), Number(c.kwartaal)),
    indicatorCode: c.indicator_code,
  });
}

export function verwachteToewijzingVrijgave(sleutel: Uint8Array, c: ToewijzingBasiscel) {
  const identiteit = toewijzingIdentiteitVan(c);
  const huishoudens = vrijgegevenWaarde(sleutel, identiteit, Number(c.huishoudens));
  return {
    huishoudens,
    personen: vrijgegevenPersonen(Number(c.huishoudens), huishoudens, Number(c.personen)),
  };
}

export function verwachteKwartaalcijferVrijgave(sleutel: Uint8Array, c: KwartaalcijferBasiscel): number {
  const waarde = Number(c.waarde);
  if (!isBeschermd(c.indicator_code)) return waarde;
  return vrijgegevenWaarde(sleutel, kwartaalcijferIdentiteitVan(c), waarde);
}

export function spiegelVerschillen(
  sleutel: Uint8Array,
  toewijzingen: readonly ToewijzingBasiscel[],
  kwartaalcijfers: readonly KwartaalcijferBasiscel[] = [],
): string[] {
  const verschillen: string[] = [];
  for (const c of toewijzingen) {
    const v = verwachteToewijzingVrijgave(sleutel, c);
    if (v.huishoudens !== Number(c.huishoudens_vrij) || v.personen !== Number(c.personen_vrij)) {
      verschillen.push(
        `toewijzing ${c.gemeente_code} ${c.corporatie_id} ${c.jaar}-Q${c.kwartaal} ${c.aandachtsgroep}/${c.via_urgentie}: ` +
          `stored ${c.huishoudens_vrij}/${c.personen_vrij}, rule ${v.huishoudens}/${v.personen}`,
      );
    }
    if (c.trekking !== undefined && Number(c.trekking) !== trekking(sleutel, toewijzingIdentiteitVan(c))) {
      verschillen.push(
        `toewijzing ${c.gemeente_code} ${c.corporatie_id} ${c.jaar}-Q${c.kwartaal}: stored draw differs`,
      );
    }
  }
  for (const c of kwartaalcijfers) {
    const v = verwachteKwartaalcijferVrijgave(sleutel, c);
    if (v !== Number(c.waarde_vrij)) {
      verschillen.push(
        `kwartaalcijfer ${c.gemeente_code} ${c.organisatie_id} ${c.jaar}-Q${c.kwartaal} ${c.indicator_code}: stored ${c.waarde_vrij}, rule ${v}`,
      );
    }
    if (
      c.trekking !== undefined &&
      Number(c.trekking) !== trekking(sleutel, kwartaalcijferIdentiteitVan(c))
    ) {
      verschillen.push(
        `kwartaalcijfer ${c.gemeente_code} ${c.organisatie_id} ${c.jaar}-Q${c.kwartaal}: stored draw differs`,
      );
    }
  }
  return verschillen;
}
