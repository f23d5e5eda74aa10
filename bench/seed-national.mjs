// National-scale data for the benchmarks (issue 4): fills a database that the app has migrated
// (reference data and demo organisations present) with what the Netherlands produces in ten years:
//
//   ~280 corporaties with werkgebieden of 1–12 neighbouring gemeenten (~1,800 gemeente–corporatie
//   pairs), 90 zorgaanbieders, 2017–2026 toewijzingen (~160k a year, ~8% statushouders, realistic
//   household sizes: 1.6M rows), ~30k nieuwbouwprojecten (~80k homes a year), kwartaalcijfers
//   (sociale huurvoorraad and huisuitzettingen per corporatie per gemeente per quarter, woningvoorraad
//   per gemeente, zorgvraag/uitstroom per zorgaanbieder per gemeente), taakstellingen (statushouders
//   per gemeente per half year, nieuwbouw per provincie and for the country) and ~1,700 vastgestelde
//   prestatieafspraken (2023–2026) with afspraken, doelwaarden and a woonzorgvisie mijlpaal.
//
//   node bench/seed-national.mjs <database-url>
//
// Everything is generated inside Postgres (INSERT … SELECT generate_series), never row by row from
// Node, in ONE transaction: a failed run leaves nothing half-written. Deterministic (setseed).
// The database is marked as seeded with a comment on the database; bench/run.mjs checks it.
import pg from 'pg';
import { performance } from 'node:perf_hooks';

const url = process.argv[2] ?? process.env.DATABASE_URL;
if (!url) {
  console.error('usage: node bench/seed-national.mjs <database-url>');
  process.exit(2);
}
export const SEED_MARKER = 'thuismonitor national bench seed v1';

