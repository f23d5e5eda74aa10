import type { EntityManager } from 'typeorm';
import { LAND_CODE } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitEerste } from '../database/query';
import type { RapportageGebied } from './rapportage-gebied';
import type { Kwartaalrapportage } from './rapportage.types';
import type { RapportageAfspraakZicht } from './rapportage-inhoud';

/**
 * SQL of the kwartaalrapportages. Every function runs on the EntityManager of a ScopedDb
 * transaction (request, snapshot, job or publiek): RLS decides what exists for the caller.
 */

/** A stored report as the reading side needs it: the GraphQL shape plus what leesbareVarianten decides on. */
export type RapportageRij = Omit<Kwartaalrapportage, 'bestanden'> & {
  gemeenten: string[];
  afsprakenZicht: RapportageAfspraakZicht[] | null;
  aantalAfspraken: number;
  bestanden: { formaat: string; variant: string; grootte: number }[];
};

/** What lijst() may filter on; `scope` null = every gemeente (national scope). */
export interface RapportageSelectie {
  scope: readonly string[] | null;
  gebiedSoort?: string;
  gebiedCode?: string;
  actielijn?: string;
  jaar?: number;
  kwartaal?: number;
  alleenNieuwste?: boolean;
}

function rapportages() {
  return qb.selectFrom('kwartaalrapportage as r').select([
    'r.id',
    'r.gebied_soort as gebiedSoort',
    'r.gebied_code as gebiedCode',
    'r.gebied_naam as gebiedNaam',
    sql<string>`r.jaar || '-Q' || r.kwartaal`.as('kwartaal'),
    'r.actielijn',
    'r.versie',
    'r.peilmoment',
    'r.aangevraagd_door as aangevraagdDoor',
    'r.gemaakt_op as gemaaktOp',
    'r.gemeenten',
    sql<RapportageAfspraakZicht[] | null>`r.snapshot->'gedeeld'->'afsprakenZicht'`.as('afsprakenZicht'),
    sql<number>`coalesce(jsonb_array_length(r.snapshot->'gedeeld'->'afspraken'), 0)`.as('aantalAfspraken'),
    sql<
      RapportageRij['bestanden']
    >`coalesce((SELECT json_agg(json_build_object('formaat', b.formaat, 'variant', b.variant, 'grootte', octet_length(b.inhoud))
                   ORDER BY b.formaat, b.variant) FROM kwartaalrapportage_bestand b WHERE b.rapportage_id = r.id), '[]')`.as(
      'bestanden',
    ),
  ]);
}

/** Reports matching the selection, newest quarter first, at most 500. */
export async function leesRapportages(m: EntityManager, s: RapportageSelectie): Promise<RapportageRij[]> {
  const q = rapportages()
    .$if(s.scope !== null, (q) => q.where(sql<boolean>`r.gemeenten <@ ${s.scope}::text[]`))
    .$if(!!s.gebiedSoort, (q) => q.where('r.gebied_soort', '=', s.gebiedSoort!))
    .$if(!!s.gebiedCode, (q) => q.where('r.gebied_code', '=', s.gebiedCode!))
    .$if(!!s.actielijn, (q) => q.where('r.actielijn', '=', s.actielijn!))
    .$if(s.jaar !== undefined, (q) => q.where('r.jaar', '=', s.jaar!))
    .$if(s.kwartaal !== undefined, (q) => q.where('r.kwartaal', '=', s.kwartaal!))
    .$if(!!s.alleenNieuwste, (q) =>
      q.where('r.versie', '=', (eb) =>
        eb
          .selectFrom('kwartaalrapportage as x')
          .select((x) => x.fn.max('x.versie').as('versie'))
          .whereRef('x.gebied_soort', '=', 'r.gebied_soort')
          .whereRef('x.gebied_code', '=', 'r.gebied_code')
          .whereRef('x.jaar', '=', 'r.jaar')
          .whereRef('x.kwartaal', '=', 'r.kwartaal')
          .whereRef('x.actielijn', '=', 'r.actielijn'),
      ),
    )
    .orderBy('r.jaar', 'desc')
    .orderBy('r.kwartaal', 'desc')
    .orderBy('r.gebied_soort')
    .orderBy('r.gebied_naam')
    .orderBy('r.actielijn')
    .orderBy('r.versie', 'desc')
    .limit(500);
  const rijen: RapportageRij[] = await voerUit(m, q);
  return rijen;
}

export async function leesRapportage(m: EntityManager, id: string): Promise<RapportageRij | undefined> {
  const rij: RapportageRij | undefined = await voerUitEerste(m, rapportages().where('r.id', '=', id));
  return rij;
}

/** The reports one job stored (its job key: BullMQ id + timestamp). */
export async function leesRapportagesVanJob(m: EntityManager, jobSleutel: string): Promise<RapportageRij[]> {
  const rijen: RapportageRij[] = await voerUit(
    m,
    rapportages().where('r.job_sleutel', '=', jobSleutel).orderBy('r.actielijn'),
  );
  return rijen;
}

export async function leesBestand(
  m: EntityManager,
  rapportageId: string,
  formaat: string,
  variant: string,
): Promise<{ mime: string; inhoud: Buffer } | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('kwartaalrapportage_bestand')
      .select(['mime', 'inhoud'])
      .where('rapportage_id', '=', rapportageId)
      .where('formaat', '=', formaat)
      .where('variant', '=', variant),
  );
}

/**
 * All areas that get a quarterly report, with their gemeenten, in one query. Woningmarktregio's
 * without imported membership are skipped (no gemeenten, nothing to report). With a provincie
 * filter only those provincies and their gemeenten (no regio's, no country: the HAVING keeps the
 * aggregate-without-GROUP-BY from producing an empty country row).
 */
