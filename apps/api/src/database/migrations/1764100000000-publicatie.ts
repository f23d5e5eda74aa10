import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publicatie (docs/decisions.md, "Publicatie: one disclosure rule"): protected figures reach a
 * non-owner only as sums of released base cells, computed by Postgres itself.
 *
 * - Base cells per quarter, maintained on write by statement-level triggers with transition
 *   tables (one aggregate per statement, so a bulk import or the 1.6M-row national seed costs one
 *   GROUP BY, not a trigger call per row): publicatie_toewijzing_cel per (gemeente, corporatie,
 *   quarter, aandachtsgroep, via_urgentie) with households and persons, and
 *   publicatie_kwartaalcijfer_cel per (gemeente, reporting organisation, quarter, indicator) with
 *   the current (actueel) value. Each cell also stores its released value, so reads only sum.
 * - A secret key (publicatie_sleutel), generated here, readable only by the schema owner. The
 *   draw of a cell is HMAC-SHA-256(key, identity); the pads are stored so Postgres's built-in
 *   sha256() computes the HMAC (no pgcrypto needed).
 * - SECURITY DEFINER read functions for thuismonitor_app that apply the rule for the principal in
 *   the tm.* settings: exact for owned cells, released values otherwise; a period off the grid or
 *   with a quarter that is not closed is refused (SQLSTATE TMP01 / TMP02) unless everything asked
 *   for is owned. The app role cannot read the cell tables, the key or the settings directly.
 *
 * The literals below (protected indicators, 5, 11 persons) mirror libs/domain openbaarheid.ts and
 * publicatie.ts; apps/api/test/publicatie.spec.ts fails when they drift apart.
 */
const BESCHERMDE_KWARTAALCIJFERS = ['HUISUITZETTINGEN', 'UITSTROOM_WACHTEND', 'VROEGSIGNALERING_TRAJECTEN'];
/** PERSONEN_BIJ_AFGERONDE_CEL = round(5 × 2.1) */
const PERSONEN_BIJ_AFGERONDE_CEL = 11;
const SP = 'SET search_path = pg_catalog, public';

const TOEWIJZING_SLEUTEL = 'gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie';
const KWARTAALCIJFER_SLEUTEL = 'gemeente_code, organisatie_id, jaar, kwartaal, indicator_code';

export class Publicatie1764100000000 implements MigrationInterface {
  name = 'Publicatie1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // ---------------------------------------------------------------- key and settings (owner only)
    const sleutel = randomBytes(32);
    const k0 = Buffer.alloc(64);
    sleutel.copy(k0);
    const ipad = Buffer.from(k0.map((x) => x ^ 0x36));
    const opad = Buffer.from(k0.map((x) => x ^ 0x5c));
    await q.query(`
      CREATE TABLE publicatie_sleutel (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        sleutel bytea NOT NULL CHECK (length(sleutel) = 32),
        ipad bytea NOT NULL CHECK (length(ipad) = 64),
        opad bytea NOT NULL CHECK (length(opad) = 64),
        aangemaakt_op timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO publicatie_sleutel (sleutel, ipad, opad) VALUES ($1, $2, $3)`, [
      sleutel,
      ipad,
      opad,
    ]);
    // the data deadline: day D of the month after a quarter (REPORT_DEADLINE_DAYS, the scheduler's day)
    const deadline = Number(process.env.REPORT_DEADLINE_DAYS) || 15;
    await q.query(`
      CREATE TABLE publicatie_instelling (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        deadline_dag smallint NOT NULL CHECK (deadline_dag BETWEEN 1 AND 28)
      )`);
    await q.query(`INSERT INTO publicatie_instelling (deadline_dag) VALUES ($1)`, [
      Math.min(28, Math.max(1, deadline)),
    ]);
    await q.query(`CREATE TABLE publicatie_beschermde_indicator (code text PRIMARY KEY)`);
    await q.query(`INSERT INTO publicatie_beschermde_indicator SELECT unnest($1::text[])`, [
      BESCHERMDE_KWARTAALCIJFERS,
    ]);

