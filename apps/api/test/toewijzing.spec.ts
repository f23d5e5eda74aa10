import { vandaagInAmsterdam } from '@thuismonitor/domain';
import { kenmerkHash } from '../src/toewijzing/kenmerk-hash';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Toewijzingen over GraphQL: form entry inside and outside the werkgebied, corrections and
 * deletion of one's own rows only, and the row listing with keyset pagination and its refusals.
 */
describe('toewijzingen (GraphQL)', () => {
  let t: TestApp;
  let domstad: string;
  let eemland: string;
  beforeAll(async () => {
    t = await startTestApp();
    domstad = await t.orgId('L0801');
    eemland = await t.orgId('L0802');
  });
  afterAll(() => t.close());

  /** What the API stores for a kenmerk of a corporatie: its keyed hash. */
  const h = (kenmerk: string, corporatieId = domstad) =>
    kenmerkHash(t.config.toewijzingKenmerkSleutel, corporatieId, kenmerk);

  const VELDEN =
    'id kenmerkVingerafdruk datum aandachtsgroep huishoudgrootte segment viaUrgentie importId gemeente { code } corporatie { code }';
  const CREATE = `mutation ($input: ToewijzingInput!) { maakToewijzing(invoer: $input) { ${VELDEN} } }`;
  const LIJST = `query ($filter: ToewijzingFilter, $first: Int, $after: String) {
    toewijzingen(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id kenmerkVingerafdruk datum gemeente { code } corporatie { code } }
    } }`;

  const maak = (als: string, input: Record<string, unknown>) => t.gql(als, CREATE, { input });
  /** Rows stored for a kenmerk, by any corporatie, hashed or (wrongly) in the clear. */
  const telRijen = async (kenmerk: string) =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM toewijzing WHERE extern_kenmerk = ANY($1::text[])`, [
        [kenmerk, h(kenmerk), h(kenmerk, eemland)],
      ])
    ).rows[0].n;

  describe('maakToewijzing', () => {
    it('stores a toewijzing in the werkgebied with only the keyed hash of its kenmerk, and an audit row without content', async () => {
      const r = await maak('corporatie.domstad.invoer', {
        externKenmerk: 'F-1',
        gemeenteCode: 'GM0356',
        datum: '2025-09-30',
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 4,
        viaUrgentie: true,
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.maakToewijzing).toMatchObject({
        kenmerkVingerafdruk: h('F-1').slice(0, 12),
        datum: '2025-09-30',
        aandachtsgroep: 'STATUSHOUDERS',
        huishoudgrootte: 4,
        segment: 'SOCIALE_HUUR',
        viaUrgentie: true,
        importId: null,
        gemeente: { code: 'GM0356' },
        corporatie: { code: 'L0801' },
      });
      // the database holds the hash, never the kenmerk itself; the API never returns it either
      const opgeslagen = await t.db.query(`SELECT extern_kenmerk FROM toewijzing WHERE id = $1`, [
        r.data!.maakToewijzing.id,
      ]);
      expect(opgeslagen.rows).toEqual([{ extern_kenmerk: h('F-1') }]);
      expect(h('F-1')).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r.data)).not.toContain('F-1');
      // the same kenmerk at another corporatie is an unrelated hash (no linking across corporaties)
      expect(h('F-1', eemland)).not.toBe(h('F-1'));
      // accountability without content: who, when, which row, which action
      const audit = await t.db.query(
        `SELECT actie, entiteit_id, gemeente_code, organisatie_id, gebruikersnaam, voor, na, tijdstip IS NOT NULL AS tijdstip FROM audit_log WHERE entiteit = 'toewijzing'`,
      );
      expect(audit.rows).toEqual([
        {
          actie: 'CREATE_TOEWIJZING',
          entiteit_id: r.data!.maakToewijzing.id,
          gemeente_code: null,
          organisatie_id: domstad,
          gebruikersnaam: 'corporatie.domstad.invoer',
          voor: null,
          na: null,
          tijdstip: true,
        },
      ]);
    });

    it('makes an extern kenmerk when none is given; a repeated kenmerk is a conflict', async () => {
      const r = await t.ok('corporatie.domstad', CREATE, {
        input: { gemeenteCode: 'Utrecht', datum: '01-10-2025', huishoudgrootte: 1 },
      });
      expect(r.maakToewijzing.kenmerkVingerafdruk).toMatch(/^[0-9a-f]{12}$/);
      expect(r.maakToewijzing.gemeente.code).toBe('GM0344');
      const dubbel = await maak('corporatie.domstad', {
        externKenmerk: 'F-1',
        gemeenteCode: 'GM0344',
        datum: '2025-10-01',
        huishoudgrootte: 1,
      });
      expect(dubbel.errors?.[0]).toMatchObject({
        message: "Er is al een toewijzing met extern kenmerk 'F-1'.",
        extensions: { code: 'CONFLICT' },
      });
      expect(await telRijen('F-1')).toBe(1);
    });

    it('a toewijzing dated before the retention bound is refused (it would be deleted again)', async () => {
      const grensJaar = Number(vandaagInAmsterdam(new Date()).slice(0, 4)) - t.config.toewijzingBewaarJaren;
      const datum = `${grensJaar - 1}-12-31`;
      const r = await maak('corporatie.domstad', {
        externKenmerk: 'F-OUD',
        gemeenteCode: 'GM0344',
        datum,
        huishoudgrootte: 2,
      });
      expect(r.errors?.[0]).toMatchObject({
        message: `De toewijzing is niet opgeslagen: Datum ${datum} valt buiten de bewaartermijn: toewijzingen van vóór ${grensJaar} bewaart Thuismonitor niet meer.`,
        extensions: {
          code: 'ONGELDIGE_INVOER',
          details: [{ veld: 'datum', melding: expect.stringMatching(/bewaartermijn/) }],
        },
      });
      expect(await telRijen('F-OUD')).toBe(0);
    });

    it('outside the werkgebied: refused, nothing stored', async () => {
      const r = await maak('corporatie.domstad', {
        externKenmerk: 'F-BUITEN',
        gemeenteCode: 'GM0307',
        datum: '2025-10-01',
        huishoudgrootte: 2,
      });
      expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(r.errors?.[0].message).toMatch(/werkgebied van uw organisatie; gemeente GM0307/);
      expect(await telRijen('F-BUITEN')).toBe(0);
      // Eemland's werkgebied is Amersfoort/Leusden: Utrecht is out
      const e = await maak('corporatie.eemland', {
        externKenmerk: 'F-BUITEN',
        gemeenteCode: 'GM0344',
        datum: '2025-10-01',
        huishoudgrootte: 2,
      });
      expect(e.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(await telRijen('F-BUITEN')).toBe(0);
    });

    it('non-corporaties may not log toewijzingen', async () => {
      for (const als of ['gemeente.utrecht', 'zorg.sticht', 'provincie.utrecht', 'bzk.analist']) {
        const r = await maak(als, {
          externKenmerk: 'F-X',
          gemeenteCode: 'GM0344',
          datum: '2025-10-01',
          huishoudgrootte: 2,
        });
        expect([als, r.errors?.[0].extensions?.code]).toEqual([als, 'GEEN_TOEGANG']);
      }
      expect(await telRijen('F-X')).toBe(0);
    });

    it('reports every invalid field in Dutch, per field', async () => {
      const r = await maak('corporatie.domstad', {
        externKenmerk: 'F-FOUT',
        gemeenteCode: 'Atlantis',
        datum: '2099-01-01',
        huishoudgrootte: 0,
      });
      expect(r.errors?.[0].extensions).toEqual({
        code: 'ONGELDIGE_INVOER',
        details: [
          { veld: 'gemeenteCode', melding: "Gemeente 'Atlantis' is onbekend" },
          { veld: 'datum', melding: "Datum '2099-01-01' ligt in de toekomst" },
          { veld: 'huishoudgrootte', melding: 'Huishoudgrootte 0 moet tussen 1 en 20 liggen' },
        ],
      });
      expect(await telRijen('F-FOUT')).toBe(0);
    });
  });

  describe('listing with pagination and refusals', () => {
    /** fingerprint shown by the API → the kenmerk the test stored it for */
    const vingerafdrukken = new Map<string, string>();
    beforeAll(async () => {
      await t.db.query('DELETE FROM toewijzing');
      // 9 Domstad rows in Utrecht (two on the same day, to exercise the id tie-breaker), 3 in Nieuwegein, 2 Eemland rows
      const rijen: [string, string, string, string][] = [];
      for (let i = 1; i <= 9; i++) rijen.push([domstad, 'GM0344', `2025-0${Math.min(i, 8)}-15`, `U-${i}`]);
      for (let i = 1; i <= 3; i++) rijen.push([domstad, 'GM0356', `2025-0${i}-20`, `N-${i}`]);
      rijen.push([eemland, 'GM0307', '2025-05-05', 'E-1'], [eemland, 'GM0307', '2025-06-06', 'E-2']);
      for (const [org, gem, datum, kenmerk] of rijen) {
        await t.db.query(
          `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, extern_kenmerk)
           VALUES ($1, $2, $3, $4, 2, $5)`,
          [
            org,
            gem,
            datum,
            kenmerk.startsWith('U-') && Number(kenmerk.slice(2)) % 3 === 0 ? 'STATUSHOUDERS' : null,
            h(kenmerk, org),
          ],
        );
        vingerafdrukken.set(h(kenmerk, org).slice(0, 12), kenmerk);
      }
    });

    async function alles(als: string, filter?: Record<string, unknown>, first = 4) {
      const kenmerken: string[] = [];
      let after: string | null = null;
      let totaal = -1;
      for (let pagina = 0; pagina < 20; pagina++) {
        const d: any = await t.ok(als, LIJST, { filter, first, after });
        totaal = d.toewijzingen.totalCount;
        expect(d.toewijzingen.edges.map((e: any) => e.node.id)).toEqual(
          d.toewijzingen.nodes.map((n: any) => n.id),
        );
        kenmerken.push(
          ...d.toewijzingen.nodes.map(
            (n: any) => vingerafdrukken.get(n.kenmerkVingerafdruk) ?? n.kenmerkVingerafdruk,
          ),
        );
        if (!d.toewijzingen.pageInfo.hasNextPage) break;
        after = d.toewijzingen.pageInfo.endCursor;
        expect(after).toBe(d.toewijzingen.edges.at(-1).cursor);
      }
      return { kenmerken, totaal };
    }

    it('the corporatie pages through its own rows, newest first, each exactly once', async () => {
      const eerste: any = await t.ok('corporatie.domstad', LIJST, { first: 5 });
      expect(eerste.toewijzingen.totalCount).toBe(12);
      expect(eerste.toewijzingen.nodes).toHaveLength(5);
      expect(eerste.toewijzingen.pageInfo.hasNextPage).toBe(true);
      const { kenmerken, totaal } = await alles('corporatie.domstad');
      expect(totaal).toBe(12);
      expect(kenmerken).toHaveLength(12);
      expect(new Set(kenmerken).size).toBe(12);
      const { rows } = await t.db.query(
        `SELECT extern_kenmerk FROM toewijzing WHERE corporatie_id = $1 ORDER BY datum DESC, id DESC`,
        [domstad],
      );
      expect(kenmerken).toEqual(rows.map((r) => vingerafdrukken.get(r.extern_kenmerk.slice(0, 12))));
    });

    it('filters: gemeente, period, aandachtsgroep, regulier', async () => {
      expect((await alles('corporatie.domstad', { gemeenteCode: 'GM0356' })).kenmerken).toEqual([
        'N-3',
        'N-2',
        'N-1',
      ]);
      expect(
        (await alles('corporatie.domstad', { van: '2025-02-01', tot: '2025-03-31' })).kenmerken.sort(),
      ).toEqual(['N-2', 'N-3', 'U-2', 'U-3']);
      expect((await alles('corporatie.domstad', { aandachtsgroep: 'STATUSHOUDERS' })).kenmerken).toEqual([
        'U-9',
        'U-6',
        'U-3',
      ]);
      expect((await alles('corporatie.domstad', { regulier: true })).totaal).toBe(9);
      // its own kenmerk: hashed the way it was stored and found; another corporatie finds nothing with it
      expect((await alles('corporatie.domstad', { externKenmerk: ' N-2 ' })).kenmerken).toEqual(['N-2']);
      expect((await alles('corporatie.domstad', { externKenmerk: 'E-1' })).kenmerken).toEqual([]);
      expect((await alles('gemeente.utrecht', { externKenmerk: 'U-1' })).kenmerken).toEqual([]);
      const fout = await t.gql('corporatie.domstad', LIJST, { filter: { van: '15-01-2025' } });
      expect(fout.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    });

    it('corporatie.eemland sees none of Domstad’s rows, even when it asks for them', async () => {
      expect((await alles('corporatie.eemland')).kenmerken.sort()).toEqual(['E-1', 'E-2']);
      expect(await alles('corporatie.eemland', { corporatieId: domstad })).toEqual({
        kenmerken: [],
        totaal: 0,
      });
      expect(await alles('corporatie.eemland', { gemeenteCode: 'GM0344' })).toEqual({
        kenmerken: [],
        totaal: 0,
      });
    });

    it('gemeente.utrecht sees Utrecht’s rows only (of every corporatie), not Nieuwegein’s', async () => {
      const { kenmerken, totaal } = await alles('gemeente.utrecht');
      expect(totaal).toBe(9);
      expect(kenmerken.every((k) => k.startsWith('U-'))).toBe(true);
      expect(await alles('gemeente.utrecht', { gemeenteCode: 'GM0356' })).toEqual({
        kenmerken: [],
        totaal: 0,
      });
      expect((await alles('gemeente.amersfoort')).kenmerken.sort()).toEqual(['E-1', 'E-2']);
    });

    it('provincie, Rijk, huurders and zorgaanbieder see no rows (aggregates only, elsewhere)', async () => {
      for (const als of ['provincie.utrecht', 'bzk.analist', 'huurders.domstad', 'zorg.sticht']) {
        expect([als, await alles(als)]).toEqual([als, { kenmerken: [], totaal: 0 }]);
        expect([als, await alles(als, { gemeenteCode: 'GM0344', corporatieId: domstad })]).toEqual([
          als,
          { kenmerken: [], totaal: 0 },
        ]);
      }
    });

    it('a tampered cursor or page size is a clear error', async () => {
      for (const after of ['bm9wZQ', Buffer.from('["2025-01-01","x"]').toString('base64url'), '!!']) {
        const r = await t.gql('corporatie.domstad', LIJST, { after });
        expect(r.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/^De cursor is ongeldig/),
          extensions: { code: 'ONGELDIGE_INVOER' },
        });
      }
      const r = await t.gql('corporatie.domstad', LIJST, { first: 501 });
      expect(r.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    });
  });

  describe('correcting and deleting', () => {
    const WIJZIG = `mutation ($id: ID!, $input: ToewijzingWijziging!) { wijzigToewijzing(id: $id, invoer: $input) { ${VELDEN} } }`;
    const VERWIJDER = `mutation ($id: ID!) { verwijderToewijzing(id: $id) }`;
    let id: string;
    beforeAll(async () => {
      id = (
        await t.ok('corporatie.domstad', CREATE, {
          input: { externKenmerk: 'C-1', gemeenteCode: 'GM0344', datum: '2025-03-03', huishoudgrootte: 2 },
        })
      ).maakToewijzing.id;
    });
    const rij = async () =>
      (
        await t.db.query(
          `SELECT gemeente_code, huishoudgrootte, aandachtsgroep FROM toewijzing WHERE id = $1`,
          [id],
        )
      ).rows[0];

    it('the owner corrects its toewijzing; the audit row names the changed fields, never their values', async () => {
      const r = await t.ok('corporatie.domstad.invoer', WIJZIG, {
        id,
        input: { gemeenteCode: 'GM1904', datum: '2025-03-04', huishoudgrootte: 3, aandachtsgroep: 'OUDEREN' },
      });
      expect(r.wijzigToewijzing).toMatchObject({
        kenmerkVingerafdruk: h('C-1').slice(0, 12),
        datum: '2025-03-04',
        gemeente: { code: 'GM1904' },
        aandachtsgroep: 'OUDEREN',
      });
      const audit = await t.db.query(
        `SELECT voor, na, gemeente_code FROM audit_log WHERE actie = 'WIJZIG_TOEWIJZING' AND entiteit_id = $1`,
        [id],
      );
      expect(audit.rows).toEqual([
        {
          voor: null,
          na: { gewijzigdeVelden: ['gemeenteCode', 'datum', 'aandachtsgroep', 'huishoudgrootte'] },
          gemeente_code: null,
        },
      ]);
    });

    it('another corporatie cannot change or delete it: answered like a missing record', async () => {
      const w = await t.gql('corporatie.eemland', WIJZIG, {
        id,
        input: { gemeenteCode: 'GM0307', datum: '2025-03-04', huishoudgrootte: 1 },
      });
      expect(w.errors?.[0]).toMatchObject({
        message: 'De toewijzing is niet gevonden.',
        extensions: { code: 'NIET_GEVONDEN' },
      });
      const v = await t.gql('corporatie.eemland', VERWIJDER, { id });
      expect(v.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
      const onbekend = await t.gql('corporatie.domstad', VERWIJDER, { id: 'geen-uuid' });
      expect(onbekend.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
      expect(await rij()).toEqual({ gemeente_code: 'GM1904', huishoudgrootte: 3, aandachtsgroep: 'OUDEREN' });
    });

    it('the gemeente (which sees the row) cannot change it; nor can the owner move it out of its werkgebied', async () => {
      const g = await t.gql('gemeente.utrecht', VERWIJDER, { id });
      expect(g.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      const buiten = await t.gql('corporatie.domstad', WIJZIG, {
        id,
        input: { gemeenteCode: 'GM0307', datum: '2025-03-04', huishoudgrootte: 1 },
      });
      expect(buiten.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(await rij()).toEqual({ gemeente_code: 'GM1904', huishoudgrootte: 3, aandachtsgroep: 'OUDEREN' });
    });

    it('the owner deletes it, audited', async () => {
      expect(await t.ok('corporatie.domstad', VERWIJDER, { id })).toEqual({ verwijderToewijzing: id });
      expect(await rij()).toBeUndefined();
      const audit = await t.db.query(
        `SELECT voor, na FROM audit_log WHERE actie = 'VERWIJDER_TOEWIJZING' AND entiteit_id = $1`,
        [id],
      );
      expect(audit.rows).toEqual([{ voor: null, na: null }]);
      // nothing the row said about the household survives in the audit log of this toewijzing
      const alles = JSON.stringify(
        (await t.db.query(`SELECT * FROM audit_log WHERE entiteit_id = $1`, [id])).rows,
      );
      for (const inhoud of ['GM0344', 'GM1904', 'OUDEREN', 'C-1', h('C-1').slice(0, 12), '2025-03-0'])
        expect(alles).not.toContain(inhoud);
    });
  });
});
