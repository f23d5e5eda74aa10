import type { RequestContext } from '@thuismonitor/auth';
import { WallDb } from './support/wall-db';

/**
 * The read wall of the two tables that hold household data, toewijzing and kwartaalcijfer: rows
 * only for the owner (the corporatie / the reporting organisation) and the gemeente the row lies
 * in (libs/auth magRijZien). Everybody else (another corporatie or party working in the same
 * gemeente, the provincie, the Rijk, a report job acting with national scope) gets no rows from
 * plain SQL, and reaches these figures only through the publication functions that apply the
 * disclosure rule (migration 1764100000000, docs/decisions.md "Publicatie").
 * Plain SQL through ScopedDb with a principal's scope: no service is involved.
 */
let w: WallDb;
const id: Record<string, string> = {};
const ctx: Record<string, RequestContext> = {};
const rij: Record<string, string> = {};
const ORGS = ['L0801', 'L0802', 'ZA-STICHTWONEN', 'HO-DOMSTAD', 'GM0344', 'GM0307', 'PV26', 'BZK'];

beforeAll(async () => {
  w = await WallDb.start();
  for (const code of ORGS) {
    id[code] = await w.id(code);
    ctx[code] = await w.als(code);
  }
  const q = async (sql: string, p: unknown[]) => (await w.admin.query(sql, p)).rows[0].id as string;
  const toewijzing = (corporatie: string, gemeente: string, kenmerk: string) =>
    q(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
       VALUES ($1, $2, '2024-02-01', 'URGENTEN', 1, $3) RETURNING id`,
      [id[corporatie], gemeente, kenmerk],
    );
  rij.domstadUtrecht = await toewijzing('L0801', 'GM0344', 'agg-d1');
  // Eemland in Utrecht too (a second corporatie in the same gemeente)
  rij.eemlandUtrecht = await toewijzing('L0802', 'GM0344', 'agg-e1');
  rij.eemlandAmersfoort = await toewijzing('L0802', 'GM0307', 'agg-e2');

  const cijfer = (org: string, gemeente: string, indicator: string) =>
    q(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       VALUES ($1, $2, $3, 2024, 1, 2) RETURNING id`,
      [indicator, id[org], gemeente],
    );
  rij.zorgUtrecht = await cijfer('ZA-STICHTWONEN', 'GM0344', 'UITSTROOM_WACHTEND');
  rij.zorgAmersfoort = await cijfer('ZA-STICHTWONEN', 'GM0307', 'UITSTROOM_WACHTEND');
  rij.domstadCijfer = await cijfer('L0801', 'GM0344', 'HUISUITZETTINGEN');
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const zicht = async (wie: RequestContext, tabel: string) =>
  (await w.lees(wie, `SELECT id FROM ${tabel}`)).map((r: { id: string }) => r.id).sort();
const gesorteerd = (...x: string[]) => [...x].sort();

describe('toewijzing: rows for the corporatie and its gemeente only', () => {
  it('each corporatie sees its own rows, not another corporatie’s in the same gemeente', async () => {
    expect(await zicht(ctx.L0801, 'toewijzing')).toEqual([rij.domstadUtrecht]);
    expect(await zicht(ctx.L0802, 'toewijzing')).toEqual(
      gesorteerd(rij.eemlandUtrecht, rij.eemlandAmersfoort),
    );
  });

  it('the gemeente sees every row in its gemeente and none elsewhere', async () => {
    expect(await zicht(ctx.GM0344, 'toewijzing')).toEqual(gesorteerd(rij.domstadUtrecht, rij.eemlandUtrecht));
    expect(await zicht(ctx.GM0307, 'toewijzing')).toEqual([rij.eemlandAmersfoort]);
  });

  it('partners, provincie and Rijk get no rows (aggregates only, through the publication functions)', async () => {
    for (const org of ['ZA-STICHTWONEN', 'HO-DOMSTAD', 'PV26', 'BZK']) {
      expect({ org, rijen: await zicht(ctx[org], 'toewijzing') }).toEqual({ org, rijen: [] });
    }
  });

  it('a report job acting with Rijk’s national scope reads no rows either', async () => {
    const systeem = await w.scoped.systeemContext('kwartaalrapportage');
    expect(await w.scoped.snapshot(systeem, (m) => m.query('SELECT id FROM toewijzing'))).toEqual([]);
  });
});

describe('kwartaalcijfer: rows for the reporting organisation and the gemeente only', () => {
  it('the reporting organisation sees its own figures only', async () => {
    expect(await zicht(ctx['ZA-STICHTWONEN'], 'kwartaalcijfer')).toEqual(
      gesorteerd(rij.zorgUtrecht, rij.zorgAmersfoort),
    );
    expect(await zicht(ctx.L0801, 'kwartaalcijfer')).toEqual([rij.domstadCijfer]);
  });

  it('the gemeente sees the figures about itself', async () => {
    expect(await zicht(ctx.GM0344, 'kwartaalcijfer')).toEqual(gesorteerd(rij.zorgUtrecht, rij.domstadCijfer));
    expect(await zicht(ctx.GM0307, 'kwartaalcijfer')).toEqual([rij.zorgAmersfoort]);
  });

  it('other parties, provincie and Rijk get no rows', async () => {
    for (const org of ['L0802', 'HO-DOMSTAD', 'PV26', 'BZK']) {
      expect({ org, rijen: await zicht(ctx[org], 'kwartaalcijfer') }).toEqual({ org, rijen: [] });
    }
    const systeem = await w.scoped.systeemContext('kwartaalrapportage');
    expect(await w.scoped.snapshot(systeem, (m) => m.query('SELECT id FROM kwartaalcijfer'))).toEqual([]);
  });
});
