import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * tm_publicatie_statushouders tested every base cell with tm_gemeente_in_scope(gemeente_code),
 * which reads and splits the setting tm.gemeenten again per cell (~15–30 ms for the country on
 * the national seed). As 1765400000000 did for the toewijzingen and kwartaalcijfers functions:
 * the scope is read once per call, the cell test is `v_alle OR gemeente_code = ANY (v_scope)`
 * (the same predicate: unset or empty matches nothing, '*' every gemeente). Otherwise the body of
 * 1765300000000 (own cells exact, others' released persons), same signature and grants.
 */
const SP = 'SET search_path = pg_catalog, public';

const functie = (scope: string, declare: string) => `
  CREATE OR REPLACE FUNCTION tm_publicatie_statushouders(p_gemeenten text[], p_van date, p_tot date)
  RETURNS TABLE (gemeente_code text, personen bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();${declare}
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
          AND ${scope}
        GROUP BY 1;
    ELSE
      RETURN QUERY
        SELECT t.gemeente_code, sum(t.huishoudgrootte)::bigint
        FROM public.toewijzing t
        WHERE t.aandachtsgroep = 'STATUSHOUDERS' AND t.datum BETWEEN p_van AND p_tot AND t.gemeente_code = v_gem
        GROUP BY 1;
    END IF;
  END $f$`;

export class StatushoudersScopeEenmaal1765300000002 implements MigrationInterface {
  name = 'StatushoudersScopeEenmaal1765300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      functie(
        '(v_alle OR c.gemeente_code = ANY (v_scope))',
        `
    v_alle boolean := coalesce(current_setting('tm.gemeenten', true), '') = '*';
    v_scope text[] := coalesce(string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ','), '{}');`,
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(functie('public.tm_gemeente_in_scope(c.gemeente_code)', ''));
  }
}
