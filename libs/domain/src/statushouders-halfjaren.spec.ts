import { halfjaarVolgnummer, parseHalfjaar } from './halfjaar';
import type { StatushoudersBeleid } from './statushouders-beleid';
import { statushoudersHalfjaren, type StatushoudersGegevens } from './statushouders-halfjaren';
import type { TaakstellingRegel } from './taakstelling';

const hj = (code: string) => halfjaarVolgnummer(parseHalfjaar(code));
const regel = (van: string, tot: string, waarde: number): TaakstellingRegel => ({
  van,
  tot,
  waarde,
  gesteldDoor: 'RIJK',
});
const BELEID: StatushoudersBeleid[] = [
  {
    geldigVan: '2015-01-01',
    taakstelling: true,
    voorrang: 'TOEGESTAAN',
    toelichting: 'Halfjaarlijkse taakstelling',
    bron: 'Huisvestingswet 2014',
  },
];
const gegevens = (g: Partial<StatushoudersGegevens>): StatushoudersGegevens => ({
  regels: new Map(),
  gehuisvest: new Map(),
  coa: new Map(),
  beleid: BELEID,
  ...g,
});
const reeks = (...codes: string[]) => codes.map(parseHalfjaar);

describe('statushoudersHalfjaren', () => {
  it('numbers half years as SQL groups them (jaar * 2, +1 for H2)', () => {
    expect(hj('2026-H1')).toBe(4052);
    expect(hj('2026-H2')).toBe(4053);
  });

  it('carries the achterstand from the first target ever set into the first requested half year', () => {
    const uit = statushoudersHalfjaren(
      { gemeente: 'GM0344', voorgangers: [], reeks: reeks('2026-H1'), peil: '2026-09-01' },
      gegevens({
        regels: new Map([
          ['GM0344', [regel('2025-07-01', '2025-12-31', 20), regel('2026-01-01', '2026-06-30', 10)]],
        ]),
        gehuisvest: new Map([
          [`GM0344|${hj('2025-H2')}`, 14],
          [`GM0344|${hj('2026-H1')}`, 12],
        ]),
      }),
    );
    // only the requested half year is listed, with the 6 carried in from 2025-H2
    expect(uit).toHaveLength(1);
    expect(uit[0]).toMatchObject({
      halfjaar: '2026-H1',
      taakstelling: 10,
      meegenomen: 6,
      teRealiseren: 16,
      gehuisvest: 12,
      saldo: 4,
      status: 'ACHTERSTAND',
      statusLabel: 'Achterstand',
      taakstellingGesteld: true,
      getoetstOp: 'TOEWIJZINGEN',
      gehuisvestCoa: null,
      verschilCoa: null,
      controledatum: '2026-07-01',
      voorlopig: false,
      beoordeeld: true,
      beleidToelichting: null,
    });
  });

  it("judges on COA's figure where COA reported, and says how far it differs", () => {
    const [h] = statushoudersHalfjaren(
      { gemeente: 'GM0344', voorgangers: [], reeks: reeks('2026-H1'), peil: '2026-05-15' },
      gegevens({
        regels: new Map([['GM0344', [regel('2026-01-01', '2026-06-30', 10)]]]),
        gehuisvest: new Map([[`GM0344|${hj('2026-H1')}`, 7]]),
        coa: new Map([[`GM0344|${hj('2026-H1')}`, { personen: 11, laatste: '2026-04' }]]),
      }),
    );
    expect(h).toMatchObject({
      gehuisvest: 11,
      gehuisvestToewijzingen: 7,
      gehuisvestCoa: 11,
      coaTotMaand: '2026-04',
      verschilCoa: 4,
      getoetstOp: 'COA',
      status: 'VOORSPRONG',
      // the half year is still open on the peildatum
      voorlopig: true,
    });
  });

  it('after a herindeling counts the merged gemeente from its date on, with its own targets', () => {
    const uit = statushoudersHalfjaren(
      {
        gemeente: 'GM0001',
        voorgangers: [{ code: 'GM0002', vanaf: '2026-01-01' }],
        reeks: reeks('2025-H2', '2026-H1'),
        peil: '2026-12-31',
      },
      gegevens({
        regels: new Map([
          ['GM0001', [regel('2025-07-01', '2025-12-31', 5), regel('2026-01-01', '2026-06-30', 5)]],
          // before the herindeling: not GM0001's; after it: added
          ['GM0002', [regel('2025-07-01', '2025-12-31', 50), regel('2026-01-01', '2026-06-30', 3)]],
        ]),
        gehuisvest: new Map([
          [`GM0001|${hj('2025-H2')}`, 5],
          [`GM0002|${hj('2025-H2')}`, 40],
          [`GM0001|${hj('2026-H1')}`, 4],
          [`GM0002|${hj('2026-H1')}`, 4],
        ]),
      }),
    );
    expect(uit.map((h) => [h.halfjaar, h.taakstelling, h.gehuisvest, h.saldo])).toEqual([
      ['2025-H2', 5, 5, 0],
      ['2026-H1', 8, 8, 0],
    ]);
  });

  it('a half year without a national taakstelling is not judged and breaks the carry-over', () => {
    const beleid: StatushoudersBeleid[] = [
      ...BELEID,
      {
        geldigVan: '2026-01-01',
        taakstelling: false,
        voorrang: 'VERBODEN',
        toelichting: 'Geen taakstelling meer',
        bron: 'Kamerstukken 36831',
      },
      {
        geldigVan: '2026-07-01',
        taakstelling: true,
        voorrang: 'VERBODEN',
        toelichting: 'Weer een taakstelling',
        bron: 'Kamerstukken 36831',
      },
    ];
    const uit = statushoudersHalfjaren(
      {
        gemeente: 'GM0344',
        voorgangers: [],
        reeks: reeks('2025-H2', '2026-H1', '2026-H2'),
        peil: '2027-01-01',
      },
      gegevens({
        beleid,
        regels: new Map([
          [
            'GM0344',
            [
              regel('2025-07-01', '2025-12-31', 10),
              regel('2026-01-01', '2026-06-30', 10),
              regel('2026-07-01', '2026-12-31', 10),
            ],
          ],
        ]),
        gehuisvest: new Map([
          [`GM0344|${hj('2025-H2')}`, 4],
          [`GM0344|${hj('2026-H1')}`, 2],
          [`GM0344|${hj('2026-H2')}`, 10],
        ]),
      }),
    );
    expect(uit[0]).toMatchObject({ saldo: 6, status: 'ACHTERSTAND' });
    expect(uit[1]).toMatchObject({
      status: 'GEEN_TAAKSTELLING',
      statusLabel: 'Geen taakstelling',
      taakstelling: 0,
      gehuisvest: 2,
      taakstellingGesteld: false,
      beoordeeld: false,
      beleidToelichting: 'Geen taakstelling meer (bron: Kamerstukken 36831, vanaf 2026-01-01)',
    });
    // nothing carried across the half year without a taakstelling
    expect(uit[2]).toMatchObject({ meegenomen: 0, saldo: 0, status: 'GEHAALD' });
  });

  it('a half year without any target is 0 and says it was not set', () => {
    const [h] = statushoudersHalfjaren(
      { gemeente: 'GM0344', voorgangers: [], reeks: reeks('2026-H1'), peil: '2026-07-01' },
      gegevens({}),
    );
    expect(h).toMatchObject({
      taakstelling: 0,
      taakstellingGesteld: false,
      status: 'GEHAALD',
      voorlopig: false,
    });
  });
});
