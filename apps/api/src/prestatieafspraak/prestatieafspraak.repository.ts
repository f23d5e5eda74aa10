import type { EntityManager } from 'typeorm';
import type { AfspraakSoort, MijlpaalStatus, PrestatieafspraakStatus } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';

/**
 * SQL for prestatieafspraken, their parties, afspraken, doelwaarden and signatures. Every function
 * takes the EntityManager of a ScopedDb transaction, so row-level security decides which rows
 * exist for the caller; nothing here filters by tenant. Reacties, mijlpalen and the audit trail
 * are in overleg.repository.ts.
 */
export interface PaRij {
  id: string;
  gemeenteCode: string;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  status: PrestatieafspraakStatus;
  isBod: boolean;
  bodId: string | null;
  opgesteldDoorId: string;
  versie: number;
  versienummer: number;
  vorigeVersieId: string | null;
  volgendeVersieId: string | null;
  ingediendOp: Date | null;
  vastgesteldOp: Date | null;
  beeindigdOp: Date | null;
  beeindigdReden: string | null;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
  /** Dutch calendar dates, for the cycle */
  ingediendDatum: string | null;
  vastgesteldDatum: string | null;
  partijIds: string[];
}

export interface DoelwaardeRij {
  jaar: number;
  waarde: number;
  peildatum: string;
}

export interface AfspraakRij {
  id: string;
  prestatieafspraakId: string;
  volgnummer: number;
  actielijn: string;
  aandachtsgroep: string | null;
  omschrijving: string;
  soort: AfspraakSoort;
  indicatorCode: string | null;
  catalogusVersie: string | null;
  mijlpaalDatum: string | null;
  mijlpaalStatus: MijlpaalStatus | null;
  mijlpaalToelichting: string | null;
  mijlpaalGereedOp: string | null;
  mijlpaalBijgewerktOp: Date | null;
  verantwoordelijkeId: string;
  vorigeAfspraakId: string | null;
  doelwaarden: DoelwaardeRij[];
}

export interface OndertekeningRij {
  prestatieafspraakId: string;
  organisatieId: string;
  getekendDoor: string;
  getekendOp: Date;
}

/** Which prestatieafspraken to read; every field given narrows (AND), none gives all the caller sees. */
export interface PaFilter {
  id?: string;
  ids?: readonly string[];
  gemeenteCode?: string;
  gemeenteCodes?: readonly string[];
  status?: PrestatieafspraakStatus;
  /** the period includes this year */
  jaar?: number;
}

const PA = qb
  .selectFrom('prestatieafspraak as p')
  .select((eb) => [
    'p.id',
    'p.gemeente_code as gemeenteCode',
    'p.titel',
    'p.jaar_van as jaarVan',
    'p.jaar_tot as jaarTot',
    'p.status',
    'p.is_bod as isBod',
    'p.bod_id as bodId',
    'p.opgesteld_door_id as opgesteldDoorId',
    'p.versie',
    'p.versienummer',
    'p.vorige_versie_id as vorigeVersieId',
    eb
      .selectFrom('prestatieafspraak as n')
      .select('n.id')
      .whereRef('n.vorige_versie_id', '=', 'p.id')
      .as('volgendeVersieId'),
    'p.ingediend_op as ingediendOp',
    'p.vastgesteld_op as vastgesteldOp',
    'p.beeindigd_op as beeindigdOp',
    'p.beeindigd_reden as beeindigdReden',
    'p.aangemaakt_op as aangemaaktOp',
    'p.gewijzigd_op as gewijzigdOp',
    sql<string | null>`(p.ingediend_op AT TIME ZONE 'Europe/Amsterdam')::date::text`.as('ingediendDatum'),
    sql<string | null>`(p.vastgesteld_op AT TIME ZONE 'Europe/Amsterdam')::date::text`.as('vastgesteldDatum'),
    sql<
      string[]
    >`coalesce((SELECT array_agg(pp.organisatie_id::text ORDER BY pp.toegevoegd_op, pp.organisatie_id)
            FROM prestatieafspraak_partij pp WHERE pp.prestatieafspraak_id = p.id), '{}')`.as('partijIds'),
  ])
  .$narrowType<{ status: PrestatieafspraakStatus }>();

