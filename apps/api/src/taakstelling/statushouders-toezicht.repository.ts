import type { EntityManager } from 'typeorm';
import type { StatushoudersBeleid } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { InterventieOordeel, InterventieTrede } from './statushouders-toezicht.types';

/**
 * SQL of the provincie's supervision of the statushouders taakstelling (COA's realisation, the
 * interventieladder) and of the national policy by date. Runs in a ScopedDb transaction.
 */

export async function beginCoaImport(
  m: EntityManager,
  i: { organisatieId: string; gebruiker: string; bestandsnaam: string; maanden: string[]; rijen: number },
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('coa_import')
      .values({
        organisatie_id: i.organisatieId,
        gebruiker: i.gebruiker,
        bestandsnaam: i.bestandsnaam,
        maanden: sql<string[]>`${i.maanden}::date[]`,
        rijen: i.rijen,
      })
      .returning('id'),
  );
  return rij!.id;
}

/** Deletes every gemeente's figures of these months (a re-import replaces them); how many went. */
export function verwijderCoaMaanden(m: EntityManager, maanden: string[]): Promise<number> {
  return voerUitAantal(
    m,
    qb.deleteFrom('coa_realisatie').where('maand', '=', sql<string>`ANY(${maanden}::date[])`),
  );
}

export async function voegCoaRealisatieToe(
  m: EntityManager,
  importId: string,
  rijen: readonly { gemeenteCode: string; maand: string; personen: number }[],
): Promise<void> {
  await voerUit(
    m,
    sql`INSERT INTO coa_realisatie (gemeente_code, maand, personen, import_id)
        SELECT *, ${importId}::uuid
        FROM unnest(${rijen.map((r) => r.gemeenteCode)}::text[], ${rijen.map((r) => r.maand)}::date[],
                    ${rijen.map((r) => r.personen)}::int[])`,
  );
}

export interface InterventieRij {
  id: string;
  gemeente_code: string;
  halfjaar: string;
  trede: InterventieTrede;
  oordeel: InterventieOordeel;
  termijn: string | null;
  toelichting: string | null;
  gesteld_door: string;
  aangemaakt_op: Date;
}

function interventies() {
  return qb
    .selectFrom('statushouders_interventie as i')
    .innerJoin('organisatie as o', 'o.id', 'i.gesteld_door_id')
    .select([
      'i.id',
      'i.gemeente_code',
      'i.halfjaar',
      'i.trede',
      'i.oordeel',
      sql<string | null>`to_char(i.termijn, 'YYYY-MM-DD')`.as('termijn'),
      'i.toelichting',
      'o.naam as gesteld_door',
      'i.aangemaakt_op',
    ])
    .$castTo<InterventieRij>();
}

export async function voegInterventieToe(
  m: EntityManager,
  i: {
    gemeenteCode: string;
    halfjaar: string;
    trede: string;
    oordeel: string;
    termijn: string | null;
    toelichting: string | null;
    gesteldDoorId: string;
    gebruiker: string;
  },
): Promise<InterventieRij> {
  const nieuw = await voerUitEerste(
    m,
    qb
      .insertInto('statushouders_interventie')
      .values({
        gemeente_code: i.gemeenteCode,
        halfjaar: i.halfjaar,
        trede: i.trede,
        oordeel: i.oordeel,
        termijn: i.termijn,
        toelichting: i.toelichting,
        gesteld_door_id: i.gesteldDoorId,
        gebruiker: i.gebruiker,
      })
      .returning('id'),
  );
  return (await voerUitEerste(m, interventies().where('i.id', '=', nieuw!.id)))!;
}

/** Per gemeente every step, newest first, or (`alleenLaatste`) only its latest step. */
export function interventieRijen(
  m: EntityManager,
  gemeenten: readonly string[],
  alleenLaatste: boolean,
): Promise<InterventieRij[]> {
  const q = interventies().where('i.gemeente_code', '=', sql<string>`ANY(${[...gemeenten]})`);
  return voerUit(
    m,
    alleenLaatste
      ? q
          .distinctOn('i.gemeente_code')
          .orderBy('i.gemeente_code')
          .orderBy('i.aangemaakt_op', 'desc')
          .orderBy('i.id')
      : q.orderBy('i.aangemaakt_op', 'desc').orderBy('i.id'),
  );
}

/** The national policy by date, oldest first. */
export function beleidRijen(m: EntityManager): Promise<StatushoudersBeleid[]> {
  return voerUit(
    m,
    qb
      .selectFrom('statushouders_beleid')
      .select([
        sql<string>`to_char(geldig_van, 'YYYY-MM-DD')`.as('geldigVan'),
        'taakstelling',
        'voorrang',
        'toelichting',
        'bron',
      ])
      .orderBy('geldig_van')
      .$castTo<StatushoudersBeleid>(),
  );
}

/** Locks every policy row: one change at a time. */
export async function vergrendelBeleid(m: EntityManager): Promise<void> {
  await voerUit(
    m,
    qb
      .selectFrom('statushouders_beleid')
      .select(sql<number>`1`.as('een'))
      .forUpdate(),
  );
}

/** The policy from a date; a row on the same date is corrected. */
export async function bewaarBeleid(m: EntityManager, rij: StatushoudersBeleid, door: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .insertInto('statushouders_beleid')
      .values({
        geldig_van: rij.geldigVan,
        taakstelling: rij.taakstelling,
        voorrang: rij.voorrang,
        toelichting: rij.toelichting,
        bron: rij.bron,
        gesteld_door: door,
      })
      .onConflict((oc) =>
        oc.column('geldig_van').doUpdateSet((eb) => ({
          taakstelling: eb.ref('excluded.taakstelling'),
          voorrang: eb.ref('excluded.voorrang'),
          toelichting: eb.ref('excluded.toelichting'),
          bron: eb.ref('excluded.bron'),
          gesteld_door: eb.ref('excluded.gesteld_door'),
          gewijzigd_op: sql<Date>`clock_timestamp()`,
        })),
      ),
  );
}
