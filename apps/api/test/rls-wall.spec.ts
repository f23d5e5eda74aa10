import type { RequestContext } from '@thuismonitor/auth';
import { aantal, GEWEIGERD, WallDb } from './support/wall-db';

/**
 * Row-level security as a wall that holds by itself (issue 9): for each tenant table, plain SQL
 * through ScopedDb with a principal's scope (no service, no application filter) shows another
 * organisation's rows are invisible and cannot be inserted, changed or deleted; an unset scope
 * (the public path) sees no tenant rows; a job snapshot cannot write. Every refusal has a
 * positive control next to it (the owner can), so a test cannot pass because nothing works.
 *
 * The read rules of toewijzing and kwartaalcijfer for non-owners are in rls-wall-aggregaten.spec.ts.
 * Demo organisations (apps/api/src/demo/demo-data.ts): corporaties L0801 Domstad (GM0344, GM0356,
 * GM1904) and L0802 Eemland (GM0307, GM0327); ZA-STICHTWONEN (GM0344, GM0307, GM0356);
 * HO-DOMSTAD (Domstad's gemeenten); gemeenten GM0344 Utrecht, GM0307 Amersfoort, GM0202 Arnhem;
 * provincies PV26 Utrecht, PV25 Gelderland; BZK (Rijk).
 */
let w: WallDb;
const id: Record<string, string> = {};
const ctx: Record<string, RequestContext> = {};
const ORGS = [
  'L0801',
  'L0802',
  'ZA-STICHTWONEN',
  'HO-DOMSTAD',
  'GM0344',
  'GM0307',
  'GM0202',
  'PV26',
  'PV25',
  'BZK',
];

/** rows seeded by the owner (admin, bypassing RLS) */
const rij: Record<string, string> = {};

