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

  it('BZK: a quarter bounds the year at its peildatum (1 January up to the quarter’s last day)', async () => {
    const page = await t.aanmelden('bzk.analist');
    const jaar = new Date().getFullYear() - 1;
    // Domstad delivered 40 homes in Utrecht in May and 60 in August of that year
    const domstad = (await t.db.query(`SELECT id FROM organisatie WHERE code = 'L0801'`)).rows[0].id;
    for (const [woningen, datum] of [
      [40, `${jaar}-05-10`],
      [60, `${jaar}-08-20`],
    ])
      await t.db.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
           woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, woningen_aandachtsgroepen, woningen_per_aandachtsgroep, opgeleverd_op)
         VALUES ('Kwartaaltest', 'GM0344', $1, 'OPGELEVERD', $2, 0, 0, 0, 0, 0, '{}', $3)`,
        [domstad, woningen, datum],
      );
    await page.goto(`${t.url}/landelijk?jaar=${jaar}&indicator=WONINGEN_OPGELEVERD`);
    await page.getByText(`stand op de peildatum 31-12-${jaar}.`).waitFor({ timeout: 60_000 });
    const tabelJaar = page.getByRole('table', { name: `per provincie, ${jaar}` });
    await tabelJaar.getByRole('rowheader', { name: 'Noord-Holland' }).waitFor({ timeout: 60_000 });
    const heelJaar = await tabelJaar.locator('tbody tr td:nth-child(3)').allTextContents();
    const provincies = await tabelJaar.locator('tbody tr th').allTextContents();

    const periode = page.getByLabel('Periode', { exact: true });
    expect(await periode.locator('option').allTextContents()).toEqual([
      'Heel jaar',
      `T/m 1e kwartaal (peildatum 31-03-${jaar})`,
      `T/m 2e kwartaal (peildatum 30-06-${jaar})`,
      `T/m 3e kwartaal (peildatum 30-09-${jaar})`,
    ]);
    await periode.selectOption({ label: `T/m 2e kwartaal (peildatum 30-06-${jaar})` });
    await page
      .getByRole('heading', { level: 1, name: `Landelijk overzicht ${jaar} t/m 2e kwartaal` })
      .waitFor();
    expect(page.url()).toContain('kwartaal=2');
    // the API measured the period 1 January – 30 June with that peildatum
    await page
      .getByText(`Periode 01-01-${jaar} tot en met 30-06-${jaar}; stand op de peildatum 30-06-${jaar}.`)
      .waitFor({ timeout: 60_000 });
    const tabel = page.getByRole('table', { name: `per provincie, ${jaar} t/m 2e kwartaal` });
    await tabel.getByRole('rowheader', { name: 'Noord-Holland' }).waitFor({ timeout: 60_000 });
    expect(await tabel.getByRole('row').count()).toBe(13);
    // half a year realises no more than the whole year, provincie by provincie
    const getal = (s: string) => (/\d/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : 0);
    const kwartaal = await tabel.locator('tbody tr td:nth-child(3)').allTextContents();
    kwartaal.forEach((k, i) => expect(getal(k)).toBeLessThanOrEqual(getal(heelJaar[i])));
    // Utrecht: the August homes count for the whole year only
    const utrecht = (r: string[]) => r[provincies.indexOf('Utrecht')];
    expect(utrecht(heelJaar)).toBe('100');
    expect(utrecht(kwartaal)).toBe('40');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'bzk-03-landelijk-kwartaal');

    // back to the whole year
    await periode.selectOption({ label: 'Heel jaar' });
    await page.getByRole('heading', { level: 1, name: `Landelijk overzicht ${jaar}`, exact: true }).waitFor();
    expect(page.url()).not.toContain('kwartaal=');
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
