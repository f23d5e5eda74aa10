import { ACTIELIJNEN } from './actielijn';
import { GEEN_DOEL_WAARDE, type Doel } from './doel-vervaldatum';
import { INDICATOR_CATALOGUS, indicatorOpCode } from './indicator-catalogus';
import { heleKwartalen } from './realisatie-periode';
import {
  actielijnRegels,
  afspraakRegel,
  gemeenteRegels,
  indicatorRegel,
  oordeelOverDoel,
  tabelCel,
  tabelDekking,
  vergelijkAfspraakRegels,
  type GebiedDoel,
  type RealisatieReeks,
  type TeMetenAfspraak,
} from './voortgang-tabel';

const toewijzingen = indicatorOpCode('TOEWIJZINGEN_TOTAAL');
const aandeel = indicatorOpCode('AANDEEL_SOCIALE_HUUR');
const mijlpaal = indicatorOpCode('WOONZORGVISIE_VASTGESTELD');

const reeks = (
  totaal: number | null,
  perGemeente: [string, number | null][],
  dekking: number,
): RealisatieReeks => ({
  perGemeente: new Map(perGemeente),
  totaal,
  dekking,
});
const doel = (waarde: number, vervallen: number): Doel => ({ waarde, vervallen, vervaldatum: '2026-12-31' });
const gebiedDoel = (d: Doel, bron = 'GEBIED', onderdelen = 0): GebiedDoel => ({ doel: d, bron, onderdelen });

describe('voortgang table: cells', () => {
  it('shows a number in Dutch notation, a share as a percentage, no data as a dash', () => {
    expect(tabelCel(1234, toewijzingen)).toEqual({ waarde: 1234, onderdrukt: false, weergave: '1.234' });
    expect(tabelCel(30.5, aandeel)).toEqual({ waarde: 30.5, onderdrukt: false, weergave: '30,5%' });
    expect(tabelCel(null, toewijzingen)).toEqual({ waarde: null, onderdrukt: false, weergave: '–' });
  });

  it('states coverage in words', () => {
    expect(tabelDekking(28, 342)).toEqual({ gemeenten: 28, totaal: 342, weergave: '28 van 342 gemeenten' });
    expect(tabelDekking(1, 1).weergave).toBe('1 van 1 gemeente');
  });

  it('judges against the target, and without data only says what was due', () => {
    expect(oordeelOverDoel(toewijzingen, doel(100, 100), 95)).toEqual({
      percentage: 95,
      verwacht: 100,
      status: 'OP_SCHEMA',
    });
    expect(oordeelOverDoel(toewijzingen, doel(100, 0), null)).toEqual({
      percentage: null,
      verwacht: 0,
      status: null,
    });
    expect(oordeelOverDoel(toewijzingen, GEEN_DOEL_WAARDE, null)).toEqual({
      percentage: null,
      verwacht: null,
      status: null,
    });
  });
});

describe('voortgang table: the area', () => {
  it('one indicator: target, realisation, verdict and coverage', () => {
    const r = indicatorRegel(toewijzingen, reeks(40, [['GM0001', 40]], 1), gebiedDoel(doel(100, 100)), 3);
    expect(r).toMatchObject({
      code: 'TOEWIJZINGEN_TOTAAL',
      taakstelling: 100,
      taakstellingBron: 'GEBIED',
      vervaldatum: '2026-12-31',
      realisatie: { waarde: 40, weergave: '40' },
      percentage: 40,
      verwacht: 100,
      status: 'ACHTER',
      statusLabel: expect.any(String),
      dekking: { gemeenten: 1, totaal: 3, weergave: '1 van 3 gemeenten' },
      toelichting: null,
    });
  });

  it('explains a missing realisation: no data, or no milestone afspraak', () => {
    const geen = gebiedDoel(GEEN_DOEL_WAARDE, 'GEEN');
    expect(indicatorRegel(toewijzingen, undefined, geen, 2)).toMatchObject({
      realisatie: { waarde: null, weergave: '–' },
      status: null,
      statusLabel: null,
      dekking: { gemeenten: 0, totaal: 2 },
      toelichting: 'Geen gegevens gerapporteerd.',
    });
    expect(indicatorRegel(mijlpaal, undefined, geen, 2).toelichting).toBe(
      'Geen vastgestelde afspraak over deze mijlpaal in het gebied.',
    );
  });

  it('lists every actielijn with its catalogue indicators in order', () => {
    const regels = actielijnRegels(new Map(), () => gebiedDoel(GEEN_DOEL_WAARDE, 'GEEN'), 1);
    expect(regels.map((a) => a.code)).toEqual(ACTIELIJNEN.map((a) => a.code));
    expect(regels.flatMap((a) => a.indicatoren.map((i) => i.code)).sort()).toEqual(
      INDICATOR_CATALOGUS.map((i) => i.code).sort(),
    );
  });
});

