import type { MigrationInterface, QueryRunner } from 'typeorm';
import { maakTriggerFunctiesV1 } from './1764100000000-publicatie';

/**
 * Publicatie, faster writes (measured on the national seed, docs/decisions.md "Publicatie:
 * engine details"): the first version called SECURITY DEFINER SQL functions per base cell, which
 * Postgres cannot inline, and recomputed the keyed draw on every change of a cell; a 160k-row
 * delete then took 80 s instead of 2 s. Now:
 * - each cell stores its draw (`trekking`, the first 4 bytes of the HMAC as an unsigned integer),
 *   computed once when the cell is created; a changed count only needs arithmetic;
 * - the draw and the released value are plain IMMUTABLE SQL functions that the planner inlines;
 *   the trigger functions (SECURITY DEFINER, so they can read the key) join the key row once per
 *   statement and pass the pads in.
 * The draws are as secret as the key: the cell tables stay closed to the app role.
 */
const SP = 'SET search_path = pg_catalog, public';
const TOEWIJZING_SLEUTEL = 'gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie';
const KWARTAALCIJFER_SLEUTEL = 'gemeente_code, organisatie_id, jaar, kwartaal, indicator_code';
/** PERSONEN_BIJ_AFGERONDE_CEL = round(5 × 2.1), libs/domain publicatie.ts */
const PERSONEN_BIJ_AFGERONDE_CEL = 11;

const toewijzingIdentiteit = (a: string) =>
  `public.tm_publicatie_toewijzing_identiteit(${a}.gemeente_code, ${a}.corporatie_id, ${a}.jaar, ${a}.kwartaal, ${a}.aandachtsgroep, ${a}.via_urgentie)`;
const kwartaalcijferIdentiteit = (a: string) =>
  `public.tm_publicatie_kwartaalcijfer_identiteit(${a}.gemeente_code, ${a}.organisatie_id, ${a}.jaar, ${a}.kwartaal, ${a}.indicator_code)`;

export class PublicatieTrekking1764100000001 implements MigrationInterface {
  name = 'PublicatieTrekking1764100000001';

