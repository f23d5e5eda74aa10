import {
  AANDACHTSGROEPEN,
  INDICATOR_CATALOGUS,
  SEGMENTEN,
  type Indicator,
  type NieuwbouwBerekening,
  type Segment,
  type ToewijzingenBerekening,
} from '@thuismonitor/domain';

/**
 * SQL for realisation, generated from the indicator catalogue so a new indicator needs no new
 * query: one GROUP BY per source for the whole area, one row per gemeente, never a query per
 * gemeente or per indicator. Area totals are NOT summed here: VoortgangService adds up the
 * gemeenten (domain gebied-aggregatie), so a share is Σ teller ÷ Σ noemer over the same gemeenten
 * and every total states its coverage. $3 (tot) is already bounded by the peildatum.
 *
 * Only catalogue constants are spliced into the SQL, and each is checked against the domain's
 * closed lists first; everything that comes from a request is a bind parameter.
 */

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

/**
 * $1 gemeenten (text[]; NULL = every gemeente, for LAND, so the planner can use the date index),
 * $2 van, $3 tot (at most the peildatum). One row per gemeente with data.
 */
export function toewijzingenSql(): { sql: string; codes: string[] } {
  const ind = indicatorenVan('TOEWIJZINGEN');
  const kolommen = ind.map(
    (i, n) => `${toewijzingExpressie(i.berekening as ToewijzingenBerekening)} AS c${n}`,
  );
  return {
    codes: ind.map((i) => i.code),
    sql: `SELECT gemeente_code AS gemeente, ${kolommen.join(', ')}
          FROM toewijzing
          WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND datum BETWEEN $2 AND $3
          GROUP BY gemeente_code`,
  };
}

/**
 * Woningen of projects opgeleverd in the period (by opleverdatum); same parameters. Reads the view
 * nieuwbouw_oplevering (public-by-nature dwelling counts for anyone in scope, no project identity):
 * the table itself shows project rows only to owner, gemeente, provincie and Rijk (RLS).
 */
export function nieuwbouwSql(): { sql: string; codes: string[] } {
  const ind = indicatorenVan('NIEUWBOUW');
  const kolommen = ind.map((i, n) => `${nieuwbouwExpressie(i.berekening as NieuwbouwBerekening)} AS c${n}`);
  return {
    codes: ind.map((i) => i.code),
    sql: `SELECT gemeente_code AS gemeente, ${kolommen.join(', ')}
          FROM nieuwbouw_oplevering
          WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND fase = 'OPGELEVERD' AND opgeleverd_op BETWEEN $2 AND $3
          GROUP BY gemeente_code`,
  };
}

/**
 * SOM of the actuele kwartaalcijfers of the quarters wholly inside the period.
 * $1 gemeenten | NULL, $2 indicator codes, $3 first and $4 last quarter (jaar × 4 + kwartaal − 1),
 * $5 and $6 their years (the range the index kwartaalcijfer_som_idx reads).
 */
export const KWARTAAL_SOM_SQL = `
  SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(waarde)::float8 AS waarde
  FROM kwartaalcijfer
  WHERE actueel AND ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND indicator_code = ANY($2)
    AND jaar BETWEEN $5 AND $6 AND jaar * 4 + kwartaal - 1 BETWEEN $3 AND $4
  GROUP BY indicator_code, gemeente_code`;

/**
 * STAND: per reporting organisation and gemeente the latest actuele figure at or before the last
 * quarter that ended on the peildatum, no older than STAND_GELDIG_KWARTALEN, summed.
 * $1 gemeenten | NULL, $2 codes, $3 that quarter, $4 the oldest quarter that counts, $5/$6 their years.
 */
export const KWARTAAL_STAND_SQL = `
  WITH laatste AS (
    SELECT DISTINCT ON (indicator_code, organisatie_id, gemeente_code) indicator_code, gemeente_code, waarde
    FROM kwartaalcijfer
    WHERE actueel AND ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND indicator_code = ANY($2)
      AND jaar BETWEEN $5 AND $6 AND jaar * 4 + kwartaal - 1 BETWEEN $4 AND $3
    ORDER BY indicator_code, organisatie_id, gemeente_code, jaar DESC, kwartaal DESC
  )
  SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(waarde)::float8 AS waarde
  FROM laatste
  GROUP BY indicator_code, gemeente_code`;

