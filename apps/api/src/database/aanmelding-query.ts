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
  /** gemeenten merged (herindeling) into one of `gemeenten`, at any depth: readable history */
  voorgangers: string[];
  /** old gemeenten that were in this organisation's werkgebied when they merged (1766700000000) */
  eerderWerkgebied: string[];
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
    `WITH o AS (
       SELECT o.id, o.code, o.soort, o.naam, o.actief,
              CASE o.soort
                WHEN 'GEMEENTE' THEN ARRAY[o.gemeente_code]
                WHEN 'PROVINCIE' THEN (SELECT coalesce(array_agg(g.code ORDER BY g.code), '{}') FROM gemeente g
                                        WHERE g.provincie_code = o.provincie_code AND g.opgeheven_op IS NULL)
                WHEN 'RIJK' THEN '{}'::text[]
                ELSE (SELECT coalesce(array_agg(w.gemeente_code ORDER BY w.gemeente_code), '{}')
                      FROM organisatie_werkgebied w WHERE w.organisatie_id = o.id)
              END AS gemeenten,
              CASE WHEN o.soort = 'GEMEENTE' THEN (SELECT provincie_code FROM gemeente WHERE code = o.gemeente_code)
                   ELSE o.provincie_code END AS provincie
       FROM organisatie o WHERE o.code = $1)
     SELECT o.*,
            -- gemeenten merged into one of o.gemeenten, at any depth (A into B in 2022, B into C later)
            (WITH RECURSIVE v(code) AS (
               SELECT g.code FROM gemeente g WHERE g.opgegaan_in = ANY(o.gemeenten)
               UNION SELECT g.code FROM gemeente g JOIN v ON g.opgegaan_in = v.code)
             SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}') FROM (
               SELECT code FROM v
               -- a provincie keeps the history of its own opgeheven gemeenten, also when the new
               -- gemeente lies in another provincie (a provinciegrens follows the herindeling)
               UNION SELECT g.code FROM gemeente g
               WHERE o.soort = 'PROVINCIE' AND g.provincie_code = o.provincie AND g.opgeheven_op IS NOT NULL) a
            ) AS voorgangers,
            (SELECT coalesce(array_agg(h.gemeente_code ORDER BY h.gemeente_code), '{}')
               FROM organisatie_werkgebied_herindeling h WHERE h.organisatie_id = o.id) AS "eerderWerkgebied"
     FROM o`,
    [code],
  );
  return row;
}
