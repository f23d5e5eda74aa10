import type { Page } from 'playwright-core';
import { kenmerkHash, ONTWIKKEL_KENMERK_SLEUTEL } from '../../api/src/toewijzing/kenmerk-hash';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * A corporatie's main tasks in the browser: import a CSV that has an error (dry run shows it per
 * row, nothing stored), fix the file, check again and import; enter one toewijzing by form with a
 * validation error first (typed values kept); report a quarterly figure; add a nieuwbouwproject.
 */
describe('webapp: corporatie', () => {
  let t: WebTestApp;
  let page: Page;
  const KOP = 'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie';

  beforeAll(async () => {
    t = await startWebApp();
    page = await t.aanmelden('corporatie.domstad');
  });
  afterAll(async () => {
    await t?.close();
  });

  const telToewijzingen = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM toewijzing')).rows[0].n as number;

  it('shows the corporatie navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const naam of ['Toewijzingen', 'Importeren', 'Nieuwbouw', 'Kwartaalcijfers']) {
      await nav.getByRole('link', { name: naam, exact: true }).waitFor();
    }
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-01-start');
  });

  it('dry-runs a CSV with an error: the error is shown per row and nothing is stored', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Importeren' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Toewijzingen importeren' }).waitFor();
    const fout = t.bestand(
      'toewijzingen.csv',
      [
        KOP,
        'W-1;GM0344;14-03-2026;statushouders;3;sociale huur;nee',
        'W-2;GM0344;31-02-2026;;2;;',
        'W-3;Nieuwegein;2026-04-01;;1;;ja',
      ].join('\n'),
    );
    await page.getByLabel('Bestand met toewijzingen').setInputFiles(fout);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('heading', { name: 'Resultaat van de controle' }).waitFor();
    await page.getByText('1 fout in 1 van de 3 rijen').waitFor();
    const rij = page.getByRole('row', { name: /^3 datum/ });
    expect(await rij.textContent()).toContain("Datum '31-02-2026' bestaat niet");
    expect(await page.getByRole('button', { name: /importeren$/ }).count()).toBe(0);
    expect(await telToewijzingen()).toBe(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-02-import-fouten');
  });

  it('checks the fixed file and imports it', async () => {
    const goed = t.bestand(
      'toewijzingen-hersteld.csv',
      [
        KOP,
        'W-1;GM0344;14-03-2026;statushouders;3;sociale huur;nee',
        'W-2;GM0344;28-02-2026;;2;;',
        'W-3;Nieuwegein;2026-04-01;;1;;ja',
      ].join('\n'),
    );
    await page.getByLabel('Bestand met toewijzingen').setInputFiles(goed);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('Alle 3 rijen zijn goed.').waitFor();
    await t.screenshot(page, 'corporatie-03-import-gecontroleerd');
    await page.getByRole('button', { name: '3 toewijzingen importeren' }).click();
    await page.getByRole('heading', { name: 'Import voltooid' }).waitFor();
    await page.getByText('3 toewijzingen zijn geïmporteerd').waitFor();
    expect(await telToewijzingen()).toBe(3);
    expect(await t.axe(page)).toEqual([]);
  });

  it('lists the imported toewijzingen with Dutch dates', async () => {
    await page.getByRole('link', { name: 'Naar de toewijzingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toewijzingen' }).waitFor();
    await page.getByText('3 toewijzingen').first().waitFor();
    // the list shows the kenmerk's fingerprint (the start of its keyed hash), never the kenmerk
    const { rows } = await t.db.query(`SELECT id FROM organisatie WHERE code = 'L0801'`);
    const vingerafdruk = kenmerkHash(ONTWIKKEL_KENMERK_SLEUTEL, rows[0].id, 'W-1').slice(0, 12);
    const rij = page.getByRole('row', { name: new RegExp(`^${vingerafdruk} `) });
    expect(await page.getByRole('table').first().textContent()).not.toContain('W-1');
    expect(await rij.textContent()).toContain('14-03-2026');
    expect(await rij.textContent()).toContain('Statushouders');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-04-toewijzingen');
  });

  it('enters one toewijzing by form: errors are tied to their fields and typed values are kept', async () => {
    await page.getByRole('link', { name: 'Toewijzing invoeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toewijzing invoeren' }).waitFor();
    await page.getByLabel('Gemeente van de woning').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Aantal personen in het huishouden').fill('25');
    await page.getByLabel('Extern kenmerk').fill('F-100');
    await page.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    const aantal = page.getByLabel('Aantal personen in het huishouden');
    // the domain's row rules (valideerToewijzingRij, as for a file), in a summary that takes the focus
    const samenvatting = page.getByRole('group', { name: /^Er zijn 2 problemen/ });
    await samenvatting.getByRole('link', { name: 'Huishoudgrootte 25 moet tussen 1 en 20 liggen' }).waitFor();
    await samenvatting.getByRole('link', { name: 'Datum ontbreekt' }).waitFor();
    expect(await samenvatting.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await aantal.getAttribute('aria-invalid')).toBe('true');
    const beschrijving = await aantal.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${beschrijving!.split(' ')[0]}"]`).textContent()).toContain(
      'Huishoudgrootte 25 moet tussen 1 en 20 liggen',
    );
    expect(await page.getByLabel('Datum van de toewijzing').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Extern kenmerk').inputValue()).toBe('F-100');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-05-formulier-fouten');

    await aantal.fill('2');
    await page.getByLabel('Datum van de toewijzing').fill('2026-05-04');
    await page.getByLabel('Aandachtsgroep').selectOption('URGENTEN');
    await page.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    await page.getByText('De toewijzing is vastgelegd met kenmerk F-100.').waitFor();
    expect(await telToewijzingen()).toBe(4);
  });

  it('shows an API error at its field and keeps the input (kenmerk already used)', async () => {
    await page.getByLabel('Gemeente van de woning').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Datum van de toewijzing').fill('2026-05-05');
    await page.getByLabel('Aantal personen in het huishouden').fill('1');
    await page.getByLabel('Extern kenmerk').fill('W-1');
    await page.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    await page
      .getByRole('group', { name: /^Er is 1 probleem/ })
      .filter({ hasText: 'W-1' })
      .waitFor();
    expect(await page.getByLabel('Extern kenmerk').inputValue()).toBe('W-1');
    expect(await telToewijzingen()).toBe(4);
  });

  it('reports a quarterly figure', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Kwartaalcijfers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kwartaalcijfers' }).waitFor();
    await page.getByLabel('Wat rapporteert u?').selectOption({ label: 'Huisuitzettingen' });
    await page.getByLabel('Gemeente (verplicht)').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Aantal').fill('1.234');
    await page.getByRole('button', { name: 'Cijfer opslaan' }).click();
    await page.getByText(/Huisuitzettingen voor Utrecht, .*: 1\.234 is opgeslagen\./).waitFor();
    await page.getByRole('cell', { name: '1.234' }).first().waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-06-kwartaalcijfers');
  });

  it('adds a nieuwbouwproject', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Nieuwbouw' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwbouwprojecten' }).waitFor();
    await page.getByLabel('Naam van het project').fill('Merwedekanaalzone blok 4');
    await page.getByLabel('Gemeente (verplicht)').selectOption({ label: 'Utrecht' });
    await page.getByLabel('Sociale huur').fill('120');
    await page.getByLabel('Middenhuur').fill('40');
    await page.getByLabel('Waarvan bestemd voor aandachtsgroepen').fill('30');
    await page.getByRole('button', { name: 'Project toevoegen' }).click();
    await page.getByText('Project Merwedekanaalzone blok 4 is toegevoegd.').waitFor();
    const rij = page.getByRole('row', { name: /^Merwedekanaalzone blok 4/ });
    expect(await rij.textContent()).toContain('160');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'corporatie-07-nieuwbouw');
  });
});
