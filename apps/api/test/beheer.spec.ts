import ExcelJS from 'exceljs';
import { verhaal } from './support/verhaal';
import { vandaagInAmsterdam } from '@thuismonitor/domain';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Organisation administration by the platform operator (issue 13) over real HTTP GraphQL:
 * creating organisations of every kind with their official codes, werkgebied and huurders links,
 * renaming, deactivating and reactivating, registered users; every action audited with before and
 * after; bad input refused with Dutch messages and nothing stored; anyone but the operator refused
 * with one answer whether or not the record exists; changes apply without a restart.
 */
describe('organisatiebeheer (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const OP = 'bzk.platformbeheer';
  const VELDEN =
    'id code soort naam actief gedeactiveerdOp werkgebiedCodes corporatieIds aantalGebruikers werkgebied { code naam }';
  const CREATE = `mutation ($i: OrganisatieNieuwInput!) { maakOrganisatie(invoer: $i) { ${VELDEN} } }`;
  const WERKGEBIED = `mutation ($id: ID!, $g: [String!]!) { wijzigWerkgebied(id: $id, gemeenteCodes: $g) { ${VELDEN} } }`;
  const HERNOEM = `mutation ($id: ID!, $n: String!) { hernoemOrganisatie(id: $id, naam: $n) { ${VELDEN} } }`;
  const DEACTIVEER = `mutation ($id: ID!) { deactiveerOrganisatie(id: $id) { ${VELDEN} } }`;
  const HERACTIVEER = `mutation ($id: ID!) { heractiveerOrganisatie(id: $id) { ${VELDEN} } }`;
  const CORPORATIES = `mutation ($id: ID!, $c: [ID!]!) { wijzigHuurderCorporaties(id: $id, corporatieIds: $c) { ${VELDEN} } }`;
  const GEBRUIKER = `mutation ($o: ID!, $i: GebruikerNieuwInput!) { maakGebruiker(organisatieId: $o, invoer: $i) { id gebruikersnaam naam email rollen actief } }`;
  const EEN = `query ($id: ID!) { beheerOrganisatie(id: $id) { ${VELDEN} gebruikers { gebruikersnaam rollen actief } historie { actie gebruikersnaam voor na } } }`;
  const TOEWIJZING = `mutation ($i: ToewijzingInput!) { maakToewijzing(invoer: $i) { id gemeente { code } corporatie { code } } }`;

  const tel = async (sql: string, params: unknown[] = []) =>
    (await t.db.query(sql, params)).rows[0].n as number;
  const auditRijen = (id: string) =>
    t.db.query(
      `SELECT actie, voor, na, gebruikersnaam FROM audit_log WHERE entiteit = 'organisatie' AND entiteit_id = $1 ORDER BY id`,
      [id],
    );
  /** A token for a user of `code` (Keycloak-shaped: the organisation is the claim, roles are client roles). */
  const tokenVoor = async (code: string, rollen = ['lezen', 'invoeren', 'tekenen', 'beheren']) => ({
    token: await t.token('corporatie.domstad', {
      claims: {
        organisatie: code,
        preferred_username: `test.${code.toLowerCase()}`,
        resource_access: { 'thuismonitor-api': { roles: rollen } },
      },
    }),
  });
  const toewijzing = (gemeenteCode: string, kenmerk: string) => ({
    externKenmerk: kenmerk,
    gemeenteCode,
    datum: vandaagInAmsterdam(new Date()),
    aandachtsgroep: 'STATUSHOUDERS',
    huishoudgrootte: 2,
  });

  describe('a new corporatie with its werkgebied', () => {
    let id: string;
    // created, used, changed, deactivated, reactivated: each step builds on the ones before (verhaal.ts)
    const stap = verhaal();

    stap('is created with its L-nummer and werkgebied, audited with the state after', async () => {
      const r = await t.ok(OP, CREATE, {
        i: {
          soort: 'CORPORATIE',
          code: ' l0990 ',
          naam: 'Woonstichting  De Vaart',
          werkgebied: ['GM0344', 'gm0356', 'GM0344'],
        },
      });
      const org = r.maakOrganisatie;
      id = org.id;
      expect(org).toMatchObject({
        code: 'L0990',
        soort: 'CORPORATIE',
        naam: 'Woonstichting De Vaart',
        actief: true,
        gedeactiveerdOp: null,
        werkgebiedCodes: ['GM0344', 'GM0356'],
        aantalGebruikers: 0,
      });
      expect(org.werkgebied.map((g: { naam: string }) => g.naam).sort()).toEqual(['Nieuwegein', 'Utrecht']);
      const { rows } = await auditRijen(id);
      expect(rows).toEqual([
        {
          actie: 'CREATE_ORGANISATIE',
          gebruikersnaam: OP,
          voor: null,
          na: {
            code: 'L0990',
            soort: 'CORPORATIE',
            naam: 'Woonstichting De Vaart',
            actief: true,
            werkgebied: ['GM0344', 'GM0356'],
            corporaties: [],
          },
        },
      ]);
    });

    stap('its users sign in and log a toewijzing at once (no restart), only inside the werkgebied', async () => {
      const als = await tokenVoor('L0990');
      const binnen = await t.gql(als, TOEWIJZING, { i: toewijzing('GM0344', 'VAART-1') });
      expect(binnen.errors).toBeUndefined();
      expect(binnen.data!.maakToewijzing).toMatchObject({
        gemeente: { code: 'GM0344' },
        corporatie: { code: 'L0990' },
      });
      const buiten = await t.gql(als, TOEWIJZING, { i: toewijzing('GM0307', 'VAART-2') });
      expect(buiten.errors?.[0].extensions?.code).toBeDefined();
      expect(await tel(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [id])).toBe(1);
    });

    stap('a werkgebied change applies to the next request, audited before and after', async () => {
      const als = await tokenVoor('L0990');
      // warm the principal cache with the old werkgebied first
      expect((await t.gql(als, TOEWIJZING, { i: toewijzing('GM0307', 'VAART-3') })).errors).toBeDefined();
      const r = await t.ok(OP, WERKGEBIED, { id, g: ['GM0344', 'GM0307'] });
      expect(r.wijzigWerkgebied.werkgebiedCodes).toEqual(['GM0307', 'GM0344']);
      expect((await t.gql(als, TOEWIJZING, { i: toewijzing('GM0307', 'VAART-3') })).errors).toBeUndefined();
      const { rows } = await auditRijen(id);
      expect(rows.at(-1)).toMatchObject({
        actie: 'WIJZIG_WERKGEBIED',
        voor: { werkgebied: ['GM0344', 'GM0356'] },
        na: { werkgebied: ['GM0307', 'GM0344'] },
      });
    });

    stap('is renamed, audited before and after', async () => {
      const r = await t.ok(OP, HERNOEM, { id, n: 'Woonstichting De Vaart en Eem' });
      expect(r.hernoemOrganisatie.naam).toBe('Woonstichting De Vaart en Eem');
      const { rows } = await auditRijen(id);
      expect(rows.at(-1)).toMatchObject({
        actie: 'HERNOEM_ORGANISATIE',
        voor: { naam: 'Woonstichting De Vaart' },
        na: { naam: 'Woonstichting De Vaart en Eem' },
      });
      const een = await t.ok(OP, EEN, { id });
      expect(een.beheerOrganisatie.historie.map((h: { actie: string }) => h.actie)).toEqual([
        'HERNOEM_ORGANISATIE',
        'WIJZIG_WERKGEBIED',
        'CREATE_ORGANISATIE',
      ]);
    });

    stap('deactivated: history stays readable (its own users and the gemeente), new writes are refused', async () => {
      const r = await t.ok(OP, DEACTIVEER, { id });
      expect(r.deactiveerOrganisatie.actief).toBe(false);
      expect(r.deactiveerOrganisatie.gedeactiveerdOp).toEqual(expect.any(String));
      const als = await tokenVoor('L0990');
      // reads go on
      const lijst = await t.gql(
        als,
        `{ toewijzingen(first: 10) { totalCount } me { permissies organisatie { code } } }`,
      );
      expect(lijst.errors).toBeUndefined();
      expect(lijst.data!.toewijzingen.totalCount).toBe(2);
      expect(lijst.data!.me.permissies).not.toContain('toewijzing:invoeren');
      const gemeente = await t.ok(
        'gemeente.utrecht',
        `query ($f: ToewijzingFilter) { toewijzingen(filter: $f, first: 10) { nodes { corporatie { code naam } } } }`,
        {
          f: { gemeenteCode: 'GM0344' },
        },
      );
      expect(gemeente.toewijzingen.nodes).toContainEqual({
        corporatie: { code: 'L0990', naam: 'Woonstichting De Vaart en Eem' },
      });
      // writes are refused, nothing stored
      const schrijf = await t.gql(als, TOEWIJZING, { i: toewijzing('GM0344', 'VAART-4') });
      expect(schrijf.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(await tel(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [id])).toBe(2);
      // nor can the operator change it, or it become a party (second wall in the database)
      const hernoem = await t.gql(OP, HERNOEM, { id, n: 'Andere naam' });
      expect(hernoem.errors?.[0].message).toBe('Deze organisatie is gedeactiveerd; heractiveer haar eerst.');
      const pa = await t.db.query(`SELECT id FROM prestatieafspraak LIMIT 1`);
      if (pa.rows[0]) {
        await expect(
          t.db.query(
            `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
            [pa.rows[0].id, id],
          ),
        ).rejects.toThrow(/deactivated/);
      }
      // it is listed only on request
      const zonder = await t.ok(OP, `{ beheerOrganisaties(filter: { zoek: "L0990" }) { code } }`);
      expect(zonder.beheerOrganisaties).toEqual([]);
      const met = await t.ok(
        OP,
        `{ beheerOrganisaties(filter: { zoek: "L0990", inclusiefGedeactiveerd: true }) { code actief } }`,
      );
      expect(met.beheerOrganisaties).toEqual([{ code: 'L0990', actief: false }]);
    });

    stap('reactivated: writes work again', async () => {
      await t.ok(OP, HERACTIVEER, { id });
      expect(
        (await t.gql(await tokenVoor('L0990'), TOEWIJZING, { i: toewijzing('GM0344', 'VAART-5') })).errors,
      ).toBeUndefined();
      const { rows } = await auditRijen(id);
      expect(rows.slice(-2).map((r) => [r.actie, r.voor.actief, r.na.actief])).toEqual([
        ['DEACTIVEER_ORGANISATIE', true, false],
        ['HERACTIVEER_ORGANISATIE', false, true],
      ]);
    });
  });

  describe('every kind with its official code', () => {
    it('a gemeente and a provincie from the CBS reference data (name from the indeling)', async () => {
      // the reference organisations exist already; remove one unused gemeente to create it anew
      await t.db.query(`DELETE FROM organisatie WHERE code = 'GM1680'`);
      const g = await t.ok(OP, CREATE, { i: { soort: 'GEMEENTE', code: 'GM1680' } });
      expect(g.maakOrganisatie).toMatchObject({
        code: 'GM1680',
        soort: 'GEMEENTE',
        naam: 'Gemeente Aa en Hunze',
      });
      // a new gemeente's users see their own gemeente at once
      const me = await t.gql(await tokenVoor('GM1680'), `{ me { organisatie { code gemeente { naam } } } }`);
      expect(me.data!.me.organisatie).toEqual({ code: 'GM1680', gemeente: { naam: 'Aa en Hunze' } });
      await t.db.query(`DELETE FROM organisatie WHERE code = 'PV22'`);
      const p = await t.ok(OP, CREATE, { i: { soort: 'PROVINCIE', code: 'pv22' } });
      expect(p.maakOrganisatie).toMatchObject({
        code: 'PV22',
        soort: 'PROVINCIE',
        naam: 'Provincie Drenthe',
      });
    });

    it('a zorgaanbieder with KVK-nummer and werkgebied; a huurdersorganisatie linked to corporaties', async () => {
      const z = await t.ok(OP, CREATE, {
        i: { soort: 'ZORGAANBIEDER', code: '1234 5678', naam: 'Zorggroep Eemland', werkgebied: ['GM0307'] },
      });
      expect(z.maakOrganisatie).toMatchObject({ code: '12345678', werkgebiedCodes: ['GM0307'] });
      const domstad = await t.orgId('L0801');
      const eemland = await t.orgId('L0802');
      const h = await t.ok(OP, CREATE, {
        i: {
          soort: 'HUURDERSORGANISATIE',
          code: '87654321',
          naam: 'Huurdersvereniging Eem',
          werkgebied: ['GM0307'],
          corporatieIds: [eemland],
        },
      });
      expect(h.maakOrganisatie.corporatieIds).toEqual([eemland]);
      const w = await t.ok(OP, CORPORATIES, { id: h.maakOrganisatie.id, c: [eemland, domstad] });
      expect([...w.wijzigHuurderCorporaties.corporatieIds].sort()).toEqual([domstad, eemland].sort());
      const { rows } = await auditRijen(h.maakOrganisatie.id);
      expect(rows.at(-1)).toMatchObject({
        actie: 'WIJZIG_CORPORATIES',
        voor: { corporaties: ['L0802'] },
        na: { corporaties: ['L0801', 'L0802'] },
      });
      // linking to something that is not an active corporatie is refused
      const fout = await t.gql(OP, CORPORATIES, { id: h.maakOrganisatie.id, c: [await t.orgId('GM0344')] });
      expect(fout.errors?.[0].message).toBe('Kies alleen actieve woningcorporaties.');
    });

    it('shows what needs attention: no werkgebied, no corporatie, no users', async () => {
      await t.ok(OP, CREATE, {
        i: { soort: 'HUURDERSORGANISATIE', code: '11223344', naam: 'Huurdersraad Zonder' },
      });
      const r = await t.ok(
        OP,
        `{ beheerAandacht { zonderWerkgebied { code } huurdersZonderCorporatie { code } zonderGebruikers { code } } }`,
      );
      expect(r.beheerAandacht.zonderWerkgebied.map((o: { code: string }) => o.code)).toContain('11223344');
      const zonderCorporatie = r.beheerAandacht.huurdersZonderCorporatie.map((o: { code: string }) => o.code);
      expect(zonderCorporatie).toContain('11223344');
      expect(zonderCorporatie).not.toContain('87654321');
      expect(r.beheerAandacht.zonderGebruikers.map((o: { code: string }) => o.code)).toContain('12345678');
    });
  });

  describe('merging (fusie)', () => {
    const SAMEN = `mutation ($b: ID!, $d: ID!) { voegOrganisatieSamen(bronId: $b, doelId: $d) { ${VELDEN} } }`;

    it('the target gets werkgebied, huurders links and users; the source keeps its figures, is deactivated and names the target', async () => {
      const bron = (
        await t.ok(OP, CREATE, {
          i: {
            soort: 'CORPORATIE',
            code: 'L0981',
            naam: 'Woonstichting Bron',
            werkgebied: ['GM0307', 'GM0356'],
          },
        })
      ).maakOrganisatie.id;
      const doel = (
        await t.ok(OP, CREATE, {
          i: { soort: 'CORPORATIE', code: 'L0982', naam: 'Woonstichting Doel', werkgebied: ['GM0344'] },
        })
      ).maakOrganisatie.id;
      const huurders = (
        await t.ok(OP, CREATE, {
          i: {
            soort: 'HUURDERSORGANISATIE',
            code: '55667788',
            naam: 'Huurders Bron',
            werkgebied: ['GM0307'],
            corporatieIds: [bron],
          },
        })
      ).maakOrganisatie.id;
      await t.ok(OP, GEBRUIKER, {
        o: bron,
        i: {
          gebruikersnaam: 'bron.invoer',
          naam: 'Bart Bron',
          email: 'b@bron.example',
          rollen: ['invoeren'],
        },
      });
      expect(
        (await t.gql(await tokenVoor('L0981'), TOEWIJZING, { i: toewijzing('GM0307', 'BRON-1') })).errors,
      ).toBeUndefined();

      const r = await t.ok(OP, SAMEN, { b: bron, d: doel });
      expect(r.voegOrganisatieSamen).toMatchObject({
        code: 'L0982',
        actief: true,
        werkgebiedCodes: ['GM0307', 'GM0344', 'GM0356'],
        aantalGebruikers: 1,
      });
      const b = await t.ok(
        OP,
        `query ($id: ID!) { beheerOrganisatie(id: $id) { actief opgegaanIn { code } gebruikers { gebruikersnaam } } }`,
        { id: bron },
      );
      expect(b.beheerOrganisatie).toEqual({ actief: false, opgegaanIn: { code: 'L0982' }, gebruikers: [] });
      const h = await t.ok(OP, EEN, { id: huurders });
      expect(h.beheerOrganisatie.corporatieIds).toEqual([doel]);
      // figures stay with the source (nothing moved or deleted); its users are read-only now
      expect(await tel(`SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1`, [bron])).toBe(1);
      expect(
        (await t.gql(await tokenVoor('L0981'), TOEWIJZING, { i: toewijzing('GM0307', 'BRON-2') })).errors?.[0]
          .extensions?.code,
      ).toBe('GEEN_TOEGANG');
      // the target's users write in the merged werkgebied at once
      expect(
        (await t.gql(await tokenVoor('L0982'), TOEWIJZING, { i: toewijzing('GM0356', 'DOEL-1') })).errors,
      ).toBeUndefined();
      const audit = await t.db.query(
        `SELECT entiteit_id, actie, voor, na FROM audit_log WHERE actie IN ('OPGEGAAN_IN', 'SAMENVOEGING') ORDER BY id`,
      );
      expect(audit.rows).toEqual([
        expect.objectContaining({
          entiteit_id: bron,
          actie: 'OPGEGAAN_IN',
          voor: expect.objectContaining({ actief: true }),
          na: expect.objectContaining({ actief: false, opgegaanIn: 'L0982', gebruikers: ['bron.invoer'] }),
        }),
        expect.objectContaining({
          entiteit_id: doel,
          actie: 'SAMENVOEGING',
          voor: expect.objectContaining({ werkgebied: ['GM0344'] }),
          na: expect.objectContaining({
            werkgebied: ['GM0307', 'GM0344', 'GM0356'],
            samengevoegdMet: 'L0981',
          }),
        }),
      ]);
    });

    it.each([
      [
        'itself',
        async () => [await t.orgId('L0801'), await t.orgId('L0801')],
        'Een organisatie kan niet met zichzelf worden samengevoegd.',
      ],
      [
        'another kind',
        async () => [await t.orgId('L0801'), await t.orgId('HO-DOMSTAD')],
        'Een woningcorporatie kan niet opgaan in een huurdersorganisatie.',
      ],
      [
        'gemeenten',
        async () => [await t.orgId('GM0344'), await t.orgId('GM0356')],
        /gemeenten gaan samen via een herindeling/,
      ],
      [
        'a deactivated source',
        async () => [await t.orgId('L0981'), await t.orgId('L0801')],
        'Alleen actieve organisaties kunnen worden samengevoegd.',
      ],
    ] as const)('refuses merging %s, nothing changes', async (_naam, ids, melding) => {
      const [b, d] = await ids();
      const voor = await tel(`SELECT count(*)::int AS n FROM audit_log`);
      const r = await t.gql(OP, SAMEN, { b, d });
      expect(r.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
      expect(r.errors?.[0].message).toMatch(melding);
      expect(await tel(`SELECT count(*)::int AS n FROM audit_log`)).toBe(voor);
    });

    it('is refused to anyone but the operator', async () => {
      const r = await t.gql('bzk.analist', SAMEN, { b: await t.orgId('L0801'), d: await t.orgId('L0802') });
      expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
      expect(await tel(`SELECT count(*)::int AS n FROM organisatie WHERE code = 'L0801' AND actief`)).toBe(1);
    });
  });

  describe('bulk import (CSV, proefrun, all or nothing)', () => {
    const IMPORT = `mutation ($c: String!, $p: Boolean!) { importeerOrganisaties(inhoud: $c, proefrun: $p) {
      proefrun opgeslagen aantalRijen nieuw bijgewerkt fouten { regel kolom melding } } }`;
    const GOED = [
      'soort;code;naam;werkgebied;corporaties',
      'corporatie;L0961;Woonstichting Import;Utrecht|GM0356;',
      'huurdersorganisatie;99887766;Huurders Import;Utrecht;L0961|L0801',
      'zorgaanbieder;99887755;Zorg Import;"Amersfoort, Leusden";',
      'corporatie;L0801;;GM0344|GM0356|GM0307;',
    ].join('\n');
    const telOrgs = () => tel(`SELECT count(*)::int AS n FROM organisatie`);

    it('a file with bad rows: every error named with its line, nothing stored, in proefrun and for real', async () => {
      const fout = [
        'soort;code;naam;werkgebied;corporaties',
        'corporatie;L0962;Goed;Utrecht;',
        'bank;123;Bank;;',
        'corporatie;0963;Geen L;;',
        'corporatie;L0964;Onbekend gebied;Utrecht|Atlantis;',
        'corporatie;L0962;Dubbel;;',
        'huurdersorganisatie;11119999;Huurders;;L0999',
        'gemeente;GM0344;;GM0356;',
        'huurdersorganisatie;12121212;;;',
      ].join('\n');
      const voor = [await telOrgs(), await tel(`SELECT count(*)::int AS n FROM audit_log`)];
      for (const p of [true, false]) {
        const r = (await t.ok(OP, IMPORT, { c: fout, p })).importeerOrganisaties;
        expect(r.opgeslagen).toBe(false);
        expect(r.fouten.map((f: { regel: number; kolom: string }) => [f.regel, f.kolom])).toEqual([
          [3, 'soort'],
          [4, 'code'],
          [5, 'werkgebied'],
          [6, 'code'],
          [7, 'corporaties'],
          [8, 'werkgebied'],
          [9, 'naam'],
        ]);
        expect(r.fouten[2].melding).toBe("Onbekende gemeente: 'Atlantis'.");
        expect(r.fouten[3].melding).toBe('De code L0962 staat ook op regel 2.');
        expect(r.fouten[4].melding).toBe("Geen actieve corporatie met code 'L0999'.");
      }
      expect([await telOrgs(), await tel(`SELECT count(*)::int AS n FROM audit_log`)]).toEqual(voor);
    });

    it('one bad row among good ones: nothing of the file is stored, the one error named with its line', async () => {
      const eenFout = `${GOED}\ncorporatie;L0965;Woonstichting Atlantis;Atlantis;`;
      const voor = [await telOrgs(), await tel(`SELECT count(*)::int AS n FROM audit_log`)];
      const r = (await t.ok(OP, IMPORT, { c: eenFout, p: false })).importeerOrganisaties;
      expect(r).toMatchObject({ opgeslagen: false, aantalRijen: 5 });
      expect(r.fouten).toEqual([{ regel: 6, kolom: 'werkgebied', melding: "Onbekende gemeente: 'Atlantis'." }]);
      expect([await telOrgs(), await tel(`SELECT count(*)::int AS n FROM audit_log`)]).toEqual(voor);
      expect(await tel(`SELECT count(*)::int AS n FROM organisatie WHERE code IN ('L0961', 'L0965')`)).toBe(0);
    });

    it('proefrun reports what would happen and stores nothing; then the import creates and updates, audited', async () => {
      const voor = await telOrgs();
      const proef = (await t.ok(OP, IMPORT, { c: GOED, p: true })).importeerOrganisaties;
      expect(proef).toEqual({
        proefrun: true,
        opgeslagen: false,
        aantalRijen: 4,
        nieuw: ['L0961', '99887766', '99887755'],
        bijgewerkt: ['L0801'],
        fouten: [],
      });
      expect(await telOrgs()).toBe(voor);
      const echt = (await t.ok(OP, IMPORT, { c: GOED, p: false })).importeerOrganisaties;
      expect(echt).toMatchObject({
        proefrun: false,
        opgeslagen: true,
        nieuw: ['L0961', '99887766', '99887755'],
      });
      expect(await telOrgs()).toBe(voor + 3);
      const h = await t.ok(
        OP,
        `{ beheerOrganisaties(filter: { zoek: "99887766" }) { werkgebiedCodes corporatieIds } }`,
      );
      expect(h.beheerOrganisaties[0].werkgebiedCodes).toEqual(['GM0344']);
      expect([...h.beheerOrganisaties[0].corporatieIds].sort()).toEqual(
        [await t.orgId('L0801'), await t.orgId('L0961')].sort(),
      );
      const z = await t.ok(OP, `{ beheerOrganisaties(filter: { zoek: "99887755" }) { werkgebiedCodes } }`);
      expect(z.beheerOrganisaties[0].werkgebiedCodes).toEqual(['GM0307', 'GM0327']);
      const { rows } = await auditRijen(await t.orgId('L0801'));
      expect(rows.at(-1)).toMatchObject({
        actie: 'IMPORT_WIJZIGING',
        na: { werkgebied: ['GM0307', 'GM0344', 'GM0356'], bron: 'import' },
      });
      // the same file again: nothing new, only updates
      const weer = (await t.ok(OP, IMPORT, { c: GOED, p: true })).importeerOrganisaties;
      expect(weer).toMatchObject({ nieuw: [], bijgewerkt: ['L0961', '99887766', '99887755', 'L0801'] });
    });

    it('a werkgebied cell with more entries than there are gemeenten is refused in Dutch, without a long stall', async () => {
      // ~1.9 MB of entries in one cell: a linear search per entry once blocked the server ~45 s
      const cel = Array.from({ length: 600_000 }, () => 'x').join(',');
      const t0 = Date.now();
      const r = (
        await t.ok(OP, IMPORT, {
          c: `soort;code;naam;werkgebied;corporaties\ncorporatie;L0971;Groot;"${cel}";`,
          p: true,
        })
      ).importeerOrganisaties;
      const duur = Date.now() - t0;
      expect(r.opgeslagen).toBe(false);
      expect(r.fouten).toEqual([
        {
          regel: 2,
          kolom: 'werkgebied',
          melding: expect.stringMatching(/^Een werkgebied telt hoogstens \d+ gemeenten\.$/),
        },
      ]);
      console.log(`beheer import: a 600,000-entry werkgebied cell refused in ${duur} ms`);
    });

    it('reads the same list from an XLSX file (Excel row numbers in the errors) and refuses a file that is not one', async () => {
      const BESTAND = `mutation ($b: String!, $n: String!, $p: Boolean!) { importeerOrganisatieBestand(bestand: $b, bestandsnaam: $n, proefrun: $p) {
        opgeslagen aantalRijen nieuw bijgewerkt fouten { regel kolom melding } } }`;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Organisaties');
      ws.addRow(['Soort', 'Code', 'Naam', 'Werkgebied', 'Corporaties']);
      ws.addRow(['corporatie', 'L0951', 'Woonstichting Excel', 'Utrecht|Nieuwegein', '']);
      ws.addRow([]);
      ws.addRow(['zorgaanbieder', '1234567', 'Te kort KVK', '', '']);
      const fout = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const r1 = (await t.ok(OP, BESTAND, { b: fout, n: 'organisaties.xlsx', p: true }))
        .importeerOrganisatieBestand;
      expect(r1.fouten).toEqual([
        { regel: 4, kolom: 'code', melding: expect.stringMatching(/KVK-nummer van 8 cijfers/) },
      ]);
      ws.spliceRows(4, 1);
      const goed = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const r2 = (await t.ok(OP, BESTAND, { b: goed, n: 'organisaties.xlsx', p: false }))
        .importeerOrganisatieBestand;
      expect(r2).toMatchObject({ opgeslagen: true, nieuw: ['L0951'], fouten: [] });
      const o = await t.ok(OP, `{ beheerOrganisaties(filter: { zoek: "L0951" }) { werkgebiedCodes } }`);
      expect(o.beheerOrganisaties[0].werkgebiedCodes).toEqual(['GM0344', 'GM0356']);
      const kapot = (
        await t.ok(OP, BESTAND, {
          b: Buffer.from('PK\u0003\u0004 geen zip').toString('base64'),
          n: 'x.xlsx',
          p: true,
        })
      ).importeerOrganisatieBestand;
      expect(kapot.opgeslagen).toBe(false);
      expect(kapot.fouten).toHaveLength(1);
      expect(kapot.fouten[0].regel).toBe(1);
    });

    it('is refused to anyone but the operator', async () => {
      const r = await t.gql('gemeente.utrecht', IMPORT, { c: GOED, p: true });
      expect(r.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
    });
  });

  describe('bad input: a clear Dutch error, nothing stored, no audit row', () => {
    const aantallen = async () => [
      await tel(`SELECT count(*)::int AS n FROM organisatie`),
      await tel(`SELECT count(*)::int AS n FROM organisatie_werkgebied`),
      await tel(`SELECT count(*)::int AS n FROM audit_log`),
    ];

    it.each([
      [
        { soort: 'CORPORATIE', code: 'L0801', naam: 'Dubbel' },
        'CONFLICT',
        /Er bestaat al een organisatie met code L0801: /,
      ],
      [{ soort: 'GEMEENTE', code: 'GM0344' }, 'CONFLICT', /code GM0344: Gemeente Utrecht/],
      [
        { soort: 'GEMEENTE', code: 'GM9999' },
        'ONGELDIGE_INVOER',
        /GM9999 staat niet in de CBS-indeling van gemeenten/,
      ],
      [
        { soort: 'PROVINCIE', code: 'PV99' },
        'ONGELDIGE_INVOER',
        /PV99 staat niet in de CBS-indeling van provincies/,
      ],
      [{ soort: 'CORPORATIE', code: '0801', naam: 'Zonder L' }, 'ONGELDIGE_INVOER', /verwacht een L-nummer/],
      [
        { soort: 'ZORGAANBIEDER', code: 'ZA-NIEUW', naam: 'Zorg' },
        'ONGELDIGE_INVOER',
        /verwacht een KVK-nummer van 8 cijfers/,
      ],
      [{ soort: 'CORPORATIE', code: 'L0991' }, 'ONGELDIGE_INVOER', /Vul de naam van de organisatie in/],
      [
        { soort: 'CORPORATIE', code: 'L0991', naam: 'X', werkgebied: ['GM0344'] },
        'ONGELDIGE_INVOER',
        /2 tot 200 tekens/,
      ],
      [
        { soort: 'CORPORATIE', code: 'L0991', naam: 'Nieuw', werkgebied: ['GM0344', 'GM9998', 'GM9997'] },
        'ONGELDIGE_INVOER',
        /Deze gemeentecodes bestaan niet: GM9997, GM9998/,
      ],
      [
        { soort: 'CORPORATIE', code: 'L0991', naam: 'Nieuw', werkgebied: ['Utrecht'] },
        'ONGELDIGE_INVOER',
        /Geen gemeentecode: 'Utrecht'/,
      ],
      [
        { soort: 'RIJK', code: 'MINFIN', naam: 'Financiën', werkgebied: ['GM0344'] },
        'ONGELDIGE_INVOER',
        /heeft geen eigen werkgebied/,
      ],
    ])('%j → %s', async (input, code, melding) => {
      const voor = await aantallen();
      const r = await t.gql(OP, CREATE, { i: input });
      expect(r.errors?.[0].extensions?.code).toBe(code);
      expect(r.errors?.[0].message).toMatch(melding);
      expect(await aantallen()).toEqual(voor);
    });

    it('a werkgebied for a gemeente, or an unknown werkgebied gemeente on an existing corporatie, is refused', async () => {
      const voor = await aantallen();
      const g = await t.gql(OP, WERKGEBIED, { id: await t.orgId('GM0344'), g: ['GM0356'] });
      expect(g.errors?.[0].message).toMatch(/volgt uit de CBS-indeling/);
      const c = await t.gql(OP, WERKGEBIED, { id: await t.orgId('L0801'), g: ['GM0344', 'GM0000'] });
      expect(c.errors?.[0].message).toBe('Deze gemeentecode bestaat niet: GM0000.');
      expect(await aantallen()).toEqual(voor);
    });

    it('an unknown or malformed id is not found', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-uuid']) {
        const r = await t.gql(OP, HERNOEM, { id, n: 'Naam' });
        expect(r.errors?.[0]).toMatchObject({
          message: 'De organisatie is niet gevonden.',
          extensions: { code: 'NIET_GEVONDEN' },
        });
      }
    });

    it('the operator cannot deactivate its own organisation', async () => {
      const r = await t.gql(OP, DEACTIVEER, { id: await t.orgId('BZK') });
      expect(r.errors?.[0].message).toBe('U kunt uw eigen organisatie niet deactiveren.');
    });
  });

  describe('anyone but the platform operator', () => {
    it.each(['bzk.analist', 'corporatie.domstad', 'gemeente.utrecht', 'provincie.utrecht'])(
      '%s is refused every query and mutation, with the same answer for an existing and a missing record, and nothing changes',
      async (als) => {
        const voor = await tel(`SELECT count(*)::int AS n FROM audit_log`);
        const bestaand = await t.orgId('L0802');
        const missend = '00000000-0000-4000-8000-000000000000';
        const antwoorden = [];
        for (const id of [bestaand, missend]) {
          for (const [q, v] of [
            [EEN, { id }],
            [HERNOEM, { id, n: 'Overgenomen' }],
            [DEACTIVEER, { id }],
            [HERACTIVEER, { id }],
            [CORPORATIES, { id, c: [] }],
            [`mutation ($id: ID!) { deactiveerGebruiker(id: $id) { actief } }`, { id }],
            [WERKGEBIED, { id, g: [] }],
            [
              GEBRUIKER,
              {
                o: id,
                i: {
                  gebruikersnaam: 'indringer',
                  naam: 'In Dringer',
                  email: 'i@x.example',
                  rollen: ['lezen'],
                },
              },
            ],
          ] as const) {
            const r = await t.gql(als, q, v);
            antwoorden.push({
              data: r.data ?? null,
              fout: r.errors?.map((e) => [e.message, e.extensions?.code]),
            });
          }
        }
        for (const q of [`{ beheerOrganisaties { id } }`, `{ beheerAandacht { zonderGebruikers { id } } }`]) {
          const r = await t.gql(als, q);
          antwoorden.push({
            data: r.data ?? null,
            fout: r.errors?.map((e) => [e.message, e.extensions?.code]),
          });
        }
        const c = await t.gql(als, CREATE, { i: { soort: 'CORPORATIE', code: 'L0999', naam: 'Indringer' } });
        antwoorden.push({
          data: c.data ?? null,
          fout: c.errors?.map((e) => [e.message, e.extensions?.code]),
        });
        const bestand = await t.gql(
          als,
          `mutation ($b: String!, $n: String!, $p: Boolean!) { importeerOrganisatieBestand(bestand: $b, bestandsnaam: $n, proefrun: $p) { opgeslagen } }`,
          {
            b: Buffer.from('soort;code;naam;werkgebied;corporaties\ncorporatie;L0998;Indringer;;\n').toString(
              'base64',
            ),
            n: 'organisaties.csv',
            p: false,
          },
        );
        antwoorden.push({
          data: bestand.data ?? null,
          fout: bestand.errors?.map((e) => [e.message, e.extensions?.code]),
        });
        for (const a of antwoorden) {
          expect(a).toEqual({
            data: null,
            fout: [['U heeft geen toestemming voor deze handeling.', 'GEEN_TOEGANG']],
          });
        }
        expect(await tel(`SELECT count(*)::int AS n FROM audit_log`)).toBe(voor);
        expect(
          await tel(
            `SELECT count(*)::int AS n FROM organisatie WHERE code IN ('L0999', 'L0998') OR naam = 'Overgenomen'`,
          ),
        ).toBe(0);
        expect(
          await tel(
            `SELECT count(*)::int AS n FROM organisatie_gebruiker WHERE gebruikersnaam = 'indringer'`,
          ),
        ).toBe(0);
      },
    );

    it('the database refuses organisation writes outside a RIJK transaction (second wall)', async () => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SET LOCAL ROLE thuismonitor_app`);
        await c.query(
          `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'CORPORATIE', true)`,
          [await t.orgId('L0801')],
        );
        await expect(
          c.query(`UPDATE organisatie SET naam = 'Gekaapt' WHERE code = 'L0802'`),
        ).resolves.toMatchObject({ rowCount: 0 });
        await expect(
          c.query(`INSERT INTO organisatie (code, soort, naam) VALUES ('L0998', 'CORPORATIE', 'X')`),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    });
  });

  describe('registered users', () => {
    it('are stored with lezen always included, audited, and listed on the organisation', async () => {
      const org = await t.orgId('L0802');
      const r = await t.ok(OP, GEBRUIKER, {
        o: org,
        i: {
          gebruikersnaam: 'Anna.Eem',
          naam: ' Anna  de Wit ',
          email: 'A.deWit@eemland.example',
          rollen: ['invoeren'],
        },
      });
      expect(r.maakGebruiker).toMatchObject({
        gebruikersnaam: 'anna.eem',
        naam: 'Anna de Wit',
        email: 'a.dewit@eemland.example',
        rollen: ['lezen', 'invoeren'],
        actief: true,
      });
      const een = await t.ok(OP, EEN, { id: org });
      expect(een.beheerOrganisatie.gebruikers).toEqual([
        { gebruikersnaam: 'anna.eem', rollen: ['lezen', 'invoeren'], actief: true },
      ]);
      expect(een.beheerOrganisatie.historie[0]).toMatchObject({
        actie: 'CREATE_GEBRUIKER',
        gebruikersnaam: OP,
      });
      const d = await t.ok(OP, `mutation ($id: ID!) { deactiveerGebruiker(id: $id) { actief } }`, {
        id: r.maakGebruiker.id,
      });
      expect(d.deactiveerGebruiker.actief).toBe(false);
    });

    it('bad input is named per field; duplicates (also of demo accounts) and platformbeheer outside BZK are refused', async () => {
      const org = await t.orgId('L0802');
      const voor = await tel(`SELECT count(*)::int AS n FROM organisatie_gebruiker`);
      const velden = await t.gql(OP, GEBRUIKER, {
        o: org,
        i: { gebruikersnaam: 'a b', naam: '', email: 'geen-adres', rollen: ['baas'] },
      });
      expect(velden.errors?.[0].extensions?.details.map((d: { veld: string }) => d.veld)).toEqual([
        'gebruikersnaam',
        'naam',
        'email',
        'rollen',
      ]);
      const demo = await t.gql(OP, GEBRUIKER, {
        o: org,
        i: { gebruikersnaam: 'corporatie.domstad', naam: 'Dubbel', email: 'd@x.example', rollen: [] },
      });
      expect(demo.errors?.[0]).toMatchObject({
        message: 'De gebruikersnaam corporatie.domstad is al in gebruik.',
        extensions: { code: 'CONFLICT' },
      });
      const pb = await t.gql(OP, GEBRUIKER, {
        o: org,
        i: { gebruikersnaam: 'stiekem', naam: 'Stie Kem', email: 's@x.example', rollen: ['platformbeheer'] },
      });
      expect(pb.errors?.[0].message).toBe('De rol platformbeheer bestaat alleen binnen het Rijk (BZK).');
      // a malformed organisation id is "not found" (common/id.ts), not an internal error from the uuid cast
      const geenId = await t.gql(OP, GEBRUIKER, {
        o: 'geen-uuid',
        i: { gebruikersnaam: 'nergens', naam: 'Ner Gens', email: 'n@x.example', rollen: [] },
      });
      expect(geenId.errors?.[0]).toMatchObject({
        message: 'De organisatie is niet gevonden.',
        extensions: { code: 'NIET_GEVONDEN' },
      });
      expect(await tel(`SELECT count(*)::int AS n FROM organisatie_gebruiker`)).toBe(voor);
    });
  });
});
