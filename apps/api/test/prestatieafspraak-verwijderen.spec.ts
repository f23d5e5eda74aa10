import { RequestContext } from '@thuismonitor/auth';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { ScopedDb } from '../src/database/scoped-db.service';
import { startTestApp, type TestApp } from './support/test-app';
import { aantal } from './support/wall-db';
import { code, compleetBod, ok, Q, type Pa } from './prestatieafspraak.helpers';

const VERWIJDER = Q.verwijderConcept;

/**
 * Deleting a concept (issue 14, item 5; docs/decisions.md "Een concept verwijderen"): only a
 * concept never offered for signing, by its drafter or the gemeente; the audit row stays.
 */
describe('prestatieafspraak: deleting a concept', () => {
  let t: TestApp;
  let org: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    org = {};
    for (const c of ['GM0344', 'L0801', 'HO-DOMSTAD']) org[c] = await t.orgId(c);
  });
  afterAll(() => t.close());

  const rijen = async (tabel: string, kolom: string, id: string) =>
    Number(
      (await t.db.query(`SELECT count(*) AS n FROM ${tabel} WHERE ${kolom} = $1`, [id])).rows[0].n as string,
    );

  it('the drafter sees VERWIJDEREN; a party that did not draft it does not, and is refused', async () => {
    const pa = await compleetBod(t, 'Concept om te verwijderen');
    expect(pa.mogelijkeActies).toContain('VERWIJDEREN');
    expect((await ok(t, 'gemeente.utrecht', Q.een, { id: pa.id })).mogelijkeActies).toContain('VERWIJDEREN');
    expect((await ok(t, 'huurders.domstad', Q.een, { id: pa.id })).mogelijkeActies).not.toContain(
      'VERWIJDEREN',
    );
    expect((await ok(t, 'gemeente.utrecht.lezer', Q.een, { id: pa.id })).mogelijkeActies).not.toContain(
      'VERWIJDEREN',
    );
    expect(code(await t.gql('huurders.domstad', VERWIJDER, { id: pa.id, v: pa.versie }))).toBe(
      'GEEN_TOEGANG',
    );
    // a read-only account of the gemeente lacks the role
    expect(code(await t.gql('gemeente.utrecht.lezer', VERWIJDER, { id: pa.id, v: pa.versie }))).toBe(
      'GEEN_TOEGANG',
    );
    expect(await rijen('prestatieafspraak', 'id', pa.id)).toBe(1);
  });

  it('a concept with a geschil about it stays: refused in Dutch, the geschil kept (review of session 5)', async () => {
    const pa = await compleetBod(t, 'Concept met een geschil');
    await ok(
      t,
      'huurders.domstad',
      `mutation ($i: NieuwGeschilInput!) { registreerGeschil(invoer: $i) { id } }`,
      {
        i: {
          prestatieafspraakId: pa.id,
          onderwerp: 'INHOUD',
          omschrijving: 'Geen overeenstemming over het concept',
          ingediendOp: '2025-08-15',
        },
      },
    );
    const r = await t.gql('corporatie.domstad', VERWIJDER, { id: pa.id, v: pa.versie });
    expect(code(r)).toBe('ONGELDIGE_INVOER');
    expect(r.errors![0].message).toMatch(/geschil/);
    expect(await rijen('prestatieafspraak', 'id', pa.id)).toBe(1);
    expect(await rijen('geschil', 'prestatieafspraak_id', pa.id)).toBe(1);
    // the button follows the same decision as the mutation (issue 15, item 3): no VERWIJDEREN
    // while a geschil is on record (it was offered before and then refused)
    expect((await ok(t, 'corporatie.domstad', Q.een, { id: pa.id })).mogelijkeActies).not.toContain(
      'VERWIJDEREN',
    );
  });

  it('the wrong organisation gets "not found" and nothing is deleted', async () => {
    const pa = await compleetBod(t, 'Concept van een ander');
    for (const als of ['gemeente.amersfoort', 'corporatie.eemland']) {
      expect(code(await t.gql(als, VERWIJDER, { id: pa.id, v: pa.versie }))).toBe('NIET_GEVONDEN');
    }
    // provincie and Rijk never edit a prestatieafspraak (policy table: no afspraak:bewerken)
    for (const als of ['provincie.utrecht', 'bzk.analist']) {
      expect(code(await t.gql(als, VERWIJDER, { id: pa.id, v: pa.versie }))).toBe('GEEN_TOEGANG');
    }
    expect(code(await t.gql('corporatie.domstad', VERWIJDER, { id: 'geen-uuid', v: 1 }))).toBe(
      'NIET_GEVONDEN',
    );
    expect(await rijen('prestatieafspraak', 'id', pa.id)).toBe(1);
  });

  it('the drafter deletes it with its afspraken, parties and reacties; the audit row stays', async () => {
    let pa: Pa = await compleetBod(t, 'Concept Domstad weg');
    await ok(t, 'huurders.domstad', Q.reactie, { id: pa.id, t: 'Wij denken mee' });
    pa = await ok(t, 'corporatie.domstad', Q.een, { id: pa.id });
    // an old screen (stale versie) is refused
    expect(code(await t.gql('corporatie.domstad', VERWIJDER, { id: pa.id, v: pa.versie - 1 }))).toBe(
      'CONFLICT',
    );

    const r = await t.ok('corporatie.domstad', VERWIJDER, { id: pa.id, v: pa.versie });
    expect(r.verwijderConceptPrestatieafspraak).toBe(pa.id);

    expect(code(await t.gql('corporatie.domstad', Q.een, { id: pa.id }))).toBe('NIET_GEVONDEN');
    expect((await ok(t, 'gemeente.utrecht', Q.lijst, {})).map((p: Pa) => p.id)).not.toContain(pa.id);
    for (const [tabel, kolom] of [
      ['prestatieafspraak', 'id'],
      ['prestatieafspraak_partij', 'prestatieafspraak_id'],
      ['afspraak', 'prestatieafspraak_id'],
      ['afspraak_doelwaarde', 'prestatieafspraak_id'],
      ['prestatieafspraak_reactie', 'prestatieafspraak_id'],
    ])
      expect(await rijen(tabel, kolom, pa.id)).toBe(0);

    const audit = (
      await t.db.query(
        `SELECT actie, voor, organisatie_id FROM audit_log WHERE entiteit = 'prestatieafspraak' AND entiteit_id = $1 ORDER BY id`,
        [pa.id],
      )
    ).rows;
    expect(audit.map((a) => a.actie)).toEqual([
      'AANGEMAAKT',
      'AFSPRAAK_TOEGEVOEGD',
      'REACTIE_GEPLAATST',
      'CONCEPT_VERWIJDERD',
    ]);
    const laatste = audit[audit.length - 1];
    expect(laatste.organisatie_id).toBe(org.L0801);
    expect(laatste.voor).toMatchObject({
      titel: 'Concept Domstad weg',
      jaarVan: 2027,
      jaarTot: 2028,
      reacties: 1,
      afspraken: [{ actielijn: 'VOLDOENDE_WONINGEN' }],
    });
    expect([...laatste.voor.partijIds].sort()).toEqual([org.GM0344, org.L0801, org['HO-DOMSTAD']].sort());
  });

  it('the gemeente deletes a concept a corporatie drafted for it', async () => {
    const pa = await compleetBod(t, 'Concept dat de gemeente weghaalt');
    await t.ok('gemeente.utrecht', VERWIJDER, { id: pa.id, v: pa.versie });
    expect(await rijen('prestatieafspraak', 'id', pa.id)).toBe(0);
  });

  it('anything that was offered for signing is refused: TER_ONDERTEKENING, withdrawn to CONCEPT, VASTGESTELD', async () => {
    const pa = await compleetBod(t, 'Concept dat ter ondertekening ging');
    let p = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
    expect(p.mogelijkeActies).not.toContain('VERWIJDEREN');
    const r1 = await t.gql('corporatie.domstad', VERWIJDER, { id: p.id, v: p.versie });
    expect(code(r1)).toBe('ONGELDIGE_INVOER');
    expect(r1.errors?.[0].message).toMatch(/Alleen een concept kan worden verwijderd/);

    p = await ok(t, 'corporatie.domstad', Q.terugtrekken, { id: p.id, v: p.versie, r: 'Nog niet af' });
    expect(p.status).toBe('CONCEPT');
    expect(p.mogelijkeActies).not.toContain('VERWIJDEREN');
    const r2 = await t.gql('corporatie.domstad', VERWIJDER, { id: p.id, v: p.versie });
    expect(code(r2)).toBe('ONGELDIGE_INVOER');
    expect(r2.errors?.[0].message).toMatch(/al eens ter ondertekening aangeboden/);

    p = await ok(t, 'corporatie.domstad', Q.indienen, { id: p.id, v: p.versie });
    for (const als of ['gemeente.utrecht', 'corporatie.domstad'])
      p = await ok(t, als, Q.tekenen, { id: p.id, v: p.versie });
    expect(p.status).toBe('VASTGESTELD');
    expect(code(await t.gql('gemeente.utrecht', VERWIJDER, { id: p.id, v: p.versie }))).toBe(
      'ONGELDIGE_INVOER',
    );
    expect(await rijen('prestatieafspraak', 'id', p.id)).toBe(1);
  });

  it('RLS allows exactly that DELETE (second wall): not a non-drafting party, not a submitted one', async () => {
    const scoped = t.app.get(ScopedDb);
    const als = async (c: string) => {
      const o = await scoped.organisatieVoorAanmelding(c);
      if (!o || !isOrganisatieSoort(o.soort)) throw new Error(c);
      return new RequestContext(
        {
          sub: `test:${c}`,
          gebruikersnaam: `test.${c}`,
          naam: c,
          organisatieCode: c,
          rollen: ['lezen', 'invoeren', 'tekenen', 'beheren'],
          organisatie: {
            id: o.id,
            code: o.code,
            soort: o.soort,
            naam: o.naam,
            gemeenten: o.gemeenten,
            voorgangers: o.voorgangers,
            provincieCode: o.provincie ?? undefined,
          },
        },
        'verwijderen',
      );
    };
    const weg = async (c: string, id: string) =>
      scoped.transaction(await als(c), (m) => aantal(m, `DELETE FROM prestatieafspraak WHERE id = $1`, [id]));

    // another gemeente made a party by a path other than the service (which never does) still may
    // not: the gemeente that may is the one the concept is for (review of session 5)
    const ander = await compleetBod(t, 'Concept met een tweede gemeente');
    await t.db.query(
      `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
      [ander.id, await t.orgId('GM0307')],
    );
    expect(await weg('GM0307', ander.id)).toBe(0);
    expect(await weg('GM0344', ander.id)).toBe(1);

    const concept = await compleetBod(t, 'Concept voor de wand');
    expect(await weg('HO-DOMSTAD', concept.id)).toBe(0);
    expect(await weg('L0802', concept.id)).toBe(0);
    expect(await weg('GM0307', concept.id)).toBe(0);
    const ingediend = await ok(t, 'corporatie.domstad', Q.indienen, { id: concept.id, v: concept.versie });
    expect(await weg('L0801', ingediend.id)).toBe(0);
    expect(await rijen('prestatieafspraak', 'id', concept.id)).toBe(1);
    // positive control: the drafter, on a concept never offered
    const tweede = await compleetBod(t, 'Tweede concept voor de wand');
    expect(await weg('L0801', tweede.id)).toBe(1);
  });
});
