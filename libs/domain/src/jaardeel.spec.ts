import {
  jaardelenTussen,
  maakJaardeel,
  parseJaardeel,
  verschuifJaardeel,
  type JaardeelSoort,
} from './jaardeel';

const KWART: JaardeelSoort = { delen: 4, codeLetter: 'Q', naam: 'kwartaal', foutCode: 'X' };

describe('jaardeel', () => {
  it('returns frozen values so a shared Kwartaal cannot be changed by a caller', () => {
    const deel = maakJaardeel(KWART, 2026, 2);
    expect(Object.isFrozen(deel)).toBe(true);
  });

  it('shifts many steps at once, both directions', () => {
    expect(verschuifJaardeel(KWART, { jaar: 2026, nummer: 1 }, 9)).toEqual({ jaar: 2028, nummer: 2 });
    expect(verschuifJaardeel(KWART, { jaar: 2026, nummer: 1 }, -5)).toEqual({ jaar: 2024, nummer: 4 });
  });

  it('refuses years outside four digits, also when stepping past them', () => {
    expect(() => parseJaardeel(KWART, '0999-Q1')).toThrow(expect.objectContaining({ code: 'X' }));
    expect(() => verschuifJaardeel(KWART, { jaar: 9999, nummer: 4 }, 1)).toThrow(
      expect.objectContaining({ code: 'ONGELDIG_JAAR' }),
    );
  });

  it('lists ten years of quarters without gaps', () => {
    const lijst = jaardelenTussen(KWART, { jaar: 2020, nummer: 1 }, { jaar: 2029, nummer: 4 });
    expect(lijst).toHaveLength(40);
    expect(lijst[4]).toEqual({ jaar: 2021, nummer: 1 });
  });
});
