import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * A provincie sets a taakstelling for one of its gemeenten and checks the statushouders overview
 * of all its gemeenten. Each page without WCAG 2.1 A/AA violations. (The map and its drill-down:
 * apps/web/wachtend/provincie-kaart.spec.ts until the voortgang API is in the committed schema.)
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

  const nav = (naam: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: naam, exact: true }).click();

  it('sets a taakstelling for one of its gemeenten', async () => {
    await nav('Taakstellingen');
    await page.getByRole('heading', { level: 1, name: 'Taakstellingen' }).waitFor();
    await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Amersfoort' });
    await page.getByLabel('Indicator (verplicht)').selectOption({ label: 'Woningen opgeleverd (totaal)' });
    await page.getByLabel('Taakstelling (verplicht)').fill('1.200');
    await page.getByRole('button', { name: 'Taakstelling vastleggen' }).click();
    await page.getByText(/Taakstelling Woningen opgeleverd \(totaal\) voor Amersfoort: 1\.200 is vastgelegd\./).waitFor();
    await page.getByRole('cell', { name: '1.200', exact: true }).first().waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-01-taakstellingen');
  });

  it('shows the statushouders taakstelling of all its gemeenten', async () => {
    await nav('Statushouders');
    await page.getByRole('heading', { level: 1, name: 'Huisvesting statushouders' }).waitFor();
    await page.getByRole('rowheader', { name: 'Amersfoort' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'provincie-04-statushouders');
  });
});
