import { BETAALBARE_SEGMENTEN } from './segment';
import {
  UITGANGSPUNT_BETAALBAAR,
  UITGANGSPUNT_SOCIALE_HUUR,
  WOONDEAL_INDICATOREN,
  WOONDEAL_PERIODE,
  beoordeelAandeel,
  doelAandeel,
  faseOpPeildatum,
  taakstellingTelt,
  woondealCijfers,
  woondealAandeel,
  woondealGrondslag,
  woondealPijplijn,
  type NieuwbouwSegmenten,
} from './woondeal';
import { indicatorOpCode } from './indicator-catalogus';

const seg = (p: Partial<NieuwbouwSegmenten>): NieuwbouwSegmenten => ({
  socialeHuur: 0,
  middenhuur: 0,
  vrijeSectorHuur: 0,
  koopBetaalbaar: 0,
  koopVrij: 0,
  projecten: 1,
  ...p,
});

describe('regionale woondeals', () => {
  it('cover 2022 up to and including 2030 (Nationale Woon- en Bouwagenda; Kamerstukken 32847-883: "900.000 woningen tot en met 2030")', () => {
    expect(WOONDEAL_PERIODE).toEqual({ van: '2022-01-01', tot: '2030-12-31' });
  });

  it('national starting points: two thirds betaalbaar, 30% sociale huur of NEW construction (provincial agreements 2022; rijksoverheid.nl 7 March 2024)', () => {
    expect(UITGANGSPUNT_BETAALBAAR).toBeCloseTo(66.667, 2);
    expect(UITGANGSPUNT_SOCIALE_HUUR).toBe(30);
  });

  it('targets are taakstellingen on the catalogue nieuwbouw indicators; betaalbaar = sociale huur + middenhuur + betaalbare koop', () => {
    expect(indicatorOpCode(WOONDEAL_INDICATOREN.totaal).berekening).toMatchObject({ segmenten: 'ALLE' });
    expect(indicatorOpCode(WOONDEAL_INDICATOREN.betaalbaar).berekening).toMatchObject({
      segmenten: BETAALBARE_SEGMENTEN,
    });
    expect(BETAALBARE_SEGMENTEN).toEqual(['SOCIALE_HUUR', 'MIDDENHUUR', 'KOOP_BETAALBAAR']);
    expect(indicatorOpCode(WOONDEAL_INDICATOREN.socialeHuur).berekening).toMatchObject({
      segmenten: ['SOCIALE_HUUR'],
    });
  });

  it('a share is Σ part ÷ Σ total over the same projects, not an average of gemeente percentages', () => {
    const per = new Map([
      // A: 100 homes, 60 sociale huur → 60%; B: 10 homes, 0 sociale huur → 0%
      ['A', seg({ socialeHuur: 60, middenhuur: 10, koopVrij: 30, projecten: 2 })],
      ['B', seg({ vrijeSectorHuur: 5, koopVrij: 5 })],
      // C delivered nothing in the period (only standplaatsen): not covered
      ['C', seg({ projecten: 1 })],
    ]);
    const c = woondealCijfers(per, ['A', 'B', 'C', 'D']);
    expect(c).toMatchObject({
      totaal: 110,
      betaalbaar: 70,
      socialeHuur: 60,
      middenhuur: 10,
      koopBetaalbaar: 0,
      projecten: 3,
      aandeelBetaalbaar: 63.64,
      aandeelSocialeHuur: 54.55,
      dekking: { gemeenten: 2, totaal: 4 },
    });
    // the mean of 60% and 0% would have been 30%
    expect(c.aandeelSocialeHuur).not.toBe(30);
  });

  it('nothing delivered: no share (not 0%), no coverage', () => {
    expect(woondealCijfers(new Map(), ['A'])).toMatchObject({
      totaal: 0,
      aandeelBetaalbaar: null,
      aandeelSocialeHuur: null,
      dekking: { gemeenten: 0, totaal: 1 },
    });
  });

  it('the target share follows from the woondeal numbers of the area', () => {
    // e.g. a woondeal of 68.000 homes of which 45.333 betaalbaar
    expect(doelAandeel(45333, 68000)).toBe(66.67);
    expect(doelAandeel(null, 68000)).toBeNull();
    expect(doelAandeel(100, null)).toBeNull();
    expect(doelAandeel(0, 0)).toBeNull();
  });

  it('a share is judged only against a target; without one there is no verdict', () => {
    expect(beoordeelAandeel(12.7, null)).toBe('GEEN_DOEL');
    expect(beoordeelAandeel(null, 30)).toBe('ONBEKEND');
    expect(beoordeelAandeel(30, 30)).toBe('OP_OF_BOVEN_DOEL');
    expect(beoordeelAandeel(29.99, 30)).toBe('ONDER_DOEL');
  });

  it('the stock share counts a target only when a provincie set it (provincial policy, e.g. Zuid-Holland beleidsdoel 6.1; no legal or national norm)', () => {
    expect(taakstellingTelt('AANDEEL_SOCIALE_HUUR', 'PROVINCIE')).toBe(true);
    expect(taakstellingTelt('AANDEEL_SOCIALE_HUUR', 'GEMEENTE')).toBe(false);
    expect(taakstellingTelt('AANDEEL_SOCIALE_HUUR', 'RIJK')).toBe(false);
    // other indicators: every setting level counts (which one wins is doelInPeriode's rule)
    expect(taakstellingTelt('WONINGEN_OPGELEVERD', 'GEMEENTE')).toBe(true);
    expect(taakstellingTelt('WONINGEN_OPGELEVERD', 'RIJK')).toBe(true);
  });

  it('the legal basis follows the regime: administrative agreements before the Wet versterking regie, the programmes under it', () => {
    expect(woondealGrondslag({ naam: 'Woningwet', programmaVerplicht: false })).toMatchObject({
      code: 'BESTUURLIJKE_AFSPRAKEN',
      tekst: expect.stringMatching(/geen wettelijke norm/),
    });
    expect(
      woondealGrondslag({ naam: 'Wet versterking regie volkshuisvesting', programmaVerplicht: true }),
    ).toMatchObject({
      code: 'VOLKSHUISVESTINGSPROGRAMMA',
      tekst: expect.stringMatching(/volkshuisvestingsprogramma/),
    });
  });

  it('the phase on a peildatum comes from the phase dates, not from the current phase', () => {
    const d = { vergundOp: '2025-03-01', startBouwOp: '2025-09-01', opgeleverdOp: '2026-10-01' };
    expect(faseOpPeildatum(d, '2025-01-31')).toBe('PLAN');
    expect(faseOpPeildatum(d, '2025-03-01')).toBe('VERGUND');
    expect(faseOpPeildatum(d, '2025-12-31')).toBe('IN_AANBOUW');
    expect(faseOpPeildatum(d, '2026-10-01')).toBe('OPGELEVERD');
    expect(
      faseOpPeildatum({ vergundOp: null, startBouwOp: null, opgeleverdOp: '2024-05-01' }, '2024-06-30'),
    ).toBe('OPGELEVERD');
  });
});

