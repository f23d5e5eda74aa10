import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSHOUDERS = `'STATUSHOUDERS_GEHUISVEST'`; // domain STATUSHOUDERS_TAAKSTELLING_INDICATOR

/**
 * Row-level security as a real second wall (issue 9): every tenant table's policy is now exactly
 * as narrow as its row rule in libs/auth/src/policy.ts, so a service that forgets its own filter
 * still gets nothing it may not see. Per table (policy.ts function → what changes here):
 *
 * - nieuwbouwproject (magProjectZien, magProjectBewerken): rows for the owner, the gemeente itself,
 *   and provincie/Rijk within scope; no longer every organisation whose werkgebied holds the
 *   gemeente. Writes only by corporaties and gemeenten, in their werkgebied (Rijk never). The
 *   opgeleverde woningen are public by nature (dwellings, not households; decisions "Publicatie"),
 *   so voortgang sums them for anyone in scope through the view nieuwbouw_oplevering, which has
 *   no project identity (no id, name or owner).
 * - toewijzing, kwartaalcijfer (magEigenRijSchrijven): writes only by the owner inside its
 *   werkgebied (UPDATE and DELETE too, not only INSERT), and only by the kinds that may enter
 *   them (toewijzing:invoeren, kwartaalcijfer:invoeren). Their READ policies are narrowed together
 *   with the aggregate functions non-owners use instead (migration 1764100000000, publication).
 * - toewijzing_import: only corporaties.
 * - taakstelling (magTaakstellingStellen): writes only for an area the organisation's level owns.
 * - kwartaalrapportage_bestand: the exact INTERN files only for the gemeente the report is about
 *   (rapportage.service metUrls); the app role may insert reports only in a job transaction that
 *   names the task (ScopedDb.jobTransaction sets tm.taak), so the report worker no longer writes
 *   as the schema owner.
 * - reference tables (provincie, woningmarktregio, gemeente, organisatie, organisatie_werkgebied):
 *   read-only for the app role, except the woningmarktregio-indeling of gemeenten, which only the
 *   Rijk changes (referentie:beheren). The migrations table: no access at all.
 * Unchanged because already equal to the row rule: prestatieafspraak and its child tables
 * (magPrestatieafspraakZien, isPartij, magOverlegZien), audit_log, kwartaalrapportage (its area
 * wholly in scope, gebiedZichtbaar), taakstelling reads (public among signed-in users).
 *
 * The restrictions are RESTRICTIVE policies (ANDed with the permissive ones), so they hold whatever
 * later migrations do to the permissive read policies.
 */
export class RlsRijregels1764000000000 implements MigrationInterface {
  name = 'RlsRijregels1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // The background task a job transaction runs for (ScopedDb.jobTransaction); unset for requests.
    await q.query(`
      CREATE FUNCTION tm_taak() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('tm.taak', true), '') $$`);

    // --- nieuwbouwproject ------------------------------------------------------------------
    // scope test first (see 1763950000000): for Rijk's '*' the first arm decides at once
    await q.query(`
      ALTER POLICY nieuwbouw_lezen ON nieuwbouwproject
        USING ((tm_gemeente_in_scope(gemeente_code) AND tm_organisatie_soort() IN ('GEMEENTE','PROVINCIE','RIJK'))
               OR eigenaar_id = tm_organisatie())`);
    await q.query(`
      CREATE POLICY nieuwbouw_schrijven_soort ON nieuwbouwproject AS RESTRICTIVE FOR INSERT
        WITH CHECK (tm_organisatie_soort() IN ('CORPORATIE','GEMEENTE'))`);
    await q.query(`
      CREATE POLICY nieuwbouw_wijzigen_werkgebied ON nieuwbouwproject AS RESTRICTIVE FOR UPDATE
        USING (tm_organisatie_soort() IN ('CORPORATIE','GEMEENTE') AND tm_gemeente_in_scope(gemeente_code))`);
    await q.query(`
      CREATE POLICY nieuwbouw_verwijderen_werkgebied ON nieuwbouwproject AS RESTRICTIVE FOR DELETE
        USING (tm_organisatie_soort() IN ('CORPORATIE','GEMEENTE') AND tm_gemeente_in_scope(gemeente_code))`);
    // Owned by the schema owner, so it reads past the table's RLS; security_barrier keeps the
    // scope filter ahead of any function a caller adds. Signed-in principals only.
    await q.query(`
      CREATE VIEW nieuwbouw_oplevering WITH (security_barrier) AS
        SELECT gemeente_code, fase, opgeleverd_op, woningen_sociale_huur, woningen_middenhuur,
               woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij,
               woningen_aandachtsgroepen, woningen_per_aandachtsgroep, woningen_nultreden,
               woningen_flex, standplaatsen
        FROM nieuwbouwproject
        WHERE tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code)`);
    await q.query(`REVOKE ALL ON nieuwbouw_oplevering FROM thuismonitor_app`);
    await q.query(`GRANT SELECT ON nieuwbouw_oplevering TO thuismonitor_app`);

