import { startWebApp, type WebTestApp } from './support/web-app';

/** A gemeente's voortgang (every chart with its table) and BZK's national overview per provincie. */
describe('webapp: voortgang en landelijk overzicht', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gemeente: voortgang per actielijn, every chart with its table', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Voortgang', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Voortgang: Utrecht' }).waitFor();
    for (const n of [1, 2, 3, 4]) await page.getByRole('heading', { level: 2, name: new RegExp(`^Actielijn ${n}:`) }).waitFor();
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(4);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'gemeente-04-voortgang');

  });

  it('BZK: national overview per provincie and actielijn', async () => {
    const page = await t.aanmelden('bzk.analist');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Landelijk overzicht', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Landelijk overzicht/ }).waitFor();
    await page.getByRole('rowheader', { name: 'Noord-Holland' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('table', { name: /per provincie en actielijn/ }).getByRole('row').count()).toBe(13);
    await page.getByRole('heading', { level: 3, name: /^Actielijn 1:/ }).waitFor({ timeout: 60_000 });
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'bzk-01-landelijk');
  });

});
