import { startTestApp, type TestApp } from './support/test-app';
import {
  code,
  compleetBod,
  ok,
  Q,
  statushouders,
  vaststellen,
  woonzorgvisie,
  type Pa,
} from './prestatieafspraak.helpers';

/**
 * Tenancy of prestatieafspraken: only parties, the provincie of the gemeente and the Rijk read one
 * (provincie and Rijk not while CONCEPT); everyone else gets NIET_GEVONDEN — for reads, lists and
 * every mutation. Roles decide who edits and signs; nobody edits outside CONCEPT.
 */
describe('prestatieafspraken: who may see and do what', () => {
  let t: TestApp;
  let org: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    org = {};
    for (const c of ['GM0344', 'GM0307', 'L0801', 'L0802', 'HO-DOMSTAD', 'ZA-STICHTWONEN'])
      org[c] = await t.orgId(c);
  });
  afterAll(() => t.close());

  const versie = async (id: string) =>
    (await t.db.query('SELECT versie FROM prestatieafspraak WHERE id = $1', [id])).rows[0].versie as number;

  /** Every mutation and query on one prestatieafspraak, as `als`: all must come back refused. */
  async function alles(als: string, pa: Pa): Promise<Record<string, string>> {
    const v = pa.versie;
    const a = pa.afspraken[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const verzoeken: Record<string, [string, Record<string, unknown>]> = {
      prestatieafspraak: [Q.een, { id: pa.id }],
      wijzigPrestatieafspraak: [Q.update, { id: pa.id, v, i: { titel: 'Overgenomen' } }],
      voegPartijToe: [Q.voegPartijToe, { id: pa.id, v, o: org['ZA-STICHTWONEN'] }],
      verwijderPartij: [Q.verwijderPartij, { id: pa.id, v, o: org['HO-DOMSTAD'] }],
      voegAfspraakToe: [Q.voegAfspraakToe, { id: pa.id, v, i: woonzorgvisie(org.GM0344, '2027-06-30') }],
      wijzigAfspraak: [Q.wijzigAfspraak, { id: pa.id, v, a, i: woonzorgvisie(org.GM0344, '2027-06-30') }],
      verwijderAfspraak: [Q.verwijderAfspraak, { id: pa.id, v, a }],
      indienen: [Q.indienen, { id: pa.id, v }],
      ondertekenen: [Q.tekenen, { id: pa.id, v }],
      terugtrekken: [Q.terugtrekken, { id: pa.id, v, r: 'Wij willen het anders' }],
      startWijziging: [Q.wijziging, { id: pa.id }],
      beeindigen: [Q.beeindigen, { id: pa.id, v, r: 'Wij stoppen' }],
      maakReactie: [Q.reactie, { id: pa.id, t: 'Ook een mening' }],
      wijzigMijlpaalStatus: [Q.mijlpaal, { a, s: 'GEREED', t: 'Klaar' }],
      auditLog: [Q.audit, { id: pa.id }],
      verwijderConcept: [Q.verwijderConcept, { id: pa.id, v }],
    };
    const uitkomst: Record<string, string> = {};
    for (const [naam, [query, variabelen]] of Object.entries(verzoeken)) {
      const r = await t.gql(als, query, variabelen);
      uitkomst[naam] = r.errors?.length ? r.errors[0].extensions?.code : 'OK';
    }
    return uitkomst;
  }

  const overal = (waarde: string) =>
    Object.fromEntries(
      [
        'prestatieafspraak',
        'wijzigPrestatieafspraak',
        'voegPartijToe',
        'verwijderPartij',
        'voegAfspraakToe',
        'wijzigAfspraak',
        'verwijderAfspraak',
        'indienen',
        'ondertekenen',
        'terugtrekken',
        'startWijziging',
        'beeindigen',
        'maakReactie',
        'wijzigMijlpaalStatus',
        'auditLog',
        'verwijderConcept',
      ].map((k) => [k, waarde]),
    );

  it('another gemeente and a corporatie elsewhere: not found for every query and mutation, and absent from lists', async () => {
    const pa = await compleetBod(t);
    for (const als of ['gemeente.amersfoort', 'corporatie.eemland']) {
      expect(await alles(als, pa)).toEqual(overal('NIET_GEVONDEN'));
      expect(await ok(t, als, Q.lijst, { f: { gemeenteCode: 'GM0344' } })).toEqual([]);
      expect(await ok(t, als, Q.lijst, {})).toEqual([]);
    }
    expect(await versie(pa.id)).toBe(pa.versie);
    // and the same after it left CONCEPT
    const getekend = await vaststellen(t, pa);
    expect(await alles('gemeente.amersfoort', getekend)).toEqual(overal('NIET_GEVONDEN'));
  });

  it('an organisation working in the same gemeente but not a party does not see it either', async () => {
    // the gemeente's own draft with the huurders only: Domstad works in Utrecht but is no party
    const pa = await ok(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Woonzorgafspraken',
        jaarVan: 2027,
        jaarTot: 2027,
        partijIds: [org['HO-DOMSTAD']],
      },
    });
    expect(pa.isBod).toBe(false);
    for (const als of ['corporatie.domstad', 'zorg.sticht']) {
      expect(code(await t.gql(als, Q.een, { id: pa.id }))).toBe('NIET_GEVONDEN');
      expect(
        (await ok(t, als, Q.lijst, { f: { gemeenteCode: 'GM0344' } })).map((p: Pa) => p.id),
      ).not.toContain(pa.id);
    }
    expect(
      code(await t.gql('corporatie.domstad', Q.update, { id: pa.id, v: pa.versie, i: { titel: 'x' } })),
    ).toBe('NIET_GEVONDEN');
    // a malformed id is just as absent
    expect(code(await t.gql('gemeente.utrecht', Q.een, { id: 'geen-uuid' }))).toBe('NIET_GEVONDEN');
  });

  it('provincie and Rijk do not read drafts; after CONCEPT they read, but change nothing and see no overleg', async () => {
    const pa = await compleetBod(t, 'Bod voor de provincie-test');
    await ok(t, 'huurders.domstad', Q.reactie, { id: pa.id, t: 'Interne opmerking van de huurders' });
    for (const als of ['provincie.utrecht', 'bzk.analist', 'provincie.gelderland']) {
      expect(code(await t.gql(als, Q.een, { id: pa.id }))).toBe('NIET_GEVONDEN');
      expect((await ok(t, als, Q.lijst, {})).map((p: Pa) => p.id)).not.toContain(pa.id);
    }
    const ingediend = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
    for (const als of ['provincie.utrecht', 'bzk.analist']) {
      const gezien = await ok(t, als, Q.een, { id: pa.id });
      expect(gezien).toMatchObject({ status: 'TER_ONDERTEKENING', mogelijkeActies: [], reacties: [] });
      expect((await ok(t, als, Q.lijst, { f: { gemeenteCode: 'GM0344' } })).map((p: Pa) => p.id)).toContain(
        pa.id,
      );
    }
    expect(code(await t.gql('provincie.gelderland', Q.een, { id: pa.id }))).toBe('NIET_GEVONDEN');
    // provincie and Rijk are no parties: the policy table refuses every change
    const uitkomst = await alles('provincie.utrecht', ingediend);
    expect(uitkomst).toEqual({ ...overal('GEEN_TOEGANG'), prestatieafspraak: 'OK' });
  });

  it('corporatie.domstad.invoer (lezen, invoeren) reads and reacts, but neither edits nor signs', async () => {
    const pa = await compleetBod(t, 'Bod voor de invoer-test');
    const gezien = await ok(t, 'corporatie.domstad.invoer', Q.een, { id: pa.id });
    expect(gezien.mogelijkeActies).toEqual(['REAGEREN']);
    expect(
      code(
        await t.gql('corporatie.domstad.invoer', Q.update, { id: pa.id, v: pa.versie, i: { titel: 'x' } }),
      ),
    ).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('corporatie.domstad.invoer', Q.indienen, { id: pa.id, v: pa.versie }))).toBe(
      'GEEN_TOEGANG',
    );
    expect(
      code(
        await t.gql('corporatie.domstad.invoer', Q.create, {
          i: { gemeenteCode: 'GM0344', titel: 'x', jaarVan: 2027, jaarTot: 2027 },
        }),
      ),
    ).toBe('GEEN_TOEGANG');
    const ingediend = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
    expect(
      code(await t.gql('corporatie.domstad.invoer', Q.tekenen, { id: pa.id, v: ingediend.versie })),
    ).toBe('GEEN_TOEGANG');
    expect(code(await t.gql('gemeente.utrecht.lezer', Q.tekenen, { id: pa.id, v: ingediend.versie }))).toBe(
      'GEEN_TOEGANG',
    );
    const na = await ok(t, 'corporatie.domstad.invoer', Q.reactie, {
      id: pa.id,
      t: 'Cijfers volgen in kwartaal 1.',
    });
    expect(na.reacties.map((r: Pa) => r.auteur)).toEqual(['Kees Mulder']);
    expect(na.ondertekeningen).toEqual([]);
  });

  it('who starts one: the gemeente for itself, a corporatie in its werkgebied; parties must work in the gemeente', async () => {
    const start = (als: string, gemeenteCode: string, partijIds: string[] = []) =>
      t.gql(als, Q.create, { i: { gemeenteCode, titel: 'Test', jaarVan: 2027, jaarTot: 2028, partijIds } });
    expect(code(await start('corporatie.eemland', 'GM0344'))).toBe('GEEN_TOEGANG');
    expect(code(await start('gemeente.amersfoort', 'GM0344'))).toBe('GEEN_TOEGANG');
    expect(code(await start('huurders.domstad', 'GM0344'))).toBe('GEEN_TOEGANG');
    expect(code(await start('provincie.utrecht', 'GM0344'))).toBe('GEEN_TOEGANG');
    const r = await start('corporatie.domstad', 'GM0344', [org.L0802, org.GM0307]);
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].extensions!.details).toEqual([
      {
        veld: 'partijIds',
        melding: 'Eemland Wonen kan geen partij zijn bij prestatieafspraken van deze gemeente.',
      },
      {
        veld: 'partijIds',
        melding: 'Gemeente Amersfoort kan geen partij zijn bij prestatieafspraken van deze gemeente.',
      },
    ]);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM prestatieafspraak WHERE titel = 'Test'`,
    );
    expect(rows[0].n).toBe(0);
    // Domstad also works in Nieuwegein: its prestatieafspraak there has the gemeente as a party from the start
    const nieuwegein = await ok(t, 'corporatie.domstad', Q.create, {
      i: { gemeenteCode: 'gm0356', titel: 'Bod Nieuwegein', jaarVan: 2027, jaarTot: 2027 },
    });
    expect(nieuwegein).toMatchObject({ gemeente: { code: 'GM0356' }, isBod: false });
    expect(nieuwegein.partijen.map((p: Pa) => p.code).sort()).toEqual(['GM0356', 'L0801']);
  });

  it('parties: the gemeente and the drafter stay, a responsible party cannot be removed, zorgaanbieders may join', async () => {
    let pa = await compleetBod(t, 'Bod voor de partij-test');
    pa = await ok(t, 'gemeente.utrecht', Q.voegPartijToe, {
      id: pa.id,
      v: pa.versie,
      o: org['ZA-STICHTWONEN'],
    });
    expect(pa.partijen.map((p: Pa) => p.code)).toContain('ZA-STICHTWONEN');
    expect(
      code(
        await t.gql('gemeente.utrecht', Q.voegPartijToe, {
          id: pa.id,
          v: pa.versie,
          o: org['ZA-STICHTWONEN'],
        }),
      ),
    ).toBe('ONGELDIGE_INVOER');
    expect(
      code(await t.gql('corporatie.domstad', Q.verwijderPartij, { id: pa.id, v: pa.versie, o: org.GM0344 })),
    ).toBe('ONGELDIGE_INVOER');
    const verantwoordelijk = await t.gql('gemeente.utrecht', Q.verwijderPartij, {
      id: pa.id,
      v: pa.versie,
      o: org.L0801,
    });
    expect(verantwoordelijk.errors![0].message).toMatch(/opsteller/);
    pa = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: { ...woonzorgvisie(org['ZA-STICHTWONEN'], '2028-01-01') },
    });
    const zorg = await t.gql('gemeente.utrecht', Q.verwijderPartij, {
      id: pa.id,
      v: pa.versie,
      o: org['ZA-STICHTWONEN'],
    });
    expect(zorg.errors![0].message).toBe(
      'Stichting Sticht Wonen en Zorg is verantwoordelijk voor afspraak 2; wijs eerst een andere verantwoordelijke aan.',
    );
    pa = await ok(t, 'gemeente.utrecht', Q.verwijderAfspraak, {
      id: pa.id,
      v: pa.versie,
      a: pa.afspraken[1].id,
    });
    pa = await ok(t, 'gemeente.utrecht', Q.verwijderPartij, {
      id: pa.id,
      v: pa.versie,
      o: org['ZA-STICHTWONEN'],
    });
    expect(pa.partijen.map((p: Pa) => p.code).sort()).toEqual(['GM0344', 'HO-DOMSTAD', 'L0801']);
  });

  it('indienen needs a complete prestatieafspraak: gemeente and corporatie (a huurdersorganisatie is optional) and every jaarschijf filled in', async () => {
    let pa = await ok(t, 'gemeente.utrecht', Q.create, {
      i: { gemeenteCode: 'GM0344', titel: 'Onvolledig', jaarVan: 2027, jaarTot: 2028 },
    });
    const leeg = await t.gql('gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    expect(leeg.errors![0].extensions!.details.map((d: Pa) => d.melding)).toEqual([
      'Voeg ten minste één woningcorporatie toe als partij.',
      'Er staan nog geen afspraken in.',
    ]);
    pa = await ok(t, 'gemeente.utrecht', Q.voegPartijToe, { id: pa.id, v: pa.versie, o: org.L0801 });
    pa = await ok(t, 'gemeente.utrecht', Q.voegPartijToe, { id: pa.id, v: pa.versie, o: org['HO-DOMSTAD'] });
    pa = await ok(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: statushouders(org.L0801, [[2027, 10]]),
    });
    const half = await t.gql('gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    expect(half.errors![0].extensions!.details).toEqual([
      {
        veld: 'afspraken[0].doelwaarden',
        melding:
          "Afspraak 'Domstad en de gemeente huisvesten samen het aantal status…' mist een doelwaarde voor 2028.",
      },
    ]);
    // the period cannot shrink past a doelwaarde either
    const korter = await t.gql('gemeente.utrecht', Q.update, {
      id: pa.id,
      v: pa.versie,
      i: { jaarVan: 2028 },
    });
    expect(korter.errors![0].extensions!.details[0].melding).toMatch(
      /heeft doelwaarden voor 2027; pas die eerst aan/,
    );
    expect((await ok(t, 'gemeente.utrecht', Q.een, { id: pa.id })).status).toBe('CONCEPT');
  });

  it('nobody edits outside CONCEPT; terugtrekken needs a reason and voids the signatures', async () => {
    let pa = await ok(t, 'corporatie.domstad', Q.indienen, {
      id: (await compleetBod(t, 'Bod voor terugtrekken')).id,
      v: 2,
    });
    pa = await ok(t, 'gemeente.utrecht', Q.tekenen, { id: pa.id, v: pa.versie });
    const v = pa.versie;
    for (const [query, vars] of [
      [Q.update, { id: pa.id, v, i: { titel: 'Stiekem' } }],
      [Q.voegAfspraakToe, { id: pa.id, v, i: woonzorgvisie(org.GM0344, '2027-06-30') }],
      [Q.verwijderAfspraak, { id: pa.id, v, a: pa.afspraken[0].id }],
      [Q.voegPartijToe, { id: pa.id, v, o: org['ZA-STICHTWONEN'] }],
    ] as const) {
      expect(code(await t.gql('gemeente.utrecht', query, vars))).toBe('ONGELDIGE_INVOER');
    }
    const zonderReden = await t.gql('huurders.domstad', Q.terugtrekken, { id: pa.id, v, r: '  ' });
    expect(code(zonderReden)).toBe('ONGELDIGE_INVOER');
    expect(zonderReden.errors![0].extensions!.reden).toBe('REDEN_VERPLICHT');

    pa = await ok(t, 'huurders.domstad', Q.terugtrekken, {
      id: pa.id,
      v,
      r: 'De doelen voor 2028 zijn te laag.',
    });
    expect(pa).toMatchObject({ status: 'CONCEPT', ondertekeningen: [] });
    const regels = await ok(t, 'corporatie.domstad', Q.audit, { id: pa.id });
    const terug = regels.find((r: Pa) => r.actie === 'TERUGGETROKKEN');
    expect(terug.organisatie.code).toBe('HO-DOMSTAD');
    expect(JSON.parse(terug.voor).ondertekeningen.map((o: Pa) => o.organisatieId)).toEqual([org.GM0344]);
    expect(JSON.parse(terug.na)).toEqual({ status: 'CONCEPT', reden: 'De doelen voor 2028 zijn te laag.' });

    // vastgesteld: frozen too; a change needs a new version
    const vast = await vaststellen(t, pa);
    const r = await t.gql('gemeente.utrecht', Q.voegAfspraakToe, {
      id: vast.id,
      v: vast.versie,
      i: woonzorgvisie(org.GM0344, '2027-06-30'),
    });
    expect(r.errors![0].message).toMatch(/Start een wijziging/);
  });

  it('row-level security alone hides prestatieafspraken, children and audit rows from non-parties', async () => {
    const pa = await compleetBod(t, 'Bod voor de RLS-test');
    const rls = async (organisatieId: string, soort: string, gemeenten: string) => {
      const client = await t.db.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE thuismonitor_app');
        await client.query(
          `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true), set_config('tm.gemeenten', $3, true), set_config('tm.werkgebied', $3, true)`,
          [organisatieId, soort, gemeenten],
        );
        const tel = async (sql: string) => (await client.query(sql, [pa.id])).rows[0].n as number;
        return {
          pa: await tel(`SELECT count(*)::int AS n FROM prestatieafspraak WHERE id = $1`),
          partijen: await tel(
            `SELECT count(*)::int AS n FROM prestatieafspraak_partij WHERE prestatieafspraak_id = $1`,
          ),
          afspraken: await tel(`SELECT count(*)::int AS n FROM afspraak WHERE prestatieafspraak_id = $1`),
          doelwaarden: await tel(
            `SELECT count(*)::int AS n FROM afspraak_doelwaarde WHERE prestatieafspraak_id = $1`,
          ),
          audit: await tel(`SELECT count(*)::int AS n FROM audit_log WHERE entiteit_id = $1::text`),
          bijwerken: (
            await client.query(`UPDATE prestatieafspraak SET titel = 'gekaapt' WHERE id = $1`, [pa.id])
          ).rowCount,
        };
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    expect(await rls(org.L0802, 'CORPORATIE', 'GM0307,GM0327')).toEqual({
      pa: 0,
      partijen: 0,
      afspraken: 0,
      doelwaarden: 0,
      audit: 0,
      bijwerken: 0,
    });
    expect(await rls(org.GM0307, 'GEMEENTE', 'GM0307')).toEqual({
      pa: 0,
      partijen: 0,
      afspraken: 0,
      doelwaarden: 0,
      audit: 0,
      bijwerken: 0,
    });
    const provincie = await t.orgId('PV26');
    expect(await rls(provincie, 'PROVINCIE', 'GM0344')).toEqual({
      pa: 0,
      partijen: 0,
      afspraken: 0,
      doelwaarden: 0,
      audit: 0,
      bijwerken: 0,
    });
    expect(await rls(org['HO-DOMSTAD'], 'HUURDERSORGANISATIE', 'GM0344')).toEqual({
      pa: 1,
      partijen: 3,
      afspraken: 1,
      doelwaarden: 2,
      audit: 2,
      bijwerken: 1,
    });
    // unset settings: nothing at all
    expect(await rls('', '', '')).toEqual({
      pa: 0,
      partijen: 0,
      afspraken: 0,
      doelwaarden: 0,
      audit: 0,
      bijwerken: 0,
    });
  });

  it('the database itself refuses content changes outside CONCEPT, even from a party', async () => {
    const pa = await vaststellen(t, await compleetBod(t, 'Bod voor het inhoudsslot'));
    const alsPartij = async (sql: string) => {
      const client = await t.db.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE thuismonitor_app');
        await client.query(
          `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'GEMEENTE', true), set_config('tm.gemeenten', 'GM0344', true), set_config('tm.werkgebied', 'GM0344', true)`,
          [org.GM0344],
        );
        return await client.query(sql, [pa.id]).then(
          (r) => `ok ${r.rowCount}`,
          (e: Error) => e.message,
        );
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    expect(await alsPartij(`UPDATE prestatieafspraak SET titel = 'anders' WHERE id = $1`)).toMatch(
      /content changes only in CONCEPT/,
    );
    expect(
      await alsPartij(`UPDATE afspraak SET omschrijving = 'anders' WHERE prestatieafspraak_id = $1`),
    ).toMatch(/content changes only in CONCEPT/);
    expect(await alsPartij(`DELETE FROM afspraak WHERE prestatieafspraak_id = $1`)).toBe('ok 0');
    expect(await alsPartij(`DELETE FROM afspraak_doelwaarde WHERE prestatieafspraak_id = $1`)).toBe('ok 0');
    expect(
      await alsPartij(`DELETE FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = $1`),
    ).toBe('ok 0');
    // status changes and mijlpaal reports stay possible
    expect(await alsPartij(`UPDATE prestatieafspraak SET versie = versie + 1 WHERE id = $1`)).toBe('ok 1');
    expect(
      await alsPartij(`UPDATE afspraak SET mijlpaal_toelichting = 'x' WHERE prestatieafspraak_id = $1`),
    ).toBe('ok 1');
  });
});
