import { maakGemeenteZoeker } from '@thuismonitor/domain';
import { leesCoaBestand, leesMaand } from './coa-bestand';

/** The COA file layout defined in coa-bestand.ts (docs/decisions.md: no public machine layout found). */
describe('COA file', () => {
  const gemeenten = [
    { code: 'GM0344', naam: 'Utrecht' },
    { code: 'GM0307', naam: 'Amersfoort' },
    { code: 'GM0518', naam: "'s-Gravenhage" },
    { code: 'GM0373', naam: 'Bergen (NH.)' },
    { code: 'GM0893', naam: 'Bergen (L.)' },
  ];
  const codes = new Set(gemeenten.map((g) => g.code));
  const lees = (inhoud: string, huidig = '2026-11-01') =>
    leesCoaBestand(inhoud, (c) => codes.has(c), maakGemeenteZoeker(gemeenten), huidig);

  it('reads months in the usual spellings, and nothing else', () => {
    expect(
      ['2026-01', '2026-1', '01-2026', '1/2026', 'januari 2026', 'Jan 2026', 'sept. 2026'].map(leesMaand),
    ).toEqual([
      '2026-01-01',
      '2026-01-01',
      '2026-01-01',
      '2026-01-01',
      '2026-01-01',
      '2026-01-01',
      '2026-09-01',
    ]);
    for (const fout of ['2026-13', '2026', '13-2026', 'ma 2026', '2026-01-15', '1899-01', ''])
      expect({ fout, maand: leesMaand(fout) }).toEqual({ fout, maand: undefined });
  });

  it('reads codes in three forms, names with aliases, either separator, BOM and quotes', () => {
    const r = lees(
      '\uFEFF"Gemeente";"Maand";"Aantal personen";"Gemeentecode"\r\n' +
        '"Utrecht";"2026-01";"12";"GM0344"\r\n' +
        'Den Haag;2026-01;7;\r\n' +
        'Bergen (NH.);2026-01;1;\r\n' +
        ';2026-02;0;307\r\n\r\n',
    );
    expect(r).toEqual({
      ok: true,
      rijen: [
        { gemeenteCode: 'GM0344', maand: '2026-01-01', personen: 12 },
        { gemeenteCode: 'GM0518', maand: '2026-01-01', personen: 7 },
        { gemeenteCode: 'GM0373', maand: '2026-01-01', personen: 1 },
        { gemeenteCode: 'GM0307', maand: '2026-02-01', personen: 0 },
      ],
    });
    expect(lees('gemeentecode,maand,personen\nGM0344,2026-03,"1 204"\n')).toEqual({
      ok: true,
      rijen: [{ gemeenteCode: 'GM0344', maand: '2026-03-01', personen: 1204 }],
    });
  });

  it('the current month is allowed, the next one is not', () => {
    expect(lees('gemeentecode;maand;personen\nGM0344;2026-11;1').ok).toBe(true);
    expect(lees('gemeentecode;maand;personen\nGM0344;2026-12;1')).toEqual({
      ok: false,
      fouten: [{ regel: 2, melding: 'Regel 2: maand december 2026 ligt in de toekomst.' }],
    });
  });

  it('an error quotes at most 80 characters of a cell, not the whole field', () => {
    const r = lees(`gemeentecode;maand;personen\n${'G'.repeat(100_000)};2026-01;1`);
    expect(r.ok).toBe(false);
    const melding = (r as { fouten: { melding: string }[] }).fouten[0].melding;
    expect(melding).toBe(`Regel 2: gemeentecode "${'G'.repeat(80)}…" bestaat niet.`);
  });

  it('a header alone, or only empty lines, is no data', () => {
    expect(lees('gemeentecode;maand;personen\n\n')).toEqual({
      ok: false,
      fouten: [{ regel: 2, melding: 'Het bestand bevat geen gegevensregels.' }],
    });
  });
});
