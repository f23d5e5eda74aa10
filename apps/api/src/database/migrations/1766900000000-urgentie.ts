import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, item 4 (docs/decisions.md "Urgentie en detentie (issue 12, item 4)").
 *
 * - urgentie_verplichte_categorie: the categories the law makes mandatory in an urgentieregeling,
 *   per regime, with the source. Reference data: everyone reads it, only migrations change it
 *   (libs/domain urgentie.ts VERPLICHTE_URGENTIECATEGORIEEN holds the same rows).
 * - urgentieregeling + urgentieregeling_categorie: one regeling per gemeente, written only by the
 *   gemeente itself; read by whoever has the gemeente in scope (corporaties working there, the
 *   provincie, the Rijk).
 * - toewijzing.urgentie_categorie: the category of the regeling under which an urgent household
 *   got the dwelling (optional; only with via_urgentie). The service checks it against the
 *   regeling of the dwelling's gemeente.
 * - tm_urgentie_toewijzingen: toewijzingen per urgentie category under the publication rule
 *   (docs/decisions.md "Publicatie"): owned rows exact, other base cells (gemeente, corporatie,
 *   quarter, category) released with the keyed 0-or-5 rule, on the grid of closed quarters only.
 */
const SP = 'SET search_path = pg_catalog, public';
const CODE = `'^[A-Z][A-Z0-9_]{1,39}$'`;
const BRON =
  'Huisvestingswet 2014 art. 12 lid 2: een urgentieregeling omvat in ieder geval deze categorie ' +
  '(RIGO, "Vergunninghouders als urgentiecategorie", rapport voor BZK, 2018).';