    // ---------------------------------------------------------------------------- base cells
    await q.query(`
      CREATE TABLE publicatie_toewijzing_cel (
        gemeente_code text NOT NULL,
        corporatie_id uuid NOT NULL,
        jaar smallint NOT NULL,
        kwartaal smallint NOT NULL CHECK (kwartaal BETWEEN 1 AND 4),
        aandachtsgroep text NOT NULL, -- '' = regulier (toewijzing.aandachtsgroep IS NULL)
        via_urgentie boolean NOT NULL,
        -- no CHECK (>= 0): Postgres checks a row before ON CONFLICT, and a delta row is negative
        huishoudens integer NOT NULL,
        personen integer NOT NULL,
        huishoudens_vrij integer NOT NULL,
        personen_vrij integer NOT NULL,
        PRIMARY KEY (gemeente_code, jaar, kwartaal, corporatie_id, aandachtsgroep, via_urgentie)
      )`);
    await q.query(
      `CREATE INDEX publicatie_toewijzing_cel_kwartaal_idx ON publicatie_toewijzing_cel (jaar, kwartaal)`,
    );
    // emptied cells are deleted after every statement; this partial index keeps finding them cheap
    await q.query(
      `CREATE INDEX publicatie_toewijzing_cel_leeg_idx ON publicatie_toewijzing_cel (gemeente_code) WHERE huishoudens = 0`,
    );
    await q.query(`
      CREATE TABLE publicatie_kwartaalcijfer_cel (
        gemeente_code text NOT NULL,
        organisatie_id uuid NOT NULL,
        jaar smallint NOT NULL,
        kwartaal smallint NOT NULL CHECK (kwartaal BETWEEN 1 AND 4),
        indicator_code text NOT NULL,
        waarde numeric(14,2) NOT NULL,
        waarde_vrij numeric(14,2) NOT NULL,
        PRIMARY KEY (gemeente_code, indicator_code, jaar, kwartaal, organisatie_id)
      )`);
    await q.query(
      `CREATE INDEX publicatie_kwartaalcijfer_cel_kwartaal_idx ON publicatie_kwartaalcijfer_cel (indicator_code, jaar, kwartaal)`,
    );

    for (const t of [
      'publicatie_sleutel',
      'publicatie_instelling',
      'publicatie_beschermde_indicator',
      'publicatie_toewijzing_cel',
      'publicatie_kwartaalcijfer_cel',
    ]) {
      // default privileges grant the app role every new table: take that back
      await q.query(`REVOKE ALL ON ${t} FROM thuismonitor_app, PUBLIC`);
    }