describe('woondealAandeel', () => {
  it('gives the share, its target and the starting point as Dutch text, with the verdict', () => {
    expect(woondealAandeel(31.25, 30, UITGANGSPUNT_SOCIALE_HUUR)).toEqual({
      aandeel: 31.25,
      weergave: '31,3%',
      doel: 30,
      doelWeergave: '30%',
      uitgangspunt: 30,
      uitgangspuntWeergave: '30%',
      oordeel: 'OP_OF_BOVEN_DOEL',
      oordeelLabel: 'Op of boven het doel',
    });
  });

  it('without a target there is no verdict; without figures the share is a dash', () => {
    const a = woondealAandeel(null, null, UITGANGSPUNT_BETAALBAAR);
    expect(a.weergave).toBe('–');
    expect(a.uitgangspuntWeergave).toBe('66,7%');
    expect([a.oordeel, a.oordeelLabel]).toEqual(['GEEN_DOEL', 'Geen doel gesteld']);
  });
});

describe('woondealPijplijn', () => {
  it('lists plan, vergund and in aanbouw in that order, a phase without homes as 0', () => {
    expect(woondealPijplijn([{ fase: 'IN_AANBOUW', woningen: 10, betaalbaar: 6, socialeHuur: 3 }])).toEqual([
      { fase: 'PLAN', label: 'In planvorming', woningen: 0, betaalbaar: 0, socialeHuur: 0 },
      { fase: 'VERGUND', label: 'Vergund, bouw niet gestart', woningen: 0, betaalbaar: 0, socialeHuur: 0 },
      { fase: 'IN_AANBOUW', label: 'In aanbouw', woningen: 10, betaalbaar: 6, socialeHuur: 3 },
    ]);
  });
});
