import {
  kwartaalEinde,
  kwartaalStart,
  kwartaalVanDatum,
  plusDagen,
  vandaagInAmsterdam,
  vorigKwartaal,
} from '@thuismonitor/domain';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Temporal differencing over HTTP (issue 9, migration 1765300000000): a non-owner who reads a
 * closed quarter before and after the owner corrects it must not see the correction, or the
 * difference of two answers is the corrected household. The owner's own figures follow it.
 */
const VOORTGANG = `query ($g: GebiedInput!, $p: DatumPeriodeInput) { voortgang(gebied: $g, periode: $p) {
  actielijnen { indicatoren { code realisatie { waarde } } }
  gemeenten { gemeente { code } indicatoren { indicatorCode realisatie { waarde } } } } }`;
const MAAK = `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { id } }`;
const WIJZIG = `mutation ($id: ID!, $input: ToewijzingWijziging!) { wijzigToewijzing(id: $id, invoer: $input) { id } }`;
const VERWIJDER = `mutation ($id: ID!) { verwijderToewijzing(id: $id) }`;

// two quarters back is always closed, whatever today is (deadline day ≤ 28 of the next month)
const gesloten = vorigKwartaal(vorigKwartaal(kwartaalVanDatum(vandaagInAmsterdam(new Date()))));
const periode = { van: kwartaalStart(gesloten), tot: kwartaalEinde(gesloten) };
const IND = 'TOEWIJZINGEN_WOONWAGENBEWONERS';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // 7 households of woonwagenbewoners in Utrecht in the closed quarter, by Domstad (one import)
  const domstad = await t.orgId('L0801');
  await t.db.query(
    `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
     SELECT $1, 'GM0344', $2, 'WOONWAGENBEWONERS', 3, 'ww-' || i FROM generate_series(1, 7) i`,
    [domstad, plusDagen(periode.van, 20)],
  );
});
afterAll(() => t?.close());

/** Utrecht's figure: its row in the provincie's table, or the gemeente's own total. */
async function utrecht(wie: string, gebied: { soort: string; code: string }): Promise<number> {
  const { voortgang } = await t.ok(wie, VOORTGANG, { g: gebied, p: periode });
  if (gebied.soort === 'GEMEENTE') {
    const alle = voortgang.actielijnen.flatMap((a: { indicatoren: unknown[] }) => a.indicatoren);
    return alle.find((i: { code: string }) => i.code === IND).realisatie.waarde;
  }
  const g = voortgang.gemeenten.find((x: { gemeente: { code: string } }) => x.gemeente.code === 'GM0344');
  return g.indicatoren.find((i: { indicatorCode: string }) => i.indicatorCode === IND).realisatie.waarde;
}
const provincie = () => utrecht('provincie.utrecht', { soort: 'PROVINCIE', code: 'PV26' });
const eigen = () => utrecht('gemeente.utrecht', { soort: 'GEMEENTE', code: 'GM0344' });

describe('a correction in a closed quarter, seen by a non-owner and by the owner', () => {
  it('deleting, changing and adding rows changes the gemeente’s exact figure, not the provincie’s', async () => {
    expect(await provincie()).toBe(7);
    expect(await eigen()).toBe(7);
    const { rows } = await t.db.query(
      `SELECT id FROM toewijzing WHERE extern_kenmerk LIKE 'ww-%' ORDER BY extern_kenmerk`,
    );

    await t.ok('corporatie.domstad', VERWIJDER, { id: rows[0].id });
    expect(await eigen()).toBe(6);
    expect(await provincie()).toBe(7); // 7 − 6 would be the deleted household

    await t.ok('corporatie.domstad', WIJZIG, {
      id: rows[1].id,
      input: {
        gemeenteCode: 'GM0344',
        datum: plusDagen(periode.van, 20),
        huishoudgrootte: 3,
        aandachtsgroep: 'OUDEREN',
      },
    });
    expect(await eigen()).toBe(5);
    expect(await provincie()).toBe(7);

    await t.ok('corporatie.domstad', MAAK, {
      input: {
        externKenmerk: 'ww-laat',
        gemeenteCode: 'GM0344',
        datum: plusDagen(periode.van, 30),
        huishoudgrootte: 2,
        aandachtsgroep: 'WOONWAGENBEWONERS',
      },
    });
    expect(await eigen()).toBe(6);
    expect(await provincie()).toBe(7);
  });
});