beforeAll(async () => {
  w = await WallDb.start();
  for (const code of ORGS) {
    id[code] = await w.id(code);
    ctx[code] = await w.als(code);
  }
  const q = async (sql: string, p: unknown[]) => (await w.admin.query(sql, p)).rows[0]?.id as string;

  rij.toewijzingEemland = await q(
    `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, huishoudgrootte, extern_kenmerk)
     VALUES ($1, 'GM0307', '2024-03-01', 2, 'wall-e1') RETURNING id`,
    [id.L0802],
  );
  rij.toewijzingDomstad = await q(
    `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, huishoudgrootte, extern_kenmerk)
     VALUES ($1, 'GM0344', '2024-03-01', 3, 'wall-d1') RETURNING id`,
    [id.L0801],
  );
  rij.importEemland = await q(
    `INSERT INTO toewijzing_import (corporatie_id, bestandsnaam, rijen, opgeslagen, al_aanwezig)
     VALUES ($1, 'eemland.csv', 1, 1, 0) RETURNING id`,
    [id.L0802],
  );
  rij.projectEemland = await q(
    `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, opgeleverd_op)
     VALUES ('Eemland wall', 'GM0307', $1, 'OPGELEVERD', 40, '2024-05-01') RETURNING id`,
    [id.L0802],
  );
  rij.projectDomstad = await q(
    `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, opgeleverd_op)
     VALUES ('Domstad wall', 'GM0344', $1, 'OPGELEVERD', 12, '2024-06-01') RETURNING id`,
    [id.L0801],
  );
  rij.cijferZorg = await q(
    `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
     VALUES ('UITSTROOM_WACHTEND', $1, 'GM0307', 2024, 1, 3) RETURNING id`,
    [id['ZA-STICHTWONEN']],
  );
  rij.taakstellingPv = await q(
    `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
     VALUES ('WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0307', '2024-01-01', '2024-12-31', 500, $1) RETURNING id`,
    [id.PV26],
  );
  rij.auditEemland = await q(
    `INSERT INTO audit_log (organisatie_id, actie, entiteit, entiteit_id, gemeente_code)
     VALUES ($1, 'WALL', 'toewijzing', 'x', 'GM0307') RETURNING id::text AS id`,
    [id.L0802],
  );

  // prestatieafspraken: a VASTGESTELDE one in Amersfoort (parties: gemeente, Eemland) and a
  // CONCEPT in Utrecht (parties: gemeente, Domstad)
  const pa = async (gemeente: string, status: string, partijen: string[]) => {
    const paId = await q(
      `INSERT INTO prestatieafspraak (gemeente_code, titel, jaar_van, jaar_tot, status, opgesteld_door_id, vastgesteld_op)
       VALUES ($1, 'wall', 2024, 2025, $2, $3, CASE WHEN $2 = 'VASTGESTELD' THEN now() END) RETURNING id`,
      [gemeente, status, id[gemeente]],
    );
    for (const p of partijen) {
      await w.admin.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
        [paId, id[p]],
      );
    }
    const afspraakId = await q(
      `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, omschrijving, soort, indicator_code, catalogus_versie, verantwoordelijke_id)
       VALUES ($1, 1, 'VOLDOENDE_WONINGEN', 'wall', 'INDICATOR', 'WONINGEN_OPGELEVERD', '1', $2) RETURNING id`,
      [paId, id[partijen[1]]],
    );
    await w.admin.query(
      `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, waarde, peildatum) VALUES ($1, $2, 2024, 100, '2024-12-31')`,
      [afspraakId, paId],
    );
    await w.admin.query(
      `INSERT INTO prestatieafspraak_reactie (prestatieafspraak_id, organisatie_id, auteur_sub, auteur, tekst) VALUES ($1, $2, 's', 'a', 'wall')`,
      [paId, id[partijen[0]]],
    );
    if (status === 'VASTGESTELD') {
      for (const p of partijen) {
        await w.admin.query(
          `INSERT INTO prestatieafspraak_ondertekening (prestatieafspraak_id, organisatie_id, getekend_door_sub, getekend_door, versie)
           VALUES ($1, $2, 's', 'a', 1)`,
          [paId, id[p]],
        );
      }
    }
    return { paId, afspraakId };
  };
  const amersfoort = await pa('GM0307', 'VASTGESTELD', ['GM0307', 'L0802']);
  rij.paAmersfoort = amersfoort.paId;
  rij.afspraakAmersfoort = amersfoort.afspraakId;
  const utrecht = await pa('GM0344', 'CONCEPT', ['GM0344', 'L0801']);
  rij.paUtrecht = utrecht.paId;
  rij.afspraakUtrecht = utrecht.afspraakId;

  // a report of Amersfoort with a shared and an exact (INTERN) file
  rij.rapport = await q(
    `INSERT INTO kwartaalrapportage (gebied_soort, gebied_code, gebied_naam, gemeenten, jaar, kwartaal, actielijn, versie,
       peilmoment, aangevraagd_door, job_sleutel, snapshot)
     VALUES ('GEMEENTE', 'GM0307', 'Amersfoort', '{GM0307}', 2024, 1, 'ALLE', 1, now(), 'wall', 'wall:1', '{}') RETURNING id`,
    [],
  );
  for (const variant of ['GEDEELD', 'INTERN']) {
    await w.admin.query(
      `INSERT INTO kwartaalrapportage_bestand (rapportage_id, formaat, variant, mime, inhoud, sha256)
       VALUES ($1, 'CSV', $2, 'text/csv', 'x', 'x')`,
      [rij.rapport, variant],
    );
  }
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('toewijzing (writes; reads: rls-wall-aggregaten.spec.ts)', () => {
  it("another corporatie's row is invisible and cannot be changed or deleted", async () => {
    expect(
      await w.lees(ctx.L0801, 'SELECT id FROM toewijzing WHERE id = $1', [rij.toewijzingEemland]),
    ).toEqual([]);
    expect(
      await w.wijzig(ctx.L0801, 'UPDATE toewijzing SET huishoudgrootte = 9 WHERE id = $1', [
        rij.toewijzingEemland,
      ]),
    ).toBe(0);
    expect(await w.wijzig(ctx.L0801, 'DELETE FROM toewijzing WHERE id = $1', [rij.toewijzingEemland])).toBe(
      0,
    );
    // positive control: the owner can change its own row
    expect(
      await w.wijzig(ctx.L0802, 'UPDATE toewijzing SET huishoudgrootte = 2 WHERE id = $1', [
        rij.toewijzingEemland,
      ]),
    ).toBe(1);
  });

  it('cannot be inserted for another corporatie, outside the werkgebied, or by a non-corporatie', async () => {
    const insert = `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, huishoudgrootte, extern_kenmerk) VALUES ($1, $2, '2024-04-01', 1, $3)`;
    expect(await w.fout(ctx.L0801, insert, [id.L0802, 'GM0344', 'wall-x1'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801, 'GM0307', 'wall-x2'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0344, insert, [id.GM0344, 'GM0344', 'wall-x3'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.BZK, insert, [id.BZK, 'GM0344', 'wall-x4'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801, 'GM0344', 'wall-ok'])).toBeUndefined();
  });

  it('the owner cannot change or delete its rows in a gemeente that left its werkgebied', async () => {
    // Domstad's row in Utrecht, seen by a Domstad whose werkgebied no longer holds Utrecht
    const zonderUtrecht = await w.als('L0801');
    (zonderUtrecht.principal.organisatie as { gemeenten: readonly string[] }).gemeenten = ['GM0356'];
    expect(
      await w.wijzig(zonderUtrecht, 'UPDATE toewijzing SET huishoudgrootte = 9 WHERE id = $1', [
        rij.toewijzingDomstad,
      ]),
    ).toBe(0);
    expect(
      await w.wijzig(zonderUtrecht, 'DELETE FROM toewijzing WHERE id = $1', [rij.toewijzingDomstad]),
    ).toBe(0);
  });
});

describe('toewijzing_import', () => {
  it("another corporatie's imports are invisible and cannot be written for it", async () => {
    expect(await w.lees(ctx.L0801, 'SELECT id FROM toewijzing_import')).toEqual([]);
    expect(ids(await w.lees(ctx.L0802, 'SELECT id FROM toewijzing_import'))).toEqual([rij.importEemland]);
    expect(await w.lees(ctx.GM0307, 'SELECT id FROM toewijzing_import')).toEqual([]);
    expect(
      await w.wijzig(ctx.L0801, 'DELETE FROM toewijzing_import WHERE id = $1', [rij.importEemland]),
    ).toBe(0);
    const insert = `INSERT INTO toewijzing_import (corporatie_id, bestandsnaam, rijen, opgeslagen, al_aanwezig) VALUES ($1, 'x.csv', 0, 0, 0)`;
    expect(await w.fout(ctx.L0801, insert, [id.L0802])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0344, insert, [id.GM0344])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801])).toBeUndefined();
  });
});

