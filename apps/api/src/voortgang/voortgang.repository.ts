import {
  AANDACHTSGROEPEN,
  INDICATOR_CATALOGUS,
  SEGMENTEN,
  type Indicator,
  type IsoDatum,
  type NieuwbouwBerekening,
  type OrganisatieSoort,
  type Segment,
  type ToewijzingenBerekening,
} from '@thuismonitor/domain';
import { sql } from '../database/query';
import { vraag, type Vrager } from './voortgang-bundel.repository';

/**
 * SQL for realisation, generated from the indicator catalogue so a new indicator needs no new
 * query: one GROUP BY per source for the whole area, one row per gemeente, never a query per
 * gemeente or per indicator. Area totals are NOT summed here: VoortgangRealisatieService adds up
 * the gemeenten (domain gebied-aggregatie), so a share is Σ teller ÷ Σ noemer over the same gemeenten
 * and every total states its coverage. $3 (tot) is already bounded by the peildatum.
 *
 * Only catalogue constants are spliced into the SQL (sql.raw), and each is checked against the
 * domain's closed lists first; everything that comes from a request is a bind parameter. Every
 * function takes a Vrager: the Bundel of one voortgang (one round trip), or an EntityManager.
 */

/** gemeente codes, or null for every gemeente (LAND: no filter, so Postgres reads the date index) */
type Gemeenten = readonly string[] | null;

/** One row per gemeente, a column c0, c1, … per indicator of the source (`codes` says which). */
export type KolomRij = { gemeente: string | null } & Record<`c${number}`, string | number | null>;

/** Realisation of one indicator in one gemeente (kwartaalcijfers, mijlpalen). */
export interface IndicatorRij {
  gemeente: string | null;
  indicator: string;
  waarde: number;
}

export type Bron = Indicator['bron'];
export const indicatorenVan = (bron: Bron) => INDICATOR_CATALOGUS.filter((i) => i.bron === bron);

function aandachtsgroep(groep: string): string {
  if (!(AANDACHTSGROEPEN as readonly string[]).includes(groep))
    throw new Error(`unknown aandachtsgroep ${groep}`);
  return groep;
}

function toewijzingExpressie(b: ToewijzingenBerekening): string {
  const filter: string[] = [];
  if (b.aandachtsgroep !== 'ALLE') filter.push(`aandachtsgroep = '${aandachtsgroep(b.aandachtsgroep)}'`);
  if (b.alleenViaUrgentie) filter.push('via_urgentie');
  const agg = b.telling === 'PERSONEN' ? 'sum(huishoudgrootte)' : 'count(*)';
  return `coalesce(${agg}${filter.length ? ` FILTER (WHERE ${filter.join(' AND ')})` : ''}, 0)::bigint`;
}

const SEGMENT_KOLOM: Record<Segment, string> = {
  SOCIALE_HUUR: 'woningen_sociale_huur',
  MIDDENHUUR: 'woningen_middenhuur',
  VRIJE_SECTOR_HUUR: 'woningen_vrije_sector_huur',
  KOOP_BETAALBAAR: 'woningen_koop_betaalbaar',
  KOOP_VRIJ: 'woningen_koop_vrij',
};

function nieuwbouwExpressie(b: NieuwbouwBerekening): string {
  if (b.telling === 'WONINGEN_VOOR_AANDACHTSGROEPEN') {
    // the per-group split is a jsonb object on the project ({ "STUDENTEN": 40 }); absent = 0
    const kolom = b.aandachtsgroep
      ? `coalesce((woningen_per_aandachtsgroep ->> '${aandachtsgroep(b.aandachtsgroep)}')::int, 0)`
      : 'woningen_aandachtsgroepen';
    return `coalesce(sum(${kolom}), 0)::bigint`;
  }
  const segmenten = b.segmenten === 'ALLE' ? SEGMENTEN : b.segmenten;
  return `coalesce(sum(${segmenten.map((s) => SEGMENT_KOLOM[s]).join(' + ')}), 0)::bigint`;
}

const TOEWIJZINGEN = indicatorenVan('TOEWIJZINGEN');
const TOEWIJZING_KOLOMMEN = TOEWIJZINGEN.map(
  (i, n) => `${toewijzingExpressie(i.berekening as ToewijzingenBerekening)} AS c${n}`,
).join(', ');
/** the indicator of each column c0, c1, … of toewijzingRijen */
export const TOEWIJZING_CODES: readonly string[] = TOEWIJZINGEN.map((i) => i.code);

/**
 * Toewijzingen per gemeente dated van..tot (tot at most the peildatum), one row per gemeente with
 * data; RLS decides which rows count.
 */
