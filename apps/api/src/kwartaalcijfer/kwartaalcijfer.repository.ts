import type { EntityManager } from 'typeorm';
import type { RijZicht } from '@thuismonitor/auth';
import { qb, sql, voerUit, voerUitAantal, voerUitEerste } from '../database/query';
import type { Kwartaalcijfer } from './kwartaalcijfer.types';

/** SQL for quarterly figures. Runs in a ScopedDb transaction (row-level security holds too). */

export type KwartaalcijferRij = Omit<Kwartaalcijfer, 'kwartaal' | 'indicatorNaam'> & {
  jaar: number;
  kwartaal: number;
};

const kolommen = [
  'id',
  'indicator_code as indicatorCode',
  'organisatie_id as organisatieId',
  'gemeente_code as gemeenteCode',
  'jaar',
  'kwartaal',
  sql<number>`waarde::float8`.as('waarde'),
  'toelichting',
  'actueel',
  'vervangt_id as vervangtId',
  'gerapporteerd_door as gerapporteerdDoor',
  'gerapporteerd_op as gerapporteerdOp',
] as const;

/** One figure: indicator, organisatie, gemeente, kwartaal. */
export interface CijferSleutel {
  indicatorCode: string;
  organisatieId: string;
  gemeenteCode: string;
  jaar: number;
  kwartaal: number;
}

function vanSleutel(k: CijferSleutel) {
  return qb
    .selectFrom('kwartaalcijfer')
    .select(kolommen)
    .where('indicator_code', '=', k.indicatorCode)
    .where('organisatie_id', '=', k.organisatieId)
    .where('gemeente_code', '=', k.gemeenteCode)
    .where('jaar', '=', k.jaar)
    .where('kwartaal', '=', k.kwartaal)
    .$castTo<KwartaalcijferRij>();
}

/** The current figure of this key, locked (a correction replaces it). */
export function actueelVoorUpdate(
  m: EntityManager,
  k: CijferSleutel,
): Promise<KwartaalcijferRij | undefined> {
  return voerUitEerste(m, vanSleutel(k).where('actueel', '=', true).forUpdate());
}

/** Every version of the figure, newest first. */
export function historie(m: EntityManager, k: CijferSleutel): Promise<KwartaalcijferRij[]> {
  return voerUit(
    m,
    vanSleutel(k).orderBy('actueel', 'desc').orderBy('gerapporteerd_op', 'desc').orderBy('id'),
  );
}

export async function nietMeerActueel(m: EntityManager, id: string): Promise<void> {
  await voerUitAantal(m, qb.updateTable('kwartaalcijfer').set({ actueel: false }).where('id', '=', id));
}

export async function voegToe(
  m: EntityManager,
  k: CijferSleutel,
  w: { waarde: number; toelichting: string | null; vervangtId: string | null; door: string },
): Promise<KwartaalcijferRij> {
  const rij = await voerUitEerste(
    m,
    qb
      .insertInto('kwartaalcijfer')
      .values({
        indicator_code: k.indicatorCode,
        organisatie_id: k.organisatieId,
        gemeente_code: k.gemeenteCode,
        jaar: k.jaar,
        kwartaal: k.kwartaal,
        waarde: w.waarde,
        toelichting: w.toelichting,
        vervangt_id: w.vervangtId,
        gerapporteerd_door: w.door,
      })
      .returning(kolommen)
      .$castTo<KwartaalcijferRij>(),
  );
  return rij!;
}

/** `id` must be a uuid (the service checks). */
export function cijfer(m: EntityManager, id: string): Promise<KwartaalcijferRij | undefined> {
  return voerUitEerste(
    m,
    qb.selectFrom('kwartaalcijfer').select(kolommen).where('id', '=', id).$castTo<KwartaalcijferRij>(),
  );
}

/** A list's filter, checked by the service; quarters as domain kwartaalVolgnummer (jaar * 4 + kwartaal - 1). */
export interface KwartaalcijferZoek {
  zicht: RijZicht;
  gemeenteCode?: string;
  indicatorCode?: string;
  /** a uuid (the service answers an empty list for anything else) */
  organisatieId?: string;
  kwartaal?: number;
  van?: number;
  tot?: number;
}

/** The current figures the caller may see, newest quarter first. */
export function lijst(m: EntityManager, zoek: KwartaalcijferZoek): Promise<KwartaalcijferRij[]> {
  const volgnummer = sql<number>`jaar * 4 + kwartaal - 1`;
  return voerUit(
    m,
    qb
      .selectFrom('kwartaalcijfer')
      .select(kolommen)
      .where((eb) => {
        const waar = [
          eb('actueel', '=', true),
          eb.or([
            eb('organisatie_id', '=', zoek.zicht.eigenaarOrganisatieId),
            eb('gemeente_code', '=', zoek.zicht.gemeenteCode),
          ]),
        ];
        if (zoek.gemeenteCode) waar.push(eb('gemeente_code', '=', zoek.gemeenteCode));
        if (zoek.indicatorCode) waar.push(eb('indicator_code', '=', zoek.indicatorCode));
        if (zoek.organisatieId) waar.push(eb('organisatie_id', '=', zoek.organisatieId));
        if (zoek.kwartaal !== undefined) waar.push(eb(volgnummer, '=', zoek.kwartaal));
        if (zoek.van !== undefined) waar.push(eb(volgnummer, '>=', zoek.van));
        if (zoek.tot !== undefined) waar.push(eb(volgnummer, '<=', zoek.tot));
        return eb.and(waar);
      })
      .orderBy('jaar', 'desc')
      .orderBy('kwartaal', 'desc')
      .orderBy('gemeente_code')
      .orderBy('indicator_code')
      .orderBy('organisatie_id')
      .$castTo<KwartaalcijferRij>(),
  );
}
