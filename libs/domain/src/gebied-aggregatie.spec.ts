import { aandeelOverGemeenten, dekkingTekst, somOverGemeenten } from './gebied-aggregatie';

describe('aggregation over an area', () => {
  const gemeenten = ['A', 'B', 'C', 'D'];

  it('a share is Σ teller ÷ Σ noemer over the gemeenten that have both (issue 9: 39,5% vs 28,7%)', () => {
    // C reports only the numerator, D only the denominator: neither may enter the share
    const teller = new Map([
      ['A', 100],
      ['B', 300],
      ['C', 5000],
    ]);
    const noemer = new Map([
      ['A', 1000],
      ['B', 500],
      ['D', 2000],
    ]);
    const r = aandeelOverGemeenten(teller, noemer, gemeenten);
    expect(r).toEqual({ waarde: 26.67, teller: 400, noemer: 1500, dekking: { gemeenten: 2, totaal: 4 } });
    // the wrong way the old code summed: (100 + 300 + 5000) / (1000 + 500 + 2000)
    expect(r.waarde).not.toBe(Math.round((5400 / 3500) * 10000) / 100);
  });

  it('a share without any gemeente having both is unknown, not 0', () => {
    expect(aandeelOverGemeenten(new Map([['A', 1]]), new Map([['B', 2]]), gemeenten)).toMatchObject({
      waarde: null,
      dekking: { gemeenten: 0, totaal: 4 },
    });
  });

  it('a stock sums only the gemeenten that reported, and says how many', () => {
    expect(
      somOverGemeenten(
        new Map([
          ['A', 5],
          ['B', null],
          ['C', 0],
        ]),
        gemeenten,
      ),
    ).toEqual({
      waarde: 5,
      dekking: { gemeenten: 2, totaal: 4 },
    });
    expect(somOverGemeenten(new Map(), gemeenten)).toEqual({
      waarde: null,
      dekking: { gemeenten: 0, totaal: 4 },
    });
  });

  it('ignores figures of gemeenten outside the area', () => {
    expect(
      somOverGemeenten(
        new Map([
          ['A', 5],
          ['X', 1000],
        ]),
        ['A'],
      ).waarde,
    ).toBe(5);
  });

  it('states coverage in Dutch', () => {
    expect(dekkingTekst({ gemeenten: 28, totaal: 342 })).toBe('28 van 342 gemeenten');
    expect(dekkingTekst({ gemeenten: 1, totaal: 1 })).toBe('1 van 1 gemeente');
    expect(dekkingTekst({ gemeenten: 1200, totaal: 1500 })).toBe('1.200 van 1.500 gemeenten');
  });
});
