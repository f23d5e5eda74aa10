import { toewijzingIndicatoren } from '../src/publicatie/publicatie-indicatoren';
import type { ToewijzingCelRij } from '../src/publicatie/publicatie.repository';

/** Rows of toewijzingCellen → catalogue indicators: each indicator a sum of rows, written out by hand here. */
const rij = (
  gemeente: string,
  aandachtsgroep: ToewijzingCelRij['aandachtsgroep'],
  viaUrgentie: boolean,
  eigen: boolean,
  huishoudens: number,
  personen: number,
): ToewijzingCelRij => ({ gemeente, aandachtsgroep, viaUrgentie, eigen, huishoudens, personen });

const RIJEN = [
  rij('GM0344', 'STATUSHOUDERS', false, true, 3, 7),
  rij('GM0344', 'STATUSHOUDERS', false, false, 5, 11),
  rij('GM0344', 'URGENTEN', true, true, 7, 14),
  rij('GM0344', null, false, false, 10, 19),
  rij('GM0307', null, true, false, 5, 11),
  rij('GM0307', 'OUDEREN', false, true, 2, 2),
];

describe('toewijzingIndicatoren', () => {
  const ind = toewijzingIndicatoren(RIJEN);

  it('TOTAAL is every row, VIA_URGENTIE the urgent rows, a group its rows; own and others apart', () => {
    expect(ind.get('TOEWIJZINGEN_TOTAAL')!.totaal).toEqual({ eigen: 12, anderen: 20, totaal: 32 });
    expect(ind.get('TOEWIJZINGEN_VIA_URGENTIE')!.totaal).toEqual({ eigen: 7, anderen: 5, totaal: 12 });
    expect(ind.get('TOEWIJZINGEN_STATUSHOUDERS')!.perGemeente.get('GM0344')).toEqual({
      eigen: 3,
      anderen: 5,
      totaal: 8,
    });
    expect(ind.get('TOEWIJZINGEN_OUDEREN')!.perGemeente.get('GM0307')).toEqual({
      eigen: 2,
      anderen: 0,
      totaal: 2,
    });
    expect(ind.get('TOEWIJZINGEN_DAK_EN_THUISLOZEN')!.totaal.totaal).toBe(0);
  });

  it('the area total is the sum of the gemeenten, for every indicator', () => {
    for (const [, v] of ind) {
      const som = [...v.perGemeente.values()].reduce((s, d) => s + d.totaal, 0);
      expect(som).toBe(v.totaal.totaal);
    }
  });

  it('statushouders persons: from the released rows, or the public exact figure when given', () => {
    expect(ind.get('STATUSHOUDERS_GEHUISVEST')!.totaal.totaal).toBe(18);
    const publiek = toewijzingIndicatoren(RIJEN, [{ gemeente: 'GM0344', personen: 16 }]);
    expect(publiek.get('STATUSHOUDERS_GEHUISVEST')!.totaal).toEqual({ eigen: 16, anderen: 0, totaal: 16 });
  });
});
