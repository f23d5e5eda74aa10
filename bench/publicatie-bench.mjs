// Publication engine on the national seed (issue 9): what the base-cell triggers cost on write and
// what the tm_publicatie_* functions cost on read. Needs a database migrated by the app and seeded
// by bench/seed-national.mjs (npm run bench prepares thuismonitor_bench):
//
//   node bench/publicatie-bench.mjs --database-url postgres://postgres@127.0.0.1:5432/thuismonitor_bench
//
// Prints: base cells and whether they equal a recomputation over all rows; read times per
// principal (median of 7, inside a transaction as thuismonitor_app with the principal's tm.*
// settings, like ScopedDb); write times of the same statements with and without the triggers,
// alternating, each rolled back (nothing is left behind).
import pg from 'pg';
import { performance } from 'node:perf_hooks';

const arg = (naam) =>
  process.argv.includes(naam) ? process.argv[process.argv.indexOf(naam) + 1] : undefined;
const url = arg('--database-url') ?? process.env.DATABASE_URL;
if (!url) {
  console.error('usage: node bench/publicatie-bench.mjs --database-url <url>');
  process.exit(2);
}
const c = new pg.Client({ connectionString: url });
await c.connect();
const tijd = async (sql, p = []) => {
  const t0 = performance.now();
  const r = await c.query(sql, p);
  return { ms: performance.now() - t0, n: r.rowCount ?? 0, rows: r.rows };
};
const mediaan = (x) => [...x].sort((a, b) => a - b)[Math.floor((x.length - 1) / 2)];

const { rows: tel } = await c.query(`SELECT count(*)::int AS n FROM toewijzing`);
if (tel[0].n < 100_000) throw new Error('not seeded: run bench/seed-national.mjs on this database first');

const controle = await tijd(`
  WITH r AS (SELECT gemeente_code, corporatie_id, extract(year FROM datum)::int AS jaar, extract(quarter FROM datum)::int AS kwartaal,
                    coalesce(aandachtsgroep, '') AS groep, via_urgentie, count(*)::int AS h, sum(huishoudgrootte)::int AS p
             FROM toewijzing GROUP BY 1, 2, 3, 4, 5, 6)
  SELECT count(*)::int AS n FROM r FULL JOIN publicatie_toewijzing_cel c
    ON (c.gemeente_code, c.corporatie_id, c.jaar, c.kwartaal, c.aandachtsgroep, c.via_urgentie)
     = (r.gemeente_code, r.corporatie_id, r.jaar, r.kwartaal, r.groep, r.via_urgentie)
  WHERE r.h IS DISTINCT FROM c.huishoudens OR r.p IS DISTINCT FROM c.personen`);
const { rows: cellen } = await c.query(
  `SELECT count(*)::int AS n, count(*) FILTER (WHERE huishoudens BETWEEN 1 AND 4)::int AS klein FROM publicatie_toewijzing_cel`,
);
console.log(`[publicatie] ${tel[0].n} toewijzingen, ${cellen[0].n} base cells (${cellen[0].klein} hold 1-4)`);
console.log(
  `[publicatie] cells differing from a recomputation over all rows: ${controle.rows[0].n} (${controle.ms.toFixed(0)} ms)`,
);

// --- reads ---------------------------------------------------------------------------------
const org = async (code) =>
  (await c.query(`SELECT id, soort FROM organisatie WHERE code = $1`, [code])).rows[0];
