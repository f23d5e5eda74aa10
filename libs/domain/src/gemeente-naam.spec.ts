import { maakGemeenteZoeker } from './gemeente-naam';

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
