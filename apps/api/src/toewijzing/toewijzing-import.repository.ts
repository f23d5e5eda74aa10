import type { EntityManager } from 'typeorm';
import type { ImportKoppeling as DomeinKoppeling } from '@thuismonitor/domain';
import { qb, sql, voerUitAantal, voerUitEerste } from '../database/query';
import type { KolomBatch } from './import-verwerking';

/**
 * SQL of the bulk import, its saved koppeling and the nightly retention. Runs in a ScopedDb
 * transaction (the retention in its job transaction).
 */

export async function begin(
  m: EntityManager,
  i: { corporatieId: string; bestandsnaam: string; rijen: number; gebruikerSub: string },
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('toewijzing_import')
      .values({
        corporatie_id: i.corporatieId,
        bestandsnaam: i.bestandsnaam,
        rijen: i.rijen,
        opgeslagen: 0,
        al_aanwezig: 0,
        gebruiker_sub: i.gebruikerSub,
      })
      .returning('id'),
  );
  return rij!.id;
}

/**
 * One batch in one INSERT … SELECT FROM unnest: each column arrives as a Postgres array literal
 * (KolomBatch), so no per-row work in this thread. Returns how many rows were new (a kenmerk the
 * corporatie already has is skipped: idempotent).
 */
export async function slaBatchOp(
  m: EntityManager,
  corporatieId: string,
  importId: string,
  b: KolomBatch,
): Promise<number> {
  const rij = await voerUitEerste(
    m,
    sql<{ n: number }>`WITH nieuw AS (
       INSERT INTO toewijzing (corporatie_id, import_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk, urgentie_categorie)
       SELECT ${corporatieId}::uuid, ${importId}::uuid, g, d, a, h, s, u, k, c
       FROM unnest(${b.gemeente}::text[], ${b.datum}::date[], ${b.aandachtsgroep}::text[], ${b.huishoudgrootte}::smallint[],
                   ${b.segment}::text[], ${b.viaUrgentie}::boolean[], ${b.kenmerkHash}::text[], ${b.urgentieCategorie}::text[])
            AS r(g, d, a, h, s, u, k, c)
       ON CONFLICT (corporatie_id, extern_kenmerk) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS n FROM nieuw`,
  );
  return rij!.n;
}

export async function sluitAf(
  m: EntityManager,
  importId: string,
  opgeslagen: number,
  alAanwezig: number,
): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('toewijzing_import')
      .set({ opgeslagen, al_aanwezig: alAanwezig })
      .where('id', '=', importId),
  );
}

/** How many of these kenmerk hashes (a Postgres array literal, KolomBatch) the corporatie already has. */
export async function telAanwezig(m: EntityManager, corporatieId: string, hashes: string): Promise<number> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('toewijzing')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('corporatie_id', '=', corporatieId)
      .where('extern_kenmerk', '=', sql<string>`ANY(${hashes}::text[])`),
  );
  return rij!.n;
}

/** Deletes the rows dated before `grens` through the one database function that may (migration 1764200000000). */
export async function pasBewaartermijnToe(m: EntityManager, grens: string): Promise<number> {
  const rij = await voerUitEerste(
    m,
    sql<{ n: number }>`SELECT tm_toewijzing_bewaartermijn(${grens}::date) AS n`,
  );
  return rij!.n;
}

export interface KoppelingRij {
  kolommen: DomeinKoppeling['kolommen'];
  waarden: DomeinKoppeling['waarden'];
  versie: number;
  gewijzigd_op: Date;
  gewijzigd_door: string;
}

/** The organisation's saved koppeling, locked for a change when `vergrendel`. */
export function leesKoppeling(
  m: EntityManager,
  organisatieId: string,
  vergrendel = false,
): Promise<KoppelingRij | undefined> {
  const q = qb
    .selectFrom('import_koppeling')
    .select(['kolommen', 'waarden', 'versie', 'gewijzigd_op', 'gewijzigd_door'])
    .where('organisatie_id', '=', organisatieId)
    .$castTo<KoppelingRij>();
  return voerUitEerste(m, vergrendel ? q.forUpdate() : q);
}

/** Insert or a new version (versie + 1). */
export async function bewaarKoppeling(
  m: EntityManager,
  organisatieId: string,
  k: Pick<DomeinKoppeling, 'kolommen' | 'waarden'>,
  door: string,
): Promise<KoppelingRij> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('import_koppeling')
      .values({
        organisatie_id: organisatieId,
        kolommen: sql`${JSON.stringify(k.kolommen)}::jsonb`,
        waarden: sql`${JSON.stringify(k.waarden)}::jsonb`,
        versie: 1,
        gewijzigd_door: door,
      })
      .onConflict((oc) =>
        oc.column('organisatie_id').doUpdateSet((eb) => ({
          kolommen: eb.ref('excluded.kolommen'),
          waarden: eb.ref('excluded.waarden'),
          versie: sql<number>`import_koppeling.versie + 1`,
          gewijzigd_op: sql<Date>`now()`,
          gewijzigd_door: eb.ref('excluded.gewijzigd_door'),
        })),
      )
      .returning(['kolommen', 'waarden', 'versie', 'gewijzigd_op', 'gewijzigd_door'])
      .$castTo<KoppelingRij>(),
  );
  return rij!;
}
