import {
  formatHalfjaar,
  halfjaarEinde,
  halfjaarLabel,
  halfjaarLabelKort,
  halfjaarStart,
  halfjaarVanDatum,
  halfjarenTussen,
  halfjaarVolgnummer,
  isHalfjaarCode,
  maakHalfjaar,
  parseHalfjaar,
  vergelijkHalfjaar,
  volgendHalfjaar,
  vorigHalfjaar,
} from './halfjaar';

const h = parseHalfjaar;

describe('halfjaar', () => {
  it('round-trips the code format', () => {
    expect(parseHalfjaar('2026-H2')).toEqual({ jaar: 2026, nummer: 2 });
    expect(formatHalfjaar(parseHalfjaar('2026-h1'))).toBe('2026-H1');
  });

  it.each(['2026-H3', '2026-H0', '2026-Q1', '2026H1', 'H1 2026', 'abc'])('rejects %p', (code) => {
    expect(() => parseHalfjaar(code)).toThrow(expect.objectContaining({ code: 'ONGELDIG_HALFJAAR' }));
    expect(() => parseHalfjaar(code)).toThrow('geen geldig halfjaar');
  });

  it('validates numbers', () => {
    expect(() => maakHalfjaar(2026, 3)).toThrow('Halfjaarnummer 3 bestaat niet (1 tot en met 2)');
    expect(isHalfjaarCode('2026-H2')).toBe(true);
    expect(isHalfjaarCode('2026-H3')).toBe(false);
  });

  it('labels in Dutch', () => {
    expect(halfjaarLabel(h('2026-H1'))).toBe('1e halfjaar 2026');
    expect(halfjaarLabelKort(h('2026-H2'))).toBe('2026 H2');
  });

  it('splits the year at 1 July', () => {
    expect(formatHalfjaar(halfjaarVanDatum('2026-06-30'))).toBe('2026-H1');
    expect(formatHalfjaar(halfjaarVanDatum('2026-07-01'))).toBe('2026-H2');
    expect(halfjaarStart(h('2026-H2'))).toBe('2026-07-01');
    expect(halfjaarEinde(h('2026-H1'))).toBe('2026-06-30');
    expect(halfjaarEinde(h('2026-H2'))).toBe('2026-12-31');
  });

  it('steps and lists across years', () => {
    expect(formatHalfjaar(volgendHalfjaar(h('2026-H2')))).toBe('2027-H1');
    expect(formatHalfjaar(vorigHalfjaar(h('2026-H1')))).toBe('2025-H2');
    expect(halfjarenTussen(h('2025-H2'), h('2026-H2')).map(formatHalfjaar)).toEqual([
      '2025-H2',
      '2026-H1',
      '2026-H2',
    ]);
    expect(halfjarenTussen(h('2026-H2'), h('2026-H1'))).toEqual([]);
    expect(vergelijkHalfjaar(h('2026-H1'), h('2025-H2'))).toBeGreaterThan(0);
  });
});

describe('halfjaarVolgnummer', () => {
  it('numbers half years on one running scale (jaar × 2 + nummer − 1)', () => {
    expect(halfjaarVolgnummer(h('2026-H1'))).toBe(2026 * 2);
    expect(halfjaarVolgnummer(h('2026-H2'))).toBe(2026 * 2 + 1);
  });

  it('steps by one across a year boundary and orders like vergelijkHalfjaar', () => {
    expect(halfjaarVolgnummer(h('2026-H1')) - halfjaarVolgnummer(h('2025-H2'))).toBe(1);
    expect(halfjaarVolgnummer(volgendHalfjaar(h('2025-H2')))).toBe(halfjaarVolgnummer(h('2025-H2')) + 1);
    const a = h('2024-H2');
    const b = h('2025-H1');
    expect(Math.sign(halfjaarVolgnummer(a) - halfjaarVolgnummer(b))).toBe(Math.sign(vergelijkHalfjaar(a, b)));
  });
});
