import type { EntityManager } from 'typeorm';
import type { MijlpaalStatus } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';

/**
 * SQL for what the parties exchange outside the signed content: reacties, mijlpaal reports and the
 * audit trail of a prestatieafspraak. Runs in a ScopedDb transaction (RLS: parties only).
 */
export interface ReactieRij {
  id: string;
  prestatieafspraakId: string;
  afspraakId: string | null;
  organisatieId: string;
  auteur: string;
  tekst: string;
  geplaatstOp: Date;
}

/** Reacties exist for parties only (RLS); for anyone else this returns nothing. */
export async function leesReacties(m: EntityManager, paIds: readonly string[]): Promise<ReactieRij[]> {
  if (!paIds.length) return [];
  return voerUit(
    m,
    qb
      .selectFrom('prestatieafspraak_reactie')
      .select([
        'id',
        'prestatieafspraak_id as prestatieafspraakId',
        'afspraak_id as afspraakId',
        'organisatie_id as organisatieId',
        'auteur',
        'tekst',
        'geplaatst_op as geplaatstOp',
      ])
      .where('prestatieafspraak_id', '=', sql<string>`ANY(${paIds}::uuid[])`)
      .orderBy('geplaatst_op')
      .orderBy('id'),
  );
}

export async function voegReactieToe(
  m: EntityManager,
  r: {
    id: string;
    paId: string;
    afspraakId: string | null;
    organisatieId: string;
    auteurSub: string;
    auteur: string;
    tekst: string;
  },
): Promise<void> {
  await voerUitAantal(
    m,
    qb.insertInto('prestatieafspraak_reactie').values({
      id: r.id,
      prestatieafspraak_id: r.paId,
      afspraak_id: r.afspraakId,
      organisatie_id: r.organisatieId,
      auteur_sub: r.auteurSub,
      auteur: r.auteur,
      tekst: r.tekst,
    }),
  );
}

/** The prestatieafspraak an afspraak belongs to, if the caller can see the afspraak. */
export async function prestatieafspraakVanAfspraak(
  m: EntityManager,
  afspraakId: string,
): Promise<string | undefined> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('afspraak')
      .select('prestatieafspraak_id as prestatieafspraakId')
      .where('id', '=', afspraakId),
  );
  return rij?.prestatieafspraakId;
}

export async function werkMijlpaalBij(
  m: EntityManager,
  afspraakId: string,
  stand: { status: MijlpaalStatus; toelichting: string; gereedOp: string | null },
): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('afspraak')
      .set({
        mijlpaal_status: stand.status,
        mijlpaal_toelichting: stand.toelichting,
        mijlpaal_gereed_op: stand.gereedOp,
        mijlpaal_bijgewerkt_op: sql`now()`,
      })
      .where('id', '=', afspraakId),
  );
}

export interface AuditRij {
  id: string;
  tijdstip: Date;
  actie: string;
  organisatieId: string | null;
  gebruikersnaam: string | null;
  voor: unknown;
  na: unknown;
}

/** The history of one entity, oldest first (RLS: audit_log_prestatieafspraak_partij). */
export function leesAuditLog(m: EntityManager, entiteit: string, entiteitId: string): Promise<AuditRij[]> {
  return voerUit(
    m,
    qb
      .selectFrom('audit_log')
      .select([
        sql<string>`id::text`.as('id'),
        'tijdstip',
        'actie',
        'organisatie_id as organisatieId',
        'gebruikersnaam',
        'voor',
        'na',
      ])
      .where('entiteit', '=', entiteit)
      .where('entiteit_id', '=', entiteitId)
      // ORDER BY the bigint column, not the text alias "id" (text order put row 100 before 99)
      .orderBy('tijdstip')
      .orderBy('audit_log.id'),
  );
}
