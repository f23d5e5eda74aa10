import { startTestApp, type TestApp } from './support/test-app';

/**
 * Review of session 5 (docs/decisions.md "Review of session 5"): toewijzingen per urgentie
 * category are protected (detentie is justice-adjacent, several categories health-adjacent). They
 * were released to non-owners as base cells of their own (gemeente, corporatie, quarter, category),
 * rounded independently of the released toewijzing cells (gemeente, corporatie, quarter,
 * aandachtsgroep, via urgentie). Two partitions of the same households, rounded apart, are undone
 * by differencing: a via-urgentie cell of 9 (released as is) minus a category of 7 (released as
 * is) gives the other category's 2 exactly. The attacker here is the provincie, over real HTTP.
 */
const VOORTGANG = `query ($s: GebiedSoort!, $c: String!) { voortgang(gebied: { soort: $s, code: $c }, jaar: 2023) {
  actielijnen { indicatoren { code realisatie { waarde } } }
  urgentie { detentie toelichting categorieen { code huishoudens exact } } } }`;

describe('urgentie categories cannot be recovered by differencing (attack)', () => {
  let t: TestApp;
  let domstad: string;
  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
    const via = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM toewijzing WHERE gemeente_code = 'GM0344' AND via_urgentie
             AND datum BETWEEN '2023-01-01' AND '2023-12-31'`,
        )
      ).rows[0].n as number;
    // the derivation below is exact only when these are the quarter's only urgent households
    expect(await via()).toBe(0);
    // one closed quarter, one corporatie, regulier, all via urgentie: 7 mantelzorg, 2 detentie
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, via_urgentie,
                               urgentie_categorie, extern_kenmerk)
       SELECT $1, 'GM0344', '2023-02-01'::date + n, NULL, 1, true,
              CASE WHEN n <= 7 THEN 'MANTELZORG' ELSE 'UITSTROOM_DETENTIE' END, 'urg-aanval-' || n
       FROM generate_series(1, 9) AS n`,
      [domstad],
    );
    expect(await via()).toBe(9);
  });
  afterAll(() => t.close());

  const lees = async (account: string, s: string, c: string) => {
    const v = (await t.ok(account, VOORTGANG, { s, c })).voortgang;
    const indicatoren = v.actielijnen.flatMap(
      (a: { indicatoren: { code: string; realisatie: { waarde: number } | null }[] }) => a.indicatoren,
    );
    const viaUrgentie = indicatoren.find((i: { code: string }) => i.code === 'TOEWIJZINGEN_VIA_URGENTIE')
      .realisatie.waarde as number;
    const cat = new Map<string, number>(
      v.urgentie.categorieen.map((c: { code: string; huishoudens: number }) => [c.code, c.huishoudens]),
    );
    return { viaUrgentie, cat, urgentie: v.urgentie };
  };

  it('the provincie cannot get the 2 detentie households as via urgentie minus the other categories', async () => {
    for (const [s, c] of [
      ['GEMEENTE', 'GM0344'],
      ['PROVINCIE', 'PV26'],
    ]) {
      const { viaUrgentie, cat } = await lees('provincie.utrecht', s, c);
      const afgeleid = viaUrgentie - (cat.get('MANTELZORG') ?? 0);
      // recovered = a whole number 1–4 equal to the truth (docs/decisions.md "Attack suite")
      expect(afgeleid).not.toBe(2);
      expect(cat.get('UITSTROOM_DETENTIE') ?? 0).not.toBe(2);
    }
  });

  it('the owners keep their exact figures per category', async () => {
    for (const account of ['gemeente.utrecht', 'corporatie.domstad']) {
      const { viaUrgentie, cat, urgentie } = await lees(account, 'GEMEENTE', 'GM0344');
      expect(viaUrgentie).toBe(9);
      expect(Object.fromEntries(cat)).toEqual({ MANTELZORG: 7, UITSTROOM_DETENTIE: 2 });
      expect(urgentie.detentie).toBe(2);
    }
  });

  it('a non-owner is told why it sees no categories of others, whether or not there are any', async () => {
    const { urgentie } = await lees('provincie.utrecht', 'PROVINCIE', 'PV26');
    expect(urgentie.categorieen).toEqual([]);
    expect(urgentie.toelichting).toMatch(/alleen .*eigen toewijzingen/);
    const leeg = (await t.ok('provincie.utrecht', VOORTGANG, { s: 'GEMEENTE', c: 'GM0356' })).voortgang
      .urgentie;
    expect(leeg.toelichting).toBe(urgentie.toelichting);
  });
});
