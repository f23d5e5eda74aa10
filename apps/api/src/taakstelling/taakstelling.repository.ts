import type { EntityManager } from 'typeorm';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { Taakstelling } from './taakstelling.types';

/**
 * SQL for taakstellingen and for the figures the statushouders taakstelling is checked against.
 * Runs in a ScopedDb transaction (or a report's snapshot): row-level security holds.
 */

export interface TaakstellingRij {
  id: string;
  indicator_code: string;
  gebied_soort: Taakstelling['gebied']['soort'];
  gebied_code: string;
  periode_van: string;
  periode_tot: string;
  waarde: string;
  toelichting: string | null;
  actueel: boolean;
  vervangt_id: string | null;
  aangemaakt_op: Date;
  org_id: string;
  org_code: string;
  org_naam: string;
  org_soort: string;
}

function metSteller() {
  return qb
    .selectFrom('taakstelling as t')
    .innerJoin('organisatie as o', 'o.id', 't.gesteld_door_id')
    .select([
      't.id',
      't.indicator_code',
      't.gebied_soort',
      't.gebied_code',
      sql<string>`to_char(t.periode_van, 'YYYY-MM-DD')`.as('periode_van'),
      sql<string>`to_char(t.periode_tot, 'YYYY-MM-DD')`.as('periode_tot'),
      't.waarde',
      't.toelichting',
      't.actueel',
      't.vervangt_id',
      't.aangemaakt_op',
      'o.id as org_id',
      'o.code as org_code',
      'o.naam as org_naam',
      'o.soort as org_soort',
    ])
    .$castTo<TaakstellingRij>();
}

/** One target: indicator, area, period and the organisation that sets it. */
export interface TaakstellingSleutel {
  indicatorCode: string;
  gebiedSoort: string;
  gebiedCode: string;
  van: string;
  tot: string;
  gesteldDoorId: string;
}

/** The current row of this key, locked (a change replaces it). */
export function vorigeTaakstelling(
  m: EntityManager,
  k: TaakstellingSleutel,
): Promise<{ id: string; waarde: string; toelichting: string | null } | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('taakstelling')
      .select(['id', 'waarde', 'toelichting'])
      .where('actueel', '=', true)
      .where('indicator_code', '=', k.indicatorCode)
      .where('gebied_soort', '=', k.gebiedSoort)
      .where('gebied_code', '=', k.gebiedCode)
      .where('periode_van', '=', k.van)
      .where('periode_tot', '=', k.tot)
      .where('gesteld_door_id', '=', k.gesteldDoorId)
      .forUpdate(),
  );
}

export async function nietMeerActueel(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(m, qb.updateTable('taakstelling').set({ actueel: false }).where('id', '=', id));
}

export async function voegTaakstellingToe(
  m: EntityManager,
  k: TaakstellingSleutel,
  w: { waarde: number; toelichting: string | null; vervangtId: string | null },
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('taakstelling')
      .values({
        indicator_code: k.indicatorCode,
        gebied_soort: k.gebiedSoort,
        gebied_code: k.gebiedCode,
        periode_van: k.van,
        periode_tot: k.tot,
        waarde: w.waarde,
        gesteld_door_id: k.gesteldDoorId,
        toelichting: w.toelichting,
        vervangt_id: w.vervangtId,
      })
      .returning('id'),
  );
  return rij!.id;
}

export async function taakstellingMetId(m: EntityManager, id: string): Promise<TaakstellingRij> {
  return (await voerUitEerste(m, metSteller().where('t.id', '=', id)))!;
}

/** Targets of one area, newest period first; `indicatorCode` null: every indicator. */
export function taakstellingen(
  m: EntityManager,
  gebied: { soort: string; code: string },
  indicatorCode: string | null,
  metGeschiedenis: boolean,
): Promise<TaakstellingRij[]> {
  return voerUit(
    m,
    metSteller()
      .where('t.gebied_soort', '=', gebied.soort)
      .where('t.gebied_code', '=', gebied.code)
      .$if(indicatorCode !== null, (q) => q.where('t.indicator_code', '=', indicatorCode!))
      .$if(!metGeschiedenis, (q) => q.where('t.actueel', '=', true))
      .orderBy('t.periode_van', 'desc')
      .orderBy('t.indicator_code')
      .orderBy('t.aangemaakt_op', 'desc'),
  );
}

/** Current statushouders targets of these gemeenten that end on or before `totEinde`. */
export function statushoudersRegels(
  m: EntityManager,
  indicatorCode: string,
  gemeenten: readonly string[],
  totEinde: string,
): Promise<{ gemeente: string; van: string; tot: string; waarde: string; soort: OrganisatieSoort }[]> {
  return voerUit(
    m,
    qb
      .selectFrom('taakstelling as t')
      .innerJoin('organisatie as o', 'o.id', 't.gesteld_door_id')
      .select([
        't.gebied_code as gemeente',
        sql<string>`to_char(t.periode_van, 'YYYY-MM-DD')`.as('van'),
        sql<string>`to_char(t.periode_tot, 'YYYY-MM-DD')`.as('tot'),
        't.waarde',
        sql<OrganisatieSoort>`o.soort`.as('soort'),
      ])
      .where('t.actueel', '=', true)
      .where('t.indicator_code', '=', indicatorCode)
      .where('t.gebied_soort', '=', 'GEMEENTE')
      .where('t.gebied_code', '=', sql<string>`ANY(${[...gemeenten]})`)
      .where('t.periode_tot', '<=', totEinde),
  );
}

/** `hj`: jaar * 2 + (0 for H1, 1 for H2), as halfjaarVolgnummer in the domain. */
export interface PersonenPerHalfjaar {
  gemeente: string;
  hj: number;
  personen: number;
}

/** Persons housed as statushouders per gemeente per half year, from the gemeente's own rows (exact). */
export function statushoudersGehuisvest(
  m: EntityManager,
  gemeenten: readonly string[],
  van: string,
  tot: string,
): Promise<PersonenPerHalfjaar[]> {
  return voerUit(
    m,
    sql<PersonenPerHalfjaar>`SELECT gemeente_code AS gemeente,
         (extract(year FROM datum)::int * 2 + CASE WHEN extract(month FROM datum) > 6 THEN 1 ELSE 0 END) AS hj,
         sum(huishoudgrootte)::int AS personen
       FROM toewijzing
       WHERE aandachtsgroep = 'STATUSHOUDERS' AND gemeente_code = ANY(${[...gemeenten]}) AND datum BETWEEN ${van} AND ${tot}
       GROUP BY 1, 2`,
  );
}

/** COA's realisation per gemeente per half year, with the last month it reported ('2026-05'). */
export function coaPerHalfjaar(
  m: EntityManager,
  gemeenten: readonly string[],
  van: string,
  tot: string,
): Promise<(PersonenPerHalfjaar & { laatste: string })[]> {
  return voerUit(
    m,
    sql<PersonenPerHalfjaar & { laatste: string }>`SELECT gemeente_code AS gemeente,
         (extract(year FROM maand)::int * 2 + CASE WHEN extract(month FROM maand) > 6 THEN 1 ELSE 0 END) AS hj,
         sum(personen)::int AS personen, to_char(max(maand), 'YYYY-MM') AS laatste
       FROM coa_realisatie
       WHERE gemeente_code = ANY(${[...gemeenten]}) AND maand BETWEEN ${van} AND ${tot}
       GROUP BY 1, 2`,
  );
}