describe('voortgang table: per gemeente', () => {
  it('a row per gemeente, sorted by name in Dutch order, unknown names as their code', () => {
    const realisatie = new Map([['TOEWIJZINGEN_TOTAAL', reeks(5, [['GM0002', 5]], 1)]]);
    const namen = new Map([
      ['GM0001', 'Zwolle'],
      ['GM0002', "'s-Gravenhage"],
    ]);
    const rijen = gemeenteRegels(['GM0001', 'GM0002', 'GM0003'], namen, realisatie, (i, g) =>
      g === 'GM0002' && i.code === 'TOEWIJZINGEN_TOTAAL' ? doel(10, 10) : GEEN_DOEL_WAARDE,
    );
    expect(rijen.map((r) => r.gemeente.naam)).toEqual(["'s-Gravenhage", 'GM0003', 'Zwolle']);
    const cel = rijen[0].indicatoren.find((c) => c.indicatorCode === 'TOEWIJZINGEN_TOTAAL');
    expect(cel).toEqual({
      indicatorCode: 'TOEWIJZINGEN_TOTAAL',
      taakstelling: 10,
      realisatie: { waarde: 5, onderdrukt: false, weergave: '5' },
      percentage: 50,
      status: 'ACHTER',
    });
    expect(rijen[0].indicatoren).toHaveLength(INDICATOR_CATALOGUS.length);
  });
});

describe('voortgang table: afspraken', () => {
  const basis: TeMetenAfspraak = {
    prestatieafspraakId: 'p1',
    prestatieafspraakTitel: 'Afspraken 2026',
    afspraakId: 'a1',
    volgnummer: 1,
    gemeenteCode: 'GM0001',
    omschrijving: 'Toewijzen',
    soort: 'INDICATOR',
    actielijn: toewijzingen.actielijn,
    indicatorCode: 'TOEWIJZINGEN_TOTAAL',
    doelwaardeInJaar: { waarde: 50, peildatum: '2026-06-30' },
    mijlpaalDatum: null,
    mijlpaalStatus: null,
    mijlpaalGereedOp: null,
    verantwoordelijke: 'Woonstichting',
  };
  const realisatie = new Map([['TOEWIJZINGEN_TOTAAL', reeks(30, [['GM0001', 30]], 1)]]);

  it('an indicator afspraak: its doelwaarde is due on its own peildatum', () => {
    expect(afspraakRegel(basis, 2026, '2026-03-31', realisatie)).toMatchObject({
      jaar: 2026,
      doelwaarde: 50,
      realisatie: { waarde: 30, weergave: '30' },
      percentage: 60,
      status: 'LOOPT',
      verantwoordelijke: 'Woonstichting',
    });
    expect(afspraakRegel(basis, 2026, '2026-09-30', realisatie).status).toBe('ACHTER');
  });

  it('without a doelwaarde in the year: due on 31 December, status GEEN_DOEL once measured', () => {
    const r = afspraakRegel({ ...basis, doelwaardeInJaar: null }, 2026, '2026-09-30', realisatie);
    expect(r).toMatchObject({ doelwaarde: null, status: 'GEEN_DOEL' });
  });

  it('an afspraak without a known indicator has no realisation', () => {
    const r = afspraakRegel({ ...basis, indicatorCode: 'ONBEKEND' }, 2026, '2026-09-30', realisatie);
    expect(r).toMatchObject({ doelwaarde: 50, realisatie: null, percentage: null, status: null });
  });

  it('a milestone: reached on or before the peildatum counts 1', () => {
    const m: TeMetenAfspraak = {
      ...basis,
      soort: 'MIJLPAAL',
      indicatorCode: null,
      mijlpaalDatum: '2026-07-01',
      mijlpaalStatus: 'GEREED',
      mijlpaalGereedOp: '2026-05-01',
    };
    expect(afspraakRegel(m, 2026, '2026-06-30', realisatie)).toMatchObject({
      doelwaarde: 1,
      realisatie: { waarde: 1, onderdrukt: false, weergave: 'bereikt' },
      percentage: 100,
      status: 'OP_SCHEMA',
    });
    expect(afspraakRegel(m, 2026, '2026-03-31', realisatie)).toMatchObject({
      realisatie: { waarde: 0, weergave: 'niet bereikt' },
      percentage: 0,
    });
  });

  it('sorts by gemeente, then title in Dutch order, then volgnummer', () => {
    const r = (gemeenteCode: string, titel: string, volgnummer: number) =>
      afspraakRegel(
        { ...basis, gemeenteCode, prestatieafspraakTitel: titel, volgnummer },
        2026,
        '2026-09-30',
        realisatie,
      );
    const lijst = [r('GM0002', 'A', 1), r('GM0001', 'b', 2), r('GM0001', 'b', 1), r('GM0001', 'A', 3)];
    expect(
      lijst
        .sort(vergelijkAfspraakRegels)
        .map((x) => `${x.gemeenteCode} ${x.prestatieafspraakTitel} ${x.volgnummer}`),
    ).toEqual(['GM0001 A 3', 'GM0001 b 1', 'GM0001 b 2', 'GM0002 A 1']);
  });
});

describe('heleKwartalen', () => {
  it('the first and last day of the whole quarters inside a period', () => {
    expect(heleKwartalen('2026-01-01', '2026-12-31')).toEqual({
      eersteDag: '2026-01-01',
      laatsteDag: '2026-12-31',
    });
    expect(heleKwartalen('2026-02-15', '2026-11-20')).toEqual({
      eersteDag: '2026-04-01',
      laatsteDag: '2026-09-30',
    });
  });

  it('nulls when no quarter lies wholly inside', () => {
    expect(heleKwartalen('2026-02-01', '2026-05-31')).toEqual({ eersteDag: null, laatsteDag: null });
  });
});
