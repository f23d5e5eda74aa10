import type { EntityManager } from 'typeorm';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { BeheerAuditRegel, BeheerOrganisatie, BeheerOrganisatieFilter } from './beheer.types';

/**
 * SQL of the platform operator's organisation administration. Runs in the operator's ScopedDb
 * transaction (RIJK): row-level security allows organisation writes only there.
 */

/** What the audit log keeps of an organisation, before and after each action. */
export interface OrganisatieStand {
  code: string;
  soort: string;
  naam: string;
  actief: boolean;
  werkgebied: string[];
  corporaties: string[];
}

function beheerOrganisaties() {
  return qb
    .selectFrom('organisatie as o')
    .select([
      'o.id',
      'o.code',
      'o.soort',
      'o.naam',
      'o.actief',
      'o.gedeactiveerd_op as gedeactiveerdOp',
      'o.aangemaakt_op as aangemaaktOp',
      'o.opgegaan_in as opgegaanInId',
      sql<
        string[]
      >`coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                   WHERE w.organisatie_id = o.id), '{}')`.as('werkgebiedCodes'),
      sql<
        string[]
      >`coalesce((SELECT array_agg(h.corporatie_id ORDER BY h.corporatie_id) FROM organisatie_huurder_corporatie h
                   WHERE h.huurdersorganisatie_id = o.id), '{}')`.as('corporatieIds'),
      sql<number>`(SELECT count(*)::int FROM organisatie_gebruiker g WHERE g.organisatie_id = o.id AND g.actief)`.as(
        'aantalGebruikers',
      ),
    ])
    .$narrowType<{ soort: OrganisatieSoort }>();
}

// --- reading ---------------------------------------------------------------------------------

