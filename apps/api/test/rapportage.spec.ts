import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { parseExpression } from 'cron-parser';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';
import { JOB_SCHEDULERS } from '../src/jobs/job-catalogus';
import { workerConnection } from '../src/jobs/redis-connection';
import { ok as paOk, Q } from './prestatieafspraak.helpers';
import { ISO_IN_TEKST } from '@thuismonitor/domain';
import { pdfEigenschappen, pdfTekst } from './support/pdf-tekst';
import { RequestContext } from '@thuismonitor/auth';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { ScopedDb } from '../src/database/scoped-db.service';
import { PdfRenderer } from '../src/rapportage/pdf-renderer.service';
import { renderBestanden } from '../src/rapportage/rapportage-bestanden';
import { vrijgegevenStatushouders } from './support/vrijgave';

const AANVRAAG = `mutation ($g: GebiedInput!, $k: String!) { vraagKwartaalrapportageAan(gebied: $g, kwartaal: $k) {
  jobId status voortgang rapportages { id } } }`;
const STATUS = `query ($id: String!) { rapportageAanvraag(jobId: $id) { jobId status voortgang
  rapportages { id actielijn versie gebiedCode kwartaal aangevraagdDoor peilmoment bestanden { formaat variant url } } } }`;

/** Parses the report CSV's indicator section into code → [taakstelling, realisatie] as shown. */
function indicatorRegels(csv: string): Map<string, { taakstelling: string; realisatie: string }> {
  const regels = csv.replace(/^\uFEFF/, '').split('\r\n');
  const start = regels.indexOf('Voortgang per indicator') + 2;
  const uit = new Map<string, { taakstelling: string; realisatie: string }>();
  for (let i = start; i < regels.length && regels[i] !== ''; i++) {
    const v = regels[i].split(';');
    uit.set(v[1], { taakstelling: v[4], realisatie: v[5] });
  }
  return uit;
}

/**
 * The lines that follow each occurrence of `tekst` in PDF text lines (a table cell's text may wrap
 * over lines; a chart label names the indicator too, its table row is one of the occurrences).
 */
function naRegels(regels: string[], tekst: string, aantal: number): string[][] {
  const uit: string[][] = [];
  for (let k = 0; k < regels.length; k++) {
    let samen = '';
    for (let n = k; n < regels.length && samen.length < tekst.length; n++) {
      samen = `${samen} ${regels[n]}`.trim();
      if (samen.replace(/\s+/g, ' ') === tekst) uit.push(regels.slice(n + 1, n + 1 + aantal));
    }
  }
  return uit;
}