    // ------------------------------------------------------------------------- the rule in SQL
    await q.query(`
      CREATE FUNCTION tm_publicatie_afronden(p_identiteit text, p_waarde numeric) RETURNS numeric
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT CASE WHEN p_waarde = 0 OR p_waarde >= 5 THEN p_waarde ELSE (
          SELECT CASE WHEN (get_byte(h, 0)::bigint * 16777216 + get_byte(h, 1) * 65536 + get_byte(h, 2) * 256 + get_byte(h, 3)) * 5
                           < p_waarde * 4294967296 THEN 5 ELSE 0 END
          FROM (SELECT sha256(s.opad || sha256(s.ipad || convert_to(p_identiteit, 'UTF8'))) AS h FROM public.publicatie_sleutel s) x)
        END $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_toewijzing_identiteit(p_gemeente text, p_corporatie uuid, p_jaar integer, p_kwartaal integer,
                                                          p_groep text, p_urgentie boolean) RETURNS text
      LANGUAGE sql IMMUTABLE ${SP} AS $$
        SELECT 'toewijzing|' || p_gemeente || '|' || p_corporatie::text || '|' || p_jaar || '-Q' || p_kwartaal || '|'
               || coalesce(p_groep, '') || '|' || CASE WHEN p_urgentie THEN '1' ELSE '0' END $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_kwartaalcijfer_identiteit(p_gemeente text, p_organisatie uuid, p_jaar integer, p_kwartaal integer,
                                                              p_indicator text) RETURNS text
      LANGUAGE sql IMMUTABLE ${SP} AS $$
        SELECT 'kwartaalcijfer|' || p_gemeente || '|' || p_organisatie::text || '|' || p_jaar || '-Q' || p_kwartaal || '|' || p_indicator $$`);
    // released households and persons of a toewijzing cell (publicatie.ts vrijgegevenPersonen)
    await q.query(`
      CREATE FUNCTION tm_publicatie_toewijzing_vrij(p_identiteit text, p_huishoudens integer, p_personen integer,
                                                    OUT huishoudens integer, OUT personen integer)
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT v::integer, CASE WHEN v = p_huishoudens THEN p_personen WHEN v = 0 THEN 0 ELSE ${PERSONEN_BIJ_AFGERONDE_CEL} END
        FROM (SELECT public.tm_publicatie_afronden(p_identiteit, p_huishoudens) AS v) x $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_kwartaalcijfer_vrij(p_gemeente text, p_organisatie uuid, p_jaar integer, p_kwartaal integer,
                                                        p_indicator text, p_waarde numeric) RETURNS numeric
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM public.publicatie_beschermde_indicator b WHERE b.code = p_indicator)
                    THEN public.tm_publicatie_afronden(
                           public.tm_publicatie_kwartaalcijfer_identiteit(p_gemeente, p_organisatie, p_jaar, p_kwartaal, p_indicator), p_waarde)
                    ELSE p_waarde END $$`);
    // end of the last closed quarter: the last quarter end E with E + deadline_dag <= today (Amsterdam)
    await q.query(`
      CREATE FUNCTION tm_publicatie_laatst_gesloten() RETURNS date
      LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
        SELECT (date_trunc('quarter', (now() AT TIME ZONE 'Europe/Amsterdam')::date - i.deadline_dag + 1) - interval '1 day')::date
        FROM public.publicatie_instelling i $$`);

    // -------------------------------------------------------------------------------- triggers
    // One function per table; TG_OP decides which transition tables exist. Deltas are grouped and
    // sorted by cell key, so concurrent imports lock cells in the same order.
    await maakTriggerFunctiesV1(q);
    await q.query(`
      CREATE FUNCTION tm_publicatie_toewijzing_leeg() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        TRUNCATE public.publicatie_toewijzing_cel;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER publicatie_toewijzing_insert AFTER INSERT ON toewijzing
        REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_toewijzing_insert()`);
    await q.query(`
      CREATE TRIGGER publicatie_toewijzing_update AFTER UPDATE ON toewijzing
        REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_toewijzing_update()`);
    await q.query(`
      CREATE TRIGGER publicatie_toewijzing_delete AFTER DELETE ON toewijzing
        REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_toewijzing_delete()`);
    await q.query(`
      CREATE TRIGGER publicatie_toewijzing_truncate AFTER TRUNCATE ON toewijzing
        FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_toewijzing_leeg()`);

    await q.query(`
      CREATE FUNCTION tm_publicatie_kwartaalcijfer_leeg() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        TRUNCATE public.publicatie_kwartaalcijfer_cel;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER publicatie_kwartaalcijfer_insert AFTER INSERT ON kwartaalcijfer
        REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_kwartaalcijfer_insert()`);
    await q.query(`
      CREATE TRIGGER publicatie_kwartaalcijfer_update AFTER UPDATE ON kwartaalcijfer
        REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_kwartaalcijfer_update()`);
    await q.query(`
      CREATE TRIGGER publicatie_kwartaalcijfer_delete AFTER DELETE ON kwartaalcijfer
        REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_kwartaalcijfer_delete()`);
    await q.query(`
      CREATE TRIGGER publicatie_kwartaalcijfer_truncate AFTER TRUNCATE ON kwartaalcijfer
        FOR EACH STATEMENT EXECUTE FUNCTION tm_publicatie_kwartaalcijfer_leeg()`);