export class Urgentie1766900000000 implements MigrationInterface {
  name = 'Urgentie1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE urgentie_verplichte_categorie (
        regime_code text NOT NULL REFERENCES volkshuisvesting_regime(code),
        code text NOT NULL CHECK (code ~ ${CODE}),
        naam text NOT NULL,
        bron text NOT NULL,
        PRIMARY KEY (regime_code, code)
      )`);
    for (const regime of ['WONINGWET_2015', 'WET_VERSTERKING_REGIE'])
      await q.query(
        `INSERT INTO urgentie_verplichte_categorie VALUES
           ($1, 'OPVANG_RELATIONEEL_GEWELD', 'Verblijf in tijdelijke opvang wegens relationele problemen of geweld', $2),
           ($1, 'MANTELZORG', 'Mantelzorg verlenen of ontvangen', $2)`,
        [regime, BRON],
      );

    await q.query(`
      CREATE TABLE urgentieregeling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisatie_id uuid NOT NULL UNIQUE REFERENCES organisatie(id),
        gemeente_code text NOT NULL UNIQUE REFERENCES gemeente(code),
        titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
        vastgesteld_op date NOT NULL,
        document_url text CHECK (document_url ~ '^https?://'),
        versie integer NOT NULL DEFAULT 1,
        gebruiker text NOT NULL,
        gewijzigd_op timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE urgentieregeling_categorie (
        regeling_id uuid NOT NULL REFERENCES urgentieregeling(id) ON DELETE CASCADE,
        gemeente_code text NOT NULL,
        code text NOT NULL CHECK (code ~ ${CODE}),
        naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
        omschrijving text CHECK (length(omschrijving) <= 2000),
        volgorde integer NOT NULL,
        PRIMARY KEY (regeling_id, code)
      )`);
    await q.query(
      `CREATE INDEX urgentieregeling_categorie_gemeente_idx ON urgentieregeling_categorie (gemeente_code)`,
    );

    await q.query(`
      ALTER TABLE toewijzing ADD COLUMN urgentie_categorie text
        CHECK (urgentie_categorie ~ ${CODE}),
        ADD CONSTRAINT toewijzing_urgentie_categorie_via_urgentie CHECK (urgentie_categorie IS NULL OR via_urgentie)`);

    await q.query(
      `REVOKE ALL ON urgentie_verplichte_categorie, urgentieregeling, urgentieregeling_categorie FROM thuismonitor_app`,
    );
    await q.query(`GRANT SELECT ON urgentie_verplichte_categorie TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON urgentieregeling TO thuismonitor_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON urgentieregeling_categorie TO thuismonitor_app`);

    await q.query(`ALTER TABLE urgentie_verplichte_categorie ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY urgentie_verplichte_categorie_lezen ON urgentie_verplichte_categorie FOR SELECT USING (true)`,
    );

    const inScope = `tm_organisatie() IS NOT NULL AND tm_gemeente_in_scope(gemeente_code)`;
    const eigen = `organisatie_id = tm_organisatie() AND tm_organisatie_soort() = 'GEMEENTE'
      AND gemeente_code = (SELECT o.gemeente_code FROM organisatie o WHERE o.id = tm_organisatie())`;
    await q.query(`ALTER TABLE urgentieregeling ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY urgentieregeling_lezen ON urgentieregeling FOR SELECT USING (${inScope})`);
    await q.query(
      `CREATE POLICY urgentieregeling_maken ON urgentieregeling FOR INSERT WITH CHECK (${eigen})`,
    );
    await q.query(
      `CREATE POLICY urgentieregeling_wijzigen ON urgentieregeling FOR UPDATE USING (${eigen}) WITH CHECK (${eigen})`,
    );

    // a category row belongs to the gemeente's own regeling (the regeling's own policies apply in the subquery)
    const eigenRegeling = `EXISTS (SELECT 1 FROM urgentieregeling r WHERE r.id = regeling_id
      AND r.gemeente_code = urgentieregeling_categorie.gemeente_code AND r.organisatie_id = tm_organisatie()
      AND tm_organisatie_soort() = 'GEMEENTE')`;
    await q.query(`ALTER TABLE urgentieregeling_categorie ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY urgentieregeling_categorie_lezen ON urgentieregeling_categorie FOR SELECT USING (${inScope})`,
    );
    await q.query(
      `CREATE POLICY urgentieregeling_categorie_maken ON urgentieregeling_categorie FOR INSERT WITH CHECK (${eigenRegeling})`,
    );
    await q.query(
      `CREATE POLICY urgentieregeling_categorie_verwijderen ON urgentieregeling_categorie FOR DELETE USING (${eigenRegeling})`,
    );

    for (const t of ['urgentie_verplichte_categorie', 'urgentieregeling', 'urgentieregeling_categorie'])
      await q.query(`
        CREATE TRIGGER tm_gegevens_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION tm_gegevens_gewijzigd()`);

    await q.query(`
      CREATE FUNCTION tm_urgentie_toewijzingen(p_gemeenten text[], p_van date, p_tot date)
      RETURNS TABLE (urgentie_categorie text, eigen boolean, huishoudens bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
      #variable_conflict use_column
      DECLARE
        v_org uuid := public.tm_organisatie();
        v_gem text := public.tm_publicatie_eigen_gemeente();
        v_alle boolean := coalesce(current_setting('tm.gemeenten', true), '') = '*';
        v_scope text[] := coalesce(string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ','), '{}');
        v_eigen_vraag boolean := v_gem IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem];
      BEGIN
        IF v_org IS NULL OR p_gemeenten IS NULL THEN RETURN; END IF;
        IF NOT v_eigen_vraag THEN
          PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
        END IF;
        RETURN QUERY
          SELECT c.urgentie_categorie, c.eigen,
                 sum(CASE WHEN c.eigen THEN c.n
                          ELSE public.tm_publicatie_afronden(
                                 'urgentie|' || c.gemeente_code || '|' || c.corporatie_id::text || '|' || c.jaar || '-Q' || c.kwartaal
                                   || '|' || c.urgentie_categorie, c.n) END)::bigint
          FROM (
            SELECT t.gemeente_code, t.corporatie_id, extract(year FROM t.datum)::int AS jaar,
                   extract(quarter FROM t.datum)::int AS kwartaal, t.urgentie_categorie,
                   (t.corporatie_id = v_org OR coalesce(t.gemeente_code = v_gem, false)) AS eigen, count(*) AS n
            FROM public.toewijzing t
            WHERE t.urgentie_categorie IS NOT NULL AND t.gemeente_code = ANY (p_gemeenten)
              AND t.datum BETWEEN p_van AND p_tot
            GROUP BY 1, 2, 3, 4, 5, 6
          ) c
          WHERE c.eigen OR v_alle OR c.gemeente_code = ANY (v_scope)
          GROUP BY 1, 2
          HAVING c.eigen OR sum(public.tm_publicatie_afronden(
                   'urgentie|' || c.gemeente_code || '|' || c.corporatie_id::text || '|' || c.jaar || '-Q' || c.kwartaal
                     || '|' || c.urgentie_categorie, c.n)) > 0;
      END $f$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION tm_urgentie_toewijzingen(text[], date, date) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION tm_urgentie_toewijzingen(text[], date, date) TO thuismonitor_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION tm_urgentie_toewijzingen(text[], date, date)`);
    await q.query(`ALTER TABLE toewijzing DROP COLUMN urgentie_categorie`);
    await q.query(`DROP TABLE urgentieregeling_categorie, urgentieregeling, urgentie_verplichte_categorie`);
  }
}
