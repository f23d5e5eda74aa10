import type { EntityManager } from 'typeorm';
import {
  kwartaalVanDatum,
  publicatieWeigeringMelding,
  type Aandachtsgroep,
  type IsoDatum,
  type Kwartaal,
  type PublicatieWeigering,
} from '@thuismonitor/domain';
import { ongeldig } from '../common/fouten';

/**
 * The only way the API reads protected figures across owners (docs/decisions.md, "Publicatie").
 * Typed wrappers over the SECURITY DEFINER functions of migration 1764100000000; each takes the
 * EntityManager of a ScopedDb transaction (request, snapshot or job), whose tm.* settings name
 * the principal. Postgres applies the rule: cells the principal owns come back exact
 * (`eigen: true`), every other cell as its released value (0, or ≥ 5, a sum of released base
 * cells). A period off the grid, or with a quarter that is not closed yet, is refused for a
 * request that includes cells of others: the error becomes a Dutch ONGELDIGE_INVOER.
 *
 * Gemeenten outside the principal's scope are left out silently, like RLS does; callers check
 * the area with gebiedZichtbaar first. `gemeenten: null` means every gemeente in scope (LAND).
 */
export interface PublicatieVerzoek {
  readonly gemeenten: readonly string[] | null;
  /** first day of a quarter, for anything that includes others' cells */
  readonly van: IsoDatum;
  /** last day of a closed quarter, for anything that includes others' cells */
  readonly tot: IsoDatum;
  /**
   * Only the principal's own cells (exact), for any period and any quarter: a corporatie's own
   * toewijzingen, a zorgaanbieder's own kwartaalcijfers. Never refused.
   */
  readonly alleenEigen?: boolean;
}

/** Toewijzingen of one gemeente × aandachtsgroep × via urgentie, own cells or others' cells. */
export interface ToewijzingCelRij {
  readonly gemeente: string;
  /** null = regulier (no aandachtsgroep) */
  readonly aandachtsgroep: Aandachtsgroep | null;
  readonly viaUrgentie: boolean;
  /** true: the principal's own cells, exact; false: others' cells, released values */
  readonly eigen: boolean;
  readonly huishoudens: number;
  readonly personen: number;
}

export async function toewijzingCellen(m: Pick<EntityManager, 'query'>, v: PublicatieVerzoek): Promise<ToewijzingCelRij[]> {
  const rijen: {
    gemeente_code: string;
    aandachtsgroep: Aandachtsgroep | null;
    via_urgentie: boolean;
    eigen: boolean;
    huishoudens: string;
    personen: string;
  }[] = await metFoutvertaling(() =>
    m.query(`SELECT * FROM tm_publicatie_toewijzingen($1::text[], $2::date, $3::date, $4)`, [
      v.gemeenten,
      v.van,
      v.tot,
      v.alleenEigen ?? false,
    ]),
  );
  return rijen.map((r) => ({
    gemeente: r.gemeente_code,
    aandachtsgroep: r.aandachtsgroep,
    viaUrgentie: r.via_urgentie,
    eigen: r.eigen,
    huishoudens: Number(r.huishoudens),
    personen: Number(r.personen),
  }));
}

/**
 * Statushouders gehuisvest in persons per gemeente, on the grid and closed quarters: own cells
 * (own corporatie, own gemeente) exact, others' cells their released persons (a rounded cell
 * counts 11), as for every protected figure (migration 1765300000000).
 */
export async function statushoudersPersonen(
  m: Pick<EntityManager, 'query'>,
  v: Omit<PublicatieVerzoek, 'alleenEigen'>,
): Promise<{ gemeente: string; personen: number }[]> {
  const rijen: { gemeente_code: string; personen: string }[] = await metFoutvertaling(() =>
    m.query(`SELECT * FROM tm_publicatie_statushouders($1::text[], $2::date, $3::date)`, [
      v.gemeenten,
      v.van,
      v.tot,
    ]),
  );
  return rijen.map((r) => ({ gemeente: r.gemeente_code, personen: Number(r.personen) }));
}

export interface KwartaalcijferVerzoek extends PublicatieVerzoek {
  readonly indicatoren: readonly string[];
  /**
   * false (SOM): the sum over the quarters wholly inside [van, tot];
   * true (STAND): per reporting organisation its latest quarter inside [van, tot], summed
   * (van = the oldest quarter that still counts, tot = the peildatum's quarter).
   * The grid and closed-quarter rule applies only when a protected indicator is asked for.
   */
  readonly stand?: boolean;
}

export interface KwartaalcijferCelRij {
  readonly gemeente: string;
  readonly indicatorCode: string;
  readonly eigen: boolean;
  readonly waarde: number;
  /** reporting organisations behind the value (coverage: which gemeenten reported at all) */
  readonly organisaties: number;
}

export async function kwartaalcijferCellen(
  m: Pick<EntityManager, 'query'>,
  v: KwartaalcijferVerzoek,
): Promise<KwartaalcijferCelRij[]> {
  const rijen: {
    gemeente_code: string;
    indicator_code: string;
    eigen: boolean;
    waarde: string;
    organisaties: number;
  }[] = await metFoutvertaling(() =>
    m.query(
      `SELECT * FROM tm_publicatie_kwartaalcijfers($1::text[], $2::date, $3::date, $4::text[], $5, $6)`,
      [v.gemeenten, v.van, v.tot, v.indicatoren, v.stand ?? false, v.alleenEigen ?? false],
    ),
  );
  return rijen.map((r) => ({
    gemeente: r.gemeente_code,
    indicatorCode: r.indicator_code,
    eigen: r.eigen,
    waarde: Number(r.waarde),
    organisaties: Number(r.organisaties),
  }));
}

/**
 * The last closed quarter as Postgres sees it (today in Amsterdam, the data deadline stored at
 * migration time from REPORT_DEADLINE_DAYS): the latest `tot` a non-owner request may use.
 */
export async function laatstGeslotenKwartaal(m: EntityManager): Promise<Kwartaal> {
  const [r]: { tot: string }[] = await m.query(
    `SELECT to_char(tm_publicatie_laatst_gesloten(), 'YYYY-MM-DD') AS tot`,
  );
  return kwartaalVanDatum(r.tot);
}

const WEIGERING: Record<string, PublicatieWeigering> = {
  TMP01: 'NIET_OP_RASTER',
  TMP02: 'KWARTAAL_NIET_GESLOTEN',
};

/** The refusal in a database error (SQLSTATE TMP01 / TMP02), or undefined for any other error. */
export function publicatieWeigeringVan(fout: unknown): PublicatieWeigering | undefined {
  const f = fout as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = f?.driverError?.code ?? f?.code;
  return typeof code === 'string' ? WEIGERING[code] : undefined;
}

async function metFoutvertaling<T>(werk: () => Promise<T>): Promise<T> {
  try {
    return await werk();
  } catch (fout) {
    const reden = publicatieWeigeringVan(fout);
    if (reden) throw ongeldig(publicatieWeigeringMelding(reden));
    throw fout;
  }
}
