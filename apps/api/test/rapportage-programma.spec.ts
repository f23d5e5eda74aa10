import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { renderHtml } from '../src/rapportage/rapportage-html';
import type { RapportageInhoud } from '../src/rapportage/rapportage-inhoud';
import { startTestApp, type TestApp } from './support/test-app';
import { startTestWorker, wachtTot } from './support/test-worker';

/**
 * Issue 12 item 2 in the quarterly report: one line with the gemeenten of the area that had a
 * vastgesteld volkshuisvestingsprogramma on the report's peildatum ("n van m gemeenten"), and
 * whether the law required it then (the regime in force on the peildatum). Same text in the
 * PDF's HTML, the CSV and the XLSX. Real API, worker and Postgres.
 */
const AANVRAAG = `mutation ($g: GebiedInput!, $k: String!) { vraagKwartaalrapportageAan(gebied: $g, kwartaal: $k) { jobId } }`;
const STATUS = `query ($id: String!) { rapportageAanvraag(jobId: $id) { status
  rapportages { id actielijn bestanden { formaat variant url } } } }`;
const ZET = `mutation ($d: String) { zetRegimeInwerkingtreding(code: WET_VERSTERKING_REGIE, datum: $d) { code } }`;

describe('kwartaalrapportage: the volkshuisvestingsprogramma line', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config);
    // Utrecht vastgesteld in Q1, Amersfoort after the quarter (does not count for Q3), Nieuwegein
    // in voorbereiding (does not count)
    for (const [org, gemeente, status, op] of [
      ['GM0344', 'GM0344', 'VASTGESTELD', '2026-03-10'],
      ['GM0307', 'GM0307', 'VASTGESTELD', '2026-11-01'],
      ['GM0356', 'GM0356', 'IN_VOORBEREIDING', null],
    ])
      await t.db.query(
        `INSERT INTO volkshuisvestingsprogramma (organisatie_id, gebied_soort, gebied_code, status, titel, vastgesteld_op,
           woonzorg_opgenomen, gebruiker)
         VALUES ((SELECT id FROM organisatie WHERE code = $1), 'GEMEENTE', $2, $3, 'Programma', $4, true, 'test')`,
        [org, gemeente, status, op],
      );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function rapport(kwartaal: string) {
    const { vraagKwartaalrapportageAan: a } = await t.ok('provincie.utrecht', AANVRAAG, {
      g: { soort: 'PROVINCIE', code: 'PV26' },
      k: kwartaal,
    });
    const klaar = await wachtTot(
      'report PV26',
      async () => {
        const r = await t.ok('provincie.utrecht', STATUS, { id: a.jobId });
        if (r.rapportageAanvraag.status === 'MISLUKT') throw new Error(`report job failed: ${JSON.stringify(r)}`);
        return r.rapportageAanvraag.status === 'GEREED' ? r.rapportageAanvraag : undefined;
      },
      240_000,
    );
    const r = klaar.rapportages[0];
    const url = (formaat: string) => r.bestanden.find((b: { formaat: string }) => b.formaat === formaat).url;
    const csv = await (await t.fetch(url('CSV'), { als: 'provincie.utrecht' })).text();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await t.fetch(url('XLSX'), { als: 'provincie.utrecht' })).arrayBuffer());
    const xlsx: string[] = [];
    wb.getWorksheet('Toelichting')!.eachRow((row) => {
      if (row.getCell(1).value === 'Volkshuisvestingsprogramma') xlsx.push(String(row.getCell(2).value));
    });
    const { rows } = await t.db.query(`SELECT snapshot FROM kwartaalrapportage WHERE id = $1`, [r.id]);
    // the PDF is printed from this HTML (its text streams are compressed, so the HTML is checked)
    const html = renderHtml(rows[0].snapshot.gedeeld as RapportageInhoud, {
      versie: 1,
      peilmoment: new Date().toISOString(),
      aangevraagdDoor: 'provincie.utrecht',
      variant: 'GEDEELD',
    });
    return { csv, xlsx, html };
  }

  it('counts only gemeenten vastgesteld by the peildatum, says there is no legal duty yet, in every format', async () => {
    const m = (await t.ok('provincie.utrecht', `{ gemeenten(filter: { provincieCode: "PV26" }) { code } }`)).gemeenten
      .length;
    const tekst =
      `Gemeenten met een vastgesteld volkshuisvestingsprogramma op de peildatum: 1 van ${m} gemeenten. ` +
      'Nog geen wettelijke plicht: de Wet versterking regie volkshuisvesting was op de peildatum niet in werking.';
    const r = await rapport('2026-Q3');
    expect(r.csv).toContain(`\r\nVolkshuisvestingsprogramma\r\n${tekst}\r\n`);
    expect(r.xlsx).toEqual([tekst]);
    expect(r.html).toContain('<h2 id="programma">Volkshuisvestingsprogramma</h2>');
    expect(r.html).toContain(tekst);
  }, 300_000);

  it('once the law is in force on the peildatum the line says the programme is required', async () => {
    await t.ok('bzk.platformbeheer', ZET, { d: '2026-07-01' });
    const r = await rapport('2026-Q3');
    expect(r.csv).toContain('Het programma is verplicht onder de Wet versterking regie volkshuisvesting.');
  }, 300_000);
});
