import { zetKenmerkenOm } from '../src/database/migrations/1764200000000-toewijzing-privacy';
import { BewaartermijnHandler } from '../src/toewijzing/bewaartermijn.handler';
import { kenmerkHash } from '../src/toewijzing/kenmerk-hash';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Privacy of toewijzingen (issue 9.5) against the real database: the retention job deletes rows
 * past the bound and nothing else, keeps the published base cells, and can only run as that job;
 * the migration turns clear kenmerken written before it into their keyed hashes.
 */
describe('toewijzingen: retention and stored kenmerken', () => {
  let t: TestApp;
  let domstad: string;
  let eemland: string;
  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
    eemland = await t.orgId('L0802');
  });
  afterAll(() => t.close());

  const h = (kenmerk: string, corporatieId = domstad) =>
    kenmerkHash(t.config.toewijzingKenmerkSleutel, corporatieId, kenmerk);
  const voeg = (
    corporatieId: string,
    gemeente: string,
    datum: string,
    kenmerk: string,
    importId: string | null = null,
  ) =>
    t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk, import_id)
       VALUES ($1, $2, $3, 'STATUSHOUDERS', 3, $4, $5)`,
      [corporatieId, gemeente, datum, kenmerk, importId],
    );
  const heeftPublicatie = async () =>
    (await t.db.query(`SELECT to_regclass('public.publicatie_toewijzing_cel') IS NOT NULL AS ja`)).rows[0].ja;
  const cellen = async () =>
    (
      await t.db.query(
        `SELECT jaar, kwartaal, sum(huishoudens)::int AS huishoudens, sum(personen)::int AS personen
         FROM publicatie_toewijzing_cel GROUP BY jaar, kwartaal ORDER BY jaar, kwartaal`,
      )
    ).rows;

  describe('the retention job', () => {
    let oudImport: string;
    beforeAll(async () => {
      await t.db.query('DELETE FROM toewijzing');
      oudImport = (
        await t.db.query(
          `INSERT INTO toewijzing_import (corporatie_id, bestandsnaam, rijen, opgeslagen, al_aanwezig, tijdstip)
           VALUES ($1, 'oud.csv', 2, 2, 0, '2019-04-01') RETURNING id`,
          [domstad],
        )
      ).rows[0].id;
      await voeg(domstad, 'GM0344', '2019-03-10', h('R-1'), oudImport);
      await voeg(domstad, 'GM0356', '2020-12-31', h('R-2'), oudImport);
      await voeg(eemland, 'GM0307', '2020-06-30', h('R-3', eemland));
      await voeg(domstad, 'GM0344', '2021-01-01', h('R-4'));
      await voeg(eemland, 'GM0307', '2025-05-05', h('R-5', eemland));
    });

    it('deletes exactly the rows dated before the bound, of every corporatie, and their empty import records', async () => {
      const publicatie = await heeftPublicatie();
      const voor = publicatie ? await cellen() : [];
      const uitkomst = await t.app.get(BewaartermijnHandler).pasToe('2026-11-29');
      expect(uitkomst).toEqual({ grens: '2021-01-01', verwijderd: 3 });
      const { rows } = await t.db.query(
        `SELECT to_char(datum, 'YYYY-MM-DD') AS datum FROM toewijzing ORDER BY datum`,
      );
      expect(rows).toEqual([{ datum: '2021-01-01' }, { datum: '2025-05-05' }]);
      expect((await t.db.query(`SELECT 1 FROM toewijzing_import WHERE id = $1`, [oudImport])).rowCount).toBe(
        0,
      );

      if (publicatie) {
        // published quarter figures stay as they were: only the row detail went
        expect(await cellen()).toEqual(voor);
        expect(voor.find((c: { jaar: number }) => c.jaar === 2019)).toMatchObject({
          huishoudens: 1,
          personen: 3,
        });
        // and the publication's delete trigger is on again for every other delete
        const trigger = await t.db.query(
          `SELECT tgenabled FROM pg_trigger WHERE tgname = 'publicatie_toewijzing_delete'`,
        );
        expect(trigger.rows).toEqual([{ tgenabled: 'O' }]);
      }

      // a second run finds nothing: safe to retry
      expect(await t.app.get(BewaartermijnHandler).pasToe('2026-11-29')).toEqual({
        grens: '2021-01-01',
        verwijderd: 0,
      });
    });

    it('the delete function runs only as the retention job, and never for the current or previous year', async () => {
      const c = await t.db.connect();
      try {
        const probeer = async (taak: string | null, grens: string) => {
          await c.query('BEGIN');
          try {
            await c.query('SET LOCAL ROLE thuismonitor_app');
            if (taak) await c.query(`SELECT set_config('tm.taak', $1, true)`, [taak]);
            await c.query(`SELECT tm_toewijzing_bewaartermijn($1::date)`, [grens]);
            return 'uitgevoerd';
          } catch (err) {
            return (err as { code?: string }).code;
          } finally {
            await c.query('ROLLBACK');
          }
        };
        // a request transaction (no tm.taak) or another job cannot delete anything
        expect(await probeer(null, '2020-01-01')).toBe('42501');
        expect(await probeer('kwartaalrapportage', '2020-01-01')).toBe('42501');
        const jaar = new Date().getFullYear();
        expect(await probeer('bewaartermijn', `${jaar}-01-01`)).toBe('22023');
        expect(await probeer('bewaartermijn', `${jaar - 1}-01-01`)).toBe('uitgevoerd');
      } finally {
        c.release();
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM toewijzing`)).rows[0].n).toBe(2);
    });

    it('is in the job catalogue with a fixed scheduler id, and its handler is found', async () => {
      const { JOB_CATALOGUS, JOB_SCHEDULERS } = await import('../src/jobs/job-catalogus');
      expect(JOB_CATALOGUS.onderhoud).toEqual(['toewijzing.bewaartermijn']);
      expect(JOB_SCHEDULERS.find((s) => s.naam === 'toewijzing.bewaartermijn')).toMatchObject({
        id: 'toewijzing.bewaartermijn',
        queue: 'onderhoud',
      });
    });
  });

  describe('the migration to hashed kenmerken', () => {
    it('replaces clear kenmerken by their keyed hash, leaves hashes alone, and keeps re-import idempotent', async () => {
      await t.db.query('DELETE FROM toewijzing');
      // rows as the code before the migration wrote them
      await voeg(domstad, 'GM0344', '2025-02-02', 'OUD-1');
      await voeg(eemland, 'GM0307', '2025-02-03', 'OUD-1');
      await voeg(domstad, 'GM0344', '2025-02-04', h('AL-GEHASHT'));
      const q = { query: async (sql: string, params?: unknown[]) => (await t.db.query(sql, params)).rows };
      expect(await zetKenmerkenOm(q)).toBe(2);
      const { rows } = await t.db.query(
        `SELECT corporatie_id, extern_kenmerk FROM toewijzing ORDER BY datum`,
      );
      expect(rows).toEqual([
        { corporatie_id: domstad, extern_kenmerk: h('OUD-1') },
        { corporatie_id: eemland, extern_kenmerk: h('OUD-1', eemland) },
        { corporatie_id: domstad, extern_kenmerk: h('AL-GEHASHT') },
      ]);
      expect(await zetKenmerkenOm(q)).toBe(0);

      // the corporatie imports the same toewijzing again: recognised through the hash, not stored twice
      const form = new FormData();
      form.append(
        'bestand',
        new Blob([
          'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte\nOUD-1;GM0344;2025-02-02;statushouders;3',
        ]),
        'x.csv',
      );
      const res = await t.fetch('/api/toewijzingen/import?proefrun=false', {
        method: 'POST',
        body: form,
        als: 'corporatie.domstad.invoer',
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ geldig: 1, alAanwezig: 1, nieuw: 0 });
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [domstad]))
          .rows[0].n,
      ).toBe(2);
    });
  });
});
