import type { EntityManager } from 'typeorm';
import { isIsoDatum } from '@thuismonitor/domain';
import type { RijZicht } from '@thuismonitor/auth';
import { isUuid } from '../common/id';
import { keysetPagina, type KeysetPagina, type SleutelKolom } from '../database/keyset';
import { qb, sql, voerUitAantal, voerUitEerste } from '../database/query';
import type { Toewijzing } from './toewijzing.types';

/**
 * SQL for toewijzing rows. Runs in a ScopedDb transaction: row-level security holds besides the
 * visibility rule that every list query starts with.
 */

/** The columns of a Toewijzing (the clear kenmerk is never stored; only its hash's first 12 signs). */
const kolommen = [
  'id',
  'corporatie_id as corporatieId',
  'gemeente_code as gemeenteCode',
  sql<string>`to_char(datum, 'YYYY-MM-DD')`.as('datum'),
  'aandachtsgroep',
  'huishoudgrootte',
  'segment',
  'via_urgentie as viaUrgentie',
  'urgentie_categorie as urgentieCategorie',
  sql<string>`left(extern_kenmerk, 12)`.as('kenmerkVingerafdruk'),
  'import_id as importId',
  'aangemaakt_op as aangemaaktOp',
] as const;

/** A list's filter, checked by the service: the visibility rule first, then the user's choices. */
export interface ToewijzingZoek {
  zicht: RijZicht;
  gemeenteCode?: string;
  van?: string;
  tot?: string;
  aandachtsgroep?: string;
  regulier?: boolean;
  /** the corporatie's own kenmerk, as its hash, with the corporatie itself */
  eigenKenmerk?: { hash: string; corporatieId: string };
  /** a corporatieId that is not a uuid matches nothing (and never reaches the query) */
  corporatieId?: string;
}

function gefilterd(zoek: ToewijzingZoek) {
  return qb.selectFrom('toewijzing').where((eb) => {
    const z = zoek.zicht;
    const waar = [
      eb.or([eb('corporatie_id', '=', z.eigenaarOrganisatieId), eb('gemeente_code', '=', z.gemeenteCode)]),
    ];
    if (zoek.gemeenteCode) waar.push(eb('gemeente_code', '=', zoek.gemeenteCode));
    if (zoek.van) waar.push(eb('datum', '>=', zoek.van));
    if (zoek.tot) waar.push(eb('datum', '<=', zoek.tot));
    if (zoek.aandachtsgroep) waar.push(eb('aandachtsgroep', '=', zoek.aandachtsgroep));
    if (zoek.regulier) waar.push(eb('aandachtsgroep', 'is', null));
    if (zoek.eigenKenmerk) {
      waar.push(eb('extern_kenmerk', '=', zoek.eigenKenmerk.hash));
      waar.push(eb('corporatie_id', '=', zoek.eigenKenmerk.corporatieId));
    }
    if (zoek.corporatieId !== undefined)
      waar.push(isUuid(zoek.corporatieId) ? eb('corporatie_id', '=', zoek.corporatieId) : eb.lit(false));
    return eb.and(waar);
  });
}

/**
 * Newest first (datum, id): the cursor carries both. Qualified: the list selects
 * `to_char(datum, …) AS datum`, and a bare "datum" in ORDER BY would sort by that text.
 */
const SLEUTEL: readonly SleutelKolom<Toewijzing>[] = [
  {
    kolom: 'toewijzing.datum',
    type: 'date',
    vorm: 'string',
    geldig: (w) => isIsoDatum(String(w)),
    uit: (r) => r.datum,
  },
  { kolom: 'toewijzing.id', type: 'uuid', vorm: 'string', geldig: isUuid, uit: (r) => r.id },
];

export function toewijzingPagina(
  m: EntityManager,
  zoek: ToewijzingZoek,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<KeysetPagina<Toewijzing>> {
  return keysetPagina(m, gefilterd(zoek).select(kolommen).$castTo<Toewijzing>(), SLEUTEL, first, after);
}

export async function telToewijzingen(m: EntityManager, zoek: ToewijzingZoek): Promise<number> {
  const rij = await voerUitEerste(m, gefilterd(zoek).select(sql<number>`count(*)::int`.as('n')));
  return rij!.n;
}

export interface NieuweToewijzing {
  corporatieId: string;
  gemeenteCode: string;
  datum: string;
  aandachtsgroep: string | null;
  huishoudgrootte: number;
  segment: string;
  viaUrgentie: boolean;
  kenmerkHash: string;
  urgentieCategorie: string | null;
}

/** undefined: the corporatie already has a toewijzing with this kenmerk. */
export function voegToewijzingToe(m: EntityManager, t: NieuweToewijzing): Promise<Toewijzing | undefined> {
  return voerUitEerste(
    m,
    qb
      .insertInto('toewijzing')
      .values({
        corporatie_id: t.corporatieId,
        gemeente_code: t.gemeenteCode,
        datum: t.datum,
        aandachtsgroep: t.aandachtsgroep,
        huishoudgrootte: t.huishoudgrootte,
        segment: t.segment,
        via_urgentie: t.viaUrgentie,
        extern_kenmerk: t.kenmerkHash,
        urgentie_categorie: t.urgentieCategorie,
      })
      .onConflict((oc) => oc.columns(['corporatie_id', 'extern_kenmerk']).doNothing())
      .returning(kolommen)
      .$castTo<Toewijzing>(),
  );
}

export async function wijzigToewijzing(
  m: EntityManager,
  id: string,
  t: Omit<NieuweToewijzing, 'corporatieId' | 'kenmerkHash'>,
): Promise<Toewijzing> {
  const rij = await voerUitEerste(
    m,
    qb
      .updateTable('toewijzing')
      .set({
        gemeente_code: t.gemeenteCode,
        datum: t.datum,
        aandachtsgroep: t.aandachtsgroep,
        huishoudgrootte: t.huishoudgrootte,
        segment: t.segment,
        via_urgentie: t.viaUrgentie,
        urgentie_categorie: t.urgentieCategorie,
      })
      .where('id', '=', id)
      .returning(kolommen)
      .$castTo<Toewijzing>(),
  );
  return rij!;
}

export async function verwijderToewijzing(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(m, qb.deleteFrom('toewijzing').where('id', '=', id));
}

/** The row, locked for a change; `id` must be a uuid (the service checks). */
export function toewijzingVoorUpdate(m: EntityManager, id: string): Promise<Toewijzing | undefined> {
  return voerUitEerste(
    m,
    qb.selectFrom('toewijzing').select(kolommen).where('id', '=', id).forUpdate().$castTo<Toewijzing>(),
  );
}
