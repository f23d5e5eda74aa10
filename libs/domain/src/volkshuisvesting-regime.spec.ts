import { isDomainError } from './domain-error';
import {
  bodDeadline,
  geschilOnderwerpenOp,
  geschilTermijnVolgens,
  regimeOp,
  regimeVoorCyclus,
  zetInwerkingtreding,
  type VolkshuisvestingRegime,
} from './volkshuisvesting-regime';

/**
 * The two regimes as migration 1766200000000 seeds them (sources in docs/decisions.md "Regime by
 * date"):
 * - Woningwet art. 44 lid 1: the corporatie sends its bod (overview of intended activities) to the
 *   gemeente and the huurdersorganisaties before 1 July; art. 44 on geschillen about the content of
 *   the afspraken; the woonzorgvisie is programme policy (Kamerstukken 32847-883), no legal duty.
 * - Wet versterking regie volkshuisvesting (Kamerstukken 36512, MvT §2.2.3 and §3.1.4; novelle
 *   36881): geschillen also about nakoming; a mandatory volkshuisvestingsprogramma with its woonzorg
 *   part; the bod responds to that programme. Entry into force by Royal Decree, aimed at 1 July 2026.
 */
const OUD: VolkshuisvestingRegime = {
  code: 'WONINGWET_2015',
  naam: 'Woningwet (herziening 2015)',
  geldigVan: '2015-07-01',
  geldigTot: null,
  beoogdeInwerkingtreding: null,
  bodDeadline: { maand: 7, dag: 1 },
  geschilVan: { maand: 7, dag: 1 },
  geschilTot: { maand: 1, dag: 29 },
  geschilOnderwerpen: ['INHOUD'],
  bodGrondslag: 'het volkshuisvestingsbeleid (woonvisie) van de gemeente',
  programmaVerplicht: false,
  woonzorg: 'WOONZORGVISIE_BELEID',
  bronnen: 'Woningwet art. 43, 44',
};
const NIEUW: VolkshuisvestingRegime = {
  ...OUD,
  code: 'WET_VERSTERKING_REGIE',
  naam: 'Wet versterking regie volkshuisvesting',
  geldigVan: null,
  beoogdeInwerkingtreding: '2026-07-01',
  geschilOnderwerpen: ['INHOUD', 'NAKOMING'],
  bodGrondslag: 'het volkshuisvestingsprogramma van de gemeente',
  programmaVerplicht: true,
  woonzorg: 'VOLKSHUISVESTINGSPROGRAMMA',
  bronnen: 'Kamerstukken 36512 en 36881',
};
const NU = [OUD, NIEUW];

describe('volkshuisvesting regime by date', () => {
  it('while the new law has no entry date, the Woningwet regime applies on every date', () => {
    expect(regimeOp(NU, '2026-11-29').code).toBe('WONINGWET_2015');
    expect(regimeOp(NU, '2030-01-01').code).toBe('WONINGWET_2015');
  });

  it('setting the entry date splits the two without a gap: the old ends the day before', () => {
    const r = zetInwerkingtreding(NU, '2026-07-01');
    expect(r.find((x) => x.code === 'WONINGWET_2015')!.geldigTot).toBe('2026-06-30');
    expect(regimeOp(r, '2026-06-30').code).toBe('WONINGWET_2015');
    expect(regimeOp(r, '2026-07-01').code).toBe('WET_VERSTERKING_REGIE');
    // a leap-year boundary: 1 March 2028 → the old regime ends on 29 February
    expect(zetInwerkingtreding(NU, '2028-03-01')[0].geldigTot).toBe('2028-02-29');
  });

  it('unsetting it (null) puts the Woningwet regime back for all dates', () => {
    const terug = zetInwerkingtreding(zetInwerkingtreding(NU, '2026-07-01'), null);
    expect(terug).toEqual(NU);
  });

  it('refuses a date that is no date, or one before the current regime began, in Dutch', () => {
    for (const [datum, code] of [
      ['1-7-2026', 'ONGELDIGE_DATUM'],
      ['2026-02-30', 'ONGELDIGE_DATUM'],
      ['2015-07-01', 'DATUM_TE_VROEG'],
      ['2010-01-01', 'DATUM_TE_VROEG'],
    ] as const) {
      let fout: unknown;
      try {
        zetInwerkingtreding(NU, datum);
      } catch (e) {
        fout = e;
      }
      expect(isDomainError(fout) && fout.code).toBe(code);
    }
  });

  it('a cycle runs under the regime of its 1 July: before and after an entry on 1 July 2026', () => {
    const r = zetInwerkingtreding(NU, '2026-07-01');
    expect(regimeVoorCyclus(r, 2025).code).toBe('WONINGWET_2015');
    expect(regimeVoorCyclus(r, 2026).code).toBe('WET_VERSTERKING_REGIE');
    // an entry on 2 July leaves the 2026 cycle under the Woningwet
    expect(regimeVoorCyclus(zetInwerkingtreding(NU, '2026-07-02'), 2026).code).toBe('WONINGWET_2015');
  });

  it('bod due 1 July (Woningwet art. 44 lid 1) and the geschil window 1 July – 29 January under both', () => {
    for (const regime of NU) {
      expect(bodDeadline(regime, 2027)).toBe('2027-07-01');
      expect(geschilTermijnVolgens(regime, 2027)).toEqual({ van: '2027-07-01', tot: '2028-01-29' });
    }
  });

  it('geschillen cover nakoming only once the new law is in force, and only inside the window', () => {
    const r = zetInwerkingtreding(NU, '2026-07-01');
    expect(geschilOnderwerpenOp(r, '2025-09-01')).toEqual(['INHOUD']);
    expect(geschilOnderwerpenOp(r, '2026-01-29')).toEqual(['INHOUD']); // window of 2025, old regime
    expect(geschilOnderwerpenOp(r, '2026-03-01')).toEqual([]); // outside the window
    expect(geschilOnderwerpenOp(r, '2026-07-01')).toEqual(['INHOUD', 'NAKOMING']);
    expect(geschilOnderwerpenOp(r, '2027-01-29')).toEqual(['INHOUD', 'NAKOMING']);
    expect(geschilOnderwerpenOp(r, '2027-01-30')).toEqual([]);
  });

  it('the programme duty and the place of the woonzorg policy follow the regime', () => {
    const r = zetInwerkingtreding(NU, '2026-07-01');
    expect(regimeOp(r, '2026-06-30')).toMatchObject({ programmaVerplicht: false, woonzorg: 'WOONZORGVISIE_BELEID' });
    expect(regimeOp(r, '2026-07-01')).toMatchObject({ programmaVerplicht: true, woonzorg: 'VOLKSHUISVESTINGSPROGRAMMA' });
  });

  it('a table with a gap or an overlap is a data error, not silently the first match', () => {
    const overlap = [OUD, { ...NIEUW, geldigVan: '2026-07-01' }];
    expect(() => regimeOp(overlap, '2026-08-01')).toThrow(/2 in force/);
    expect(() => regimeOp([NIEUW], '2026-08-01')).toThrow(/0 in force/);
  });
});
