import type { EntityManager } from 'typeorm';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { qb, sql, voerUit } from '../database/query';

/**
 * SQL for the woondeal. Reads the view of public-by-nature dwelling counts (no project identity,
 * scope-filtered: migrations 1764000000000 and 1767000000000) and the taakstellingen (RLS).
 */

export interface OpleveringRij {
  gemeente: string;
  projecten: number;
  sociale_huur: number;
  middenhuur: number;
  vrije_sector_huur: number;
  koop_betaalbaar: number;
  koop_vrij: number;
}

/** Per gemeente: homes delivered in [van, peildatum] per segment, and the projects that delivered any. */
export function leesOpleveringen(
  m: EntityManager,
  gemeenten: readonly string[],
  van: string,
  peildatum: string,
): Promise<OpleveringRij[]> {
  return voerUit(
    m,
    sql<OpleveringRij>`
      SELECT gemeente_code AS gemeente,
             count(*) FILTER (WHERE woningen_sociale_huur + woningen_middenhuur + woningen_vrije_sector_huur
                                    + woningen_koop_betaalbaar + woningen_koop_vrij > 0)::int AS projecten,
             coalesce(sum(woningen_sociale_huur), 0)::int AS sociale_huur,
             coalesce(sum(woningen_middenhuur), 0)::int AS middenhuur,
             coalesce(sum(woningen_vrije_sector_huur), 0)::int AS vrije_sector_huur,
             coalesce(sum(woningen_koop_betaalbaar), 0)::int AS koop_betaalbaar,
             coalesce(sum(woningen_koop_vrij), 0)::int AS koop_vrij
      FROM nieuwbouw_oplevering
      WHERE gemeente_code = ANY(${gemeenten}) AND fase = 'OPGELEVERD' AND opgeleverd_op BETWEEN ${van} AND ${peildatum}
      GROUP BY gemeente_code`,
  );
}

export interface PijplijnRij {
  fase: string;
  woningen: number;
  betaalbaar: number;
  socialeHuur: number;
}

/**
 * The pipeline on the peildatum by the phase dates (the SQL form of domain faseOpPeildatum):
 * projects not delivered on it, by the last phase date on or before it.
 */
export function leesPijplijn(
  m: EntityManager,
  gemeenten: readonly string[],
  peildatum: string,
): Promise<PijplijnRij[]> {
  return voerUit(
    m,
    sql<PijplijnRij>`
      SELECT CASE WHEN start_bouw_op <= ${peildatum} THEN 'IN_AANBOUW' WHEN vergund_op <= ${peildatum} THEN 'VERGUND' ELSE 'PLAN' END AS fase,
             coalesce(sum(woningen_sociale_huur + woningen_middenhuur + woningen_vrije_sector_huur + woningen_koop_betaalbaar + woningen_koop_vrij), 0)::int AS woningen,
             coalesce(sum(woningen_sociale_huur + woningen_middenhuur + woningen_koop_betaalbaar), 0)::int AS betaalbaar,
             coalesce(sum(woningen_sociale_huur), 0)::int AS "socialeHuur"
      FROM nieuwbouw_oplevering
      WHERE gemeente_code = ANY(${gemeenten}) AND (opgeleverd_op IS NULL OR opgeleverd_op > ${peildatum})
      GROUP BY 1`,
  );
}

export interface RegioTaakstellingRij {
  code: string;
  indicator: string;
  van: string;
  tot: string;
  waarde: number;
  gesteld_door: OrganisatieSoort;
}

/** Actuele taakstellingen of these woningmarktregio's for these indicators that overlap [van, tot]. */
export async function leesRegioTaakstellingen(
  m: EntityManager,
  regios: readonly string[],
  indicatoren: readonly string[],
  van: string,
  tot: string,
): Promise<RegioTaakstellingRij[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('taakstelling as t')
      .innerJoin('organisatie as o', 'o.id', 't.gesteld_door_id')
      .select([
        't.gebied_code as code',
        't.indicator_code as indicator',
        sql<string>`to_char(t.periode_van, 'YYYY-MM-DD')`.as('van'),
        sql<string>`to_char(t.periode_tot, 'YYYY-MM-DD')`.as('tot'),
        sql<number>`t.waarde::float8`.as('waarde'),
        'o.soort as gesteld_door',
      ])
      .where('t.actueel', '=', true)
      .where('t.gebied_soort', '=', 'WONINGMARKTREGIO')
      .where((eb) => eb('t.gebied_code', '=', eb.fn.any(eb.val(regios))))
      .where((eb) => eb('t.indicator_code', '=', eb.fn.any(eb.val(indicatoren))))
      .where('t.periode_van', '<=', tot)
      .where('t.periode_tot', '>=', van),
  )) as RegioTaakstellingRij[];
}