    // ------------------------------------------------------------------------------- backfill
    await q.query(`
      INSERT INTO publicatie_toewijzing_cel (${TOEWIJZING_SLEUTEL}, huishoudens, personen, huishoudens_vrij, personen_vrij)
      SELECT d.*, v.huishoudens, v.personen
      FROM (
        SELECT gemeente_code, corporatie_id, extract(year FROM datum)::smallint AS jaar, extract(quarter FROM datum)::smallint AS kwartaal,
               coalesce(aandachtsgroep, '') AS aandachtsgroep, via_urgentie, count(*)::integer AS h, sum(huishoudgrootte)::integer AS p
        FROM toewijzing GROUP BY 1, 2, 3, 4, 5, 6
      ) d
      CROSS JOIN LATERAL tm_publicatie_toewijzing_vrij(
        tm_publicatie_toewijzing_identiteit(d.gemeente_code, d.corporatie_id, d.jaar, d.kwartaal, d.aandachtsgroep, d.via_urgentie), d.h, d.p) v`);
    await q.query(`
      INSERT INTO publicatie_kwartaalcijfer_cel (${KWARTAALCIJFER_SLEUTEL}, waarde, waarde_vrij)
      SELECT ${KWARTAALCIJFER_SLEUTEL}, waarde,
             tm_publicatie_kwartaalcijfer_vrij(gemeente_code, organisatie_id, jaar, kwartaal, indicator_code, waarde)
      FROM kwartaalcijfer WHERE actueel`);

    // ------------------------------------------------------------------- read functions (the API)
    await q.query(LEES_FUNCTIES);

