import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Herindeling, the open points of the session-4 review (docs/decisions.md, "Herindeling: who reads
 * and writes the old codes, and a late herindeling"):
 *
 * 1. Writes follow the current werkgebied only. Until now every write policy checked
 *    tm_gemeente_in_scope (the setting tm.gemeenten), and that scope holds the merged gemeenten'
 *    codes as readable history, so at the database wall a corporatie whose werkgebied holds the
 *    new gemeente could book on an old code. ScopedDb now also sets tm.werkgebied (libs/auth
 *    schrijfGemeenten: what magSchrijvenVoorGemeente allows) and the write policies call
 *    tm_gemeente_in_werkgebied(code): in that setting AND not opgeheven (so a principal cached for
 *    30 s from before a herindeling cannot write on an old code either).
 * 2. Which old codes an organisation reads depends on what it could read before: the successor
 *    gemeente and the provincie read the history (principal resolver), a corporatie, zorgaanbieder
 *    or huurdersorganisatie only the old codes that were in its own werkgebied when they merged.
 *    tm_herindeling records those (organisatie_werkgebied_herindeling) before it moves the
 *    werkgebied; for herindelingen applied before this migration the owners of figures and the
 *    parties of prestatieafspraken on an old code are taken as having worked there (they could
 *    only write there with the code in their werkgebied).
 * 3. A late herindeling leaves closed periods alone: targets whose period ended within the last
 *    closed quarter (tm_publicatie_laatst_gesloten) and vastgestelde prestatieafspraken that ended
 *    by then stay on the old codes (the roll-up reads them for the new gemeente); the answer (and
 *    so the audit row) says how many stayed and up to which day periods were closed.
 */
const WB = 'tm_gemeente_in_werkgebied';
const SC = 'tm_gemeente_in_scope';

/** [table, policy, USING or null, WITH CHECK or null], written with the scope function `f` */
const POLICIES = (f: string): [string, string, string | null, string | null][] => [
  [
    'bod',
    'bod_maken',
    null,
    `corporatie_id = tm_organisatie() AND tm_organisatie_soort() = 'CORPORATIE' AND status = 'CONCEPT' AND ${f}(gemeente_code)`,
  ],
  [
    'kwartaalcijfer',
    'kwartaalcijfer_invoeren_soort',
    null,
    `tm_organisatie_soort() IN ('CORPORATIE','ZORGAANBIEDER','GEMEENTE') AND ${f}(gemeente_code)`,
  ],
  [
    'kwartaalcijfer',
    'kwartaalcijfer_schrijven',
    null,
    `organisatie_id = tm_organisatie() AND ${f}(gemeente_code)`,
  ],
  [
    'kwartaalcijfer',
    'kwartaalcijfer_verwijderen_werkgebied',
    `tm_organisatie_soort() IN ('CORPORATIE','ZORGAANBIEDER','GEMEENTE') AND ${f}(gemeente_code)`,
    null,
  ],
  [
    'kwartaalcijfer',
    'kwartaalcijfer_wijzigen_werkgebied',
    `tm_organisatie_soort() IN ('CORPORATIE','ZORGAANBIEDER','GEMEENTE') AND ${f}(gemeente_code)`,
    null,
  ],
  [
    'nieuwbouwproject',
    'nieuwbouw_schrijven',
    `eigenaar_id = tm_organisatie() OR (tm_organisatie_soort() = 'GEMEENTE' AND ${f}(gemeente_code))`,
    `${f}(gemeente_code) AND (eigenaar_id = tm_organisatie() OR tm_organisatie_soort() = 'GEMEENTE')`,
  ],
  [
    'nieuwbouwproject',
    'nieuwbouw_verwijderen_werkgebied',
    `tm_organisatie_soort() IN ('CORPORATIE','GEMEENTE') AND ${f}(gemeente_code)`,
    null,
  ],
  [
    'nieuwbouwproject',
    'nieuwbouw_wijzigen_werkgebied',
    `tm_organisatie_soort() IN ('CORPORATIE','GEMEENTE') AND ${f}(gemeente_code)`,
    null,
  ],
  [
    'prestatieafspraak',
    'prestatieafspraak_starten',
    null,
    `opgesteld_door_id = tm_organisatie() AND status = 'CONCEPT'
     AND ((vorige_versie_id IS NULL AND tm_organisatie_soort() IN ('GEMEENTE','CORPORATIE') AND ${f}(gemeente_code))
          OR (vorige_versie_id IS NOT NULL AND tm_is_partij(vorige_versie_id)))`,
  ],
  [
    'statushouders_interventie',
    'statushouders_interventie_stellen',
    null,
    `tm_organisatie_soort() = 'PROVINCIE' AND gesteld_door_id = tm_organisatie() AND ${f}(gemeente_code)
     AND (SELECT g.provincie_code FROM gemeente g WHERE g.code = statushouders_interventie.gemeente_code)
         = (SELECT o.provincie_code FROM organisatie o WHERE o.id = tm_organisatie())`,
  ],
  [
    'toewijzing',
    'toewijzing_invoeren_soort',
    null,
    `tm_organisatie_soort() = 'CORPORATIE' AND ${f}(gemeente_code)`,
  ],
  ['toewijzing', 'toewijzing_schrijven', null, `corporatie_id = tm_organisatie() AND ${f}(gemeente_code)`],
  [
    'toewijzing',
    'toewijzing_verwijderen_werkgebied',
    `tm_organisatie_soort() = 'CORPORATIE' AND ${f}(gemeente_code)`,
    null,
  ],
  [
    'toewijzing',
    'toewijzing_wijzigen_werkgebied',
    `tm_organisatie_soort() = 'CORPORATIE' AND ${f}(gemeente_code)`,
    null,
  ],
];

const taakstellingStelbaar = (f: string) => `
  CREATE OR REPLACE FUNCTION tm_taakstelling_stelbaar(gebied_soort text, gebied_code text, indicator text)
  RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    WITH g AS (
      SELECT gm.code, gm.provincie_code FROM gemeente gm
       WHERE ($1 = 'GEMEENTE' AND gm.code = $2)
          OR ($1 = 'WONINGMARKTREGIO' AND gm.woningmarktregio_code = $2)
          OR ($1 = 'PROVINCIE' AND gm.provincie_code = $2)
          OR $1 = 'LAND')
    SELECT CASE tm_organisatie_soort()
      WHEN 'RIJK' THEN
        $1 IN ('LAND','PROVINCIE')
        OR ($1 = 'GEMEENTE' AND $3 = 'STATUSHOUDERS_GEHUISVEST')
        OR ($1 = 'WONINGMARKTREGIO' AND (SELECT count(DISTINCT provincie_code) FROM g) > 1)
      WHEN 'PROVINCIE' THEN
        $3 <> 'STATUSHOUDERS_GEHUISVEST' AND $1 IN ('GEMEENTE','WONINGMARKTREGIO')
        AND EXISTS (SELECT 1 FROM g)
        AND NOT EXISTS (SELECT 1 FROM g WHERE NOT ${f}(g.code)
                          OR g.provincie_code IS DISTINCT FROM
                             (SELECT o.provincie_code FROM organisatie o WHERE o.id = tm_organisatie()))
      WHEN 'GEMEENTE' THEN
        $3 <> 'STATUSHOUDERS_GEHUISVEST' AND $1 = 'GEMEENTE' AND ${f}($2)
      ELSE false
    END
  $$`;

export class HerindelingScope1766700000000 implements MigrationInterface {
  name = 'HerindelingScope1766700000000';

  async up(q: QueryRunner): Promise<void> {
    // what a principal may write: its current werkgebied (ScopedDb, tm.werkgebied), never an
    // opgeheven gemeente; an unset setting matches nothing (jobs never write tenant rows)
    await q.query(`
      CREATE FUNCTION ${WB}(code text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT code = ANY (string_to_array(nullif(current_setting('tm.werkgebied', true), ''), ','))
                AND EXISTS (SELECT 1 FROM public.gemeente g WHERE g.code = $1 AND g.opgeheven_op IS NULL) $$`);
    for (const [tabel, policy, using, check] of POLICIES(WB)) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel}${using ? ` USING (${using})` : ''}${check ? ` WITH CHECK (${check})` : ''}`,
      );
    }
    await q.query(taakstellingStelbaar(WB));

    // which old gemeenten were in an organisation's werkgebied when they merged (read by the
    // principal resolver; written only by tm_herindeling, SECURITY DEFINER)
    await q.query(`
      CREATE TABLE organisatie_werkgebied_herindeling (
        organisatie_id uuid NOT NULL REFERENCES organisatie(id),
        gemeente_code text NOT NULL REFERENCES gemeente(code),
        opgeheven_op date NOT NULL,
        PRIMARY KEY (organisatie_id, gemeente_code))`);
    await q.query(`GRANT SELECT ON organisatie_werkgebied_herindeling TO thuismonitor_app`);
    // reference data like organisatie_werkgebied: readable by all (the principal resolver reads it
    // on the public path), and no write policy: the app role has no write grant either
    await q.query(`ALTER TABLE organisatie_werkgebied_herindeling ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY organisatie_werkgebied_herindeling_lezen ON organisatie_werkgebied_herindeling FOR SELECT USING (true)`,
    );
    // herindelingen applied before: whoever owns figures on, or is a party of a prestatieafspraak
    // of, an old gemeente worked there (writes demanded it in the werkgebied)
    await q.query(`
      INSERT INTO organisatie_werkgebied_herindeling (organisatie_id, gemeente_code, opgeheven_op)
      SELECT DISTINCT w.org, g.code, g.opgeheven_op
      FROM gemeente g
      JOIN LATERAL (
        SELECT corporatie_id AS org FROM toewijzing WHERE gemeente_code = g.code
        UNION SELECT organisatie_id FROM kwartaalcijfer WHERE gemeente_code = g.code
        UNION SELECT eigenaar_id FROM nieuwbouwproject WHERE gemeente_code = g.code
        UNION SELECT pp.organisatie_id FROM prestatieafspraak_partij pp
              JOIN prestatieafspraak p ON p.id = pp.prestatieafspraak_id WHERE p.gemeente_code = g.code
      ) w ON true
      JOIN organisatie o ON o.id = w.org AND o.soort IN ('CORPORATIE','ZORGAANBIEDER','HUURDERSORGANISATIE')
      WHERE g.opgeheven_op IS NOT NULL`);

    await q.query(herindelingFunctie(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(herindelingFunctie(false));
    await q.query(`DROP TABLE organisatie_werkgebied_herindeling`);
    await q.query(taakstellingStelbaar(SC));
    for (const [tabel, policy, using, check] of POLICIES(SC)) {
      await q.query(
        `ALTER POLICY ${policy} ON ${tabel}${using ? ` USING (${using})` : ''}${check ? ` WITH CHECK (${check})` : ''}`,
      );
    }
    await q.query(`DROP FUNCTION ${WB}(text)`);
  }
}

/**
 * tm_herindeling (1766100000001). `nu`: with this migration's rules (werkgebied history, closed
 * periods stay); without: the function as 1766100000001 made it (for down).
 */
function herindelingFunctie(nu: boolean): string {
  const open = (kolom: string) => (nu ? ` AND ${kolom} > v_grens` : '');
  return `
      CREATE OR REPLACE FUNCTION tm_herindeling(p_datum date, p_nieuw text, p_naam text, p_provincie text, p_oud text[], p_uitvoeren boolean)
      RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_jaar int := extract(year FROM p_datum)::int;
        -- the last day of the last closed quarter: released figures, judged targets (${nu ? 'used' : 'unused'})
        v_grens date := tm_publicatie_laatst_gesloten();
        v_nieuw_org uuid;
        v_oud_orgs uuid[];
        v_bestaat boolean;
        v_werkgebied jsonb;
        v_taak int;
        v_taak_gesloten int;
        v_afspraken jsonb;
        v_afspraken_gesloten int;
        v_gebruikers int;
        r record;
      BEGIN
        IF NOT tm_is_operator() THEN
          RAISE EXCEPTION 'herindeling: only the platform operator' USING ERRCODE = '42501';
        END IF;
        IF extract(month FROM p_datum) <> 1 OR extract(day FROM p_datum) <> 1 THEN
          RAISE EXCEPTION 'herindeling: % is not 1 January', p_datum USING ERRCODE = '22023';
        END IF;
        IF p_nieuw = ANY(p_oud) OR cardinality(p_oud) = 0 THEN
          RAISE EXCEPTION 'herindeling: % merges into itself or nothing merges', p_nieuw USING ERRCODE = '22023';
        END IF;
        -- lock the old gemeenten: two operators cannot apply crossing herindelingen
        PERFORM 1 FROM gemeente WHERE code = ANY(p_oud) ORDER BY code FOR UPDATE;
        IF (SELECT count(*) FROM gemeente WHERE code = ANY(p_oud) AND opgeheven_op IS NULL) <> cardinality(p_oud) THEN
          RAISE EXCEPTION 'herindeling: unknown or already merged gemeente in %', p_oud USING ERRCODE = '22023';
        END IF;
        SELECT true INTO v_bestaat FROM gemeente WHERE code = p_nieuw;
        IF coalesce(v_bestaat, false) AND EXISTS (SELECT 1 FROM gemeente WHERE code = p_nieuw AND opgeheven_op IS NOT NULL) THEN
          RAISE EXCEPTION 'herindeling: % is itself merged', p_nieuw USING ERRCODE = '22023';
        END IF;

        SELECT array_agg(id) INTO v_oud_orgs FROM organisatie WHERE soort = 'GEMEENTE' AND gemeente_code = ANY(p_oud);
        v_oud_orgs := coalesce(v_oud_orgs, '{}');
        SELECT id INTO v_nieuw_org FROM organisatie WHERE soort = 'GEMEENTE' AND gemeente_code = p_nieuw;

        -- what changes: organisations whose werkgebied moves, open prestatieafspraken, targets, users
        SELECT coalesce(jsonb_agg(DISTINCT o.naam), '[]') INTO v_werkgebied
          FROM organisatie_werkgebied w JOIN organisatie o ON o.id = w.organisatie_id WHERE w.gemeente_code = ANY(p_oud);
        SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'titel', p.titel, 'status', p.status, 'gemeente', p.gemeente_code)
                                  ORDER BY p.gemeente_code, p.titel), '[]') INTO v_afspraken
          FROM prestatieafspraak p
          WHERE p.gemeente_code = ANY(p_oud)
            AND (p.status IN ('CONCEPT','TER_ONDERTEKENING')
                 OR (p.status = 'VASTGESTELD' AND p.jaar_tot >= v_jaar${open('make_date(p.jaar_tot, 12, 31)')}));
        SELECT count(*) INTO v_afspraken_gesloten FROM prestatieafspraak p
          WHERE p.gemeente_code = ANY(p_oud) AND p.status = 'VASTGESTELD' AND p.jaar_tot >= v_jaar
            AND make_date(p.jaar_tot, 12, 31) <= v_grens;
        SELECT count(*) INTO v_taak FROM taakstelling
          WHERE actueel AND gebied_soort = 'GEMEENTE' AND gebied_code = ANY(p_oud) AND periode_van >= p_datum${open('periode_tot')};
        SELECT count(*) INTO v_taak_gesloten FROM taakstelling
          WHERE actueel AND gebied_soort = 'GEMEENTE' AND gebied_code = ANY(p_oud) AND periode_van >= p_datum
            AND periode_tot <= v_grens;
        SELECT count(*) INTO v_gebruikers FROM organisatie_gebruiker WHERE organisatie_id = ANY(v_oud_orgs) AND actief;

        IF p_uitvoeren THEN
          PERFORM set_config('tm.herindeling', 'on', true);
          IF NOT coalesce(v_bestaat, false) THEN
            INSERT INTO gemeente (code, naam, provincie_code, inwoners, buurgemeenten, woningmarktregio_code)
            SELECT p_nieuw, p_naam, p_provincie, sum(inwoners),
                   coalesce((SELECT array_agg(DISTINCT b ORDER BY b) FROM gemeente g2, unnest(g2.buurgemeenten) b
                             WHERE g2.code = ANY(p_oud) AND NOT b = ANY(p_oud)), '{}'),
                   (array_agg(woningmarktregio_code ORDER BY code) FILTER (WHERE woningmarktregio_code IS NOT NULL))[1]
            FROM gemeente WHERE code = ANY(p_oud);
          END IF;
          IF v_nieuw_org IS NULL THEN
            INSERT INTO organisatie (code, soort, naam, gemeente_code)
            VALUES (p_nieuw, 'GEMEENTE', 'Gemeente ' || p_naam, p_nieuw) RETURNING id INTO v_nieuw_org;
          END IF;
          UPDATE gemeente SET opgeheven_op = p_datum, opgegaan_in = p_nieuw WHERE code = ANY(p_oud);

          -- werkgebieden follow the new gemeente${nu ? '; who worked in an old gemeente keeps reading its history' : ''}
          ${
            nu
              ? `INSERT INTO organisatie_werkgebied_herindeling (organisatie_id, gemeente_code, opgeheven_op)
            SELECT organisatie_id, gemeente_code, p_datum FROM organisatie_werkgebied WHERE gemeente_code = ANY(p_oud)
            ON CONFLICT DO NOTHING;`
              : ''
          }
          INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
            SELECT DISTINCT organisatie_id, p_nieuw FROM organisatie_werkgebied WHERE gemeente_code = ANY(p_oud)
            ON CONFLICT DO NOTHING;
          DELETE FROM organisatie_werkgebied WHERE gemeente_code = ANY(p_oud);

          -- targets from the date: one sum per indicator, period and setter (an old gemeente's own
          -- ambition becomes the new gemeente's); the replaced rows stay as history (actueel = false)${
            nu
              ? `;
          -- targets of closed periods stay where they were judged (the roll-up reads them)`
              : ''
          }
          FOR r IN
            SELECT t.indicator_code, t.periode_van, t.periode_tot,
                   CASE WHEN t.gesteld_door_id = ANY(v_oud_orgs) THEN v_nieuw_org ELSE t.gesteld_door_id END AS door,
                   sum(t.waarde) AS waarde, array_agg(t.id) AS ids,
                   (array_agg(t.id ORDER BY (t.gebied_code = p_nieuw) DESC, t.gebied_code))[1] AS vervangt
            FROM taakstelling t
            WHERE t.actueel AND t.gebied_soort = 'GEMEENTE' AND t.gebied_code = ANY(p_oud || p_nieuw)
              AND t.periode_van >= p_datum${open('t.periode_tot')}
            GROUP BY 1, 2, 3, 4
            HAVING bool_or(t.gebied_code <> p_nieuw)
          LOOP
            UPDATE taakstelling SET actueel = false WHERE id = ANY(r.ids);
            INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde,
                                      gesteld_door_id, toelichting, vervangt_id)
            VALUES (r.indicator_code, 'GEMEENTE', p_nieuw, r.periode_van, r.periode_tot, r.waarde, r.door,
                    'Herindeling per ' || to_char(p_datum, 'DD-MM-YYYY') || ': som van de taakstellingen van de samengevoegde gemeenten',
                    r.vervangt);
          END LOOP;

          -- open and running prestatieafspraken follow; the new gemeente becomes a party. A
          -- concept or unsigned party row of an old gemeente goes (it could never sign again);
          -- signatures and their party rows stay.
          UPDATE prestatieafspraak SET gemeente_code = p_nieuw, versie = versie + 1, gewijzigd_op = now()
            WHERE id IN (SELECT (a->>'id')::uuid FROM jsonb_array_elements(v_afspraken) a);
          INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id)
            SELECT (a->>'id')::uuid, v_nieuw_org FROM jsonb_array_elements(v_afspraken) a ON CONFLICT DO NOTHING;
          DELETE FROM prestatieafspraak_partij pp
            WHERE pp.organisatie_id = ANY(v_oud_orgs)
              AND pp.prestatieafspraak_id IN (SELECT (a->>'id')::uuid FROM jsonb_array_elements(v_afspraken) a
                                             WHERE a->>'status' IN ('CONCEPT','TER_ONDERTEKENING'))
              AND NOT EXISTS (SELECT 1 FROM prestatieafspraak_ondertekening s
                              WHERE s.prestatieafspraak_id = pp.prestatieafspraak_id AND s.organisatie_id = pp.organisatie_id);

          -- the old gemeenten's organisations: their users move, the organisation stays readable
          UPDATE organisatie_gebruiker SET organisatie_id = v_nieuw_org WHERE organisatie_id = ANY(v_oud_orgs);
          UPDATE organisatie SET actief = false, gedeactiveerd_op = now(), opgegaan_in = v_nieuw_org
            WHERE id = ANY(v_oud_orgs) AND actief;
          PERFORM set_config('tm.herindeling', '', true);
          -- areas changed: answer caches must not serve what they computed before (1765400000003)
          INSERT INTO tm_gegevens_wijziging (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
        END IF;

        RETURN jsonb_build_object(
          'nieuweGemeente', NOT coalesce(v_bestaat, false),
          'werkgebiedOrganisaties', v_werkgebied,
          'prestatieafspraken', v_afspraken,
          'taakstellingen', v_taak,
          'gebruikers', v_gebruikers${
            nu
              ? `,
          -- a late herindeling: what stayed on the old codes because its period had closed
          'afgeslotenTot', to_char(v_grens, 'YYYY-MM-DD'),
          'laat', p_datum <= v_grens,
          'taakstellingenAfgesloten', v_taak_gesloten,
          'prestatieafsprakenAfgesloten', v_afspraken_gesloten`
              : ''
          });
      END $$`;
}
