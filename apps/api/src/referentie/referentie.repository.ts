import type { EntityManager } from 'typeorm';
import { qb, sql, voerUit, voerUitAantal } from '../database/query';
import type { Gemeente, Provincie, Woningmarktregio } from './referentie.types';

/** SQL for the reference data (CBS indeling, woningmarktregio's) as the API reads and imports it. */

export function leesProvincies(m: EntityManager): Promise<Provincie[]> {
  return voerUit(m, qb.selectFrom('provincie').select(['code', 'naam']).orderBy('code'));
}

export function leesWoningmarktregios(m: EntityManager): Promise<Woningmarktregio[]> {
  return voerUit(m, qb.selectFrom('woningmarktregio').select(['code', 'naam']).orderBy('code'));
}

export function leesGemeenten(m: EntityManager): Promise<Gemeente[]> {
  return voerUit(
    m,
    qb
      .selectFrom('gemeente')
      .select([
        'code',
        'naam',
        'inwoners',
        'buurgemeenten',
        'provincie_code as provincieCode',
        'woningmarktregio_code as woningmarktregioCode',
        sql<string | null>`opgeheven_op::text`.as('opgehevenOp'),
        'opgegaan_in as opgegaanIn',
      ])
      .orderBy('naam'),
  );
}

/** How many gemeenten a woningmarktregio holds now (the audit's state before an import). */
export async function telIngedeeldeGemeenten(m: EntityManager): Promise<number> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('gemeente')
      .select(['code', 'woningmarktregio_code'])
      .where('woningmarktregio_code', 'is not', null),
  );
  return rijen.length;
}

/** Replaces the whole regio-indeling: every gemeente out, then the given ones in. */
export async function vervangRegioIndeling(m: EntityManager, indeling: Map<string, string>): Promise<void> {
  await voerUitAantal(m, qb.updateTable('gemeente').set({ woningmarktregio_code: null }));
  await voerUitAantal(
    m,
    sql`UPDATE gemeente g SET woningmarktregio_code = t.r
        FROM unnest(${[...indeling.keys()]}::text[], ${[...indeling.values()]}::text[]) AS t(c, r) WHERE g.code = t.c`,
  );
}
