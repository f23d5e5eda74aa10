import type { EntityManager } from 'typeorm';
import type { Rol } from '@thuismonitor/auth';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { BeheerGebruiker } from './beheer.types';

/** SQL for the users the platform operator registers (organisatie_gebruiker). */

function gebruikers() {
  return qb
    .selectFrom('organisatie_gebruiker')
    .select(['id', 'gebruikersnaam', 'naam', 'email', 'rollen', 'actief', 'aangemaakt_op as aangemaaktOp']);
}

export function leesGebruikers(m: EntityManager, organisatieId: string): Promise<BeheerGebruiker[]> {
  return voerUit(
    m,
    gebruikers()
      .where('organisatie_id', '=', organisatieId)
      .orderBy('actief', 'desc')
      .orderBy('gebruikersnaam'),
  );
}

export function leesGebruiker(m: EntityManager, id: string): Promise<BeheerGebruiker | undefined> {
  return voerUitEerste(m, gebruikers().where('id', '=', id));
}

/** One user with its organisation, locked for a change. */
export function leesGebruikerVoorUpdate(
  m: EntityManager,
  id: string,
): Promise<(BeheerGebruiker & { organisatieId: string }) | undefined> {
  return voerUitEerste(
    m,
    gebruikers().select('organisatie_id as organisatieId').where('id', '=', id).forUpdate(),
  );
}

export async function gebruikersnaamBestaat(m: EntityManager, gebruikersnaam: string): Promise<boolean> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('organisatie_gebruiker')
      .select(sql.lit(1).as('een'))
      .where('gebruikersnaam', '=', gebruikersnaam),
  );
  return rij !== undefined;
}

export async function voegGebruikerToe(
  m: EntityManager,
  g: { organisatieId: string; gebruikersnaam: string; naam: string; email: string; rollen: Rol[] },
): Promise<string> {
  const [{ id }] = await voerUit(
    m,
    qb
      .insertInto('organisatie_gebruiker')
      .values({
        organisatie_id: g.organisatieId,
        gebruikersnaam: g.gebruikersnaam,
        naam: g.naam,
        email: g.email,
        rollen: g.rollen,
      })
      .returning('id'),
  );
  return id;
}

export async function deactiveerGebruikerRij(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(m, qb.updateTable('organisatie_gebruiker').set({ actief: false }).where('id', '=', id));
}

/** tm_aanmeldbare_gebruikers(): answers only on ScopedDb's dev-login path (aanmeldbare-gebruikers.ts). */
export function leesAanmeldbareGebruikers(m: EntityManager): Promise<
  {
    gebruikersnaam: string;
    naam: string;
    email: string;
    organisatie: string;
    rollen: string[];
  }[]
> {
  return voerUit(
    m,
    sql<{ gebruikersnaam: string; naam: string; email: string; organisatie: string; rollen: string[] }>`
      SELECT * FROM tm_aanmeldbare_gebruikers()`,
  );
}
