import { startTestApp, type TestApp } from './support/test-app';

/**
 * Statushouders: the national policy by date (issue 12; docs/decisions.md "Statushouders: national
 * policy by date"). Reference data seeded with the current state (Huisvestingswet 2014 art. 28: a
 * half-yearly taakstelling; voorrang mandatory, allowed but no longer mandatory from 1 July 2017, Kamerstukken 34454). The
 * announced ban on voorrang (Kamerstukken 36831) is not law, so no end date is seeded: the platform
 * operator records one. A half year that starts on or after a date without taakstelling gets no
 * target, no judgement and no interventieladder step; earlier half years keep theirs.
 */
const BELEID = `{ statushoudersBeleid { geldigVan taakstelling voorrang voorrangLabel toelichting bron } }`;
const ZET = `mutation ($i: StatushoudersBeleidInvoer!) { zetStatushoudersBeleid(invoer: $i) { geldigVan taakstelling voorrang } }`;
const STATUSHOUDERS = `query ($g: String!, $van: String!, $tot: String!) { statushoudersTaakstelling(gemeenteCode: $g, van: $van, tot: $tot) {
  halfjaren { halfjaar taakstelling meegenomen teRealiseren gehuisvest saldo status statusLabel beoordeeld beleidToelichting } } }`;
const PROVINCIE = `query ($p: String!, $van: String!, $tot: String!) { statushoudersTaakstellingProvincie(provincieCode: $p, van: $van, tot: $tot) {
  gemeentenMetAchterstand gemeenten { gemeente { code } halfjaren { halfjaar status beoordeeld } } } }`;
const STEL = `mutation ($i: StelInterventieInput!) { stelStatushoudersInterventie(invoer: $i) { halfjaar trede } }`;
const STEL_TAAK = `mutation ($i: StelTaakstellingInput!) { stelTaakstelling(invoer: $i) { id } }`;

const EINDE = {
  geldigVan: '2026-01-01',
  taakstelling: false,
  voorrang: 'VERBODEN',
  toelichting: 'Het Rijk stelt geen halfjaarlijkse taakstelling meer (testbeleid).',
  bron: 'Stb. 2099, 1 (voorbeeld)',
};

