import {
  aandeelPercentage,
  kwartalenBinnenPeriode,
  laatsteAfgeslotenKwartaal,
  oudsteGeldigeStandKwartaal,
  peildatum,
} from './realisatie-periode';
import { formatKwartaal, kwartaalVolgnummer } from './kwartaal';
import { maakPeriode, periodeVoorJaar } from './periode';

describe('realisatie over a period', () => {
  it('lists the quarters wholly inside a period', () => {
    const k = (p: ReturnType<typeof maakPeriode>) => {
      const r = kwartalenBinnenPeriode(p);
      return r && `${formatKwartaal(r.van)}..${formatKwartaal(r.tot)}`;
    };
    expect(k(periodeVoorJaar(2026))).toBe('2026-Q1..2026-Q4');
    expect(k(maakPeriode('2026-02-15', '2026-12-31'))).toBe('2026-Q2..2026-Q4');
    expect(k(maakPeriode('2025-10-01', '2026-03-30'))).toBe('2025-Q4..2025-Q4');
    expect(k(maakPeriode('2026-02-01', '2026-03-31'))).toBeUndefined();
  });

  it('reads a stand at the end of the period, or today while it runs', () => {
    expect(peildatum(periodeVoorJaar(2025), '2026-05-01')).toBe('2025-12-31');
    expect(peildatum(periodeVoorJaar(2026), '2026-05-01')).toBe('2026-05-01');
  });

  it('knows the last quarter that has ended', () => {
    expect(formatKwartaal(laatsteAfgeslotenKwartaal('2026-03-31'))).toBe('2026-Q1');
    expect(formatKwartaal(laatsteAfgeslotenKwartaal('2026-03-30'))).toBe('2025-Q4');
    expect(formatKwartaal(laatsteAfgeslotenKwartaal('2026-12-31'))).toBe('2026-Q4');
    expect(kwartaalVolgnummer(laatsteAfgeslotenKwartaal('2026-07-01'))).toBe(2026 * 4 + 1);
  });

  it('counts a stand for four quarters: older figures are from reporters that stopped', () => {
    expect(formatKwartaal(oudsteGeldigeStandKwartaal('2025-12-31'))).toBe('2025-Q1');
    expect(formatKwartaal(oudsteGeldigeStandKwartaal('2026-03-30'))).toBe('2025-Q1');
    expect(formatKwartaal(oudsteGeldigeStandKwartaal('2026-03-31'))).toBe('2025-Q2');
  });

  it('computes a share in percentage points, none without a denominator', () => {
    expect(aandeelPercentage(30, 100)).toBe(30);
    expect(aandeelPercentage(1, 3)).toBe(33.33);
    expect(aandeelPercentage(5, 0)).toBeNull();
  });
});
