import {
  GEEN_WAARDE,
  formatDatum,
  formatDatumLang,
  formatGetal,
  formatPercentage,
  maandNaam,
} from './nl-format';

describe('nl-format', () => {
  describe('formatGetal', () => {
    it.each([
      [1234.5, '1.234,5'],
      [1234, '1.234'],
      [999, '999'],
      [0, '0'],
      [1_000_000, '1.000.000'],
      [-1234.5, '-1.234,5'],
      [0.125, '0,13'],
      [2.1, '2,1'],
    ])('%p → %p', (waarde, verwacht) => {
      expect(formatGetal(waarde)).toBe(verwacht);
    });

    it('uses exactly the requested number of decimals', () => {
      expect(formatGetal(3, 1)).toBe('3,0');
      expect(formatGetal(1234.567, 0)).toBe('1.235');
    });

    it('never shows minus zero', () => {
      expect(formatGetal(-0)).toBe('0');
      expect(formatGetal(-0.001)).toBe('0');
    });

    it('uses plain ASCII separators, no (narrow) non-breaking spaces', () => {
      expect(formatGetal(12345678.9)).toMatch(/^[0-9.,-]+$/);
    });

    it('shows missing values as an en dash', () => {
      expect(formatGetal(null)).toBe(GEEN_WAARDE);
      expect(formatGetal(undefined)).toBe('–');
      expect(formatGetal(Number.NaN)).toBe('–');
    });
  });

  describe('formatPercentage (input in percentage points)', () => {
    it.each([
      [30.5, '30,5%'],
      [30, '30%'],
      [100, '100%'],
      [1234.56, '1.234,6%'],
      [33.333, '33,3%'],
    ])('%p → %p', (waarde, verwacht) => {
      expect(formatPercentage(waarde)).toBe(verwacht);
    });

    it('does not treat fractions as percentages', () => {
      expect(formatPercentage(0.305)).toBe('0,3%');
    });

    it('supports fixed decimals and missing values', () => {
      expect(formatPercentage(30, 1)).toBe('30,0%');
      expect(formatPercentage(null)).toBe('–');
    });
  });

  describe('dates', () => {
    it('formats short dates dd-mm-jjjj with leading zeros', () => {
      expect(formatDatum('2026-12-31')).toBe('31-12-2026');
      expect(formatDatum('2026-01-05')).toBe('05-01-2026');
    });

    it('formats long dates in Dutch without leading zero', () => {
      expect(formatDatumLang('2026-12-31')).toBe('31 december 2026');
      expect(formatDatumLang('2026-03-01')).toBe('1 maart 2026');
      expect(formatDatumLang('2024-02-29')).toBe('29 februari 2024');
    });

    it('agrees with Intl nl-NL long dates for every month', () => {
      const intl = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const iso = `2026-${String(m).padStart(2, '0')}-15`;
        expect(formatDatumLang(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
      }
    });

    it('refuses impossible dates', () => {
      expect(() => formatDatum('2026-02-29')).toThrow('bestaat niet');
      expect(() => maandNaam(13)).toThrow(RangeError);
    });
  });
});
