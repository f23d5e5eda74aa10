import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * Imports that learn an organisation's words, in the browser (issue 12, item 7): Domstad uploads
 * its export in its own words; the dry run names what it does not recognise and offers to map it
 * ("Koppel deze kolommen en waarden"); the columns, then the values are mapped and saved; the
 * same file passes the check, and the next upload of a similar file passes at once and imports.
 * The saved koppeling is shown and edited on its own page (a value the product does not know
 * is impossible to pick; a column that identifies a person is refused). Axe on every screen.
 */
describe('webapp: importkoppeling', () => {
  let t: WebTestApp;
  let page: Page;
  const KOP = 'Ref verhuring;Plaats;Ingangsdatum;Doelgrp;Pers;Urg';

  beforeAll(async () => {
    t = await startWebApp();
    page = await t.aanmelden('corporatie.domstad');
  });
  afterAll(async () => {
    await t?.close();
  });

  const telToewijzingen = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM toewijzing')).rows[0].n as number;
  const controleer = async (naam: string, rijen: string[]) => {
    await page
      .getByLabel('Bestand met toewijzingen')
      .setInputFiles(t.bestand(naam, [KOP, ...rijen].join('\n')));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('heading', { name: 'Resultaat van de controle' }).waitFor();
  };

  it('upload in the own words → map the columns → map the values → the file passes', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Importeren' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Toewijzingen importeren' }).waitFor();
    await controleer('export-oktober.csv', [
      'DS-1;Utrecht;03-02-2026;STH;4;N',
      'DS-2;Nieuwegein;04-02-2026;X0;1;J',
    ]);
    await page.getByRole('heading', { name: 'Koppel deze kolommen en waarden' }).waitFor();
    await page.getByText(/Koppel hieronder wat Thuismonitor niet herkent/).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'importkoppeling-01-onbekende-kolommen');

    await page.getByLabel("Kolom 'Ref verhuring' in uw bestand").selectOption({ label: 'Extern kenmerk' });
    await page.getByLabel("Kolom 'Plaats' in uw bestand").selectOption({ label: 'Gemeente' });
    await page.getByLabel("Kolom 'Doelgrp' in uw bestand").selectOption({ label: 'Aandachtsgroep' });
    await page.getByLabel("Kolom 'Pers' in uw bestand").selectOption({ label: 'Huishoudgrootte' });
    await page.getByLabel("Kolom 'Urg' in uw bestand").selectOption({ label: 'Via urgentie' });
    await page.getByRole('button', { name: 'Koppeling opslaan en opnieuw controleren' }).click();

    // the columns are read now; the values the product does not know are offered next
    await page.getByLabel("Waarde 'STH' in kolom 'Doelgrp'").waitFor();
    expect(await page.getByText(/Thuismonitor kent: STATUSHOUDERS, URGENTEN/).count()).toBeGreaterThan(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'importkoppeling-02-onbekende-waarden');
    await page
      .getByLabel("Waarde 'STH' in kolom 'Doelgrp'")
      .selectOption({ label: 'Statushouders (vergunninghouders)' });
    await page
      .getByLabel("Waarde 'X0' in kolom 'Doelgrp'")
      .selectOption({ label: 'Geen aandachtsgroep (regulier)' });
    await page.getByRole('button', { name: 'Koppeling opslaan en opnieuw controleren' }).click();

    await page.getByText('Alle 2 rijen zijn goed').waitFor();
    await page.getByText('Gelezen met uw importkoppeling (versie 2):').waitFor();
    await page.getByText('Aandachtsgroep ‘STH’ als Statushouders (vergunninghouders) (1 rij)').waitFor();
    expect(await telToewijzingen()).toBe(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'importkoppeling-03-gecontroleerd');
  });

  it('the next upload of a similar file passes the dry run at once and imports', async () => {
    await page.goto(`${t.url}/toewijzingen/importeren`);
    await page.getByRole('heading', { level: 1, name: 'Toewijzingen importeren' }).waitFor();
    await controleer('export-november.csv', [
      'DS-3;Utrecht;10-02-2026;sth;3;J',
      'DS-4;Nieuwegein;11-02-2026;x0;2;N',
      'DS-5;GM0344;12-02-2026;STH;1;N',
    ]);
    await page.getByText('Alle 3 rijen zijn goed').waitFor();
    expect(await page.getByRole('heading', { name: 'Koppel deze kolommen en waarden' }).count()).toBe(0);
    await page.getByRole('button', { name: '3 toewijzingen importeren' }).click();
    await page.getByRole('heading', { name: 'Import voltooid' }).waitFor();
    expect(await telToewijzingen()).toBe(3);
    const { rows } = await t.db.query(
      `SELECT aandachtsgroep, count(*)::int AS n FROM toewijzing GROUP BY 1 ORDER BY 1 NULLS LAST`,
    );
    expect(rows).toEqual([
      { aandachtsgroep: 'STATUSHOUDERS', n: 2 },
      { aandachtsgroep: null, n: 1 },
    ]);
    expect(await t.axe(page)).toEqual([]);
  });

  it('an unknown gemeente name names its close match; mapped once, it is read from then on', async () => {
    await page.goto(`${t.url}/toewijzingen/importeren`);
    await controleer('export-bergen.csv', ['DS-9;Nieuwegijn;10-02-2026;STH;3;N']);
    await page
      .getByText(/Gemeente 'Nieuwegijn' is onbekend; bedoelt u Nieuwegein \(GM0356, Utrecht\)\?/)
      .waitFor();
    await page
      .getByLabel("Waarde 'Nieuwegijn' in kolom 'Plaats'")
      .selectOption({ label: 'Nieuwegein (GM0356)' });
    await page.getByRole('button', { name: 'Koppeling opslaan en opnieuw controleren' }).click();
    await page.getByText('Alle 1 rijen zijn goed').waitFor();
    expect(await t.axe(page)).toEqual([]);
  });

  it('the koppeling page shows the saved words and edits them; a personal-data column is refused', async () => {
    await page.goto(`${t.url}/toewijzingen/koppeling`);
    await page.getByRole('heading', { level: 1, name: 'Importkoppeling' }).waitFor();
    await page.getByText(/^Versie 3, laatst gewijzigd .* door corporatie\.domstad\.$/).waitFor();
    expect(await page.getByLabel('Kolomnaam in uw bestand, regel 2').inputValue()).toBe('Plaats');
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'importkoppeling-04-pagina');

    await page.getByRole('button', { name: 'Kolom toevoegen' }).click();
    await page.getByLabel('Kolomnaam in uw bestand, regel 6').fill('Klantnummer');
    await page.getByRole('button', { name: 'Koppeling opslaan', exact: true }).click();
    await page
      .getByText(/De kolom 'Klantnummer' lijkt persoonsgegevens te bevatten/)
      .first()
      .waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: "Verwijder kolom 'Klantnummer'" }).click();

    await page.getByRole('button', { name: 'Waarde toevoegen' }).click();
    await page.getByLabel('Waarde in uw bestand, regel 4').fill('U');
    await page
      .getByLabel("Betekenis van 'U' in Thuismonitor")
      .selectOption({ label: 'Mensen met een sociale of medische urgentie' });
    await page.getByRole('button', { name: 'Koppeling opslaan', exact: true }).click();
    await page.getByText('De koppeling is opgeslagen.').waitFor();
    const { rows } = await t.db.query(`SELECT versie, waarden FROM import_koppeling`);
    expect(rows[0].versie).toBe(4);
    expect(rows[0].waarden).toContainEqual({ veld: 'aandachtsgroep', bron: 'U', waarde: 'URGENTEN' });
    expect(await t.axe(page)).toEqual([]);
  });
});
