import type { RequestContext } from '@thuismonitor/auth';
import { aanmeldbareGebruikers } from '../src/beheer/aanmeldbare-gebruikers';
import { GEWEIGERD, WallDb } from './support/wall-db';

/**
 * The database wall for the platform operator's work (review of issue 13; migration
 * 1766100000000), with plain SQL through ScopedDb and no service: a Rijk principal WITHOUT the
 * role platformbeheer cannot write organisations, werkgebieden, huurders links, registered users
 * or the woningmarktregio-indeling, and cannot read registered users of other organisations;
 * the operator can (positive control). tm_aanmeldbare_gebruikers() answers only on the
 * development login's path.
 */
let w: WallDb;
let rijk: RequestContext;
let operator: RequestContext;
let gemeente: RequestContext;
let utrecht: string;

beforeAll(async () => {
  w = await WallDb.start();
  rijk = await w.als('BZK');
  operator = await w.als('BZK', ['lezen', 'platformbeheer']);
  gemeente = await w.als('GM0344');
  utrecht = await w.id('GM0344');
  await w.admin.query(
    `INSERT INTO organisatie_gebruiker (organisatie_id, gebruikersnaam, naam, email, rollen)
     VALUES ($1, 'wand.utrecht', 'Wand Utrecht', 'wand@utrecht.example', '{lezen}')`,
    [utrecht],
  );
});
afterAll(() => w.close());

describe('organisation administration tables need the operator role in Postgres', () => {
  it('a Rijk principal without platformbeheer cannot insert organisations or registered users', async () => {
    expect(
      await w.fout(
        rijk,
        `INSERT INTO organisatie (code, soort, naam) VALUES ('L0971', 'CORPORATIE', 'Wand')`,
      ),
    ).toMatch(GEWEIGERD);
    expect(
      await w.fout(
        rijk,
        `INSERT INTO organisatie_gebruiker (organisatie_id, gebruikersnaam, naam, email, rollen) VALUES ($1, 'wand.twee', 'W', 'w@x.example', '{lezen}')`,
        [utrecht],
      ),
    ).toMatch(GEWEIGERD);
    // positive control: the operator can
    expect(
      await w.fout(
        operator,
        `INSERT INTO organisatie (code, soort, naam) VALUES ('L0971', 'CORPORATIE', 'Wand')`,
      ),
    ).toBeUndefined();
  });

  it('nor change or delete organisations, werkgebieden or the woningmarktregio-indeling', async () => {
    const corp = await w.id('L0801');
    for (const [sql, p] of [
      [`UPDATE organisatie SET naam = 'Overgenomen' WHERE code = 'L0801'`, []],
      [`DELETE FROM organisatie_werkgebied WHERE organisatie_id = $1`, [corp]],
      [`UPDATE gemeente SET woningmarktregio_code = 'WMR09' WHERE code = 'GM0344'`, []],
      [`UPDATE organisatie_gebruiker SET naam = 'X' WHERE gebruikersnaam = 'wand.utrecht'`, []],
    ] as const) {
      expect(await w.wijzig(rijk, sql, [...p])).toBe(0);
    }
    expect(
      await w.wijzig(operator, `UPDATE organisatie SET naam = 'Woonstichting Domstad' WHERE code = 'L0801'`),
    ).toBe(1);
  });

  it('registered users are read by the operator and by their own organisation, not by any Rijk context', async () => {
    const sql = `SELECT gebruikersnaam FROM organisatie_gebruiker WHERE gebruikersnaam = 'wand.utrecht'`;
    expect(await w.lees(rijk, sql)).toEqual([]);
    expect(await w.lees(operator, sql)).toHaveLength(1);
    expect(await w.lees(gemeente, sql)).toHaveLength(1);
  });

  it('a job acting as the system (Rijk, role lezen) is no operator either', async () => {
    const systeem = await w.scoped.systeemContext('wand');
    expect(
      await w.fout(
        systeem,
        `INSERT INTO organisatie (code, soort, naam) VALUES ('L0972', 'CORPORATIE', 'Wand')`,
      ),
    ).toMatch(GEWEIGERD);
  });
});

describe('tm_herindeling(): only for the operator', () => {
  it('refuses a Rijk principal without platformbeheer, even for a dry run', async () => {
    const sql = `SELECT tm_herindeling('2027-01-01', 'GM0307', 'Amersfoort', 'PV26', ARRAY['GM0313'], false)`;
    expect(await w.fout(rijk, sql)).toMatch(/only the platform operator/);
    expect(await w.fout(gemeente, sql.replace('false', 'true'))).toMatch(/only the platform operator/);
    const [{ opgeheven }] = await w.lees(
      operator,
      `SELECT count(*)::int AS opgeheven FROM gemeente WHERE opgeheven_op IS NOT NULL`,
    );
    expect(opgeheven).toBe(0);
    // positive control: the operator's dry run answers and changes nothing
    const [{ r }] = await w.lees(operator, `${sql.replace('false', 'true')} AS r`);
    expect(r).toMatchObject({ nieuweGemeente: false, taakstellingen: 0 });
  });
});

describe('tm_aanmeldbare_gebruikers(): only for the development login', () => {
  it('answers no rows to the app role on any other path, the operator included', async () => {
    const sql = `SELECT * FROM tm_aanmeldbare_gebruikers()`;
    expect(await w.lees(operator, sql)).toEqual([]);
    expect(await w.scoped.publiek((m) => m.query(sql))).toEqual([]);
  });

  it('the development login path lists the registered user (positive control)', async () => {
    const namen = (await aanmeldbareGebruikers(w.scoped)).map((a) => a.username);
    expect(namen).toContain('wand.utrecht');
  });
});
