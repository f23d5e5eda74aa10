import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The remaining kinds' main pages: a gemeente's voortgang (every chart with its table) and cycle
 * calendar; a zorgaanbieder reports zorgvraag; BZK's national overview per provincie and actielijn
 * and its statushouders taakstelling.
 */
describe('webapp: voortgang, cyclus, zorgvraag, landelijk overzicht', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gemeente: voortgang per actielijn, every chart with its table', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Voortgang', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Voortgang: Utrecht' }).waitFor();
    for (const n of [1, 2, 3, 4])
      await page.getByRole('heading', { level: 2, name: new RegExp(`^Actielijn ${n}:`) }).waitFor();
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(4);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'gemeente-04-voortgang');
  });

  it('BZK: national overview per provincie and actielijn', async () => {
    const page = await t.aanmelden('bzk.analist');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Landelijk overzicht', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Landelijk overzicht/ }).waitFor();
    await page
      .getByRole('table', { name: /per provincie en actielijn/ })
      .getByRole('rowheader', { name: 'Noord-Holland' })
      .waitFor({ timeout: 60_000 });
    expect(
      await page
        .getByRole('table', { name: /per provincie en actielijn/ })
        .getByRole('row')
        .count(),
    ).toBe(13);
    await page.getByRole('heading', { level: 3, name: /^Actielijn 1:/ }).waitFor({ timeout: 60_000 });
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'bzk-01-landelijk');
  });

  it('gemeente: the cycle calendar of the year', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Cyclus', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Cyclus prestatieafspraken: Utrecht/ }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'gemeente-05-cyclus');
  });

  it('zorgaanbieder: reports zorgvraag for a gemeente and quarter', async () => {
    const page = await t.aanmelden('zorg.sticht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Zorgvraag', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Zorgvraag per gemeente' }).waitFor();
    await page.getByLabel('Gemeente (verplicht)').selectOption({ label: 'Amersfoort' });
    await page.getByLabel('Aantal (verplicht)').fill('17');
    await page.getByRole('button', { name: 'Cijfer opslaan' }).click();
    await page.getByText(/voor Amersfoort, .*: 17 is opgeslagen\./).waitFor();
    await page.getByRole('cell', { name: '17', exact: true }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'zorgaanbieder-01-zorgvraag');
  });

  it('BZK: sets the statushouders taakstelling of a gemeente for a half year', async () => {
    const page = await t.aanmelden('bzk.analist');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Taakstellingen', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Taakstellingen' }).waitFor();
    // the searchable area picker (355 areas): type the name
    await page.getByLabel('Gebied', { exact: true }).fill('Utrecht');
    await page
      .getByLabel('Indicator (verplicht)')
      .selectOption({ label: 'Statushouders gehuisvest (personen)' });
    await page.getByLabel('Taakstelling (verplicht)').fill('160');
    await page.getByRole('button', { name: 'Taakstelling vastleggen' }).click();
    await page.getByText(/voor Utrecht: 160 is vastgelegd\./).waitFor();
    expect(await t.axe(page)).toEqual([]);
  });
});
