import {
  bewerkingsAfstand,
  gemeenteKandidaatTekst,
  maakGemeenteHerkenner,
  maakGemeenteZoeker,
} from './gemeente-naam';

const GEMEENTEN = [
  { code: 'GM0344', naam: 'Utrecht' },
  { code: 'GM0518', naam: "'s-Gravenhage" },
  { code: 'GM0796', naam: "'s-Hertogenbosch" },
  { code: 'GM0893', naam: 'Bergen (L.)' },
  { code: 'GM0373', naam: 'Bergen (NH.)' },
  { code: 'GM0307', naam: 'Amersfoort' },
];

describe('maakGemeenteZoeker', () => {
  const zoek = maakGemeenteZoeker(GEMEENTEN);

  it.each([
    ['Utrecht', 'GM0344'],
    ['UTRECHT', 'GM0344'],
    [' utrecht ', 'GM0344'],
    ["'s-Gravenhage", 'GM0518'],
    ['s Gravenhage', 'GM0518'],
    ['Den Haag', 'GM0518'],
    ['Den Bosch', 'GM0796'],
    ['Bergen (NH.)', 'GM0373'],
    ['Bergen NH', 'GM0373'],
    ['Bergen (L.)', 'GM0893'],
  ])('%s → %s', (naam, code) => {
    expect(zoek(naam)).toBe(code);
  });

  it('leaves ambiguous and unknown names unresolved', () => {
    expect(zoek('Bergen')).toBeUndefined();
    expect(zoek('Atlantis')).toBeUndefined();
    expect(zoek('')).toBeUndefined();
  });

  it('ignores aliases for gemeenten that are not in the list', () => {
    expect(maakGemeenteZoeker([{ code: 'GM0344', naam: 'Utrecht' }])('Den Haag')).toBeUndefined();
  });
});

describe('maakGemeenteHerkenner', () => {
  const herken = maakGemeenteHerkenner([
    { code: 'GM0344', naam: 'Utrecht', provincie: 'Utrecht' },
    { code: 'GM0356', naam: 'Nieuwegein', provincie: 'Utrecht' },
    { code: 'GM0893', naam: 'Bergen (L.)', provincie: 'Limburg' },
    { code: 'GM0373', naam: 'Bergen (NH.)', provincie: 'Noord-Holland' },
    { code: 'GM0164', naam: 'Hengelo (O.)', provincie: 'Overijssel' },
    { code: 'GM0518', naam: "'s-Gravenhage", provincie: 'Zuid-Holland' },
  ]);

  it('finds names, everyday names and names with their provincie', () => {
    expect(herken('utrecht')).toEqual({ soort: 'GEVONDEN', code: 'GM0344' });
    expect(herken('Den Haag')).toEqual({ soort: 'GEVONDEN', code: 'GM0518' });
    expect(herken('Bergen (NH.)')).toEqual({ soort: 'GEVONDEN', code: 'GM0373' });
    expect(herken('Hengelo (O.)')).toEqual({ soort: 'GEVONDEN', code: 'GM0164' });
  });

  it('names both candidates of a name used in two provincies', () => {
    expect(herken('Bergen')).toEqual({
      soort: 'DUBBELZINNIG',
      kandidaten: [
        { code: 'GM0893', naam: 'Bergen (L.)', provincie: 'Limburg' },
        { code: 'GM0373', naam: 'Bergen (NH.)', provincie: 'Noord-Holland' },
      ],
    });
    expect(gemeenteKandidaatTekst({ code: 'GM0893', naam: 'Bergen (L.)', provincie: 'Limburg' })).toBe(
      'Bergen (L.) (GM0893, Limburg)',
    );
  });

  it('does not take the bare form of a name CBS gives a provincie suffix (Hengelo in Gelderland until 2005)', () => {
    expect(herken('Hengelo')).toEqual({
      soort: 'DUBBELZINNIG',
      kandidaten: [{ code: 'GM0164', naam: 'Hengelo (O.)', provincie: 'Overijssel' }],
    });
  });

  it('offers close spellings for an unknown name, none for nonsense', () => {
    expect(herken('Nieuwegijn')).toEqual({
      soort: 'ONBEKEND',
      kandidaten: [{ code: 'GM0356', naam: 'Nieuwegein', provincie: 'Utrecht' }],
    });
    expect(herken('Atlantis')).toEqual({ soort: 'ONBEKEND', kandidaten: [] });
  });

  it('bewerkingsAfstand', () => {
    expect(bewerkingsAfstand('kitten', 'sitting', 5)).toBe(3);
    expect(bewerkingsAfstand('abc', 'abc', 2)).toBe(0);
    expect(bewerkingsAfstand('abcdef', 'a', 2)).toBe(3);
  });
});
