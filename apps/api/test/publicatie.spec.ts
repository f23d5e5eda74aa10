import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import {
  BESCHERMDE_KWARTAALCIJFER_INDICATOREN,
  formatKwartaal,
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDatum,
  laatsteGeslotenKwartaal,
  plusDagen,
  vandaagInAmsterdam,
  volgendKwartaal,
  vorigKwartaal,
  PERSONEN_BIJ_AFGERONDE_CEL,
  type Kwartaal,
} from '@thuismonitor/domain';
import { ScopedDb, type JobScope } from '../src/database/scoped-db.service';
import {
  kwartaalcijferCellen,
  laatstGeslotenKwartaal,
  statushoudersPersonen,
  toewijzingCellen,
  type ToewijzingCelRij,
} from '../src/publicatie/publicatie.repository';
import {
  spiegelVerschillen,
  vrijgegevenWaarde,
  verwachteKwartaalcijferVrijgave,
  verwachteToewijzingVrijgave,
  type KwartaalcijferBasiscel,
  type ToewijzingBasiscel,
} from '../src/publicatie/publicatie-spiegel';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The publication engine on a real database (migration 1764100000000): base cells kept by
 * triggers, the keyed rounding equal to libs/domain, owners exact and non-owners released, grid
 * and closed quarters enforced by Postgres, and the app role shut out of the cell tables and key.
 * Data is inserted as the schema owner (the test's admin pool) unless a test says otherwise; the
 * principals read through ScopedDb, the app's own gateway, with an explicit JobScope.
 */
const UTRECHT = 'GM0344';
const AMERSFOORT = 'GM0307';
const GRONINGEN = 'GM0014';

let t: TestApp;
let db: ScopedDb;
const org: Record<string, string> = {};
let sleutel: Uint8Array;

// quarters relative to today, so the test holds on any date: two quarters back is always closed
// (the deadline day is at most the 28th of the month after), the current one never is
const vandaag = vandaagInAmsterdam(new Date());
const huidig = kwartaalVanDatum(vandaag);
const gesloten = vorigKwartaal(vorigKwartaal(huidig));
const ouder = vorigKwartaal(gesloten);
const periode = (van: Kwartaal, tot: Kwartaal = van) => ({
  van: kwartaalStart(van),
  tot: kwartaalEinde(tot),
});

function scope(code: string, soort: JobScope['organisatie']['soort'], gemeenten: string[] | '*'): JobScope {
  return {
    organisatie: { id: org[code], soort },
    gemeenten: gemeenten === '*' ? { soort: 'ALLE' } : { soort: 'GEMEENTEN', codes: gemeenten },
  };
}
const als = {
  corpA: () => scope('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT]),
  corpB: () => scope('PUB-B', 'CORPORATIE', [UTRECHT]),
  utrecht: () => scope(UTRECHT, 'GEMEENTE', [UTRECHT]),
  provincie: () => scope('PV26', 'PROVINCIE', [UTRECHT, AMERSFOORT]),
  rijk: () => scope('BZK', 'RIJK', '*'),
  zorg: () => scope('PUB-Z', 'ZORGAANBIEDER', [UTRECHT, AMERSFOORT]),
};
const lees = <T>(s: JobScope, werk: (m: EntityManager) => Promise<T>) => db.snapshot(s, werk);

let kenmerk = 0;
async function toewijzing(
  corp: string,
  gemeente: string,
  datum: string,
  groep: string | null,
  grootte: number,
  urgentie = false,
  n = 1,
): Promise<string[]> {
  const { rows } = await t.db.query(
    `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
     SELECT $1, $2, $3, $4, $5, $6, 'pub-' || ($7::int + i) FROM generate_series(1, $8::int) i RETURNING id`,
    [org[corp], gemeente, datum, groep, grootte, urgentie, kenmerk, n],
  );
  kenmerk += n;
  return rows.map((r) => r.id);
}

/** A write in the product: the app role with a principal, as the services and imports write. */
async function alsApp(code: string, soort: string, gemeenten: string[], werk: (c: Client) => Promise<void>) {
  const c = new Client({ connectionString: t.config.databaseUrl });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL ROLE thuismonitor_app');
    await c.query(
      `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true),
              set_config('tm.gemeenten', $3, true), set_config('tm.werkgebied', $3, true)`,
      [org[code], soort, gemeenten.join(',')],
    );
    await werk(c);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

async function cellenAlsEigenaar(): Promise<ToewijzingBasiscel[]> {
  return (await t.db.query(`SELECT * FROM publicatie_toewijzing_cel`)).rows;
}

/** The base cells recomputed from the rows, independently of the triggers. */
async function cellenUitRijen(): Promise<Map<string, { h: number; p: number }>> {
  const { rows } = await t.db.query(`
    SELECT gemeente_code, corporatie_id, extract(year FROM datum)::int AS jaar, extract(quarter FROM datum)::int AS kwartaal,
           coalesce(aandachtsgroep, '') AS groep, via_urgentie, count(*)::int AS h, sum(huishoudgrootte)::int AS p
    FROM toewijzing GROUP BY 1, 2, 3, 4, 5, 6`);
  return new Map(
    rows.map((r) => [
      `${r.gemeente_code}|${r.corporatie_id}|${r.jaar}|${r.kwartaal}|${r.groep}|${r.via_urgentie}`,
      { h: r.h, p: r.p },
    ]),
  );
}

async function controleerCellen(): Promise<void> {
  const cellen = await cellenAlsEigenaar();
  const verwacht = await cellenUitRijen();
  const opgeslagen = new Map(
    cellen.map((c) => [
      `${c.gemeente_code}|${c.corporatie_id}|${c.jaar}|${c.kwartaal}|${c.aandachtsgroep}|${c.via_urgentie}`,
      { h: c.huishoudens, p: c.personen },
    ]),
  );
  expect(opgeslagen).toEqual(verwacht);
  expect(spiegelVerschillen(sleutel, cellen)).toEqual([]);
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(ScopedDb);
  const { rows } = await t.db.query(
    `INSERT INTO organisatie (code, soort, naam) VALUES
       ('PUB-A', 'CORPORATIE', 'Corporatie A'), ('PUB-B', 'CORPORATIE', 'Corporatie B'), ('PUB-Z', 'ZORGAANBIEDER', 'Zorg Z')
     RETURNING id, code`,
  );
  for (const r of rows) org[r.code] = r.id;
  await t.db.query(
    `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) VALUES ($1, $3), ($1, $4), ($2, $3)`,
    [org['PUB-A'], org['PUB-B'], UTRECHT, AMERSFOORT],
  );
  for (const code of [UTRECHT, AMERSFOORT, 'PV26', 'BZK']) org[code] = await t.orgId(code);
  sleutel = new Uint8Array((await t.db.query(`SELECT sleutel FROM publicatie_sleutel`)).rows[0].sleutel);

  const d = kwartaalStart(gesloten);
  // corporatie A in Utrecht: 3 statushouder households (7 persons), 7 urgent, 1 regulier
  await toewijzing('PUB-A', UTRECHT, d, 'STATUSHOUDERS', 4);
  await toewijzing('PUB-A', UTRECHT, plusDagen(d, 10), 'STATUSHOUDERS', 2);
  await toewijzing('PUB-A', UTRECHT, plusDagen(d, 20), 'STATUSHOUDERS', 1);
  await toewijzing('PUB-A', UTRECHT, plusDagen(d, 30), 'URGENTEN', 2, true, 7);
  await toewijzing('PUB-A', UTRECHT, plusDagen(d, 40), null, 1);
  // corporatie B in Utrecht: 2 dak- en thuislozen; corporatie A in Amersfoort: 12 regulier
  await toewijzing('PUB-B', UTRECHT, plusDagen(d, 5), 'DAK_EN_THUISLOZEN', 1, false, 2);
  await toewijzing('PUB-A', AMERSFOORT, plusDagen(d, 5), null, 2, false, 12);
  // the quarter before, and the running quarter
  await toewijzing('PUB-B', UTRECHT, kwartaalStart(ouder), 'OUDEREN', 1, false, 3);
  await toewijzing('PUB-A', UTRECHT, vandaag, 'OUDEREN', 1);
});

afterAll(async () => {
  await t?.close();
});

describe('publicatie: the rule in SQL equals libs/domain', () => {
  it('stored released values follow the TS rule for the same key (read as the schema owner)', async () => {
    const cellen = await cellenAlsEigenaar();
    expect(cellen.length).toBeGreaterThan(5);
    expect(spiegelVerschillen(sleutel, cellen)).toEqual([]);
    // and the mirror does notice a cell that breaks the rule
    const vals = cellen.map((c, i) => (i === 0 ? { ...c, huishoudens_vrij: c.huishoudens_vrij + 1 } : c));
    expect(spiegelVerschillen(sleutel, vals)).toHaveLength(1);
  });

  it('tm_publicatie_afronden equals vrijgegevenWaarde on 4,000 identities, and persons of a rounded cell are 11', async () => {
    const { rows } = await t.db.query(`
      SELECT 'proef|' || i AS id, v, tm_publicatie_afronden('proef|' || i, v)::int AS uit
      FROM generate_series(1, 1000) i, generate_series(1, 4) v`);
    for (const r of rows) expect(r.uit).toBe(vrijgegevenWaarde(sleutel, r.id, r.v));
    expect(rows.filter((r) => r.uit === 5).length).toBeGreaterThan(1800); // ≈ (1+2+3+4)/5 × 1000 = 2000
    const vijf = rows.find((r) => r.v === 1 && r.uit === 5);
    const [p] = (await t.db.query(`SELECT * FROM tm_publicatie_toewijzing_vrij($1, 1, 3)`, [vijf.id])).rows;
    expect(p).toEqual({ huishoudens: 5, personen: PERSONEN_BIJ_AFGERONDE_CEL });
  });

  it('the protected kwartaalcijfer list in the database is the domain classification', async () => {
    const { rows } = await t.db.query(`SELECT code FROM publicatie_beschermde_indicator ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual([...BESCHERMDE_KWARTAALCIJFER_INDICATOREN].sort());
  });

  it('the last closed quarter is the domain one for the stored deadline day', async () => {
    const { rows } = await t.db.query(`SELECT deadline_dag FROM publicatie_instelling`);
    const k = await lees(als.provincie(), (m) => laatstGeslotenKwartaal(m));
    expect(formatKwartaal(k)).toBe(formatKwartaal(laatsteGeslotenKwartaal(vandaag, rows[0].deadline_dag)));
  });
});

describe('publicatie: owners exact, everyone else released', () => {
  const som = (rijen: ToewijzingCelRij[], f: (r: ToewijzingCelRij) => boolean = () => true) =>
    rijen.filter(f).reduce((s, r) => s + r.huishoudens, 0);

  it('the gemeente gets every cell of its own area exact', async () => {
    const rijen = await lees(als.utrecht(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT], ...periode(gesloten) }),
    );
    expect(rijen.every((r) => r.eigen)).toBe(true);
    expect(som(rijen)).toBe(3 + 7 + 1 + 2);
    const sh = rijen.find((r) => r.aandachtsgroep === 'STATUSHOUDERS')!;
    expect([sh.huishoudens, sh.personen]).toEqual([3, 7]);
  });

  it('a corporatie gets its own cells exact and the other corporatie’s cells released', async () => {
    const rijen = await lees(als.corpA(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT, AMERSFOORT], ...periode(gesloten) }),
    );
    expect(som(rijen, (r) => r.eigen && r.gemeente === UTRECHT)).toBe(11);
    expect(som(rijen, (r) => r.eigen && r.gemeente === AMERSFOORT)).toBe(12);
    const ander = rijen.filter((r) => !r.eigen);
    const cellenB = (await cellenAlsEigenaar()).filter(
      (c) => c.corporatie_id === org['PUB-B'] && c.jaar === gesloten.jaar && c.kwartaal === gesloten.nummer,
    );
    const verwachtB = cellenB.reduce((s, c) => s + verwachteToewijzingVrijgave(sleutel, c).huishoudens, 0);
    expect(som(ander)).toBe(verwachtB);
    for (const r of ander) expect(r.huishoudens === 0 || r.huishoudens >= 5).toBe(true);
  });

  it('the provincie gets only released values: sums of released base cells, never 1–4', async () => {
    const rijen = await lees(als.provincie(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT, AMERSFOORT], ...periode(gesloten) }),
    );
    expect(rijen.some((r) => r.eigen)).toBe(false);
    const cellen = (await cellenAlsEigenaar()).filter(
      (c) => c.jaar === gesloten.jaar && c.kwartaal === gesloten.nummer,
    );
    for (const r of rijen) {
      const deel = cellen.filter(
        (c) =>
          c.gemeente_code === r.gemeente &&
          c.aandachtsgroep === (r.aandachtsgroep ?? '') &&
          c.via_urgentie === r.viaUrgentie,
      );
      expect(r.huishoudens).toBe(
        deel.reduce((s, c) => s + verwachteToewijzingVrijgave(sleutel, c).huishoudens, 0),
      );
      expect(r.personen).toBe(deel.reduce((s, c) => s + verwachteToewijzingVrijgave(sleutel, c).personen, 0));
      expect(r.huishoudens === 0 || r.huishoudens >= 5).toBe(true);
      expect(r.huishoudens).toBeGreaterThan(0); // groups released as 0 are left out, like a real 0
    }
    // 7 urgent households and 12 regulier in Amersfoort are ≥ 5: exact for everyone
    expect(rijen.find((r) => r.aandachtsgroep === 'URGENTEN')?.huishoudens).toBe(7);
    expect(rijen.find((r) => r.gemeente === AMERSFOORT && r.aandachtsgroep === null)?.huishoudens).toBe(12);
  });

  it('statushouders persons: the owners exact, everyone else the released persons of the cell', async () => {
    // corporatie A's cell: 3 households, 7 persons; a released cell of 1–4 counts 11 persons or 0
    const cel = (await cellenAlsEigenaar()).find(
      (c) =>
        c.aandachtsgroep === 'STATUSHOUDERS' &&
        c.corporatie_id === org['PUB-A'] &&
        c.jaar === gesloten.jaar &&
        c.kwartaal === gesloten.nummer,
    )!;
    const vrij = verwachteToewijzingVrijgave(sleutel, cel).personen;
    expect([0, PERSONEN_BIJ_AFGERONDE_CEL]).toContain(vrij);
    const personen = async (s: JobScope) =>
      (
        await lees(s, (m) =>
          statushoudersPersonen(m, { gemeenten: [UTRECHT, AMERSFOORT], ...periode(gesloten) }),
        )
      ).reduce((n, r) => n + r.personen, 0);
    expect(await personen(als.provincie())).toBe(vrij);
    expect(await personen(als.rijk())).toBe(vrij);
    // corporatie B subtracting its own (none) from an exact total would read A's households
    expect(await personen(als.corpB())).toBe(vrij);
    expect(await personen(als.corpA())).toBe(7);
    expect(await personen(als.utrecht())).toBe(7);
  });

  it('gemeenten outside the principal’s scope are left out', async () => {
    const rijen = await lees(als.corpB(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT, AMERSFOORT, GRONINGEN], ...periode(gesloten) }),
    );
    expect(rijen.filter((r) => r.gemeente !== UTRECHT)).toEqual([]);
  });
});

describe('publicatie: the grid and closed quarters, enforced by Postgres', () => {
  const fout = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: { code?: string; message: string }) => ({ code: e.code, message: e.message }),
    );

  it('refuses a non-owner a period off the grid, with a Dutch message', async () => {
    const p = periode(gesloten);
    const e = await fout(
      lees(als.provincie(), (m) =>
        toewijzingCellen(m, { gemeenten: [UTRECHT], van: plusDagen(p.van, 1), tot: p.tot }),
      ),
    );
    expect(e.code).toBe('ONGELDIGE_INVOER');
    expect(e.message).toMatch(/alleen beschikbaar voor hele kwartalen/);
    // a corporatie asking for the gemeente (others' cells included) is a non-owner too
    await expect(
      lees(als.corpA(), (m) =>
        toewijzingCellen(m, { gemeenten: [UTRECHT], van: p.van, tot: plusDagen(p.tot, -1) }),
      ),
    ).rejects.toMatchObject({ code: 'ONGELDIGE_INVOER' });
  });

  it('refuses a non-owner a quarter that is not closed', async () => {
    const e = await fout(
      lees(als.rijk(), (m) => toewijzingCellen(m, { gemeenten: null, ...periode(gesloten, huidig) })),
    );
    expect(e.message).toMatch(/afgesloten kwartalen/);
    await expect(
      lees(als.provincie(), (m) =>
        kwartaalcijferCellen(m, {
          gemeenten: [UTRECHT],
          ...periode(huidig),
          indicatoren: ['HUISUITZETTINGEN'],
        }),
      ),
    ).rejects.toMatchObject({ code: 'ONGELDIGE_INVOER' });
    // the raw SQLSTATE for callers of the function itself
    await expect(
      lees(als.provincie(), (m) =>
        m.query(`SELECT * FROM tm_publicatie_toewijzingen($1, $2, $3)`, [
          [UTRECHT],
          periode(huidig).van,
          periode(huidig).tot,
        ]),
      ),
    ).rejects.toMatchObject({ code: 'TMP02' });
  });

  it('allows owners any period and the running quarter', async () => {
    // the gemeente, off the grid, within the running quarter: exact, from its own rows
    const rijen = await lees(als.utrecht(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT], van: plusDagen(kwartaalStart(gesloten), 1), tot: vandaag }),
    );
    expect(rijen.every((r) => r.eigen)).toBe(true);
    expect(rijen.reduce((s, r) => s + r.huishoudens, 0)).toBe(3 + 7 + 1 + 2 - 1 + 1); // minus the one on day 1, plus today's
    // a corporatie, only its own cells, in the running quarter
    const eigen = await lees(als.corpA(), (m) =>
      toewijzingCellen(m, { gemeenten: [UTRECHT], ...periode(huidig), alleenEigen: true }),
    );
    expect(eigen).toEqual([
      {
        gemeente: UTRECHT,
        aandachtsgroep: 'OUDEREN',
        viaUrgentie: false,
        eigen: true,
        huishoudens: 1,
        personen: 1,
      },
    ]);
    // the public stock indicators are not held to the closed-quarter rule
    await expect(
      lees(als.provincie(), (m) =>
        kwartaalcijferCellen(m, {
          gemeenten: [UTRECHT],
          ...periode(huidig),
          indicatoren: ['WONINGVOORRAAD_TOTAAL'],
        }),
      ),
    ).resolves.toEqual([]);
  });
});

describe('publicatie: the app role cannot go around the functions', () => {
  it.each([
    'publicatie_toewijzing_cel',
    'publicatie_kwartaalcijfer_cel',
    'publicatie_sleutel',
    'publicatie_instelling',
  ])('SELECT on %s is refused', async (tabel) => {
    await expect(lees(als.rijk(), (m) => m.query(`SELECT * FROM ${tabel} LIMIT 1`))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('the internal rounding function (which would reveal draws) is not executable', async () => {
    await expect(
      lees(als.rijk(), (m) => m.query(`SELECT tm_publicatie_afronden('x', 1)`)),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('without a principal the functions return nothing', async () => {
    const rijen = await db.publiek((m) =>
      m.query(`SELECT * FROM tm_publicatie_toewijzingen(NULL, $1, $2)`, [
        periode(gesloten).van,
        periode(gesloten).tot,
      ]),
    );
    expect(rijen).toEqual([]);
  });
});

describe('publicatie: triggers keep the base cells right', () => {
  it('insert, update, delete, gemeente change and corporatie change', async () => {
    const d = plusDagen(kwartaalStart(ouder), 7);
    const ids = await toewijzing('PUB-A', AMERSFOORT, d, 'STUDENTEN', 1, false, 4);
    await controleerCellen();
    await t.db.query(`UPDATE toewijzing SET huishoudgrootte = 3 WHERE id = $1`, [ids[0]]);
    await controleerCellen();
    await t.db.query(`UPDATE toewijzing SET gemeente_code = $2 WHERE id = $1`, [ids[1], UTRECHT]);
    await controleerCellen();
    await t.db.query(`UPDATE toewijzing SET corporatie_id = $2 WHERE id = $1`, [ids[2], org['PUB-B']]);
    await controleerCellen();
    await t.db.query(`UPDATE toewijzing SET datum = $2, via_urgentie = true WHERE id = ANY($1)`, [
      ids,
      kwartaalStart(gesloten),
    ]);
    await controleerCellen();
    await t.db.query(`DELETE FROM toewijzing WHERE id = ANY($1)`, [ids]);
    await controleerCellen();
    // an update that changes nothing countable (the kenmerk) leaves the cells as they are
    await t.db.query(
      `UPDATE toewijzing SET extern_kenmerk = extern_kenmerk || '-x' WHERE corporatie_id = $1`,
      [org['PUB-B']],
    );
    await controleerCellen();
  });

  it('a write by the app role itself (an import) maintains the cells it cannot read', async () => {
    await alsApp('PUB-B', 'CORPORATIE', [UTRECHT], (c) =>
      c
        .query(
          `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
           SELECT $1, $2, $3, 'ARBEIDSMIGRANTEN', 1, 'app-' || i FROM generate_series(1, 250) i`,
          [org['PUB-B'], UTRECHT, plusDagen(kwartaalStart(ouder), 3)],
        )
        .then(() => undefined),
    );
    await controleerCellen();
  });

  it('kwartaalcijfers: a correction replaces the cell value, a delete removes it', async () => {
    const q = (k: Kwartaal) => [k.jaar, k.nummer];
    const [oud] = (
      await t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
         VALUES ('HUISUITZETTINGEN', $1, $2, $3, $4, 3) RETURNING id`,
        [org['PUB-A'], UTRECHT, ...q(gesloten)],
      )
    ).rows;
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       VALUES ('UITSTROOM_WACHTEND', $1, $2, $3, $4, 2), ('UITSTROOM_WACHTEND', $1, $2, $5, $6, 9),
              ('WONINGVOORRAAD_TOTAAL', $7, $2, $3, $4, 160000)`,
      [org['PUB-Z'], UTRECHT, ...q(gesloten), ...q(ouder), org[UTRECHT]],
    );
    const cellen = async (): Promise<KwartaalcijferBasiscel[]> =>
      (
        await t.db.query(
          `SELECT * FROM publicatie_kwartaalcijfer_cel ORDER BY indicator_code, jaar, kwartaal`,
        )
      ).rows;
    expect((await cellen()).map((c) => Number(c.waarde))).toEqual([3, 9, 2, 160000]);
    expect(spiegelVerschillen(sleutel, [], await cellen())).toEqual([]);

    // correction: the old row stops being current, a new one replaces it
    await t.db.query(`UPDATE kwartaalcijfer SET actueel = false WHERE id = $1`, [oud.id]);
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, vervangt_id)
       VALUES ('HUISUITZETTINGEN', $1, $2, $3, $4, 6, $5)`,
      [org['PUB-A'], UTRECHT, ...q(gesloten), oud.id],
    );
    expect((await cellen()).map((c) => Number(c.waarde))).toEqual([6, 9, 2, 160000]);

    // the provincie: released values; the zorgaanbieder: its own exact; STAND takes the latest quarter
    const huis = await lees(als.provincie(), (m) =>
      kwartaalcijferCellen(m, {
        gemeenten: [UTRECHT],
        ...periode(ouder, gesloten),
        indicatoren: ['HUISUITZETTINGEN'],
      }),
    );
    expect(huis).toEqual([
      { gemeente: UTRECHT, indicatorCode: 'HUISUITZETTINGEN', eigen: false, waarde: 6, organisaties: 1 },
    ]);
    const stand = await lees(als.provincie(), (m) =>
      kwartaalcijferCellen(m, {
        gemeenten: [UTRECHT],
        ...periode(ouder, gesloten),
        indicatoren: ['UITSTROOM_WACHTEND'],
        stand: true,
      }),
    );
    const [cel2] = (await cellen()).filter(
      (c) => c.indicator_code === 'UITSTROOM_WACHTEND' && Number(c.waarde) === 2,
    );
    expect(stand).toEqual([
      {
        gemeente: UTRECHT,
        indicatorCode: 'UITSTROOM_WACHTEND',
        eigen: false,
        waarde: verwachteKwartaalcijferVrijgave(sleutel, cel2),
        organisaties: 1,
      },
    ]);
    const eigen = await lees(als.zorg(), (m) =>
      kwartaalcijferCellen(m, {
        gemeenten: [UTRECHT],
        ...periode(ouder, gesloten),
        indicatoren: ['UITSTROOM_WACHTEND'],
        stand: true,
      }),
    );
    expect(eigen).toEqual([
      { gemeente: UTRECHT, indicatorCode: 'UITSTROOM_WACHTEND', eigen: true, waarde: 2, organisaties: 1 },
    ]);

    await t.db.query(`DELETE FROM kwartaalcijfer WHERE indicator_code = 'UITSTROOM_WACHTEND'`);
    expect((await cellen()).map((c) => c.indicator_code)).toEqual([
      'HUISUITZETTINGEN',
      'WONINGVOORRAAD_TOTAAL',
    ]);
  });
});