describe('kwartaalrapportages (BullMQ jobs, snapshots, files, tenancy)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config);
    const domstad = await t.orgId('L0801');
    const bzk = await t.orgId('BZK');
    // Utrecht, 2026: toewijzingen in Q2 and Q3 (a few to statushouders: small cells), a statushouders
    // taakstelling for H1 and H2, and reported stock figures for the share of sociale huur.
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT $1, 'GM0344', d::date, g, s, 'SOCIALE_HUUR', u, 'R-' || n
       FROM (VALUES
         (1, '2026-04-10', NULL, 1, false), (2, '2026-05-11', NULL, 2, false), (3, '2026-05-20', 'URGENTEN', 1, true),
         (4, '2026-06-02', 'STATUSHOUDERS', 4, false), (5, '2026-07-03', 'STATUSHOUDERS', 3, false),
         (6, '2026-07-15', NULL, 2, false), (7, '2026-08-01', NULL, 1, false), (8, '2026-08-19', 'STUDENTEN', 1, false),
         (9, '2026-09-09', NULL, 3, false), (10, '2026-09-30', 'OUDEREN', 1, false)) AS v(n, d, g, s, u)`,
      [domstad],
    );
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, extern_kenmerk)
       SELECT $1, 'GM0356', date '2026-08-01' + (n % 50), NULL, 1 + n % 4, 'SOCIALE_HUUR', 'N-' || n FROM generate_series(1, 30) n`,
      [domstad],
    );
    await t.db.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
       VALUES ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344', '2026-01-01', '2026-06-30', 10, $1),
              ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344', '2026-07-01', '2026-12-31', 12, $1)`,
      [bzk],
    );
    // A vastgestelde prestatieafspraak for 2026 with a statushouders afspraak: the report shows its progress.
    const huurders = await t.orgId('HO-DOMSTAD');
    let pa = await paOk(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: 'Prestatieafspraken Utrecht 2026',
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
        omschrijving: 'Woningen voor statushouders',
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
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function wachtOpGereed(als: string, jobId: string) {
    return wachtTot(
      `report job ${jobId}`,
      async () => {
        const r = await t.ok(als, STATUS, { id: jobId });
        if (r.rapportageAanvraag.status === 'MISLUKT')
          throw new Error(`report job failed: ${JSON.stringify(r)}`);
        return r.rapportageAanvraag.status === 'GEREED' ? r.rapportageAanvraag : undefined;
      },
      240_000,
    ); // generous: PDF rendering on a busy machine
  }

  it('asking twice while one runs gives one job; it makes one report for the area (every actielijn in it)', async () => {
    const vars = { g: { soort: 'GEMEENTE', code: 'GM0344' }, k: '2026-Q3' };
    const [a, b] = await Promise.all([
      t.ok('gemeente.utrecht', AANVRAAG, vars),
      t.ok('gemeente.utrecht', AANVRAAG, vars),
    ]);
    expect(a.vraagKwartaalrapportageAan.jobId).toBe('kwartaalrapportage.GEMEENTE.GM0344.2026-Q3.op-verzoek');
    expect(b.vraagKwartaalrapportageAan.jobId).toBe(a.vraagKwartaalrapportageAan.jobId);
    const klaar = await wachtOpGereed('gemeente.utrecht', a.vraagKwartaalrapportageAan.jobId);
    expect(klaar.rapportages.map((r: { actielijn: string }) => r.actielijn)).toEqual(['ALLE']);
    // one PDF per variant the reader may have, with a section per actielijn
    expect(
      klaar.rapportages[0].bestanden.filter((b: { formaat: string }) => b.formaat === 'PDF').length,
    ).toBeGreaterThanOrEqual(1);
    expect(klaar.rapportages.every((r: { versie: number }) => r.versie === 1)).toBe(true);
    expect(klaar.rapportages[0].aangevraagdDoor).toBe('gemeente.utrecht');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM kwartaalrapportage WHERE gebied_code = 'GM0344'`,
    );
    expect(rows[0].n).toBe(1);
  }, 300_000);

  it('a new request after completion makes version 2 and keeps version 1 unchanged', async () => {
    const voor = await t.db.query(
      `SELECT id, snapshot::text AS s FROM kwartaalrapportage WHERE gebied_code = 'GM0344' AND actielijn = 'ALLE'`,
    );
    const r = await t.ok('gemeente.utrecht', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2026-Q3',
    });
    const klaar = await wachtOpGereed('gemeente.utrecht', r.vraagKwartaalrapportageAan.jobId);
    expect(klaar.rapportages.every((x: { versie: number }) => x.versie === 2)).toBe(true);
    const na = await t.db.query(
      `SELECT id, versie, snapshot::text AS s FROM kwartaalrapportage WHERE gebied_code = 'GM0344' AND actielijn = 'ALLE' ORDER BY versie`,
    );
    expect(na.rows.map((x) => x.versie)).toEqual([1, 2]);
    expect(na.rows[0]).toMatchObject({ id: voor.rows[0].id, s: voor.rows[0].s });
    // immutable at the database: the application role cannot change a report
    await expect(
      t.db.query(`BEGIN; SET LOCAL ROLE thuismonitor_app; UPDATE kwartaalrapportage SET versie = 9; COMMIT;`),
    ).rejects.toThrow(/permission denied/);
    await t.db.query('ROLLBACK').catch(() => undefined);
  }, 300_000);

  it('the voortgang query, the PDF text, the CSV and the XLSX carry the same figures', async () => {
    const r = await t.ok('provincie.utrecht', AANVRAAG, {
      g: { soort: 'PROVINCIE', code: 'PV26' },
      k: '2026-Q3',
    });
    const klaar = await wachtOpGereed('provincie.utrecht', r.vraagKwartaalrapportageAan.jobId);
    const alle = klaar.rapportages.find((x: { actielijn: string }) => x.actielijn === 'ALLE');
    const url = (f: string) =>
      alle.bestanden.find(
        (b: { formaat: string; variant: string }) => b.formaat === f && b.variant === 'GEDEELD',
      ).url;

    // 1. the voortgang query the provincie sees on screen
    const v = await t.ok(
      'provincie.utrecht',
      `query { voortgang(gebied: { soort: PROVINCIE, code: "PV26" }, periode: { van: "2026-01-01", tot: "2026-09-30" }) {
      actielijnen { indicatoren { code naam bron eenheid taakstelling realisatie { waarde weergave onderdrukt } } } } }`,
    );
    const indicatoren: {
      code: string;
      naam: string;
      bron: string;
      eenheid: string;
      taakstelling: number | null;
      realisatie: { waarde: number | null; weergave: string; onderdrukt: boolean };
    }[] = v.voortgang.actielijnen
      .flatMap((a: { indicatoren: unknown[] }) => a.indicatoren)
      .filter((i: { bron: string }) => i.bron !== 'MIJLPAAL');
    expect(indicatoren.length).toBeGreaterThan(15);

    // 2. CSV
    const csvRes = await t.fetch(url('CSV'), { als: 'provincie.utrecht' });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/);
    const uitCsv = indicatorRegels(await csvRes.text());

    // 3. XLSX
    const xlsxRes = await t.fetch(url('XLSX'), { als: 'provincie.utrecht' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as any);
    const blad = wb.getWorksheet('Voortgang')!;
    const xlsxRijen = new Map(
      blad.getRows(2, blad.rowCount - 1)!.map((row) => [String(row.getCell(2).value), row]),
    );

    // 4. PDF text
    const pdf = Buffer.from(await (await t.fetch(url('PDF'), { als: 'provincie.utrecht' })).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfRegels = pdfTekst(pdf).split('\n');

    const nl = (w: number) =>
      new Intl.NumberFormat('nl-NL', { maximumFractionDigits: w % 1 ? 1 : 0 }).format(w);
    for (const i of indicatoren) {
      // the voortgang figure as a report writes it (whole counts, a share as percent)
      const verwacht =
        i.realisatie.onderdrukt || i.realisatie.waarde === null
          ? i.realisatie.weergave
          : i.eenheid === 'PERCENTAGE'
            ? `${nl(i.realisatie.waarde)}%`
            : nl(Math.round(i.realisatie.waarde));
      expect([i.code, uitCsv.get(i.code)?.realisatie]).toEqual([i.code, verwacht]);
      const cel = xlsxRijen.get(i.code)!.getCell(6).value;
      // an empty cell is 'no data' (the Toelichting sheet says so), the PDF's and CSV's '–'
      const xlsxAls =
        cel === null
          ? '–'
          : typeof cel === 'number'
            ? i.eenheid === 'PERCENTAGE'
              ? `${nl(Math.round(cel * 1000) / 10)}%`
              : nl(cel)
            : String(cel);
      expect([i.code, xlsxAls]).toEqual([i.code, verwacht]);
      // the PDF row of the indicator: its name (a long one wraps over lines), then unit, target, realisation
      const rijen = naRegels(pdfRegels, i.naam, 3);
      expect([i.code, rijen.some((r) => r.includes(verwacht))]).toEqual([i.code, true]);
    }
    // an independent count: persons housed as statushouders in PV26 in 2026 up to and including
    // Q3, as the provincie gets them (protected: released per base cell, computed from the rows)
    const { rows } = await t.db.query(
      `SELECT sum(t.huishoudgrootte)::int AS n FROM toewijzing t JOIN gemeente g ON g.code = t.gemeente_code
       WHERE g.provincie_code = 'PV26' AND t.aandachtsgroep = 'STATUSHOUDERS' AND t.datum BETWEEN '2026-01-01' AND '2026-09-30'`,
    );
    expect(rows[0].n).toBe(7);
    const pv26 = (await t.db.query(`SELECT code FROM gemeente WHERE provincie_code = 'PV26'`)).rows.map(
      (r) => r.code,
    );
    const vrij = await vrijgegevenStatushouders(t.db, pv26, '2026-01-01', '2026-09-30');
    expect(uitCsv.get('STATUSHOUDERS_GEHUISVEST')?.realisatie).toBe(String(vrij));
    expect(xlsxRijen.get('STATUSHOUDERS_GEHUISVEST')!.getCell(6).value ?? 0).toBe(vrij);

    // the PDF: tagged, Dutch, titled, with bookmarks; no ISO date anywhere in its text
    const e = pdfEigenschappen(pdf);
    expect(e).toMatchObject({
      tagged: true,
      taal: 'nl-NL',
      titel: expect.stringMatching(
        /^Kwartaalrapportage Utrecht — 3e kwartaal 2026 — Alle actielijnen — versie \d+$/,
      ),
    });
    expect(e.bladwijzers).toBeGreaterThanOrEqual(8);
    expect(pdfRegels.join(' ').match(ISO_IN_TEKST)).toBeNull();
    // its first page says what it is
    const begin = pdfRegels.slice(0, 40).join(' ');
    for (const re of [
      /Versie\s*\d+/,
      /Variant\s*gedeeld/,
      /Peildatum\s*30 september 2026/,
      /Gemaakt\s*op verzoek van provincie\.utrecht/,
      /Cijfers gelezen op/,
    ]) {
      expect(begin).toMatch(re);
    }
  }, 300_000);

  it('a gemeente cannot read or request another gemeente’s report; refusals look like missing records', async () => {
    const { rows } = await t.db.query(
      `SELECT id FROM kwartaalrapportage WHERE gebied_code = 'GM0344' AND actielijn = 'ALLE' AND versie = 1`,
    );
    const id = rows[0].id;
    const lijst = await t.ok('gemeente.amersfoort', `{ kwartaalrapportages { id gebiedCode } }`);
    expect(lijst.kwartaalrapportages).toEqual([]);
    const een = await t.gql(
      'gemeente.amersfoort',
      `query ($id: String!) { kwartaalrapportage(id: $id) { id } }`,
      { id },
    );
    expect(een.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    const dl = await t.fetch(`/api/rapportages/${id}/csv`, { als: 'gemeente.amersfoort' });
    expect(dl.status).toBe(404);
    expect(await dl.json()).toMatchObject({ code: 'NIET_GEVONDEN' });
    const aanvraag = await t.gql('gemeente.amersfoort', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2026-Q3',
    });
    expect(aanvraag.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    const status = await t.gql('gemeente.amersfoort', STATUS, {
      id: 'kwartaalrapportage.GEMEENTE.GM0344.2026-Q3.op-verzoek',
    });
    expect(status.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    // provincie Gelderland neither; a corporatie may read but not request
    expect(
      (await t.ok('provincie.gelderland', `{ kwartaalrapportages { id } }`)).kwartaalrapportages,
    ).toEqual([]);
    const corp = await t.gql('corporatie.domstad', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2026-Q3',
    });
    expect(corp.errors?.[0].extensions?.code).toBe('GEEN_TOEGANG');
  });

  it('the gemeente itself gets exact figures; the provincie only the released (shared) variant of the same report', async () => {
    const eigen = await t.ok(
      'gemeente.utrecht',
      `{ kwartaalrapportages(filter: { gebiedCode: "GM0344", actielijn: "ALLE", alleenNieuwste: true }) { id bestanden { formaat variant url } } }`,
    );
    const prov = await t.ok(
      'provincie.utrecht',
      `{ kwartaalrapportages(filter: { gebiedCode: "GM0344", actielijn: "ALLE", alleenNieuwste: true }) { id bestanden { formaat variant url } } }`,
    );
    expect(prov.kwartaalrapportages[0].id).toBe(eigen.kwartaalrapportages[0].id);
    expect(
      prov.kwartaalrapportages[0].bestanden.every((b: { variant: string }) => b.variant === 'GEDEELD'),
    ).toBe(true);
    const intern = eigen.kwartaalrapportages[0].bestanden.find(
      (b: { variant: string; formaat: string }) => b.variant === 'INTERN' && b.formaat === 'CSV',
    );
    expect(intern).toBeDefined();
    const exact = indicatorRegels(await (await t.fetch(intern.url, { als: 'gemeente.utrecht' })).text());
    // 2 statushouders households in 2026 up to Q3: exact for the gemeente, suppressed for others
    expect(exact.get('TOEWIJZINGEN_STATUSHOUDERS')?.realisatie).toBe('2');
    const gedeeldUrl = prov.kwartaalrapportages[0].bestanden.find(
      (b: { formaat: string }) => b.formaat === 'CSV',
    ).url;
    const gedeeld = indicatorRegels(await (await t.fetch(gedeeldUrl, { als: 'provincie.utrecht' })).text());
    // the provincie gets the released value (docs/decisions.md, "Publicatie"): the same as its voortgang query
    const v = await t.ok(
      'provincie.utrecht',
      `query { voortgang(gebied: { soort: GEMEENTE, code: "GM0344" }, periode: { van: "2026-01-01", tot: "2026-09-30" }) {
      actielijnen { indicatoren { code realisatie { weergave } } } } }`,
    );
    const vrijgegeven = v.voortgang.actielijnen
      .flatMap((a: { indicatoren: { code: string; realisatie: { weergave: string } }[] }) => a.indicatoren)
      .find((i: { code: string }) => i.code === 'TOEWIJZINGEN_STATUSHOUDERS').realisatie.weergave;
    expect(gedeeld.get('TOEWIJZINGEN_STATUSHOUDERS')?.realisatie).toBe(vrijgegeven);
    expect(vrijgegeven).not.toBe('2');
    // asking for the internal file as provincie silently gives the shared one
    const poging = indicatorRegels(await (await t.fetch(intern.url, { als: 'provincie.utrecht' })).text());
    expect(poging.get('TOEWIJZINGEN_STATUSHOUDERS')?.realisatie).toBe(vrijgegeven);
  });

  it('the exact (INTERN) content is readable only by the gemeente: not by a provincie or corporatie through GraphQL, the download or the scoped connection', async () => {
    const { rows } = await t.db
      .query(`SELECT r.id FROM kwartaalrapportage r JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id
      WHERE r.gebied_code = 'GM0344' AND r.actielijn = 'ALLE' AND r.versie = 1`);
    expect(rows).toHaveLength(1);
    const id = rows[0].id;
    const scoped = t.app.get(ScopedDb);
    const als = async (code: string) => {
      const org = (await scoped.organisatieVoorAanmelding(code))!;
      if (!isOrganisatieSoort(org.soort)) throw new Error(code);
      return new RequestContext(
        {
          sub: `test:${code}`,
          gebruikersnaam: `test.${code}`,
          naam: code,
          organisatieCode: code,
          rollen: ['lezen'],
          organisatie: {
            id: org.id,
            code: org.code,
            soort: org.soort,
            naam: org.naam,
            gemeenten: org.gemeenten,
            provincieCode: org.provincie ?? undefined,
          },
        },
        'rapportage-intern',
      );
    };
    const lees = (ctx: RequestContext, sql: string) => scoped.transaction(ctx, (m) => m.query(sql, [id]));
    // positive control: the gemeente reads its exact content and files through the same path
    const gemeente = await als('GM0344');
    expect(
      await lees(gemeente, `SELECT rapportage_id FROM kwartaalrapportage_intern WHERE rapportage_id = $1`),
    ).toHaveLength(1);
    expect(
      (
        await lees(
          gemeente,
          `SELECT variant FROM kwartaalrapportage_bestand WHERE rapportage_id = $1 AND variant = 'INTERN'`,
        )
      ).length,
    ).toBe(3);
    for (const [code, gebruiker] of [
      ['PV26', 'provincie.utrecht'],
      ['L0801', 'corporatie.domstad'],
      ['BZK', 'bzk.analist'],
    ] as const) {
      const ctx = await als(code);
      // the report row is readable, but carries no exact content, and neither table gives it
      expect(await lees(ctx, `SELECT id FROM kwartaalrapportage WHERE id = $1`)).toHaveLength(1);
      expect(
        await lees(ctx, `SELECT 1 FROM kwartaalrapportage WHERE id = $1 AND snapshot ? 'intern'`),
      ).toEqual([]);
      expect(
        await lees(ctx, `SELECT snapshot FROM kwartaalrapportage_intern WHERE rapportage_id = $1`),
      ).toEqual([]);
      expect(
        await lees(
          ctx,
          `SELECT variant FROM kwartaalrapportage_bestand WHERE rapportage_id = $1 AND variant = 'INTERN'`,
        ),
      ).toEqual([]);
      // GraphQL lists no INTERN file
      const g = await t.ok(
        gebruiker,
        `query ($id: String!) { kwartaalrapportage(id: $id) { bestanden { variant } } }`,
        { id },
      );
      expect(g.kwartaalrapportage.bestanden.map((b: { variant: string }) => b.variant)).not.toContain(
        'INTERN',
      );
      // asking the download for the exact file gives the shared one, which says so
      const csv = await (
        await t.fetch(`/api/rapportages/${id}/csv?variant=intern`, { als: gebruiker })
      ).text();
      expect(csv).toMatch(/\r\nVariant;gedeeld/);
      expect(indicatorRegels(csv).get('TOEWIJZINGEN_STATUSHOUDERS')?.realisatie).not.toBe('2');
    }
  });

  it('the afspraken of the vastgestelde prestatieafspraken and their progress are in the report', async () => {
    const { rows } = await t.db.query(`SELECT r.snapshot, i.snapshot AS intern FROM kwartaalrapportage r
      JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id WHERE gebied_code = 'GM0344' AND actielijn = 'ALLE' AND versie = 1`);
    expect(rows[0].snapshot.intern).toBeUndefined();
    const intern = rows[0].intern.afspraken;
    expect(intern).toEqual([
      expect.objectContaining({
        prestatieafspraak: 'Prestatieafspraken Utrecht 2026',
        omschrijving: 'Woningen voor statushouders',
        doelwaarde: 6,
      }),
    ]);
    // 2 statushouders households against 6 for the year
    expect(intern[0].realisatie).toMatchObject({ waarde: 2, onderdrukt: false });
    // shared: a released value (a sum of base cells, each 0 or at least 5), never the exact 2
    const gedeeld = rows[0].snapshot.gedeeld.afspraken[0].realisatie;
    expect(gedeeld.waarde === null || gedeeld.waarde === 0 || gedeeld.waarde >= 5).toBe(true);
  });

  it('statushouders with carry-over are in the report', async () => {
    const { rows } = await t.db.query(`SELECT i.snapshot AS intern FROM kwartaalrapportage r
      JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id WHERE gebied_code = 'GM0344' AND actielijn = 'ALLE' AND versie = 1`);
    const sh = rows[0].intern.statushouders;
    // H1: 10 to house, 4 persons housed → 6 carried into H2: 12 + 6 = 18 to house, 3 housed so far
    expect(sh).toEqual([
      expect.objectContaining({
        gemeenteCode: 'GM0344',
        halfjaar: '2026-H1',
        taakstelling: 10,
        meegenomen: 0,
        gehuisvest: 4,
        saldo: 6,
      }),
      expect.objectContaining({
        gemeenteCode: 'GM0344',
        halfjaar: '2026-H2',
        taakstelling: 12,
        meegenomen: 6,
        teRealiseren: 18,
        gehuisvest: 3,
        saldo: 15,
      }),
    ]);
  });

  it('re-rendering a stored report from its stored content and row gives the same files (figures never change)', async () => {
    const { rows } = await t.db.query(
      `SELECT r.id, r.versie, r.peilmoment, r.aangevraagd_door, r.snapshot->'gedeeld' AS gedeeld, i.snapshot AS intern
         FROM kwartaalrapportage r LEFT JOIN kwartaalrapportage_intern i ON i.rapportage_id = r.id
        WHERE r.gebied_code = 'GM0344' AND r.actielijn = 'ALLE' AND r.versie = 1`,
    );
    const r = rows[0];
    const pdf = new PdfRenderer();
    try {
      const opnieuw = await renderBestanden(
        { gedeeld: r.gedeeld, intern: r.intern },
        {
          versie: r.versie,
          peilmoment: new Date(r.peilmoment).toISOString(),
          aangevraagdDoor: r.aangevraagd_door,
        },
        pdf,
      );
      const opgeslagen = await t.db.query(
        `SELECT formaat, variant, inhoud FROM kwartaalrapportage_bestand WHERE rapportage_id = $1`,
        [r.id],
      );
      expect(opnieuw.map((b) => `${b.formaat}/${b.variant}`).sort()).toEqual(
        opgeslagen.rows.map((b) => `${b.formaat}/${b.variant}`).sort(),
      );
      for (const b of opgeslagen.rows) {
        const nieuw = opnieuw.find((x) => x.formaat === b.formaat && x.variant === b.variant)!.inhoud;
        if (b.formaat === 'CSV') expect(nieuw.equals(b.inhoud)).toBe(true);
        // a PDF carries its own creation time; what it says is the same
        if (b.formaat === 'PDF') expect(pdfTekst(nieuw)).toBe(pdfTekst(b.inhoud));
      }
    } finally {
      await pdf.onApplicationShutdown();
    }
  }, 120_000);

  it('the national report: a PDF overview per provincie, the detail per gemeente in its XLSX and CSV', async () => {
    const r = await t.ok('bzk.analist', AANVRAAG, { g: { soort: 'LAND', code: 'NL' }, k: '2026-Q3' });
    const klaar = await wachtOpGereed('bzk.analist', r.vraagKwartaalrapportageAan.jobId);
    const [nl] = klaar.rapportages;
    const url = (f: string) =>
      nl.bestanden.find(
        (b: { formaat: string; variant: string }) => b.formaat === f && b.variant === 'GEDEELD',
      ).url;
    const gemeenten = (await t.db.query(`SELECT count(*)::int AS n FROM gemeente`)).rows[0].n;
    const provincies = (await t.db.query(`SELECT count(*)::int AS n FROM provincie`)).rows[0].n;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await (await t.fetch(url('XLSX'), { als: 'bzk.analist' })).arrayBuffer()) as any,
    );
    expect(wb.getWorksheet('Provincies')!.rowCount).toBe(provincies + 1);
    expect(wb.getWorksheet('Gemeenten')!.rowCount).toBe(gemeenten + 1);
    const csv = await (await t.fetch(url('CSV'), { als: 'bzk.analist' })).text();
    const bijlage = csv.split('\r\n');
    const start = bijlage.indexOf('Realisatie per gemeente (bijlage)');
    expect(start).toBeGreaterThan(0);
    expect(bijlage.slice(start + 2).findIndex((x) => x === '')).toBe(gemeenten);
    expect(bijlage.slice(start + 2, start + 2 + gemeenten).some((x) => x.startsWith('GM0344;Utrecht;'))).toBe(
      true,
    );

    // the PDF: per provincie, not per gemeente; the afspraken counted per provincie
    const pdf = pdfTekst(
      Buffer.from(await (await t.fetch(url('PDF'), { als: 'bzk.analist' })).arrayBuffer()),
    );
    expect(pdf).toContain('Vergelijking van de provincies');
    expect(pdf).toContain('Afspraken per provincie naar status');
    expect(pdf).not.toContain('Woningen voor statushouders'); // an afspraak's own text is in the XLSX/CSV only
    expect(pdf.match(ISO_IN_TEKST)).toBeNull();
  }, 300_000);

  it('a scheduled run builds the expected set as a flow (gemeenten under their provincie)', async () => {
    const verbinding = workerConnection(t.config.redisUrl);
    const queue = new Queue('rapportages', { connection: verbinding, prefix: t.config.queuePrefix });
    try {
      // The real scheduler fires on day N after a quarter; here one fires at once, for Flevoland only.
      await queue.upsertJobScheduler(
        'test-planner',
        { every: 3_600_000, immediately: true },
        {
          name: 'kwartaalrapportage.planner',
          data: { kwartaal: '2026-Q2', provincies: ['PV24'] },
        },
      );
      const gemeenten = (
        await t.db.query(`SELECT code FROM gemeente WHERE provincie_code = 'PV24' ORDER BY code`)
      ).rows.map((r) => r.code);
      expect(gemeenten).toHaveLength(6);
      const rijen = await wachtTot(
        'scheduled Flevoland run',
        async () => {
          const { rows } = await t.db.query(
            `SELECT gebied_soort, gebied_code, actielijn, versie, aangevraagd_door FROM kwartaalrapportage WHERE jaar = 2026 AND kwartaal = 2`,
          );
          return rows.length >= 7 &&
            (await t.db.query(`SELECT 1 FROM kwartaalrapportage WHERE gebied_code = 'PV24' AND kwartaal = 2`))
              .rowCount
            ? rows
            : undefined;
        },
        300_000,
      );
      expect(rijen).toHaveLength(7);
      // a provincie-only run has no national report
      expect(rijen.some((r) => r.gebied_soort === 'LAND')).toBe(false);
      expect(new Set(rijen.map((r) => r.gebied_code))).toEqual(new Set([...gemeenten, 'PV24']));
      expect(rijen.every((r) => r.aangevraagd_door === 'planner' && r.versie === 1)).toBe(true);
      // the provincie's report was made after all its gemeenten' (children first)
      const volgorde = await t.db.query(
        `SELECT max(gemaakt_op) FILTER (WHERE gebied_soort = 'GEMEENTE') <= min(gemaakt_op) FILTER (WHERE gebied_soort = 'PROVINCIE') AS ok
         FROM kwartaalrapportage WHERE jaar = 2026 AND kwartaal = 2`,
      );
      expect(volgorde.rows[0].ok).toBe(true);
    } finally {
      await queue.removeJobScheduler('test-planner');
      await queue.close();
      verbinding.disconnect();
    }
  }, 360_000);

  it('the production schedule runs after each quarter’s data deadline, in Europe/Amsterdam', () => {
    const planner = JOB_SCHEDULERS.find((s) => s.id === 'kwartaalrapportage.planner')!;
    const h = planner.herhaling({ reportDeadlineDays: 15 }) as { pattern: string; tz: string };
    expect(h).toEqual({ pattern: '0 6 15 1,4,7,10 *', tz: 'Europe/Amsterdam' });
    const it = parseExpression(h.pattern, { currentDate: new Date('2026-11-21T12:00:00Z'), tz: h.tz });
    // 15 January 06:00 CET = 05:00 UTC; 15 April 06:00 CEST = 04:00 UTC
    expect(it.next().toDate().toISOString()).toBe('2027-01-15T05:00:00.000Z');
    expect(it.next().toDate().toISOString()).toBe('2027-04-15T04:00:00.000Z');
  });
});

describe('Redis down: reads keep working, a report request gets a clear error', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the clock at the last minute of 2030-Q1 in the Netherlands (23:59 CEST): that quarter has not
    // ended yet, whatever the real date is when this runs (common/klok.ts)
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', KLOK_VAST: '2030-03-31T21:59:00Z' });
  });
  afterAll(() => t?.close());

  it('serves reads and refuses the request with NIET_BESCHIKBAAR', async () => {
    expect(
      (
        await t.ok(
          'gemeente.utrecht',
          `{ kwartaalrapportages { id } gemeenten(filter: { zoek: "Utrecht" }) { code } }`,
        )
      ).gemeenten.length,
    ).toBeGreaterThan(0);
    const r = await t.gql('gemeente.utrecht', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2026-Q3',
    });
    expect(r.errors?.[0].extensions?.code).toBe('NIET_BESCHIKBAAR');
    expect(r.errors?.[0].message).toMatch(/rapportagedienst is tijdelijk niet bereikbaar/);
    // bad input is refused before Redis is needed, with a clear Dutch message
    const fout = await t.gql('gemeente.utrecht', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2026-Q9',
    });
    expect(fout.errors?.[0].extensions?.code).toBe('ONGELDIGE_INVOER');
    const toekomst = await t.gql('gemeente.utrecht', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2030-Q1',
    });
    expect(toekomst.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/nog niet afgelopen/),
      extensions: { code: 'ONGELDIGE_INVOER' },
    });
    // by the app's clock 2029-Q4 has ended (by the system clock of 2026 it had not): it passes the
    // check and only then meets the unreachable Redis
    const afgelopen = await t.gql('gemeente.utrecht', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM0344' },
      k: '2029-Q4',
    });
    expect(afgelopen.errors?.[0].extensions?.code).toBe('NIET_BESCHIKBAAR');
    const onbekend = await t.gql('bzk.analist', AANVRAAG, {
      g: { soort: 'GEMEENTE', code: 'GM9999' },
      k: '2026-Q3',
    });
    expect(onbekend.errors?.[0].extensions?.code).toBe('NIET_GEVONDEN');
    const ready = await t.fetch('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ postgres: 'ok', redis: 'fout' });
  });
});
