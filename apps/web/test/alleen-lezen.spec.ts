import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * Read-only users are not offered forms they cannot submit (issue 13, item 5): the demo account
 * gemeente.utrecht.lezer (role lezen only) sees the gemeente's kwartaalcijfers and afspraken but
 * no reporting form and no way to start a prestatieafspraak, also when it types the address; the
 * same pages for gemeente.utrecht (every role) show the forms (positive control). axe on each.
 */
describe('webapp: read-only accounts get no forms', () => {
  let t: WebTestApp;
  let lezer: Page;
  let invoerder: Page;

  beforeAll(async () => {
    t = await startWebApp();
    lezer = await t.aanmelden('gemeente.utrecht.lezer');
    invoerder = await t.aanmelden('gemeente.utrecht');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('kwartaalcijfers: the list without the reporting form', async () => {
    for (const [page, form] of [
      [invoerder, 1],
      [lezer, 0],
    ] as const) {
      await page.goto(`${t.url}/kwartaalcijfers`);
      await page.getByRole('heading', { level: 1, name: 'Kwartaalcijfers' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('heading', { level: 2, name: 'Cijfer rapporteren' }).count()).toBe(form);
      expect(await page.getByRole('button', { name: 'Cijfer opslaan' }).count()).toBe(form);
      expect(await t.axe(page)).toEqual([]);
    }
  });

  it('a new prestatieafspraak: no button on the list, an explanation instead of the form at its address', async () => {
    await invoerder.goto(`${t.url}/afspraken/nieuw`);
    await invoerder.getByRole('heading', { level: 1, name: 'Nieuwe prestatieafspraak' }).waitFor();
    await invoerder.getByLabel(/^Titel/).waitFor();

    await lezer.goto(`${t.url}/afspraken`);
    await lezer.getByRole('heading', { level: 1 }).waitFor();
    await lezer.waitForLoadState('networkidle');
    expect(await lezer.getByRole('link', { name: /Nieuwe prestatieafspraak/ }).count()).toBe(0);
    await lezer.goto(`${t.url}/afspraken/nieuw`);
    await lezer.getByText('Uw account kan hier alleen lezen.').waitFor();
    expect(await lezer.locator('main').getByRole('textbox').count()).toBe(0);
    expect(await lezer.locator('main').getByRole('button').count()).toBe(0);
    expect(await t.axe(lezer)).toEqual([]);
    await t.screenshot(lezer, 'alleen-lezen-nieuwe-afspraak');
  });
});