    // Internal functions are the owner's: executing tm_publicatie_afronden at will would reveal
    // the draw of any cell. Functions are EXECUTE-able by PUBLIC by default; revoke, then grant
    // the read functions to the app role.
    await q.query(`
      REVOKE EXECUTE ON FUNCTION tm_publicatie_afronden(text, numeric), tm_publicatie_toewijzing_vrij(text, integer, integer),
        tm_publicatie_kwartaalcijfer_vrij(text, uuid, integer, integer, text, numeric),
        tm_publicatie_toewijzing_insert(), tm_publicatie_toewijzing_update(), tm_publicatie_toewijzing_delete(), tm_publicatie_toewijzing_leeg(),
        tm_publicatie_kwartaalcijfer_insert(), tm_publicatie_kwartaalcijfer_update(), tm_publicatie_kwartaalcijfer_delete(),
        tm_publicatie_kwartaalcijfer_leeg(), tm_publicatie_eigen_gemeente(), tm_publicatie_op_raster(date, date),
        tm_publicatie_controleer_periode(date, date),
        tm_publicatie_toewijzingen(text[], date, date, boolean), tm_publicatie_statushouders(text[], date, date),
        tm_publicatie_kwartaalcijfers(text[], date, date, text[], boolean, boolean), tm_publicatie_laatst_gesloten()
      FROM PUBLIC`);
    await q.query(`
      GRANT EXECUTE ON FUNCTION tm_publicatie_toewijzingen(text[], date, date, boolean), tm_publicatie_statushouders(text[], date, date),
        tm_publicatie_kwartaalcijfers(text[], date, date, text[], boolean, boolean), tm_publicatie_laatst_gesloten(),
        tm_publicatie_eigen_gemeente()
      TO thuismonitor_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['toewijzing', 'kwartaalcijfer']) {
      for (const e of ['insert', 'update', 'delete', 'truncate'])
        await q.query(`DROP TRIGGER publicatie_${t}_${e} ON ${t}`);
    }
    await q.query(`
      DROP FUNCTION tm_publicatie_toewijzingen(text[], date, date, boolean), tm_publicatie_statushouders(text[], date, date),
        tm_publicatie_kwartaalcijfers(text[], date, date, text[], boolean, boolean), tm_publicatie_laatst_gesloten(),
        tm_publicatie_eigen_gemeente(), tm_publicatie_op_raster(date, date), tm_publicatie_controleer_periode(date, date),
        tm_publicatie_toewijzing_insert(), tm_publicatie_toewijzing_update(), tm_publicatie_toewijzing_delete(), tm_publicatie_toewijzing_leeg(),
        tm_publicatie_kwartaalcijfer_insert(), tm_publicatie_kwartaalcijfer_update(), tm_publicatie_kwartaalcijfer_delete(),
        tm_publicatie_kwartaalcijfer_leeg(), tm_publicatie_kwartaalcijfer_vrij(text, uuid, integer, integer, text, numeric),
        tm_publicatie_toewijzing_vrij(text, integer, integer), tm_publicatie_kwartaalcijfer_identiteit(text, uuid, integer, integer, text),
        tm_publicatie_toewijzing_identiteit(text, uuid, integer, integer, text, boolean), tm_publicatie_afronden(text, numeric)`);
    await q.query(`
      DROP TABLE publicatie_kwartaalcijfer_cel, publicatie_toewijzing_cel, publicatie_beschermde_indicator,
        publicatie_instelling, publicatie_sleutel`);
  }
}

/** The trigger functions as this migration creates them (also restored by 1764100000001's down). */
export async function maakTriggerFunctiesV1(q: QueryRunner): Promise<void> {
  const toewijzingDelta = (bron: string, teken: string) => `
      SELECT gemeente_code, corporatie_id, extract(year FROM datum)::smallint AS jaar, extract(quarter FROM datum)::smallint AS kwartaal,
             coalesce(aandachtsgroep, '') AS aandachtsgroep, via_urgentie, ${teken}1 AS h, ${teken}huishoudgrootte::integer AS p
      FROM ${bron}`;
  for (const [event, delta] of [
    ['insert', toewijzingDelta('nieuw', '')],
    ['delete', toewijzingDelta('oud', '-')],
    ['update', `${toewijzingDelta('nieuw', '')} UNION ALL ${toewijzingDelta('oud', '-')}`],
  ] as const) {
    await q.query(toewijzingTriggerFunctie(event, delta));
  }
  // kwartaalcijfers: a correction flips actueel on one row and inserts another, so the touched
  // cells are recomputed from the current rows (one per cell by kwartaalcijfer_actueel_uq)
  for (const [event, sleutels] of [
    ['insert', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw`],
    ['delete', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
    ['update', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw UNION SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
  ] as const) {
    await q.query(`
        CREATE OR REPLACE FUNCTION tm_publicatie_kwartaalcijfer_${event}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
        BEGIN
          INSERT INTO public.publicatie_kwartaalcijfer_cel AS c (${KWARTAALCIJFER_SLEUTEL}, waarde, waarde_vrij)
          SELECT k.gemeente_code, k.organisatie_id, k.jaar, k.kwartaal, k.indicator_code, k.waarde,
                 public.tm_publicatie_kwartaalcijfer_vrij(k.gemeente_code, k.organisatie_id, k.jaar, k.kwartaal, k.indicator_code, k.waarde)
          FROM public.kwartaalcijfer k
          JOIN (SELECT DISTINCT * FROM (${sleutels}) s0) s USING (${KWARTAALCIJFER_SLEUTEL})
          WHERE k.actueel
          ORDER BY k.gemeente_code, k.indicator_code, k.jaar, k.kwartaal, k.organisatie_id
          ON CONFLICT (gemeente_code, indicator_code, jaar, kwartaal, organisatie_id) DO UPDATE
            SET waarde = excluded.waarde, waarde_vrij = excluded.waarde_vrij;
          DELETE FROM public.publicatie_kwartaalcijfer_cel c
          USING (SELECT DISTINCT * FROM (${sleutels}) s0) s
          WHERE (c.gemeente_code, c.organisatie_id, c.jaar, c.kwartaal, c.indicator_code)
                = (s.gemeente_code, s.organisatie_id, s.jaar, s.kwartaal, s.indicator_code)
            AND NOT EXISTS (SELECT 1 FROM public.kwartaalcijfer k
                            WHERE k.actueel AND (k.gemeente_code, k.organisatie_id, k.jaar, k.kwartaal, k.indicator_code)
                                              = (c.gemeente_code, c.organisatie_id, c.jaar, c.kwartaal, c.indicator_code));
          RETURN NULL;
        END $$`);
  }
}

