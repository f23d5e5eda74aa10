import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startTestApp, type TestApp } from './support/test-app';
import { CacheSignalen } from '../src/database/cache-signalen';
import { ReferentieService } from '../src/referentie/referentie.service';
import { WorkerModule } from '../src/worker.module';

/**
 * Two API replicas on one database and Redis (issue 15, item 5): what one changes, the other
 * serves at once, not after its caches expire. Replica B keeps the principal's organisation for
 * 30 s and the reference data (woningmarktregio membership decides a regio's gemeenten and so who
 * may see it) until it is told otherwise; the change goes through replica A. Without the
 * notifications (database/cache-signalen.ts, migration 1766500000000) B would keep the old state
 * for 30 s or, for the regio, until a restart.
 */
describe('caches across replicas: a change through A holds on B at once', () => {
  let a: TestApp;
  let b: TestApp;
  /** a worker replica's module graph (no queues started): report planning reads its reference data */
  let worker: INestApplicationContext;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { naast: a });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(a.config), { logger: false });
  });
  afterAll(async () => {
    await worker?.close();
    await b?.close();
    await a?.close();
  });

  const OP = 'bzk.platformbeheer';
  const ME = `{ me { permissies organisatie { code } } }`;
  const REGIO_IMPORT = `mutation ($csv: String!) { importeerWoningmarktregioIndeling(csv: $csv, proefrun: false) { opgeslagen fouten { melding } } }`;
  const VOORTGANG = `query ($c: String!) { voortgang(gebied: { soort: WONINGMARKTREGIO, code: $c }, jaar: 2026) { peildatum } }`;

  /**
   * Polls `klaar` until it holds, for at most 2 s (a notification is asynchronous: it arrives
   * within milliseconds; the cache it must beat keeps its entry 30 s or forever). Returns the ms
   * it took.
   */
  async function binnen(klaar: () => Promise<boolean>): Promise<number> {
    const start = Date.now();
    let pogingen = 1;
    while (!(await klaar())) {
      if (Date.now() - start > 2000) throw new Error('replica B still served the old state after 2 s');
      await new Promise((r) => setTimeout(r, 10));
      pogingen++;
    }
    const ms = Date.now() - start;
    if (process.env.TM_MELD_LATENTIE) console.log(`up to date after ${ms} ms, ${pogingen} request(s)`);
    return ms;
  }

  it('both replicas listen for changes', () => {
    expect(a.app.get(CacheSignalen).luistert).toBe(true);
    expect(b.app.get(CacheSignalen).luistert).toBe(true);
    expect(worker.get(CacheSignalen).luistert).toBe(true);
  });

  it("a deactivated organisation's users lose their write permissions on B at once, and get them back", async () => {
    const id = await a.orgId('L0801');
    const aantal = async () =>
      (await a.db.query(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [id])).rows[0].n as number;
    const voor = await aantal();
    // B has resolved (and cached) the active organisation
    expect((await b.ok('corporatie.domstad', ME)).me.permissies).toContain('toewijzing:invoeren');
    await a.ok(OP, `mutation ($id: ID!) { deactiveerOrganisatie(id: $id) { actief } }`, { id });
    const ms = await binnen(async () => !(await b.ok('corporatie.domstad', ME)).me.permissies.includes('toewijzing:invoeren'));
    // and a write on B is refused, nothing stored
    const schrijf = await b.gql(
      'corporatie.domstad.invoer',
      `mutation ($i: ToewijzingInput!) { maakToewijzing(invoer: $i) { id } }`,
      { i: { externKenmerk: 'REPLICA-1', gemeenteCode: 'GM0344', datum: '2026-01-05', aandachtsgroep: null, huishoudgrootte: 1 } },
    );
    expect(schrijf.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    expect(await aantal()).toBe(voor);
    await a.ok(OP, `mutation ($id: ID!) { heractiveerOrganisatie(id: $id) { actief } }`, { id });
    await binnen(async () => (await b.ok('corporatie.domstad', ME)).me.permissies.includes('toewijzing:invoeren'));
    expect(ms).toBeLessThan(2000);
  });

  it('a woningmarktregio membership change through A changes who may see the regio on B, and the worker sees it', async () => {
    const regio = (await a.db.query(`SELECT code, naam FROM woningmarktregio ORDER BY code LIMIT 1`)).rows[0];
    const zichtbaar = async (wie: string) => {
      const r = await b.gql(wie, VOORTGANG, { c: regio.code });
      if (r.errors?.length) {
        expect(r.errors[0].extensions?.code).toBe('NIET_GEVONDEN');
        return false;
      }
      return true;
    };
    const inWorker = async () =>
      (await worker.get(ReferentieService).gemeenten({ woningmarktregioCode: regio.code })).map((g) => g.code).sort();
    // no membership yet: the regio is unknown, also on B and in the worker (which now hold the reference data)
    expect(await zichtbaar('provincie.utrecht')).toBe(false);
    expect(await inWorker()).toEqual([]);

    // Utrecht and Amersfoort, both in the provincie Utrecht: the provincie may see the regio
    const binnenProvincie = await a.ok(OP, REGIO_IMPORT, { csv: `gemeente;woningmarktregio\nGM0344;${regio.code}\nGM0307;${regio.code}` });
    expect(binnenProvincie.importeerWoningmarktregioIndeling).toEqual({ opgeslagen: true, fouten: [] });
    await binnen(() => zichtbaar('provincie.utrecht'));
    await binnen(async () => (await inWorker()).length === 2);

    // Arnhem (Gelderland) joins: the regio crosses the border, the provincie no longer sees it
    const overGrens = await a.ok(OP, REGIO_IMPORT, {
      csv: `gemeente;woningmarktregio\nGM0344;${regio.code}\nGM0307;${regio.code}\nGM0202;${regio.code}`,
    });
    expect(overGrens.importeerWoningmarktregioIndeling.opgeslagen).toBe(true);
    await binnen(async () => !(await zichtbaar('provincie.utrecht')));
    await binnen(async () => (await inWorker()).length === 3);
    expect(await inWorker()).toEqual(['GM0202', 'GM0307', 'GM0344']);
    expect(await zichtbaar('bzk.analist')).toBe(true);
    const gemeenten = await b.ok('bzk.analist', `{ woningmarktregios { code gemeenten { code } } }`);
    expect(
      gemeenten.woningmarktregios
        .find((r: { code: string }) => r.code === regio.code)
        .gemeenten.map((g: { code: string }) => g.code)
        .sort(),
    ).toEqual(['GM0202', 'GM0307', 'GM0344']);
  });

  it("a toewijzing stored through A replaces B's kept voortgang answer when the notification arrives", async () => {
    const V = `{ voortgang(gebied: { soort: GEMEENTE, code: "GM0344" }, jaar: 2024) { actielijnen { indicatoren { code realisatie { waarde } } } } }`;
    const totaal = async () => {
      const d = await b.ok('gemeente.utrecht', V);
      return d.voortgang.actielijnen
        .flatMap((a: { indicatoren: { code: string; realisatie: { waarde: number } }[] }) => a.indicatoren)
        .find((i: { code: string }) => i.code === 'TOEWIJZINGEN_TOTAAL').realisatie.waarde as number;
    };
    const voor = await totaal();
    expect(await totaal()).toBe(voor); // the second is B's kept answer
    const nieuw = await a.ok('corporatie.domstad', `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id } }`, {
      input: { externKenmerk: 'REPLICA-V1', gemeenteCode: 'GM0344', datum: '2024-03-03', huishoudgrootte: 1 },
    });
    const ms = await binnen(async () => (await totaal()) === voor + 1);
    await a.ok('corporatie.domstad', `mutation ($id: ID!) { verwijderToewijzing(id: $id) }`, { id: nieuw.maakToewijzing.id });
    await binnen(async () => (await totaal()) === voor);
    expect(ms).toBeLessThan(2000);
  });

  it('a change made outside the API (an operator with psql) reaches both replicas too', async () => {
    const id = await a.orgId('L0801');
    expect((await b.ok('corporatie.domstad', ME)).me.permissies).toContain('toewijzing:invoeren');
    expect((await a.ok('corporatie.domstad', ME)).me.permissies).toContain('toewijzing:invoeren');
    await a.db.query(`UPDATE organisatie SET actief = false, gedeactiveerd_op = now() WHERE id = $1`, [id]);
    for (const t of [a, b]) {
      await binnen(async () => !(await t.ok('corporatie.domstad', ME)).me.permissies.includes('toewijzing:invoeren'));
    }
    await a.db.query(`UPDATE organisatie SET actief = true, gedeactiveerd_op = NULL WHERE id = $1`, [id]);
  });
});
