import {
  VASTSTELLEND_ORGAAN,
  isWebadres,
  programmaDekking,
  programmaFouten,
  type ProgrammaInvoer,
} from './volkshuisvestingsprogramma';

const VANDAAG = '2026-11-29';
const goed: ProgrammaInvoer = {
  status: 'VASTGESTELD',
  titel: 'Volkshuisvestingsprogramma Utrecht 2026–2030',
  vastgesteldOp: '2026-10-06',
  jaarVan: 2026,
  jaarTot: 2030,
  woonzorgOpgenomen: true,
  woonzorgToelichting: 'Hoofdstuk 5: wonen met zorg',
  documentUrl: 'https://www.utrecht.nl/volkshuisvestingsprogramma.pdf',
};
const velden = (i: ProgrammaInvoer) => programmaFouten(i, VANDAAG).map((f) => f.veld);

describe('volkshuisvestingsprogramma', () => {
  it('is adopted by the executive of its level (Omgevingswet art. 3.4), not by the gemeenteraad', () => {
    expect(VASTSTELLEND_ORGAAN.GEMEENTE).toBe('college van burgemeester en wethouders');
    expect(VASTSTELLEND_ORGAAN.PROVINCIE).toBe('gedeputeerde staten');
    expect(VASTSTELLEND_ORGAAN.RIJK).toMatch(/minister/);
  });

  it('accepts a complete programme in each status', () => {
    expect(programmaFouten(goed, VANDAAG)).toEqual([]);
    expect(programmaFouten({ ...goed, status: 'HERZIEN', herzienOp: '2026-11-01' }, VANDAAG)).toEqual([]);
    expect(
      programmaFouten({ ...goed, status: 'IN_VOORBEREIDING', vastgesteldOp: null, documentUrl: null }, VANDAAG),
    ).toEqual([]);
  });

  it('names every bad field in Dutch', () => {
    expect(programmaFouten({ ...goed, status: 'CONCEPT' }, VANDAAG)[0].melding).toMatch(/Onbekende status 'CONCEPT'/);
    expect(velden({ ...goed, titel: '  ' })).toEqual(['titel']);
    expect(velden({ ...goed, vastgesteldOp: '6-10-2026' })).toEqual(['vastgesteldOp']);
    expect(velden({ ...goed, vastgesteldOp: '2027-01-01' })).toEqual(['vastgesteldOp']);
    expect(velden({ ...goed, vastgesteldOp: null })).toEqual(['vastgesteldOp']);
    expect(velden({ ...goed, status: 'HERZIEN' })).toEqual(['herzienOp']);
    expect(velden({ ...goed, herzienOp: '2026-11-01' })).toEqual(['herzienOp']);
    expect(velden({ ...goed, status: 'IN_VOORBEREIDING' })).toEqual(['status']);
    expect(velden({ ...goed, woonzorgToelichting: 'x'.repeat(4001) })).toEqual(['woonzorgToelichting']);
  });

  it('refuses dates in the wrong order', () => {
    const f = programmaFouten({ ...goed, status: 'HERZIEN', herzienOp: '2026-01-01' }, VANDAAG);
    expect(f).toEqual([{ veld: 'herzienOp', melding: 'De herziening moet na de vaststelling liggen.' }]);
    expect(programmaFouten({ ...goed, jaarVan: 2030, jaarTot: 2026 }, VANDAAG)).toEqual([
      { veld: 'jaarTot', melding: 'Het laatste jaar van de looptijd ligt vóór het eerste.' },
    ]);
  });

  it('a link must be an http(s) address', () => {
    expect(isWebadres('https://example.org/a.pdf')).toBe(true);
    expect(isWebadres('http://example.org')).toBe(true);
    for (const slecht of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.nl/a', 'www.utrecht.nl', 'https://'])
      expect(isWebadres(slecht)).toBe(false);
    expect(velden({ ...goed, documentUrl: 'javascript:alert(1)' })).toEqual(['documentUrl']);
  });

  it('counts gemeenten with a vastgesteld or herzien programme: "n van m gemeenten"', () => {
    const status = new Map([
      ['GM0344', 'VASTGESTELD' as const],
      ['GM0307', 'HERZIEN' as const],
      ['GM0356', 'IN_VOORBEREIDING' as const],
    ]);
    expect(programmaDekking(['GM0344', 'GM0307', 'GM0356', 'GM0335'], status)).toEqual({
      vastgesteld: 2,
      totaal: 4,
      weergave: '2 van 4 gemeenten',
    });
    expect(programmaDekking(['GM0356'], status).weergave).toBe('0 van 1 gemeente');
  });
});
