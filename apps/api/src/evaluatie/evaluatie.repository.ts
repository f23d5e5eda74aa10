import type { EntityManager } from 'typeorm';
import type {
  EvaluatieOordeel,
  EvaluatieStatus,
  GeschilOnderwerp,
  GeschilStatus,
} from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';

/**
 * SQL for the yearly evaluation and the geschillen of a prestatieafspraak. Runs in a ScopedDb
 * transaction: RLS lets only parties read and write them.
 */
export interface EvaluatieRij {
  id: string;
  status: EvaluatieStatus;
  versie: number;
  vastgesteldDatum: string | null;
  vastgesteldDoorId: string | null;
}

export interface EvaluatieRegelRij {
  afspraakId: string;
  oordeel: EvaluatieOordeel | null;
  toelichting: string | null;
}

export function leesEvaluatie(
  m: EntityManager,
  paId: string,
  jaar: number,
): Promise<EvaluatieRij | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('evaluatie')
      .select([
        'id',
        'status',
        'versie',
        sql<string | null>`(vastgesteld_op AT TIME ZONE 'Europe/Amsterdam')::date::text`.as(
          'vastgesteldDatum',
        ),
        'vastgesteld_door_id as vastgesteldDoorId',
      ])
      .where('prestatieafspraak_id', '=', paId)
      .where('jaar', '=', jaar)
      .$narrowType<{ status: EvaluatieStatus }>(),
  );
}

/** Locks the evaluatie for the rest of the transaction (RLS lets parties lock only a concept). */
export async function vergrendelEvaluatie(m: EntityManager, id: string): Promise<void> {
  await voerUit(
    m,
    qb
      .selectFrom('evaluatie')
      .select(sql<number>`1`.as('x'))
      .where('id', '=', id)
      .forUpdate(),
  );
}

export function leesEvaluatieRegels(m: EntityManager, evaluatieId: string): Promise<EvaluatieRegelRij[]> {
  return voerUit(
    m,
    qb
      .selectFrom('evaluatie_regel')
      .select(['afspraak_id as afspraakId', 'oordeel', 'toelichting'])
      .where('evaluatie_id', '=', evaluatieId)
      .$narrowType<{ oordeel: EvaluatieOordeel | null }>(),
  );
}

/** The first save; a second party saving the first version at the same moment breaks the unique key. */
export async function voegEvaluatieToe(m: EntityManager, paId: string, jaar: number): Promise<string> {
  const [rij] = await voerUit(
    m,
    qb.insertInto('evaluatie').values({ prestatieafspraak_id: paId, jaar }).returning('id'),
  );
  return rij.id;
}

export async function verhoogEvaluatieVersie(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('evaluatie')
      .set({ versie: sql`versie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id),
  );
}

/** A line given replaces the stored line of that afspraak. */
export async function schrijfEvaluatieRegel(
  m: EntityManager,
  r: {
    evaluatieId: string;
    afspraakId: string;
    oordeel: string | null;
    toelichting: string | null;
    door: string;
  },
): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .insertInto('evaluatie_regel')
      .values({
        evaluatie_id: r.evaluatieId,
        afspraak_id: r.afspraakId,
        oordeel: r.oordeel,
        toelichting: r.toelichting,
        bijgewerkt_door_id: r.door,
      })
      .onConflict((oc) =>
        oc.columns(['evaluatie_id', 'afspraak_id']).doUpdateSet((eb) => ({
          oordeel: eb.ref('excluded.oordeel'),
          toelichting: eb.ref('excluded.toelichting'),
          bijgewerkt_door_id: eb.ref('excluded.bijgewerkt_door_id'),
        })),
      ),
  );
}

export async function stelEvaluatieVast(m: EntityManager, id: string, door: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('evaluatie')
      .set({
        status: 'VASTGESTELD',
        vastgesteld_op: sql`now()`,
        vastgesteld_door_id: door,
        versie: sql`versie + 1`,
        gewijzigd_op: sql`now()`,
      })
      .where('id', '=', id),
  );
}

export interface GeschilRij {
  id: string;
  prestatieafspraakId: string;
  onderwerp: GeschilOnderwerp;
  omschrijving: string;
  ingediendOp: string;
  ingediendDoorId: string;
  status: GeschilStatus;
  uitkomst: string | null;
  versie: number;
}

const GESCHIL_KOLOMMEN = [
  'id',
  'prestatieafspraak_id as prestatieafspraakId',
  'onderwerp',
  'omschrijving',
  sql<string>`ingediend_op::text`.as('ingediendOp'),
  'ingediend_door_id as ingediendDoorId',
  'status',
  'uitkomst',
  'versie',
] as const;

type GeschilSoorten = { onderwerp: GeschilOnderwerp; status: GeschilStatus };

export function leesGeschillen(m: EntityManager, paId: string): Promise<GeschilRij[]> {
  return voerUit(
    m,
    qb
      .selectFrom('geschil')
      .select(GESCHIL_KOLOMMEN)
      .where('prestatieafspraak_id', '=', paId)
      .orderBy('ingediend_op')
      .orderBy('aangemaakt_op')
      .$narrowType<GeschilSoorten>(),
  );
}

/** One geschil; `voorUpdate` locks it (RLS lets parties lock only an open one). */
export function leesGeschil(
  m: EntityManager,
  id: string,
  voorUpdate = false,
): Promise<GeschilRij | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('geschil')
      .select(GESCHIL_KOLOMMEN)
      .where('id', '=', id)
      .$if(voorUpdate, (q) => q.forUpdate())
      .$narrowType<GeschilSoorten>(),
  );
}

export async function voegGeschilToe(
  m: EntityManager,
  g: { paId: string; onderwerp: string; omschrijving: string; ingediendOp: string; door: string },
): Promise<GeschilRij> {
  const [rij] = await voerUit(
    m,
    qb
      .insertInto('geschil')
      .values({
        prestatieafspraak_id: g.paId,
        onderwerp: g.onderwerp,
        omschrijving: g.omschrijving,
        ingediend_op: g.ingediendOp,
        ingediend_door_id: g.door,
      })
      .returning(GESCHIL_KOLOMMEN)
      .$narrowType<GeschilSoorten>(),
  );
  return rij;
}

export async function werkGeschilBij(
  m: EntityManager,
  id: string,
  status: GeschilStatus,
  uitkomst: string | null,
): Promise<GeschilRij> {
  const [rij] = await voerUit(
    m,
    qb
      .updateTable('geschil')
      .set({
        status,
        uitkomst: sql`coalesce(${uitkomst}, uitkomst)`,
        versie: sql`versie + 1`,
        gewijzigd_op: sql`now()`,
      })
      .where('id', '=', id)
      .returning(GESCHIL_KOLOMMEN)
      .$narrowType<GeschilSoorten>(),
  );
  return rij;
}
