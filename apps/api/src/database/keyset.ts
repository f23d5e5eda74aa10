import { sql, type SelectQueryBuilder } from 'kysely';
import type { EntityManager } from 'typeorm';
import { ongeldig } from '../common/fouten';
import { leesCursor, maakCursor, paginaGrootte, type PageInfo } from '../common/paginering';
import { voerUit } from './query';

/**
 * One column of a keyset sort key. Lists are newest first: every column sorts DESC and the last
 * one is unique (an id), so a page boundary is exact and a row written meanwhile never shifts it.
 */
export interface SleutelKolom<Rij> {
  /**
   * The table column, qualified: 'toewijzing.datum'. Never the bare name: a bare name that is also
   * an output column (`to_char(datum, …) AS datum`) makes ORDER BY sort by that output (text), so
   * Postgres sorts every matching row per page instead of reading the sort key's index.
   */
  kolom: `${string}.${string}`;
  /** the Postgres type the cursor value is cast to in the comparison */
  type: 'date' | 'uuid' | 'text' | 'int';
  /** what the value looks like inside the (JSON) cursor */
  vorm: 'string' | 'number';
  /** a value the query could not take (e.g. not a date) makes the cursor invalid, never SQL */
  geldig?: (waarde: string | number) => boolean;
  /** the value of this column in a row of the page */
  uit: (rij: Rij) => string | number;
}

export interface KeysetPagina<Rij> {
  edges: { cursor: string; node: Rij }[];
  nodes: Rij[];
  pageInfo: PageInfo;
}

const ONGELDIGE_CURSOR = 'De cursor is ongeldig; vraag de lijst opnieuw op vanaf het begin.';

/**
 * The one keyset pagination over the cursors of common/paginering.ts: `q` is the list query with
 * its filter and columns (no ORDER BY, no LIMIT); this adds "after the cursor", the order by the
 * sort key and first + 1 rows (the extra row only says whether a next page exists).
 */
export async function keysetPagina<DB, TB extends keyof DB, Rij>(
  m: EntityManager,
  q: SelectQueryBuilder<DB, TB, Rij>,
  sleutel: readonly SleutelKolom<Rij>[],
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<KeysetPagina<Rij>> {
  const aantal = paginaGrootte(first);
  // the type says so too; this holds for callers that build the key at runtime
  if (sleutel.some((k) => !/^[a-z_]+\.[a-z_]+$/.test(k.kolom)))
    throw new Error('keysetPagina: every sort key column must be qualified (table.kolom)');
  let pagina = q;
  if (after) {
    const waarden = leesCursor(
      after,
      sleutel.map((k) => k.vorm),
    );
    if (sleutel.some((k, i) => k.geldig && !k.geldig(waarden[i]))) throw ongeldig(ONGELDIGE_CURSOR);
    // a row comparison, so Postgres walks the (sort key) index from the cursor on
    pagina = pagina.where(
      sql<boolean>`(${sql.join(sleutel.map((k) => sql.ref(k.kolom)))}) < (${sql.join(
        sleutel.map((k, i) => sql`${waarden[i]}::${sql.raw(k.type)}`),
      )})`,
    );
  }
  for (const k of sleutel) pagina = pagina.orderBy(sql.ref(k.kolom), 'desc');
  const rijen = (await voerUit(m, pagina.limit(aantal + 1))) as Rij[];
  const nodes = rijen.slice(0, aantal);
  const edges = nodes.map((node) => ({ cursor: maakCursor(sleutel.map((k) => k.uit(node))), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rijen.length > aantal, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
