import type { EntityManager } from 'typeorm';
import type { BodStatus } from '@thuismonitor/domain';

/** SQL for the bod. Runs in a ScopedDb transaction: RLS decides which boden exist for the caller. */
export interface BodRij {
  id: string;
  corporatieId: string;
  gemeenteCode: string;
  jaar: number;
  titel: string;
  toelichting: string | null;
  status: BodStatus;
  versie: number;
  verzondenDatum: string | null;
  ontvangerIds: string[];
}

export interface BodRegelRij {
  id: string;
  bodId: string;
  volgnummer: number;
  jaar: number;
  actielijn: string;
  omschrijving: string;
  indicatorCode: string | null;
  aantal: number | null;
  eenheid: string | null;
}

const KOLOMMEN = `
  b.id, b.corporatie_id AS "corporatieId", b.gemeente_code AS "gemeenteCode", b.jaar, b.titel, b.toelichting,
  b.status, b.versie, (b.verzonden_op AT TIME ZONE 'Europe/Amsterdam')::date::text AS "verzondenDatum",
  coalesce((SELECT array_agg(o.organisatie_id::text ORDER BY o.organisatie_id) FROM bod_ontvanger o WHERE o.bod_id = b.id), '{}')
    AS "ontvangerIds"`;

export function leesBoden(
  m: EntityManager,
  waar: string,
  params: unknown[],
  voorUpdate = false,
): Promise<BodRij[]> {
  return m.query(
    `SELECT ${KOLOMMEN} FROM bod b WHERE ${waar} ORDER BY b.jaar DESC, b.gemeente_code, b.aangemaakt_op DESC${voorUpdate ? ' FOR UPDATE OF b' : ''}`,
    params,
  );
}

export async function leesRegels(m: EntityManager, bodIds: string[]): Promise<BodRegelRij[]> {
  if (!bodIds.length) return [];
  const rijen: BodRegelRij[] = await m.query(
    `SELECT id, bod_id AS "bodId", volgnummer, jaar, actielijn, omschrijving, indicator_code AS "indicatorCode",
            aantal::float8 AS aantal, eenheid
     FROM bod_regel WHERE bod_id = ANY($1::uuid[]) ORDER BY bod_id, volgnummer`,
    [bodIds],
  );
  return rijen;
}

/** Prestatieafspraken started from these boden that the caller can see (RLS). */
export async function leesPrestatieafspraakIds(
  m: EntityManager,
  bodIds: string[],
): Promise<Map<string, string[]>> {
  const uit = new Map<string, string[]>();
  if (!bodIds.length) return uit;
  const rijen: { bodId: string; id: string }[] = await m.query(
    `SELECT bod_id AS "bodId", id FROM prestatieafspraak WHERE bod_id = ANY($1::uuid[]) ORDER BY aangemaakt_op`,
    [bodIds],
  );
  for (const r of rijen) uit.set(r.bodId, [...(uit.get(r.bodId) ?? []), r.id]);
  return uit;
}
