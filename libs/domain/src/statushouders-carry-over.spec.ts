import { berekenCarryOver, statushoudersStatusLabel } from './statushouders-carry-over';

describe('statushouders carry-over', () => {
  it('carries an achterstand into the next half year', () => {
    const r = berekenCarryOver([
      { halfjaar: '2026-H1', taakstelling: 20, gehuisvest: 14 },
      { halfjaar: '2026-H2', taakstelling: 18, gehuisvest: 20 },
    ]);
    expect(r[0]).toEqual({
      halfjaar: '2026-H1',
      taakstelling: 20,
      meegenomen: 0,
      teRealiseren: 20,
      gehuisvest: 14,
      saldo: 6,
      status: 'ACHTERSTAND',
    });
    // 18 + 6 achterstand = 24 to house; 20 housed leaves 4
    expect(r[1]).toMatchObject({ meegenomen: 6, teRealiseren: 24, saldo: 4, status: 'ACHTERSTAND' });
  });

  it('subtracts a voorsprong from the next target', () => {
    const r = berekenCarryOver([
      { halfjaar: '2025-H2', taakstelling: 10, gehuisvest: 13 },
      { halfjaar: '2026-H1', taakstelling: 10, gehuisvest: 7 },
    ]);
    expect(r[0]).toMatchObject({ saldo: -3, status: 'VOORSPRONG' });
    expect(r[1]).toMatchObject({ meegenomen: -3, teRealiseren: 7, saldo: 0, status: 'GEHAALD' });
  });

  it('keeps a voorsprong larger than the next target instead of losing it', () => {
    const r = berekenCarryOver([
      { halfjaar: '2026-H1', taakstelling: 5, gehuisvest: 17 },
      { halfjaar: '2026-H2', taakstelling: 4, gehuisvest: 0 },
      { halfjaar: '2027-H1', taakstelling: 10, gehuisvest: 2 },
    ]);
    expect(r.map((x) => [x.meegenomen, x.teRealiseren, x.saldo, x.status])).toEqual([
      [0, 5, -12, 'VOORSPRONG'],
      [-12, 0, -8, 'VOORSPRONG'],
      [-8, 2, 0, 'GEHAALD'],
    ]);
  });

  it('the final saldo equals total target minus total housed (nothing leaks between half years)', () => {
    const invoer = [
      { halfjaar: '2024-H1', taakstelling: 12, gehuisvest: 3 },
      { halfjaar: '2024-H2', taakstelling: 9, gehuisvest: 25 },
      { halfjaar: '2025-H1', taakstelling: 0, gehuisvest: 0 },
      { halfjaar: '2025-H2', taakstelling: 30, gehuisvest: 11 },
    ];
    const r = berekenCarryOver(invoer, { beginSaldo: 4 });
    const totaal = invoer.reduce((s, h) => s + h.taakstelling - h.gehuisvest, 4);
    expect(r[r.length - 1].saldo).toBe(totaal);
    for (let i = 1; i < r.length; i++) expect(r[i].meegenomen).toBe(r[i - 1].saldo);
  });

  it('uses a begin saldo from before the listed history', () => {
    const [r] = berekenCarryOver([{ halfjaar: '2026-H1', taakstelling: 10, gehuisvest: 10 }], {
      beginSaldo: -2,
    });
    expect(r).toMatchObject({ meegenomen: -2, teRealiseren: 8, saldo: -2, status: 'VOORSPRONG' });
  });

  it('normalises the half-year code and accepts an empty history', () => {
    expect(berekenCarryOver([{ halfjaar: ' 2026-h1', taakstelling: 1, gehuisvest: 1 }])[0].halfjaar).toBe(
      '2026-H1',
    );
    expect(berekenCarryOver([])).toEqual([]);
  });

  describe('refuses bad input with Dutch messages', () => {
    const fout = (code: string) => expect.objectContaining({ code });

    it('duplicate half years', () => {
      expect(() =>
        berekenCarryOver([
          { halfjaar: '2026-H1', taakstelling: 1, gehuisvest: 1 },
          { halfjaar: '2026-H1', taakstelling: 1, gehuisvest: 1 },
        ]),
      ).toThrow(fout('HALFJAAR_DUBBEL'));
    });

    it('unordered half years', () => {
      expect(() =>
        berekenCarryOver([
          { halfjaar: '2026-H2', taakstelling: 1, gehuisvest: 1 },
          { halfjaar: '2026-H1', taakstelling: 1, gehuisvest: 1 },
        ]),
      ).toThrow('Halfjaar 2026-H1 staat na 2026-H2');
    });

    it('a duplicate further down the list is reported as duplicate', () => {
      expect(() =>
        berekenCarryOver([
          { halfjaar: '2026-H1', taakstelling: 1, gehuisvest: 1 },
          { halfjaar: '2026-H2', taakstelling: 1, gehuisvest: 1 },
          { halfjaar: '2026-H1', taakstelling: 1, gehuisvest: 1 },
        ]),
      ).toThrow(fout('HALFJAAR_DUBBEL'));
    });

    it('a gap', () => {
      expect(() =>
        berekenCarryOver([
          { halfjaar: '2025-H2', taakstelling: 1, gehuisvest: 1 },
          { halfjaar: '2026-H2', taakstelling: 1, gehuisvest: 1 },
        ]),
      ).toThrow('Na 2025-H2 ontbreekt 2026-H1');
    });

    it('negative and fractional numbers of persons', () => {
      expect(() => berekenCarryOver([{ halfjaar: '2026-H1', taakstelling: -1, gehuisvest: 0 }])).toThrow(
        'De taakstelling voor 2026-H1 mag niet negatief zijn (-1)',
      );
      expect(() => berekenCarryOver([{ halfjaar: '2026-H1', taakstelling: 1, gehuisvest: -4 }])).toThrow(
        fout('NEGATIEF_AANTAL'),
      );
      expect(() => berekenCarryOver([{ halfjaar: '2026-H1', taakstelling: 2.5, gehuisvest: 0 }])).toThrow(
        fout('GEEN_GEHEEL_AANTAL'),
      );
      expect(() =>
        berekenCarryOver([{ halfjaar: '2026-H1', taakstelling: Number.NaN, gehuisvest: 0 }]),
      ).toThrow(fout('GEEN_GEHEEL_AANTAL'));
      expect(() => berekenCarryOver([], { beginSaldo: 0.5 })).toThrow(fout('GEEN_GEHEEL_AANTAL'));
    });

    it('garbage half-year codes', () => {
      expect(() => berekenCarryOver([{ halfjaar: '2026-Q1', taakstelling: 1, gehuisvest: 1 }])).toThrow(
        fout('ONGELDIG_HALFJAAR'),
      );
    });
  });

  it('has Dutch status labels', () => {
    expect(statushoudersStatusLabel('ACHTERSTAND')).toBe('Achterstand');
    expect(statushoudersStatusLabel('GEHAALD')).toBe('Taakstelling gehaald');
  });
});
