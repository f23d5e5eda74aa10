import { evaluatieJaarFouten, evaluatieRegelFouten, evaluatieVaststelFouten } from './evaluatie';

describe('evaluatie', () => {
  it('evaluates a year of the period once it is over', () => {
    const pa = { jaarVan: 2025, jaarTot: 2027 };
    expect(evaluatieJaarFouten(pa, 2025, '2026-03-01')).toEqual([]);
    expect(evaluatieJaarFouten(pa, 2026, '2026-03-01')[0].melding).toBe(
      '2026 is nog niet voorbij; een jaar wordt geëvalueerd als het om is.',
    );
    expect(evaluatieJaarFouten(pa, 2024, '2026-03-01')).toHaveLength(1);
  });

  it('keeps concept lines to afspraken of the prestatieafspraak, once each', () => {
    expect(evaluatieRegelFouten([{ afspraakId: 'a' }, { afspraakId: 'a' }, { afspraakId: 'x' }], ['a']).map((f) => f.veld)).toEqual([
      'regels[1].afspraakId',
      'regels[2].afspraakId',
    ]);
  });

  it('is fixed only with an oordeel for every afspraak and a reason for deels/niet', () => {
    const afspraken = [
      { afspraakId: 'a', omschrijving: 'Sociale huur' },
      { afspraakId: 'b', omschrijving: 'Statushouders' },
    ];
    expect(
      evaluatieVaststelFouten(afspraken, [
        { afspraakId: 'a', oordeel: 'GEREALISEERD' },
        { afspraakId: 'b', oordeel: 'DEELS', toelichting: 'Minder aanbod' },
      ]),
    ).toEqual([]);
    expect(
      evaluatieVaststelFouten(afspraken, [{ afspraakId: 'a', oordeel: 'NIET', toelichting: ' ' }]).map((f) => f.melding),
    ).toEqual([
      "Licht toe waarom afspraak 'Sociale huur' niet is gerealiseerd.",
      "Geef een oordeel over afspraak 'Statushouders'.",
    ]);
  });
});
