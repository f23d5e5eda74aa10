import {
  formatKwartaal,
  isKwartaalCode,
  kwartaalEinde,
  kwartaalLabel,
  kwartaalLabelKort,
  kwartaalStart,
  kwartaalVanDatum,
  kwartalenTussen,
  kwartaalVolgnummer,
  maakKwartaal,
  parseKwartaal,
  vergelijkKwartaal,
  volgendKwartaal,
  vorigKwartaal,
} from './kwartaal';
import { DomainError } from './domain-error';

const k = parseKwartaal;

describe('kwartaal', () => {
  it('round-trips the code format', () => {
    expect(parseKwartaal('2026-Q3')).toEqual({ jaar: 2026, nummer: 3 });
    expect(formatKwartaal(parseKwartaal('2026-Q3'))).toBe('2026-Q3');
    expect(formatKwartaal(parseKwartaal(' 2026-q1 '))).toBe('2026-Q1');
  });

  it.each(['2026-Q5', '2026-Q0', '2026Q3', '26-Q3', 'Q3-2026', '2026-K3', '2026-Q3x', '', '2026-Q'])(
    'rejects %p with a Dutch message',
    (code) => {
      expect(() => parseKwartaal(code)).toThrow(expect.objectContaining({ code: 'ONGELDIG_KWARTAAL' }));
      expect(() => parseKwartaal(code)).toThrow('gebruik de vorm jjjj-Qn');
    },
  );

  it('maakKwartaal validates number and year', () => {
    expect(() => maakKwartaal(2026, 5)).toThrow('Kwartaalnummer 5 bestaat niet');
    expect(() => maakKwartaal(2026.5, 1)).toThrow(DomainError);
    expect(isKwartaalCode('2026-Q4')).toBe(true);
    expect(isKwartaalCode('2026-Q9')).toBe(false);
    expect(isKwartaalCode(20263)).toBe(false);
  });

  it('labels in Dutch, long and short', () => {
    expect(kwartaalLabel(k('2026-Q3'))).toBe('3e kwartaal 2026');
    expect(kwartaalLabel(k('2026-Q1'))).toBe('1e kwartaal 2026');
    expect(kwartaalLabelKort(k('2026-Q3'))).toBe('2026 K3');
  });

  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('puts %s in %s', (datum, code) => {
    expect(formatKwartaal(kwartaalVanDatum(datum))).toBe(code);
  });

  it('rejects impossible dates', () => {
    expect(() => kwartaalVanDatum('2026-02-30')).toThrow("Datum '2026-02-30' bestaat niet");
  });

  it('gives start and inclusive end dates', () => {
    expect(kwartaalStart(k('2026-Q1'))).toBe('2026-01-01');
    expect(kwartaalEinde(k('2026-Q1'))).toBe('2026-03-31');
    expect(kwartaalEinde(k('2026-Q2'))).toBe('2026-06-30');
    expect(kwartaalStart(k('2026-Q4'))).toBe('2026-10-01');
    expect(kwartaalEinde(k('2026-Q4'))).toBe('2026-12-31');
  });

  it('steps across year boundaries', () => {
    expect(formatKwartaal(volgendKwartaal(k('2026-Q4')))).toBe('2027-Q1');
    expect(formatKwartaal(vorigKwartaal(k('2026-Q1')))).toBe('2025-Q4');
    expect(formatKwartaal(vorigKwartaal(volgendKwartaal(k('2026-Q2'))))).toBe('2026-Q2');
  });

  it('lists quarters inclusive of both ends', () => {
    expect(kwartalenTussen(k('2025-Q3'), k('2026-Q2')).map(formatKwartaal)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(kwartalenTussen(k('2026-Q2'), k('2026-Q2'))).toHaveLength(1);
    expect(kwartalenTussen(k('2026-Q3'), k('2026-Q2'))).toEqual([]);
  });

  it('orders quarters', () => {
    expect(vergelijkKwartaal(k('2025-Q4'), k('2026-Q1'))).toBeLessThan(0);
    expect(vergelijkKwartaal(k('2026-Q1'), k('2026-Q1'))).toBe(0);
    const gesorteerd = ['2026-Q2', '2025-Q4', '2026-Q1'].map(k).sort(vergelijkKwartaal).map(formatKwartaal);
    expect(gesorteerd).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('kwartaalVolgnummer', () => {
  it('numbers quarters on one running scale (jaar × 4 + nummer − 1)', () => {
    expect(kwartaalVolgnummer(k('2026-Q1'))).toBe(2026 * 4);
    expect(kwartaalVolgnummer(k('2026-Q4'))).toBe(2026 * 4 + 3);
  });

  it('steps by one across a year boundary and orders like vergelijkKwartaal', () => {
    expect(kwartaalVolgnummer(k('2026-Q1')) - kwartaalVolgnummer(k('2025-Q4'))).toBe(1);
    expect(kwartaalVolgnummer(volgendKwartaal(k('2025-Q4')))).toBe(kwartaalVolgnummer(k('2025-Q4')) + 1);
    const a = k('2024-Q3');
    const b = k('2025-Q2');
    expect(Math.sign(kwartaalVolgnummer(a) - kwartaalVolgnummer(b))).toBe(Math.sign(vergelijkKwartaal(a, b)));
  });
});