const db = new pg.Client({ connectionString: url });
await db.connect();
const t0 = performance.now();
const stap = async (naam, sql, params = []) => {
  const t = performance.now();
  const r = await db.query(sql, params);
  console.log(
    `  ${naam.padEnd(44)} ${String(r.rowCount ?? '').padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return r;
};

const { rows: merk } = await db.query(
  `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()`,
);
if (merk[0]?.c === SEED_MARKER) {
  console.log('already seeded');
  await db.end();
  process.exit(0);
}
const { rows: klaar } = await db.query(`SELECT count(*)::int AS n FROM gemeente`);
if (klaar[0].n !== 342)
  throw new Error('reference data missing: start the app (or prepareDatabase) on this database first');

const JAREN = [2017, 2026];
const VANDAAG = (await db.query(`SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date::text AS d`)).rows[0].d;

try {
  await db.query('BEGIN');
  await db.query(`SET LOCAL synchronous_commit = off`);
  await db.query(`SELECT setseed(0.42)`);
  console.log(`seeding ${url.replace(/\/\/[^@]*@/, '//')} (today ${VANDAAG})`);

  // --- organisations -----------------------------------------------------------------------
  await stap(
    'corporaties',
    `INSERT INTO organisatie (code, soort, naam)
     SELECT 'LB' || lpad(n::text, 4, '0'), 'CORPORATIE', 'Woningcorporatie ' || n FROM generate_series(1, 280) n`,
  );
  // home gemeenten spread over the country, largest gemeenten first; werkgebied = home + k-1 neighbours
  await db.query(`
    CREATE TEMP TABLE corp ON COMMIT DROP AS
    SELECT o.id, g.code AS thuis, g.buurgemeenten, 1 + (n * 7) % 12 AS k
    FROM generate_series(1, 280) n
    JOIN organisatie o ON o.code = 'LB' || lpad(n::text, 4, '0')
    JOIN (SELECT code, buurgemeenten, row_number() OVER (ORDER BY inwoners DESC NULLS LAST, code) AS rn FROM gemeente) g
      ON g.rn = 1 + ((n - 1) * 342) / 280`);
  await stap(
    'werkgebieden',
    `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
     SELECT id, thuis FROM corp
     UNION
     -- the k-1 nearest: neighbours first, then neighbours of neighbours
     SELECT id, code FROM (
       SELECT c.id, b.code, row_number() OVER (PARTITION BY c.id ORDER BY b.ring, b.code) AS rn, c.k
       FROM corp c CROSS JOIN LATERAL (
         SELECT x.code, min(x.ring) AS ring FROM (
           SELECT unnest(c.buurgemeenten) AS code, 1 AS ring
           UNION ALL
           SELECT unnest(g2.buurgemeenten), 2 FROM gemeente g2 WHERE g2.code = ANY (c.buurgemeenten)
         ) x WHERE x.code <> c.thuis GROUP BY x.code
       ) b
     ) y WHERE rn <= k - 1
     ON CONFLICT DO NOTHING`,
  );
  // every gemeente has a corporatie: an uncovered one joins the werkgebied of a neighbour's corporatie
  for (let ronde = 0; ronde < 5; ronde++) {
    await stap(
      `werkgebieden, uncovered gemeenten (round ${ronde + 1})`,
      `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
       SELECT DISTINCT ON (g.code) w.organisatie_id, g.code
       FROM gemeente g JOIN organisatie_werkgebied w ON w.gemeente_code = ANY (g.buurgemeenten)
       JOIN corp c ON c.id = w.organisatie_id
       WHERE NOT EXISTS (SELECT 1 FROM organisatie_werkgebied x JOIN corp c2 ON c2.id = x.organisatie_id WHERE x.gemeente_code = g.code)
       ORDER BY g.code, w.organisatie_id`,
    );
  }
  await db.query(`
    INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
    SELECT (SELECT id FROM corp ORDER BY id LIMIT 1), g.code FROM gemeente g
    WHERE NOT EXISTS (SELECT 1 FROM organisatie_werkgebied x JOIN corp c ON c.id = x.organisatie_id WHERE x.gemeente_code = g.code)`);
  await stap(
    'zorgaanbieders',
    `INSERT INTO organisatie (code, soort, naam)
     SELECT 'ZB' || lpad(n::text, 3, '0'), 'ZORGAANBIEDER', 'Zorgaanbieder ' || n FROM generate_series(1, 90) n`,
  );
  await stap(
    'zorgaanbieders werkgebied',
    `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
     SELECT o.id, g.code FROM (SELECT code, row_number() OVER (ORDER BY code) AS rn FROM gemeente) g
     JOIN organisatie o ON o.code = 'ZB' || lpad((1 + g.rn % 90)::text, 3, '0')`,
  );

  // gemeente–corporatie pairs, weighted by the gemeente's inhabitants shared among its corporaties
  await db.query(`
    CREATE TEMP TABLE paar ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY w.gemeente_code, w.organisatie_id) AS id, w.organisatie_id AS corp, w.gemeente_code,
           g.inwoners::float8 / count(*) OVER (PARTITION BY w.gemeente_code) AS gewicht,
           g.inwoners
    FROM organisatie_werkgebied w
    JOIN organisatie o ON o.id = w.organisatie_id AND o.soort = 'CORPORATIE'
    JOIN gemeente g ON g.code = w.gemeente_code`);
  const { rows: paren } = await db.query(`SELECT count(*)::int AS n, sum(gewicht) AS totaal FROM paar`);
  console.log(`  gemeente–corporatie pairs: ${paren[0].n}`);

  // --- toewijzingen: ~160k a year, ~8% statushouders ------------------------------------------
  for (let jaar = JAREN[0]; jaar <= JAREN[1]; jaar++) {
    await stap(
      `toewijzingen ${jaar}`,
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT corp, gemeente_code, datum,
              CASE WHEN r1 < 0.08 THEN 'STATUSHOUDERS' WHEN r1 < 0.14 THEN 'URGENTEN' WHEN r1 < 0.17 THEN 'UITSTROOM_INSTELLINGEN'
                   WHEN r1 < 0.19 THEN 'DAK_EN_THUISLOZEN' WHEN r1 < 0.20 THEN 'ARBEIDSMIGRANTEN' WHEN r1 < 0.23 THEN 'STUDENTEN'
                   WHEN r1 < 0.232 THEN 'WOONWAGENBEWONERS' WHEN r1 < 0.30 THEN 'OUDEREN' END,
              CASE WHEN r1 < 0.08 -- statushouders: many singles, and large families
                   THEN CASE WHEN r2 < .40 THEN 1 WHEN r2 < .50 THEN 2 WHEN r2 < .62 THEN 3 WHEN r2 < .77 THEN 4 WHEN r2 < .89 THEN 5 WHEN r2 < .96 THEN 6 ELSE 7 END
                   ELSE CASE WHEN r2 < .45 THEN 1 WHEN r2 < .70 THEN 2 WHEN r2 < .82 THEN 3 WHEN r2 < .92 THEN 4 WHEN r2 < .97 THEN 5 ELSE 6 END END,
              CASE WHEN r3 < 0.08 THEN 'MIDDENHUUR' ELSE 'SOCIALE_HUUR' END,
              (r1 >= 0.08 AND r1 < 0.14) OR r3 > 0.96,
              kenmerk
       FROM (
         SELECT p.corp, p.gemeente_code,
                make_date($1::int, 1, 1) + floor(random() * $3::int)::int AS datum,
                random() AS r1, random() AS r2, random() AS r3,
                'B' || $1::int || '-' || p.id || '-' || i AS kenmerk
         FROM paar p
         CROSS JOIN LATERAL generate_series(1, round(160000 * p.gewicht / $2::float8 * $3::int / 365.0 * (0.85 + random() * 0.3))::int) i
       ) x`,
      [jaar, paren[0].totaal, dagenTotNu(jaar)],
    );
  }

  // --- nieuwbouwprojecten: ~3,000 a year, ~27 homes each ---------------------------------------
  await db.query(`
    CREATE TEMP TABLE gcum ON COMMIT DROP AS
    SELECT code, coalesce(sum(inwoners) OVER (ORDER BY code ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8 / sum(inwoners) OVER () AS lo,
           sum(inwoners) OVER (ORDER BY code)::float8 / sum(inwoners) OVER () AS hi
    FROM gemeente`);
  for (let jaar = JAREN[0]; jaar <= JAREN[1]; jaar++) {
    await stap(
      `nieuwbouwprojecten ${jaar}`,
      `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
         woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, woningen_aandachtsgroepen,
         woningen_per_aandachtsgroep, woningen_nultreden, plan_datum, vergund_op, start_bouw_op, opgeleverd_op)
       SELECT 'Project ' || $1::int || '-' || x.n, g.code,
              -- 60% built by one of the gemeente's corporaties (a pseudo-random one), the rest by others (the gemeente as owner of record)
              CASE WHEN x.r_eig < 0.6 THEN coalesce((SELECT p.corp FROM paar p WHERE p.gemeente_code = g.code ORDER BY md5(p.corp::text || x.n) LIMIT 1), go.id) ELSE go.id END,
              CASE WHEN x.klaar <= $2::date THEN 'OPGELEVERD' ELSE 'IN_AANBOUW' END,
              x.sociaal, x.midden, x.vrij, x.koopb, x.koopv, x.ouderen + x.studenten,
              jsonb_build_object('OUDEREN', x.ouderen, 'STUDENTEN', x.studenten), x.ouderen,
              x.klaar - 1100, x.klaar - 800, x.klaar - 600,
              CASE WHEN x.klaar <= $2::date THEN x.klaar END
       FROM (
         SELECT n, random() AS r_g, random() AS r_eig, make_date($1::int, 1, 1) + floor(random() * 365)::int AS klaar,
                floor(random() * 21)::int AS sociaal, floor(random() * 9)::int AS midden, floor(random() * 7)::int AS vrij,
                floor(random() * 7)::int AS koopb, floor(random() * 15)::int AS koopv,
                floor(random() * 4)::int AS ouderen, floor(random() * 2)::int AS studenten
         FROM generate_series(1, 3000) n
       ) x
       JOIN gcum g ON x.r_g >= g.lo AND x.r_g < g.hi
       JOIN organisatie go ON go.gemeente_code = g.code AND go.soort = 'GEMEENTE'`,
      [jaar, VANDAAG],
    );
  }

  // --- kwartaalcijfers: every quarter that has ended ----------------------------------------
  const laatsteKwartaal = (
    await db.query(
      `SELECT (extract(year FROM d) * 4 + extract(quarter FROM d) - 1)::int - 1 AS k FROM (SELECT $1::date AS d) x`,
      [VANDAAG],
    )
  ).rows[0].k;
  const kwartalen = [JAREN[0] * 4, laatsteKwartaal];
  await stap(
    'kwartaalcijfers sociale huurvoorraad',
    `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
     SELECT 'SOCIALE_HUURVOORRAAD', p.corp, p.gemeente_code, k / 4, k % 4 + 1,
            round(p.gewicht * 0.11 * (1 + (k - $1) * 0.002) * (0.97 + random() * 0.06))
     FROM paar p, generate_series($1::int, $2::int) k`,
    kwartalen,
  );
  await stap(
    'kwartaalcijfers huisuitzettingen',
    `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
     SELECT 'HUISUITZETTINGEN', p.corp, p.gemeente_code, k / 4, k % 4 + 1, floor(random() * (1 + p.gewicht / 12000))
     FROM paar p, generate_series($1::int, $2::int) k`,
    kwartalen,
  );
  await stap(
    'kwartaalcijfers woningvoorraad (gemeenten)',
    `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
     SELECT 'WONINGVOORRAAD_TOTAAL', o.id, g.code, k / 4, k % 4 + 1, round(g.inwoners * 0.46 * (1 + (k - $1) * 0.002))
     FROM gemeente g JOIN organisatie o ON o.gemeente_code = g.code AND o.soort = 'GEMEENTE', generate_series($1::int, $2::int) k`,
    kwartalen,
  );
  await stap(
    'kwartaalcijfers zorgvraag (uitstroom wachtend)',
    `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
     SELECT 'UITSTROOM_WACHTEND', w.organisatie_id, w.gemeente_code, k / 4, k % 4 + 1, floor(random() * (2 + g.inwoners / 8000))
     FROM organisatie_werkgebied w JOIN organisatie o ON o.id = w.organisatie_id AND o.code LIKE 'ZB%'
     JOIN gemeente g ON g.code = w.gemeente_code, generate_series($1::int, $2::int) k`,
    kwartalen,
  );

  // --- taakstellingen ---------------------------------------------------------------------------
  await stap(
    'taakstellingen statushouders (gemeente × halfjaar)',
    `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id, toelichting)
     SELECT 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', g.code, make_date(j, h * 6 - 5, 1), (make_date(j, h * 6 - 5, 1) + interval '6 months - 1 day')::date,
            round(g.inwoners * 0.0005 * (0.8 + random() * 0.4)), (SELECT id FROM organisatie WHERE code = 'BZK'), 'circulaire (bench)'
     FROM gemeente g, generate_series($1::int, $2::int) j, generate_series(1, 2) h`,
    JAREN,
  );
  await stap(
    'taakstellingen nieuwbouw (land, provincies)',
    `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
     SELECT i.code, 'LAND', 'NL', make_date(j, 1, 1), make_date(j, 12, 31), i.waarde, (SELECT id FROM organisatie WHERE code = 'BZK')
     FROM generate_series($1::int, $2::int) j,
          (VALUES ('WONINGEN_OPGELEVERD', 100000), ('BETAALBARE_WONINGEN_OPGELEVERD', 66667), ('SOCIALE_HUURWONINGEN_OPGELEVERD', 30000)) i(code, waarde)
     UNION ALL
     SELECT 'WONINGEN_OPGELEVERD', 'PROVINCIE', p.provincie_code, make_date(j, 1, 1), make_date(j, 12, 31),
            round(100000 * p.inwoners / (SELECT sum(inwoners) FROM gemeente)), (SELECT id FROM organisatie WHERE code = 'BZK')
     FROM (SELECT provincie_code, sum(inwoners)::float8 AS inwoners FROM gemeente GROUP BY 1) p, generate_series($1::int, $2::int) j`,
    JAREN,
  );
  await stap(
    'taakstellingen nieuwbouw (gemeenten, by their provincie)',
    `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
     SELECT 'SOCIALE_HUURWONINGEN_OPGELEVERD', 'GEMEENTE', g.code, make_date(j, 1, 1), make_date(j, 12, 31),
            round(30000.0 * g.inwoners / (SELECT sum(inwoners) FROM gemeente)), o.id
     FROM gemeente g JOIN organisatie o ON o.provincie_code = g.provincie_code AND o.soort = 'PROVINCIE', generate_series(2024, $1::int) j`,
    [JAREN[1]],
  );

  // --- prestatieafspraken 2023–2026 (VASTGESTELD) -------------------------------------------
  await db.query(`
    CREATE TEMP TABLE pa ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, p.id AS paar, p.corp, p.gemeente_code, go.id AS gemeente_org, p.gewicht
    FROM paar p JOIN organisatie go ON go.gemeente_code = p.gemeente_code AND go.soort = 'GEMEENTE'
    WHERE random() < 0.95`);
  await stap(
    'prestatieafspraken',
    `INSERT INTO prestatieafspraak (id, gemeente_code, titel, jaar_van, jaar_tot, status, opgesteld_door_id, ingediend_op, vastgesteld_op)
     SELECT pa.id, pa.gemeente_code, 'Prestatieafspraken ' || g.naam || ' en ' || o.naam || ' 2023–2026', 2023, 2026, 'VASTGESTELD',
            pa.gemeente_org, '2022-11-15', '2022-12-12'
     FROM pa JOIN gemeente g ON g.code = pa.gemeente_code JOIN organisatie o ON o.id = pa.corp`,
  );
  await stap(
    'partijen',
    `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id)
     SELECT id, gemeente_org FROM pa UNION ALL SELECT id, corp FROM pa`,
  );
  await stap(
    'ondertekeningen',
    `INSERT INTO prestatieafspraak_ondertekening (prestatieafspraak_id, organisatie_id, getekend_door_sub, getekend_door, getekend_op, versie)
     SELECT prestatieafspraak_id, organisatie_id, 'bench', 'Bench (gegenereerd)', '2022-12-12', 1 FROM prestatieafspraak_partij
     WHERE prestatieafspraak_id IN (SELECT id FROM pa)`,
  );
  await db.query(`
    CREATE TEMP TABLE afspraak_def (volgnummer int, actielijn text, aandachtsgroep text, omschrijving text, indicator text, per_1000 float8, corp boolean)
    ON COMMIT DROP`);
  await db.query(`
    INSERT INTO afspraak_def VALUES
      (1, 'EVENWICHTIGE_VERDELING', 'STATUSHOUDERS', 'Woningen toewijzen aan statushouders', 'TOEWIJZINGEN_STATUSHOUDERS', 0.7, true),
      (2, 'VOLDOENDE_WONINGEN', NULL, 'Sociale huurwoningen opleveren', 'SOCIALE_HUURWONINGEN_OPGELEVERD', 0.4, true),
      (3, 'WONEN_ZORG_WELZIJN', 'UITSTROOM_INSTELLINGEN', 'Woningen voor uitstroom uit instellingen', 'TOEWIJZINGEN_UITSTROOM_INSTELLINGEN', 0.25, true),
      (4, 'PREVENTIE', NULL, 'Huisuitzettingen beperken', 'HUISUITZETTINGEN', 0.01, true)`);
  await stap(
    'afspraken (indicator)',
    `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, aandachtsgroep, omschrijving, soort, indicator_code, catalogus_versie, verantwoordelijke_id)
     SELECT pa.id, d.volgnummer, d.actielijn, d.aandachtsgroep, d.omschrijving, 'INDICATOR', d.indicator, '2026.1', CASE WHEN d.corp THEN pa.corp ELSE pa.gemeente_org END
     FROM pa, afspraak_def d`,
  );
  await stap(
    'afspraken (mijlpaal woonzorgvisie)',
    `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, omschrijving, soort, indicator_code, catalogus_versie,
                           mijlpaal_datum, mijlpaal_status, mijlpaal_gereed_op, verantwoordelijke_id)
     SELECT pa.id, 5, 'WONEN_ZORG_WELZIJN', 'Woonzorgvisie vastgesteld', 'MIJLPAAL', 'WOONZORGVISIE_VASTGESTELD', '2026.1', '2025-07-01',
            s.status, CASE WHEN s.status = 'GEREED' THEN date '2025-03-01' + floor(s.r * 200)::int END, pa.gemeente_org
     FROM pa CROSS JOIN LATERAL (SELECT random() AS r, pa.id AS x) r0
     CROSS JOIN LATERAL (SELECT r0.r AS r, CASE WHEN r0.r < 0.6 THEN 'GEREED' WHEN r0.r < 0.8 THEN 'LOOPT' ELSE 'VERTRAAGD' END AS status) s`,
  );
  await stap(
    'doelwaarden',
    `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, waarde, peildatum)
     SELECT a.id, a.prestatieafspraak_id, j, round(greatest(1, pa.gewicht / 1000 * d.per_1000)), make_date(j, 12, 31)
     FROM afspraak a JOIN pa ON pa.id = a.prestatieafspraak_id JOIN afspraak_def d ON d.volgnummer = a.volgnummer AND a.soort = 'INDICATOR',
          generate_series(2023, 2026) j`,
  );

  await db.query(
    `DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '${SEED_MARKER}'); END $$`,
  );
  await db.query('COMMIT');
} catch (err) {
  await db.query('ROLLBACK').catch(() => {});
  console.error(`seeding failed, nothing stored: ${err.message}`);
  await db.end();
  process.exit(1);
}

