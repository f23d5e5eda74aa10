import type { EntityManager } from 'typeorm';

/** What the principal resolver needs to know about the organisation named in a token. */
export interface AanmeldingOrganisatie {
  id: string;
  code: string;
  soort: string;
  naam: string;
  actief: boolean;
  /** the werkgebied: own gemeente, the provincie's gemeenten, or the werkgebied rows; Rijk: none */
  gemeenten: string[];
  /** the provincie of a provincie, or of a gemeente's gemeente; null otherwise */
  provincie: string | null;
}

/**
 * The one query ScopedDb.organisatieVoorAanmelding runs. It reads only the organisation list and
 * reference tables (no row-level security on them; no tenant data), so it runs on the public path.
 */
export async function leesOrganisatieVoorAanmelding(
  m: EntityManager,
  code: string,
): Promise<AanmeldingOrganisatie | undefined> {
  const [row] = await m.query(
    `SELECT o.id, o.code, o.soort, o.naam, o.actief,
            CASE o.soort
              WHEN 'GEMEENTE' THEN ARRAY[o.gemeente_code]
              WHEN 'PROVINCIE' THEN (SELECT coalesce(array_agg(g.code ORDER BY g.code), '{}') FROM gemeente g
                                      WHERE g.provincie_code = o.provincie_code)
              WHEN 'RIJK' THEN '{}'::text[]
              ELSE (SELECT coalesce(array_agg(w.gemeente_code ORDER BY w.gemeente_code), '{}')
                    FROM organisatie_werkgebied w WHERE w.organisatie_id = o.id)
            END AS gemeenten,
            CASE WHEN o.soort = 'GEMEENTE' THEN (SELECT provincie_code FROM gemeente WHERE code = o.gemeente_code)
                 ELSE o.provincie_code END AS provincie
     FROM organisatie o WHERE o.code = $1`,
    [code],
  );
  return row;
}
