import { controleerKwartaalcijfer, rapporteurs } from './kwartaalcijfer';
import { indicatorOpCode } from './indicator-catalogus';

const VANDAAG = '2026-08-10';

describe('controleerKwartaalcijfer', () => {
  it('accepts a whole count for a reported indicator in a quarter that has begun', () => {
    const r = controleerKwartaalcijfer({ indicatorCode: 'HUISUITZETTINGEN', kwartaal: '2026-Q3', waarde: 4 }, VANDAAG);
    expect(r).toMatchObject({ ok: true, kwartaal: { jaar: 2026, nummer: 3 }, indicator: { code: 'HUISUITZETTINGEN' } });
  });

  it('refuses unknown and computed indicators', () => {
    const onbekend = controleerKwartaalcijfer({ indicatorCode: 'GELUK', kwartaal: '2026-Q2', waarde: 1 }, VANDAAG);
    expect(onbekend).toMatchObject({ ok: false, fouten: [{ veld: 'indicatorCode' }] });
    const berekend = controleerKwartaalcijfer({ indicatorCode: 'TOEWIJZINGEN_TOTAAL', kwartaal: '2026-Q2', waarde: 1 }, VANDAAG);
    expect(berekend).toMatchObject({ ok: false, fouten: [{ veld: 'indicatorCode', melding: expect.stringMatching(/wordt berekend/) }] });
  });

  it('refuses a quarter that has not begun and malformed quarters', () => {
    expect(controleerKwartaalcijfer({ indicatorCode: 'HUISUITZETTINGEN', kwartaal: '2026-Q4', waarde: 1 }, VANDAAG)).toEqual({
      ok: false,
      fouten: [{ veld: 'kwartaal', melding: 'Kwartaal 2026-Q4 is nog niet begonnen' }],
    });
    const fout = controleerKwartaalcijfer({ indicatorCode: 'HUISUITZETTINGEN', kwartaal: '2026-3', waarde: 1 }, VANDAAG);
    expect(fout).toMatchObject({ ok: false, fouten: [{ veld: 'kwartaal' }] });
  });

  it.each([-1, 2.5, Number.NaN])('refuses value %p for a count', (waarde) => {
    const r = controleerKwartaalcijfer({ indicatorCode: 'SOCIALE_HUURVOORRAAD', kwartaal: '2026-Q1', waarde }, VANDAAG);
    expect(r).toMatchObject({ ok: false, fouten: [{ veld: 'waarde' }] });
  });

  it('reports every problem at once', () => {
    const r = controleerKwartaalcijfer({ indicatorCode: 'X', kwartaal: 'morgen', waarde: -3 }, VANDAAG);
    expect(r.ok ? [] : r.fouten.map((f) => f.veld)).toEqual(['indicatorCode', 'kwartaal', 'waarde']);
  });
});

describe('rapporteurs', () => {
  it('names who reports an indicator, in Dutch', () => {
    expect(rapporteurs(indicatorOpCode('UITSTROOM_WACHTEND'))).toBe('zorgaanbieders');
    expect(rapporteurs(indicatorOpCode('STANDPLAATSEN_WOONWAGENBEWONERS'))).toBe('gemeenten en corporaties');
  });
});
