import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * BZK's national overview (issue 14): a year and an indicator to choose, a chart that draws the
 * provincies' figures with the same figures in a table (target, realisation, status, coverage),
 * the status count in words; and the searchable area picker on Voortgang.
 */
describe('webapp: landelijk overzicht en gebied zoeken', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('BZK: year and indicator choice, chart with its table per provincie, coverage, status in words', async () => {
    const page = await t.aanmelden('bzk.analist');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Landelijk overzicht', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Landelijk overzicht \d{4}$/ }).waitFor();
    const jaar = new Date().getFullYear();
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(jaar - 1));
    await page.getByRole('heading', { level: 1, name: `Landelijk overzicht ${jaar - 1}` }).waitFor();
    expect(page.url()).toContain(`jaar=${jaar - 1}`);

    await page
      .getByLabel('Indicator', { exact: true })
      .selectOption({ label: 'Actielijn 1: Woningen opgeleverd (totaal)' });
    const tabel = page.getByRole('table', {
      name: `Woningen opgeleverd (totaal) per provincie, ${jaar - 1}`,
    });
    await tabel.getByRole('rowheader', { name: 'Noord-Holland' }).waitFor({ timeout: 60_000 });
    expect(await tabel.getByRole('row').count()).toBe(13);
    // coverage per provincie, from the API ("… van … gemeenten")
    const dekking = await tabel.locator('tbody tr td:last-child').allTextContents();
    expect(dekking).toHaveLength(12);
    for (const d of dekking) expect(d).toMatch(/\d/);

    // the chart draws one category per provincie and both series (ECharts SVG, aria description)
    const grafiek = page.locator('.tm-grafiek').first();
    const aria = await grafiek.evaluate(
      (el) =>
        el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
    );
    expect(aria).toContain('Gerealiseerd');
    expect(aria).toContain('Taakstelling');
    expect(aria).toContain('Noord-Holland');
    expect(await grafiek.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Zeeland']));

    // the status count says what it counts
    const status = page.getByRole('table', { name: /per provincie en actielijn/ });
    expect(await status.getByRole('row').nth(1).textContent()).toMatch(
      /\d+ op schema, \d+ achter, \d+ zonder doel/,
    );
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'bzk-02-landelijk-indicator');
  });

  it('BZK: the area picker on Voortgang searches the 355 areas by name', async () => {
    const page = await t.aanmelden('bzk.analist');
    await page.goto(`${t.url}/voortgang`);
    const veld = page.getByLabel('Gebied', { exact: true });
    await veld.waitFor();
    expect(await veld.evaluate((el) => el.tagName)).toBe('INPUT');
    await page.waitForFunction(() => document.querySelectorAll('datalist option').length > 300);
    const suggesties = await page
      .locator(`datalist#${(await veld.getAttribute('list'))!.replace(/:/g, '\\:')} option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(suggesties.length).toBeGreaterThan(300);
    expect(suggesties).toEqual(expect.arrayContaining(['Nederland', 'Provincie Utrecht', 'Amersfoort']));
    // a name that does not exist is refused in Dutch
    await veld.fill('Atlantis');
    await veld.blur();
    await page.getByText('Er is geen gebied met de naam ‘Atlantis’. Kies een naam uit de lijst.').waitFor();
    await veld.fill('amersfoort');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voortgang: Amersfoort' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
  });
});
