import {
  AANDACHTSGROEPEN,
  aandachtsgroepLabel,
  isAandachtsgroep,
  parseAandachtsgroep,
  type Aandachtsgroep,
} from './aandachtsgroep';

const groep = (tekst: string): Aandachtsgroep | null | 'ONBEKEND' => {
  const r = parseAandachtsgroep(tekst);
  return r.soort === 'ONBEKEND' ? 'ONBEKEND' : r.aandachtsgroep;
};

describe('aandachtsgroep', () => {
  it('has the eight groups with distinct labels', () => {
    expect(AANDACHTSGROEPEN).toHaveLength(8);
    expect(new Set(AANDACHTSGROEPEN.map(aandachtsgroepLabel)).size).toBe(8);
    expect(aandachtsgroepLabel('DAK_EN_THUISLOZEN')).toBe('Dak- en thuislozen');
  });

  it('guard accepts exact codes only', () => {
    expect(isAandachtsgroep('OUDEREN')).toBe(true);
    expect(isAandachtsgroep('ouderen')).toBe(false);
    expect(isAandachtsgroep(null)).toBe(false);
  });

  it('parses every code itself, in any case', () => {
    for (const code of AANDACHTSGROEPEN) {
      expect(groep(code)).toBe(code);
      expect(groep(code.toLowerCase())).toBe(code);
    }
  });

  it.each([
    ['vergunninghouder', 'STATUSHOUDERS'],
    ['Vergunningshouders', 'STATUSHOUDERS'],
    ['statushouder', 'STATUSHOUDERS'],
    ['urgent', 'URGENTEN'],
    ['Medische urgentie', 'URGENTEN'],
    ['sociale-urgentie', 'URGENTEN'],
    ['uitstroom MO/BW', 'UITSTROOM_INSTELLINGEN'],
    ['GGZ', 'UITSTROOM_INSTELLINGEN'],
    ['Beschermd wonen', 'UITSTROOM_INSTELLINGEN'],
    ['jeugdzorg', 'UITSTROOM_INSTELLINGEN'],
    ['dakloos', 'DAK_EN_THUISLOZEN'],
    ['Dak- en thuislozen', 'DAK_EN_THUISLOZEN'],
    ['dak_en_thuislozen', 'DAK_EN_THUISLOZEN'],
    ['student', 'STUDENTEN'],
    ['woonwagen', 'WOONWAGENBEWONERS'],
    ['senior', 'OUDEREN'],
    ['65+', 'OUDEREN'],
    ['  Arbeidsmigrant ', 'ARBEIDSMIGRANTEN'],
  ])('recognises %p as %s', (tekst, verwacht) => {
    expect(groep(tekst)).toBe(verwacht);
  });

  it.each(['regulier', 'Geen aandachtsgroep', 'n.v.t.', 'geen', '', '  ', '-'])(
    'treats %p as regulier (null, not unknown)',
    (tekst) => {
      expect(parseAandachtsgroep(tekst)).toEqual({ soort: 'REGULIER', aandachtsgroep: null });
    },
  );

  it('reports unknown text with the original input so the import can quote it', () => {
    expect(parseAandachtsgroep('Jongeren')).toEqual({
      soort: 'ONBEKEND',
      aandachtsgroep: null,
      invoer: 'Jongeren',
    });
    expect(groep('statushouders en studenten')).toBe('ONBEKEND');
    expect(groep('65')).toBe('ONBEKEND');
  });
});
