import type { INestApplicationContext } from '@nestjs/common';
import { renderHtml } from '../src/rapportage/rapportage-html';
import type { RapportageInhoud } from '../src/rapportage/rapportage-inhoud';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';

/**
 * Issue 12 item 5 in the quarterly report (built by the worker from the same voortgang): the share
 * of sociale huur in the stock per gemeente is a fact, judged only where the provincie set a target
 * (no fixed 30% "voldoet"), and the woondeal section shows the year's delivered homes against the
 * targets with the shares over the same projects. Real API, worker and Postgres.
 */
const AANVRAAG = `mutation ($g: GebiedInput!, $k: String!) { vraagKwartaalrapportageAan(gebied: $g, kwartaal: $k) { jobId } }`;
const STATUS = `query ($id: String!) { rapportageAanvraag(jobId: $id) { status
  rapportages { id actielijn bestanden { formaat variant url } } } }`;
const STEL = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`;

describe('kwartaalrapportage: sociale huur in the stock as a fact, and the woondeal', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp({ KLOK_VAST: '2026-11-29T12:00:00Z' });
    worker = await startTestWorker(t.config);
    const kc = (ind: string, org: string, gem: string, waarde: number) =>
      t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel)
         VALUES ($1, (SELECT id FROM organisatie WHERE code = $2), $3, 2026, 2, $4, true)`,
        [ind, org, gem, waarde],
      );
    // Utrecht 17,5% (the provincie's target 30%), Nieuwegein 32% (no target)
    await kc('SOCIALE_HUURVOORRAAD', 'L0801', 'GM0344', 28000);
    await kc('WONINGVOORRAAD_TOTAAL', 'GM0344', 'GM0344', 160000);
    await kc('SOCIALE_HUURVOORRAAD', 'L0801', 'GM0356', 8000);
    await kc('WONINGVOORRAAD_TOTAAL', 'GM0356', 'GM0356', 25000);
    await t.ok('provincie.utrecht', STEL, {
      i: {
        indicatorCode: 'AANDEEL_SOCIALE_HUUR',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        jaar: 2026,
        waarde: 30,
      },
    });
    await t.ok('provincie.utrecht', STEL, {
      i: {
        indicatorCode: 'WONINGEN_OPGELEVERD',
        gebied: { soort: 'GEMEENTE', code: 'GM0344' },
        jaar: 2026,
        waarde: 500,
      },
    });
    // delivered in 2026 up to Q3: 80 homes (40 sociale huur, 20 middenhuur, 20 vrije koop); one in Q4 does not count
    for (const [naam, sh, mh, kv, op] of [
      ['Kade', 40, 20, 20, '2026-05-01'],
      ['Later', 50, 0, 0, '2026-10-05'],
    ] as const)
      await t.db.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
           woningen_koop_vrij, opgeleverd_op)
         VALUES ($1, 'GM0344', (SELECT id FROM organisatie WHERE code = 'L0801'), 'OPGELEVERD', $2, $3, $4, $5)`,
        [naam, sh, mh, kv, op],
      );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('the provincie report: stock share judged only against the provincie’s target; the woondeal of the year', async () => {
    const { vraagKwartaalrapportageAan: a } = await t.ok('provincie.utrecht', AANVRAAG, {
      g: { soort: 'PROVINCIE', code: 'PV26' },
      k: '2026-Q3',
    });
    const klaar = await wachtTot(
      'report PV26',
      async () => {
        const r = await t.ok('provincie.utrecht', STATUS, { id: a.jobId });
        if (r.rapportageAanvraag.status === 'MISLUKT')
          throw new Error(`report job failed: ${JSON.stringify(r)}`);
        return r.rapportageAanvraag.status === 'GEREED' ? r.rapportageAanvraag : undefined;
      },
      240_000,
    );
    const r = klaar.rapportages[0];
    const { rows } = await t.db.query(`SELECT snapshot FROM kwartaalrapportage WHERE id = $1`, [r.id]);
    const inhoud = rows[0].snapshot.gedeeld as RapportageInhoud;
    const per = new Map(inhoud.socialeHuur.map((s) => [s.gemeenteCode, s]));
    expect(per.get('GM0344')).toMatchObject({ aandeel: 17.5, doel: 30, voldoet: false });
    expect(per.get('GM0356')).toMatchObject({ aandeel: 32, doel: null, voldoet: null });
    // no gemeente is judged against a fixed 30% any more
    expect(inhoud.socialeHuur.filter((s) => s.voldoet !== null)).toHaveLength(1);
    expect(inhoud.socialeHuur.some((s) => 'norm' in s)).toBe(false);
    expect(inhoud.socialeHuurGebied).toMatchObject({
      aandeel: 19.46,
      dekking: expect.stringMatching(/^2 van \d+ gemeenten$/),
    });
    expect(inhoud.woondeal).toMatchObject({
      grondslag: expect.stringMatching(/^Bestuurlijke afspraken/),
      aandeelBetaalbaar: 75,
      aandeelSocialeHuur: 50,
      doelBetaalbaar: null,
      dekking: expect.stringMatching(/^1 project in 1 van \d+ gemeenten$/),
    });
    expect(inhoud.woondeal!.regels[0]).toMatchObject({ taakstelling: 500, realisatie: 80 });

    const url = (formaat: string) => r.bestanden.find((b: { formaat: string }) => b.formaat === formaat).url;
    const csv = await (await t.fetch(url('CSV'), { als: 'provincie.utrecht' })).text();
    expect(csv).toContain('Doel provincie');
    expect(csv).toContain('geen doel van de provincie');
    expect(csv).toContain('Woondeal: nieuwbouw van het jaar');
    expect(csv).not.toMatch(/norm 30%/);
    const html = renderHtml(inhoud, {
      versie: 1,
      peilmoment: new Date().toISOString(),
      aangevraagdDoor: 'provincie.utrecht',
      variant: 'GEDEELD',
    });
    expect(html).toContain('Dit is een feit, geen norm');
    expect(html).not.toMatch(/norm van 30%/);
  });
});
