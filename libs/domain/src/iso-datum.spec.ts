import {
  bestaatDatum,
  dagNummer,
  isIsoDatum,
  isoVanDagNummer,
  maakIsoDatum,
  parseIsoDatum,
  plusDagen,
  vergelijkIsoDatum,
} from './iso-datum';
import { DomainError } from './domain-error';

describe('iso-datum', () => {
  it('knows leap years, including the century rules', () => {
    expect(bestaatDatum(2024, 2, 29)).toBe(true);
    expect(bestaatDatum(2026, 2, 29)).toBe(false);
    expect(bestaatDatum(1900, 2, 29)).toBe(false);
    expect(bestaatDatum(2000, 2, 29)).toBe(true);
    expect(bestaatDatum(2026, 4, 31)).toBe(false);
    expect(bestaatDatum(2026, 13, 1)).toBe(false);
    expect(bestaatDatum(2026, 1, 0)).toBe(false);
  });

  it('isIsoDatum rejects wrong shapes and impossible dates', () => {
    expect(isIsoDatum('2026-12-31')).toBe(true);
    expect(isIsoDatum('2026-2-3')).toBe(false);
    expect(isIsoDatum('2026-02-30')).toBe(false);
    expect(isIsoDatum(' 2026-01-01')).toBe(false);
    expect(isIsoDatum(20260101)).toBe(false);
  });

  it('parseIsoDatum tells a bad format from a non-existent date', () => {
    expect(parseIsoDatum('2026-03-09')).toEqual({ jaar: 2026, maand: 3, dag: 9 });
    expect(() => parseIsoDatum('09-03-2026')).toThrow('jjjj-mm-dd');
    expect(() => parseIsoDatum('2026-02-31')).toThrow("Datum '2026-02-31' bestaat niet");
    expect(() => parseIsoDatum('x')).toThrow(expect.objectContaining({ code: 'ONGELDIGE_DATUM' }));
    expect(() => parseIsoDatum('x')).toThrow(DomainError);
  });

  it('maakIsoDatum pads and validates', () => {
    expect(maakIsoDatum(2026, 1, 5)).toBe('2026-01-05');
    expect(() => maakIsoDatum(2026, 2, 29)).toThrow(DomainError);
  });

  it('counts days across DST changes and leap days', () => {
    // the night of the switch to summer time in Amsterdam is still one calendar day
    expect(dagNummer('2026-03-30') - dagNummer('2026-03-29')).toBe(1);
    expect(dagNummer('2024-03-01') - dagNummer('2024-02-28')).toBe(2);
    expect(dagNummer('1970-01-01')).toBe(0);
    expect(isoVanDagNummer(dagNummer('2026-12-31') + 1)).toBe('2027-01-01');
    expect(plusDagen('2024-02-28', 1)).toBe('2024-02-29');
    expect(plusDagen('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('vergelijkIsoDatum orders dates', () => {
    expect(vergelijkIsoDatum('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(vergelijkIsoDatum('2026-01-02', '2026-01-02')).toBe(0);
    expect(() => vergelijkIsoDatum('2026-01-02', 'morgen')).toThrow(DomainError);
  });
});
