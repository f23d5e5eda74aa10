import type { EntityManager } from 'typeorm';
import type { Principal } from '@thuismonitor/auth';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { AanmeldingRij } from './aanmelding.service';
import type { Organisatie, OrganisatieFilter } from './organisatie.types';

/** SQL for the organisation list, the per-user choices and the sign-in notes. */

function organisaties() {
  return qb
    .selectFrom('organisatie as o')
    .select([
      'o.id',
      'o.code',
      'o.soort',
      'o.naam',
      'o.gemeente_code as gemeenteCode',
      'o.provincie_code as provincieCode',
      sql<
        string[]
      >`coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                   WHERE w.organisatie_id = o.id), '{}')`.as('werkgebiedCodes'),
    ])
    .$narrowType<{ soort: OrganisatieSoort }>();
}

/** Active organisations matching the filter, by kind and name. */
export function leesOrganisaties(m: EntityManager, filter: OrganisatieFilter): Promise<Organisatie[]> {
  const gemeenteCode = filter.gemeenteCode;
  const zoek = filter.zoek?.trim() ? `%${filter.zoek.trim()}%` : undefined;
  return voerUit(
    m,
    organisaties()
      .where('o.actief', '=', true)
      .$if(!!filter.soort, (q) => q.where('o.soort', '=', filter.soort!))
      .$if(!!gemeenteCode, (q) =>
        q.where((eb) =>
          eb.or([
            eb('o.gemeente_code', '=', gemeenteCode!),
            eb.exists(
              eb
                .selectFrom('organisatie_werkgebied as w')
                .select(sql.lit(1).as('een'))
                .whereRef('w.organisatie_id', '=', 'o.id')
                .where('w.gemeente_code', '=', gemeenteCode!),
            ),
            eb(
              'o.provincie_code',
              '=',
              eb.selectFrom('gemeente').select('provincie_code').where('code', '=', gemeenteCode!),
            ),
            eb('o.soort', '=', 'RIJK'),
          ]),
        ),
      )
      .$if(!!zoek, (q) =>
        q.where((eb) => eb.or([eb('o.naam', 'ilike', zoek!), eb('o.code', 'ilike', zoek!)])),
      )
      .orderBy('o.soort')
      .orderBy('o.naam'),
  );
}

export function leesOrganisatie(m: EntityManager, id: string): Promise<Organisatie | undefined> {
  return voerUitEerste(m, organisaties().where('o.id', '=', id));
}

export function leesOrganisatiesOpIds(m: EntityManager, ids: string[]): Promise<Organisatie[]> {
  return voerUit(m, organisaties().where('o.id', '=', sql<string>`ANY(${ids}::uuid[])`));
}

// --- per-user choices (gebruiker_voorkeur) ------------------------------------------------------

export async function leesStandaardGemeente(
  m: EntityManager,
  organisatieId: string,
  sub: string,
  opties: { voorUpdate?: boolean } = {},
): Promise<{ standaardGemeente: string | null } | undefined> {
  return voerUitEerste(
    m,
    qb
      .selectFrom('gebruiker_voorkeur')
      .select('standaard_gemeente as standaardGemeente')
      .where('organisatie_id', '=', organisatieId)
      .where('gebruiker_sub', '=', sub)
      .$if(!!opties.voorUpdate, (q) => q.forUpdate()),
  );
}

export async function gemeenteBestaat(m: EntityManager, code: string): Promise<boolean> {
  const rij = await voerUitEerste(
    m,
    qb.selectFrom('gemeente').select(sql.lit(1).as('een')).where('code', '=', code),
  );
  return rij !== undefined;
}

export async function zetStandaardGemeente(
  m: EntityManager,
  organisatieId: string,
  sub: string,
  code: string | null,
): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .insertInto('gebruiker_voorkeur')
      .values({ organisatie_id: organisatieId, gebruiker_sub: sub, standaard_gemeente: code })
      .onConflict((oc) =>
        oc.columns(['organisatie_id', 'gebruiker_sub']).doUpdateSet({
          standaard_gemeente: (eb) => eb.ref('excluded.standaard_gemeente'),
          gewijzigd_op: sql<Date>`now()`,
        }),
      ),
  );
}

// --- sign-ins (gebruiker_aanmelding) ------------------------------------------------------------

export async function noteerAanmelding(m: EntityManager, p: Principal): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .insertInto('gebruiker_aanmelding')
      .values({
        organisatie_id: p.organisatie.id,
        gebruiker_sub: p.sub,
        gebruikersnaam: p.gebruikersnaam,
        naam: p.naam,
        rollen: p.rollen,
      })
      .onConflict((oc) =>
        oc.columns(['organisatie_id', 'gebruiker_sub']).doUpdateSet({
          gebruikersnaam: (eb) => eb.ref('excluded.gebruikersnaam'),
          naam: (eb) => eb.ref('excluded.naam'),
          rollen: (eb) => eb.ref('excluded.rollen'),
          laatste_aanmelding: sql<Date>`now()`,
        }),
      ),
  );
}

/** Who signed in (roles of the last token) joined with who was registered and is still active. */
export function leesAanmeldingen(m: EntityManager, organisatieId: string): Promise<AanmeldingRij[]> {
  return voerUit(
    m,
    sql<AanmeldingRij>`SELECT coalesce(a.gebruikersnaam, g.gebruikersnaam) AS gebruikersnaam, coalesce(a.naam, g.naam) AS naam,
                coalesce(a.rollen, g.rollen) AS rollen, a.eerste_aanmelding AS "eersteAanmelding",
                a.laatste_aanmelding AS "laatsteAanmelding", g.id IS NOT NULL AS geregistreerd
         FROM (SELECT * FROM gebruiker_aanmelding WHERE organisatie_id = ${organisatieId}) a
         FULL JOIN (SELECT * FROM organisatie_gebruiker WHERE organisatie_id = ${organisatieId} AND actief) g
           ON g.gebruikersnaam = a.gebruikersnaam
         ORDER BY 1`,
  );
}
