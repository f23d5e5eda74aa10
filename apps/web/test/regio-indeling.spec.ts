import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The woningmarktregio-indeling in the browser (issue 13, item 2: "the same for woningmarktregio
 * membership (the API exists, the web screen does not)"): the operator checks a file, a bad row is
 * named and nothing is stored; the fixed file is checked and saved. No SQL; axe on every state.
 */
describe('webapp: woningmarktregio-indeling importeren', () => {
  let t: WebTestApp;
  let page: Page;
  const regioVan = async (codes: string[]) =>
    (
      await t.db.query(
        `SELECT code, woningmarktregio_code AS regio FROM gemeente WHERE code = ANY($1) ORDER BY code`,
        [codes],
      )
    ).rows;

  beforeAll(async () => {
    t = await startWebApp();
    page = await t.aanmelden('bzk.platformbeheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a bad row is named and nothing is stored; the fixed file is checked and saved', async () => {
    const voor = await regioVan(['GM0344', 'GM0356']);
    const regioTotaal = async () =>
      (await t.db.query(`SELECT count(woningmarktregio_code)::int AS n FROM gemeente`)).rows[0].n as number;
    const totaalVoor = await regioTotaal();
    await page.goto(`${t.url}/beheer`);
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 2, name: 'Woningmarktregio-indeling' }).waitFor();
    const kop = 'gemeente;woningmarktregio';
    await page
      .getByLabel('Bestand met de regio-indeling')
      .setInputFiles(t.bestand('regio-fout.csv', [kop, 'Utrecht;WMR09', 'Nieuwegein;Atlantis'].join('\n')));
    await page.getByRole('button', { name: 'Indeling controleren' }).click();
    await page.getByRole('cell', { name: "Onbekende woningmarktregio 'Atlantis'." }).waitFor();
    expect(await page.getByRole('button', { name: 'Indeling opslaan' }).count()).toBe(0);
    expect(await regioVan(['GM0344', 'GM0356'])).toEqual(voor);
    expect(await regioTotaal()).toBe(totaalVoor);
    expect(await t.axe(page)).toEqual([]);

    await page
      .getByLabel('Bestand met de regio-indeling')
      .setInputFiles(t.bestand('regio-goed.csv', [kop, 'Utrecht;WMR09', 'Nieuwegein;WMR09'].join('\n')));
    await page.getByRole('button', { name: 'Indeling controleren' }).click();
    await page.getByText('2 gemeenten worden ingedeeld.').waitFor();
    expect(await regioVan(['GM0344', 'GM0356'])).toEqual(voor);
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Indeling opslaan' }).click();
    await page.getByText('De indeling is opgeslagen: 2 gemeenten ingedeeld.').waitFor();
    expect(await regioVan(['GM0344', 'GM0356'])).toEqual([
      { code: 'GM0344', regio: 'WMR09' },
      { code: 'GM0356', regio: 'WMR09' },
    ]);
    expect(await t.axe(page)).toEqual([]);
  });
});