export function leesBeheerOrganisaties(
  m: EntityManager,
  filter: BeheerOrganisatieFilter,
  max: number,
): Promise<BeheerOrganisatie[]> {
  // LIKE's own wildcards in the search text are literal (backslash is ILIKE's escape)
  const zoek = filter.zoek?.trim()
    ? `%${filter.zoek.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : undefined;
  return voerUit(
    m,
    beheerOrganisaties()
      .$if(!filter.inclusiefGedeactiveerd, (q) => q.where('o.actief', '=', true))
      .$if(!!filter.soort, (q) => q.where('o.soort', '=', filter.soort!))
      .$if(!!zoek, (q) =>
        q.where((eb) => eb.or([eb('o.naam', 'ilike', zoek!), eb('o.code', 'ilike', zoek!)])),
      )
      .orderBy('o.soort')
      .orderBy('o.naam')
      .limit(max),
  );
}

export function leesBeheerOrganisatie(m: EntityManager, id: string): Promise<BeheerOrganisatie | undefined> {
  return voerUitEerste(m, beheerOrganisaties().where('o.id', '=', id));
}

/** Active organisations of the kinds that need a werkgebied, corporaties or users, by name. */
export function leesOrganisatiesVoorAandacht(m: EntityManager): Promise<BeheerOrganisatie[]> {
  return voerUit(
    m,
    beheerOrganisaties()
      .where('o.actief', '=', true)
      .where('o.soort', 'in', ['CORPORATIE', 'ZORGAANBIEDER', 'HUURDERSORGANISATIE'])
      .orderBy('o.naam'),
  );
}

/**
 * Per organisation its last refused toewijzingen import of the last 30 days, unless one succeeded
 * since (audit rows IMPORT_GEWEIGERD, toewijzing-import.service.ts; readable to the operator only).
 */
export function leesMislukteImports(
  m: EntityManager,
): Promise<{ id: string; tijdstip: Date; na: Record<string, unknown> | null }[]> {
  return voerUit(
    m,
    sql<{ id: string; tijdstip: Date; na: Record<string, unknown> | null }>`
      SELECT DISTINCT ON (a.organisatie_id) a.organisatie_id AS id, a.tijdstip, a.na
      FROM audit_log a
      WHERE a.entiteit = 'toewijzing_import' AND a.actie = 'IMPORT_GEWEIGERD' AND a.tijdstip > now() - interval '30 days'
        AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.entiteit = 'toewijzing_import'
                        AND b.actie = 'IMPORTEER_TOEWIJZINGEN' AND b.organisatie_id = a.organisatie_id AND b.tijdstip > a.tijdstip)
      ORDER BY a.organisatie_id, a.tijdstip DESC`,
  );
}

/** The organisation's audit rows, newest first (at most 200). */
export function leesHistorie(m: EntityManager, organisatieId: string): Promise<BeheerAuditRegel[]> {
  return voerUit(
    m,
    qb
      .selectFrom('audit_log')
      .select([
        'tijdstip',
        'gebruikersnaam',
        'actie',
        sql<string | null>`voor::text`.as('voor'),
        sql<string | null>`na::text`.as('na'),
      ])
      .where('entiteit', '=', 'organisatie')
      .where('entiteit_id', '=', organisatieId)
      .orderBy('tijdstip', 'desc')
      .orderBy('id', 'desc')
      .limit(200),
  );
}

export function leesStand(m: EntityManager, id: string): Promise<OrganisatieStand | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('organisatie as o')
      .select([
        'o.code',
        'o.soort',
        'o.naam',
        'o.actief',
        sql<
          string[]
        >`coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                        WHERE w.organisatie_id = o.id), '{}')`.as('werkgebied'),
        sql<string[]>`coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM organisatie_huurder_corporatie h
                        JOIN organisatie c ON c.id = h.corporatie_id WHERE h.huurdersorganisatie_id = o.id), '{}')`.as(
          'corporaties',
        ),
      ])
      .where('o.id', '=', id),
  );
}

/** The CBS name of a gemeente or provincie code, undefined when the indeling does not have it. */
export async function leesReferentieNaam(
  m: EntityManager,
  tabel: 'gemeente' | 'provincie',
  code: string,
): Promise<string | undefined> {
  const rij = await voerUitEerste(m, qb.selectFrom(tabel).select('naam').where('code', '=', code));
  return rij?.naam;
}

export function leesOrganisatieOpCode(
  m: EntityManager,
  code: string,
): Promise<{ naam: string; actief: boolean } | undefined> {
  return voerUitEerste(m, qb.selectFrom('organisatie').select(['naam', 'actief']).where('code', '=', code));
}

export function leesOrganisatiesOpCodes(
  m: EntityManager,
  codes: string[],
): Promise<{ id: string; code: string; soort: string; actief: boolean }[]> {
  return voerUit(
    m,
    qb
      .selectFrom('organisatie')
      .select(['id', 'code', 'soort', 'actief'])
      .where('code', '=', sql<string>`ANY(${codes}::text[])`),
  );
}

/** Every gemeente or provincie code of the current CBS indeling. */
export async function leesReferentieCodes(
  m: EntityManager,
  tabel: 'gemeente' | 'provincie',
): Promise<string[]> {
  return (await voerUit(m, qb.selectFrom(tabel).select('code'))).map((r) => r.code);
}

/** The given codes that are gemeenten of the current CBS indeling. */
export async function leesBekendeGemeenteCodes(m: EntityManager, codes: string[]): Promise<string[]> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('gemeente')
      .select('code')
      .where('code', '=', sql<string>`ANY(${codes}::text[])`),
  );
  return rijen.map((r) => r.code);
}

/** The given ids that are active corporaties. */
export async function leesActieveCorporatieIds(m: EntityManager, ids: string[]): Promise<string[]> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('organisatie')
      .select('id')
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .where('soort', '=', 'CORPORATIE')
      .where('actief', '=', true),
  );
  return rijen.map((r) => r.id);
}

// --- writing ---------------------------------------------------------------------------------

/** Row lock on one organisation (a change, or both sides of a merger in a fixed order). */
export async function vergrendelOrganisatie(m: EntityManager, id: string): Promise<void> {
  await voerUit(
    m,
    qb.selectFrom('organisatie').select(sql.lit(1).as('een')).where('id', '=', id).forUpdate(),
  );
}

export async function voegOrganisatieToe(
  m: EntityManager,
  o: {
    code: string;
    soort: OrganisatieSoort;
    naam: string;
    gemeenteCode: string | null;
    provincieCode: string | null;
  },
): Promise<string> {
  const [{ id }] = await voerUit(
    m,
    qb
      .insertInto('organisatie')
      .values({
        code: o.code,
        soort: o.soort,
        naam: o.naam,
        gemeente_code: o.gemeenteCode,
        provincie_code: o.provincieCode,
      })
      .returning('id'),
  );
  return id;
}

export async function hernoemOrganisatie(m: EntityManager, id: string, naam: string): Promise<void> {
  await voerUitAantal(m, qb.updateTable('organisatie').set({ naam }).where('id', '=', id));
}

export async function deactiveerOrganisatie(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('organisatie')
      .set({ actief: false, gedeactiveerd_op: sql<Date>`now()` })
      .where('id', '=', id),
  );
}

export async function heractiveerOrganisatie(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(
    m,
    qb.updateTable('organisatie').set({ actief: true, gedeactiveerd_op: null }).where('id', '=', id),
  );
}

/** The werkgebied becomes exactly `codes`. */
export async function zetWerkgebied(m: EntityManager, id: string, codes: string[]): Promise<void> {
  await voerUitAantal(
    m,
    sql`DELETE FROM organisatie_werkgebied WHERE organisatie_id = ${id} AND NOT (gemeente_code = ANY(${codes}::text[]))`,
  );
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) SELECT ${id}, unnest(${codes}::text[]) ON CONFLICT DO NOTHING`,
  );
}

