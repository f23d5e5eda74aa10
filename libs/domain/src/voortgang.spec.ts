import { berekenVoortgang, verwachteFractie, voortgangStatusLabel, type VoortgangInvoer } from './voortgang';

const basis: VoortgangInvoer = {
  taakstelling: 100,
  realisatie: 50,
  verstrekenFractie: 0.5,
  richting: 'HOGER_IS_BETER',
};
const status = (deel: Partial<VoortgangInvoer>) => berekenVoortgang({ ...basis, ...deel }).status;

describe('berekenVoortgang', () => {
  it('computes percentage of the whole target and the expected value so far', () => {
    expect(berekenVoortgang(basis)).toEqual({ percentage: 50, verwacht: 50, status: 'OP_SCHEMA' });
    expect(berekenVoortgang({ ...basis, realisatie: 120, verstrekenFractie: 1 }).percentage).toBe(120);
  });

  it('has a 10% band around the expected value, edges included', () => {
    expect(status({ realisatie: 45 })).toBe('OP_SCHEMA');
    expect(status({ realisatie: 55 })).toBe('OP_SCHEMA');
    expect(status({ realisatie: 44.9 })).toBe('ACHTER');
    expect(status({ realisatie: 55.1 })).toBe('VOOR');
  });

  it('band is relative: 3 short of 300 is fine, 3 short of 10 is not', () => {
    expect(status({ taakstelling: 300, realisatie: 297, verstrekenFractie: 1 })).toBe('OP_SCHEMA');
    expect(status({ taakstelling: 10, realisatie: 7, verstrekenFractie: 1 })).toBe('ACHTER');
  });

  it('mirrors the verdict when lower is better', () => {
    expect(status({ realisatie: 70, richting: 'LAGER_IS_BETER' })).toBe('ACHTER');
    expect(status({ realisatie: 30, richting: 'LAGER_IS_BETER' })).toBe('VOOR');
    expect(status({ realisatie: 52, richting: 'LAGER_IS_BETER' })).toBe('OP_SCHEMA');
  });

  it('no target: GEEN_DOEL with null percentage and expectation', () => {
    expect(berekenVoortgang({ ...basis, taakstelling: null })).toEqual({
      percentage: null,
      verwacht: null,
      status: 'GEEN_DOEL',
    });
    expect(berekenVoortgang({ ...basis, taakstelling: undefined }).status).toBe('GEEN_DOEL');
  });

  it('a target of zero is a real target (zero huisuitzettingen)', () => {
    const nul = { taakstelling: 0, verstrekenFractie: 0.5, richting: 'LAGER_IS_BETER' as const };
    expect(berekenVoortgang({ ...nul, realisatie: 0 })).toEqual({
      percentage: null,
      verwacht: 0,
      status: 'OP_SCHEMA',
    });
    expect(berekenVoortgang({ ...nul, realisatie: 1 }).status).toBe('ACHTER');
    expect(berekenVoortgang({ ...nul, realisatie: 1, richting: 'HOGER_IS_BETER' }).status).toBe('VOOR');
  });

  it('before the period starts anything realised is ahead', () => {
    expect(status({ verstrekenFractie: 0, realisatie: 0 })).toBe('OP_SCHEMA');
    expect(status({ verstrekenFractie: 0, realisatie: 3 })).toBe('VOOR');
  });

  it('takes a custom tolerance', () => {
    expect(status({ realisatie: 45, tolerantie: 0 })).toBe('ACHTER');
    expect(status({ realisatie: 30, tolerantie: 0.5 })).toBe('OP_SCHEMA');
  });

  it('rejects impossible input', () => {
    expect(() => berekenVoortgang({ ...basis, verstrekenFractie: 1.2 })).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_FRACTIE' }),
    );
    expect(() => berekenVoortgang({ ...basis, realisatie: -1 })).toThrow(
      'De realisatie moet een getal van 0 of meer zijn',
    );
    expect(() => berekenVoortgang({ ...basis, taakstelling: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'ONGELDIG_GETAL' }),
    );
    expect(() => berekenVoortgang({ ...basis, tolerantie: -0.1 })).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_TOLERANTIE' }),
    );
  });

  it('judges stands and shares against the full target', () => {
    expect(verwachteFractie('SOM', 0.25)).toBe(0.25);
    expect(verwachteFractie('STAND', 0.25)).toBe(1);
    expect(verwachteFractie('AANDEEL', 0.25)).toBe(1);
  });

  it('has Dutch labels', () => {
    expect(voortgangStatusLabel('ACHTER')).toBe('Achter op schema');
    expect(voortgangStatusLabel('OP_SCHEMA')).toBe('Op schema');
  });
});
