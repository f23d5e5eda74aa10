import { ok as paOk, Q } from './prestatieafspraak.helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { vandaagInAmsterdam, plusDagen } from '@thuismonitor/domain';
import { StatushoudersService } from '../src/taakstelling/statushouders.service';
import { ScopedDb } from '../src/database/scoped-db.service';
import { GebiedService } from '../src/gebied/gebied.service';
import { VoortgangService } from '../src/voortgang/voortgang.service';

/**
 * The rules of issue 9 items 2 and 3, each against fixture rows inserted with SQL and checked
 * against figures written out here:
 * - one cut-off: nothing dated after the period's peildatum counts (screen, afspraken,
 *   statushouders), so a past period gives the same answer whenever it is asked;
 * - shares over an area are Σ teller ÷ Σ noemer over the same gemeenten; stands sum only the
 *   gemeenten that reported; every aggregate states its coverage;
 * - a target due at the end of its half year is judged on that day, "loopt" before.
 */
const VOORTGANG = `query ($g: GebiedInput!, $j: Int, $p: DatumPeriodeInput) { voortgang(gebied: $g, jaar: $j, periode: $p) {
  peildatum actielijnen { indicatoren { code taakstelling realisatie { waarde onderdrukt } percentage verwacht status dekking { gemeenten totaal weergave } } } } }`;
