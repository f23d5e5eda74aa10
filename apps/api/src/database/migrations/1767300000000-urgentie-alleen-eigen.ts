import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Toewijzingen per urgentie category: only the principal's own cells (review of session 5,
 * docs/decisions.md "Review of session 5").
 *
 * 1766900000000 released other organisations' category counts as base cells of their own
 * (gemeente, corporatie, quarter, category), rounded with the keyed 0-or-5 rule independently of
 * the released toewijzing cells (gemeente, corporatie, quarter, aandachtsgroep, via urgentie).
 * Both partition the same urgent households, so differencing undid the rounding: a via-urgentie
 * cell of 9 (released as is) minus a category of 7 (released as is) gave the 2 households leaving
 * detentie exactly (apps/api/test/urgentie-aanval.spec.ts). It also read the rows at request time,
 * so the released figures of a closed quarter were not fixed (a correction changed them).
 *
 * Until categories are a dimension of the published base cells themselves (so that every released
 * figure is again one sum of released cells, and fixed at closing), nobody gets another
 * organisation's category counts: owned cells only, exact (a corporatie its own toewijzingen, a
 * gemeente everything in its own gemeente). The grid check for requests that are not a gemeente's
 * own stays, so what is refused does not change.
 */
const SP = 'SET search_path = pg_catalog, public, pg_temp';

export class UrgentieAlleenEigen1767300000000 implements MigrationInterface {
  name = 'UrgentieAlleenEigen1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tm_urgentie_toewijzingen(p_gemeenten text[], p_van date, p_tot date)
      RETURNS TABLE (urgentie_categorie text, eigen boolean, huishoudens bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER ${SP} AS $f$
      #variable_conflict use_column
      DECLARE
        v_org uuid := public.tm_organisatie();
        v_gem text := public.tm_publicatie_eigen_gemeente();
        v_eigen_vraag boolean := v_gem IS NOT NULL AND p_gemeenten <@ ARRAY[v_gem];
      BEGIN
        IF v_org IS NULL OR p_gemeenten IS NULL THEN RETURN; END IF;
        IF NOT v_eigen_vraag THEN
          PERFORM public.tm_publicatie_controleer_periode(p_van, p_tot);
        END IF;
        RETURN QUERY
          SELECT t.urgentie_categorie, true, count(*)::bigint
          FROM public.toewijzing t
          WHERE t.urgentie_categorie IS NOT NULL AND t.gemeente_code = ANY (p_gemeenten)
            AND t.datum BETWEEN p_van AND p_tot
            AND (t.corporatie_id = v_org OR coalesce(t.gemeente_code = v_gem, false))
          GROUP BY 1;
      END $f$`);
  }

  async down(): Promise<void> {
    // the released cells of 1766900000000 could be undone by differencing: not restored
  }
}
