import { ORGANISATIE_SOORTEN, isOrganisatieSoort, organisatieSoortLabel } from './organisatie-soort';

describe('organisatie-soort', () => {
  it('has the six kinds of the design', () => {
    expect(ORGANISATIE_SOORTEN).toEqual([
      'CORPORATIE',
      'GEMEENTE',
      'HUURDERSORGANISATIE',
      'ZORGAANBIEDER',
      'PROVINCIE',
      'RIJK',
    ]);
  });

  it('gives every kind a distinct Dutch label', () => {
    const labels = ORGANISATIE_SOORTEN.map(organisatieSoortLabel);
    expect(new Set(labels).size).toBe(ORGANISATIE_SOORTEN.length);
    expect(organisatieSoortLabel('CORPORATIE')).toBe('Woningcorporatie');
    expect(organisatieSoortLabel('RIJK')).toBe('Rijk (BZK)');
  });

  it('guard accepts exact codes only (token claims must not be guessed)', () => {
    expect(isOrganisatieSoort('GEMEENTE')).toBe(true);
    expect(isOrganisatieSoort('gemeente')).toBe(false);
    expect(isOrganisatieSoort(' GEMEENTE')).toBe(false);
    expect(isOrganisatieSoort('toString')).toBe(false);
    expect(isOrganisatieSoort(undefined)).toBe(false);
    expect(isOrganisatieSoort(['GEMEENTE'])).toBe(false);
  });
});
