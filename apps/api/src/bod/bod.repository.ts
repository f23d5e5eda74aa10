import type { EntityManager } from 'typeorm';
import type { BodStatus } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitEerste } from '../database/query';

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

/** Which boden to read; every field given narrows the list. */
export interface BodSelectie {
  id?: string;
  gemeenteCode?: string;
  jaar?: number;
  status?: string;
}

export async function leesBoden(m: EntityManager, s: BodSelectie, voorUpdate = false): Promise<BodRij[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('bod as b')
      .select([
        'b.id',
        'b.corporatie_id as corporatieId',
        'b.gemeente_code as gemeenteCode',
        'b.jaar',
        'b.titel',
        'b.toelichting',
        'b.status',
        'b.versie',
        sql<string | null>`(b.verzonden_op AT TIME ZONE 'Europe/Amsterdam')::date::text`.as('verzondenDatum'),
        sql<
          string[]
        >`coalesce((SELECT array_agg(o.organisatie_id::text ORDER BY o.organisatie_id) FROM bod_ontvanger o WHERE o.bod_id = b.id), '{}')`.as(
          'ontvangerIds',
        ),
      ])
      .$if(s.id !== undefined, (q) => q.where('b.id', '=', s.id!))
      .$if(s.gemeenteCode !== undefined, (q) => q.where('b.gemeente_code', '=', s.gemeenteCode!))
      .$if(s.jaar !== undefined, (q) => q.where('b.jaar', '=', s.jaar!))
      .$if(s.status !== undefined, (q) => q.where('b.status', '=', s.status!))
      .orderBy('b.jaar', 'desc')
      .orderBy('b.gemeente_code')
      .orderBy('b.aangemaakt_op', 'desc')
      .$if(voorUpdate, (q) => q.forUpdate('b')),
  )) as BodRij[];
}

export async function leesRegels(m: EntityManager, bodIds: string[]): Promise<BodRegelRij[]> {
  if (!bodIds.length) return [];
  return voerUit(
    m,
    qb
      .selectFrom('bod_regel')
      .select([
        'id',
        'bod_id as bodId',
        'volgnummer',
        'jaar',
        'actielijn',
        'omschrijving',
        'indicator_code as indicatorCode',
        sql<number | null>`aantal::float8`.as('aantal'),
        'eenheid',
      ])
      .where((eb) => eb('bod_id', '=', eb.fn.any(sql<string[]>`${bodIds}::uuid[]`)))
      .orderBy('bod_id')
      .orderBy('volgnummer'),
  );
}

/** Prestatieafspraken started from these boden that the caller can see (RLS). */
export async function leesPrestatieafspraakIds(
  m: EntityManager,
  bodIds: string[],
): Promise<Map<string, string[]>> {
  const uit = new Map<string, string[]>();
  if (!bodIds.length) return uit;
  const rijen = (await voerUit(
    m,
    qb
      .selectFrom('prestatieafspraak')
      .select(['bod_id as bodId', 'id'])
      .where((eb) => eb('bod_id', '=', eb.fn.any(sql<string[]>`${bodIds}::uuid[]`)))
      .orderBy('aangemaakt_op'),
  )) as { bodId: string; id: string }[];
  for (const r of rijen) uit.set(r.bodId, [...(uit.get(r.bodId) ?? []), r.id]);
  return uit;
}

// ---- mutations ----

export async function nieuwBod(
  m: EntityManager,
  bod: {
    id: string;
    corporatieId: string;
    gemeenteCode: string;
    jaar: number;
    titel: string;
    toelichting: string | null;
  },
): Promise<void> {
  await voerUit(
    m,
    qb.insertInto('bod').values({
      id: bod.id,
      corporatie_id: bod.corporatieId,
      gemeente_code: bod.gemeenteCode,
      jaar: bod.jaar,
      titel: bod.titel,
      toelichting: bod.toelichting,
    }),
  );
}

export async function wijzigBodTekst(
  m: EntityManager,
  id: string,
  titel: string,
  toelichting: string | null,
): Promise<void> {
  await voerUit(m, qb.updateTable('bod').set({ titel, toelichting }).where('id', '=', id));
}

/** A change of a concept: the next versie. */
export async function verhoogVersie(m: EntityManager, id: string): Promise<void> {
  await voerUit(
    m,
    qb
      .updateTable('bod')
      .set((eb) => ({ versie: eb('versie', '+', 1), gewijzigd_op: sql<Date>`now()` }))
      .where('id', '=', id),
  );
}

/** Marks the bod sent now, by `door`; answers the date of sending in Amsterdam (jjjj-mm-dd). */
export async function markeerVerzonden(m: EntityManager, id: string, door: string): Promise<string> {
  await voerUit(
    m,
    qb
      .updateTable('bod')
      .set({ status: 'VERZONDEN', verzonden_op: sql<Date>`now()`, verzonden_door: door })
      .where('id', '=', id),
  );
  const rij = await voerUitEerste(
    m,
    sql<{ datum: string }>`SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date::text AS datum`,
  );
  return rij!.datum;
}

export async function verwijderOntvangers(m: EntityManager, bodId: string): Promise<void> {
  await voerUit(m, qb.deleteFrom('bod_ontvanger').where('bod_id', '=', bodId));
}

export async function voegOntvangersToe(m: EntityManager, bodId: string, ids: string[]): Promise<void> {
  await voerUit(
    m,
    sql`INSERT INTO bod_ontvanger (bod_id, organisatie_id) SELECT ${bodId}, unnest(${ids}::uuid[])`,
  );
}

export async function verwijderRegels(m: EntityManager, bodId: string): Promise<void> {
  await voerUit(m, qb.deleteFrom('bod_regel').where('bod_id', '=', bodId));
}

export interface NieuweBodRegel {
  jaar: number;
  actielijn: string;
  omschrijving: string;
  indicatorCode: string | null;
  aantal: number | null;
  eenheid: string | null;
}

/** Adds the lines, numbered 1, 2, … in this order. */
export async function voegRegelsToe(
  m: EntityManager,
  bodId: string,
  regels: readonly NieuweBodRegel[],
): Promise<void> {
  if (!regels.length) return;
  await voerUit(
    m,
    sql`INSERT INTO bod_regel (bod_id, volgnummer, jaar, actielijn, omschrijving, indicator_code, aantal, eenheid)
       SELECT ${bodId}, t.nr, t.jaar, t.actielijn, t.omschrijving, t.indicator, t.aantal, t.eenheid
       FROM unnest(${regels.map((_, i) => i + 1)}::int[], ${regels.map((r) => r.jaar)}::int[],
                   ${regels.map((r) => r.actielijn)}::text[], ${regels.map((r) => r.omschrijving)}::text[],
                   ${regels.map((r) => r.indicatorCode)}::text[], ${regels.map((r) => r.aantal)}::numeric[],
                   ${regels.map((r) => r.eenheid)}::text[])
         AS t(nr, jaar, actielijn, omschrijving, indicator, aantal, eenheid)`,
  );
}
