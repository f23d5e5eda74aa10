import type { EntityManager } from 'typeorm';
import type {
  ProgrammaMaker,
  ProgrammaStatus,
  RegimeCode,
  VolkshuisvestingRegime as Regime,
} from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitEerste } from '../database/query';

/**
 * SQL for volkshuisvestingsprogramma's and the legal regimes. Programmes run in a ScopedDb
 * transaction (RLS is the second wall); the regimes are reference data.
 */

/**
 * Of these gemeente codes, those that exist on `peildatum` (not opgeheven on or before it). An area
 * keeps the codes of gemeenten merged away, but "m gemeenten" counts only the existing ones.
 */
export async function leesBestaandeGemeenten(
  m: EntityManager,
  codes: readonly string[],
  peildatum: string,
): Promise<string[]> {
  const rijen = await voerUit(
    m,
    qb
      .selectFrom('gemeente')
      .select('code')
      .where((eb) =>
        eb.and([
          eb('code', '=', eb.fn.any(eb.val(codes))),
          eb.or([eb('opgeheven_op', 'is', null), eb('opgeheven_op', '>', sql<string>`${peildatum}::date`)]),
        ]),
      ),
  );
  return rijen.map((r) => r.code);
}

// ---- volkshuisvestingsprogramma ----

export interface ProgrammaRij {
  id: string;
  gebied_soort: 'GEMEENTE' | 'PROVINCIE' | 'LAND';
  gebied_code: string;
  organisatie: string;
  organisatie_soort: ProgrammaMaker;
  status: ProgrammaStatus;
  titel: string;
  vastgesteld_op: string | null;
  herzien_op: string | null;
  jaar_van: number | null;
  jaar_tot: number | null;
  woonzorg_opgenomen: boolean;
  woonzorg_toelichting: string | null;
  document_url: string | null;
  versie: number;
  gewijzigd_op: Date;
}

export interface ProgrammaWaarden {
  /** checked by programmaFouten */
  status: string;
  titel: string;
  vastgesteldOp: string | null;
  herzienOp: string | null;
  jaarVan: number | null;
  jaarTot: number | null;
  woonzorgOpgenomen: boolean;
  woonzorgToelichting: string | null;
  documentUrl: string | null;
}

function programmas() {
  return qb
    .selectFrom('volkshuisvestingsprogramma as p')
    .innerJoin('organisatie as o', 'o.id', 'p.organisatie_id')
    .select([
      'p.id',
      'p.gebied_soort',
      'p.gebied_code',
      'o.naam as organisatie',
      'o.soort as organisatie_soort',
      'p.status',
      'p.titel',
      sql<string | null>`to_char(p.vastgesteld_op, 'YYYY-MM-DD')`.as('vastgesteld_op'),
      sql<string | null>`to_char(p.herzien_op, 'YYYY-MM-DD')`.as('herzien_op'),
      'p.jaar_van',
      'p.jaar_tot',
      'p.woonzorg_opgenomen',
      'p.woonzorg_toelichting',
      'p.document_url',
      'p.versie',
      'p.gewijzigd_op',
    ]);
}

/** The programme of an area (at most one per area). */
export async function leesProgrammaVanGebied(
  m: EntityManager,
  soort: string,
  code: string,
): Promise<ProgrammaRij | undefined> {
  return (await voerUitEerste(
    m,
    programmas().where('p.gebied_soort', '=', soort).where('p.gebied_code', '=', code),
  )) as ProgrammaRij | undefined;
}

/** The organisation's own programme, locked for a change. */
export async function leesEigenProgrammaVoorUpdate(
  m: EntityManager,
  organisatieId: string,
): Promise<ProgrammaRij | undefined> {
  return (await voerUitEerste(
    m,
    programmas().where('p.organisatie_id', '=', organisatieId).forUpdate('p'),
  )) as ProgrammaRij | undefined;
}

export async function leesProgramma(m: EntityManager, id: string): Promise<ProgrammaRij | undefined> {
  return (await voerUitEerste(m, programmas().where('p.id', '=', id))) as ProgrammaRij | undefined;
}

