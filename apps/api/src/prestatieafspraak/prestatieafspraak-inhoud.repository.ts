import type { EntityManager } from 'typeorm';
import type { AfspraakSoort } from '@thuismonitor/domain';
import { qb, sql, voerUitAantal, voerUitEerste } from '../database/query';

/**
 * SQL that writes the content of a prestatieafspraak: the row itself, its parties, afspraken and
 * doelwaarden, a new version copied from the previous one, and deleting a concept. Runs in a
 * ScopedDb transaction (RLS: only parties write).
 */

export interface NieuwePaRij {
  id: string;
  gemeenteCode: string;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  opgesteldDoorId: string;
  bodId?: string | null;
  /** a new version of a vastgestelde prestatieafspraak */
  versienummer?: number;
  vorigeVersieId?: string;
}

/** No RETURNING: the new row only becomes readable (RLS) once its parties exist. */
export async function voegPrestatieafspraakToe(m: EntityManager, pa: NieuwePaRij): Promise<void> {
  await voerUitAantal(
    m,
    qb.insertInto('prestatieafspraak').values({
      id: pa.id,
      gemeente_code: pa.gemeenteCode,
      titel: pa.titel,
      jaar_van: pa.jaarVan,
      jaar_tot: pa.jaarTot,
      // a corporatie drafting one is no bod, nor is a wijziging: the bod is its own object (issue 12)
      is_bod: false,
      opgesteld_door_id: pa.opgesteldDoorId,
      ...(pa.versienummer === undefined
        ? { bod_id: pa.bodId ?? null }
        : { versienummer: pa.versienummer, vorige_versie_id: pa.vorigeVersieId ?? null }),
    }),
  );
}

export async function wijzigTitelEnPeriode(
  m: EntityManager,
  id: string,
  nieuw: { titel: string; jaarVan: number; jaarTot: number },
): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .updateTable('prestatieafspraak')
      .set({ titel: nieuw.titel, jaar_van: nieuw.jaarVan, jaar_tot: nieuw.jaarTot })
      .where('id', '=', id),
  );
}

export async function voegPartijenToe(m: EntityManager, paId: string, organisatieIds: readonly string[]) {
  if (!organisatieIds.length) return;
  await voerUitAantal(
    m,
    qb
      .insertInto('prestatieafspraak_partij')
      .values(organisatieIds.map((o) => ({ prestatieafspraak_id: paId, organisatie_id: o }))),
  );
}

export async function verwijderPartij(m: EntityManager, paId: string, organisatieId: string) {
  await voerUitAantal(
    m,
    qb
      .deleteFrom('prestatieafspraak_partij')
      .where('prestatieafspraak_id', '=', paId)
      .where('organisatie_id', '=', organisatieId),
  );
}

export interface AfspraakInhoud {
  actielijn: string;
  aandachtsgroep: string | null;
  omschrijving: string;
  soort: AfspraakSoort;
  indicatorCode: string | null;
  catalogusVersie: string | null;
  mijlpaalDatum: string | null;
  verantwoordelijkeId: string;
}

/** A new afspraak gets the next volgnummer of its prestatieafspraak. */
export async function voegAfspraakToe(
  m: EntityManager,
  id: string,
  paId: string,
  a: AfspraakInhoud,
): Promise<void> {
  await voerUitAantal(
    m,
    qb.insertInto('afspraak').values({
      id,
      prestatieafspraak_id: paId,
      volgnummer: qb
        .selectFrom('afspraak')
        .select(sql<number>`coalesce(max(volgnummer), 0) + 1`.as('volgnummer'))
        .where('prestatieafspraak_id', '=', paId),
      actielijn: a.actielijn,
      aandachtsgroep: a.aandachtsgroep,
      omschrijving: a.omschrijving,
      soort: a.soort,
      indicator_code: a.indicatorCode,
      catalogus_versie: a.catalogusVersie,
      mijlpaal_datum: a.mijlpaalDatum,
      mijlpaal_status: a.soort === 'MIJLPAAL' ? 'NIET_GESTART' : null,
      verantwoordelijke_id: a.verantwoordelijkeId,
    }),
  );
}

/** A mijlpaal keeps the status reported so far (copied into a new version); other kinds have none. */
export async function wijzigAfspraak(m: EntityManager, id: string, a: AfspraakInhoud): Promise<void> {
  const mijlpaal = a.soort === 'MIJLPAAL';
  await voerUitAantal(
    m,
    qb
      .updateTable('afspraak')
      .set({
        actielijn: a.actielijn,
        aandachtsgroep: a.aandachtsgroep,
        omschrijving: a.omschrijving,
        soort: a.soort,
        indicator_code: a.indicatorCode,
        catalogus_versie: a.catalogusVersie,
        mijlpaal_datum: a.mijlpaalDatum,
        verantwoordelijke_id: a.verantwoordelijkeId,
        mijlpaal_status: mijlpaal ? sql`coalesce(mijlpaal_status, 'NIET_GESTART')` : null,
        mijlpaal_toelichting: mijlpaal ? sql.ref('mijlpaal_toelichting') : null,
        mijlpaal_gereed_op: mijlpaal ? sql.ref('mijlpaal_gereed_op') : null,
        mijlpaal_bijgewerkt_op: mijlpaal ? sql.ref('mijlpaal_bijgewerkt_op') : null,
      })
      .where('id', '=', id),
  );
}