export function toewijzingRijen(
  v: Vrager,
  gemeenten: Gemeenten,
  van: IsoDatum,
  tot: IsoDatum,
): Promise<KolomRij[]> {
  return vraag(
    v,
    sql<KolomRij>`SELECT gemeente_code AS gemeente, ${sql.raw(TOEWIJZING_KOLOMMEN)}
          FROM toewijzing
          WHERE (${gemeenten}::text[] IS NULL OR gemeente_code = ANY(${gemeenten})) AND datum BETWEEN ${van} AND ${tot}
          GROUP BY gemeente_code`,
  );
}

const NIEUWBOUW = indicatorenVan('NIEUWBOUW');
const NIEUWBOUW_KOLOMMEN = NIEUWBOUW.map(
  (i, n) => `${nieuwbouwExpressie(i.berekening as NieuwbouwBerekening)} AS c${n}`,
).join(', ');
/** the indicator of each column c0, c1, … of nieuwbouwRijen */
export const NIEUWBOUW_CODES: readonly string[] = NIEUWBOUW.map((i) => i.code);

/**
 * Woningen of projects opgeleverd in the period (by opleverdatum); same parameters. Reads the view
 * nieuwbouw_oplevering (public-by-nature dwelling counts for anyone in scope, no project identity):
 * the table itself shows project rows only to owner, gemeente, provincie and Rijk (RLS).
 */
export function nieuwbouwRijen(
  v: Vrager,
  gemeenten: Gemeenten,
  van: IsoDatum,
  tot: IsoDatum,
): Promise<KolomRij[]> {
  return vraag(
    v,
    sql<KolomRij>`SELECT gemeente_code AS gemeente, ${sql.raw(NIEUWBOUW_KOLOMMEN)}
          FROM nieuwbouw_oplevering
          WHERE (${gemeenten}::text[] IS NULL OR gemeente_code = ANY(${gemeenten})) AND fase = 'OPGELEVERD' AND opgeleverd_op BETWEEN ${van} AND ${tot}
          GROUP BY gemeente_code`,
  );
}

/** Quarters as running numbers (domain kwartaalVolgnummer) and their years, for kwartaalcijfers. */
export interface KwartaalBereik {
  /** codes of the indicators asked */
  indicatoren: readonly string[];
  /** first and last quarter, kwartaalVolgnummer (jaar × 4 + kwartaal − 1) */
  van: number;
  tot: number;
  /** their years (the range the index kwartaalcijfer_som_idx reads) */
  jaarVan: number;
  jaarTot: number;
}

/** SOM of the actuele kwartaalcijfers of the quarters wholly inside the period, per gemeente. */
export function kwartaalSomRijen(
  v: Vrager,
  gemeenten: Gemeenten,
  k: KwartaalBereik,
): Promise<IndicatorRij[]> {
  return vraag(
    v,
    sql<IndicatorRij>`
  SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(waarde)::float8 AS waarde
  FROM kwartaalcijfer
  WHERE actueel AND (${gemeenten}::text[] IS NULL OR gemeente_code = ANY(${gemeenten})) AND indicator_code = ANY(${k.indicatoren})
    AND jaar BETWEEN ${k.jaarVan} AND ${k.jaarTot} AND jaar * 4 + kwartaal - 1 BETWEEN ${k.van} AND ${k.tot}
  GROUP BY indicator_code, gemeente_code`,
  );
}

/**
 * STAND: per reporting organisation and gemeente the latest actuele figure at or before the last
 * quarter that ended on the peildatum (`k.tot`), no older than STAND_GELDIG_KWARTALEN (`k.van`),
 * summed per gemeente.
 */
export function kwartaalStandRijen(
  v: Vrager,
  gemeenten: Gemeenten,
  k: KwartaalBereik,
): Promise<IndicatorRij[]> {
  return vraag(
    v,
    sql<IndicatorRij>`
  WITH laatste AS (
    SELECT DISTINCT ON (indicator_code, organisatie_id, gemeente_code) indicator_code, gemeente_code, waarde
    FROM kwartaalcijfer
    WHERE actueel AND (${gemeenten}::text[] IS NULL OR gemeente_code = ANY(${gemeenten})) AND indicator_code = ANY(${k.indicatoren})
      AND jaar BETWEEN ${k.jaarVan} AND ${k.jaarTot} AND jaar * 4 + kwartaal - 1 BETWEEN ${k.van} AND ${k.tot}
    ORDER BY indicator_code, organisatie_id, gemeente_code, jaar DESC, kwartaal DESC
  )
  SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(waarde)::float8 AS waarde
  FROM laatste
  GROUP BY indicator_code, gemeente_code`,
  );
}

