import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';
import { code, ok as paOk, Q } from './prestatieafspraak.helpers';
import { renderHtml } from '../src/rapportage/rapportage-html';
import type { RapportageInhoud } from '../src/rapportage/rapportage-inhoud';
import { vrijgegevenStatushouders } from './support/vrijgave';

/**
 * Issue 9, reports: one data cut-off (the quarter's last day), one computation, one visibility
 * rule. Everything runs for real: API over HTTP, the BullMQ worker, Postgres with RLS.
 */
const AANVRAAG = `mutation ($g: GebiedInput!, $k: String!) { vraagKwartaalrapportageAan(gebied: $g, kwartaal: $k) { jobId } }`;
const STATUS = `query ($id: String!) { rapportageAanvraag(jobId: $id) { status
  rapportages { id actielijn versie bestanden { formaat variant url } } } }`;
const LIJST = `query ($f: KwartaalrapportageFilter) { kwartaalrapportages(filter: $f) { id versie actielijn bestanden { formaat variant url } } }`;

type Bestand = { formaat: string; variant: string; url: string };
type Rapport = { id: string; actielijn: string; versie: number; bestanden: Bestand[] };

/** The lines of one CSV section (heading line up to the next empty line). */
function sectie(csv: string, kop: string): string[][] {
  const regels = csv.replace(/^\uFEFF/, '').split('\r\n');
  const start = regels.indexOf(kop);
  if (start < 0) return [];
  const uit: string[][] = [];
  for (let i = start + 1; i < regels.length && regels[i] !== ''; i++) uit.push(regels[i].split(';'));
  return uit;
}

