import { DomainError } from './domain-error';
import {
  heeftEigenWerkgebied,
  normaliseerOrganisatieCode,
  normaliseerOrganisatieNaam,
  normaliseerWerkgebied,
} from './organisatie-code';

describe('normaliseerOrganisatieCode', () => {
  it.each([
    ['GEMEENTE', ' gm0344 ', 'GM0344'],
    ['PROVINCIE', 'pv26', 'PV26'],
    ['CORPORATIE', 'l 0801', 'L0801'],
    ['HUURDERSORGANISATIE', '1234.5678', '12345678'],
    ['ZORGAANBIEDER', '87654321', '87654321'],
    ['RIJK', 'bzk', 'BZK'],
  ] as const)('%s %s → %s', (soort, invoer, code) => {
    expect(normaliseerOrganisatieCode(soort, invoer)).toBe(code);
  });

  it.each([
    ['GEMEENTE', 'GM344'],
    ['GEMEENTE', 'PV26'],
    ['PROVINCIE', 'PV2'],
    ['CORPORATIE', '0801'],
    ['CORPORATIE', 'L08011'],
    ['HUURDERSORGANISATIE', '1234567'],
    ['ZORGAANBIEDER', 'ZA-STICHT'],
    ['RIJK', 'B'],
  ] as const)('refuses %s %s with a Dutch message naming the expected form', (soort, invoer) => {
    expect(() => normaliseerOrganisatieCode(soort, invoer)).toThrow(DomainError);
    expect(() => normaliseerOrganisatieCode(soort, invoer)).toThrow(/geen geldige code: verwacht/);
  });

  it('every accepted code fits the Keycloak attribute pattern', () => {
    for (const [soort, code] of [
      ['GEMEENTE', 'GM0344'],
      ['PROVINCIE', 'PV26'],
      ['CORPORATIE', 'L0801'],
      ['ZORGAANBIEDER', '12345678'],
      ['RIJK', 'BZK'],
    ] as const) {
      expect(normaliseerOrganisatieCode(soort, code)).toMatch(/^[A-Z0-9][A-Z0-9-]*$/);
    }
  });
});

describe('werkgebied and naam', () => {
  it('only corporaties, zorgaanbieders and huurdersorganisaties keep a werkgebied by hand', () => {
    expect(heeftEigenWerkgebied('CORPORATIE')).toBe(true);
    expect(heeftEigenWerkgebied('ZORGAANBIEDER')).toBe(true);
    expect(heeftEigenWerkgebied('HUURDERSORGANISATIE')).toBe(true);
    expect(heeftEigenWerkgebied('GEMEENTE')).toBe(false);
    expect(heeftEigenWerkgebied('PROVINCIE')).toBe(false);
    expect(heeftEigenWerkgebied('RIJK')).toBe(false);
  });

  it('folds duplicates and sorts; names every malformed code', () => {
    expect(normaliseerWerkgebied(['gm0356', 'GM0344', 'GM0356'])).toEqual(['GM0344', 'GM0356']);
    expect(() => normaliseerWerkgebied(['GM0344', 'Utrecht', '0356'])).toThrow(
      "Geen gemeentecode: 'Utrecht', '0356'",
    );
  });

  it('trims names and refuses empty or overlong ones', () => {
    expect(normaliseerOrganisatieNaam('  Woonstichting   De Vaart ')).toBe('Woonstichting De Vaart');
    expect(() => normaliseerOrganisatieNaam(' ')).toThrow(DomainError);
    expect(() => normaliseerOrganisatieNaam('x'.repeat(201))).toThrow(DomainError);
  });
});
