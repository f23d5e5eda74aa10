import {
  BETAALBARE_SEGMENTEN,
  NIEUWBOUW_FASEN,
  SEGMENTEN,
  controleerFaseOvergang,
  faseOvergangToegestaan,
  isNieuwbouwFase,
  isSegment,
  nieuwbouwFaseLabel,
  parseSegment,
  segmentLabel,
} from './segment';
import { DomainError } from './domain-error';

describe('segment', () => {
  it('labels every segment distinctly', () => {
    expect(new Set(SEGMENTEN.map(segmentLabel)).size).toBe(SEGMENTEN.length);
    expect(segmentLabel('KOOP_BETAALBAAR')).toBe('Betaalbare koop');
  });

  it('betaalbaar = sociale huur + middenhuur + betaalbare koop', () => {
    expect([...BETAALBARE_SEGMENTEN].sort()).toEqual(['KOOP_BETAALBAAR', 'MIDDENHUUR', 'SOCIALE_HUUR']);
  });

  it.each([
    ['SOCIALE_HUUR', 'SOCIALE_HUUR'],
    ['sociale huur', 'SOCIALE_HUUR'],
    ['Sociaal', 'SOCIALE_HUUR'],
    ['DAEB', 'SOCIALE_HUUR'],
    ['Middeldure huur', 'MIDDENHUUR'],
    ['vrije-sector', 'VRIJE_SECTOR_HUUR'],
    ['geliberaliseerd', 'VRIJE_SECTOR_HUUR'],
    ['betaalbare koop', 'KOOP_BETAALBAAR'],
    ['koop_vrij', 'KOOP_VRIJ'],
  ])('parses %p', (tekst, verwacht) => {
    expect(parseSegment(tekst)).toBe(verwacht);
  });

  it('leaves ambiguous or empty text unrecognised', () => {
    expect(parseSegment('koop')).toBeUndefined();
    expect(parseSegment('huur')).toBeUndefined();
    expect(parseSegment('')).toBeUndefined();
    expect(isSegment('MIDDENHUUR')).toBe(true);
    expect(isSegment('middenhuur')).toBe(false);
  });
});

describe('nieuwbouw fasen', () => {
  it('has four phases in order with Dutch labels', () => {
    expect(NIEUWBOUW_FASEN).toEqual(['PLAN', 'VERGUND', 'IN_AANBOUW', 'OPGELEVERD']);
    expect(nieuwbouwFaseLabel('IN_AANBOUW')).toBe('In aanbouw');
    expect(isNieuwbouwFase('OPGELEVERD')).toBe(true);
    expect(isNieuwbouwFase('GESLOOPT')).toBe(false);
  });

  it('allows every forward step, skips included, and nothing else', () => {
    for (const [i, van] of NIEUWBOUW_FASEN.entries()) {
      for (const [j, naar] of NIEUWBOUW_FASEN.entries()) {
        expect(faseOvergangToegestaan(van, naar)).toBe(j > i);
      }
    }
    expect(faseOvergangToegestaan('PLAN', 'OPGELEVERD')).toBe(true);
  });

  it('explains refused transitions in Dutch', () => {
    expect(() => controleerFaseOvergang('OPGELEVERD', 'IN_AANBOUW')).toThrow(
      "Een project kan niet terug van 'Opgeleverd' naar 'In aanbouw'",
    );
    expect(() => controleerFaseOvergang('VERGUND', 'VERGUND')).toThrow("al in de fase 'Vergund'");
    expect(() => controleerFaseOvergang('PLAN', 'IN_AANBOUW')).not.toThrow();
    expect(() => controleerFaseOvergang('VERGUND', 'PLAN')).toThrow(
      expect.objectContaining({ code: 'ONGELDIGE_FASE_OVERGANG' }),
    );
    expect(() => controleerFaseOvergang('VERGUND', 'PLAN')).toThrow(DomainError);
  });
});