describe('publicatie: a non-owner calling the functions directly never gets 1–4', () => {
  it('on random small cells, for every grid period of two years and every principal that does not own them', async () => {
    // seeded generator: many cells of 1–4 households over 8 quarters, 2 corporaties, 2 gemeenten
    let s = 20260917;
    const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const groepen = ['STATUSHOUDERS', 'URGENTEN', 'UITSTROOM_INSTELLINGEN', 'DAK_EN_THUISLOZEN', null];
    let k = vorigKwartaal(ouder);
    const kwartalen: Kwartaal[] = [];
    for (let i = 0; i < 8; i++) {
      kwartalen.unshift(k);
      k = vorigKwartaal(k);
    }
    const waarden: unknown[] = [];
    for (const kw of kwartalen) {
      for (const g of [UTRECHT, AMERSFOORT]) {
        for (const corp of g === UTRECHT ? ['PUB-A', 'PUB-B'] : ['PUB-A']) {
          for (const groep of groepen) {
            const n = Math.floor(r() * 5); // 0–4
            for (let i = 0; i < n; i++) {
              waarden.push([
                org[corp],
                g,
                plusDagen(kwartaalStart(kw), Math.floor(r() * 80)),
                groep,
                1 + Math.floor(r() * 6),
                r() < 0.2,
              ]);
            }
          }
        }
      }
    }
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       SELECT (x->>0)::uuid, x->>1, (x->>2)::date, x->>3, (x->>4)::int, (x->>5)::boolean, 'rnd-' || i
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(x, i)`,
      [JSON.stringify(waarden)],
    );
    await controleerCellen();

    // every union of whole quarters within the 8 quarters
    const perioden: { van: string; tot: string }[] = [];
    for (let a = 0; a < kwartalen.length; a++) {
      for (let b = a; b < kwartalen.length; b++) perioden.push(periode(kwartalen[a], kwartalen[b]));
    }
    let gezien = 0;
    for (const wie of [als.provincie(), als.rijk(), als.corpB(), als.zorg()]) {
      await lees(wie, async (m) => {
        for (const p of perioden) {
          for (const gemeenten of [[UTRECHT], [AMERSFOORT], [UTRECHT, AMERSFOORT], null]) {
            const rijen: { eigen: boolean; huishoudens: string; personen: string }[] = await m.query(
              `SELECT * FROM tm_publicatie_toewijzingen($1, $2, $3)`,
              [gemeenten, p.van, p.tot],
            );
            for (const rij of rijen.filter((x) => !x.eigen)) {
              const h = Number(rij.huishoudens);
              expect(h === 0 || h >= 5).toBe(true);
              gezien++;
            }
          }
        }
      });
    }
    expect(gezien).toBeGreaterThan(500);
    // and the next quarter after these is not yet part of any answer a non-owner gets before it closes
    expect(formatKwartaal(volgendKwartaal(kwartalen[7]))).toBe(formatKwartaal(ouder));
  });
});

describe('publicatie: row visibility is the row rule (migration 1764100000002)', () => {
  const aantal = (s: JobScope, tabel: string, waar = 'true') =>
    lees(s, async (m) => Number((await m.query(`SELECT count(*) AS n FROM ${tabel} WHERE ${waar}`))[0].n));
  const echt = async (sql: string, p: unknown[]) => Number((await t.db.query(sql, p)).rows[0].n);

  it('toewijzing rows: the corporatie its own, the gemeente those in it, provincie and Rijk none', async () => {
    expect(await aantal(als.provincie(), 'toewijzing')).toBe(0);
    expect(await aantal(als.rijk(), 'toewijzing')).toBe(0);
    expect(await aantal(als.zorg(), 'toewijzing')).toBe(0);
    expect(await aantal(als.corpB(), 'toewijzing')).toBe(
      await echt(`SELECT count(*) AS n FROM toewijzing WHERE corporatie_id = $1`, [org['PUB-B']]),
    );
    expect(await aantal(als.corpB(), 'toewijzing', `corporatie_id <> '${org['PUB-B']}'`)).toBe(0);
    expect(await aantal(als.utrecht(), 'toewijzing')).toBe(
      await echt(`SELECT count(*) AS n FROM toewijzing WHERE gemeente_code = $1`, [UTRECHT]),
    );
  });

  it('kwartaalcijfer rows: the reporter its own, the gemeente those in it, provincie none', async () => {
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       VALUES ('UITSTROOM_WACHTEND', $1, $2, $3, $4, 1), ('UITSTROOM_WACHTEND', $1, $5, $3, $4, 1)`,
      [org['PUB-Z'], UTRECHT, ouder.jaar, ouder.nummer, AMERSFOORT],
    );
    expect(await aantal(als.provincie(), 'kwartaalcijfer')).toBe(0);
    expect(await aantal(als.corpB(), 'kwartaalcijfer')).toBe(0);
    expect(await aantal(als.zorg(), 'kwartaalcijfer')).toBe(2);
    expect(await aantal(als.utrecht(), 'kwartaalcijfer', `gemeente_code <> '${UTRECHT}'`)).toBe(0);
    expect(await aantal(als.utrecht(), 'kwartaalcijfer', `organisatie_id = '${org['PUB-Z']}'`)).toBe(1);
  });
});

