import { cyclusDatums, evaluatieAfgerondOp, type CyclusAfspraak } from './cyclus-datums';

const pa = (over: Partial<CyclusAfspraak>): CyclusAfspraak => ({
  isBod: false,
  jaarVan: 2027,
  jaarTot: 2027,
  ingediendOp: null,
  vastgesteldOp: null,
  ...over,
});

describe('cyclusDatums', () => {
  it('takes the first bod put up for signing in the cycle year for the next year', () => {
    const r = cyclusDatums(2026, [
      pa({ isBod: true, ingediendOp: '2026-06-20' }),
      pa({ isBod: true, ingediendOp: '2026-05-02' }),
      pa({ isBod: false, ingediendOp: '2026-03-01' }),
    ]);
    expect(r.bodOntvangenOp).toBe('2026-05-02');
  });

  it('ignores bods from another year and afspraken that do not cover the next year', () => {
    const r = cyclusDatums(2026, [
      pa({ isBod: true, jaarVan: 2026, jaarTot: 2029, ingediendOp: '2025-06-01' }),
      pa({ isBod: true, jaarVan: 2026, jaarTot: 2026, ingediendOp: '2026-06-01' }),
    ]);
    expect(r.bodOntvangenOp).toBeNull();
  });

  it('prefers a vaststelling in the cycle year, then an earlier multi-year one, then a late one', () => {
    const kader = pa({ jaarVan: 2026, jaarTot: 2029, vastgesteldOp: '2025-12-01' });
    const ouder = pa({ jaarVan: 2024, jaarTot: 2027, vastgesteldOp: '2023-11-01' });
    const dit = pa({ vastgesteldOp: '2026-12-10' });
    const laat = pa({ vastgesteldOp: '2027-01-20' });
    expect(cyclusDatums(2026, [kader, ouder, dit, laat]).vastgesteldOp).toBe('2026-12-10');
    expect(cyclusDatums(2026, [kader, ouder, laat]).vastgesteldOp).toBe('2025-12-01');
    expect(cyclusDatums(2026, [laat]).vastgesteldOp).toBe('2027-01-20');
    expect(
      cyclusDatums(2026, [pa({ jaarVan: 2026, jaarTot: 2026, vastgesteldOp: '2026-01-05' })]).vastgesteldOp,
    ).toBeNull();
  });
});

describe('cyclusDatums with the bod as its own object (issue 12)', () => {
  it('takes the first sent bod of the cycle year before older isBod prestatieafspraken', () => {
    const oud = pa({ isBod: true, ingediendOp: '2026-05-02' });
    expect(
      cyclusDatums(
        2026,
        [oud],
        [
          { jaar: 2026, verzondenOp: '2026-07-03' },
          { jaar: 2026, verzondenOp: '2026-06-20' },
        ],
      ).bodOntvangenOp,
    ).toBe('2026-06-20');
    expect(cyclusDatums(2026, [oud], [{ jaar: 2025, verzondenOp: '2025-06-20' }]).bodOntvangenOp).toBe(
      '2026-05-02',
    );
    expect(cyclusDatums(2026, [], [{ jaar: 2027, verzondenOp: '2026-11-29' }]).bodOntvangenOp).toBeNull();
  });

  it('marks the evaluation done when every prestatieafspraak of the year has a fixed one', () => {
    expect(evaluatieAfgerondOp([], [])).toBeNull();
    const evaluaties = [
      { prestatieafspraakId: 'a', vastgesteldOp: '2026-03-01' },
      { prestatieafspraakId: 'b', vastgesteldOp: null },
    ];
    expect(evaluatieAfgerondOp(['a', 'b'], evaluaties)).toBeNull();
    expect(evaluatieAfgerondOp(['a'], evaluaties)).toBe('2026-03-01');
    expect(
      evaluatieAfgerondOp(
        ['a', 'b'],
        [evaluaties[0], { prestatieafspraakId: 'b', vastgesteldOp: '2026-04-02' }],
      ),
    ).toBe('2026-04-02');
  });
});