/** One actuele target row (taakstellingRijen). */
export interface TaakstellingRij {
  soort: string;
  code: string;
  indicator: string;
  van: string;
  tot: string;
  waarde: number;
  gesteld_door: OrganisatieSoort;
}

/**
 * Actuele targets that overlap van..tot, for the area itself (soort, code), its gemeenten, and
 * when `metProvincies` (LAND) every provincie.
 */
export function taakstellingRijen(
  v: Vrager,
  gebied: { soort: string; code: string; gemeenten: readonly string[] },
  van: IsoDatum,
  tot: IsoDatum,
  metProvincies: boolean,
): Promise<TaakstellingRij[]> {
  return vraag(
    v,
    sql<TaakstellingRij>`
  SELECT t.gebied_soort AS soort, t.gebied_code AS code, t.indicator_code AS indicator,
         to_char(t.periode_van, 'YYYY-MM-DD') AS van, to_char(t.periode_tot, 'YYYY-MM-DD') AS tot,
         t.waarde::float8 AS waarde, o.soort AS gesteld_door
  FROM taakstelling t JOIN organisatie o ON o.id = t.gesteld_door_id
  WHERE t.actueel AND t.periode_van <= ${tot} AND t.periode_tot >= ${van}
    AND ((t.gebied_soort = 'GEMEENTE' AND t.gebied_code = ANY(${gebied.gemeenten}))
      OR (t.gebied_soort = ${gebied.soort} AND t.gebied_code = ${gebied.code})
      OR (${metProvincies} AND t.gebied_soort = 'PROVINCIE'))`,
  );
}

/**
 * MIJLPAAL indicators: per gemeente 1 when a vastgestelde afspraak for that milestone was GEREED on
 * or before the peildatum (the SQL form of domain mijlpaalRealisatie), 0 when there is such an
 * afspraak but it is not reached (the area total counts the gemeenten that reached it). Reads the
 * prestatieafspraak tables inside the viewer's scoped transaction, so their RLS decides which
 * afspraken count (parties, provincie, Rijk; never a CONCEPT).
 * `jaarVan`..`jaarTot`: the years of the period.
 *
 * The RLS policy of afspraak calls a function per row it sees (~50 µs), so the plan must visit
 * few afspraak rows: for the country the milestone afspraken via the indicator index (one per
 * prestatieafspraak); for a smaller area first its prestatieafspraken, then their afspraken
 * (OFFSET 0 keeps the planner from turning that back into a scan of every milestone afspraak).
 */
export function mijlpaalRijen(
  v: Vrager,
  gemeenten: Gemeenten,
  codes: readonly string[],
  peil: IsoDatum,
  jaarVan: number,
  jaarTot: number,
): Promise<IndicatorRij[]> {
  const perGemeente =
    gemeenten === null
      ? sql`SELECT p.gemeente_code, a.indicator_code,
              max(CASE WHEN a.mijlpaal_status = 'GEREED' AND a.mijlpaal_gereed_op <= ${peil} THEN 1 ELSE 0 END) AS bereikt
       FROM afspraak a JOIN prestatieafspraak p ON p.id = a.prestatieafspraak_id
       WHERE p.status = 'VASTGESTELD' AND a.soort = 'MIJLPAAL' AND a.indicator_code = ANY(${codes})
         AND (${gemeenten}::text[] IS NULL OR p.gemeente_code = ANY(${gemeenten})) AND p.jaar_van <= ${jaarTot} AND p.jaar_tot >= ${jaarVan}
       GROUP BY 1, 2`
      : sql`SELECT p.gemeente_code, a.indicator_code,
              max(CASE WHEN a.mijlpaal_status = 'GEREED' AND a.mijlpaal_gereed_op <= ${peil} THEN 1 ELSE 0 END) AS bereikt
       FROM prestatieafspraak p
       CROSS JOIN LATERAL (
         SELECT indicator_code, mijlpaal_status, mijlpaal_gereed_op FROM afspraak
         WHERE prestatieafspraak_id = p.id AND soort = 'MIJLPAAL' AND indicator_code = ANY(${codes}) OFFSET 0
       ) a
       WHERE p.status = 'VASTGESTELD' AND (${gemeenten}::text[] IS NULL OR p.gemeente_code = ANY(${gemeenten})) AND p.jaar_van <= ${jaarTot} AND p.jaar_tot >= ${jaarVan}
       GROUP BY 1, 2`;
  return vraag(
    v,
    sql<IndicatorRij>`
    WITH per_gemeente AS (${perGemeente})
    SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(bereikt)::float8 AS waarde
    FROM per_gemeente
    GROUP BY indicator_code, gemeente_code`,
  );
}