export async function alleGebieden(
  m: EntityManager,
  opties: { provincies?: string[] } = {},
): Promise<RapportageGebied[]> {
  const filter = opties.provincies?.length ? opties.provincies : null;
  const alle = sql<boolean>`${filter}::text[] IS NULL`;
  return voerUit(
    m,
    sql<RapportageGebied>`SELECT 'GEMEENTE' AS soort, g.code, g.naam, ARRAY[g.code] AS gemeenten, g.provincie_code AS "provincieCode"
       FROM gemeente g WHERE (${alle} OR g.provincie_code = ANY(${filter}::text[]))
     UNION ALL
     SELECT 'PROVINCIE', p.code, p.naam, array_agg(g.code ORDER BY g.code), NULL
       FROM provincie p JOIN gemeente g ON g.provincie_code = p.code
      WHERE (${alle} OR p.code = ANY(${filter}::text[])) GROUP BY p.code, p.naam
     UNION ALL
     SELECT 'WONINGMARKTREGIO', r.code, r.naam, array_agg(g.code ORDER BY g.code), NULL
       FROM woningmarktregio r JOIN gemeente g ON g.woningmarktregio_code = r.code
      WHERE ${alle} GROUP BY r.code, r.naam
     UNION ALL
     SELECT 'LAND', ${sql.lit(LAND_CODE)}, 'Nederland', array_agg(code ORDER BY code), NULL FROM gemeente WHERE ${alle}
       HAVING count(*) > 0`,
  );
}

/** The gemeente's own organisation (the reader of its exact report variant), if it has one. */
export async function leesGemeenteOrganisatie(
  m: EntityManager,
  gemeenteCode: string,
): Promise<{ id: string; code: string; naam: string } | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('organisatie')
      .select(['id', 'code', 'naam'])
      .where('soort', '=', 'GEMEENTE')
      .where('gemeente_code', '=', gemeenteCode)
      .where('actief', '=', true)
      .orderBy('code')
      .limit(1),
  );
}

/** The transaction's moment (in a snapshot: the instant of its data cut-off). */
export async function leesNu(m: EntityManager): Promise<Date> {
  const [{ nu }] = await voerUit(m, sql<{ nu: Date }>`SELECT now() AS nu`);
  return nu;
}

/** The version the next report of this area, quarter and actielijn gets. */
export async function leesVolgendeVersie(
  m: EntityManager,
  s: { soort: string; code: string; jaar: number; kwartaal: number; actielijn: string },
): Promise<number> {
  const [{ volgende }] = await voerUit(
    m,
    qb
      .selectFrom('kwartaalrapportage')
      .select(sql<number>`coalesce(max(versie), 0) + 1`.as('volgende'))
      .where('gebied_soort', '=', s.soort)
      .where('gebied_code', '=', s.code)
      .where('jaar', '=', s.jaar)
      .where('kwartaal', '=', s.kwartaal)
      .where('actielijn', '=', s.actielijn),
  );
  return Number(volgende);
}

/** Serialises writers of one key until the transaction ends. */
export async function vergrendel(m: EntityManager, sleutel: string): Promise<void> {
  await voerUit(m, sql`SELECT pg_advisory_xact_lock(hashtext(${sleutel}))`);
}

/** Ids of the reports a job already stored (a retried job after its commit). */
export async function leesIdsVanJob(m: EntityManager, jobSleutel: string): Promise<string[]> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('kwartaalrapportage')
      .select('id')
      .where('job_sleutel', '=', jobSleutel)
      .orderBy('actielijn'),
  );
  return rijen.map((r) => r.id);
}

export interface NieuweRapportage {
  gebied: RapportageGebied;
  jaar: number;
  kwartaal: number;
  actielijn: string;
  versie: number;
  peilmoment: Date;
  aangevraagdDoor: string;
  aangevraagdDoorOrganisatieId: string | null;
  jobSleutel: string;
  /** the JSON text of the shared snapshot, as it is stored */
  snapshot: string;
}

export async function voegRapportageToe(m: EntityManager, r: NieuweRapportage): Promise<string> {
  const [{ id }] = await voerUit(
    m,
    qb
      .insertInto('kwartaalrapportage')
      .values({
        gebied_soort: r.gebied.soort,
        gebied_code: r.gebied.code,
        gebied_naam: r.gebied.naam,
        gemeenten: r.gebied.gemeenten,
        jaar: r.jaar,
        kwartaal: r.kwartaal,
        actielijn: r.actielijn,
        versie: r.versie,
        peilmoment: r.peilmoment,
        aangevraagd_door: r.aangevraagdDoor,
        aangevraagd_door_organisatie_id: r.aangevraagdDoorOrganisatieId,
        job_sleutel: r.jobSleutel,
        snapshot: r.snapshot,
      })
      .returning('id'),
  );
  return id;
}

/** The exact content: only in the table the owning gemeente alone can read (migration 1765100000000). */
export async function voegInternToe(m: EntityManager, rapportageId: string, snapshot: string): Promise<void> {
  await voerUit(
    m,
    qb.insertInto('kwartaalrapportage_intern').values({ rapportage_id: rapportageId, snapshot }),
  );
}

export async function voegBestandToe(
  m: EntityManager,
  b: { rapportageId: string; formaat: string; variant: string; mime: string; inhoud: Buffer; sha256: string },
): Promise<void> {
  await voerUit(
    m,
    qb.insertInto('kwartaalrapportage_bestand').values({
      rapportage_id: b.rapportageId,
      formaat: b.formaat,
      variant: b.variant,
      mime: b.mime,
      inhoud: b.inhoud,
      sha256: b.sha256,
    }),
  );
}
