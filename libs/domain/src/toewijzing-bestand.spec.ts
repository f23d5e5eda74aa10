import { KenmerkRegister, MAX_IMPORT_RIJEN } from './toewijzing-bestand';

describe('KenmerkRegister', () => {
  it('accepts each kenmerk once and names the first row of a repeat', () => {
    const r = new KenmerkRegister();
    expect(r.registreer('A-1', 2)).toBeUndefined();
    expect(r.registreer('A-2', 3)).toBeUndefined();
    expect(r.registreer('A-1', 7)).toEqual({ kolom: 'extern_kenmerk', melding: "Extern kenmerk 'A-1' staat ook in rij 2" });
    expect(r.registreer('A-1', 9)?.melding).toMatch(/rij 2$/);
  });

  it('compares kenmerken exactly (they are identifiers)', () => {
    const r = new KenmerkRegister();
    r.registreer('a-1', 2);
    expect(r.registreer('A-1', 3)).toBeUndefined();
  });

  it('allows files far larger than a year of one corporatie', () => {
    expect(MAX_IMPORT_RIJEN).toBeGreaterThanOrEqual(100_000);
  });
});