const STEL = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`;

type Ind = {
  code: string;
  taakstelling: number | null;
  realisatie: { waarde: number | null; onderdrukt: boolean };
  percentage: number | null;
  verwacht: number | null;
  status: string | null;
  dekking: { gemeenten: number; totaal: number; weergave: string };
};
const indicatoren = (v: { actielijnen: { indicatoren: Ind[] }[] }) =>
  new Map(v.actielijnen.flatMap((a) => a.indicatoren).map((i) => [i.code, i]));

const VANDAAG = vandaagInAmsterdam(new Date());
const JAAR = Number(VANDAAG.slice(0, 4));
const HALFJAAR = Number(VANDAAG.slice(5, 7)) <= 6 ? 1 : 2;

describe('voortgang: one cut-off, correct aggregation, targets on their due date', () => {
  let t: TestApp;
  let pv26: string[];
  let domstad: string;

  const toewijzing = (gem: string, datum: string, groep: string | null, grootte = 1) =>
    t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie, extern_kenmerk)
       VALUES ($1, $2, $3, $4, $5, false, 'r-' || gen_random_uuid())`,
      [domstad, gem, datum, groep, grootte],
    );
  const vraag = async (als: string, g: { soort: string; code: string }, v: { j?: number; p?: object }) =>
    indicatoren((await t.ok(als, VOORTGANG, { g, ...v })).voortgang);

  beforeAll(async () => {
    t = await startTestApp();
    pv26 = (
      await t.db.query(`SELECT code FROM gemeente WHERE provincie_code = 'PV26' ORDER BY code`)
    ).rows.map((r) => r.code);
    domstad = await t.orgId('L0801');
    const eemland = await t.orgId('L0802');
    const utrechtOrg = await t.orgId('GM0344');
    const kc = (ind: string, org: string, gem: string, waarde: number) =>
      t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel)
         VALUES ($1, $2, $3, 2023, 4, $4, true)`,
        [ind, org, gem, waarde],
      );
    // Utrecht and Amersfoort report both; De Bilt only the numerator, Houten only the denominator
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0344', 100);
    await kc('SOCIALE_HUURVOORRAAD', eemland, 'GM0307', 300);
    await kc('SOCIALE_HUURVOORRAAD', domstad, 'GM0310', 5000);
    await kc('WONINGVOORRAAD_TOTAAL', utrechtOrg, 'GM0344', 1000);
    await kc('WONINGVOORRAAD_TOTAAL', utrechtOrg, 'GM0307', 500);
    await kc('WONINGVOORRAAD_TOTAAL', utrechtOrg, 'GM0321', 2000);

    // 2023: toewijzingen in Q1–Q3 and in Q4 (after a Q3 peildatum)
    for (const d of ['2023-02-01', '2023-05-05', '2023-09-30'])
      await toewijzing('GM0344', d, 'STATUSHOUDERS', 2);
    for (const d of ['2023-10-01', '2023-12-31']) await toewijzing('GM0344', d, 'STATUSHOUDERS', 3);
  });
  afterAll(() => t.close());

  it('a share over a provincie is Σ teller ÷ Σ noemer over the gemeenten that have both, with coverage', async () => {
    const ind = await vraag('provincie.utrecht', { soort: 'PROVINCIE', code: 'PV26' }, { j: 2023 });
    // (100 + 300) / (1000 + 500), not (100 + 300 + 5000) / (1000 + 500 + 2000)
    expect(ind.get('AANDEEL_SOCIALE_HUUR')).toMatchObject({
      realisatie: { waarde: 26.67 },
      dekking: { gemeenten: 2, totaal: pv26.length, weergave: `2 van ${pv26.length} gemeenten` },
    });
    // a stand sums the gemeenten that reported, and says how many
    expect(ind.get('WONINGVOORRAAD_TOTAAL')).toMatchObject({
      realisatie: { waarde: 3500 },
      dekking: { gemeenten: 3, totaal: pv26.length },
    });
    expect(ind.get('SOCIALE_HUURVOORRAAD')).toMatchObject({
      realisatie: { waarde: 5400 },
      dekking: { gemeenten: 3, totaal: pv26.length },
    });
    expect(ind.get('UITSTROOM_WACHTEND')).toMatchObject({
      realisatie: { waarde: null },
      dekking: { gemeenten: 0, totaal: pv26.length },
    });
  });

  it('the country: the same sums, over 342 gemeenten', async () => {
    const ind = await vraag('bzk.analist', { soort: 'LAND', code: 'NL' }, { j: 2023 });
    expect(ind.get('AANDEEL_SOCIALE_HUUR')).toMatchObject({
      realisatie: { waarde: 26.67 },
      dekking: { gemeenten: 2, totaal: 342, weergave: '2 van 342 gemeenten' },
    });
    expect(ind.get('WONINGVOORRAAD_TOTAAL')).toMatchObject({
      realisatie: { waarde: 3500 },
      dekking: { gemeenten: 3, totaal: 342 },
    });
  });

  it('afspraken progress for a past quarter counts nothing dated after its peildatum', async () => {
    const huurders = await t.orgId('HO-DOMSTAD');
    let pa = await paOk(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Afspraken 2023',
        jaarVan: 2023,
        jaarTot: 2023,
        partijIds: [domstad, huurders],
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: {
        actielijn: 'EVENWICHTIGE_VERDELING',
        aandachtsgroep: 'STATUSHOUDERS',
        omschrijving: 'Statushouders huisvesten',
        indicatorCode: 'TOEWIJZINGEN_STATUSHOUDERS',
        doelwaarden: [{ jaar: 2023, waarde: 6 }],
        verantwoordelijkeId: domstad,
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    for (const wie of ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad'])
      pa = await paOk(t, wie, Q.tekenen, { id: pa.id, v: pa.versie });
    expect(pa.status).toBe('VASTGESTELD');

    const AFSPRAKEN = `query ($p: DatumPeriodeInput) { voortgang(gebied: { soort: GEMEENTE, code: "GM0344" }, periode: $p) {
      peildatum afspraken { indicatorCode jaar doelwaarde realisatie { waarde } status } } }`;
    const q3 = (await t.ok('gemeente.utrecht', AFSPRAKEN, { p: { van: '2023-07-01', tot: '2023-09-30' } }))
      .voortgang;
    expect(q3.peildatum).toBe('2023-09-30');
    // the year up to the peildatum: 3 households (Feb, May, Sep), not the 5 of the whole year
    expect(q3.afspraken).toEqual([
      expect.objectContaining({
        indicatorCode: 'TOEWIJZINGEN_STATUSHOUDERS',
        jaar: 2023,
        doelwaarde: 6,
        realisatie: { waarde: 3 },
      }),
    ]);
    // the doelwaarde is due on 31 December: on 30 September it is still running
    expect(q3.afspraken[0].status).toBe('LOOPT');
    const jaar = (await t.ok('gemeente.utrecht', AFSPRAKEN, { p: { van: '2023-01-01', tot: '2023-12-31' } }))
      .voortgang;
    expect(jaar.afspraken[0]).toMatchObject({ realisatie: { waarde: 5 }, status: 'ACHTER' });
  });

  it('statushouders for a report: bounded by the peildatum the report passes', async () => {
    const service = t.app.get(StatushoudersService);
    const db = t.app.get(ScopedDb);
    // as gemeente Utrecht (the owner: exact persons), so the bound is visible in the figure itself
    const utrecht = {
      organisatie: { id: await t.orgId('GM0344'), soort: 'GEMEENTE' as const },
      gemeenten: { soort: 'GEMEENTEN' as const, codes: ['GM0344'] },
    };
    const uit = await db.snapshot(utrecht, async (m) =>
      (
        service.bereken as (
          ...a: unknown[]
        ) => Promise<Map<string, { halfjaar: string; gehuisvest: number }[]>>
      )(m, ['GM0344'], [{ jaar: 2023, nummer: 2 }], { peildatum: '2023-09-30' }),
    );
    // H2 2023 up to 30 September: the 2 persons of 30 September, not the 6 of Q4
    expect(uit.get('GM0344')![0]).toMatchObject({ halfjaar: '2023-H2', gehuisvest: 2 });
  });

  it('statushouders on screen and in the voortgang are the same number', async () => {
    const S = `query { statushoudersTaakstelling(gemeenteCode: "GM0344", van: "2023-H1", tot: "2023-H2") { halfjaren { halfjaar gehuisvest } } }`;
    const s = (await t.ok('gemeente.utrecht', S)).statushoudersTaakstelling.halfjaren;
    const h1 = await vraag(
      'gemeente.utrecht',
      { soort: 'GEMEENTE', code: 'GM0344' },
      { p: { van: '2023-01-01', tot: '2023-06-30' } },
    );
    const h2 = await vraag(
      'gemeente.utrecht',
      { soort: 'GEMEENTE', code: 'GM0344' },
      { p: { van: '2023-07-01', tot: '2023-12-31' } },
    );
    expect(s).toEqual([
      { halfjaar: '2023-H1', gehuisvest: h1.get('STATUSHOUDERS_GEHUISVEST')!.realisatie.waarde },
      { halfjaar: '2023-H2', gehuisvest: h2.get('STATUSHOUDERS_GEHUISVEST')!.realisatie.waarde },
    ]);
    expect(s).toEqual([
      { halfjaar: '2023-H1', gehuisvest: 4 },
      { halfjaar: '2023-H2', gehuisvest: 8 },
    ]);
  });

  it('rows dated after today never count in a running period (screen and statushouders)', async () => {
    const later = plusDagen(VANDAAG, 1);
    // only meaningful while tomorrow is in the same half year; on its last day nothing can be later
    if (later.slice(0, 4) !== String(JAAR) || (Number(later.slice(5, 7)) <= 6 ? 1 : 2) !== HALFJAAR) return;
    const voor = await vraag('gemeente.amersfoort', { soort: 'GEMEENTE', code: 'GM0307' }, { j: JAAR });
    await toewijzing('GM0307', later, 'STATUSHOUDERS', 4);
    const na = await vraag('gemeente.amersfoort', { soort: 'GEMEENTE', code: 'GM0307' }, { j: JAAR });
    expect(na.get('TOEWIJZINGEN_TOTAAL')!.realisatie.waarde).toBe(
      voor.get('TOEWIJZINGEN_TOTAAL')?.realisatie.waarde ?? 0,
    );
    const S = `query ($h: String!) { statushoudersTaakstelling(gemeenteCode: "GM0307", van: $h, tot: $h) { halfjaren { gehuisvest } } }`;
    const s = (await t.ok('gemeente.amersfoort', S, { h: `${JAAR}-H${HALFJAAR}` })).statushoudersTaakstelling;
    expect(s.halfjaren[0].gehuisvest).toBe(0);
  });

  it('a half-year target is judged on its due date: "loopt" before, the full target after', async () => {
    const stel = (halfjaar: string, waarde: number) =>
      t.ok('bzk.analist', STEL, {
        i: {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar,
          waarde,
        },
      });
    // a past half year with a target of 10, 2 housed; the running one with 10, 2 housed so far
    const vorig = HALFJAAR === 2 ? { jaar: JAAR, h: 1 } : { jaar: JAAR - 1, h: 2 };
    await stel(`${vorig.jaar}-H${vorig.h}`, 10);
    await stel(`${JAAR}-H${HALFJAAR}`, 10);
    await toewijzing('GM0344', `${vorig.jaar}-${vorig.h === 1 ? '03' : '09'}-01`, 'STATUSHOUDERS', 2);
    await toewijzing('GM0344', `${JAAR}-${HALFJAAR === 1 ? '01' : '07'}-01`, 'STATUSHOUDERS', 2);
    const periode = (jaar: number, h: number) =>
      h === 1
        ? { van: `${jaar}-01-01`, tot: `${jaar}-06-30` }
        : { van: `${jaar}-07-01`, tot: `${jaar}-12-31` };
    const g = { soort: 'GEMEENTE', code: 'GM0344' };

    const lopend = (await vraag('gemeente.utrecht', g, { p: periode(JAAR, HALFJAAR) })).get(
      'STATUSHOUDERS_GEHUISVEST',
    )!;
    // not spread by day: nothing is expected before 30 June / 31 December
    expect(lopend).toMatchObject({
      taakstelling: 10,
      realisatie: { waarde: 2 },
      percentage: 20,
      verwacht: 0,
      status: 'LOOPT',
    });

    const afgelopen = (await vraag('gemeente.utrecht', g, { p: periode(vorig.jaar, vorig.h) })).get(
      'STATUSHOUDERS_GEHUISVEST',
    )!;
    expect(afgelopen).toMatchObject({
      taakstelling: 10,
      realisatie: { waarde: 2 },
      verwacht: 10,
      status: 'ACHTER',
    });
  });

  it('a non-owner sees the running year up to the last closed quarter, and the answer says so', async () => {
    const V = `query ($g: GebiedInput!, $j: Int) { voortgang(gebied: $g, jaar: $j) { peildatum peildatumToelichting afgeschermd afschermingUitleg } }`;
    const prov = (await t.ok('provincie.utrecht', V, { g: { soort: 'PROVINCIE', code: 'PV26' }, j: JAAR }))
      .voortgang;
    // the end of a quarter, before today
    expect(['03-31', '06-30', '09-30', '12-31']).toContain(prov.peildatum.slice(5));
    expect(prov.peildatum < VANDAAG).toBe(true);
    const [j, mnd, d] = prov.peildatum.split('-');
    expect(prov.peildatumToelichting).toContain(
      `Tot en met ${d.padStart(2, '0')}-${mnd.padStart(2, '0')}-${j}`,
    );
    expect(prov.afschermingUitleg).toContain('afgerond op 0 of 5');
    // the gemeente itself: today, exact
    const eigen = (await t.ok('gemeente.utrecht', V, { g: { soort: 'GEMEENTE', code: 'GM0344' }, j: JAAR }))
      .voortgang;
    expect(eigen).toMatchObject({ peildatum: VANDAAG, peildatumToelichting: null, afgeschermd: false });
  });

  it('the service a report calls: a past quarter measured twice in a snapshot is identical, rows after its peildatum change nothing', async () => {
    const voortgang = t.app.get(VoortgangService);
    const db = t.app.get(ScopedDb);
    const provincie = (await t.app.get(GebiedService).opzoeken('PROVINCIE', 'PV26'))!;
    const q3 = { van: '2023-07-01', tot: '2023-09-30' };
    const meet = async () => {
      const systeem = await db.systeemContext('test');
      return db.snapshot(systeem, (m) =>
        voortgang.meet(m, systeem, provincie, q3, { vandaag: '2023-09-30', metAfspraken: true }),
      );
    };
    const eerst = JSON.stringify(await meet());
    // data dated after the peildatum (Q4 2023 and later) arrives
    await toewijzing('GM0344', '2023-10-02', 'STATUSHOUDERS', 4);
    await toewijzing('GM0307', '2024-01-05', null, 1);
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel)
       VALUES ('HUISUITZETTINGEN', $1, 'GM0344', 2023, 4, 3, true)`,
      [domstad],
    );
    expect(JSON.stringify(await meet())).toBe(eerst);
    expect(JSON.stringify(await meet())).toBe(eerst);
  });
});