function toewijzingTriggerFunctie(event: string, delta: string): string {
  return `
    CREATE OR REPLACE FUNCTION tm_publicatie_toewijzing_${event}() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
    BEGIN
      INSERT INTO public.publicatie_toewijzing_cel AS c
             (${TOEWIJZING_SLEUTEL}, huishoudens, personen, huishoudens_vrij, personen_vrij)
      SELECT d.gemeente_code, d.corporatie_id, d.jaar, d.kwartaal, d.aandachtsgroep, d.via_urgentie, d.h, d.p, v.huishoudens, v.personen
      FROM (
        SELECT gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie, sum(h)::integer AS h, sum(p)::integer AS p
        FROM (${delta}) x
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(h) <> 0 OR sum(p) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
      ) d
      -- for a new cell the delta is its content; a negative delta always hits an existing cell
      CROSS JOIN LATERAL public.tm_publicatie_toewijzing_vrij(
        public.tm_publicatie_toewijzing_identiteit(d.gemeente_code, d.corporatie_id, d.jaar, d.kwartaal, d.aandachtsgroep, d.via_urgentie),
        greatest(d.h, 0), greatest(d.p, 0)) v
      ON CONFLICT (gemeente_code, jaar, kwartaal, corporatie_id, aandachtsgroep, via_urgentie) DO UPDATE
        SET (huishoudens, personen, huishoudens_vrij, personen_vrij) = (
          SELECT c.huishoudens + excluded.huishoudens, c.personen + excluded.personen, v2.huishoudens, v2.personen
          FROM public.tm_publicatie_toewijzing_vrij(
            public.tm_publicatie_toewijzing_identiteit(c.gemeente_code, c.corporatie_id, c.jaar, c.kwartaal, c.aandachtsgroep, c.via_urgentie),
            c.huishoudens + excluded.huishoudens, c.personen + excluded.personen) v2);
      DELETE FROM public.publicatie_toewijzing_cel WHERE huishoudens = 0;
      RETURN NULL;
    END $$`;
}

/**
 * The read API of thuismonitor_app (apps/api/src/publicatie/publicatie.repository.ts types it).
 * Ownership: a cell is the principal's own when its source organisation is the principal
 * (corporatie_id / organisatie_id = tm_organisatie()) or it lies in the principal's own gemeente
 * (a GEMEENTE organisation): the row rule of libs/auth magRijZien. A request is "own" when
 * p_alleen_eigen is set (only own cells are returned) or a gemeente asks only for itself; only
 * other requests are held to the grid and closed quarters.
 */
