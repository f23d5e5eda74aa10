import { cyclusDatums, type CyclusAfspraak } from './cyclus-datums';

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
