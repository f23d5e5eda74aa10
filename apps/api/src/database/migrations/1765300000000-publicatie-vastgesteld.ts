import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEES_FUNCTIES } from './1764100000000-publicatie';
import { maakTriggerFunctiesV2 } from './1764100000001-publicatie-trekking';

/**
 * Two leaks the review of issue 9 found in the publication grid (docs/decisions.md "Publicatie:
 * released figures of a closed quarter are fixed"):
 *
 * 1. Temporal differencing. A non-owner reads a closed quarter's released cell, the owner corrects
 *    a row in that quarter, the non-owner reads again: for a cell of 5 or more (released exactly)
 *    the difference is the corrected household itself. Now a cell's released values are fixed
 *    once its quarter is closed: later writes change the exact figures the owners see, not what
 *    anybody else sees. A cell that did not exist yet when its quarter closed (late data, a newly
 *    joining corporatie) gets its first release like any other cell; writes to it later in the
 *    SAME transaction still count (an import inserts in batches), later transactions do not.
 *    `aangemaakt_tx` records the transaction that created the cell. The retention job already
 *    leaves the cells alone (1764200000000 disables the delete trigger for its delete).
 *
 * 2. Statushouders persons were exact for everyone in scope. A corporatie that subtracts its own
 *    exact persons from the exact gemeente total learns its competitors' persons in that quarter:
 *    a household of statushouders. The official public figure is COA's realisation per gemeente
 *    (issue 12); persons counted from corporatie toewijzingen are household data like the rest,
 *    so others' cells give their released persons (personen_vrij) and the owners keep exact ones.
 *    libs/domain openbaarheid.ts classifies STATUSHOUDERS_GEHUISVEST as BESCHERMD accordingly.
 *
 * The literals mirror libs/domain publicatie.ts (PERSONEN_BIJ_AFGERONDE_CEL = 11) as in 1764100000001.
 */
const SP = 'SET search_path = pg_catalog, public';
const TOEWIJZING_SLEUTEL = 'gemeente_code, corporatie_id, jaar, kwartaal, aandachtsgroep, via_urgentie';
const KWARTAALCIJFER_SLEUTEL = 'gemeente_code, organisatie_id, jaar, kwartaal, indicator_code';
const toewijzingIdentiteit = (a: string) =>
  `public.tm_publicatie_toewijzing_identiteit(${a}.gemeente_code, ${a}.corporatie_id, ${a}.jaar, ${a}.kwartaal, ${a}.aandachtsgroep, ${a}.via_urgentie)`;
const kwartaalcijferIdentiteit = (a: string) =>
  `public.tm_publicatie_kwartaalcijfer_identiteit(${a}.gemeente_code, ${a}.organisatie_id, ${a}.jaar, ${a}.kwartaal, ${a}.indicator_code)`;

/**
 * true when the cell c's released values are fixed: a write in the product (a principal is set:
 * every write of the app role has one, its row policies demand it), quarter closed, cell created
 * by an earlier transaction. Writes without a principal are the operator's (schema owner: seeding,
 * migrations, repairs) and recompute, as an explicit re-publication.
 */
const vastgesteld = (c: string) =>
  `(v_product AND (${c}.jaar, ${c}.kwartaal) <= (v_gj, v_gk) AND ${c}.aangemaakt_tx <> pg_current_xact_id())`;
/** The condition under which a write counts as "in the product" (and so freezes); see 1765300000003. */
export const PRODUCT_V1 = 'public.tm_organisatie() IS NOT NULL';
const gesloten_declare = (product: string) => `
  DECLARE
    v_product boolean := ${product};
    v_gesloten date := public.tm_publicatie_laatst_gesloten();
    v_gj smallint := extract(year FROM v_gesloten)::smallint;
    v_gk smallint := extract(quarter FROM v_gesloten)::smallint;`;

export class PublicatieVastgesteld1765300000000 implements MigrationInterface {
  name = 'PublicatieVastgesteld1765300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['publicatie_toewijzing_cel', 'publicatie_kwartaalcijfer_cel'])
      await q.query(`ALTER TABLE ${t} ADD COLUMN aangemaakt_tx xid8 NOT NULL DEFAULT pg_current_xact_id()`);