function gefilterd(f: PaFilter) {
  return PA.$if(f.id !== undefined, (q) => q.where('p.id', '=', f.id!))
    .$if(f.ids !== undefined, (q) => q.where('p.id', '=', sql<string>`ANY(${f.ids}::uuid[])`))
    .$if(f.gemeenteCode !== undefined, (q) => q.where('p.gemeente_code', '=', f.gemeenteCode!))
    .$if(f.gemeenteCodes !== undefined, (q) =>
      q.where('p.gemeente_code', '=', sql<string>`ANY(${f.gemeenteCodes}::text[])`),
    )
    .$if(f.status !== undefined, (q) => q.where('p.status', '=', f.status!))
    .$if(f.jaar !== undefined, (q) =>
      q.where('p.jaar_van', '<=', f.jaar!).where('p.jaar_tot', '>=', f.jaar!),
    );
}

/** Prestatieafspraken matching the filter, newest first within a gemeente. */
export function leesPrestatieafspraken(m: EntityManager, f: PaFilter): Promise<PaRij[]> {
  return voerUit(
    m,
    gefilterd(f)
      .orderBy('p.gemeente_code')
      .orderBy('p.jaar_van', 'desc')
      .orderBy('p.versienummer', 'desc')
      .orderBy('p.aangemaakt_op', 'desc'),
  );
}

export function leesPrestatieafspraak(m: EntityManager, id: string): Promise<PaRij | undefined> {
  return voerUitEerste(m, gefilterd({ id }));
}

/**
 * Locks the row for the rest of the transaction (SELECT … FOR UPDATE): concurrent edits and
 * signatures of one prestatieafspraak run one after the other, and each sees the other's result.
 * Under RLS only parties can lock (the UPDATE policy applies), so others get nothing.
 */
export function vergrendelPrestatieafspraak(m: EntityManager, id: string): Promise<PaRij | undefined> {
  return voerUitEerste(m, PA.where('p.id', '=', id).forUpdate('p'));
}

/** What a status step writes besides the new versie (timestamps are the database's now()). */
export type VersieExtra =
  | { status: PrestatieafspraakStatus; stap: 'INGEDIEND' | 'VASTGESTELD' | 'TERUGGETROKKEN' }
  | { status: PrestatieafspraakStatus; stap: 'BEEINDIGD'; reden: string };

/** Raises versie (optimistic concurrency) and gewijzigd_op; a status step also sets its fields. */
export async function verhoogVersie(m: EntityManager, id: string, extra?: VersieExtra): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('prestatieafspraak')
      .set({ versie: sql`versie + 1`, gewijzigd_op: sql`now()` })
      .$if(extra !== undefined, (q) => q.set({ status: extra!.status }))
      // ingediend_op keeps the first submission: that is when the bod reached the other parties
      .$if(extra?.stap === 'INGEDIEND', (q) => q.set({ ingediend_op: sql`coalesce(ingediend_op, now())` }))
      .$if(extra?.stap === 'VASTGESTELD', (q) => q.set({ vastgesteld_op: sql`now()` }))
      .$if(extra?.stap === 'BEEINDIGD', (q) =>
        q.set({ beeindigd_op: sql`now()`, beeindigd_reden: (extra as { reden: string }).reden }),
      )
      .where('id', '=', id),
  );
}