describe('statushouders: national policy by date', () => {
  let t: TestApp;
  const rijen = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM statushouders_beleid`)).rows[0].n;
  const audits = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE actie = 'ZET_STATUSHOUDERS_BELEID'`))
      .rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [halfjaar, waarde] of [
      ['2025-H2', 20],
      ['2026-H1', 30],
    ] as const)
      await t.ok('bzk.analist', STEL_TAAK, {
        i: {
          indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
          gebied: { soort: 'GEMEENTE', code: 'GM0344' },
          halfjaar,
          waarde,
        },
      });
    const domstad = await t.orgId('L0801');
    // Utrecht houses 5 persons in 2025-H2 (achterstand 15) and 4 in 2026-H1
    for (const [datum, grootte, k] of [
      ['2025-09-01', 5, 'b1'],
      ['2026-02-01', 4, 'b2'],
    ] as [string, number, string][])
      await t.db.query(
        `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
         VALUES ($1, 'GM0344', $2, 'STATUSHOUDERS', $3, $4)`,
        [domstad, datum, grootte, k],
      );
  });
  afterAll(() => t.close());

  it('is seeded with the current state and its source; everyone may read it', async () => {
    for (const wie of ['gemeente.utrecht', 'corporatie.domstad', 'provincie.utrecht']) {
      const r = await t.ok(wie, BELEID);
      expect(r.statushoudersBeleid).toEqual([
        expect.objectContaining({ geldigVan: '2015-01-01', taakstelling: true, voorrang: 'VERPLICHT' }),
        expect.objectContaining({ geldigVan: '2017-07-01', taakstelling: true, voorrang: 'TOEGESTAAN' }),
      ]);
      expect(r.statushoudersBeleid[1].bron).toMatch(/Huisvestingswet 2014, art\. 28.*34454.*36831/);
    }
  });

  it('before any change every half year is judged', async () => {
    const r = await t.ok('gemeente.utrecht', STATUSHOUDERS, { g: 'GM0344', van: '2025-H2', tot: '2026-H1' });
    expect(r.statushoudersTaakstelling.halfjaren).toMatchObject([
      {
        halfjaar: '2025-H2',
        taakstelling: 20,
        saldo: 15,
        status: 'ACHTERSTAND',
        beoordeeld: true,
        beleidToelichting: null,
      },
      {
        halfjaar: '2026-H1',
        taakstelling: 30,
        meegenomen: 15,
        saldo: 41,
        status: 'ACHTERSTAND',
        beoordeeld: true,
      },
    ]);
  });

  it.each(['bzk.analist', 'provincie.utrecht', 'gemeente.utrecht', 'corporatie.domstad'])(
    '%s may not record a policy: answered as a missing record, nothing stored or audited',
    async (wie) => {
      const r = await t.gql(wie, ZET, { i: EINDE });
      expect(r.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
      expect(r.errors?.[0].message).toBe('Het beleid is niet gevonden.');
      expect(await rijen()).toBe(2);
      expect(await audits()).toBe(0);
    },
  );

  it('refuses a date on or before the first row, in Dutch', async () => {
    const r = await t.gql('bzk.platformbeheer', ZET, { i: { ...EINDE, geldigVan: '2014-06-01' } });
    expect(r.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    expect(r.errors?.[0].message).toBe('Het beleid moet na 2015-01-01 ingaan.');
    expect(await rijen()).toBe(2);
  });

  it('the operator sets an end date: a later half year is no longer judged, an earlier one still is', async () => {
    const z = await t.ok('bzk.platformbeheer', ZET, { i: EINDE });
    expect(z.zetStatushoudersBeleid).toEqual([
      { geldigVan: '2015-01-01', taakstelling: true, voorrang: 'VERPLICHT' },
      { geldigVan: '2017-07-01', taakstelling: true, voorrang: 'TOEGESTAAN' },
      { geldigVan: '2026-01-01', taakstelling: false, voorrang: 'VERBODEN' },
    ]);
    const audit = await t.db.query(
      `SELECT entiteit_id, voor, na FROM audit_log WHERE actie = 'ZET_STATUSHOUDERS_BELEID'`,
    );
    expect(audit.rows).toEqual([
      {
        entiteit_id: '2026-01-01',
        voor: null,
        na: expect.objectContaining({ taakstelling: false, voorrang: 'VERBODEN' }),
      },
    ]);

    const r = await t.ok('gemeente.utrecht', STATUSHOUDERS, { g: 'GM0344', van: '2025-H2', tot: '2026-H1' });
    const [oud, nieuw] = r.statushoudersTaakstelling.halfjaren;
    expect(oud).toMatchObject({
      halfjaar: '2025-H2',
      taakstelling: 20,
      saldo: 15,
      status: 'ACHTERSTAND',
      beoordeeld: true,
    });
    expect(nieuw).toMatchObject({
      halfjaar: '2026-H1',
      taakstelling: 0,
      meegenomen: 0,
      teRealiseren: 0,
      gehuisvest: 4,
      saldo: 0,
      status: 'GEEN_TAAKSTELLING',
      statusLabel: 'Geen taakstelling',
      beoordeeld: false,
    });
    expect(nieuw.beleidToelichting).toMatch(
      /geen halfjaarlijkse taakstelling meer.*Stb\. 2099, 1.*2026-01-01/,
    );

    // the provincie counts no achterstand for the half year without taakstelling
    const p = await t.ok('provincie.utrecht', PROVINCIE, { p: 'PV26', van: '2026-H1', tot: '2026-H1' });
    expect(p.statushoudersTaakstellingProvincie.gemeentenMetAchterstand).toBe(0);

    // no interventieladder step for that half year; the earlier one can still get one
    const stap = (halfjaar: string) => ({
      i: { gemeenteCode: 'GM0344', halfjaar, trede: 'SIGNALERING', oordeel: 'VOLDOET_NIET' },
    });
    const geweigerd = await t.gql('provincie.utrecht', STEL, stap('2026-H1'));
    expect(geweigerd.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    expect(geweigerd.errors?.[0].message).toBe(
      'Voor 2026-H1 geldt landelijk geen taakstelling; er is geen interventiestap mogelijk.',
    );
    expect(
      (await t.ok('provincie.utrecht', STEL, stap('2025-H2'))).stelStatushoudersInterventie.halfjaar,
    ).toBe('2025-H2');
  });

  it('a row on the same date is a correction, audited with before and after', async () => {
    await t.ok('bzk.platformbeheer', ZET, { i: { ...EINDE, taakstelling: true, voorrang: 'TOEGESTAAN' } });
    expect(await rijen()).toBe(3);
    const r = await t.ok('gemeente.utrecht', STATUSHOUDERS, { g: 'GM0344', van: '2026-H1', tot: '2026-H1' });
    expect(r.statushoudersTaakstelling.halfjaren[0]).toMatchObject({
      status: 'ACHTERSTAND',
      meegenomen: 15,
      beoordeeld: true,
    });
    const audit = await t.db.query(
      `SELECT voor, na FROM audit_log WHERE actie = 'ZET_STATUSHOUDERS_BELEID' ORDER BY tijdstip DESC LIMIT 1`,
    );
    expect(audit.rows[0].voor).toMatchObject({ taakstelling: false });
    expect(audit.rows[0].na).toMatchObject({ taakstelling: true });
  });
});
