import type { RequestContext } from '@thuismonitor/auth';
import { GEWEIGERD, WallDb } from './support/wall-db';

/**
 * RLS as the second wall under the bod, the evaluatie and the geschil (migration 1766300000000):
 * plain SQL through ScopedDb with a principal's scope, no service. Each refusal has a positive
 * control (the party can), so the test cannot pass because nothing works.
 */
let w: WallDb;
const id: Record<string, string> = {};
const ctx: Record<string, RequestContext> = {};
const rij: Record<string, string> = {};

beforeAll(async () => {
  w = await WallDb.start();
  for (const code of ['L0801', 'L0802', 'HO-DOMSTAD', 'GM0344', 'GM0307', 'PV26', 'BZK']) {
    id[code] = await w.id(code);
    ctx[code] = await w.als(code);
  }
  const q = async (sql: string, p: unknown[]) => (await w.admin.query(sql, p)).rows[0]?.id as string;
  const bod = async (status: string) => {
    const b = await q(
      `INSERT INTO bod (corporatie_id, gemeente_code, jaar, titel, status, verzonden_op)
       VALUES ($1, 'GM0344', 2026, 'wall', $2, CASE WHEN $2 = 'VERZONDEN' THEN now() END) RETURNING id`,
      [id.L0801, status],
    );
    for (const o of ['GM0344', 'HO-DOMSTAD'])
      await w.admin.query(`INSERT INTO bod_ontvanger (bod_id, organisatie_id) VALUES ($1, $2)`, [b, id[o]]);
    await w.admin.query(
      `INSERT INTO bod_regel (bod_id, volgnummer, jaar, actielijn, omschrijving) VALUES ($1, 1, 2027, 'PREVENTIE', 'wall')`,
      [b],
    );
    return b;
  };
  rij.concept = await bod('CONCEPT');
  rij.verzonden = await bod('VERZONDEN');
  rij.pa = await q(
    `INSERT INTO prestatieafspraak (gemeente_code, titel, jaar_van, jaar_tot, status, opgesteld_door_id, vastgesteld_op)
     VALUES ('GM0344', 'wall', 2025, 2026, 'VASTGESTELD', $1, now()) RETURNING id`,
    [id.GM0344],
  );
  for (const p of ['GM0344', 'L0801', 'HO-DOMSTAD'])
    await w.admin.query(
      `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
      [rij.pa, id[p]],
    );
  rij.evaluatie = await q(
    `INSERT INTO evaluatie (prestatieafspraak_id, jaar) VALUES ($1, 2025) RETURNING id`,
    [rij.pa],
  );
  rij.geschil = await q(
    `INSERT INTO geschil (prestatieafspraak_id, onderwerp, omschrijving, ingediend_op, ingediend_door_id)
     VALUES ($1, 'INHOUD', 'wall', '2025-08-01', $2) RETURNING id`,
    [rij.pa, id.GM0344],
  );
}, 60_000);
afterAll(() => w.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('bod', () => {
  it('the corporatie sees its concept and sent bod; recipients only the sent one; others nothing', async () => {
    const lees = (c: string) => w.lees(ctx[c], `SELECT id FROM bod`);
    expect(ids(await lees('L0801'))).toEqual([rij.concept, rij.verzonden].sort());
    for (const c of ['GM0344', 'HO-DOMSTAD']) expect(ids(await lees(c))).toEqual([rij.verzonden]);
    for (const c of ['L0802', 'GM0307', 'PV26', 'BZK']) expect(await lees(c)).toEqual([]);
    expect(await w.lees(ctx['HO-DOMSTAD'], `SELECT bod_id AS id FROM bod_regel`)).toEqual([
      { id: rij.verzonden },
    ]);
    expect(await w.lees(ctx.L0802, `SELECT bod_id AS id FROM bod_regel`)).toEqual([]);
    expect(await w.lees(ctx.PV26, `SELECT bod_id AS id FROM bod_ontvanger`)).toEqual([]);
  });

  it('only a corporatie inserts, as itself, in its werkgebied; only its own concept changes', async () => {
    const insert = `INSERT INTO bod (corporatie_id, gemeente_code, jaar, titel) VALUES ($1, $2, 2026, 'x')`;
    expect(await w.fout(ctx.L0802, insert, [id.L0801, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0802, insert, [id.L0802, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0344, insert, [id.GM0344, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801, 'GM0344'])).toBeUndefined();
    const update = `UPDATE bod SET titel = 'y' WHERE id = $1`;
    expect(await w.wijzig(ctx.GM0344, update, [rij.verzonden])).toBe(0);
    expect(await w.wijzig(ctx.L0801, update, [rij.verzonden])).toBe(0);
    expect(await w.wijzig(ctx.L0802, update, [rij.concept])).toBe(0);
    expect(await w.wijzig(ctx.L0801, update, [rij.concept])).toBe(1);
    const regel = `INSERT INTO bod_regel (bod_id, volgnummer, jaar, actielijn, omschrijving) VALUES ($1, 9, 2027, 'PREVENTIE', 'x')`;
    expect(await w.fout(ctx['HO-DOMSTAD'], regel, [rij.verzonden])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, regel, [rij.verzonden])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, regel, [rij.concept])).toBeUndefined();
  });

  it('the cycle calendar gets only the dates of sent boden, for a gemeente in scope', async () => {
    const data = `SELECT d AS id FROM tm_bod_verzonden_data('GM0344', 2026) AS d`;
    expect(await w.lees(ctx.PV26, data)).toHaveLength(1);
    expect(await w.lees(ctx.GM0307, data)).toEqual([]);
  });
});

describe('evaluatie and geschil', () => {
  it('parties read and write; provincie, Rijk and other organisations see nothing', async () => {
    for (const t of ['evaluatie', 'geschil']) {
      for (const c of ['GM0344', 'L0801', 'HO-DOMSTAD'])
        expect(await w.lees(ctx[c], `SELECT id FROM ${t}`)).toHaveLength(1);
      for (const c of ['L0802', 'GM0307', 'PV26', 'BZK'])
        expect(await w.lees(ctx[c], `SELECT id FROM ${t}`)).toEqual([]);
    }
    const geschil = `INSERT INTO geschil (prestatieafspraak_id, onderwerp, omschrijving, ingediend_op, ingediend_door_id)
                     VALUES ($1, 'INHOUD', 'x', '2025-08-01', $2)`;
    expect(await w.fout(ctx.PV26, geschil, [rij.pa, id.PV26])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, geschil, [rij.pa, id.GM0344])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx['HO-DOMSTAD'], geschil, [rij.pa, id['HO-DOMSTAD']])).toBeUndefined();
    const regel = `INSERT INTO evaluatie_regel (evaluatie_id, afspraak_id, oordeel, bijgewerkt_door_id)
                   SELECT $1, a.id, 'NIET', $2 FROM (SELECT gen_random_uuid() AS id) a`;
    // (no afspraak row: the FK would fail after RLS; RLS must refuse first for a non-party)
    expect(await w.fout(ctx.PV26, regel, [rij.evaluatie, id.PV26])).toMatch(GEWEIGERD);
    expect(
      await w.wijzig(ctx.BZK, `UPDATE evaluatie SET versie = versie + 1 WHERE id = $1`, [rij.evaluatie]),
    ).toBe(0);
    expect(
      await w.wijzig(ctx.L0801, `UPDATE evaluatie SET versie = versie + 1 WHERE id = $1`, [rij.evaluatie]),
    ).toBe(1);
  });
});