describe('kwartaalrapportage: one cut-off, one computation, one visibility rule', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let paId: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config);
    const domstad = await t.orgId('L0801');
    const bzk = await t.orgId('BZK');
    // Utrecht 2026 up to and including Q3 (the report's quarter): toewijzingen, statushouders in
    // both half years, a statushouders taakstelling, huisuitzettingen and a sociale-huur stand.
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT $1, g, d::date, a, s, 'SOCIALE_HUUR', u, 'P-' || n
       FROM (VALUES
         (1, 'GM0344', '2026-02-10', NULL, 1, false), (2, 'GM0344', '2026-04-11', 'URGENTEN', 2, true),
         (3, 'GM0344', '2026-05-20', 'STATUSHOUDERS', 4, false), (4, 'GM0344', '2026-07-03', 'STATUSHOUDERS', 3, false),
         (5, 'GM0344', '2026-08-15', NULL, 2, false), (6, 'GM0344', '2026-09-30', 'STATUSHOUDERS', 2, false),
         (7, 'GM0356', '2026-03-01', NULL, 1, false), (8, 'GM0356', '2026-09-02', 'OUDEREN', 1, false)) AS v(n, g, d, a, s, u)`,
      [domstad],
    );
    await t.db.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
       VALUES ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344', '2026-01-01', '2026-06-30', 10, $1),
              ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344', '2026-07-01', '2026-12-31', 12, $1)`,
      [bzk],
    );
    for (const [k, w] of [
      [1, 3],
      [2, 2],
      [3, 4],
    ]) {
      await t.db.query(
        `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde) VALUES ('HUISUITZETTINGEN', $1, 'GM0344', 2026, $2, $3)`,
        [domstad, k, w],
      );
    }
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde) VALUES ('SOCIALE_HUURVOORRAAD', $1, 'GM0344', 2026, 3, 20000)`,
      [domstad],
    );
    // A vastgestelde prestatieafspraak of Utrecht with Domstad and the huurders; the zorgaanbieder
    // Sticht Wonen en Zorg works in Utrecht but is no party to it.
    const huurders = await t.orgId('HO-DOMSTAD');
    let pa = await paOk(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Geheime prestatieafspraken Utrecht 2026',
        jaarVan: 2026,
        jaarTot: 2026,
        partijIds: [domstad, huurders],
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
      id: pa.id,
      v: pa.versie,
      i: {
        actielijn: 'EVENWICHTIGE_VERDELING',
        aandachtsgroep: 'STATUSHOUDERS',
        omschrijving: 'Vertrouwelijke afspraak over statushouders',
        indicatorCode: 'TOEWIJZINGEN_STATUSHOUDERS',
        doelwaarden: [{ jaar: 2026, waarde: 6 }],
        verantwoordelijkeId: domstad,
      },
    });
    pa = await paOk(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    for (const als of ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad']) {
      pa = await paOk(t, als, Q.tekenen, { id: pa.id, v: pa.versie });
    }
    expect(pa.status).toBe('VASTGESTELD');
    paId = pa.id;
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function maak(als: string, soort: string, gebied: string, kwartaal = '2026-Q3'): Promise<Rapport[]> {
    const { vraagKwartaalrapportageAan: a } = await t.ok(als, AANVRAAG, {
      g: { soort, code: gebied },
      k: kwartaal,
    });
    const klaar = await wachtTot(
      `report ${gebied}`,
      async () => {
        const r = await t.ok(als, STATUS, { id: a.jobId });
        if (r.rapportageAanvraag.status === 'MISLUKT')
          throw new Error(`report job failed: ${JSON.stringify(r)}`);
        return r.rapportageAanvraag.status === 'GEREED' ? r.rapportageAanvraag : undefined;
      },
      240_000,
    ); // generous: PDF rendering on a busy machine
    return klaar.rapportages;
  }

  const bestand = (r: Rapport, formaat: string, variant: string) =>
    r.bestanden.find((b) => b.formaat === formaat && b.variant === variant);

  async function tekst(als: string, r: Rapport, variant: string): Promise<string> {
    const b = bestand(r, 'CSV', variant);
    if (!b) throw new Error(`no CSV ${variant} for ${als}: ${JSON.stringify(r.bestanden)}`);
    const res = await t.fetch(b.url, { als });
    expect(res.status).toBe(200);
    return res.text();
  }

  /**
   * Every stored figure of a report version, without ids, versions or timestamps: the content
   * (shared and exact) and the CSV files from their first section on (the metadata block above it
   * names the version and the cut-off, which differ per version by design).
   */
  async function cijfers(gebied: string, versie: number): Promise<Record<string, unknown>> {
    const { rows } = await t.db.query(
      `SELECT r.actielijn, r.snapshot, i.snapshot AS intern,
              (SELECT json_object_agg(b.formaat || '/' || b.variant, convert_from(b.inhoud, 'UTF8') ORDER BY b.formaat, b.variant)
                 FROM kwartaalrapportage_bestand b WHERE b.rapportage_id = r.id AND b.formaat = 'CSV') AS csv
       FROM kwartaalrapportage r LEFT JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id
       WHERE r.gebied_code = $1 AND r.jaar = 2026 AND r.kwartaal = 3 AND r.versie = $2 ORDER BY r.actielijn`,
      [gebied, versie],
    );
    expect(rows).toHaveLength(1);
    const figuren = (csv: Record<string, string>) =>
      Object.fromEntries(Object.entries(csv).map(([k, v]) => [k, v.split('Voortgang per indicator')[1]]));
    return Object.fromEntries(
      rows.map((r) => [r.actielijn, { snapshot: r.snapshot, intern: r.intern, csv: figuren(r.csv) }]),
    );
  }

  let eerste: Record<string, unknown>;

  it('making the report of a closed quarter twice without data changes gives identical figures and CSV figure sections', async () => {
    await maak('gemeente.utrecht', 'GEMEENTE', 'GM0344');
    await maak('gemeente.utrecht', 'GEMEENTE', 'GM0344');
    eerste = await cijfers('GM0344', 1);
    expect(await cijfers('GM0344', 2)).toEqual(eerste);
  }, 480_000);

  it('data dated after the peildatum (30 September) never changes the Q3 report', async () => {
    const domstad = await t.orgId('L0801');
    const utrechtOrg = await t.orgId('GM0344');
    // Q4 activity of every kind the report reads: toewijzingen (statushouders too), a Q4 stand,
    // Q4 huisuitzettingen, a dwelling opgeleverd in October.
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       VALUES ($1, 'GM0344', '2026-10-01', 'STATUSHOUDERS', 5, 'SOCIALE_HUUR', false, 'Q4-1'),
              ($1, 'GM0344', '2026-10-20', NULL, 1, 'SOCIALE_HUUR', true, 'Q4-2'),
              ($1, 'GM0356', '2026-11-02', 'OUDEREN', 2, 'SOCIALE_HUUR', false, 'Q4-3')`,
      [domstad],
    );
    await t.db.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde)
       VALUES ('HUISUITZETTINGEN', $1, 'GM0344', 2026, 4, 7), ('SOCIALE_HUURVOORRAAD', $1, 'GM0344', 2026, 4, 20500),
              ('WONINGVOORRAAD_TOTAAL', $2, 'GM0344', 2026, 4, 170000)`,
      [domstad, utrechtOrg],
    );
    await t.db.query(
      `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
         woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, woningen_aandachtsgroepen, woningen_per_aandachtsgroep, opgeleverd_op)
       VALUES ('Oktoberproject', 'GM0344', $1, 'OPGELEVERD', 40, 0, 0, 0, 0, 0, '{}', '2026-10-10')`,
      [domstad],
    );
    await maak('gemeente.utrecht', 'GEMEENTE', 'GM0344');
    expect(await cijfers('GM0344', 3)).toEqual(eerste);
  }, 480_000);

  it('a change dated before the peildatum does change it (the comparison above can fail)', async () => {
    const domstad = await t.orgId('L0801');
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       VALUES ($1, 'GM0344', '2026-09-29', NULL, 1, 'SOCIALE_HUUR', false, 'Q3-laat')`,
      [domstad],
    );
    await maak('gemeente.utrecht', 'GEMEENTE', 'GM0344');
    expect(await cijfers('GM0344', 4)).not.toEqual(eerste);
  }, 480_000);

  it('the year-to-date statushouders indicator and the half-year table of one report agree', async () => {
    const { rows } = await t.db.query(
      `SELECT r.snapshot->'gedeeld' AS gedeeld, i.snapshot AS intern FROM kwartaalrapportage r
         LEFT JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id
        WHERE gebied_code = 'GM0344' AND jaar = 2026 AND kwartaal = 3 AND actielijn = 'ALLE' AND versie = 3`,
    );
    for (const variant of ['gedeeld', 'intern'] as const) {
      const r: RapportageInhoud | null = rows[0][variant];
      if (!r) continue;
      const indicator = r.indicatoren.find((i) => i.code === 'STATUSHOUDERS_GEHUISVEST')!;
      const halfjaren = r.statushouders.filter((s) => s.gemeenteCode === 'GM0344');
      expect(halfjaren.map((h) => h.halfjaar)).toEqual(['2026-H1', '2026-H2']);
      // persons housed: 4 in H1; 3 + 2 in H2 up to 30 September (the 5 of 1 October do not count);
      // exact in the gemeente's own (intern) variant, released per base cell in the shared one
      const verwacht =
        variant === 'intern'
          ? [4, 5]
          : [
              await vrijgegevenStatushouders(t.db, ['GM0344'], '2026-01-01', '2026-06-30'),
              await vrijgegevenStatushouders(t.db, ['GM0344'], '2026-07-01', '2026-09-30'),
            ];
      expect(halfjaren.map((h) => h.gehuisvest)).toEqual(verwacht);
      expect(indicator.realisatie.waarde).toBe(verwacht[0] + verwacht[1]);
    }
  });

  it('a zorgaanbieder that may not see a prestatieafspraak in GraphQL does not read its afspraken in the report', async () => {
    // GraphQL: not a party, so the prestatieafspraak does not exist for it
    expect(code(await t.gql('zorg.sticht', Q.een, { id: paId }))).toBe('NIET_GEVONDEN');
    const rapporten = (
      await t.ok('zorg.sticht', LIJST, {
        f: { gebiedCode: 'GM0344', actielijn: 'ALLE', alleenNieuwste: true },
      })
    ).kwartaalrapportages as Rapport[];
    expect(rapporten).toHaveLength(1);
    const r = rapporten[0];
    for (const b of r.bestanden) {
      const res = await t.fetch(b.url, { als: 'zorg.sticht' });
      expect(res.status).toBe(200);
      const inhoud = Buffer.from(await res.arrayBuffer());
      if (b.formaat === 'CSV') {
        expect(inhoud.toString('utf8')).not.toMatch(/Vertrouwelijke afspraak|Geheime prestatieafspraken/);
        expect(sectie(inhoud.toString('utf8'), 'Afspraken')).toEqual([]);
      }
      if (b.formaat === 'XLSX') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(inhoud as any);
        expect(wb.getWorksheet('Afspraken')).toBeUndefined();
      }
    }
    // every variant a download URL could name: none of them gives it the afspraken
    for (const pad of [
      `/api/rapportages/${r.id}/csv`,
      `/api/rapportages/${r.id}/csv?variant=intern`,
      `/api/rapportages/${r.id}/csv?variant=gedeeld`,
    ]) {
      const res = await t.fetch(pad, { als: 'zorg.sticht' });
      expect(res.status).toBe(200);
      expect(await res.text()).not.toMatch(/Vertrouwelijke afspraak|Geheime prestatieafspraken/);
    }
    // the second wall: straight through the app role with the zorgaanbieder's settings (no
    // service), Postgres hides the files that carry the afspraken
    const zorg = await t.orgId('ZA-STICHTWONEN');
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE thuismonitor_app');
      await c.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', 'ZORGAANBIEDER', true),
                set_config('tm.gemeenten', 'GM0344,GM0307,GM0356', true)`,
        [zorg],
      );
      const { rows } = await c.query(
        `SELECT DISTINCT variant FROM kwartaalrapportage_bestand WHERE rapportage_id = $1`,
        [r.id],
      );
      expect(rows.map((x) => x.variant)).toEqual(['ZONDER_AFSPRAKEN']);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
    // the parties and the provincie (who may see the prestatieafspraak) do read them
    for (const als of ['corporatie.domstad', 'huurders.domstad', 'provincie.utrecht', 'gemeente.utrecht']) {
      const [eigen] = (
        await t.ok(als, LIJST, { f: { gebiedCode: 'GM0344', actielijn: 'ALLE', alleenNieuwste: true } })
      ).kwartaalrapportages;
      const variant = bestand(eigen, 'CSV', 'INTERN') ? 'INTERN' : 'GEDEELD';
      const csv = await tekst(als, eigen, variant);
      expect(sectie(csv, 'Afspraken').map((x) => x[2])).toContain(
        'Vertrouwelijke afspraak over statushouders',
      );
    }
  });

  it('every aggregate above a gemeente states its coverage in CSV, XLSX and HTML/PDF', async () => {
    const rapporten = await maak('provincie.utrecht', 'PROVINCIE', 'PV26');
    const alle = rapporten.find((r) => r.actielijn === 'ALLE')!;
    const gemeenten = (
      await t.db.query(`SELECT count(*)::int AS n FROM gemeente WHERE provincie_code = 'PV26'`)
    ).rows[0].n;
    const dekking = new RegExp(`^\\d+ van ${gemeenten} gemeenten$`);

    const csv = await tekst('provincie.utrecht', alle, 'GEDEELD');
    const kop = sectie(csv, 'Voortgang per indicator')[0];
    const kolom = kop.indexOf('Dekking');
    expect(kolom).toBeGreaterThan(0);
    const regels = sectie(csv, 'Voortgang per indicator').slice(1);
    expect(regels.length).toBeGreaterThan(10);
    for (const r of regels) expect(r[kolom]).toMatch(dekking);
    // the stand of sociale huurwoningen: only Utrecht reported one
    expect(regels.find((r) => r[1] === 'SOCIALE_HUURVOORRAAD')?.[kolom]).toBe(`1 van ${gemeenten} gemeenten`);

    const xlsx = await t.fetch(bestand(alle, 'XLSX', 'GEDEELD')!.url, { als: 'provincie.utrecht' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const blad = wb.getWorksheet('Voortgang')!;
    const koppen = (blad.getRow(1).values as unknown[]).map(String);
    const xk = koppen.indexOf('Dekking');
    expect(xk).toBeGreaterThan(0);
    for (let n = 2; n <= blad.rowCount; n++)
      expect(String(blad.getRow(n).getCell(xk).value)).toMatch(dekking);

    // the PDF is printed from this HTML (its text streams are compressed, so the HTML is checked)
    const { rows } = await t.db.query(`SELECT snapshot FROM kwartaalrapportage WHERE id = $1`, [alle.id]);
    const html = renderHtml(rows[0].snapshot.gedeeld, {
      versie: 1,
      peilmoment: new Date().toISOString(),
      aangevraagdDoor: 'provincie.utrecht',
      variant: 'GEDEELD',
    });
    expect(html).toContain('<th scope="col">Dekking</th>');
    expect(html).toContain(`1 van ${gemeenten} gemeenten`);
  }, 480_000);
});
