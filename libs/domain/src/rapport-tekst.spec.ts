import {
  aantalTekst,
  afgerondAantal,
  eenheidWoord,
  halfjaarTekst,
  ISO_IN_TEKST,
  kwartaalTekst,
  momentTekst,
  periodeTekst,
  verschilTekst,
  waardeMetEenheid,
} from './rapport-tekst';
import { maakPeriode } from './periode';

describe('rapport-tekst: how reports write dates, counts and changes', () => {
  it('half years and quarters in words', () => {
    expect(halfjaarTekst('2026-H1')).toBe('eerste halfjaar 2026');
    expect(halfjaarTekst({ jaar: 2026, nummer: 2 })).toBe('tweede halfjaar 2026');
    expect(kwartaalTekst('2026-Q3')).toBe('3e kwartaal 2026');
    expect(kwartaalTekst({ jaar: 2027, nummer: 1 })).toBe('1e kwartaal 2027');
  });

  it('periods as running text, without ISO dates (taaladvies.net: "14 april 2011")', () => {
    expect(periodeTekst(maakPeriode('2026-01-01', '2026-09-30'))).toBe('1 januari t/m 30 september 2026');
    expect(periodeTekst(maakPeriode('2025-07-01', '2026-06-30'))).toBe('1 juli 2025 t/m 30 juni 2026');
    expect(periodeTekst(maakPeriode('2026-07-01', '2026-07-01'))).toBe('1 juli 2026');
    expect(ISO_IN_TEKST.test(periodeTekst(maakPeriode('2026-01-01', '2026-03-31')))).toBe(false);
  });

  it('a moment in Amsterdam time (summer and winter)', () => {
    expect(momentTekst(new Date('2027-01-15T05:00:00Z'))).toBe('15 januari 2027 om 06:00 uur');
    expect(momentTekst('2026-07-01T22:30:00Z')).toBe('2 juli 2026 om 00:30 uur');
    expect(() => momentTekst('gisteren')).toThrow(RangeError);
  });

  it('unit words instead of codes', () => {
    expect(eenheidWoord('WONINGEN')).toBe('woningen');
    expect(eenheidWoord('WONINGEN', 1)).toBe('woning');
    expect(eenheidWoord('HUISHOUDENS')).toBe('huishoudens');
    expect(eenheidWoord('PERSONEN', 1)).toBe('persoon');
    expect(eenheidWoord('PERCENTAGE')).toBe('procent');
    expect(eenheidWoord('ONBEKEND')).toBe('onbekend');
  });

  it('counts and targets are whole numbers (98,63 woningen → 99 woningen)', () => {
    expect(afgerondAantal(98.63)).toBe(99);
    expect(afgerondAantal(19438.5)).toBe(19439);
    expect(afgerondAantal(-2.5)).toBe(-3);
    expect(Object.is(afgerondAantal(-0.2), 0)).toBe(true);
    expect(aantalTekst(19438.5)).toBe('19.439');
    expect(aantalTekst(null)).toBe('–');
    expect(waardeMetEenheid(98.63, 'WONINGEN')).toBe('99 woningen');
    expect(waardeMetEenheid(1, 'WONINGEN')).toBe('1 woning');
    expect(waardeMetEenheid(28.73, 'PERCENTAGE')).toBe('28,7%');
    expect(waardeMetEenheid(12, 'AANTAL')).toBe('12');
  });

  it('a share changes in procentpunt, a count in its unit', () => {
    expect(verschilTekst(-0.05, 'PERCENTAGE')).toBe('\u22120,05 procentpunt');
    expect(verschilTekst(0.5, 'PERCENTAGE')).toBe('+0,5 procentpunt');
    expect(verschilTekst(0, 'PERCENTAGE')).toBe('gelijk');
    expect(verschilTekst(3, 'WONINGEN')).toBe('+3 woningen');
    expect(verschilTekst(-1, 'HUISHOUDENS')).toBe('\u22121 huishouden');
    expect(verschilTekst(0.2, 'PERSONEN')).toBe('gelijk');
    expect(verschilTekst(null, 'WONINGEN')).toBe('–');
  });

  it('finds ISO dates and codes in text', () => {
    for (const s of ['2026-01-01 t/m 2026-03-31', 'halfjaar 2026-H1', '2026-Q3'])
      expect(ISO_IN_TEKST.test(s)).toBe(true);
    for (const s of ['1 juli 2026', 'eerste halfjaar 2026', '3e kwartaal 2026', 'GM0344'])
      expect(ISO_IN_TEKST.test(s)).toBe(false);
  });
});
