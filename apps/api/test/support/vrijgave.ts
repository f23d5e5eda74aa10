import type { Pool } from 'pg';
import { verwachteToewijzingVrijgave } from '../../src/publicatie/publicatie-spiegel';

/**
 * Statushouders persons as a non-owner gets them, computed from the toewijzing rows (not from the
 * trigger-maintained cells the API reads): per base cell (gemeente, corporatie, quarter, urgentie)
 * the released persons under the stored key, by the TS mirror of the rule (persons exact for 0 or
 * ≥ 5 households, 0 or 11 for 1–4), summed. Read as the schema owner (the test's admin pool).
 */
export async function vrijgegevenStatushouders(
  db: Pool,
  gemeenten: readonly string[] | null,
  van: string,
  tot: string,
): Promise<number> {
  const sleutel = new Uint8Array((await db.query(`SELECT sleutel FROM publicatie_sleutel`)).rows[0].sleutel);
  const { rows } = await db.query(
    `SELECT gemeente_code, corporatie_id::text, extract(year FROM datum)::int AS jaar,
            extract(quarter FROM datum)::int AS kwartaal, 'STATUSHOUDERS' AS aandachtsgroep, via_urgentie,
            count(*)::int AS huishoudens, sum(huishoudgrootte)::int AS personen
     FROM toewijzing
     WHERE aandachtsgroep = 'STATUSHOUDERS' AND datum BETWEEN $2 AND $3
       AND ($1::text[] IS NULL OR gemeente_code = ANY($1))
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [gemeenten, van, tot],
  );
  return rows.reduce(
    (s, c) =>
      s + verwachteToewijzingVrijgave(sleutel, { ...c, huishoudens_vrij: 0, personen_vrij: 0 }).personen,
    0,
  );
}