describe('nieuwbouwproject (magProjectZien / magProjectBewerken)', () => {
  const projecten = 'SELECT id FROM nieuwbouwproject WHERE naam LIKE $1';
  it('rows: owner, the gemeente itself, provincie and Rijk in scope; no other party in the werkgebied', async () => {
    expect(ids(await w.lees(ctx.L0802, projecten, ['% wall']))).toEqual([rij.projectEemland]);
    expect(ids(await w.lees(ctx.GM0344, projecten, ['% wall']))).toEqual([rij.projectDomstad]);
    expect(ids(await w.lees(ctx.PV26, projecten, ['% wall']))).toEqual(
      ids([{ id: rij.projectEemland }, { id: rij.projectDomstad }]),
    );
    expect(ids(await w.lees(ctx.BZK, projecten, ['% wall']))).toHaveLength(2);
    // Sticht Wonen works in both gemeenten, the huurders in Utrecht: no project rows
    expect(await w.lees(ctx['ZA-STICHTWONEN'], projecten, ['% wall'])).toEqual([]);
    expect(await w.lees(ctx['HO-DOMSTAD'], projecten, ['% wall'])).toEqual([]);
    expect(await w.lees(ctx.PV25, projecten, ['% wall'])).toEqual([]);
  });

  it('dwelling counts (public by nature) through nieuwbouw_oplevering, without project identity, within scope', async () => {
    const som = `SELECT gemeente_code, sum(woningen_sociale_huur)::int AS n FROM nieuwbouw_oplevering
                 WHERE opgeleverd_op BETWEEN '2024-05-01' AND '2024-06-01' GROUP BY 1 ORDER BY 1`;
    expect(await w.lees(ctx['ZA-STICHTWONEN'], som)).toEqual([
      { gemeente_code: 'GM0307', n: 40 },
      { gemeente_code: 'GM0344', n: 12 },
    ]);
    expect(await w.lees(ctx.PV25, som)).toEqual([]);
    expect(await w.fout(ctx['ZA-STICHTWONEN'], 'SELECT naam FROM nieuwbouw_oplevering')).toMatch(
      /column "naam" does not exist/,
    );
    expect(await w.scoped.publiek((m) => m.query(som))).toEqual([]);
    // the phase dates added for the woondeal pipeline (migration 1767000000000): same scope, still no identity
    const fasen = `SELECT count(*)::int AS n FROM nieuwbouw_oplevering WHERE vergund_op IS NOT NULL OR start_bouw_op IS NOT NULL OR opgeleverd_op IS NOT NULL`;
    expect((await w.lees(ctx['ZA-STICHTWONEN'], fasen))[0].n).toBeGreaterThan(0);
    expect(await w.lees(ctx.PV25, fasen)).toEqual([{ n: 0 }]);
    expect(await w.scoped.publiek((m) => m.query(fasen))).toEqual([{ n: 0 }]);
    for (const kolom of ['id', 'eigenaar_id'])
      expect(await w.fout(ctx['ZA-STICHTWONEN'], `SELECT ${kolom} FROM nieuwbouw_oplevering`)).toMatch(
        new RegExp(`column "${kolom}" does not exist`),
      );
  });

  it('changes: the owner in its werkgebied, the gemeente in its gemeente; nobody else', async () => {
    const upd = 'UPDATE nieuwbouwproject SET woningen_middenhuur = woningen_middenhuur + 1 WHERE id = $1';
    expect(await w.wijzig(ctx.L0801, upd, [rij.projectEemland])).toBe(0);
    expect(await w.wijzig(ctx.PV26, upd, [rij.projectEemland])).toBe(0);
    expect(await w.wijzig(ctx.BZK, upd, [rij.projectEemland])).toBe(0);
    expect(await w.wijzig(ctx.GM0344, upd, [rij.projectEemland])).toBe(0);
    expect(
      await w.wijzig(ctx.L0801, 'DELETE FROM nieuwbouwproject WHERE id = $1', [rij.projectEemland]),
    ).toBe(0);
    expect(await w.wijzig(ctx.GM0307, upd, [rij.projectEemland])).toBe(1);
    expect(await w.wijzig(ctx.L0802, upd, [rij.projectEemland])).toBe(1);
    const insert = `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id) VALUES ('x', $1, $2)`;
    expect(await w.fout(ctx.L0801, insert, ['GM0344', id.L0802])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, ['GM0307', id.L0801])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.BZK, insert, ['GM0344', id.BZK])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.PV26, insert, ['GM0344', id.PV26])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, ['GM0344', id.L0801])).toBeUndefined();
  });
});

