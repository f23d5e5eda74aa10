import type { MigrationInterface, QueryRunner } from 'typeorm';
import { maakVastgesteldTriggers, PRODUCT_V1 } from './1765300000000-publicatie-vastgesteld';

/**
 * Two findings of the review of 1765300000000 (docs/decisions.md "Publicatie: released figures of
 * a closed quarter are fixed"):
 *
 * 1. Every write without a principal (a migration, a psql repair, a backfill) re-released closed
 *    cells by default: moving 2 households from cell B (released 0) into cell A (released 7) would
 *    show A as 9, and the before/after difference gives B away. Now every write freezes closed
 *    cells, unless it has no principal AND sets `tm.herpubliceren = on` in its own session or
 *    transaction: re-publication is an explicit operator decision (docs/deployment.md). The app
 *    role cannot use it: its writes always carry a principal (its row policies demand one).
 *    Test databases set it as a database default, so fixtures written as the schema owner in
 *    several statements release as the data they end up with (test/support/test-database.ts).
 *
 * 2. tm_publicatie_statushouders returned a row with 0 persons for a gemeente whose statushouders
 *    cells were all released as 0; its presence says that small cells exist. Like
 *    tm_publicatie_toewijzingen, a group is returned only when owned or its released sum is > 0.
 */
const SP = 'SET search_path = pg_catalog, public';
export const PRODUCT_V2 = `NOT (public.tm_organisatie() IS NULL AND coalesce(current_setting('tm.herpubliceren', true), '') = 'on')`;

const statushouders = (having: string) => `
  CREATE OR REPLACE FUNCTION tm_publicatie_statushouders(p_gemeenten text[], p_van date, p_tot date)
  RETURNS TABLE (gemeente_code text, personen bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();
    v_alle boolean := coalesce(current_setting('tm.gemeenten', true), '') = '*';
    v_scope text[] := coalesce(string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ','), '{}');
  BEGIN
    IF v_org IS NULL THEN RETURN; END IF;
    IF NOT (v_gem IS NOT NULL AND p_gemeenten IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem]) THEN
      PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
    END IF;
    IF public.tm_publicatie_op_raster(p_van, p_tot) THEN
      RETURN QUERY
        SELECT c.gemeente_code,
               sum(CASE WHEN e.eigen THEN c.personen ELSE c.personen_vrij END)::bigint
        FROM public.publicatie_toewijzing_cel c
        CROSS JOIN LATERAL (SELECT (c.corporatie_id = v_org OR coalesce(c.gemeente_code = v_gem, false)) AS eigen) e
        WHERE c.aandachtsgroep = 'STATUSHOUDERS'
          AND c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM p_van)::smallint, extract(quarter FROM p_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM p_tot)::smallint, extract(quarter FROM p_tot)::smallint)
          AND (v_alle OR c.gemeente_code = ANY (v_scope))
        GROUP BY 1${having};
    ELSE
      RETURN QUERY
        SELECT t.gemeente_code, sum(t.huishoudgrootte)::bigint
        FROM public.toewijzing t
        WHERE t.aandachtsgroep = 'STATUSHOUDERS' AND t.datum BETWEEN p_van AND p_tot AND t.gemeente_code = v_gem
        GROUP BY 1;
    END IF;
  END $f$`;

export class PublicatieHerpubliceren1765300000003 implements MigrationInterface {
  name = 'PublicatieHerpubliceren1765300000003';

  async up(q: QueryRunner): Promise<void> {
    await maakVastgesteldTriggers(q, PRODUCT_V2);
    // a group released as 0 everywhere is left out like a real 0
    await q.query(statushouders('\n        HAVING bool_or(e.eigen) OR sum(c.personen_vrij) > 0'));
  }

  async down(q: QueryRunner): Promise<void> {
    await maakVastgesteldTriggers(q, PRODUCT_V1);
    await q.query(statushouders(''));
  }
}