    // --- toewijzing, toewijzing_import, kwartaalcijfer ---------------------------------------
    for (const [tabel, soorten] of [
      ['toewijzing', `('CORPORATIE')`],
      ['kwartaalcijfer', `('CORPORATIE','ZORGAANBIEDER','GEMEENTE')`],
    ] as const) {
      await q.query(`
        CREATE POLICY ${tabel}_invoeren_soort ON ${tabel} AS RESTRICTIVE FOR INSERT
          WITH CHECK (tm_organisatie_soort() IN ${soorten} AND tm_gemeente_in_scope(gemeente_code))`);
      await q.query(`
        CREATE POLICY ${tabel}_wijzigen_werkgebied ON ${tabel} AS RESTRICTIVE FOR UPDATE
          USING (tm_organisatie_soort() IN ${soorten} AND tm_gemeente_in_scope(gemeente_code))`);
      await q.query(`
        CREATE POLICY ${tabel}_verwijderen_werkgebied ON ${tabel} AS RESTRICTIVE FOR DELETE
          USING (tm_organisatie_soort() IN ${soorten} AND tm_gemeente_in_scope(gemeente_code))`);
    }
    await q.query(`
      CREATE POLICY toewijzing_import_soort ON toewijzing_import AS RESTRICTIVE FOR INSERT
        WITH CHECK (tm_organisatie_soort() = 'CORPORATIE')`);

    // --- taakstelling: magTaakstellingStellen in SQL --------------------------------------
    await q.query(`
      CREATE FUNCTION tm_taakstelling_stelbaar(gebied_soort text, gebied_code text, indicator text)
      RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS
      $$
        WITH g AS (
          SELECT gm.code, gm.provincie_code FROM gemeente gm
           WHERE ($1 = 'GEMEENTE' AND gm.code = $2)
              OR ($1 = 'WONINGMARKTREGIO' AND gm.woningmarktregio_code = $2)
              OR ($1 = 'PROVINCIE' AND gm.provincie_code = $2)
              OR $1 = 'LAND')
        SELECT CASE tm_organisatie_soort()
          WHEN 'RIJK' THEN
            $1 IN ('LAND','PROVINCIE')
            OR ($1 = 'GEMEENTE' AND $3 = ${STATUSHOUDERS})
            OR ($1 = 'WONINGMARKTREGIO' AND (SELECT count(DISTINCT provincie_code) FROM g) > 1)
          WHEN 'PROVINCIE' THEN
            $3 <> ${STATUSHOUDERS} AND $1 IN ('GEMEENTE','WONINGMARKTREGIO')
            AND EXISTS (SELECT 1 FROM g)
            AND NOT EXISTS (SELECT 1 FROM g WHERE NOT tm_gemeente_in_scope(g.code)
                              OR g.provincie_code IS DISTINCT FROM
                                 (SELECT o.provincie_code FROM organisatie o WHERE o.id = tm_organisatie()))
          WHEN 'GEMEENTE' THEN
            $3 <> ${STATUSHOUDERS} AND $1 = 'GEMEENTE' AND tm_gemeente_in_scope($2)
          ELSE false
        END
      $$`);
    await q.query(`
      CREATE POLICY taakstelling_stellen_niveau ON taakstelling AS RESTRICTIVE FOR INSERT
        WITH CHECK (tm_taakstelling_stelbaar(gebied_soort, gebied_code, indicator_code))`);
    await q.query(`
      CREATE POLICY taakstelling_wijzigen_niveau ON taakstelling AS RESTRICTIVE FOR UPDATE
        USING (tm_taakstelling_stelbaar(gebied_soort, gebied_code, indicator_code))`);
    await q.query(`
      CREATE POLICY taakstelling_verwijderen_niveau ON taakstelling AS RESTRICTIVE FOR DELETE
        USING (tm_taakstelling_stelbaar(gebied_soort, gebied_code, indicator_code))`);

