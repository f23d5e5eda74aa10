import { toewijzingBijdragen } from './toewijzing-telling';

describe('toewijzingBijdragen', () => {
  const cel = { aandachtsgroep: 'STATUSHOUDERS' as const, viaUrgentie: true, huishoudens: 3, personen: 7 };

  it('adds a cell to the total, its aandachtsgroep, via urgentie, and persons where counted', () => {
    const b = new Map(toewijzingBijdragen(cel, true));
    expect(b.get('TOEWIJZINGEN_TOTAAL')).toBe(3);
    expect(b.get('TOEWIJZINGEN_VIA_URGENTIE')).toBe(3);
    expect(b.get('TOEWIJZINGEN_STATUSHOUDERS')).toBe(3);
    expect(b.get('STATUSHOUDERS_GEHUISVEST')).toBe(7);
    expect(b.has('TOEWIJZINGEN_OUDEREN')).toBe(false);
  });

  it('leaves the persons out on request, and urgentie-only indicators for a regular cell', () => {
    const b = new Map(toewijzingBijdragen({ ...cel, viaUrgentie: false }, false));
    expect(b.has('STATUSHOUDERS_GEHUISVEST')).toBe(false);
    expect(b.has('TOEWIJZINGEN_VIA_URGENTIE')).toBe(false);
    expect(b.get('TOEWIJZINGEN_TOTAAL')).toBe(3);
  });

  it('a regulier cell (no aandachtsgroep) counts only for the all-toewijzingen indicators', () => {
    const b = toewijzingBijdragen(
      { aandachtsgroep: null, viaUrgentie: false, huishoudens: 2, personen: 5 },
      true,
    );
    expect(b).toEqual([['TOEWIJZINGEN_TOTAAL', 2]]);
  });
});