/** The huurdersorganisatie's corporaties become exactly `ids`. */
export async function zetCorporaties(m: EntityManager, id: string, ids: string[]): Promise<void> {
  await voerUitAantal(
    m,
    sql`DELETE FROM organisatie_huurder_corporatie WHERE huurdersorganisatie_id = ${id} AND NOT (corporatie_id = ANY(${ids}::uuid[]))`,
  );
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie_huurder_corporatie (huurdersorganisatie_id, corporatie_id) SELECT ${id}, unnest(${ids}::uuid[]) ON CONFLICT DO NOTHING`,
  );
}

// --- a merger (fusie) ------------------------------------------------------------------------

/** The huurdersorganisaties of the merged corporatie now represent the target's tenants. */
export async function verhuisHuurders(m: EntityManager, bronId: string, doelId: string): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO organisatie_huurder_corporatie (huurdersorganisatie_id, corporatie_id)
        SELECT huurdersorganisatie_id, ${doelId} FROM organisatie_huurder_corporatie WHERE corporatie_id = ${bronId}
        ON CONFLICT DO NOTHING`,
  );
  await voerUitAantal(m, qb.deleteFrom('organisatie_huurder_corporatie').where('corporatie_id', '=', bronId));
}

/** Moves the registered users to the target; answers their user names (locked, as they were). */
export async function verhuisGebruikers(m: EntityManager, bronId: string, doelId: string): Promise<string[]> {
  const verhuisd = await voerUit(
    m,
    qb
      .selectFrom('organisatie_gebruiker')
      .select('gebruikersnaam')
      .where('organisatie_id', '=', bronId)
      .forUpdate(),
  );
  await voerUitAantal(
    m,
    qb
      .updateTable('organisatie_gebruiker')
      .set({ organisatie_id: doelId })
      .where('organisatie_id', '=', bronId),
  );
  return verhuisd.map((g) => g.gebruikersnaam);
}

export async function markeerOpgegaan(m: EntityManager, bronId: string, doelId: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('organisatie')
      .set({ actief: false, gedeactiveerd_op: sql<Date>`now()`, opgegaan_in: doelId })
      .where('id', '=', bronId),
  );
}
