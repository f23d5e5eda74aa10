import type { EntityManager } from 'typeorm';
import type { ProjectZicht } from '@thuismonitor/auth';
import type { NieuwbouwprojectGegevens } from '@thuismonitor/domain';
import { qb, sql, voerUit, voerUitEerste } from '../database/query';

/** SQL for nieuwbouwprojecten. Runs in a ScopedDb transaction (row-level security holds too). */

const kolommen = [
  'id',
  'naam',
  'fase',
  'gemeente_code as gemeenteCode',
  'eigenaar_id as eigenaarId',
  'woningen_sociale_huur as socialeHuur',
  'woningen_middenhuur as middenhuur',
  'woningen_vrije_sector_huur as vrijeSectorHuur',
  'woningen_koop_betaalbaar as koopBetaalbaar',
  'woningen_koop_vrij as koopVrij',
  'woningen_aandachtsgroepen as aandachtsgroepen',
  'woningen_per_aandachtsgroep as perAandachtsgroep',
  'woningen_nultreden as nultreden',
  'woningen_flex as flex',
  'standplaatsen',
  sql<string | null>`to_char(plan_datum, 'YYYY-MM-DD')`.as('planDatum'),
  sql<string | null>`to_char(vergund_op, 'YYYY-MM-DD')`.as('vergundOp'),
  sql<string | null>`to_char(start_bouw_op, 'YYYY-MM-DD')`.as('startBouwOp'),
  sql<string | null>`to_char(opgeleverd_op, 'YYYY-MM-DD')`.as('opgeleverdOp'),
  'versie',
  'aangemaakt_op as aangemaaktOp',
  'gewijzigd_op as gewijzigdOp',
] as const;

export interface ProjectRij {
  id: string;
  naam: string;
  fase: NieuwbouwprojectGegevens['fase'];
  gemeenteCode: string;
  eigenaarId: string;
  socialeHuur: number;
  middenhuur: number;
  vrijeSectorHuur: number;
  koopBetaalbaar: number;
  koopVrij: number;
  aandachtsgroepen: number;
  /** jsonb: aandachtsgroep → woningen (only groups with woningen) */
  perAandachtsgroep: Record<string, number> | null;
  nultreden: number;
  flex: number;
  standplaatsen: number;
  planDatum: string | null;
  vergundOp: string | null;
  startBouwOp: string | null;
  opgeleverdOp: string | null;
  versie: number;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

/** A list's filter, checked by the service: what the caller may see, then the user's choices. */
export interface NieuwbouwZoek {
  zicht: ProjectZicht;
  gemeenteCode?: string;
  fase?: string;
  /** a uuid (the service answers an empty list for anything else) */
  eigenaarId?: string;
}

export function lijst(m: EntityManager, zoek: NieuwbouwZoek): Promise<ProjectRij[]> {
  const g = zoek.zicht.gemeenten;
  return voerUit(
    m,
    qb
      .selectFrom('nieuwbouwproject')
      .select(kolommen)
      .where((eb) => {
        const waar = [
          eb.or([
            eb('eigenaar_id', '=', zoek.zicht.eigenaarOrganisatieId),
            eb.val(g.soort === 'ALLE'),
            eb('gemeente_code', '=', sql<string>`ANY(${g.soort === 'ALLE' ? [] : g.codes}::text[])`),
          ]),
        ];
        if (zoek.gemeenteCode) waar.push(eb('gemeente_code', '=', zoek.gemeenteCode));
        if (zoek.fase) waar.push(eb('fase', '=', zoek.fase));
        if (zoek.eigenaarId) waar.push(eb('eigenaar_id', '=', zoek.eigenaarId));
        return eb.and(waar);
      })
      .orderBy('gemeente_code')
      .orderBy('naam')
      .orderBy('id')
      .$castTo<ProjectRij>(),
  );
}

/** The project (locked for a change when `vergrendel`); `id` must be a uuid (the service checks). */
export function project(m: EntityManager, id: string, vergrendel: boolean): Promise<ProjectRij | undefined> {
  const q = qb.selectFrom('nieuwbouwproject').select(kolommen).where('id', '=', id).$castTo<ProjectRij>();
  return voerUitEerste(m, vergrendel ? q.forUpdate() : q);
}

/** The columns a project's gegevens fill, for INSERT and UPDATE alike. */
function gegevensKolommen(g: NieuwbouwprojectGegevens, gemeenteCode: string) {
  const w = g.woningen;
  return {
    naam: g.naam,
    gemeente_code: gemeenteCode,
    fase: g.fase,
    woningen_sociale_huur: w.socialeHuur,
    woningen_middenhuur: w.middenhuur,
    woningen_vrije_sector_huur: w.vrijeSectorHuur,
    woningen_koop_betaalbaar: w.koopBetaalbaar,
    woningen_koop_vrij: w.koopVrij,
    woningen_aandachtsgroepen: w.aandachtsgroepen,
    woningen_per_aandachtsgroep: JSON.stringify(
      Object.fromEntries(Object.entries(w.perAandachtsgroep).filter(([, n]) => n! > 0)),
    ),
    woningen_nultreden: w.nultreden,
    woningen_flex: w.flex,
    standplaatsen: w.standplaatsen,
    plan_datum: g.datums.planDatum,
    vergund_op: g.datums.vergundOp,
    start_bouw_op: g.datums.startBouwOp,
    opgeleverd_op: g.datums.opgeleverdOp,
  };
}

export async function voegToe(
  m: EntityManager,
  g: NieuwbouwprojectGegevens,
  gemeenteCode: string,
  eigenaarId: string,
): Promise<ProjectRij> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('nieuwbouwproject')
      .values({ ...gegevensKolommen(g, gemeenteCode), eigenaar_id: eigenaarId })
      .returning(kolommen)
      .$castTo<ProjectRij>(),
  );
  return rij!;
}

/** The row is locked by the caller, so the versie check holds. */
export async function wijzig(
  m: EntityManager,
  id: string,
  versie: number,
  g: NieuwbouwprojectGegevens,
  gemeenteCode: string,
): Promise<ProjectRij | undefined> {
  return voerUitEerste(
    m,
    qb
      .updateTable('nieuwbouwproject')
      .set({
        ...gegevensKolommen(g, gemeenteCode),
        versie: sql<number>`versie + 1`,
        gewijzigd_op: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('versie', '=', versie)
      .returning(kolommen)
      .$castTo<ProjectRij>(),
  );
}
