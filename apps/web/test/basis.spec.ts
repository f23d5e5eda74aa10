import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * Foundation: the real login page of the development provider, the start page per organisation
 * kind, reference lists, the accessibility statement, session expiry and logout — each main page
 * without WCAG 2.1 A/AA violations (axe-core).
 */
describe('webapp: aanmelden, start, referentielijsten', () => {
  let t: WebTestApp;
  let page: Page;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a Dutch welcome page with a login button and no a11y violations', async () => {
    page = await t.pagina('anoniem');
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Thuismonitor' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, '01-welkom');
  });

  it('serves the accessibility statement without login', async () => {
    await page.goto(`${t.url}/toegankelijkheid`);
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(await page.title()).toBe('Toegankelijkheidsverklaring – Thuismonitor');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, '02-toegankelijkheid');
  });

  it('logs a gemeente in through the development login page and shows its organisation', async () => {
    page = await t.aanmelden('gemeente.utrecht');
    expect(page.url()).toBe(`${t.url}/`);
    await page.getByText('Gemeente Utrecht', { exact: false }).first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Gemeenten' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, '03-start-gemeente');
  });

  it('has a skip link as first focusable element that moves to the content', async () => {
    await page.keyboard.press('Tab');
    const eerste = await page.evaluate(() => document.activeElement?.textContent);
    expect(eerste).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });

  it('lists gemeenten with Dutch number formats and filters by provincie', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gemeenten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Gemeenten' }).waitFor();
    await page.getByText('342 gemeenten').waitFor();
    await page.getByLabel('Provincie').selectOption({ label: 'Utrecht' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('26 gemeenten').waitFor();
    const rij = page.getByRole('row', { name: /^Utrecht GM0344/ });
    // 374.238 inwoners style: thousands separated with a dot
    expect(await rij.textContent()).toMatch(/\d{3}\.\d{3}/);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, '04-gemeenten');
  });

  it('lists organisations filtered by kind', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Organisaties' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Woningcorporatie' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('rowheader', { name: 'Woonstichting Domstad' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, '05-organisaties');
  });

  it('when the token runs out: a Dutch message, re-login, and the typed form is still there', async () => {
    await page.goto(`${t.url}/afspraken/nieuw`);
    await page.getByLabel('Titel (verplicht)').fill('Concept van voor het verlopen');
    await page.evaluate(() => {
      // the session as oidc-client-ts stores it (expires_at in seconds)
      const sleutel = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      const s = JSON.parse(sessionStorage.getItem(sleutel)!);
      s.expires_at = Math.floor(Date.now() / 1000) + 2;
      sessionStorage.setItem(sleutel, JSON.stringify(s));
    });
    await page.reload();
    expect(await page.getByLabel('Titel (verplicht)').inputValue()).toBe('Concept van voor het verlopen');
    await page.getByText('Uw sessie is verlopen.').waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opnieuw aanmelden' }).click();
    await page.locator('button[name="username"][value="gemeente.utrecht"]').click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe prestatieafspraak' }).waitFor();
    expect(page.url()).toBe(`${t.url}/afspraken/nieuw`);
    expect(await page.getByLabel('Titel (verplicht)').inputValue()).toBe('Concept van voor het verlopen');
  });

  it('tells the user in Dutch when the session has expired and offers to log in again', async () => {
    await page.evaluate(() => {
      const sleutel = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      const s = JSON.parse(sessionStorage.getItem(sleutel)!);
      s.access_token = 'verlopen.token.waarde';
      sessionStorage.setItem(sleutel, JSON.stringify(s));
    });
    await page.reload();
    await page.getByText('Uw sessie is verlopen').first().waitFor();
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor();
  });

  it('logs out', async () => {
    const p = await t.aanmelden('corporatie.domstad');
    await p.getByRole('button', { name: 'Afmelden' }).click();
    await p.getByText('U bent afgemeld.').waitFor();
    expect(await p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')))).toEqual([]);
  });
});
