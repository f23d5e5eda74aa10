import {
  WONINGMARKTREGIOS,
  isWoningmarktregioCode,
  woningmarktregioOpCode,
  woningmarktregioOpNaam,
} from './woningmarktregio';

describe('woningmarktregio', () => {
  it('has exactly 19 regions with stable codes WMR01..WMR19 in order', () => {
    expect(WONINGMARKTREGIOS).toHaveLength(19);
    expect(WONINGMARKTREGIOS.map((r) => r.code)).toEqual(
      Array.from({ length: 19 }, (_, i) => `WMR${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('has unique names, also after normalising spelling', () => {
    const sleutels = WONINGMARKTREGIOS.map((r) => r.naam.toLowerCase().replace(/[^a-z0-9]/g, ''));
    expect(new Set(sleutels).size).toBe(19);
  });

  it('covers the 390 gemeenten of 2016 (a check that no region is missing or doubled)', () => {
    expect(WONINGMARKTREGIOS.reduce((s, r) => s + r.aantalGemeenten2016, 0)).toBe(390);
  });

  it('looks regions up by code', () => {
    expect(woningmarktregioOpCode('WMR10').naam).toBe('Food Valley');
    expect(() => woningmarktregioOpCode('WMR20')).toThrow(
      expect.objectContaining({ code: 'ONBEKENDE_WONINGMARKTREGIO' }),
    );
    expect(isWoningmarktregioCode('WMR19')).toBe(true);
    expect(isWoningmarktregioCode('wmr19')).toBe(false);
  });

  it('looks regions up by name tolerantly', () => {
    expect(woningmarktregioOpNaam('Groningen-Drenthe')?.code).toBe('WMR02');
    expect(woningmarktregioOpNaam('U 16')?.code).toBe('WMR09');
    expect(woningmarktregioOpNaam('noordoost brabant')?.code).toBe('WMR15');
    expect(woningmarktregioOpNaam('Drechtsteden / Hoeksche Waard / Goeree Overflakkee')?.code).toBe('WMR14');
    expect(woningmarktregioOpNaam('Randstad')).toBeUndefined();
  });
});
