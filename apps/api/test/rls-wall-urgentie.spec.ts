import type { RequestContext } from '@thuismonitor/auth';
import { GEWEIGERD, WallDb } from './support/wall-db';

/**
 * RLS as the second wall under the urgentieregeling (migration 1766900000000): plain SQL through
 * ScopedDb with a principal's scope, no service. Each refusal has a positive control.
 */
let w: WallDb;
const id: Record<string, string> = {};
const ctx: Record<string, RequestContext> = {};
let regeling: string;

beforeAll(async () => {
  w = await WallDb.start();
  for (const code of ['L0801', 'L0802', 'GM0344', 'GM0307', 'PV26', 'BZK']) {
    id[code] = await w.id(code);
    ctx[code] = await w.als(code);
  }
  regeling = (
    await w.admin.query(
      `INSERT INTO urgentieregeling (organisatie_id, gemeente_code, titel, vastgesteld_op, gebruiker)
       VALUES ($1, 'GM0344', 'wall', '2026-01-01', 'wall') RETURNING id`,
      [id.GM0344],
    )
  ).rows[0].id;
  await w.admin.query(
    `INSERT INTO urgentieregeling_categorie (regeling_id, gemeente_code, code, naam, volgorde)
     VALUES ($1, 'GM0344', 'MANTELZORG', 'Mantelzorg', 1)`,
    [regeling],
  );
}, 60_000);
afterAll(() => w.close());

describe('urgentieregeling', () => {
  it('whoever has the gemeente in scope reads it; others see nothing', async () => {
    for (const c of ['GM0344', 'L0801', 'PV26', 'BZK']) {
      expect(await w.lees(ctx[c], `SELECT id FROM urgentieregeling`)).toEqual([{ id: regeling }]);
      expect(await w.lees(ctx[c], `SELECT code FROM urgentieregeling_categorie`)).toEqual([
        { code: 'MANTELZORG' },
      ]);
    }
    expect(await w.lees(ctx.GM0307, `SELECT id FROM urgentieregeling`)).toEqual([]);
    expect(await w.lees(ctx.GM0307, `SELECT code FROM urgentieregeling_categorie`)).toEqual([]);
  });

  it('the public path (no organisation) sees no regeling and no category, only the reference table', async () => {
    const zicht = await w.scoped.publiek(async (m) => ({
      regeling: (await m.query(`SELECT count(*)::int AS n FROM urgentieregeling`))[0].n,
      categorie: (await m.query(`SELECT count(*)::int AS n FROM urgentieregeling_categorie`))[0].n,
      verplicht: (await m.query(`SELECT count(*)::int AS n FROM urgentie_verplichte_categorie`))[0].n,
    }));
    expect(zicht).toEqual({ regeling: 0, categorie: 0, verplicht: 4 });
  });

  it('the mandatory categories are reference data, read by all and written by none', async () => {
    expect(
      (await w.lees(ctx.GM0307, `SELECT code FROM urgentie_verplichte_categorie`)).length,
    ).toBeGreaterThan(0);
    expect(await w.fout(ctx.BZK, `DELETE FROM urgentie_verplichte_categorie`)).toMatch(GEWEIGERD);
  });

  it('only the gemeente itself writes its regeling and its categories', async () => {
    const update = `UPDATE urgentieregeling SET titel = 'y' WHERE id = $1`;
    for (const c of ['L0801', 'PV26', 'BZK', 'GM0307'])
      expect(await w.wijzig(ctx[c], update, [regeling])).toBe(0);
    expect(await w.wijzig(ctx.GM0344, update, [regeling])).toBe(1);

    const insert = `INSERT INTO urgentieregeling (organisatie_id, gemeente_code, titel, vastgesteld_op, gebruiker)
                    VALUES ($1, $2, 'x', '2026-01-01', 'x')`;
    expect(await w.fout(ctx.GM0307, insert, [id.GM0307, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801, 'GM0307'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0307, insert, [id.GM0307, 'GM0307'])).toBeUndefined();

    const categorie = `INSERT INTO urgentieregeling_categorie (regeling_id, gemeente_code, code, naam, volgorde)
                       VALUES ($1, 'GM0344', 'MEDISCH', 'Medisch', 2)`;
    for (const c of ['L0801', 'PV26', 'GM0307'])
      expect(await w.fout(ctx[c], categorie, [regeling])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0344, categorie, [regeling])).toBeUndefined();
    const weg = `DELETE FROM urgentieregeling_categorie WHERE regeling_id = $1`;
    expect(await w.wijzig(ctx.L0801, weg, [regeling])).toBe(0);
    expect(await w.wijzig(ctx.GM0344, weg, [regeling])).toBeGreaterThan(0);
  });
});
