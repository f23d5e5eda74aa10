import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speed of the publication read functions (issue 9, "Speed under load"; docs/decisions.md "Load
 * benchmark"). tm_publicatie_toewijzingen and tm_publicatie_kwartaalcijfers tested every base cell
 * with tm_gemeente_in_scope(gemeente_code), which reads the setting tm.gemeenten and splits it
 * into an array again for EVERY cell: for a provincie year (~2,500 cells) that was ~35 of the
 * ~40 ms of the function (EXPLAIN ANALYZE on the national seed). The principal's scope is now read
 * once per call into v_alle / v_scope, and the cell test is `v_alle OR gemeente_code = ANY
 * (v_scope)`: the same predicate as tm_gemeente_in_scope (an unset or empty setting matches
 * nothing, '*' matches every gemeente). Everything else is the body of 1764100000003 unchanged
 * (same signatures, so CREATE OR REPLACE keeps the grants). tm_publicatie_statushouders is left
 * as 1765300000000 made it.
 */
const SP = 'SET search_path = pg_catalog, public';
const PER_CEL = 'public.tm_gemeente_in_scope(c.gemeente_code)';
const EENMAAL = '(v_alle OR c.gemeente_code = ANY (v_scope))';
const SCOPE_DECLARE = `
    v_alle boolean := coalesce(current_setting('tm.gemeenten', true), '') = '*';
    v_scope text[] := coalesce(string_to_array(nullif(current_setting('tm.gemeenten', true), ''), ','), '{}');`;

function functies(scope: string, declare: string): string {
  return `
  CREATE OR REPLACE FUNCTION tm_publicatie_toewijzingen(p_gemeenten text[], p_van date, p_tot date, p_alleen_eigen boolean DEFAULT false)
  RETURNS TABLE (gemeente_code text, aandachtsgroep text, via_urgentie boolean, eigen boolean, huishoudens bigint, personen bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();${declare}
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
        WHERE c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM p_van)::smallint, extract(quarter FROM p_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM p_tot)::smallint, extract(quarter FROM p_tot)::smallint)
          AND (e.eigen OR (NOT p_alleen_eigen AND ${scope}))
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

  CREATE OR REPLACE FUNCTION tm_publicatie_kwartaalcijfers(p_gemeenten text[], p_van date, p_tot date, p_indicatoren text[],
                                                           p_stand boolean DEFAULT false, p_alleen_eigen boolean DEFAULT false)
  RETURNS TABLE (gemeente_code text, indicator_code text, eigen boolean, waarde numeric, organisaties integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
  #variable_conflict use_column
  DECLARE
    v_org uuid := public.tm_organisatie();
    v_gem text := public.tm_publicatie_eigen_gemeente();${declare}
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
        WHERE c.indicator_code = ANY (p_indicatoren) AND c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))
          AND (c.jaar, c.kwartaal) >= (extract(year FROM v_van)::smallint, extract(quarter FROM v_van)::smallint)
          AND (c.jaar, c.kwartaal) <= (extract(year FROM v_tot)::smallint, extract(quarter FROM v_tot)::smallint)
          AND (e.eigen OR (NOT p_alleen_eigen AND ${scope}))
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
  END $f$;`;
}

export class PublicatieScopeEenmaal1765400000000 implements MigrationInterface {
  name = 'PublicatieScopeEenmaal1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(functies(EENMAAL, SCOPE_DECLARE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(functies(PER_CEL, ''));
  }
}
