import {
  aantalDagen,
  maakPeriode,
  periodeVoorHalfjaar,
  periodeVoorJaar,
  periodeVoorJaren,
  periodeVoorKwartaal,
  valtBinnen,
  vandaagInAmsterdam,
  verstrekenFractie,
} from './periode';
import { parseKwartaal } from './kwartaal';
import { parseHalfjaar } from './halfjaar';

describe('periode', () => {
  it('builds calendar periods with inclusive ends', () => {
    expect(periodeVoorJaar(2026)).toEqual({ van: '2026-01-01', tot: '2026-12-31' });
    expect(periodeVoorJaren(2025, 2028)).toEqual({ van: '2025-01-01', tot: '2028-12-31' });
    expect(periodeVoorKwartaal(parseKwartaal('2024-Q1'))).toEqual({ van: '2024-01-01', tot: '2024-03-31' });
    expect(periodeVoorHalfjaar(parseHalfjaar('2026-H2'))).toEqual({ van: '2026-07-01', tot: '2026-12-31' });
  });

  it('counts days inclusively, leap years included', () => {
    expect(aantalDagen(periodeVoorJaar(2026))).toBe(365);
    expect(aantalDagen(periodeVoorJaar(2024))).toBe(366);
    expect(aantalDagen(maakPeriode('2026-05-05', '2026-05-05'))).toBe(1);
  });

  it('refuses a period that ends before it starts, or with impossible dates', () => {
    expect(() => maakPeriode('2026-02-01', '2026-01-31')).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_PERIODE' }),
    );
    expect(() => maakPeriode('2026-02-30', '2026-03-31')).toThrow('bestaat niet');
    expect(() => periodeVoorJaar(26)).toThrow(expect.objectContaining({ code: 'ONGELDIG_JAAR' }));
  });

  it('valtBinnen includes both ends', () => {
    const p = periodeVoorKwartaal(parseKwartaal('2026-Q2'));
    expect(valtBinnen(p, '2026-04-01')).toBe(true);
    expect(valtBinnen(p, '2026-06-30')).toBe(true);
    expect(valtBinnen(p, '2026-07-01')).toBe(false);
    expect(valtBinnen(p, '2026-03-31')).toBe(false);
  });

  describe('verstrekenFractie', () => {
    const jaar = periodeVoorJaar(2026);

    it('is 0 before, 1 on and after the last day', () => {
      expect(verstrekenFractie(jaar, '2025-12-31')).toBe(0);
      expect(verstrekenFractie(jaar, '2026-12-31')).toBe(1);
      expect(verstrekenFractie(jaar, '2030-01-01')).toBe(1);
    });

    it('counts today as passed', () => {
      expect(verstrekenFractie(jaar, '2026-01-01')).toBeCloseTo(1 / 365, 10);
      // 1 January to 2 July = 183 days of 365
      expect(verstrekenFractie(jaar, '2026-07-02')).toBeCloseTo(183 / 365, 10);
    });

    it('works for a one-day period', () => {
      const dag = maakPeriode('2026-03-01', '2026-03-01');
      expect(verstrekenFractie(dag, '2026-02-28')).toBe(0);
      expect(verstrekenFractie(dag, '2026-03-01')).toBe(1);
    });

    it('rejects garbage dates instead of guessing', () => {
      expect(() => verstrekenFractie(jaar, '01-07-2026')).toThrow('jjjj-mm-dd');
    });
  });

  describe('vandaagInAmsterdam', () => {
    it('is already the next day late in the UTC evening (winter, UTC+1)', () => {
      expect(vandaagInAmsterdam(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
      expect(vandaagInAmsterdam(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    });

    it('follows summer time (UTC+2)', () => {
      expect(vandaagInAmsterdam(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
      expect(vandaagInAmsterdam(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    });

    it('handles the DST switch night and leap days', () => {
      expect(vandaagInAmsterdam(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29');
      expect(vandaagInAmsterdam(new Date('2024-02-28T23:30:00Z'))).toBe('2024-02-29');
    });

    it('rejects an invalid Date', () => {
      expect(() => vandaagInAmsterdam(new Date('nope'))).toThrow(
        expect.objectContaining({ code: 'ONGELDIGE_DATUM' }),
      );
    });
  });
});
