import type { Page } from 'playwright-core';
import { naarMenu, startWebApp, type WebTestApp } from './support/web-app';

/**
 * A provincie sets a taakstelling for one of its gemeenten, opens the map of its gemeenten
 * coloured by progress, drills into a gemeente, and checks the statushouders overview of all its
 * gemeenten. Each page without WCAG 2.1 A/AA violations.
 */
describe('webapp: provincie', () => {
  let t: WebTestApp;
  let page: Page;

  beforeAll(async () => {
    t = await startWebApp();
    page = await t.aanmelden('provincie.utrecht');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets a taakstelling for one of its gemeenten', async () => {
    await naarMenu(page, 'Taakstellingen');
    await page.getByRole('heading', { level: 1, name: 'Taakstellingen' }).waitFor();
    // the searchable area picker (a provincie's gemeenten): type the name
    await page.getByLabel('Gebied', { exact: true }).fill('Amersfoort');
    await page.getByLabel('Indicator (verplicht)').selectOption({ label: 'Woningen opgeleverd (totaal)' });
    await page.getByLabel('Taakstelling (verplicht)').fill('1.200');
    await page.getByRole('button', { name: 'Taakstelling vastleggen' }).click();
    await page
      .getByText(/Taakstelling Woningen opgeleverd \(totaal\) voor Amersfoort: 1\.200 is vastgelegd\./)
      .waitFor();
    await page.getByRole('cell', { name: '1.200', exact: true }).first().waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-01-taakstellingen');
  });

  it('opens the map: every gemeente of the provincie is a link, with the source line and a table', async () => {
    await naarMenu(page, 'Kaart');
    await page.getByRole('heading', { level: 1, name: 'Kaart: Utrecht' }).waitFor();
    const kaart = page.getByRole('group', { name: /^Kaart van Utrecht/ });
    await kaart.waitFor();
    expect(await kaart.getByRole('link').count()).toBe(26);
    await page.getByText('Bron: CBS, Kadaster').waitFor();
    await page.getByRole('rowheader', { name: 'Amersfoort' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-02-kaart');
  });

  it('drills down from the map into a gemeente (keyboard: the area is a focusable link)', async () => {
    const amersfoort = page
      .getByRole('group', { name: /^Kaart van Utrecht/ })
      .getByRole('link', { name: /^Amersfoort:/ });
    await amersfoort.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Voortgang: Amersfoort' }).waitFor();
    expect(page.url()).toContain('soort=GEMEENTE&code=GM0307');
    await page.getByRole('heading', { level: 2, name: 'Actielijn 1: Voldoende woonruimte' }).waitFor();
    const rij = page.getByRole('row', { name: /^Woningen opgeleverd \(totaal\)/ });
    expect(await rij.textContent()).toContain('1.200');
    // the chart has ARIA enabled and a data table beside it
    await page.locator('.tm-grafiek[aria-label]').first().waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-03-voortgang-gemeente');
  });

  it('shows the statushouders taakstelling of all its gemeenten', async () => {
    await naarMenu(page, 'Statushouders');
    await page.getByRole('heading', { level: 1, name: 'Huisvesting statushouders' }).waitFor();
    await page.getByRole('rowheader', { name: 'Amersfoort' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-04-statushouders');
  });
});