export const LEES_FUNCTIES = `
  CREATE FUNCTION tm_publicatie_eigen_gemeente() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER ${SP} AS $$
    SELECT o.gemeente_code FROM public.organisatie o WHERE o.id = public.tm_organisatie() AND o.soort = 'GEMEENTE' $$;

  CREATE FUNCTION tm_publicatie_op_raster(p_van date, p_tot date) RETURNS boolean
  LANGUAGE sql IMMUTABLE ${SP} AS $$
    SELECT coalesce(p_van <= p_tot AND p_van = date_trunc('quarter', p_van)::date
                    AND p_tot = (date_trunc('quarter', p_tot) + interval '3 months' - interval '1 day')::date, false) $$;

  CREATE FUNCTION tm_publicatie_controleer_periode(p_van date, p_tot date) RETURNS void
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  BEGIN
    IF NOT public.tm_publicatie_op_raster(p_van, p_tot) THEN
      RAISE EXCEPTION USING ERRCODE = 'TMP01',
        MESSAGE = 'Deze cijfers zijn alleen beschikbaar voor hele kwartalen, halve jaren of jaren.';
    END IF;
    IF p_tot > public.tm_publicatie_laatst_gesloten() THEN
      RAISE EXCEPTION USING ERRCODE = 'TMP02',
        MESSAGE = 'Deze cijfers zijn alleen beschikbaar voor afgesloten kwartalen.';
    END IF;
  END $f$;

  CREATE FUNCTION tm_publicatie_toewijzingen(p_gemeenten text[], p_van date, p_tot date, p_alleen_eigen boolean DEFAULT false)
  RETURNS TABLE (gemeente_code text, aandachtsgroep text, via_urgentie boolean, eigen boolean, huishoudens bigint, personen bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();
  BEGIN
    IF v_org IS NULL THEN RETURN; END IF;
    IF NOT (p_alleen_eigen OR (v_gem IS NOT NULL AND p_gemeenten IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem])) THEN
      PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
    END IF;
    IF public.tm_publicatie_op_raster(p_van, p_tot) THEN
      RETURN QUERY
        SELECT c.gemeente_code, nullif(c.aandachtsgroep, ''), c.via_urgentie, e.eigen,
               sum(CASE WHEN e.eigen THEN c.huishoudens ELSE c.huishoudens_vrij END)::bigint,
               sum(CASE WHEN e.eigen THEN c.personen ELSE c.personen_vrij END)::bigint
        FROM public.publicatie_toewijzing_cel c
        CROSS JOIN LATERAL (SELECT (c.corporatie_id = v_org OR coalesce(c.gemeente_code = v_gem, false)) AS eigen) e
        WHERE (p_gemeenten IS NULL OR c.gemeente_code = ANY (p_gemeenten))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM p_van)::smallint, extract(quarter FROM p_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM p_tot)::smallint, extract(quarter FROM p_tot)::smallint)
          AND (e.eigen OR (NOT p_alleen_eigen AND public.tm_gemeente_in_scope(c.gemeente_code)))
        GROUP BY 1, 2, 3, 4
        -- a non-owned group whose cells were all released as 0 is left out like a real 0: its
        -- presence would tell that some cell held 1-4
        HAVING e.eigen OR sum(c.huishoudens_vrij) > 0;
    ELSE
      -- off the grid only for an own request: exact, from the owned rows themselves
      RETURN QUERY
        SELECT t.gemeente_code, t.aandachtsgroep, t.via_urgentie, true, count(*)::bigint, sum(t.huishoudgrootte)::bigint
        FROM public.toewijzing t
        WHERE t.datum BETWEEN p_van AND p_tot AND (p_gemeenten IS NULL OR t.gemeente_code = ANY (p_gemeenten))
          AND (t.corporatie_id = v_org OR coalesce(t.gemeente_code = v_gem, false))
        GROUP BY 1, 2, 3;
    END IF;
  END $f$;

  CREATE FUNCTION tm_publicatie_statushouders(p_gemeenten text[], p_van date, p_tot date)
  RETURNS TABLE (gemeente_code text, personen bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();
  BEGIN
    IF v_org IS NULL THEN RETURN; END IF;
    IF NOT (v_gem IS NOT NULL AND p_gemeenten IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem]) THEN
      PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
    END IF;
    IF public.tm_publicatie_op_raster(p_van, p_tot) THEN
      RETURN QUERY
        SELECT c.gemeente_code, sum(c.personen)::bigint
        FROM public.publicatie_toewijzing_cel c
        WHERE c.aandachtsgroep = 'STATUSHOUDERS' AND (p_gemeenten IS NULL OR c.gemeente_code = ANY (p_gemeenten))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM p_van)::smallint, extract(quarter FROM p_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM p_tot)::smallint, extract(quarter FROM p_tot)::smallint)
          AND public.tm_gemeente_in_scope(c.gemeente_code)
        GROUP BY 1;
    ELSE
      RETURN QUERY
        SELECT t.gemeente_code, sum(t.huishoudgrootte)::bigint
        FROM public.toewijzing t
        WHERE t.aandachtsgroep = 'STATUSHOUDERS' AND t.datum BETWEEN p_van AND p_tot AND t.gemeente_code = v_gem
        GROUP BY 1;
    END IF;
  END $f$;

  CREATE FUNCTION tm_publicatie_kwartaalcijfers(p_gemeenten text[], p_van date, p_tot date, p_indicatoren text[],
                                                p_stand boolean DEFAULT false, p_alleen_eigen boolean DEFAULT false)
  RETURNS TABLE (gemeente_code text, indicator_code text, eigen boolean, waarde numeric, organisaties integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();
    -- the quarters wholly inside the period (quarterly figures cannot be split by day)
    v_van date := CASE WHEN date_trunc('quarter', p_van)::date = p_van THEN p_van
                       ELSE (date_trunc('quarter', p_van) + interval '3 months')::date END;
    v_tot date := (date_trunc('quarter', p_tot + 1) - interval '1 day')::date;
  BEGIN
    IF v_org IS NULL THEN RETURN; END IF;
    IF NOT (p_alleen_eigen OR (v_gem IS NOT NULL AND p_gemeenten IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem]))
       AND EXISTS (SELECT 1 FROM public.publicatie_beschermde_indicator b WHERE b.code = ANY (p_indicatoren)) THEN
      PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
    END IF;
    RETURN QUERY
      WITH cel AS (
        SELECT c.gemeente_code, c.indicator_code, c.organisatie_id, c.jaar, c.kwartaal, e.eigen,
               CASE WHEN e.eigen THEN c.waarde ELSE c.waarde_vrij END AS w
        FROM public.publicatie_kwartaalcijfer_cel c
        CROSS JOIN LATERAL (SELECT (c.organisatie_id = v_org OR coalesce(c.gemeente_code = v_gem, false)) AS eigen) e
        WHERE c.indicator_code = ANY (p_indicatoren) AND (p_gemeenten IS NULL OR c.gemeente_code = ANY (p_gemeenten))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM v_van)::smallint, extract(quarter FROM v_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM v_tot)::smallint, extract(quarter FROM v_tot)::smallint)
          AND (e.eigen OR (NOT p_alleen_eigen AND public.tm_gemeente_in_scope(c.gemeente_code)))
      ), gekozen AS (
        -- STAND: per reporting organisation its latest quarter in the range; SOM: every quarter
        SELECT DISTINCT ON (cel.indicator_code, cel.organisatie_id, cel.gemeente_code, CASE WHEN p_stand THEN 0 ELSE cel.jaar * 4 + cel.kwartaal END)
               cel.*
        FROM cel
        ORDER BY cel.indicator_code, cel.organisatie_id, cel.gemeente_code, CASE WHEN p_stand THEN 0 ELSE cel.jaar * 4 + cel.kwartaal END,
                 cel.jaar DESC, cel.kwartaal DESC
      )
      SELECT g.gemeente_code, g.indicator_code, g.eigen, sum(g.w)::numeric, count(DISTINCT g.organisatie_id)::integer
      FROM gekozen g
      GROUP BY 1, 2, 3;
  END $f$;
`;
