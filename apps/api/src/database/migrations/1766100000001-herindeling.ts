import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gemeentelijke herindeling (issue 13, item 3; rules and sources in docs/decisions.md,
 * "Herindeling"). Gemeenten that merge on 1 January (Wet arhi art. 1 lid 1 onder h) keep their
 * reference row with `opgeheven_op` (the date) and `opgegaan_in` (the new gemeente's code), so
 * historic figures stay on the old codes, remain readable and keep counting in provincie and land
 * totals exactly once; the new gemeente's own area takes them in for periods from the date
 * (GebiedService.metVoorgangers).
 *
 * tm_herindeling(...) is the operator's one act, all or nothing in the caller's transaction:
 * SECURITY DEFINER because it must rewrite rows no single organisation may touch under RLS
 * (other organisations' werkgebieden, taakstellingen set by the old gemeenten, open
 * prestatieafspraken), and therefore it checks tm_is_operator() itself. With p_uitvoeren = false
 * it only counts what would change (the dry run). The API validates the input first with Dutch
 * messages (libs/domain herindeling.ts); the checks here are the second wall (English, for logs).
 *
 * The identity lock on prestatieafspraak.gemeente_code gets one exception: inside tm_herindeling
 * (tm.herindeling = 'on', set transaction-locally by it) and only from an old gemeente to the
 * gemeente it became part of.
 */
export class Herindeling1766100000001 implements MigrationInterface {
  name = 'Herindeling1766100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE gemeente ADD COLUMN opgeheven_op date, ADD COLUMN opgegaan_in text REFERENCES gemeente(code)`,
    );
    await q.query(`
      ALTER TABLE gemeente ADD CONSTRAINT gemeente_opgeheven_ck CHECK (
        (opgeheven_op IS NULL) = (opgegaan_in IS NULL)
        AND (opgegaan_in IS NULL OR opgegaan_in <> code)
        AND (opgeheven_op IS NULL OR (extract(month FROM opgeheven_op) = 1 AND extract(day FROM opgeheven_op) = 1)))`);
    await q.query(
      `CREATE INDEX gemeente_opgegaan_in_idx ON gemeente (opgegaan_in) WHERE opgegaan_in IS NOT NULL`,
    );

    await q.query(`
      CREATE OR REPLACE FUNCTION tm_prestatieafspraak_inhoud_slot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- never changed after creation, whatever the status; a herindeling moves an open
        -- prestatieafspraak from an old gemeente to the one it became part of, nothing else
        IF (NEW.opgesteld_door_id, NEW.is_bod, NEW.versienummer, NEW.vorige_versie_id)
           IS DISTINCT FROM (OLD.opgesteld_door_id, OLD.is_bod, OLD.versienummer, OLD.vorige_versie_id)
           OR (NEW.gemeente_code IS DISTINCT FROM OLD.gemeente_code AND NOT (
                 coalesce(current_setting('tm.herindeling', true), '') = 'on'
                 AND EXISTS (SELECT 1 FROM public.gemeente g WHERE g.code = OLD.gemeente_code
                             AND g.opgegaan_in = NEW.gemeente_code))) THEN
          RAISE EXCEPTION 'prestatieafspraak %: identity columns are immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status <> 'CONCEPT'
           AND (NEW.titel, NEW.jaar_van, NEW.jaar_tot) IS DISTINCT FROM (OLD.titel, OLD.jaar_van, OLD.jaar_tot) THEN
          RAISE EXCEPTION 'prestatieafspraak %: content changes only in CONCEPT', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE FUNCTION tm_herindeling(p_datum date, p_nieuw text, p_naam text, p_provincie text, p_oud text[], p_uitvoeren boolean)
      RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        v_jaar int := extract(year FROM p_datum)::int;
        v_nieuw_org uuid;
        v_oud_orgs uuid[];
        v_bestaat boolean;
        v_werkgebied jsonb;
        v_taak int;
        v_afspraken jsonb;
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
            AND (p.status IN ('CONCEPT','TER_ONDERTEKENING') OR (p.status = 'VASTGESTELD' AND p.jaar_tot >= v_jaar));
        SELECT count(*) INTO v_taak FROM taakstelling
          WHERE actueel AND gebied_soort = 'GEMEENTE' AND gebied_code = ANY(p_oud) AND periode_van >= p_datum;
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

          -- werkgebieden follow the new gemeente
          INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
            SELECT DISTINCT organisatie_id, p_nieuw FROM organisatie_werkgebied WHERE gemeente_code = ANY(p_oud)
            ON CONFLICT DO NOTHING;
          DELETE FROM organisatie_werkgebied WHERE gemeente_code = ANY(p_oud);

          -- targets from the date: one sum per indicator, period and setter (an old gemeente's own
          -- ambition becomes the new gemeente's); the replaced rows stay as history (actueel = false)
          FOR r IN
            SELECT t.indicator_code, t.periode_van, t.periode_tot,
                   CASE WHEN t.gesteld_door_id = ANY(v_oud_orgs) THEN v_nieuw_org ELSE t.gesteld_door_id END AS door,
                   sum(t.waarde) AS waarde, array_agg(t.id) AS ids,
                   (array_agg(t.id ORDER BY (t.gebied_code = p_nieuw) DESC, t.gebied_code))[1] AS vervangt
            FROM taakstelling t
            WHERE t.actueel AND t.gebied_soort = 'GEMEENTE' AND t.gebied_code = ANY(p_oud || p_nieuw)
              AND t.periode_van >= p_datum
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
          'gebruikers', v_gebruikers);
      END $$`);
    await q.query(
      `REVOKE ALL ON FUNCTION tm_herindeling(date, text, text, text, text[], boolean) FROM PUBLIC`,
    );
    await q.query(
      `GRANT EXECUTE ON FUNCTION tm_herindeling(date, text, text, text, text[], boolean) TO thuismonitor_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION tm_herindeling(date, text, text, text, text[], boolean)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_prestatieafspraak_inhoud_slot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.gemeente_code, NEW.opgesteld_door_id, NEW.is_bod, NEW.versienummer, NEW.vorige_versie_id)
           IS DISTINCT FROM (OLD.gemeente_code, OLD.opgesteld_door_id, OLD.is_bod, OLD.versienummer, OLD.vorige_versie_id) THEN
          RAISE EXCEPTION 'prestatieafspraak %: identity columns are immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status <> 'CONCEPT'
           AND (NEW.titel, NEW.jaar_van, NEW.jaar_tot) IS DISTINCT FROM (OLD.titel, OLD.jaar_van, OLD.jaar_tot) THEN
          RAISE EXCEPTION 'prestatieafspraak %: content changes only in CONCEPT', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX gemeente_opgegaan_in_idx`);
    await q.query(`ALTER TABLE gemeente DROP CONSTRAINT gemeente_opgeheven_ck`);
    await q.query(`ALTER TABLE gemeente DROP COLUMN opgegaan_in, DROP COLUMN opgeheven_op`);
  }
}