    await maakVastgesteldTriggers(q, PRODUCT_V1);

    // statushouders persons: own cells exact, others' released (same body otherwise, same grants)
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_publicatie_statushouders(p_gemeenten text[], p_van date, p_tot date)
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
            SELECT c.gemeente_code,
                   sum(CASE WHEN c.corporatie_id = v_org OR coalesce(c.gemeente_code = v_gem, false)
                            THEN c.personen ELSE c.personen_vrij END)::bigint
            FROM public.publicatie_toewijzing_cel c
            WHERE c.aandachtsgroep = 'STATUSHOUDERS'
              AND c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))
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
      END $f$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the read functions as 1764100000003 left them; the trigger bodies of 1764100000001
    const smal = LEES_FUNCTIES.split('(p_gemeenten IS NULL OR c.gemeente_code = ANY (p_gemeenten))').join(
      'c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))',
    );
    await q.query(smal.replaceAll('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await maakTriggerFunctiesV2(q);
    for (const t of ['publicatie_toewijzing_cel', 'publicatie_kwartaalcijfer_cel'])
      await q.query(`ALTER TABLE ${t} DROP COLUMN aangemaakt_tx`);
  }
}

/** The trigger bodies with the freeze; `product` decides which writes freeze (see PRODUCT_V1). */
export async function maakVastgesteldTriggers(q: QueryRunner, product: string): Promise<void> {
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
      ${gesloten_declare(product)}
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
              huishoudens_vrij = CASE WHEN ${vastgesteld('c')} THEN c.huishoudens_vrij
                ELSE public.tm_publicatie_vrij(c.huishoudens + excluded.huishoudens, c.trekking)::integer END,
              personen_vrij = CASE WHEN ${vastgesteld('c')} THEN c.personen_vrij
                ELSE public.tm_publicatie_vrij_personen(c.huishoudens + excluded.huishoudens, c.personen + excluded.personen, c.trekking) END;
        -- an emptied cell of a closed quarter stays: its released values are what others saw
        DELETE FROM public.publicatie_toewijzing_cel c WHERE c.huishoudens = 0 AND NOT ${vastgesteld('c')};
        RETURN NULL;
      END $$`);
  }

  for (const [event, sleutels] of [
    ['insert', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw`],
    ['delete', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
    ['update', `SELECT ${KWARTAALCIJFER_SLEUTEL} FROM nieuw UNION SELECT ${KWARTAALCIJFER_SLEUTEL} FROM oud`],
  ] as const) {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_publicatie_kwartaalcijfer_${event}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER ${SP} AS $$
      ${gesloten_declare(product)}
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
          SET waarde = excluded.waarde,
              -- public indicators follow the corrected value; protected ones are fixed once closed
              waarde_vrij = CASE WHEN ${vastgesteld('c')} AND EXISTS (
                                   SELECT 1 FROM public.publicatie_beschermde_indicator b2 WHERE b2.code = c.indicator_code)
                                 THEN c.waarde_vrij ELSE excluded.waarde_vrij END;
        DELETE FROM public.publicatie_kwartaalcijfer_cel c
        USING (SELECT DISTINCT * FROM (${sleutels}) s0) s
        WHERE (c.gemeente_code, c.organisatie_id, c.jaar, c.kwartaal, c.indicator_code)
              = (s.gemeente_code, s.organisatie_id, s.jaar, s.kwartaal, s.indicator_code)
          AND NOT ${vastgesteld('c')}
          AND NOT EXISTS (SELECT 1 FROM public.kwartaalcijfer k
                          WHERE k.actueel AND (k.gemeente_code, k.organisatie_id, k.jaar, k.kwartaal, k.indicator_code)
                                            = (c.gemeente_code, c.organisatie_id, c.jaar, c.kwartaal, c.indicator_code));
        RETURN NULL;
      END $$`);
  }
}