function kolommen(w: ProgrammaWaarden, gebruiker: string) {
  return {
    status: w.status,
    titel: w.titel,
    vastgesteld_op: w.vastgesteldOp,
    herzien_op: w.herzienOp,
    jaar_van: w.jaarVan,
    jaar_tot: w.jaarTot,
    woonzorg_opgenomen: w.woonzorgOpgenomen,
    woonzorg_toelichting: w.woonzorgToelichting,
    document_url: w.documentUrl,
    gebruiker,
  };
}

export async function wijzigProgramma(
  m: EntityManager,
  id: string,
  w: ProgrammaWaarden,
  gebruiker: string,
): Promise<void> {
  await voerUit(
    m,
    qb
      .updateTable('volkshuisvestingsprogramma')
      .set((eb) => ({
        ...kolommen(w, gebruiker),
        versie: eb('versie', '+', 1),
        gewijzigd_op: sql<Date>`clock_timestamp()`,
      }))
      .where('id', '=', id),
  );
}

export async function nieuwProgramma(
  m: EntityManager,
  w: ProgrammaWaarden,
  gebruiker: string,
  organisatieId: string,
  gebied: { soort: string; code: string },
): Promise<string> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('volkshuisvestingsprogramma')
      .values({
        ...kolommen(w, gebruiker),
        organisatie_id: organisatieId,
        gebied_soort: gebied.soort,
        gebied_code: gebied.code,
      })
      .returning('id'),
  );
  return rij!.id;
}

/** The status of each gemeente's programme vastgesteld on or before `peildatum`. */
export async function leesVastgesteldeProgrammas(
  m: EntityManager,
  gemeenten: readonly string[],
  peildatum: string,
): Promise<{ gebied_code: string; status: ProgrammaStatus }[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('volkshuisvestingsprogramma')
      .select(['gebied_code', 'status'])
      .where('gebied_soort', '=', 'GEMEENTE')
      .where((eb) => eb('gebied_code', '=', eb.fn.any(eb.val(gemeenten))))
      .where('vastgesteld_op', '<=', sql<string>`${peildatum}::date`),
  )) as { gebied_code: string; status: ProgrammaStatus }[];
}

// ---- volkshuisvesting_regime ----

export interface RegimeRij {
  code: RegimeCode;
  volgorde: number;
  naam: string;
  geldig_van: string | null;
  geldig_tot: string | null;
  beoogde_inwerkingtreding: string | null;
  bod_deadline: string;
  geschil_van: string;
  geschil_tot: string;
  geschil_onderwerpen: Regime['geschilOnderwerpen'];
  bod_grondslag: string;
  programma_verplicht: boolean;
  woonzorg: Regime['woonzorg'];
  bronnen: string;
}

/** Every regime, in their order. */
export async function leesRegimes(m: EntityManager): Promise<RegimeRij[]> {
  return (await voerUit(
    m,
    qb
      .selectFrom('volkshuisvesting_regime')
      .select([
        'code',
        'volgorde',
        'naam',
        sql<string | null>`to_char(geldig_van, 'YYYY-MM-DD')`.as('geldig_van'),
        sql<string | null>`to_char(geldig_tot, 'YYYY-MM-DD')`.as('geldig_tot'),
        sql<string | null>`to_char(beoogde_inwerkingtreding, 'YYYY-MM-DD')`.as('beoogde_inwerkingtreding'),
        'bod_deadline',
        'geschil_van',
        'geschil_tot',
        'geschil_onderwerpen',
        'bod_grondslag',
        'programma_verplicht',
        'woonzorg',
        'bronnen',
      ])
      .orderBy('volgorde'),
  )) as RegimeRij[];
}

/** Locks every regime row, so two changes of the dates do not interleave. */
export async function vergrendelRegimes(m: EntityManager): Promise<void> {
  await voerUit(
    m,
    qb
      .selectFrom('volkshuisvesting_regime')
      .select(sql<number>`1`.as('een'))
      .forUpdate(),
  );
}

export async function zetRegimeDatums(
  m: EntityManager,
  code: string,
  geldigVan: string | null,
  geldigTot: string | null,
): Promise<void> {
  await voerUit(
    m,
    qb
      .updateTable('volkshuisvesting_regime')
      .set({ geldig_van: geldigVan, geldig_tot: geldigTot })
      .where('code', '=', code),
  );
}
