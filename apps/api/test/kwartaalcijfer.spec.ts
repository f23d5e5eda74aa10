import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';

/**
 * Kwartaalcijfers over GraphQL: reporting by the kind the indicator catalogue names, corrections
 * with history, the werkgebied wall, and who sees which rows.
 */
describe('kwartaalcijfers (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // reported, corrected, refused: the steps build on each other (verhaal.ts)
  const stap = verhaal();

  const VELDEN = 'id indicatorCode indicatorNaam kwartaal waarde toelichting actueel vervangtId gerapporteerdDoor gemeente { code } organisatie { code }';
  const RAPPORTEER = `mutation ($input: KwartaalcijferInput!) { rapporteerKwartaalcijfer(invoer: $input) { ${VELDEN} } }`;
  const LIJST = `query ($filter: KwartaalcijferFilter) { kwartaalcijfers(filter: $filter) { indicatorCode kwartaal waarde gemeente { code } organisatie { code } } }`;
  const HISTORIE = `query ($id: ID!) { kwartaalcijferHistorie(id: $id) { id waarde actueel vervangtId toelichting } }`;
  const tel = async () => (await t.db.query(`SELECT count(*)::int AS n FROM kwartaalcijfer`)).rows[0].n as number;

  let eerste: any;
  let correctie: any;

  stap('a corporatie reports huisuitzettingen for a gemeente in its werkgebied; audited', async () => {
    eerste = (
      await t.ok('corporatie.domstad.invoer', RAPPORTEER, {
        input: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 3 },
      })
    ).rapporteerKwartaalcijfer;
    expect(eerste).toMatchObject({
      indicatorCode: 'HUISUITZETTINGEN',
      indicatorNaam: 'Huisuitzettingen',
      kwartaal: '2026-Q2',
      waarde: 3,
      actueel: true,
      vervangtId: null,
      gerapporteerdDoor: 'corporatie.domstad.invoer',
      gemeente: { code: 'GM0344' },
      organisatie: { code: 'L0801' },
    });
    const audit = await t.db.query(`SELECT actie FROM audit_log WHERE entiteit = 'kwartaalcijfer' AND entiteit_id = $1`, [eerste.id]);
    expect(audit.rows).toEqual([{ actie: 'RAPPORTEER_KWARTAALCIJFER' }]);
  });

  stap('a correction inserts a new current row, keeps the earlier one in history', async () => {
    correctie = (
      await t.ok('corporatie.domstad', RAPPORTEER, {
        input: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-q2', waarde: 4, toelichting: 'Eén uitzetting te laat verwerkt' },
      })
    ).rapporteerKwartaalcijfer;
    expect(correctie).toMatchObject({ waarde: 4, actueel: true, vervangtId: eerste.id, kwartaal: '2026-Q2' });
    const historie = await t.ok('corporatie.domstad', HISTORIE, { id: eerste.id });
    expect(historie.kwartaalcijferHistorie).toEqual([
      { id: correctie.id, waarde: 4, actueel: true, vervangtId: eerste.id, toelichting: 'Eén uitzetting te laat verwerkt' },
      { id: eerste.id, waarde: 3, actueel: false, vervangtId: null, toelichting: null },
    ]);
    // only the current figure is listed
    const lijst = await t.ok('corporatie.domstad', LIJST, { filter: { indicatorCode: 'HUISUITZETTINGEN' } });
    expect(lijst.kwartaalcijfers).toEqual([{ indicatorCode: 'HUISUITZETTINGEN', kwartaal: '2026-Q2', waarde: 4, gemeente: { code: 'GM0344' }, organisatie: { code: 'L0801' } }]);
    const audit = await t.db.query(`SELECT actie, voor->>'waarde' AS voor, na->>'waarde' AS na FROM audit_log WHERE entiteit_id = $1`, [correctie.id]);
    expect(audit.rows).toEqual([{ actie: 'CORRIGEER_KWARTAALCIJFER', voor: '3', na: '4' }]);
    // a second correction chains on the first
    const derde = (await t.ok('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 5 } }))
      .rapporteerKwartaalcijfer;
    expect(derde.vervangtId).toBe(correctie.id);
    expect((await t.ok('gemeente.utrecht', HISTORIE, { id: derde.id })).kwartaalcijferHistorie.map((k: any) => k.waarde)).toEqual([5, 4, 3]);
    const { rows } = await t.db.query(`SELECT count(*) FILTER (WHERE actueel)::int AS actueel, count(*)::int AS alle FROM kwartaalcijfer`);
    expect(rows[0]).toEqual({ actueel: 1, alle: 3 });
  });

  stap('the wrong kind is refused: a corporatie reporting zorgvraag, a zorgaanbieder reporting huisuitzettingen', async () => {
    const voor = await tel();
    const c = await t.gql('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'UITSTROOM_WACHTEND', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 7 } });
    expect(c.errors?.[0]).toMatchObject({
      extensions: { code: 'GEEN_TOEGANG' },
      message: "'Uitstroom wachtend op woonruimte' wordt gerapporteerd door zorgaanbieders; uw organisatie kan dit cijfer niet rapporteren.",
    });
    const z = await t.gql('zorg.sticht', RAPPORTEER, { input: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 1 } });
    expect(z.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    // a computed indicator cannot be overwritten by anyone
    const b = await t.gql('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'TOEWIJZINGEN_TOTAAL', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 1 } });
    expect(b.errors?.[0].extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', details: [{ veld: 'indicatorCode' }] });
    for (const als of ['provincie.utrecht', 'bzk.analist', 'huurders.domstad']) {
      const r = await t.gql(als, RAPPORTEER, { input: { indicatorCode: 'HUISUITZETTINGEN', gemeenteCode: 'GM0344', kwartaal: '2026-Q2', waarde: 1 } });
      expect([als, r.errors?.[0].extensions?.code]).toEqual([als, 'GEEN_TOEGANG']);
    }
    expect(await tel()).toBe(voor);
  });

  stap('the right kinds report: a zorgaanbieder its uitstroom, a gemeente its woningvoorraad', async () => {
    const z = await t.ok('zorg.sticht', RAPPORTEER, { input: { indicatorCode: 'UITSTROOM_WACHTEND', gemeenteCode: 'GM0307', kwartaal: '2026-Q1', waarde: 12 } });
    expect(z.rapporteerKwartaalcijfer).toMatchObject({ organisatie: { code: 'ZA-STICHTWONEN' }, gemeente: { code: 'GM0307' }, waarde: 12 });
    const g = await t.ok('gemeente.utrecht', RAPPORTEER, { input: { indicatorCode: 'WONINGVOORRAAD_TOTAAL', gemeenteCode: 'GM0344', kwartaal: '2026-Q1', waarde: 165000 } });
    expect(g.rapporteerKwartaalcijfer.waarde).toBe(165000);
  });

  stap('outside the werkgebied: refused, nothing stored', async () => {
    const voor = await tel();
    const c = await t.gql('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'SOCIALE_HUURVOORRAAD', gemeenteCode: 'GM0307', kwartaal: '2026-Q1', waarde: 100 } });
    expect(c.errors?.[0]).toMatchObject({ extensions: { code: 'GEEN_TOEGANG' }, message: expect.stringMatching(/Amersfoort hoort daar niet bij/) });
    const z = await t.gql('zorg.sticht', RAPPORTEER, { input: { indicatorCode: 'UITSTROOM_WACHTEND', gemeenteCode: 'GM1904', kwartaal: '2026-Q1', waarde: 2 } });
    expect(z.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    const g = await t.gql('gemeente.utrecht', RAPPORTEER, { input: { indicatorCode: 'WONINGVOORRAAD_TOTAAL', gemeenteCode: 'GM0307', kwartaal: '2026-Q1', waarde: 1 } });
    expect(g.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    expect(await tel()).toBe(voor);
  });

  stap('invalid values are reported per field', async () => {
    const r = await t.gql('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'SOCIALE_HUURVOORRAAD', gemeenteCode: 'GM9999', kwartaal: '2099-Q1', waarde: 2.5 } });
    expect(r.errors?.[0].extensions).toEqual({
      code: 'ONGELDIGE_INVOER',
      details: [
        { veld: 'kwartaal', melding: 'Kwartaal 2099-Q1 is nog niet begonnen' },
        { veld: 'waarde', melding: 'De waarde moet een geheel aantal zijn' },
        { veld: 'gemeenteCode', melding: "Gemeente 'GM9999' is onbekend" },
      ],
    });
  });

  describe('who sees which figures', () => {
    beforeAll(async () => {
      // the figures the story above reported (when a test here runs alone)
      await stap.alles();
      await t.ok('corporatie.domstad', RAPPORTEER, { input: { indicatorCode: 'SOCIALE_HUURVOORRAAD', gemeenteCode: 'GM0356', kwartaal: '2026-Q1', waarde: 4200 } });
      await t.ok('corporatie.eemland', RAPPORTEER, { input: { indicatorCode: 'SOCIALE_HUURVOORRAAD', gemeenteCode: 'GM0307', kwartaal: '2026-Q1', waarde: 9100 } });
    });
    const rijen = async (als: string, filter?: Record<string, unknown>) =>
      ((await t.ok(als, LIJST, { filter })).kwartaalcijfers as any[]).map((k) => `${k.organisatie.code}:${k.indicatorCode}:${k.gemeente.code}:${k.kwartaal}`).sort();

    it('own organisation, and the gemeente sees every figure about itself; nobody else', async () => {
      expect(await rijen('corporatie.domstad')).toEqual(['L0801:HUISUITZETTINGEN:GM0344:2026-Q2', 'L0801:SOCIALE_HUURVOORRAAD:GM0356:2026-Q1']);
      expect(await rijen('corporatie.eemland')).toEqual(['L0802:SOCIALE_HUURVOORRAAD:GM0307:2026-Q1']);
      expect(await rijen('gemeente.utrecht')).toEqual(['GM0344:WONINGVOORRAAD_TOTAAL:GM0344:2026-Q1', 'L0801:HUISUITZETTINGEN:GM0344:2026-Q2']);
      expect(await rijen('gemeente.amersfoort')).toEqual(['L0802:SOCIALE_HUURVOORRAAD:GM0307:2026-Q1', 'ZA-STICHTWONEN:UITSTROOM_WACHTEND:GM0307:2026-Q1']);
      expect(await rijen('zorg.sticht')).toEqual(['ZA-STICHTWONEN:UITSTROOM_WACHTEND:GM0307:2026-Q1']);
      for (const als of ['provincie.utrecht', 'bzk.analist', 'huurders.domstad']) expect([als, await rijen(als)]).toEqual([als, []]);
    });

    it('filters by kwartaal range and organisation, never widening the view', async () => {
      expect(await rijen('gemeente.utrecht', { kwartaal: '2026-Q2' })).toEqual(['L0801:HUISUITZETTINGEN:GM0344:2026-Q2']);
      expect(await rijen('corporatie.domstad', { van: '2026-Q1', tot: '2026-Q1' })).toEqual(['L0801:SOCIALE_HUURVOORRAAD:GM0356:2026-Q1']);
      expect(await rijen('corporatie.eemland', { organisatieId: await t.orgId('L0801') })).toEqual([]);
      const fout = await t.gql('gemeente.utrecht', LIJST, { filter: { kwartaal: '2026-5' } });
      expect(fout.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    });

    it('history of a figure the principal may not see answers like a missing record', async () => {
      for (const als of ['corporatie.eemland', 'gemeente.amersfoort', 'provincie.utrecht', 'zorg.sticht']) {
        const r = await t.gql(als, HISTORIE, { id: eerste.id });
        expect([als, r.errors?.[0].extensions?.code]).toEqual([als, 'NIET_GEVONDEN']);
      }
    });

    it('lists the reportable indicators with what the principal may report', async () => {
      const r = await t.ok('zorg.sticht', `{ kwartaalcijferIndicatoren { code magRapporteren } }`);
      const mag = r.kwartaalcijferIndicatoren.filter((i: any) => i.magRapporteren).map((i: any) => i.code);
      expect(mag).toEqual(['UITSTROOM_WACHTEND']);
    });
  });
});
