import type { EntityManager } from 'typeorm';
import type { PublicatieWeigering, VerplichteUrgentieCategorie } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitEerste } from '../database/query';
import { publicatieWeigeringVan } from '../publicatie';

/**
 * SQL for urgentieregelingen. Runs in a ScopedDb transaction: RLS decides which regelingen and
 * toewijzingen the caller reads (migration 1766900000000).
 */
export interface RegelingRij {
  id: string;
  gemeente_code: string;
  titel: string;
  vastgesteld_op: string;
  document_url: string | null;
  versie: number;
}
export interface CategorieRij {
  code: string;
  naam: string;
  omschrijving: string | null;
}
export interface UrgentieToewijzingRij {
  urgentie_categorie: string;
  eigen: boolean;
  huishoudens: string;
}

/** The categories the law makes mandatory, per regime (reference data). */
export async function leesVerplichteCategorieen(m: EntityManager): Promise<VerplichteUrgentieCategorie[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('urgentie_verplichte_categorie')
      .select(['regime_code as regime', 'code', 'naam', 'bron'])
      .orderBy('regime_code')
      .orderBy('code'),
  )) as VerplichteUrgentieCategorie[];
}

/** The regeling of a gemeente, if any; `voorUpdate` locks it for a replacement. */
export function leesRegeling(
  m: EntityManager,
  gemeenteCode: string,
  voorUpdate = false,
): Promise<RegelingRij | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('urgentieregeling')
      .select([
        'id',
        'gemeente_code',
        'titel',
        sql<string>`to_char(vastgesteld_op, 'YYYY-MM-DD')`.as('vastgesteld_op'),
        'document_url',
        'versie',
      ])
      .where('gemeente_code', '=', gemeenteCode)
      .$if(voorUpdate, (q) => q.forUpdate()),
  );
}

export function leesCategorieen(m: EntityManager, regelingId: string): Promise<CategorieRij[]> {
  return voerUit(
    m,
    qb
      .selectFrom('urgentieregeling_categorie')
      .select(['code', 'naam', 'omschrijving'])
      .where('regeling_id', '=', regelingId)
      .orderBy('volgorde'),
  );
}

/** How many toewijzingen of the gemeente use each of these category codes (only codes in use). */
export async function categorieenInGebruik(
  m: EntityManager,
  gemeenteCode: string,
  codes: readonly string[],
): Promise<{ code: string; n: number }[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('toewijzing')
      .select(['urgentie_categorie as code', sql<number>`count(*)::int`.as('n')])
      .where('gemeente_code', '=', gemeenteCode)
      .where((eb) => eb('urgentie_categorie', '=', eb.fn.any(eb.val(codes))))
      .groupBy('urgentie_categorie')
      .orderBy('urgentie_categorie'),
  )) as { code: string; n: number }[];
}

export interface RegelingWaarden {
  titel: string;
  vastgesteldOp: string;
  documentUrl: string | null;
}

export async function wijzigRegeling(
  m: EntityManager,
  id: string,
  w: RegelingWaarden,
  gebruiker: string,
): Promise<void> {
  await voerUit(
    m,
    qb
      .updateTable('urgentieregeling')
      .set((eb) => ({
        titel: w.titel,
        vastgesteld_op: w.vastgesteldOp,
        document_url: w.documentUrl,
        gebruiker,
        versie: eb('versie', '+', 1),
        gewijzigd_op: sql<Date>`clock_timestamp()`,
      }))
      .where('id', '=', id),
  );
}

export async function nieuweRegeling(
  m: EntityManager,
  organisatieId: string,
  gemeenteCode: string,
  w: RegelingWaarden,
  gebruiker: string,
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('urgentieregeling')
      .values({
        organisatie_id: organisatieId,
        gemeente_code: gemeenteCode,
        titel: w.titel,
        vastgesteld_op: w.vastgesteldOp,
        document_url: w.documentUrl,
        gebruiker,
      })
      .returning('id'),
  );
  return rij!.id;
}

export async function verwijderCategorieen(m: EntityManager, regelingId: string): Promise<void> {
  await voerUit(m, qb.deleteFrom('urgentieregeling_categorie').where('regeling_id', '=', regelingId));
}

