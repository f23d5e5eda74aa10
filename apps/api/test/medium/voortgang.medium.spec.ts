import { VoortgangModule } from '../../src/voortgang/voortgang.module';
import { VoortgangService } from '../../src/voortgang/voortgang.service';
import type { Voortgang } from '../../src/voortgang/voortgang.types';
import { GebruikersFout } from '../../src/common/fouten';
import { MediumTest } from '../support/medium';
import { Fixtures } from '../support/fixtures';

/**
 * The voortgang calculation straight at VoortgangService (no HTTP): each test builds its own rows
 * and checks the figures against numbers written out here. The clock is fixed at 2025-03-15.
 */
describe('voortgang (medium: service on a cloned database)', () => {
  let t: MediumTest;
  let fx: Fixtures;
  let pv26: string[];

  beforeAll(async () => {
    t = await MediumTest.start({ modules: [VoortgangModule], klok: '2025-03-15' });
    fx = new Fixtures(t.admin);
    pv26 = (await t.admin.query(`SELECT code FROM gemeente WHERE provincie_code = 'PV26'`)).rows.map(
      (r) => r.code,
    );
  });
  afterEach(() => fx.opruimen());
  afterAll(() => t?.close());

  const indicator = (v: Voortgang, code: string) => {
    const i = v.actielijnen.flatMap((a) => a.indicatoren).find((x) => x.code === code);
    if (!i) throw new Error(`no indicator ${code}`);
    return i;
  };

  it('a share over a provincie is Σ teller ÷ Σ noemer over the gemeenten that have both', async () => {
    // Utrecht and Amersfoort report both; De Bilt only the numerator, Houten only the denominator
    await fx.bouwKwartaalcijfer({
      indicator: 'SOCIALE_HUURVOORRAAD',
      organisatie: 'L0801',
      gemeente: 'GM0344',
      jaar: 2023,
      waarde: 100,
    });
    await fx.bouwKwartaalcijfer({
      indicator: 'SOCIALE_HUURVOORRAAD',
      organisatie: 'L0802',
      gemeente: 'GM0307',
      jaar: 2023,
      waarde: 300,
    });
    await fx.bouwKwartaalcijfer({
      indicator: 'SOCIALE_HUURVOORRAAD',
      organisatie: 'L0801',
      gemeente: 'GM0310',
      jaar: 2023,
      waarde: 5000,
    });
    await fx.bouwKwartaalcijfer({
      indicator: 'WONINGVOORRAAD_TOTAAL',
      organisatie: 'GM0344',
      gemeente: 'GM0344',
      jaar: 2023,
      waarde: 1000,
    });
    await fx.bouwKwartaalcijfer({
      indicator: 'WONINGVOORRAAD_TOTAAL',
      organisatie: 'GM0344',
      gemeente: 'GM0307',
      jaar: 2023,
      waarde: 500,
    });
    await fx.bouwKwartaalcijfer({
      indicator: 'WONINGVOORRAAD_TOTAAL',
      organisatie: 'GM0344',
      gemeente: 'GM0321',
      jaar: 2023,
      waarde: 2000,
    });

    const v = await t
      .get(VoortgangService)
      .voortgang(await t.als('provincie.utrecht'), { soort: 'PROVINCIE', code: 'PV26' }, { jaar: 2023 });

    // (100 + 300) / (1000 + 500), not (100 + 300 + 5000) / (1000 + 500 + 2000)
    expect(indicator(v, 'AANDEEL_SOCIALE_HUUR')).toMatchObject({
      realisatie: { waarde: 26.67 },
      dekking: { gemeenten: 2, totaal: pv26.length },
    });
    // a stand sums the gemeenten that reported, and says how many
    expect(indicator(v, 'SOCIALE_HUURVOORRAAD')).toMatchObject({
      realisatie: { waarde: 5400 },
      dekking: { gemeenten: 3, totaal: pv26.length },
    });
    expect(indicator(v, 'WONINGVOORRAAD_TOTAAL')).toMatchObject({ realisatie: { waarde: 3500 } });
  });

  it('a sum over the gemeenten of a provincie: the gemeente table adds up to the total', async () => {
    // five households per gemeente and quarter: no cell below 5, so released values are exact
    for (const [gemeente, aantal] of [
      ['GM0344', 10],
      ['GM0307', 5],
    ] as const)
      for (let i = 0; i < aantal; i++)
        await fx.bouwToewijzing({
          corporatie: gemeente === 'GM0307' ? 'L0802' : 'L0801',
          gemeente,
          datum: '2023-05-10',
        });

    const v = await t
      .get(VoortgangService)
      .voortgang(await t.als('provincie.utrecht'), { soort: 'PROVINCIE', code: 'PV26' }, { jaar: 2023 });

    expect(indicator(v, 'TOEWIJZINGEN_TOTAAL').realisatie).toMatchObject({ waarde: 15, onderdrukt: false });
    const perGemeente = new Map(
      v.gemeenten.map((g) => [
        g.gemeente.code,
        g.indicatoren.find((i) => i.indicatorCode === 'TOEWIJZINGEN_TOTAAL')?.realisatie.waarde,
      ]),
    );
    expect(perGemeente.get('GM0344')).toBe(10);
    expect(perGemeente.get('GM0307')).toBe(5);
    const som = [...perGemeente.values()].reduce<number>((s, w) => s + (w ?? 0), 0);
    expect(som).toBe(15);
  });

  it('one cut-off: nothing dated after the peildatum counts', async () => {
    for (const datum of ['2023-02-01', '2023-05-05', '2023-09-30', '2023-10-01', '2023-12-31'])
      await fx.bouwToewijzing({
        gemeente: 'GM0344',
        datum,
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 2,
      });
    const voortgang = t.get(VoortgangService);
    const utrecht = await t.als('gemeente.utrecht');

    const q3 = await voortgang.voortgang(
      utrecht,
      { soort: 'GEMEENTE', code: 'GM0344' },
      {
        periode: { van: '2023-01-01', tot: '2023-09-30' },
      },
    );
    expect(q3.peildatum).toBe('2023-09-30');
    expect(indicator(q3, 'TOEWIJZINGEN_STATUSHOUDERS').realisatie.waarde).toBe(3);

    const jaar = await voortgang.voortgang(utrecht, { soort: 'GEMEENTE', code: 'GM0344' }, { jaar: 2023 });
    expect(jaar.peildatum).toBe('2023-12-31');
    expect(indicator(jaar, 'TOEWIJZINGEN_STATUSHOUDERS').realisatie.waarde).toBe(5);
  });

  it('a running year stops at today (the fixed clock): rows dated later do not count', async () => {
    await fx.bouwToewijzing({ gemeente: 'GM0344', datum: '2025-03-14' });
    await fx.bouwToewijzing({ gemeente: 'GM0344', datum: '2025-03-15' });
    await fx.bouwToewijzing({ gemeente: 'GM0344', datum: '2025-03-16' });

    const v = await t
      .get(VoortgangService)
      .voortgang(await t.als('gemeente.utrecht'), { soort: 'GEMEENTE', code: 'GM0344' }, { jaar: 2025 });

    expect(v.peildatum).toBe('2025-03-15');
    expect(indicator(v, 'TOEWIJZINGEN_TOTAAL').realisatie.waarde).toBe(2);
  });

  it('tenancy: an area outside the viewer’s scope is refused exactly like an unknown one', async () => {
    await fx.bouwToewijzing({ gemeente: 'GM0344', datum: '2024-03-01' });
    const voortgang = t.get(VoortgangService);
    const arnhem = await t.als('gemeente.arnhem');

    const buiten = await voortgang
      .voortgang(arnhem, { soort: 'GEMEENTE', code: 'GM0344' }, { jaar: 2024 })
      .catch((e: unknown) => e);
    const onbekend = await voortgang
      .voortgang(arnhem, { soort: 'GEMEENTE', code: 'GM9999' }, { jaar: 2024 })
      .catch((e: unknown) => e);

    expect(buiten).toBeInstanceOf(GebruikersFout);
    expect(onbekend).toBeInstanceOf(GebruikersFout);
    expect((buiten as GebruikersFout).code).toBe('NIET_GEVONDEN');
    expect((buiten as Error).message).toBe((onbekend as Error).message);
  });
});