describe('kwartaalcijfer (writes; reads: rls-wall-aggregaten.spec.ts)', () => {
  it('outside the scope invisible; only the reporting organisation changes its figure, in its werkgebied', async () => {
    expect(await w.lees(ctx.L0801, 'SELECT id FROM kwartaalcijfer WHERE id = $1', [rij.cijferZorg])).toEqual(
      [],
    );
    const upd = 'UPDATE kwartaalcijfer SET waarde = 9 WHERE id = $1';
    expect(await w.wijzig(ctx.L0802, upd, [rij.cijferZorg])).toBe(0);
    expect(await w.wijzig(ctx.GM0307, upd, [rij.cijferZorg])).toBe(0);
    expect(await w.wijzig(ctx.PV26, 'DELETE FROM kwartaalcijfer WHERE id = $1', [rij.cijferZorg])).toBe(0);
    expect(
      await w.wijzig(ctx['ZA-STICHTWONEN'], 'UPDATE kwartaalcijfer SET waarde = 3 WHERE id = $1', [
        rij.cijferZorg,
      ]),
    ).toBe(1);
  });

  it('cannot be reported for another organisation, outside the werkgebied, or by provincie and Rijk', async () => {
    const insert = `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde) VALUES ('HUISUITZETTINGEN', $1, $2, 2024, 2, 1)`;
    expect(await w.fout(ctx['ZA-STICHTWONEN'], insert, [id.L0802, 'GM0307'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801, 'GM0307'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.PV26, insert, [id.PV26, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.BZK, insert, [id.BZK, 'GM0344'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0344, insert, [id.GM0344, 'GM0344'])).toBeUndefined();
  });
});

describe('taakstelling (magTaakstellingStellen)', () => {
  const insert = `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
                  VALUES ($1, $2, $3, '2030-01-01', '2030-12-31', 10, $4)`;
  const mag = async (org: string, indicator: string, soort: string, code: string) =>
    (await w.fout(ctx[org], insert, [indicator, soort, code, id[org]])) === undefined;

  it('targets are readable by every signed-in organisation, by nobody without a scope', async () => {
    for (const org of ['L0801', 'HO-DOMSTAD', 'PV25']) {
      expect(
        ids(await w.lees(ctx[org], 'SELECT id FROM taakstelling WHERE id = $1', [rij.taakstellingPv])),
      ).toEqual([rij.taakstellingPv]);
    }
    expect(await w.scoped.publiek((m) => m.query('SELECT id FROM taakstelling'))).toEqual([]);
  });

  it('each level sets targets only for the areas it owns', async () => {
    expect(await mag('GM0344', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0344')).toBe(true);
    expect(await mag('GM0344', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0307')).toBe(false);
    expect(await mag('GM0344', 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344')).toBe(false);
    expect(await mag('GM0344', 'WONINGEN_OPGELEVERD', 'PROVINCIE', 'PV26')).toBe(false);
    expect(await mag('PV26', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0344')).toBe(true);
    expect(await mag('PV26', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0202')).toBe(false);
    expect(await mag('PV26', 'WONINGEN_OPGELEVERD', 'PROVINCIE', 'PV26')).toBe(false);
    expect(await mag('PV26', 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344')).toBe(false);
    expect(await mag('BZK', 'WONINGEN_OPGELEVERD', 'LAND', 'NL')).toBe(true);
    expect(await mag('BZK', 'WONINGEN_OPGELEVERD', 'PROVINCIE', 'PV26')).toBe(true);
    expect(await mag('BZK', 'STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344')).toBe(true);
    expect(await mag('BZK', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0344')).toBe(false);
    expect(await mag('L0801', 'WONINGEN_OPGELEVERD', 'GEMEENTE', 'GM0344')).toBe(false);
  });

  it("nobody changes or deletes another organisation's target", async () => {
    expect(
      await w.wijzig(ctx.GM0307, 'UPDATE taakstelling SET actueel = false WHERE id = $1', [
        rij.taakstellingPv,
      ]),
    ).toBe(0);
    expect(await w.wijzig(ctx.BZK, 'DELETE FROM taakstelling WHERE id = $1', [rij.taakstellingPv])).toBe(0);
    expect(
      await w.wijzig(ctx.PV26, 'UPDATE taakstelling SET toelichting = $2 WHERE id = $1', [
        rij.taakstellingPv,
        'x',
      ]),
    ).toBe(1);
  });
});

describe('prestatieafspraak and its child tables (magPrestatieafspraakZien, isPartij, magOverlegZien)', () => {
  const TABELLEN: [string, string][] = [
    ['prestatieafspraak', 'id'],
    ['prestatieafspraak_partij', 'prestatieafspraak_id'],
    ['afspraak', 'prestatieafspraak_id'],
    ['afspraak_doelwaarde', 'prestatieafspraak_id'],
    ['prestatieafspraak_ondertekening', 'prestatieafspraak_id'],
    ['prestatieafspraak_reactie', 'prestatieafspraak_id'],
  ];
  const zichtbaar = async (org: string, pa: string) => {
    const uit: Record<string, number> = {};
    for (const [t, k] of TABELLEN)
      uit[t] = (await w.lees(ctx[org], `SELECT 1 FROM ${t} WHERE ${k} = $1`, [pa])).length;
    return uit;
  };
  const niets = Object.fromEntries(TABELLEN.map(([t]) => [t, 0]));

  it('parties see everything of their prestatieafspraak', async () => {
    expect(await zichtbaar('L0802', rij.paAmersfoort)).toEqual({
      prestatieafspraak: 1,
      prestatieafspraak_partij: 2,
      afspraak: 1,
      afspraak_doelwaarde: 1,
      prestatieafspraak_ondertekening: 2,
      prestatieafspraak_reactie: 1,
    });
    expect((await zichtbaar('L0801', rij.paUtrecht)).afspraak).toBe(1);
  });

  it('non-parties in the gemeente see nothing, not even a vastgestelde one', async () => {
    expect(await zichtbaar('ZA-STICHTWONEN', rij.paAmersfoort)).toEqual(niets);
    expect(await zichtbaar('L0801', rij.paAmersfoort)).toEqual(niets);
    expect(await zichtbaar('HO-DOMSTAD', rij.paUtrecht)).toEqual(niets);
  });

  it('provincie and Rijk read a vastgestelde one (not the reacties), never a CONCEPT', async () => {
    expect(await zichtbaar('PV26', rij.paAmersfoort)).toEqual({
      prestatieafspraak: 1,
      prestatieafspraak_partij: 2,
      afspraak: 1,
      afspraak_doelwaarde: 1,
      prestatieafspraak_ondertekening: 2,
      prestatieafspraak_reactie: 0,
    });
    expect(await zichtbaar('PV26', rij.paUtrecht)).toEqual(niets);
    expect(await zichtbaar('BZK', rij.paUtrecht)).toEqual(niets);
    expect(await zichtbaar('PV25', rij.paAmersfoort)).toEqual(niets);
  });

  it("non-parties cannot write into another organisation's prestatieafspraak", async () => {
    expect(
      await w.wijzig(ctx.L0801, `UPDATE prestatieafspraak SET titel = 'x' WHERE id = $1`, [rij.paAmersfoort]),
    ).toBe(0);
    expect(
      await w.wijzig(ctx.PV26, `UPDATE prestatieafspraak SET titel = 'x' WHERE id = $1`, [rij.paAmersfoort]),
    ).toBe(0);
    expect(
      await w.wijzig(ctx.L0802, `UPDATE afspraak SET omschrijving = 'x' WHERE id = $1`, [
        rij.afspraakUtrecht,
      ]),
    ).toBe(0);
    expect(await w.wijzig(ctx.L0802, `DELETE FROM afspraak WHERE id = $1`, [rij.afspraakUtrecht])).toBe(0);
    expect(
      await w.wijzig(ctx.L0802, `DELETE FROM prestatieafspraak_partij WHERE prestatieafspraak_id = $1`, [
        rij.paUtrecht,
      ]),
    ).toBe(0);
    expect(
      await w.fout(
        ctx.L0802,
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
        [rij.paUtrecht, id.L0802],
      ),
    ).toMatch(GEWEIGERD);
    expect(
      await w.fout(
        ctx.L0802,
        `INSERT INTO prestatieafspraak_reactie (prestatieafspraak_id, organisatie_id, auteur_sub, auteur, tekst) VALUES ($1, $2, 's', 'a', 'x')`,
        [rij.paUtrecht, id.L0802],
      ),
    ).toMatch(GEWEIGERD);
    expect(
      await w.wijzig(ctx.L0802, `UPDATE afspraak_doelwaarde SET waarde = 1 WHERE prestatieafspraak_id = $1`, [
        rij.paUtrecht,
      ]),
    ).toBe(0);
    // positive control: a party edits its CONCEPT
    expect(
      await w.wijzig(ctx.L0801, `UPDATE afspraak SET omschrijving = 'wall 2' WHERE id = $1`, [
        rij.afspraakUtrecht,
      ]),
    ).toBe(1);
  });

  it('a prestatieafspraak is started only for a gemeente in scope, by a gemeente or corporatie', async () => {
    const insert = `INSERT INTO prestatieafspraak (gemeente_code, titel, jaar_van, jaar_tot, opgesteld_door_id) VALUES ($1, 'x', 2026, 2027, $2)`;
    expect(await w.fout(ctx.L0801, insert, ['GM0307', id.L0801])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, ['GM0344', id.L0802])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.PV26, insert, ['GM0344', id.PV26])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx['ZA-STICHTWONEN'], insert, ['GM0344', id['ZA-STICHTWONEN']])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, ['GM0344', id.L0801])).toBeUndefined();
  });
});

describe('audit_log', () => {
  it("another organisation's audit rows are invisible; nobody writes them for it or changes any", async () => {
    expect(await w.lees(ctx.L0801, 'SELECT id FROM audit_log WHERE id = $1', [rij.auditEemland])).toEqual([]);
    expect(await w.lees(ctx.PV26, 'SELECT id FROM audit_log WHERE id = $1', [rij.auditEemland])).toEqual([]);
    expect(
      (await w.lees(ctx.L0802, 'SELECT id FROM audit_log WHERE id = $1', [rij.auditEemland])).length,
    ).toBe(1);
    const insert = `INSERT INTO audit_log (organisatie_id, actie, entiteit) VALUES ($1, 'X', 'x')`;
    expect(await w.fout(ctx.L0801, insert, [id.L0802])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0801, insert, [id.L0801])).toBeUndefined();
    expect(
      await w.fout(ctx.L0802, `UPDATE audit_log SET actie = 'Y' WHERE id = $1`, [rij.auditEemland]),
    ).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.L0802, `DELETE FROM audit_log WHERE id = $1`, [rij.auditEemland])).toMatch(
      GEWEIGERD,
    );
  });
});

describe('kwartaalrapportage and its files', () => {
  const bestanden = `SELECT variant FROM kwartaalrapportage_bestand WHERE rapportage_id = $1 ORDER BY variant`;
  it('the report: whoever has its whole area in scope; the exact (INTERN) file: only the gemeente itself', async () => {
    expect(await w.lees(ctx.GM0307, bestanden, [rij.rapport])).toEqual([
      { variant: 'GEDEELD' },
      { variant: 'INTERN' },
    ]);
    expect(await w.lees(ctx.PV26, bestanden, [rij.rapport])).toEqual([{ variant: 'GEDEELD' }]);
    expect(await w.lees(ctx.BZK, bestanden, [rij.rapport])).toEqual([{ variant: 'GEDEELD' }]);
    expect(await w.lees(ctx.L0802, bestanden, [rij.rapport])).toEqual([{ variant: 'GEDEELD' }]);
    expect(await w.lees(ctx.L0801, 'SELECT id FROM kwartaalrapportage WHERE id = $1', [rij.rapport])).toEqual(
      [],
    );
    expect(await w.lees(ctx.L0801, bestanden, [rij.rapport])).toEqual([]);
    expect(await w.lees(ctx.GM0344, bestanden, [rij.rapport])).toEqual([]);
  });

  it('a report made before its prestatieafspraken were kept: afspraken only for the gemeente, provincie and Rijk (as the app)', async () => {
    // snapshot with an afspraken section but no afsprakenZicht: Postgres cannot check the parties
    const [{ id }] = (
      await w.admin.query(
        `INSERT INTO kwartaalrapportage (gebied_soort, gebied_code, gebied_naam, gemeenten, jaar, kwartaal, actielijn, versie,
           peilmoment, aangevraagd_door, job_sleutel, snapshot)
         VALUES ('GEMEENTE', 'GM0307', 'Amersfoort', '{GM0307}', 2023, 4, 'ALLE', 1, now(), 'wall', 'wall:oud',
                 '{"gedeeld": {"afspraken": [{"indicatorCode": "X"}]}}') RETURNING id`,
      )
    ).rows;
    for (const variant of ['GEDEELD', 'ZONDER_AFSPRAKEN']) {
      await w.admin.query(
        `INSERT INTO kwartaalrapportage_bestand (rapportage_id, formaat, variant, mime, inhoud, sha256)
         VALUES ($1, 'CSV', $2, 'text/csv', 'x', 'x')`,
        [id, variant],
      );
    }
    const beide = [{ variant: 'GEDEELD' }, { variant: 'ZONDER_AFSPRAKEN' }];
    expect(await w.lees(ctx.GM0307, bestanden, [id])).toEqual(beide);
    expect(await w.lees(ctx.PV26, bestanden, [id])).toEqual(beide);
    expect(await w.lees(ctx.BZK, bestanden, [id])).toEqual(beide);
    // a corporatie with Amersfoort in its werkgebied: the figures, not the afspraken
    expect(await w.lees(ctx.L0802, bestanden, [id])).toEqual([{ variant: 'ZONDER_AFSPRAKEN' }]);
  });

  const maak = `INSERT INTO kwartaalrapportage (gebied_soort, gebied_code, gebied_naam, gemeenten, jaar, kwartaal, actielijn, versie,
       peilmoment, aangevraagd_door, job_sleutel, snapshot)
     VALUES ('GEMEENTE', 'GM0307', 'Amersfoort', '{GM0307}', 2024, 1, 'ALLE', $1, now(), 'wall', $2, '{}') RETURNING id`;

  it('no request can make, change or delete a report, not even Rijk', async () => {
    expect(await w.fout(ctx.BZK, maak, [2, 'wall:2'])).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.GM0307, maak, [2, 'wall:3'])).toMatch(GEWEIGERD);
    expect(
      await w.fout(ctx.GM0307, `UPDATE kwartaalrapportage SET versie = 9 WHERE id = $1`, [rij.rapport]),
    ).toMatch(GEWEIGERD);
    expect(
      await w.fout(ctx.BZK, `DELETE FROM kwartaalrapportage_bestand WHERE rapportage_id = $1`, [rij.rapport]),
    ).toMatch(GEWEIGERD);
  });

  it('the report job path (jobTransaction) makes reports; the snapshot path cannot', async () => {
    const systeem = await w.scoped.systeemContext('kwartaalrapportage');
    await expect(w.scoped.snapshot(systeem, (m) => m.query(maak, [3, 'wall:4']))).rejects.toThrow(
      /read-only transaction/,
    );
    const [{ id: nieuw }] = await w.scoped.jobTransaction('kwartaalrapportage', systeem, (m) =>
      m.query(maak, [3, 'wall:5']),
    );
    expect(nieuw).toMatch(/^[0-9a-f-]{36}$/);
    const bestand = `INSERT INTO kwartaalrapportage_bestand (rapportage_id, formaat, variant, mime, inhoud, sha256)
                     VALUES ($1, 'CSV', 'GEDEELD', 'text/csv', 'x', 'x')`;
    await w.scoped.jobTransaction('kwartaalrapportage', systeem, (m) => m.query(bestand, [nieuw]));
    expect(await w.fout(ctx.BZK, bestand.replace("'CSV'", "'PDF'"), [nieuw])).toMatch(GEWEIGERD);
    // a job scope without the area cannot make its report
    const smal = {
      organisatie: { id: id.PV26, soort: 'PROVINCIE' as const },
      gemeenten: { soort: 'GEMEENTEN' as const, codes: ['GM0344'] },
    };
    await expect(
      w.scoped.jobTransaction('kwartaalrapportage', smal, (m) => m.query(maak, [4, 'wall:6'])),
    ).rejects.toThrow(GEWEIGERD);
  });
});

describe('reference data: readable by the app role, not writable (except the regio-indeling, by Rijk)', () => {
  it('organisations and werkgebieden change only in a Rijk transaction (the operator, migration 1765000000000)', async () => {
    for (const wie of [ctx.L0801, ctx.GM0344, ctx.PV26]) {
      expect(
        await w.fout(wie, `INSERT INTO organisatie (code, soort, naam) VALUES ('X1', 'CORPORATIE', 'x')`),
      ).toMatch(GEWEIGERD);
    }
    expect(
      await w.fout(
        ctx.L0801,
        `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) VALUES ($1, 'GM0307')`,
        [id.L0801],
      ),
    ).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.BZK, `UPDATE gemeente SET naam = 'x' WHERE code = 'GM0344'`)).toMatch(GEWEIGERD);
    expect(await w.fout(ctx.BZK, `DELETE FROM provincie WHERE code = 'PV26'`)).toMatch(GEWEIGERD);
  });

  it('the woningmarktregio-indeling changes only for the Rijk platform operator', async () => {
    const upd = `UPDATE gemeente SET woningmarktregio_code = woningmarktregio_code WHERE code = 'GM0344'`;
    expect(await w.wijzig(ctx.GM0344, upd)).toBe(0);
    expect(await w.wijzig(ctx.PV26, upd)).toBe(0);
    // a Rijk user without platformbeheer no longer passes (migration 1766100000000)
    expect(await w.wijzig(ctx.BZK, upd)).toBe(0);
    expect(await w.wijzig(await w.als('BZK', ['lezen', 'platformbeheer']), upd)).toBe(1);
  });

  it('the migrations table is out of reach', async () => {
    expect(await w.fout(ctx.BZK, 'SELECT * FROM migrations')).toMatch(GEWEIGERD);
  });
});

describe('unset scope and the public path', () => {
  const TENANT = [
    'toewijzing',
    'toewijzing_import',
    'nieuwbouwproject',
    'kwartaalcijfer',
    'taakstelling',
    'prestatieafspraak',
    'prestatieafspraak_partij',
    'afspraak',
    'afspraak_doelwaarde',
    'prestatieafspraak_ondertekening',
    'prestatieafspraak_reactie',
    'audit_log',
    'kwartaalrapportage',
    'kwartaalrapportage_bestand',
  ];

  it('the public path sees reference data and no tenant row at all', async () => {
    const zicht = await w.scoped.publiek(async (m) => {
      const uit: Record<string, number> = {};
      for (const t of TENANT) uit[t] = (await m.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
      uit.gemeente = (await m.query(`SELECT count(*)::int AS n FROM gemeente`))[0].n;
      return uit;
    });
    expect(zicht).toEqual({ ...Object.fromEntries(TENANT.map((t) => [t, 0])), gemeente: 342 });
    // and the rows are there (admin bypasses RLS): the zeros above are the wall, not an empty database
    for (const t of TENANT)
      expect((await w.admin.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n).toBeGreaterThan(0);
  });

  it('the public path is read-only', async () => {
    await expect(
      w.scoped.publiek((m) =>
        m.query(`UPDATE gemeente SET woningmarktregio_code = NULL WHERE code = 'GM0344'`),
      ),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('a scoped transaction whose scope is blank sees nothing either (fails closed)', async () => {
    const blanco = {
      organisatie: { id: '', soort: 'CORPORATIE' as const },
      gemeenten: { soort: 'GEMEENTEN' as const, codes: [] },
    };
    await expect(
      w.scoped.snapshot(blanco as never, async (m) => {
        let n = 0;
        for (const t of TENANT) n += (await m.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
        return n;
      }),
    ).resolves.toBe(0);
  });

  it('every table the app role can read is either under row-level security or reference data', async () => {
    const { rows } = await w.admin.query(`
      SELECT c.relname AS tabel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
         AND has_table_privilege('thuismonitor_app', c.oid, 'SELECT')
       ORDER BY 1`);
    // organisatie and organisatie_werkgebied are under RLS since the operator's administration
    // (readable by all, writable by Rijk only: migration 1765000000000)
    expect(rows.map((r) => r.tabel)).toEqual(['provincie', 'woningmarktregio']);
  });
});

describe('job snapshot (ScopedDb.snapshot)', () => {
  it('is read-only, one REPEATABLE READ cut-off, and scoped like a request', async () => {
    const systeem = await w.scoped.systeemContext('wall');
    await expect(
      w.scoped.snapshot(systeem, (m) =>
        m.query(`UPDATE taakstelling SET toelichting = 'x' WHERE id = $1`, [rij.taakstellingPv]),
      ),
    ).rejects.toThrow(/read-only transaction/);
    await expect(
      w.scoped.snapshot(systeem, (m) =>
        m.query(`INSERT INTO audit_log (organisatie_id, actie, entiteit) VALUES ($1, 'X', 'x')`, [id.BZK]),
      ),
    ).rejects.toThrow(/read-only transaction/);

    const tel = (m: Parameters<Parameters<typeof w.scoped.snapshot>[1]>[0]) =>
      m
        .query(`SELECT count(*)::int AS n FROM nieuwbouwproject WHERE naam LIKE '% wall'`)
        .then((r: { n: number }[]) => r[0].n);
    const [voor, na] = await w.scoped.snapshot(systeem, async (m) => {
      const a = await tel(m);
      // committed by someone else while the snapshot runs: not part of this cut-off
      await w.admin.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id) VALUES ('Later wall', 'GM0344', $1)`,
        [id.L0801],
      );
      return [a, await tel(m)];
    });
    expect(na).toBe(voor);
    expect(await w.scoped.snapshot(systeem, tel)).toBe(voor + 1);
    const [{ iso, ro }] = await w.scoped.snapshot(systeem, (m) =>
      m.query(
        `SELECT current_setting('transaction_isolation') AS iso, current_setting('transaction_read_only') AS ro`,
      ),
    );
    expect({ iso, ro }).toEqual({ iso: 'repeatable read', ro: 'on' });

    // scoped: a job acting for Eemland sees Eemland's project, not Domstad's
    const eemland = {
      organisatie: { id: id.L0802, soort: 'CORPORATIE' as const },
      gemeenten: { soort: 'GEMEENTEN' as const, codes: ['GM0307', 'GM0327'] },
    };
    const zicht = await w.scoped.snapshot(eemland, (m) =>
      m.query(`SELECT id FROM nieuwbouwproject WHERE naam LIKE '% wall'`),
    );
    expect(ids(zicht)).toEqual([rij.projectEemland]);
  });

  it('alsInSnapshot switches principal inside one read-only snapshot and back; never in a writing transaction', async () => {
    const systeem = await w.scoped.systeemContext('wall');
    const projecten = `SELECT count(*)::int AS n FROM nieuwbouwproject WHERE naam LIKE '% wall'`;
    const n = async (m: Parameters<Parameters<typeof w.scoped.snapshot>[1]>[0]) =>
      (await m.query(projecten))[0].n as number;
    const { rijk, eemland, weer } = await w.scoped.snapshot(systeem, async (m) => ({
      rijk: await n(m),
      eemland: await w.scoped.alsInSnapshot(m, ctx.L0802, systeem, () => n(m)),
      weer: await n(m),
    }));
    expect(eemland).toBe(1);
    expect(rijk).toBeGreaterThan(1);
    expect(weer).toBe(rijk);
    await expect(
      w.scoped.jobTransaction('kwartaalrapportage', systeem, (m) =>
        w.scoped.alsInSnapshot(m, ctx.L0802, systeem, () => n(m)),
      ),
    ).rejects.toThrow(/outside a read-only snapshot/);
  });

  it('every path runs as thuismonitor_app, never as the owner', async () => {
    const wie = `SELECT current_user AS u`;
    const systeem = await w.scoped.systeemContext('wall');
    expect((await w.scoped.publiek((m) => m.query(wie)))[0].u).toBe('thuismonitor_app');
    expect((await w.scoped.snapshot(systeem, (m) => m.query(wie)))[0].u).toBe('thuismonitor_app');
    expect((await w.scoped.jobTransaction('kwartaalrapportage', systeem, (m) => m.query(wie)))[0].u).toBe(
      'thuismonitor_app',
    );
    expect((await w.lees(ctx.L0801, wie))[0].u).toBe('thuismonitor_app');
    // and the settings do not outlive the transaction on a pooled connection
    const na = await w.scoped.publiek((m) =>
      aantal(
        m,
        `SELECT 1 WHERE current_setting('tm.organisatie_id', true) IS NULL OR current_setting('tm.organisatie_id', true) = ''`,
      ),
    );
    expect(na).toBe(1);
  });
});