/** Adds the categories of a regeling, numbered in this order. */
export async function voegCategorieenToe(
  m: EntityManager,
  regelingId: string,
  gemeenteCode: string,
  categorieen: readonly CategorieRij[],
): Promise<void> {
  for (const [i, c] of categorieen.entries())
    await voerUit(
      m,
      qb.insertInto('urgentieregeling_categorie').values({
        regeling_id: regelingId,
        gemeente_code: gemeenteCode,
        code: c.code,
        naam: c.naam,
        omschrijving: c.omschrijving,
        volgorde: i + 1,
      }),
    );
}

/** The codes of the gemeente's regeling in order: no rows when it has none, one null code when it has no categories. */
export function leesCodes(m: EntityManager, gemeenteCode: string): Promise<{ code: string | null }[]> {
  return voerUit(
    m,
    qb
      .selectFrom('urgentieregeling as r')
      .leftJoin('urgentieregeling_categorie as c', 'c.regeling_id', 'r.id')
      .select('c.code')
      .where('r.gemeente_code', '=', gemeenteCode)
      .orderBy('c.volgorde'),
  );
}

/** Per gemeente with a regeling: its category codes in order (null for a regeling without any). */
export function leesCodesPerGemeente(
  m: EntityManager,
  gemeenten: readonly string[],
): Promise<{ gemeente_code: string; codes: (string | null)[] }[]> {
  return voerUit(
    m,
    qb
      .selectFrom('urgentieregeling as r')
      .leftJoin('urgentieregeling_categorie as c', 'c.regeling_id', 'r.id')
      .select(['r.gemeente_code', sql<(string | null)[]>`array_agg(c.code ORDER BY c.volgorde)`.as('codes')])
      .where((eb) => eb('r.gemeente_code', '=', eb.fn.any(eb.val(gemeenten))))
      .groupBy('r.gemeente_code'),
  );
}

/** Per gemeente with a regeling: its date and codes (unordered), for the coverage count. */
export function leesRegelingenVoorDekking(
  m: EntityManager,
  gemeenten: readonly string[],
): Promise<{ gemeente_code: string; vastgesteld_op: string; codes: (string | null)[] }[]> {
  return voerUit(
    m,
    sql<{ gemeente_code: string; vastgesteld_op: string; codes: (string | null)[] }>`
      SELECT r.gemeente_code, to_char(r.vastgesteld_op, 'YYYY-MM-DD') AS vastgesteld_op, array_agg(c.code) AS codes
      FROM urgentieregeling r LEFT JOIN urgentieregeling_categorie c ON c.regeling_id = r.id
      WHERE r.gemeente_code = ANY (${gemeenten}) GROUP BY 1, 2`,
  );
}

/**
 * Toewijzingen per category under the publication rule (tm_urgentie_toewijzingen). The function
 * refuses a period off the quarter grid or not yet closed; the savepoint keeps the caller's
 * transaction usable, so the refusal comes back as its reason (anything else is rethrown).
 */
export async function leesUrgentieToewijzingen(
  m: EntityManager,
  gemeenten: readonly string[],
  van: string,
  tot: string,
): Promise<{ rijen: UrgentieToewijzingRij[] } | { weigering: PublicatieWeigering }> {
  try {
    await voerUit(m, sql`SAVEPOINT urgentie`);
    return {
      rijen: await voerUit(
        m,
        sql<UrgentieToewijzingRij>`SELECT * FROM tm_urgentie_toewijzingen(${gemeenten}, ${van}::date, ${tot}::date)`,
      ),
    };
  } catch (fout) {
    const weigering = publicatieWeigeringVan(fout);
    if (!weigering) throw fout;
    await voerUit(m, sql`ROLLBACK TO SAVEPOINT urgentie`);
    return { weigering };
  }
}

/** The name of each category code in these gemeenten' regelingen (the first gemeente's name wins). */
export async function leesCategorieNamen(
  m: EntityManager,
  gemeenten: readonly string[],
): Promise<Map<string, string>> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('urgentieregeling_categorie')
      .distinctOn('code')
      .select(['code', 'naam'])
      .where((eb) => eb('gemeente_code', '=', eb.fn.any(eb.val(gemeenten))))
      .orderBy('code')
      .orderBy('gemeente_code'),
  );
  return new Map(rijen.map((r) => [r.code, r.naam]));
}
