import * as domain from './index';

describe('public API', () => {
  it('exports the main entry points of every module', () => {
    for (const naam of [
      'DomainError',
      'ORGANISATIE_SOORTEN',
      'isOrganisatieSoort',
      'parseAandachtsgroep',
      'ACTIELIJNEN',
      'parseSegment',
      'faseOvergangToegestaan',
      'parseKwartaal',
      'parseHalfjaar',
      'verstrekenFractie',
      'vandaagInAmsterdam',
      'berekenCarryOver',
      'onderdrukTabel',
      'toonCel',
      'berekenVoortgang',
      'indicatorOpCode',
      'magRapporteren',
      'volgendeStatus',
      'cyclusStand',
      'bouwKolomMapping',
      'valideerToewijzingRij',
      'formatGetal',
      'WONINGMARKTREGIOS',
    ]) {
      expect(domain).toHaveProperty(naam);
    }
  });

  it('does not leak the internal jaardeel helpers', () => {
    expect(domain).not.toHaveProperty('maakJaardeel');
  });
});