describe('publicatie: released figures of a closed quarter are fixed (migration 1765300000000)', () => {
  const insert = (c: Client, corp: string, datum: string, groep: string, n: number, start: number) =>
    c.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
       SELECT $1, $2, $3, $4, 2, 'vast-' || ($5::int + i) FROM generate_series(1, $6::int) i`,
      [org[corp], AMERSFOORT, datum, groep, start, n],
    );
  const groep = (rijen: ToewijzingCelRij[], g: string) =>
    rijen
      .filter((r) => r.gemeente === AMERSFOORT && r.aandachtsgroep === g)
      .reduce((s, r) => s + r.huishoudens, 0);
  const lezen = (s: JobScope) =>
    lees(s, (m) => toewijzingCellen(m, { gemeenten: [AMERSFOORT], ...periode(ouder) }));
  const d = plusDagen(kwartaalStart(ouder), 12);

  it('a late cell gets its first release from its whole transaction (an import in batches)', async () => {
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await insert(c, 'PUB-A', d, 'WOONWAGENBEWONERS', 3, 0);
      await insert(c, 'PUB-A', d, 'WOONWAGENBEWONERS', 4, 100); // second batch, same cell
    });
    expect(groep(await lezen(als.provincie()), 'WOONWAGENBEWONERS')).toBe(7);
  });

  it('a correction later changes the owners’ exact figures, not what anybody else sees', async () => {
    const voorProvincie = groep(await lezen(als.provincie()), 'WOONWAGENBEWONERS');
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await c.query(
        `DELETE FROM toewijzing WHERE id = (SELECT id FROM toewijzing WHERE extern_kenmerk LIKE 'vast-%' LIMIT 1)`,
      );
    });
    // temporal differencing would give 7 − 6 = the one corrected household
    expect(groep(await lezen(als.provincie()), 'WOONWAGENBEWONERS')).toBe(voorProvincie);
    expect(groep(await lezen(als.rijk()), 'WOONWAGENBEWONERS')).toBe(voorProvincie);
    expect(groep(await lezen(als.corpA()), 'WOONWAGENBEWONERS')).toBe(6);
    expect(groep(await lezen(als.utrecht()), 'WOONWAGENBEWONERS')).toBe(0); // not Utrecht's area
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await insert(c, 'PUB-A', d, 'WOONWAGENBEWONERS', 2, 200);
    });
    expect(groep(await lezen(als.provincie()), 'WOONWAGENBEWONERS')).toBe(voorProvincie);
    expect(groep(await lezen(als.corpA()), 'WOONWAGENBEWONERS')).toBe(8);
  });

  it('a cell emptied later keeps its release; the running quarter follows every write', async () => {
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await c.query(`DELETE FROM toewijzing WHERE extern_kenmerk LIKE 'vast-%'`);
    });
    expect(groep(await lezen(als.provincie()), 'WOONWAGENBEWONERS')).toBe(7);
    expect(groep(await lezen(als.corpA()), 'WOONWAGENBEWONERS')).toBe(0);
    const [cel] = (
      await t.db.query(
        `SELECT huishoudens, huishoudens_vrij FROM publicatie_toewijzing_cel WHERE gemeente_code = $1 AND aandachtsgroep = 'WOONWAGENBEWONERS'`,
        [AMERSFOORT],
      )
    ).rows;
    expect(cel).toEqual({ huishoudens: 0, huishoudens_vrij: 7 });

    // the running quarter is nobody else's yet: its cells are recomputed on every write
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await insert(c, 'PUB-A', vandaag, 'WOONWAGENBEWONERS', 6, 300);
    });
    await alsApp('PUB-A', 'CORPORATIE', [UTRECHT, AMERSFOORT], async (c) => {
      await c.query(`DELETE FROM toewijzing WHERE extern_kenmerk = 'vast-301'`);
    });
    const [lopend] = (
      await t.db.query(
        `SELECT huishoudens, huishoudens_vrij FROM publicatie_toewijzing_cel
         WHERE gemeente_code = $1 AND aandachtsgroep = 'WOONWAGENBEWONERS' AND (jaar, kwartaal) = ($2, $3)`,
        [AMERSFOORT, huidig.jaar, huidig.nummer],
      )
    ).rows;
    expect(lopend).toEqual({ huishoudens: 5, huishoudens_vrij: 5 });
  });

  it('a write without a principal freezes too, unless the operator says tm.herpubliceren = on (1765300000003)', async () => {
    // a cell of 6 households in a closed quarter, written as the schema owner in one transaction
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
       SELECT $1, $2, $3, 'ARBEIDSMIGRANTEN', 1, 'oper-' || i FROM generate_series(1, 6) i`,
      [org['PUB-A'], AMERSFOORT, d],
    );
    const vrij = async () => groep(await lezen(als.provincie()), 'ARBEIDSMIGRANTEN');
    expect(await vrij()).toBe(6);
    const alsOperator = async (herpubliceren: string, sql: string) => {
      const c = new Client({ connectionString: t.config.databaseUrl });
      await c.connect();
      try {
        // the test database sets 'on' as its default (test-database.ts); production has none
        await c.query(`SET tm.herpubliceren = '${herpubliceren}'`);
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    // a repair or backfill (no principal, no explicit re-publication): others keep seeing 6
    await alsOperator('', `DELETE FROM toewijzing WHERE extern_kenmerk = 'oper-1'`);
    expect(await vrij()).toBe(6);
    // the operator re-publishes explicitly: the cell is released from its current rows (5)
    await alsOperator('on', `DELETE FROM toewijzing WHERE extern_kenmerk = 'oper-2'`);
    const [cel] = (
      await t.db.query(
        `SELECT * FROM publicatie_toewijzing_cel
         WHERE gemeente_code = $1 AND corporatie_id = $2 AND aandachtsgroep = 'ARBEIDSMIGRANTEN' AND (jaar, kwartaal) = ($3, $4)`,
        [AMERSFOORT, org['PUB-A'], ouder.jaar, ouder.nummer],
      )
    ).rows;
    expect(cel.huishoudens).toBe(4);
    expect(await vrij()).toBe(verwachteToewijzingVrijgave(sleutel, cel).huishoudens);
  });

  it('kwartaalcijfers: a protected figure keeps its release, a public one follows the correction', async () => {
    const q = [ouder.jaar, ouder.nummer];
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       VALUES ('VROEGSIGNALERING_TRAJECTEN', $1, $2, $3, $4, 8), ('WONINGVOORRAAD_TOTAAL', $5, $2, $3, $4, 70000)`,
      [org['PUB-A'], AMERSFOORT, ...q, org[AMERSFOORT]],
    );
    const corrigeer = (code: string, soort: string, indicator: string, waarde: number) =>
      alsApp(code, soort, [AMERSFOORT], async (c) => {
        const { rows } = await c.query(
          `UPDATE kwartaalcijfer SET actueel = false
           WHERE indicator_code = $1 AND gemeente_code = $2 AND (jaar, kwartaal) = ($3, $4) AND actueel RETURNING id`,
          [indicator, AMERSFOORT, ...q],
        );
        await c.query(
          `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, vervangt_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [indicator, org[code], AMERSFOORT, ...q, waarde, rows[0].id],
        );
      });
    await corrigeer('PUB-A', 'CORPORATIE', 'VROEGSIGNALERING_TRAJECTEN', 9);
    await corrigeer(AMERSFOORT, 'GEMEENTE', 'WONINGVOORRAAD_TOTAAL', 70100);
    const cijfers = await lees(als.provincie(), (m) =>
      kwartaalcijferCellen(m, {
        gemeenten: [AMERSFOORT],
        ...periode(ouder),
        indicatoren: ['VROEGSIGNALERING_TRAJECTEN', 'WONINGVOORRAAD_TOTAAL'],
      }),
    );
    expect(Object.fromEntries(cijfers.map((c) => [c.indicatorCode, c.waarde]))).toEqual({
      VROEGSIGNALERING_TRAJECTEN: 8,
      WONINGVOORRAAD_TOTAAL: 70100,
    });
    const eigen = await lees(scope('PUB-A', 'CORPORATIE', [AMERSFOORT]), (m) =>
      kwartaalcijferCellen(m, {
        gemeenten: [AMERSFOORT],
        ...periode(ouder),
        indicatoren: ['VROEGSIGNALERING_TRAJECTEN'],
        alleenEigen: true,
      }),
    );
    expect(eigen.map((c) => c.waarde)).toEqual([9]);
  });
});
