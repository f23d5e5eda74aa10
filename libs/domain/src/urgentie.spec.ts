import {
  BEKENDE_URGENTIECATEGORIEEN,
  DETENTIE_CATEGORIE,
  GEVOELIGE_URGENTIECATEGORIEEN,
  REGELING_VERPLICHT,
  VERPLICHTE_URGENTIECATEGORIEEN,
  normaliseerUrgentieCode,
  urgentieCategorieFout,
  urgentieDekking,
  urgentieSignalen,
  urgentieregelingFouten,
  urgentieVoortgang,
  type UrgentieregelingInvoer,
} from './urgentie';

const VANDAAG = '2026-11-29';
const goed: UrgentieregelingInvoer = {
  titel: 'Huisvestingsverordening Utrecht 2026',
  vastgesteldOp: '2026-03-12',
  documentUrl: 'https://lokaleregelgeving.overheid.nl/CVDR000000',
  categorieen: [
    { code: 'MANTELZORG', naam: 'Mantelzorg' },
    { code: 'OPVANG_RELATIONEEL_GEWELD', naam: 'Uitstroom vrouwenopvang' },
    { code: 'UITSTROOM_DETENTIE', naam: 'Ex-gedetineerden' },
    { code: 'lokaal jongeren', naam: 'Jongeren uit de jeugdzorg', omschrijving: 'Lokale categorie' },
  ],
};
const velden = (i: UrgentieregelingInvoer) => urgentieregelingFouten(i, VANDAAG).map((f) => f.veld);

describe('urgentieregeling', () => {
  it('Huisvestingswet 2014 art. 12 lid 2: opvang wegens relationeel geweld and mantelzorg are mandatory in every regeling, under both regimes (RIGO for BZK, 2018)', () => {
    for (const regime of ['WONINGWET_2015', 'WET_VERSTERKING_REGIE'] as const) {
      const codes = VERPLICHTE_URGENTIECATEGORIEEN.filter((v) => v.regime === regime).map((v) => v.code);
      expect(codes.sort()).toEqual(['MANTELZORG', 'OPVANG_RELATIONEEL_GEWELD']);
    }
    for (const v of VERPLICHTE_URGENTIECATEGORIEEN) expect(v.bron).toMatch(/Huisvestingswet 2014 art\. 12/);
    // vergunninghouders stopped being mandatory on 1 July 2017 (RIGO 2018): offered, not required
    expect(VERPLICHTE_URGENTIECATEGORIEEN.map((v) => v.code)).not.toContain('VERGUNNINGHOUDERS');
    expect(BEKENDE_URGENTIECATEGORIEEN.VERGUNNINGHOUDERS).toBeDefined();
  });

  it('only the Wet versterking regie volkshuisvesting makes a regeling itself mandatory (Kamerstukken 36512)', () => {
    expect(REGELING_VERPLICHT).toEqual({ WONINGWET_2015: false, WET_VERSTERKING_REGIE: true });
  });

  it('uitstroom uit detentie is a known category (Kamerstukken 32847-883; Monitor huisvesting aandachtsgroepen) and protected', () => {
    expect(DETENTIE_CATEGORIE).toBe('UITSTROOM_DETENTIE');
    expect(BEKENDE_URGENTIECATEGORIEEN[DETENTIE_CATEGORIE]).toBe('Uitstroom uit detentie');
    expect(GEVOELIGE_URGENTIECATEGORIEEN).toEqual(expect.arrayContaining([DETENTIE_CATEGORIE, 'MEDISCH']));
  });

  it('accepts a complete regeling with local categories', () => {
    expect(urgentieregelingFouten(goed, VANDAAG)).toEqual([]);
    expect(urgentieregelingFouten({ ...goed, documentUrl: null }, VANDAAG)).toEqual([]);
  });

  it('normalises codes as typed', () => {
    expect(normaliseerUrgentieCode(' lokaal jongeren ')).toBe('LOKAAL_JONGEREN');
    expect(normaliseerUrgentieCode('Médisch')).toBe('MEDISCH');
  });

  it('names every bad field in Dutch', () => {
    expect(velden({ ...goed, titel: ' ' })).toEqual(['titel']);
    expect(velden({ ...goed, vastgesteldOp: null })).toEqual(['vastgesteldOp']);
    expect(velden({ ...goed, vastgesteldOp: '12-3-2026' })).toEqual(['vastgesteldOp']);
    expect(urgentieregelingFouten({ ...goed, vastgesteldOp: '2026-12-01' }, VANDAAG)[0].melding).toMatch(
      /toekomst/,
    );
    expect(velden({ ...goed, documentUrl: 'javascript:alert(1)' })).toEqual(['documentUrl']);
    expect(velden({ ...goed, categorieen: [] })).toEqual(['categorieen']);
    expect(velden({ ...goed, categorieen: [{ code: '1X', naam: 'x' }] })).toEqual(['categorieen.0.code']);
    expect(
      urgentieregelingFouten(
        {
          ...goed,
          categorieen: [
            { code: 'MEDISCH', naam: 'a' },
            { code: 'medisch', naam: 'b' },
          ],
        },
        VANDAAG,
      )[0].melding,
    ).toMatch(/twee keer/);
    expect(velden({ ...goed, categorieen: [{ code: 'MEDISCH', naam: '' }] })).toEqual(['categorieen.0.naam']);
  });

  describe('signalen: flagged, never refused', () => {
    const regeling = { vastgesteldOp: '2026-03-12', codes: ['MANTELZORG', 'MEDISCH'] };
    it('a regeling missing a mandatory category is flagged under both regimes, with the source', () => {
      for (const regime of ['WONINGWET_2015', 'WET_VERSTERKING_REGIE'] as const) {
        const s = urgentieSignalen(regeling, regime, VERPLICHTE_URGENTIECATEGORIEEN, VANDAAG);
        expect(s).toEqual([
          expect.objectContaining({
            soort: 'VERPLICHTE_CATEGORIE_ONTBREEKT',
            code: 'OPVANG_RELATIONEEL_GEWELD',
          }),
        ]);
        expect(s[0].bron).toMatch(/art\. 12 lid 2/);
      }
    });
    it('no regeling is flagged only under the new law', () => {
      expect(urgentieSignalen(null, 'WONINGWET_2015', VERPLICHTE_URGENTIECATEGORIEEN, VANDAAG)).toEqual([]);
      expect(
        urgentieSignalen(null, 'WET_VERSTERKING_REGIE', VERPLICHTE_URGENTIECATEGORIEEN, VANDAAG),
      ).toEqual([expect.objectContaining({ soort: 'GEEN_REGELING', code: null })]);
    });
    it('a regeling adopted after the peildatum does not count yet', () => {
      expect(
        urgentieSignalen(regeling, 'WET_VERSTERKING_REGIE', VERPLICHTE_URGENTIECATEGORIEEN, '2026-01-01')[0]
          .soort,
      ).toBe('GEEN_REGELING');
    });
    it('a complete regeling has no signals', () => {
      const compleet = { vastgesteldOp: '2026-03-12', codes: ['MANTELZORG', 'OPVANG_RELATIONEEL_GEWELD'] };
      expect(
        urgentieSignalen(compleet, 'WET_VERSTERKING_REGIE', VERPLICHTE_URGENTIECATEGORIEEN, VANDAAG),
      ).toEqual([]);
    });
  });

  describe("a toewijzing's urgentie category", () => {
    const codes = ['MANTELZORG', 'UITSTROOM_DETENTIE'];
    it('is optional', () => expect(urgentieCategorieFout(null, false, null, 'Utrecht')).toBeNull());
    it('must be in the regeling of the gemeente of the dwelling', () => {
      expect(urgentieCategorieFout('UITSTROOM_DETENTIE', true, codes, 'Utrecht')).toBeNull();
      expect(urgentieCategorieFout('MEDISCH', true, codes, 'Utrecht')).toMatch(
        /staat niet in de urgentieregeling van Utrecht \(wel: MANTELZORG, UITSTROOM_DETENTIE\)/,
      );
      expect(urgentieCategorieFout('MEDISCH', true, null, 'Utrecht')).toMatch(/geen urgentieregeling/);
    });
    it('belongs only to a toewijzing via urgentie', () => {
      expect(urgentieCategorieFout('MANTELZORG', false, codes, 'Utrecht')).toMatch(
        /alleen bij een toewijzing via urgentie/,
      );
    });
  });
});