export async function verwijderAfspraak(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(m, qb.deleteFrom('afspraak').where('id', '=', id));
}

export async function vervangDoelwaarden(
  m: EntityManager,
  paId: string,
  afspraakId: string,
  doelwaarden: readonly { jaar: number; waarde: number; peildatum: string }[],
  { eerstLeegmaken }: { eerstLeegmaken: boolean },
): Promise<void> {
  if (eerstLeegmaken)
    await voerUitAantal(m, qb.deleteFrom('afspraak_doelwaarde').where('afspraak_id', '=', afspraakId));
  if (!doelwaarden.length) return;
  await voerUitAantal(
    m,
    qb.insertInto('afspraak_doelwaarde').values(
      doelwaarden.map((d) => ({
        afspraak_id: afspraakId,
        prestatieafspraak_id: paId,
        jaar: d.jaar,
        waarde: d.waarde,
        peildatum: d.peildatum,
      })),
    ),
  );
}

/**
 * The content of a new version: the parties, afspraken (linked through vorige_afspraak_id, with
 * their mijlpaal state) and doelwaarden of the version it changes.
 */
export async function kopieerInhoud(m: EntityManager, nieuwId: string, vorigeId: string): Promise<void> {
  await voerUitAantal(
    m,
    qb
      .insertInto('prestatieafspraak_partij')
      .columns(['prestatieafspraak_id', 'organisatie_id'])
      .expression(
        qb
          .selectFrom('prestatieafspraak_partij')
          .select([sql<string>`${nieuwId}`.as('prestatieafspraak_id'), 'organisatie_id'])
          .where('prestatieafspraak_id', '=', vorigeId),
      ),
  );
  const kolommen = [
    'volgnummer',
    'actielijn',
    'aandachtsgroep',
    'omschrijving',
    'soort',
    'indicator_code',
    'catalogus_versie',
    'mijlpaal_datum',
    'mijlpaal_status',
    'mijlpaal_toelichting',
    'mijlpaal_gereed_op',
    'mijlpaal_bijgewerkt_op',
    'verantwoordelijke_id',
  ] as const;
  await voerUitAantal(
    m,
    qb
      .insertInto('afspraak')
      .columns(['prestatieafspraak_id', ...kolommen, 'vorige_afspraak_id'])
      .expression(
        qb
          .selectFrom('afspraak')
          .select([sql<string>`${nieuwId}`.as('prestatieafspraak_id'), ...kolommen, 'id'])
          .where('prestatieafspraak_id', '=', vorigeId),
      ),
  );
  await voerUitAantal(
    m,
    qb
      .insertInto('afspraak_doelwaarde')
      .columns(['afspraak_id', 'prestatieafspraak_id', 'jaar', 'waarde', 'peildatum'])
      .expression(
        qb
          .selectFrom('afspraak_doelwaarde as d')
          .innerJoin('afspraak as n', (j) =>
            j.onRef('n.vorige_afspraak_id', '=', 'd.afspraak_id').on('n.prestatieafspraak_id', '=', nieuwId),
          )
          .select([
            'n.id',
            sql<string>`${nieuwId}`.as('prestatieafspraak_id'),
            'd.jaar',
            'd.waarde',
            'd.peildatum',
          ])
          .where('d.prestatieafspraak_id', '=', vorigeId),
      ),
  );
}

/**
 * Ends the version this one replaces (tm_vervang_vorige_versie: the last signer need not be a
 * party to the old version). Returns its id, or null when it was no longer VASTGESTELD.
 */
export async function vervangVorigeVersie(m: EntityManager, paId: string): Promise<string | null> {
  const rij = await voerUitEerste(
    m,
    sql<{ vorige: string | null }>`SELECT tm_vervang_vorige_versie(${paId}) AS vorige`,
  );
  return rij?.vorige ?? null;
}

export async function aantalReacties(m: EntityManager, paId: string): Promise<number> {
  const rij = await voerUitEerste(
    m,
    qb
      .selectFrom('prestatieafspraak_reactie')
      .select(sql<number>`count(*)::int`.as('reacties'))
      .where('prestatieafspraak_id', '=', paId),
  );
  return rij?.reacties ?? 0;
}

/** Deletes a concept (parties, afspraken, doelwaarden, reacties cascade); the number of rows RLS let go. */
export function verwijderPrestatieafspraak(m: EntityManager, id: string): Promise<number> {
  return voerUitAantal(m, qb.deleteFrom('prestatieafspraak').where('id', '=', id));
}