// outside the transaction: statistics for the planner, visibility map for index-only scans
const tv = performance.now();
await db.query('VACUUM (ANALYZE)');
console.log(
  `  ${'vacuum analyze'.padEnd(44)} ${''.padStart(9)}       ${((performance.now() - tv) / 1000).toFixed(1)} s`,
);
const { rows: tel } = await db.query(`
  SELECT (SELECT count(*) FROM toewijzing)::int AS toewijzingen, (SELECT count(*) FROM nieuwbouwproject)::int AS projecten,
         (SELECT count(*) FROM kwartaalcijfer)::int AS kwartaalcijfers, (SELECT count(*) FROM taakstelling)::int AS taakstellingen,
         (SELECT count(*) FROM prestatieafspraak)::int AS prestatieafspraken, (SELECT count(*) FROM afspraak)::int AS afspraken,
         (SELECT count(*) FROM organisatie WHERE soort = 'CORPORATIE')::int AS corporaties`);
console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(tel[0])}`);
await db.end();

/** days of the year that count: the whole year, or up to today for the current one */
function dagenTotNu(jaar) {
  const begin = Date.UTC(jaar, 0, 1);
  const eind = Math.min(Date.UTC(jaar, 11, 31), Date.parse(`${VANDAAG}T00:00:00Z`));
  return Math.max(1, Math.round((eind - begin) / 86_400_000) + 1);
}