const bzk = await org('BZK');
const pv = await org('PV26');
const gm = await org('GM0344');
const { rows: pvg } = await c.query(
  `SELECT array_agg(code ORDER BY code) AS g FROM gemeente WHERE provincie_code = 'PV26'`,
);
const { rows: jr } = await c.query(
  `SELECT extract(year FROM tm_publicatie_laatst_gesloten())::int - CASE WHEN extract(month FROM tm_publicatie_laatst_gesloten()) = 12 THEN 0 ELSE 1 END AS j`,
);
const jaar = jr[0].j; // the last whole closed year
const als = async (o, scope, sql, p) => {
  await c.query('BEGIN');
  await c.query('SET LOCAL ROLE thuismonitor_app');
  await c.query(
    `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true), set_config('tm.gemeenten', $3, true)`,
    [o.id, o.soort, scope],
  );
  const tijden = [];
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const r = await tijd(sql, p);
    tijden.push(r.ms);
    n = r.n;
  }
  await c.query('COMMIT');
  return `${mediaan(tijden).toFixed(1)} ms (${n} rows)`;
};
const T = `SELECT * FROM tm_publicatie_toewijzingen($1, '${jaar}-01-01', '${jaar}-12-31')`;
const K = `SELECT * FROM tm_publicatie_kwartaalcijfers($1, '${jaar}-01-01', '${jaar}-12-31', ARRAY['HUISUITZETTINGEN','VROEGSIGNALERING_TRAJECTEN'], false)`;
const S = `SELECT * FROM tm_publicatie_kwartaalcijfers($1, '${jaar}-01-01', '${jaar}-12-31', ARRAY['SOCIALE_HUURVOORRAAD','WONINGVOORRAAD_TOTAAL','UITSTROOM_WACHTEND','STANDPLAATSEN_WOONWAGENBEWONERS'], true)`;
console.log(`[publicatie] reads for ${jaar}, median of 7:`);
console.log(`  toewijzingen, land as BZK             ${await als(bzk, '*', T, [null])}`);
console.log(`  toewijzingen, provincie PV26          ${await als(pv, pvg[0].g.join(','), T, [pvg[0].g])}`);
console.log(`  toewijzingen, GM0344 as itself        ${await als(gm, 'GM0344', T, [['GM0344']])}`);
console.log(`  toewijzingen, GM0344 as BZK           ${await als(bzk, '*', T, [['GM0344']])}`);
console.log(`  kwartaalcijfers SOM, land as BZK      ${await als(bzk, '*', K, [null])}`);
console.log(`  kwartaalcijfers STAND, land as BZK    ${await als(bzk, '*', S, [null])}`);
const raw = await tijd(
  `SELECT gemeente_code, count(*) FROM toewijzing WHERE datum BETWEEN '${jaar}-01-01' AND '${jaar}-12-31' GROUP BY ROLLUP (gemeente_code)`,
);
console.log(`  raw rows GROUP BY gemeente, land (schema owner, for the ratio)  ${raw.ms.toFixed(1)} ms`);

// --- writes ----------------------------------------------------------------------------------
const kopie = `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
               SELECT corporatie_id, gemeente_code, datum - 3653, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk || '-bench'
               FROM toewijzing WHERE datum BETWEEN '${jaar}-01-01' AND '${jaar}-12-31'`;
const weg = `DELETE FROM toewijzing WHERE datum BETWEEN '${jaar - 1}-01-01' AND '${jaar - 1}-12-31'`;
const een = `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
             SELECT corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk || '-bench1' FROM toewijzing LIMIT 1`;
console.log('[publicatie] writes, with vs without the publication triggers (alternating, rolled back):');
for (const [naam, sql, n] of [
  [`insert of a year of toewijzingen (one statement)`, kopie, 2],
  [`delete of a year of toewijzingen`, weg, 2],
  [`insert of 1 toewijzing`, een, 7],
]) {
  const met = [];
  const zonder = [];
  for (let i = 0; i < n; i++) {
    for (const aan of [true, false]) {
      await c.query('BEGIN');
      if (!aan)
        await c.query(
          `ALTER TABLE toewijzing DISABLE TRIGGER publicatie_toewijzing_insert, DISABLE TRIGGER publicatie_toewijzing_delete`,
        );
      (aan ? met : zonder).push((await tijd(sql)).ms);
      await c.query('ROLLBACK');
    }
  }
  console.log(
    `  ${naam.padEnd(50)} ${mediaan(met).toFixed(0)} ms with, ${mediaan(zonder).toFixed(0)} ms without`,
  );
}
await c.end();