/**
 * Actuele targets that overlap the period, for the area itself, its gemeenten, and (for LAND) the
 * provincies. $1 gemeenten, $2 area soort, $3 area code, $4 van, $5 tot, $6 include provincies.
 */
export const TAAKSTELLING_SQL = `
  SELECT t.gebied_soort AS soort, t.gebied_code AS code, t.indicator_code AS indicator,
         to_char(t.periode_van, 'YYYY-MM-DD') AS van, to_char(t.periode_tot, 'YYYY-MM-DD') AS tot,
         t.waarde::float8 AS waarde, o.soort AS gesteld_door
  FROM taakstelling t JOIN organisatie o ON o.id = t.gesteld_door_id
  WHERE t.actueel AND t.periode_van <= $5 AND t.periode_tot >= $4
    AND ((t.gebied_soort = 'GEMEENTE' AND t.gebied_code = ANY($1))
      OR (t.gebied_soort = $2 AND t.gebied_code = $3)
      OR ($6 AND t.gebied_soort = 'PROVINCIE'))`;

/**
 * MIJLPAAL indicators: per gemeente 1 when a vastgestelde afspraak for that milestone was GEREED on
 * or before the peildatum (the SQL form of domain mijlpaalRealisatie), 0 when there is such an
 * afspraak but it is not reached (the area total counts the gemeenten that reached it). Reads the
 * prestatieafspraak tables inside the viewer's scoped transaction, so their RLS decides which
 * afspraken count (parties, provincie, Rijk; never a CONCEPT).
 * $1 gemeenten | NULL, $2 codes, $3 peildatum, $4 first year, $5 last year of the period.
 *
 * The RLS policy of afspraak calls a function per row it sees (~50 µs), so the plan must visit
 * few afspraak rows: for the country the milestone afspraken via the indicator index (one per
 * prestatieafspraak); for a smaller area first its prestatieafspraken, then their afspraken
 * (OFFSET 0 keeps the planner from turning that back into a scan of every milestone afspraak).
 */
export function mijlpaalSql(heelLand: boolean): string {
  const perGemeente = heelLand
    ? `SELECT p.gemeente_code, a.indicator_code,
              max(CASE WHEN a.mijlpaal_status = 'GEREED' AND a.mijlpaal_gereed_op <= $3 THEN 1 ELSE 0 END) AS bereikt
       FROM afspraak a JOIN prestatieafspraak p ON p.id = a.prestatieafspraak_id
       WHERE p.status = 'VASTGESTELD' AND a.soort = 'MIJLPAAL' AND a.indicator_code = ANY($2)
         AND ($1::text[] IS NULL OR p.gemeente_code = ANY($1)) AND p.jaar_van <= $5 AND p.jaar_tot >= $4
       GROUP BY 1, 2`
    : `SELECT p.gemeente_code, a.indicator_code,
              max(CASE WHEN a.mijlpaal_status = 'GEREED' AND a.mijlpaal_gereed_op <= $3 THEN 1 ELSE 0 END) AS bereikt
       FROM prestatieafspraak p
       CROSS JOIN LATERAL (
         SELECT indicator_code, mijlpaal_status, mijlpaal_gereed_op FROM afspraak
         WHERE prestatieafspraak_id = p.id AND soort = 'MIJLPAAL' AND indicator_code = ANY($2) OFFSET 0
       ) a
       WHERE p.status = 'VASTGESTELD' AND ($1::text[] IS NULL OR p.gemeente_code = ANY($1)) AND p.jaar_van <= $5 AND p.jaar_tot >= $4
       GROUP BY 1, 2`;
  return `
    WITH per_gemeente AS (${perGemeente})
    SELECT gemeente_code AS gemeente, indicator_code AS indicator, sum(bereikt)::float8 AS waarde
    FROM per_gemeente
    GROUP BY indicator_code, gemeente_code`;
}
