import * as fs from 'node:fs';
import { startWebApp, type WebTestApp } from './support/web-app';

/** A gemeente requests a quarterly report, follows its progress, downloads it and chooses the intern variant. */
describe('webapp: kwartaalrapportage', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp({ worker: true });
    // a few statushouders in Utrecht in the quarter the page offers first (the last one that has
    // ended): small numbers, so the shared report rounds them and the gemeente has an exact variant
    const { rows } = await t.db.query(`SELECT id FROM organisatie WHERE code = 'L0801'`);
    const einde = new Date();
    const vorigKwartaalStart = new Date(
      Date.UTC(einde.getUTCFullYear(), Math.floor(einde.getUTCMonth() / 3) * 3 - 3, 10),
    );
    await t.db.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       SELECT $1, 'GM0344', $2::date + n, 'STATUSHOUDERS', 1 + n % 2, 'SOCIALE_HUUR', false, 'WEB-R-' || n FROM generate_series(1, 2) n`,
      [rows[0].id, vorigKwartaalStart.toISOString().slice(0, 10)],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('requests a report, shows progress, lists it and downloads the CSV', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Rapportages', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kwartaalrapportages' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rapportage maken' }).click();
    await page.getByText('De rapportage is klaar.').waitFor({ timeout: 90_000 });
    const downloadKnop = page.getByRole('button', { name: /^Download CSV: Utrecht/ }).first();
    await downloadKnop.waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'rapportage-01-lijst');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadKnop.click()]);
    expect(download.suggestedFilename()).toMatch(/^kwartaalrapportage-GM0344-\d{4}-Q\d-alle-v1\.csv$/);
    const inhoud = fs.readFileSync((await download.path())!, 'utf8');
    expect(inhoud).toMatch(/\r\nVariant;gedeeld/);
  });

  it('the gemeente chooses the intern variant and gets the exact file, which says so', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Rapportages', exact: true })
      .click();
    const keuze = page.getByRole('group', { name: /^Versie van Utrecht/ }).first();
    await keuze.waitFor();
    // shared first: no intern download offered until chosen
    expect(
      await page.getByRole('button', { name: /^Download CSV \(intern, exacte aantallen\)/ }).count(),
    ).toBe(0);
    await keuze.getByRole('radio', { name: /Intern \(exacte aantallen/ }).check();
    const intern = page
      .getByRole('button', { name: /^Download PDF \(intern, exacte aantallen\): Utrecht/ })
      .first();
    await intern.waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'rapportage-02-intern');
    const csvKnop = page
      .getByRole('button', { name: /^Download CSV \(intern, exacte aantallen\): Utrecht/ })
      .first();
    const [download] = await Promise.all([page.waitForEvent('download'), csvKnop.click()]);
    expect(download.suggestedFilename()).toMatch(/^kwartaalrapportage-GM0344-\d{4}-Q\d-alle-v1-intern\.csv$/);
    const inhoud = fs.readFileSync((await download.path())!, 'utf8');
    expect(inhoud).toMatch(/\r\nVariant;intern \(exacte aantallen/);
    expect(inhoud).toMatch(/Afscherming;"?Interne versie/);
    // and back to the shared variant
    await keuze.getByRole('radio', { name: /Gedeeld/ }).check();
    await page
      .getByRole('button', { name: /^Download CSV: Utrecht/ })
      .first()
      .waitFor();
  });
});