describe('urgentieDekking', () => {
  const regelingen = new Map([
    [
      'GM0344',
      { vastgesteldOp: '2026-03-12', codes: ['MANTELZORG', 'OPVANG_RELATIONEEL_GEWELD', 'MEDISCH'] },
    ],
    ['GM0307', { vastgesteldOp: '2026-03-12', codes: ['MEDISCH'] }],
    ['GM0356', { vastgesteldOp: '2026-12-01', codes: ['MANTELZORG', 'OPVANG_RELATIONEEL_GEWELD'] }],
  ]);
  it('counts gemeenten with a regeling on the peildatum, and those holding every mandatory category (art. 12 lid 2)', () => {
    expect(
      urgentieDekking(
        ['GM0344', 'GM0307', 'GM0356', 'GM0345'],
        regelingen,
        'WONINGWET_2015',
        VERPLICHTE_URGENTIECATEGORIEEN,
        VANDAAG,
      ),
    ).toEqual({ metRegeling: 2, compleet: 1, totaal: 4, weergave: '2 van 4 gemeenten' });
    expect(
      urgentieDekking(
        ['GM0344'],
        regelingen,
        'WET_VERSTERKING_REGIE',
        VERPLICHTE_URGENTIECATEGORIEEN,
        VANDAAG,
      ).weergave,
    ).toBe('1 van 1 gemeente');
  });
});

describe('urgentieVoortgang', () => {
  it("sums the cells per code, exact only when every cell is the caller's own, sorted by code", () => {
    const namen = new Map([
      ['EIGEN_CODE', 'Eigen categorie'],
      ['MEDISCH', 'Medisch (gemeentelijke naam)'],
    ]);
    expect(
      urgentieVoortgang(
        [
          { categorie: 'MEDISCH', eigen: true, huishoudens: 3 },
          { categorie: DETENTIE_CATEGORIE, eigen: true, huishoudens: 2 },
          { categorie: 'MEDISCH', eigen: false, huishoudens: 5 },
          { categorie: 'EIGEN_CODE', eigen: true, huishoudens: 1 },
          { categorie: 'ONBEKEND', eigen: true, huishoudens: 4 },
        ],
        namen,
      ),
    ).toEqual({
      categorieen: [
        { code: 'EIGEN_CODE', naam: 'Eigen categorie', huishoudens: 1, exact: true, gevoelig: false },
        { code: 'MEDISCH', naam: 'Medische urgentie', huishoudens: 8, exact: false, gevoelig: true },
        { code: 'ONBEKEND', naam: 'ONBEKEND', huishoudens: 4, exact: true, gevoelig: false },
        {
          code: DETENTIE_CATEGORIE,
          naam: 'Uitstroom uit detentie',
          huishoudens: 2,
          exact: true,
          gevoelig: true,
        },
      ],
      detentie: 2,
    });
  });

  it('answers no categories and no detention without cells', () => {
    expect(urgentieVoortgang([], new Map())).toEqual({ categorieen: [], detentie: 0 });
  });
});