export async function leesAfspraken(m: EntityManager, paIds: readonly string[]): Promise<AfspraakRij[]> {
  if (!paIds.length) return [];
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('afspraak as a')
      .select([
        'a.id',
        'a.prestatieafspraak_id as prestatieafspraakId',
        'a.volgnummer',
        'a.actielijn',
        'a.aandachtsgroep',
        'a.omschrijving',
        'a.soort',
        'a.indicator_code as indicatorCode',
        'a.catalogus_versie as catalogusVersie',
        sql<string | null>`a.mijlpaal_datum::text`.as('mijlpaalDatum'),
        'a.mijlpaal_status as mijlpaalStatus',
        'a.mijlpaal_toelichting as mijlpaalToelichting',
        sql<string | null>`a.mijlpaal_gereed_op::text`.as('mijlpaalGereedOp'),
        'a.mijlpaal_bijgewerkt_op as mijlpaalBijgewerktOp',
        'a.verantwoordelijke_id as verantwoordelijkeId',
        'a.vorige_afspraak_id as vorigeAfspraakId',
        sql<
          DoelwaardeRij[]
        >`coalesce((SELECT json_agg(json_build_object('jaar', d.jaar, 'waarde', d.waarde, 'peildatum', d.peildatum::text)
                                      ORDER BY d.jaar)
                      FROM afspraak_doelwaarde d WHERE d.afspraak_id = a.id), '[]')`.as('doelwaarden'),
      ])
      .where('a.prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`)
      .orderBy('a.prestatieafspraak_id')
      .orderBy('a.volgnummer')
      .$narrowType<{ soort: AfspraakSoort; mijlpaalStatus: MijlpaalStatus | null }>(),
  );
  // numeric arrives as a JSON number inside json_agg; make sure of it
  for (const a of rijen) a.doelwaarden = a.doelwaarden.map((d) => ({ ...d, waarde: Number(d.waarde) }));
  return rijen;
}

export async function leesOndertekeningen(
  m: EntityManager,
  paIds: readonly string[],
): Promise<OndertekeningRij[]> {
  if (!paIds.length) return [];
  return voerUit(
    m,
    qb
      .selectFrom('prestatieafspraak_ondertekening')
      .select([
        'prestatieafspraak_id as prestatieafspraakId',
        'organisatie_id as organisatieId',
        'getekend_door as getekendDoor',
        'getekend_op as getekendOp',
      ])
      .where('prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`)
      .orderBy('getekend_op')
      .orderBy('organisatie_id'),
  );
}

/** The highest versie any party signed (a co-signer of a vastgestelde may send that one). */
export async function getekendeVersie(m: EntityManager, paId: string): Promise<number | null> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('prestatieafspraak_ondertekening')
      .select((eb) => eb.fn.max('versie').as('getekend'))
      .where('prestatieafspraak_id', '=', paId),
  );
  return rij?.getekend ?? null;
}

export async function organisatieSoorten(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('organisatie')
      .select(['id', 'soort'])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`),
  );
  return new Map(rijen.map((r) => [r.id, r.soort]));
}

/** Prestatieafspraken (among these) that a geschil or an evaluatie refers to: those stay on record. */
export async function metGeschilOfEvaluatie(
  m: EntityManager,
  paIds: readonly string[],
): Promise<Set<string>> {
  if (!paIds.length) return new Set();
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('geschil')
      .select('prestatieafspraak_id as id')
      .where('prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`)
      .union(
        qb
          .selectFrom('evaluatie')
          .select('prestatieafspraak_id as id')
          .where('prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`),
      ),
  );
  return new Set(rijen.map((r) => r.id));
}

/** The signature of one party; a second one of the same party breaks the unique key (23505). */
export async function voegOndertekeningToe(
  m: EntityManager,
  rij: { paId: string; organisatieId: string; sub: string; naam: string; versie: number },
): Promise<void> {
  await voerUitAantal(
    m,
    qb.insertInto('prestatieafspraak_ondertekening').values({
      prestatieafspraak_id: rij.paId,
      organisatie_id: rij.organisatieId,
      getekend_door_sub: rij.sub,
      getekend_door: rij.naam,
      versie: rij.versie,
    }),
  );
}

export async function verwijderOndertekeningen(m: EntityManager, paId: string): Promise<void> {
  await voerUitAantal(
    m,
    qb.deleteFrom('prestatieafspraak_ondertekening').where('prestatieafspraak_id', '=', paId),
  );
}