    // --- kwartaalrapportage ------------------------------------------------------------------
    await q.query(`
      ALTER POLICY kwartaalrapportage_bestand_lezen ON kwartaalrapportage_bestand
        USING (EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id
                 AND (variant <> 'INTERN'
                      OR (r.gebied_soort = 'GEMEENTE' AND tm_organisatie_soort() = 'GEMEENTE'
                          AND tm_gemeente_in_scope(r.gebied_code)))))`);
    await q.query(`GRANT INSERT ON kwartaalrapportage, kwartaalrapportage_bestand TO thuismonitor_app`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_maken ON kwartaalrapportage FOR INSERT
        WITH CHECK (tm_taak() = 'kwartaalrapportage' AND tm_gemeenten_in_scope(gemeenten))`);
    await q.query(`
      CREATE POLICY kwartaalrapportage_bestand_maken ON kwartaalrapportage_bestand FOR INSERT
        WITH CHECK (tm_taak() = 'kwartaalrapportage'
                    AND EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id))`);

    // --- reference data ------------------------------------------------------------------------
    await q.query(
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON provincie, woningmarktregio, gemeente, organisatie, organisatie_werkgebied FROM thuismonitor_app`,
    );
    await q.query(`GRANT UPDATE (woningmarktregio_code) ON gemeente TO thuismonitor_app`);
    await q.query(`ALTER TABLE gemeente ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY gemeente_lezen ON gemeente FOR SELECT USING (true)`);
    await q.query(`
      CREATE POLICY gemeente_regio_indelen ON gemeente FOR UPDATE
        USING (tm_organisatie_soort() = 'RIJK') WITH CHECK (tm_organisatie_soort() = 'RIJK')`);
    await q.query(`
      DO $$ BEGIN
        IF to_regclass('public.migrations') IS NOT NULL THEN
          REVOKE ALL ON migrations FROM thuismonitor_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
        IF to_regclass('public.migrations') IS NOT NULL THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON migrations TO thuismonitor_app;
        END IF;
      END $$`);
    await q.query(`DROP POLICY gemeente_regio_indelen ON gemeente`);
    await q.query(`DROP POLICY gemeente_lezen ON gemeente`);
    await q.query(`ALTER TABLE gemeente DISABLE ROW LEVEL SECURITY`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON provincie, woningmarktregio, gemeente, organisatie, organisatie_werkgebied TO thuismonitor_app`,
    );
    await q.query(`DROP POLICY kwartaalrapportage_bestand_maken ON kwartaalrapportage_bestand`);
    await q.query(`DROP POLICY kwartaalrapportage_maken ON kwartaalrapportage`);
    await q.query(`REVOKE INSERT ON kwartaalrapportage, kwartaalrapportage_bestand FROM thuismonitor_app`);
    await q.query(`
      ALTER POLICY kwartaalrapportage_bestand_lezen ON kwartaalrapportage_bestand
        USING (EXISTS (SELECT 1 FROM kwartaalrapportage r WHERE r.id = rapportage_id))`);
    for (const p of [
      'taakstelling_stellen_niveau',
      'taakstelling_wijzigen_niveau',
      'taakstelling_verwijderen_niveau',
    ]) {
      await q.query(`DROP POLICY ${p} ON taakstelling`);
    }
    await q.query(`DROP FUNCTION tm_taakstelling_stelbaar(text, text, text)`);
    await q.query(`DROP POLICY toewijzing_import_soort ON toewijzing_import`);
    for (const tabel of ['toewijzing', 'kwartaalcijfer']) {
      for (const p of ['invoeren_soort', 'wijzigen_werkgebied', 'verwijderen_werkgebied']) {
        await q.query(`DROP POLICY ${tabel}_${p} ON ${tabel}`);
      }
    }
    await q.query(`DROP VIEW nieuwbouw_oplevering`);
    for (const p of [
      'nieuwbouw_schrijven_soort',
      'nieuwbouw_wijzigen_werkgebied',
      'nieuwbouw_verwijderen_werkgebied',
    ]) {
      await q.query(`DROP POLICY ${p} ON nieuwbouwproject`);
    }
    await q.query(`
      ALTER POLICY nieuwbouw_lezen ON nieuwbouwproject
        USING (tm_gemeente_in_scope(gemeente_code) OR eigenaar_id = tm_organisatie())`);
    await q.query(`DROP FUNCTION tm_taak()`);
  }
}
