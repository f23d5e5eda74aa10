import type { RequestContext } from '@thuismonitor/auth';
import {
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDatum,
  plusDagen,
  vandaagInAmsterdam,
  vorigKwartaal,
} from '@thuismonitor/domain';
import { GebruikersFout } from '../src/common/fouten';
import { WallDb } from './support/wall-db';

/**
 * The closing race (migration 1766000000000-publicatie-sluiting): a product write that started
 * before a quarter's deadline and commits after it must not re-release that quarter's cells,
 * which non-owners may already have read as closed. Through the product's own gateway
 * (ScopedDb.transaction, the app role with a principal) on a real database; the deadline is moved
 * by another connection while the write's transaction is open, as the clock would move it.
 */
const UTRECHT = 'GM0344';
const vandaag = vandaagInAmsterdam(new Date());
const vorig = vorigKwartaal(kwartaalVanDatum(vandaag));
const inVorig = plusDagen(kwartaalStart(vorig), 20);
// days from the end of the previous quarter to today: a deadline one day later keeps it open
const dagenNaEinde = Math.round((Date.parse(vandaag) - Date.parse(kwartaalEinde(vorig))) / 86_400_000);

describe('publicatie: a quarter that closes while a write runs', () => {
  let w: WallDb;
  let corp: RequestContext;
  let corpId: string;

  const zetDeadline = async (open: boolean) =>
    w.admin.query(`UPDATE publicatie_instelling SET deadline_dag = $1`, [open ? dagenNaEinde + 2 : 1]);
  const cel = async () =>
    (
      await w.admin.query(
        `SELECT huishoudens, huishoudens_vrij FROM publicatie_toewijzing_cel
         WHERE corporatie_id = $1 AND gemeente_code = $2 AND jaar = $3 AND kwartaal = $4 AND aandachtsgroep = 'OUDEREN'`,
        [corpId, UTRECHT, vorig.jaar, vorig.nummer],
      )
    ).rows[0] as { huishoudens: number; huishoudens_vrij: number };
  let volgnummer = 0;
  const voegToe = (m: { query: (s: string, p: unknown[]) => Promise<unknown> }, n: number) =>
    m.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       SELECT $1, $2, $3::date, 'OUDEREN', 1, false, 'sluit-' || ($4::int + i) FROM generate_series(1, $5::int) i`,
      [corpId, UTRECHT, inVorig, (volgnummer += 100), n],
    );

  beforeAll(async () => {
    w = await WallDb.start();
    // the deadline day is 1–28 in the product; this test needs one that keeps last quarter open today
    const { rows } = await w.admin.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'publicatie_instelling'::regclass AND contype = 'c'`,
    );
    for (const r of rows)
      await w.admin.query(`ALTER TABLE publicatie_instelling DROP CONSTRAINT "${r.conname}"`);
    const { rows: o } = await w.admin.query(
      `INSERT INTO organisatie (code, soort, naam) VALUES ('SLUIT-A', 'CORPORATIE', 'Corporatie Sluit') RETURNING id`,
    );
    corpId = o[0].id;
    await w.admin.query(
      `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) VALUES ($1, $2)`,
      [corpId, UTRECHT],
    );
    corp = await w.als('SLUIT-A');
    await zetDeadline(true);
    // an existing cell of last quarter: 6 households, released before the deadline
    await voegToe(w.admin, 6);
  });
  afterAll(() => w?.close());

  it('setup: last quarter is open, and a write to its cell re-releases it', async () => {
    const { rows } = await w.admin.query(`SELECT tm_publicatie_laatst_gesloten()::text AS d`);
    expect(rows[0].d < kwartaalStart(vorig)).toBe(true);
    const voor = await cel();
    expect(voor.huishoudens).toBe(6);
    await w.scoped.transaction(corp, (m) => voegToe(m, 1));
    const na = await cel();
    expect(na.huishoudens).toBe(7);
    expect(na.huishoudens_vrij).toBe(7);
  });

  it('refuses the commit, in Dutch, when the quarter closed while the write ran; nothing is stored', async () => {
    const voor = await cel();
    const rijen = async () =>
      (await w.admin.query(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [corpId]))
        .rows[0].n;
    const aantalVoor = await rijen();
    const fout = await w.scoped
      .transaction(corp, async (m) => {
        await voegToe(m, 2);
        // the deadline passes while this transaction is still open
        await zetDeadline(false);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect((fout as GebruikersFout).code).toBe('CONFLICT');
    expect((fout as GebruikersFout).message).toMatch(
      /afgesloten terwijl uw wijziging werd verwerkt.*niets opgeslagen/,
    );
    expect(await rijen()).toBe(aantalVoor);
    expect(await cel()).toEqual(voor);
  });

  it('a write that starts after the deadline commits, and the released value stays what was read', async () => {
    await zetDeadline(false);
    const voor = await cel();
    await w.scoped.transaction(corp, (m) => voegToe(m, 3));
    const na = await cel();
    expect(na.huishoudens).toBe(voor.huishoudens + 3);
    expect(na.huishoudens_vrij).toBe(voor.huishoudens_vrij);
  });

  it('writes to the running quarter are not held up by a deadline passing', async () => {
    await zetDeadline(true);
    await expect(
      w.scoped.transaction(corp, async (m) => {
        await m.query(
          `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
           VALUES ($1, $2, $3, 'OUDEREN', 1, false, 'sluit-nu')`,
          [corpId, UTRECHT, vandaag],
        );
        await zetDeadline(false);
      }),
    ).resolves.toBeUndefined();
  });

  it('a cell the same transaction creates gets its first release, also across the deadline', async () => {
    await zetDeadline(true);
    await w.scoped.transaction(corp, async (m) => {
      await m.query(
        `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
         SELECT $1, $2, $3::date, 'STUDENTEN', 1, false, 'sluit-nieuw-' || i FROM generate_series(1, 8) i`,
        [corpId, UTRECHT, inVorig],
      );
      await zetDeadline(false);
    });
    const { rows } = await w.admin.query(
      `SELECT huishoudens, huishoudens_vrij FROM publicatie_toewijzing_cel
       WHERE corporatie_id = $1 AND jaar = $2 AND kwartaal = $3 AND aandachtsgroep = 'STUDENTEN'`,
      [corpId, vorig.jaar, vorig.nummer],
    );
    expect(rows).toEqual([{ huishoudens: 8, huishoudens_vrij: 8 }]);
  });
});
