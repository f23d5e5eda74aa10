import {
  bewaarGrens,
  bewaartermijnFout,
  IMPORT_GRENZEN,
  KenmerkRegister,
  MAX_IMPORT_RIJEN,
} from './toewijzing-bestand';

describe('KenmerkRegister', () => {
  it('accepts each kenmerk once and names the first row of a repeat', () => {
    const r = new KenmerkRegister();
    expect(r.registreer('A-1', 2)).toBeUndefined();
    expect(r.registreer('A-2', 3)).toBeUndefined();
    expect(r.registreer('A-1', 7)).toEqual({
      kolom: 'extern_kenmerk',
      melding: "Extern kenmerk 'A-1' staat ook in rij 2",
    });
    expect(r.registreer('A-1', 9)?.melding).toMatch(/rij 2$/);
  });

  it('compares kenmerken exactly (they are identifiers)', () => {
    const r = new KenmerkRegister();
    r.registreer('a-1', 2);
    expect(r.registreer('A-1', 3)).toBeUndefined();
  });

  it('allows files far larger than a year of one corporatie', () => {
    expect(MAX_IMPORT_RIJEN).toBeGreaterThanOrEqual(100_000);
  });
});

describe('bewaarGrens and bewaartermijnFout (retention of toewijzing rows)', () => {
  it('keeps whole calendar years after the year of the toewijzing', () => {
    expect(bewaarGrens('2026-11-29', 5)).toBe('2021-01-01');
    expect(bewaarGrens('2026-01-01', 5)).toBe('2021-01-01');
    expect(bewaarGrens('2026-12-31', 1)).toBe('2025-01-01');
  });

  it('never lets the current or previous year go', () => {
    expect(() => bewaarGrens('2026-06-01', 0)).toThrow(RangeError);
    expect(() => bewaarGrens('2026-06-01', 1.5)).toThrow(RangeError);
  });

  it('refuses a toewijzing dated before the bound, in Dutch', () => {
    expect(bewaartermijnFout('2021-01-01', '2021-01-01')).toBeUndefined();
    expect(bewaartermijnFout('2020-12-31', '2021-01-01')).toBe(
      'Datum 2020-12-31 valt buiten de bewaartermijn: toewijzingen van vóór 2021 bewaart Thuismonitor niet meer',
    );
  });
});

describe('IMPORT_GRENZEN', () => {
  it('bounds every dimension of a file', () => {
    expect(IMPORT_GRENZEN.rijen).toBe(MAX_IMPORT_RIJEN);
    expect(IMPORT_GRENZEN.celLengte).toBeGreaterThanOrEqual(100); // the longest kenmerk fits
    expect(IMPORT_GRENZEN.gedeeldeTekstenBytes).toBeLessThan(IMPORT_GRENZEN.xlsxUitgepaktBytes);
  });
});
