import type { EntityManager } from 'typeorm';
import { sql, voerUitEerste } from '../database/query';

/**
 * tm_herindeling (migration 1766100000001): checks the operator role itself, rewrites the rows
 * when `toepassen`, and answers what changes (its JSON shape: Gevolgen in herindeling.service.ts).
 */
export async function voerHerindelingUit<G>(
  m: EntityManager,
  h: { datum: string; code: string; naam: string; provincieCode: string; oud: string[] },
  toepassen: boolean,
): Promise<G> {
  const rij = await voerUitEerste(
    m,
    sql<{
      r: G;
    }>`SELECT tm_herindeling(${h.datum}::date, ${h.code}, ${h.naam}, ${h.provincieCode}, ${h.oud}::text[], ${toepassen}) AS r`,
  );
  return rij!.r;
}
