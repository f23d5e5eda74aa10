import type { EntityManager } from 'typeorm';
import { LAND_CODE } from '@thuismonitor/domain';
import type { GebiedInfo } from '../gebied/gebied.types';

export interface RapportageGebied extends Omit<GebiedInfo, 'provincies'> {
  /** provincie code for a gemeente (its report is a child of that provincie's in the flow) */
  provincieCode?: string;
}

/**
 * All areas that get a quarterly report, with their gemeenten, in one query. Woningmarktregio's
 * without imported membership are skipped (no gemeenten, nothing to report). With a provincie
 * filter only those provincies and their gemeenten (no regio's, no country: the HAVING keeps the
 * aggregate-without-GROUP-BY from producing an empty country row).
 */
export async function alleGebieden(
  m: EntityManager,
  opties: { provincies?: string[] } = {},
): Promise<RapportageGebied[]> {
  const filter = opties.provincies?.length ? opties.provincies : null;
  const rijen: RapportageGebied[] = await m.query(
    `SELECT 'GEMEENTE' AS soort, g.code, g.naam, ARRAY[g.code] AS gemeenten, g.provincie_code AS "provincieCode"
       FROM gemeente g WHERE ($1::text[] IS NULL OR g.provincie_code = ANY($1))
     UNION ALL
     SELECT 'PROVINCIE', p.code, p.naam, array_agg(g.code ORDER BY g.code), NULL
       FROM provincie p JOIN gemeente g ON g.provincie_code = p.code
      WHERE ($1::text[] IS NULL OR p.code = ANY($1)) GROUP BY p.code, p.naam
     UNION ALL
     SELECT 'WONINGMARKTREGIO', r.code, r.naam, array_agg(g.code ORDER BY g.code), NULL
       FROM woningmarktregio r JOIN gemeente g ON g.woningmarktregio_code = r.code
      WHERE $1::text[] IS NULL GROUP BY r.code, r.naam
     UNION ALL
     SELECT 'LAND', '${LAND_CODE}', 'Nederland', array_agg(code ORDER BY code), NULL FROM gemeente WHERE $1::text[] IS NULL
       HAVING count(*) > 0`,
    [filter],
  );
  return rijen;
}
