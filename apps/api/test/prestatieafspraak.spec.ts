import { startTestApp, type TestApp } from './support/test-app';
import { verhaal } from './support/verhaal';
import { code, ok, Q, socialeHuur, statushouders, woonzorgvisie, type Pa } from './prestatieafspraak.helpers';

/**
 * The whole cycle over HTTP with demo accounts: Domstad's bod for Utrecht with the huurders,
 * the gemeente's edits, ondertekening, vaststelling, a wijziging (version 2), reacties, a mijlpaal,
 * the audit trail and the cycle calendar.
 */
describe('prestatieafspraken: the cycle', () => {
  let t: TestApp;
  let org: Record<string, string>;
  let v1: Pa;
  let v2: Pa;

  beforeAll(async () => {
    t = await startTestApp();
    org = {};
    for (const c of ['GM0344', 'L0801', 'HO-DOMSTAD', 'ZA-STICHTWONEN']) org[c] = await t.orgId(c);
  });
  afterAll(() => t.close());
  // one prestatieafspraak through its whole cycle: each step builds on the ones before (verhaal.ts)
  const stap = verhaal();

  const codes = (lijst: { code: string }[]) => lijst.map((o) => o.code).sort();

  stap('exposes the indicator catalogue, filtered by actielijn and aandachtsgroep', async () => {
    const data = await t.ok(
      'huurders.domstad',
      `{
      alle: indicatoren { code }
      sh: indicatoren(actielijn: EVENWICHTIGE_VERDELING, aandachtsgroep: STATUSHOUDERS) {
        code naam omschrijving actielijn aandachtsgroep eenheid bron gerapporteerdDoor catalogusVersie } }`,
    );
    expect(data.alle.length).toBeGreaterThan(20);
    expect(data.sh.map((i: { code: string }) => i.code)).toEqual([
      'TOEWIJZINGEN_STATUSHOUDERS',
      'STATUSHOUDERS_GEHUISVEST',
    ]);
    expect(data.sh[1]).toMatchObject({
      naam: 'Statushouders gehuisvest (personen)',
      actielijn: 'EVENWICHTIGE_VERDELING',
      aandachtsgroep: 'STATUSHOUDERS',
      eenheid: 'PERSONEN',
      bron: 'TOEWIJZINGEN',
      gerapporteerdDoor: ['CORPORATIE'],
      catalogusVersie: '2026.1',
    });
  });

  stap('corporatie.domstad starts a prestatieafspraak for Utrecht with huurders.domstad (not a bod: that is its own object)', async () => {
    v1 = await ok(t, 'corporatie.domstad', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Prestatieafspraken Utrecht 2027–2028',
        jaarVan: 2027,
        jaarTot: 2028,
        partijIds: [org['HO-DOMSTAD']],
      },
    });
    expect(v1).toMatchObject({
      status: 'CONCEPT',
      isBod: false,
      versie: 1,
      versienummer: 1,
      gemeente: { code: 'GM0344' },
      opgesteldDoor: { code: 'L0801' },
    });
    expect(codes(v1.partijen)).toEqual(['GM0344', 'HO-DOMSTAD', 'L0801']);
    expect(v1.mogelijkeActies).toEqual(['BEWERKEN', 'INDIENEN', 'REAGEREN', 'VERWIJDEREN']);

    v1 = await ok(t, 'corporatie.domstad', Q.voegAfspraakToe, {
      id: v1.id,
      v: 1,
      i: socialeHuur(org.L0801, [
        [2027, 120],
        [2028, 150],
      ]),
    });
    expect(v1.versie).toBe(2);
    expect(v1.afspraken[0]).toMatchObject({
      volgnummer: 1,
      soort: 'INDICATOR',
      indicator: { code: 'SOCIALE_HUURWONINGEN_OPGELEVERD', eenheid: 'WONINGEN' },
    });
  });

  stap('gemeente.utrecht adds statushouders with doelwaarden and a mijlpaal for the woonzorgvisie', async () => {
    v1 = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: v1.id,
      v: v1.versie,
      i: statushouders(org.L0801, [
        [2027, 300],
        [2028, 320],
      ]),
    });
    v1 = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: v1.id,
      v: v1.versie,
      i: woonzorgvisie(org.GM0344, '2027-07-01'),
    });
    expect(v1.versie).toBe(4);
    const [, sh, wzv] = v1.afspraken;
    expect(sh).toMatchObject({
      volgnummer: 2,
      aandachtsgroep: 'STATUSHOUDERS',
      catalogusVersie: '2026.1',
      doelwaarden: [
        { jaar: 2027, waarde: 300, peildatum: '2027-12-31' },
        { jaar: 2028, waarde: 320, peildatum: '2028-12-31' },
      ],
      verantwoordelijke: { code: 'L0801' },
    });
    expect(wzv).toMatchObject({
      soort: 'MIJLPAAL',
      mijlpaalDatum: '2027-07-01',
      mijlpaalStatus: 'NIET_GESTART',
      verantwoordelijke: { code: 'GM0344' },
    });
    expect(v1.jaarschijven).toEqual([
      {
        jaar: 2027,
        doelen: [
          { afspraak: { volgnummer: 1 }, doelwaarde: 120, peildatum: '2027-12-31' },
          { afspraak: { volgnummer: 2 }, doelwaarde: 300, peildatum: '2027-12-31' },
        ],
        mijlpalen: [{ volgnummer: 3 }],
      },
      {
        jaar: 2028,
        doelen: [
          { afspraak: { volgnummer: 1 }, doelwaarde: 150, peildatum: '2028-12-31' },
          { afspraak: { volgnummer: 2 }, doelwaarde: 320, peildatum: '2028-12-31' },
        ],
        mijlpalen: [],
      },
    ]);
  });

  stap('refuses invalid content with a Dutch message per field, and stores nothing', async () => {
    const r = await t.gql('gemeente.utrecht', Q.voegAfspraakToe, {
      id: v1.id,
      v: v1.versie,
      i: { ...statushouders(org['ZA-STICHTWONEN'], [[2030, 10]]), aandachtsgroep: 'OUDEREN' },
    });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].extensions!.details).toEqual([
      {
        veld: 'aandachtsgroep',
        melding: "Indicator 'Statushouders gehuisvest (personen)' gaat over een andere aandachtsgroep.",
      },
      { veld: 'doelwaarden[0].jaar', melding: 'Jaar 2030 valt buiten de looptijd 2027–2028.' },
      { veld: 'verantwoordelijkeId', melding: 'De verantwoordelijke moet een van de partijen zijn.' },
    ]);
    const nu = await ok(t, 'gemeente.utrecht', Q.een, { id: v1.id });
    expect(nu.versie).toBe(v1.versie);
    expect(nu.afspraken).toHaveLength(3);
  });

  stap('huurders.domstad reacts on the whole and on one afspraak, without email', async () => {
    await ok(t, 'huurders.domstad', Q.reactie, { id: v1.id, t: 'Wij missen afspraken over betaalbaarheid.' });
    const pa = await ok(t, 'huurders.domstad', Q.reactie, {
      id: v1.id,
      a: v1.afspraken[1].id,
      t: 'Graag ook aandacht voor begeleiding na de verhuizing.',
    });
    expect(pa.reacties).toEqual([
      {
        tekst: 'Wij missen afspraken over betaalbaarheid.',
        auteur: 'Henk de Boer',
        organisatie: { code: 'HO-DOMSTAD' },
      },
    ]);
    expect(pa.afspraken[1].reacties).toEqual([
      {
        tekst: 'Graag ook aandacht voor begeleiding na de verhuizing.',
        auteur: 'Henk de Boer',
        organisatie: { code: 'HO-DOMSTAD' },
      },
    ]);
    // reacties are not content: the versie a signer sees does not move
    expect(pa.versie).toBe(v1.versie);
    const gemeente = await ok(t, 'gemeente.utrecht', Q.een, { id: v1.id });
    expect(gemeente.reacties).toHaveLength(1);
  });

  stap('goes to ondertekening; content is then frozen', async () => {
    v1 = await ok(t, 'gemeente.utrecht', Q.indienen, { id: v1.id, v: v1.versie });
    expect(v1).toMatchObject({ status: 'TER_ONDERTEKENING', versie: 5 });
    expect(v1.ingediendOp).toEqual(expect.any(String));
    expect(codes(v1.ontbrekendeOndertekeningen)).toEqual(['GM0344', 'HO-DOMSTAD', 'L0801']);
    expect(v1.mogelijkeActies).toEqual(['ONDERTEKENEN', 'TERUGTREKKEN', 'REAGEREN']);

    const r = await t.gql('gemeente.utrecht', Q.update, { id: v1.id, v: v1.versie, i: { titel: 'Nieuw' } });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].message).toMatch(/alleen in concept.*Trek het voorstel eerst terug/);
  });

  stap('every party signs for itself, once; gemeente and corporatie make it VASTGESTELD, the huurdersorganisatie co-signs when it wants', async () => {
    v1 = await ok(t, 'gemeente.utrecht', Q.tekenen, { id: v1.id, v: v1.versie });
    expect(v1.status).toBe('TER_ONDERTEKENING');
    expect(v1.ondertekeningen).toEqual([{ organisatie: { code: 'GM0344' }, getekendDoor: 'Sanne Visser' }]);
    expect(v1.mogelijkeActies).not.toContain('ONDERTEKENEN');

    const nogmaals = await t.gql('gemeente.utrecht', Q.tekenen, { id: v1.id, v: v1.versie });
    expect(code(nogmaals)).toBe('CONFLICT');
    expect(nogmaals.errors![0].message).toMatch(
      /^Uw organisatie heeft deze prestatieafspraak al ondertekend \(Sanne Visser, \d{2}-\d{2}-\d{4}\)/,
    );

    const getekendeVersie = v1.versie;
    v1 = await ok(t, 'corporatie.domstad', Q.tekenen, { id: v1.id, v: v1.versie });
    // the huurdersorganisatie's signature is optional (woningwet2015.nl, veelgestelde vragen huurders)
    expect(v1.status).toBe('VASTGESTELD');
    expect(v1.vastgesteldOp).toEqual(expect.any(String));
    expect((await ok(t, 'huurders.domstad', Q.een, { id: v1.id })).mogelijkeActies).toContain('ONDERTEKENEN');
    expect((await ok(t, 'corporatie.domstad', Q.een, { id: v1.id })).mogelijkeActies).not.toContain('ONDERTEKENEN');
    // it co-signs the text the others signed, after vaststelling
    v1 = await ok(t, 'huurders.domstad', Q.tekenen, { id: v1.id, v: getekendeVersie });
    expect(v1.status).toBe('VASTGESTELD');
    expect(codes(v1.ondertekeningen.map((o: Pa) => o.organisatie))).toEqual([
      'GM0344',
      'HO-DOMSTAD',
      'L0801',
    ]);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = $1`,
      [v1.id],
    );
    expect(rows[0].n).toBe(3);
  });

  stap('the responsible party reports on the mijlpaal; another party may not', async () => {
    const wzv = v1.afspraken[2];
    const pa = await ok(t, 'gemeente.utrecht', Q.mijlpaal, {
      a: wzv.id,
      s: 'LOOPT',
      t: 'Concept ligt bij de raadscommissie.',
    });
    expect(pa.afspraken[2]).toMatchObject({
      mijlpaalStatus: 'LOOPT',
      mijlpaalToelichting: 'Concept ligt bij de raadscommissie.',
      mijlpaalGereedOp: null,
    });
    const r = await t.gql('corporatie.domstad', Q.mijlpaal, { a: wzv.id, s: 'GEREED', t: 'Klaar' });
    expect(code(r)).toBe('GEEN_TOEGANG');
    const leeg = await t.gql('gemeente.utrecht', Q.mijlpaal, { a: wzv.id, s: 'VERTRAAGD', t: '   ' });
    expect(code(leeg)).toBe('ONGELDIGE_INVOER');
  });

  stap('a wijziging is a new CONCEPT version with the same content; version 1 stays VASTGESTELD meanwhile', async () => {
    v2 = await ok(t, 'gemeente.utrecht', Q.wijziging, { id: v1.id });
    expect(v2).toMatchObject({
      status: 'CONCEPT',
      versienummer: 2,
      versie: 1,
      vorigeVersieId: v1.id,
      isBod: false,
      opgesteldDoor: { code: 'GM0344' },
    });
    expect(codes(v2.partijen)).toEqual(['GM0344', 'HO-DOMSTAD', 'L0801']);
    expect(
      v2.afspraken.map((a: Pa) => [a.volgnummer, a.vorigeAfspraakId, a.doelwaarden.map((d: Pa) => d.waarde)]),
    ).toEqual(v1.afspraken.map((a: Pa) => [a.volgnummer, a.id, a.doelwaarden.map((d: Pa) => d.waarde)]));
    expect(v2.afspraken[2]).toMatchObject({ mijlpaalStatus: 'LOOPT' });
    expect(v2.ondertekeningen).toEqual([]);

    const nogEen = await t.gql('corporatie.domstad', Q.wijziging, { id: v1.id });
    expect(code(nogEen)).toBe('CONFLICT');

    const oud = await ok(t, 'huurders.domstad', Q.een, { id: v1.id });
    expect(oud).toMatchObject({ status: 'VASTGESTELD', volgendeVersieId: v2.id });
  });

  stap('version 2 is edited, signed by all again, and then ends version 1', async () => {
    const sh = v2.afspraken[1];
    v2 = await ok(t, 'gemeente.utrecht', Q.wijzigAfspraak, {
      id: v2.id,
      v: v2.versie,
      a: sh.id,
      i: statushouders(org.L0801, [
        [2027, 300],
        [2028, 350],
      ]),
    });
    expect(v2.afspraken[1].doelwaarden.map((d: Pa) => d.waarde)).toEqual([300, 350]);
    // meanwhile the mijlpaal is reached and reported on the version in force
    await ok(t, 'gemeente.utrecht', Q.mijlpaal, {
      a: v1.afspraken[2].id,
      s: 'GEREED',
      t: 'Vastgesteld door de raad.',
      g: '2026-11-01',
    });

    v2 = await ok(t, 'gemeente.utrecht', Q.indienen, { id: v2.id, v: v2.versie });
    for (const als of ['huurders.domstad', 'corporatie.domstad', 'gemeente.utrecht'])
      v2 = await ok(t, als, Q.tekenen, { id: v2.id, v: v2.versie });
    expect(v2.status).toBe('VASTGESTELD');
    expect(v2.afspraken[2]).toMatchObject({
      mijlpaalStatus: 'GEREED',
      mijlpaalGereedOp: '2026-11-01',
      mijlpaalToelichting: 'Vastgesteld door de raad.',
    });

    const oud = await ok(t, 'corporatie.domstad', Q.een, { id: v1.id });
    expect(oud).toMatchObject({
      status: 'BEEINDIGD',
      beeindigdReden: 'Vervangen door versie 2',
      volgendeVersieId: v2.id,
    });
    expect(oud.afspraken[1].doelwaarden.map((d: Pa) => d.waarde)).toEqual([300, 320]);
    expect(oud.ondertekeningen).toHaveLength(3);
  });

  stap('lists only what the viewer may see, filtered by gemeente, status and year', async () => {
    const ids = async (als: string, f: Record<string, unknown>) =>
      (await ok(t, als, Q.lijst, { f })).map((p: Pa) => p.id);
    expect((await ids('gemeente.utrecht', { gemeenteCode: 'GM0344' })).sort()).toEqual([v1.id, v2.id].sort());
    expect(await ids('gemeente.utrecht', { status: 'VASTGESTELD' })).toEqual([v2.id]);
    expect(await ids('huurders.domstad', { jaar: 2029 })).toEqual([]);
    expect((await ids('provincie.utrecht', { jaar: 2028 })).sort()).toEqual([v1.id, v2.id].sort());
    expect(await ids('gemeente.amersfoort', {})).toEqual([]);
    expect(await ids('corporatie.eemland', { gemeenteCode: 'GM0344' })).toEqual([]);
  });

  stap('hands the vastgestelde afspraken to voortgang', async () => {
    const { PrestatieafspraakService } = await import('../src/prestatieafspraak/prestatieafspraak.service');
    const { RequestContext } = await import('@thuismonitor/auth');
    const { PrincipalResolver } = await import('../src/auth/principal-resolver.service');
    const principal = await t.app.get(PrincipalResolver).resolve({
      sub: 'x',
      gebruikersnaam: 'provincie.utrecht',
      naam: 'P',
      organisatieCode: 'PV26',
      rollen: ['lezen'],
    });
    const afspraken = await t.app
      .get(PrestatieafspraakService)
      .vastgesteldeAfsprakenVoorGemeenten(new RequestContext(principal, 'r'), ['GM0344', 'GM0307'], 2028);
    expect(
      afspraken.map((a) => [
        a.prestatieafspraakId,
        a.volgnummer,
        a.indicatorCode,
        a.doelwaardeInJaar?.waarde ?? null,
        a.verantwoordelijke.code,
      ]),
    ).toEqual([
      [v2.id, 1, 'SOCIALE_HUURWONINGEN_OPGELEVERD', 150, 'L0801'],
      [v2.id, 2, 'STATUSHOUDERS_GEHUISVEST', 350, 'L0801'],
      [v2.id, 3, 'WOONZORGVISIE_VASTGESTELD', null, 'GM0344'],
    ]);
    expect(afspraken[1].doelwaarden).toEqual([
      { jaar: 2027, waarde: 300, peildatum: '2027-12-31' },
      { jaar: 2028, waarde: 350, peildatum: '2028-12-31' },
    ]);
  });

  stap('keeps an audit trail readable by the parties, not by others', async () => {
    const regels = await ok(t, 'huurders.domstad', Q.audit, { id: v1.id });
    expect(regels.map((r: Pa) => [r.actie, r.organisatie?.code])).toEqual([
      ['AANGEMAAKT', 'L0801'],
      ['AFSPRAAK_TOEGEVOEGD', 'L0801'],
      ['AFSPRAAK_TOEGEVOEGD', 'GM0344'],
      ['AFSPRAAK_TOEGEVOEGD', 'GM0344'],
      ['REACTIE_GEPLAATST', 'HO-DOMSTAD'],
      ['REACTIE_GEPLAATST', 'HO-DOMSTAD'],
      ['INGEDIEND', 'GM0344'],
      ['ONDERTEKEND', 'GM0344'],
      ['ONDERTEKEND', 'L0801'],
      ['VASTGESTELD', 'L0801'],
      ['ONDERTEKEND', 'HO-DOMSTAD'],
      ['MIJLPAAL_BIJGEWERKT', 'GM0344'],
      ['WIJZIGING_GESTART', 'GM0344'],
      ['MIJLPAAL_BIJGEWERKT', 'GM0344'],
      ['VERVANGEN', 'GM0344'],
    ]);
    expect(regels[0]).toMatchObject({
      omschrijving: 'Prestatieafspraak aangemaakt',
      gebruikersnaam: 'corporatie.domstad',
      voor: null,
    });
    expect(JSON.parse(regels[12].na)).toEqual({ nieuweVersieId: v2.id, versienummer: 2 });
    expect(JSON.parse(regels[13].voor)).toMatchObject({ status: 'LOOPT' });
    expect(JSON.parse(regels[13].na)).toMatchObject({ status: 'GEREED', gereedOp: '2026-11-01' });

    expect(code(await t.gql('corporatie.eemland', Q.audit, { id: v1.id }))).toBe('NIET_GEVONDEN');
    expect(code(await t.gql('gemeente.amersfoort', Q.audit, { id: v2.id }))).toBe('NIET_GEVONDEN');
    // the provincie reads the vastgestelde prestatieafspraak, but not the parties' history
    expect(code(await t.gql('provincie.utrecht', Q.audit, { id: v2.id }))).toBe('GEEN_TOEGANG');
  });

  stap('the cycle calendar shows when the bod came and when it was signed', async () => {
    // Fixed dates, so the assertions do not depend on the day the test runs. Domstad's bod of
    // 2026 (its own object since issue 12) was sent on 20 June.
    await t.db.query(
      `INSERT INTO bod (corporatie_id, gemeente_code, jaar, titel, status, verzonden_op)
       VALUES ($1, 'GM0344', 2026, 'Bod Utrecht 2027', 'VERZONDEN', '2026-06-20T10:00:00+02')`,
      [org.L0801],
    );
    await t.db.query(
      `UPDATE prestatieafspraak SET ingediend_op = '2026-06-20T10:00:00+02', vastgesteld_op = '2026-12-10T15:00:00+01' WHERE id = $1`,
      [v1.id],
    );
    await t.db.query(
      `UPDATE prestatieafspraak SET ingediend_op = '2026-12-11T10:00:00+01', vastgesteld_op = '2026-12-12T15:00:00+01' WHERE id = $1`,
      [v2.id],
    );

    const k = await ok(t, 'gemeente.utrecht', Q.kalender, { g: 'GM0344', j: 2026, p: '2026-12-31' });
    expect(k).toMatchObject({
      gemeente: { code: 'GM0344' },
      jaar: 2026,
      afsprakenJaar: 2027,
      peildatum: '2026-12-31',
      ondertekenDeadlineDag: 15,
      geschilMogelijk: true,
    });
    expect(k.stappen).toEqual([
      {
        code: 'BOD',
        label: 'Bod van de corporatie voor 2027',
        deadline: '2026-07-01',
        gedaanOp: '2026-06-20',
        status: 'GEDAAN',
        statusLabel: 'Gedaan',
        opTijd: true,
        dagenTotDeadline: -183,
      },
      {
        code: 'ONDERTEKENING',
        label: 'Prestatieafspraken 2027 ondertekend',
        deadline: '2026-12-15',
        gedaanOp: '2026-12-10',
        status: 'GEDAAN',
        statusLabel: 'Gedaan',
        opTijd: true,
        dagenTotDeadline: -16,
      },
    ]);

    // The next cycle: no new bod by 1 July 2027; 2028 is already covered by the signed kaderafspraak.
    const volgend = await ok(t, 'huurders.domstad', Q.kalender, { g: 'GM0344', j: 2027, p: '2027-08-01' });
    expect(volgend.stappen.map((s: Pa) => [s.code, s.status, s.gedaanOp])).toEqual([
      ['BOD', 'TE_LAAT', null],
      ['ONDERTEKENING', 'GEDAAN', '2026-12-12'],
    ]);

    for (const als of ['provincie.utrecht', 'bzk.analist', 'corporatie.domstad']) {
      expect(
        (await ok(t, als, Q.kalender, { g: 'GM0344', j: 2026, p: '2026-12-31' })).stappen[0].gedaanOp,
      ).toBe('2026-06-20');
    }
    for (const als of ['gemeente.amersfoort', 'corporatie.eemland', 'provincie.gelderland', 'zorg.sticht']) {
      expect(code(await t.gql(als, Q.kalender, { g: 'GM0344', j: 2026 }))).toBe('NIET_GEVONDEN');
    }
    // A gemeente without any prestatieafspraak: nothing done, both steps late after the deadlines.
    const leeg = await ok(t, 'gemeente.amersfoort', Q.kalender, { g: 'GM0307', j: 2026, p: '2026-12-16' });
    expect(leeg.stappen.map((s: Pa) => [s.code, s.status])).toEqual([
      ['BOD', 'TE_LAAT'],
      ['ONDERTEKENING', 'TE_LAAT'],
    ]);
  });

  stap('the gemeente ends a vastgestelde prestatieafspraak, with a reason; nobody else can', async () => {
    expect(
      code(await t.gql('corporatie.domstad', Q.beeindigen, { id: v2.id, v: v2.versie, r: 'Stoppen' })),
    ).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('gemeente.utrecht', Q.beeindigen, { id: v2.id, v: v2.versie, r: ' ' }))).toBe(
      'ONGELDIGE_INVOER',
    );
    const pa = await ok(t, 'gemeente.utrecht', Q.beeindigen, {
      id: v2.id,
      v: v2.versie,
      r: 'Vervangen door de regionale woondeal.',
    });
    expect(pa).toMatchObject({
      status: 'BEEINDIGD',
      beeindigdReden: 'Vervangen door de regionale woondeal.',
      mogelijkeActies: ['REAGEREN'],
    });
    expect(code(await t.gql('gemeente.utrecht', Q.wijziging, { id: v2.id }))).toBe('ONGELDIGE_INVOER');
  });
});
