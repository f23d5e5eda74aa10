import type { EntityManager } from 'typeorm';
import { qb, sql, voerUit } from '../database/query';

/** SQL for the cycle calendar of a gemeente. Runs in a ScopedDb transaction. */

/** The days boden of this cycle were sent (only the dates: the content is for its recipients). */
export function bodVerzendData(
  m: EntityManager,
  gemeenteCode: string,
  jaar: number,
): Promise<{ jaar: number; verzondenOp: string }[]> {
  return voerUit(
    m,
    sql<{ jaar: number; verzondenOp: string }>`SELECT ${jaar}::int AS jaar, d::text AS "verzondenOp"
      FROM tm_bod_verzonden_data(${gemeenteCode}, ${jaar}::int) AS d`,
  );
}

/** Evaluations of one year of these prestatieafspraken (RLS: parties only). */
export function evaluatiesVan(
  m: EntityManager,
  jaar: number,
  paIds: readonly string[],
): Promise<{ prestatieafspraakId: string; vastgesteldOp: string | null }[]> {
  return voerUit(
    m,
    qb
      .selectFrom('evaluatie')
      .select([
        'prestatieafspraak_id as prestatieafspraakId',
        sql<string | null>`(vastgesteld_op AT TIME ZONE 'Europe/Amsterdam')::date::text`.as('vastgesteldOp'),
      ])
      .where('jaar', '=', jaar)
      .where('prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`),
  );
}