  async up(q: QueryRunner): Promise<void> {
    // inlinable: single SELECT, each parameter used once (draw) or cheap arguments (released)
    await q.query(`
      CREATE FUNCTION tm_publicatie_trekking(p_ipad bytea, p_opad bytea, p_identiteit text) RETURNS bigint
      LANGUAGE sql IMMUTABLE STRICT ${SP} AS $$
        SELECT ('x' || encode(substr(sha256(p_opad || sha256(p_ipad || convert_to(p_identiteit, 'UTF8'))), 1, 4), 'hex'))::bit(32)::bigint $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_vrij(p_waarde numeric, p_trekking bigint) RETURNS numeric
      LANGUAGE sql IMMUTABLE ${SP} AS $$
        SELECT CASE WHEN p_waarde > 0 AND p_waarde < 5
                    THEN CASE WHEN p_trekking * 5 < p_waarde * 4294967296 THEN 5 ELSE 0 END
                    ELSE p_waarde END $$`);
    await q.query(`
      CREATE FUNCTION tm_publicatie_vrij_personen(p_huishoudens integer, p_personen integer, p_trekking bigint) RETURNS integer
      LANGUAGE sql IMMUTABLE ${SP} AS $$
        SELECT CASE WHEN p_huishoudens > 0 AND p_huishoudens < 5
                    THEN CASE WHEN p_trekking * 5 < p_huishoudens * 4294967296 THEN ${PERSONEN_BIJ_AFGERONDE_CEL} ELSE 0 END
                    ELSE p_personen END $$`);

    for (const [tabel, identiteit] of [
      ['publicatie_toewijzing_cel', toewijzingIdentiteit('c')],
      ['publicatie_kwartaalcijfer_cel', kwartaalcijferIdentiteit('c')],
    ] as const) {
      await q.query(`ALTER TABLE ${tabel} ADD COLUMN trekking bigint`);
      await q.query(
        `UPDATE ${tabel} c SET trekking = tm_publicatie_trekking(s.ipad, s.opad, ${identiteit}) FROM publicatie_sleutel s`,
      );
      await q.query(`ALTER TABLE ${tabel} ALTER COLUMN trekking SET NOT NULL`);
    }

    await maakTriggerFunctiesV2(q);
    await q.query(`
      REVOKE EXECUTE ON FUNCTION tm_publicatie_trekking(bytea, bytea, text), tm_publicatie_vrij(numeric, bigint),
        tm_publicatie_vrij_personen(integer, integer, bigint) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await maakTriggerFunctiesV1(q); // the bodies of 1764100000000 (CREATE OR REPLACE)
    await q.query(`ALTER TABLE publicatie_toewijzing_cel DROP COLUMN trekking`);
    await q.query(`ALTER TABLE publicatie_kwartaalcijfer_cel DROP COLUMN trekking`);
    await q.query(`
      DROP FUNCTION tm_publicatie_trekking(bytea, bytea, text), tm_publicatie_vrij(numeric, bigint),
        tm_publicatie_vrij_personen(integer, integer, bigint)`);
  }
}

/** The trigger bodies of this migration (CREATE OR REPLACE); 1765300000000's down() restores them. */
export async function maakTriggerFunctiesV2(q: QueryRunner): Promise<void> {
  // toewijzingen: one upsert of the grouped delta per statement
  const delta = (bron: string, teken: string) => `
    SELECT gemeente_code, corporatie_id, extract(year FROM datum)::smallint AS jaar, extract(quarter FROM datum)::smallint AS kwartaal,
           coalesce(aandachtsgroep, '') AS aandachtsgroep, via_urgentie, ${teken}1 AS h, ${teken}huishoudgrootte::integer AS p
    FROM ${bron}`;
  for (const [event, bron] of [
    ['insert', delta('nieuw', '')],
    ['delete', delta('oud', '-')],
    ['update', `${delta('nieuw', '')} UNION ALL ${delta('oud', '-')}`],
  ] as const) {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_publicatie_toewijzing_${event}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        INSERT INTO public.publicatie_toewijzing_cel AS c
               (${TOEWIJZING_SLEUTEL}, huishoudens, personen, trekking, huishoudens_vrij, personen_vrij)
        SELECT d.gemeente_code, d.corporatie_id, d.jaar, d.kwartaal, d.aandachtsgroep, d.via_urgentie, d.h, d.p, t.trekking,
               public.tm_publicatie_vrij(d.h, t.trekking)::integer, public.tm_publicatie_vrij_personen(d.h, d.p, t.trekking)
        FROM (
          SELECT gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie, sum(h)::integer AS h, sum(p)::integer AS p
          FROM (${bron}) x
          GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(h) <> 0 OR sum(p) <> 0
        ) d
        CROSS JOIN public.publicatie_sleutel s
        CROSS JOIN LATERAL (SELECT public.tm_publicatie_trekking(s.ipad, s.opad, ${toewijzingIdentiteit('d')}) AS trekking) t
        -- same lock order in every statement, so two concurrent imports cannot deadlock on cells
        ORDER BY 1, 3, 4, 2, 5, 6
        ON CONFLICT (gemeente_code, jaar, kwartaal, corporatie_id, aandachtsgroep, via_urgentie) DO UPDATE
          SET huishoudens = c.huishoudens + excluded.huishoudens,
              personen = c.personen + excluded.personen,
              huishoudens_vrij = public.tm_publicatie_vrij(c.huishoudens + excluded.huishoudens, c.trekking)::integer,
              personen_vrij = public.tm_publicatie_vrij_personen(c.huishoudens + excluded.huishoudens, c.personen + excluded.personen, c.trekking);
        DELETE FROM public.publicatie_toewijzing_cel WHERE huishoudens = 0;
        RETURN NULL;
      END $$`);
  }

  // kwartaalcijfers: the touched cells recomputed from the current rows
  for (const [event, sleutels] of [
    ['insert', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw`],
    ['delete', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
    ['update', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw UNION SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
  ] as const) {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_publicatie_kwartaalcijfer_${event}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      BEGIN
        INSERT INTO public.publicatie_kwartaalcijfer_cel AS c (${KWARTAALCIJFER_SLEUTEL}, waarde, trekking, waarde_vrij)
        SELECT k.gemeente_code, k.organisatie_id, k.jaar, k.kwartaal, k.indicator_code, k.waarde, t.trekking,
               CASE WHEN b.code IS NULL THEN k.waarde ELSE public.tm_publicatie_vrij(k.waarde, t.trekking) END
        FROM public.kwartaalcijfer k
        JOIN (SELECT DISTINCT * FROM (${sleutels}) s0) s USING (${KWARTAALCIJFER_SLEUTEL})
        LEFT JOIN public.publicatie_beschermde_indicator b ON b.code = k.indicator_code
        CROSS JOIN public.publicatie_sleutel sl
        CROSS JOIN LATERAL (SELECT public.tm_publicatie_trekking(sl.ipad, sl.opad, ${kwartaalcijferIdentiteit('k')}) AS trekking) t
        WHERE k.actueel
        ORDER BY 1, 5, 3, 4, 2
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
