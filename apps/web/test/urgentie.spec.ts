import { naarMenu, startWebApp, type WebTestApp } from './support/web-app';

/**
 * Issue 12 item 4 in the browser: a gemeente records its urgentieregeling (the form starts with the
 * mandatory categories of Huisvestingswet 2014 art. 12 lid 2); removing one is allowed but flagged
 * with its source; a corporatie chooses the category when it enters a toewijzing via urgentie, and
 * the gemeente sees toewijzingen per category (detentie apart). Axe on every state.
 */
describe('webapp: urgentieregeling', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a gemeente records its regeling; a missing mandatory category is flagged, not refused', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await naarMenu(page, 'Urgentieregeling');
    await page.getByRole('heading', { level: 1, name: 'Urgentieregeling' }).waitFor();
    await page.getByText(/Er is nog geen urgentieregeling vastgelegd/).waitFor();
    expect(await t.axe(page)).toEqual([]);

    // the form starts with the two mandatory categories; drop the second and add detentie
    await page.getByLabel('Code van categorie 2').waitFor();
    await page.getByRole('button', { name: 'Categorie 2 verwijderen' }).click();
    await page.getByRole('button', { name: 'Categorie toevoegen' }).click();
    await page.getByLabel('Code van categorie 2').fill('UITSTROOM_DETENTIE');
    await page.getByLabel('Naam van categorie 2').fill('Uitstroom uit detentie');
    await page.getByLabel('Naam van de regeling (verplicht)').fill('Huisvestingsverordening Utrecht 2026');
    await page.getByLabel('Vastgesteld op (verplicht)').fill('2026-03-12');
    await page.getByLabel('Link naar de regeling').fill('www.utrecht.nl');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByText(/De link moet een volledig webadres zijn/)
      .first()
      .waitFor();
    expect((await t.db.query('SELECT count(*)::int AS n FROM urgentieregeling')).rows[0].n).toBe(0);
    expect(await t.axe(page)).toEqual([]);

    await page.getByLabel('Link naar de regeling').fill('https://lokaleregelgeving.overheid.nl/CVDR1');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(/De urgentieregeling is opgeslagen\. Let op: er is één signaal/).waitFor();
    await page.getByText(/De regeling mist de verplichte categorie/).waitFor();
    await page.getByRole('region', { name: 'Categorieën' }).getByText('Uitstroom uit detentie').waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'urgentie-01-gemeente');
    const { rows } = await t.db.query('SELECT code FROM urgentieregeling_categorie ORDER BY volgorde');
    expect(rows.map((r) => r.code)).toEqual(['MANTELZORG', 'UITSTROOM_DETENTIE']);
  });

  it('a corporatie picks the category for a toewijzing via urgentie; the gemeente sees it counted', async () => {
    const page = await t.aanmelden('corporatie.domstad.invoer');
    await page.goto(`${t.url}/toewijzingen/nieuw`);
    await page.getByRole('heading', { level: 1, name: 'Toewijzing invoeren' }).waitFor();
    await page.getByLabel('Gemeente van de woning (verplicht)').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Datum van de toewijzing (verplicht)').fill('2026-02-10');
    await page.getByLabel('Aantal personen in het huishouden (verplicht)').fill('1');
    await page.getByLabel('Toegewezen via urgentie').check();
    await page.getByLabel('Urgentiecategorie').selectOption({ label: 'Uitstroom uit detentie' });
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    await page.getByText(/De toewijzing is vastgelegd/).waitFor();
    const { rows } = await t.db.query(
      'SELECT urgentie_categorie FROM toewijzing WHERE urgentie_categorie IS NOT NULL',
    );
    expect(rows).toEqual([{ urgentie_categorie: 'UITSTROOM_DETENTIE' }]);

    const gemeente = await t.aanmelden('gemeente.utrecht');
    await naarMenu(gemeente, 'Urgentieregeling');
    const tabel = gemeente.getByRole('region', { name: 'Toewijzingen via urgentie per categorie' });
    await tabel.getByRole('rowheader', { name: 'Uitstroom uit detentie' }).waitFor();
    await gemeente.getByText(/Uitstroom uit detentie: 1 huishoudens/).waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
  });

  it('the provincie reads the regeling of a gemeente in its scope, without a form', async () => {
    const page = await t.aanmelden('provincie.utrecht');
    await naarMenu(page, 'Urgentieregeling');
    await page.getByRole('heading', { level: 1, name: 'Urgentieregeling' }).waitFor();
    await page.getByLabel('Gemeente').selectOption({ label: 'Utrecht' });
    await page.getByRole('heading', { level: 2, name: 'Regeling van Utrecht' }).waitFor();
    await page
      .getByText(
        /In uw gebied hebben 1 van \d+ gemeenten een urgentieregeling; 0 daarvan bevatten alle categorieën/,
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await t.axe(page)).toEqual([]);
  });
});
