import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The operator's onboarding in the browser (issue 13, "Done when"): the platform operator sees
 * what needs attention on the start page, creates a corporatie with its werkgebied (a wrong
 * gemeente first: the error is named and nothing is stored), registers a user; that user signs in
 * through the development login and logs a toewijzing by form. No SQL; axe on every screen.
 */
describe('webapp: organisatiebeheer en onboarding', () => {
  let t: WebTestApp;
  let page: Page;

  beforeAll(async () => {
    t = await startWebApp();
    page = await t.aanmelden('bzk.platformbeheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const tel = async (sql: string) => (await t.db.query(sql)).rows[0].n as number;

  it('the start page shows the operator what needs attention', async () => {
    await page.getByRole('heading', { level: 3, name: 'Organisaties die aandacht vragen' }).waitFor();
    await page.getByRole('heading', { level: 4, name: /^Zonder geregistreerde gebruikers/ }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'beheer-01-start');
  });

  it('creates a corporatie: an unknown werkgebied gemeente is named and nothing is stored, then it is created', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Organisatiebeheer' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisatiebeheer' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe organisatie' }).waitFor();
    await page.getByLabel('Soort organisatie').selectOption('CORPORATIE');
    await page.getByLabel('Code').fill('L0975');
    await page.getByLabel('Naam').fill('Woonstichting Vechtdal');
    await page.getByLabel('Werkgebied').fill('Utrecht, Atlantis');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await page.getByText("Geen gemeentecode: 'Atlantis'").first().waitFor();
    expect(await tel(`SELECT count(*)::int AS n FROM organisatie WHERE code = 'L0975'`)).toBe(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'beheer-02-fout-werkgebied');

    await page.getByLabel('Werkgebied').fill('Utrecht, GM0356');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Woonstichting Vechtdal' }).waitFor();
    await page.getByText('De organisatie Woonstichting Vechtdal is aangemaakt.').waitFor();
    await page.getByText('Nieuwegein, Utrecht').first().waitFor();
    expect(await t.axe(page)).toEqual([]);
  });

  it('registers a user with the role invoeren; the audit log shows both actions', async () => {
    await page.getByLabel('Gebruikersnaam').fill('vechtdal.invoer');
    await page.getByLabel(/^Naam \(verplicht\)$/).fill('Ilse Vecht');
    await page.getByLabel('E-mailadres').fill('i.vecht@vechtdal.example');
    await page.getByLabel('gegevens invoeren').check();
    await page.getByRole('button', { name: 'Gebruiker registreren' }).click();
    await page.getByText('De gebruiker vechtdal.invoer is geregistreerd.').waitFor();
    await page.getByRole('row', { name: /^vechtdal\.invoer Ilse Vecht/ }).waitFor();
    await page.getByRole('cell', { name: 'gebruiker: vechtdal.invoer (lezen, invoeren)' }).waitFor();
    // the download for Keycloak's partial import holds the user with its organisation code
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Keycloak-import downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('keycloak-gebruikers-L0975.json');
    const imp = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(imp.users).toEqual([
      expect.objectContaining({
        username: 'vechtdal.invoer',
        attributes: { organisatie: ['L0975'] },
        clientRoles: { 'thuismonitor-api': ['lezen', 'invoeren'] },
      }),
    ]);
    await page.getByRole('cell', { name: 'Gebruiker geregistreerd' }).waitFor();
    await page.getByRole('cell', { name: 'Aangemaakt' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'beheer-03-organisatie');
  });

  it('the new user signs in through the development login and logs a toewijzing', async () => {
    const nieuw = await t.aanmelden('vechtdal.invoer');
    await nieuw.getByRole('heading', { level: 1, name: 'Welkom, Ilse Vecht' }).waitFor();
    await nieuw.getByText('U werkt in Thuismonitor namens Woonstichting Vechtdal.').waitFor();
    // a corporatie with two gemeenten: the user chooses where to land, remembered across page loads
    await nieuw.getByLabel('Standaardgemeente').selectOption({ label: 'Nieuwegein' });
    await nieuw.getByRole('button', { name: 'Keuze opslaan' }).click();
    await nieuw.getByText('Uw keuze is opgeslagen.').waitFor();
    await nieuw.reload();
    await nieuw.getByRole('heading', { level: 1, name: 'Welkom, Ilse Vecht' }).waitFor();
    await nieuw.getByLabel('Standaardgemeente').waitFor();
    expect(await nieuw.getByLabel('Standaardgemeente').inputValue()).toBe('GM0356');
    expect(await t.axe(nieuw)).toEqual([]);
    await nieuw.goto(`${t.url}/toewijzingen/nieuw`);
    await nieuw.getByRole('heading', { level: 1, name: 'Toewijzing invoeren' }).waitFor();
    await nieuw.getByLabel('Gemeente van de woning').selectOption({ label: 'Nieuwegein' });
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await nieuw.getByLabel('Datum van de toewijzing').fill(vandaag);
    await nieuw.getByLabel('Aantal personen in het huishouden').fill('3');
    await nieuw.getByLabel('Extern kenmerk').fill('VD-0001');
    await nieuw.getByRole('button', { name: 'Toewijzing vastleggen' }).click();
    await nieuw.getByText('De toewijzing is vastgelegd met kenmerk VD-0001.').waitFor();
    expect(
      await tel(`SELECT count(*)::int AS n FROM toewijzing w JOIN organisatie o ON o.id = w.corporatie_id
                 WHERE o.code = 'L0975' AND w.gemeente_code = 'GM0356'`),
    ).toBe(1);
    expect(await t.axe(nieuw)).toEqual([]);
    await t.screenshot(nieuw, 'beheer-04-eerste-toewijzing');
  });

  it("a corporatie's beheerder sees who signs in for it, with roles", async () => {
    const beheerder = await t.aanmelden('corporatie.domstad');
    await beheerder.getByRole('link', { name: 'Gebruikers van uw organisatie' }).click();
    await beheerder
      .getByRole('heading', { level: 1, name: 'Gebruikers van Woonstichting Domstad' })
      .waitFor();
    await beheerder
      .getByRole('row', {
        name: /^corporatie\.domstad Priya Ramdin lezen, gegevens invoeren, tekenbevoegd, beheren/,
      })
      .waitFor();
    expect(await t.axe(beheerder)).toEqual([]);
  });

  it('merges another corporatie into the new one after confirmation; the source names where it went', async () => {
    await page.goto(`${t.url}/beheer?zoek=L0802`);
    await page
      .getByRole('region', { name: '1 organisatie' })
      .getByRole('link', { name: 'Eemland Wonen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Eemland Wonen' }).waitFor();
    await page.getByLabel('Opgaan in').selectOption({ label: 'Woonstichting Vechtdal (L0975)' });
    await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
    await page.getByText('Weet u zeker dat Eemland Wonen opgaat in Woonstichting Vechtdal?').waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, samenvoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Woonstichting Vechtdal' }).waitFor();
    await page.getByRole('cell', { name: 'Samengevoegd', exact: true }).waitFor();
    await page.getByRole('cell', { name: /samengevoegdMet: L0802/ }).waitFor();
    expect(
      (
        await t.db
          .query(`SELECT werkgebied FROM (SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) AS werkgebied
         FROM organisatie_werkgebied w JOIN organisatie o ON o.id = w.organisatie_id WHERE o.code = 'L0975') x`)
      ).rows[0].werkgebied,
    ).toEqual(['GM0307', 'GM0327', 'GM0344', 'GM0356']);
    expect(
      await tel(
        `SELECT count(*)::int AS n FROM organisatie WHERE code = 'L0802' AND NOT actief AND opgegaan_in IS NOT NULL`,
      ),
    ).toBe(1);
  });

  it('imports a list of organisations: the check names the bad row and stores nothing, the fixed file is imported', async () => {
    await page.goto(`${t.url}/beheer`);
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();
    const kop = 'soort;code;naam;werkgebied;corporaties';
    await page
      .getByLabel('Bestand met organisaties')
      .setInputFiles(
        t.bestand(
          'fout.csv',
          [kop, 'corporatie;L0940;Woonbron Test;Utrecht;', 'zorgaanbieder;44556677;Zorg Test;Atlantis;'].join(
            '\n',
          ),
        ),
      );
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('heading', { name: 'Resultaat van de controle' }).waitFor();
    await page.getByRole('cell', { name: "Onbekende gemeente: 'Atlantis'." }).waitFor();
    expect(await page.getByRole('button', { name: /organisaties importeren$/ }).count()).toBe(0);
    expect(await tel(`SELECT count(*)::int AS n FROM organisatie WHERE code IN ('L0940', '44556677')`)).toBe(
      0,
    );
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'beheer-05-import-fout');
    await page
      .getByLabel('Bestand met organisaties')
      .setInputFiles(
        t.bestand(
          'goed.csv',
          [
            kop,
            'corporatie;L0940;Woonbron Test;Utrecht;',
            'zorgaanbieder;44556677;Zorg Test;Nieuwegein;',
          ].join('\n'),
        ),
      );
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('Alle 2 rijen zijn goed').waitFor();
    await page.getByRole('button', { name: '2 organisaties importeren' }).click();
    await page.getByRole('heading', { name: 'Import voltooid' }).waitFor();
    expect(await tel(`SELECT count(*)::int AS n FROM organisatie WHERE code IN ('L0940', '44556677')`)).toBe(
      2,
    );
    expect(await t.axe(page)).toEqual([]);
    await page.goto(
      `${t.url}/beheer/${(await t.db.query(`SELECT id FROM organisatie WHERE code = 'L0975'`)).rows[0].id}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Woonstichting Vechtdal' }).waitFor();
  });

  it('deactivation asks for confirmation; the organisation stays listed on request', async () => {
    await page.getByRole('button', { name: 'Organisatie deactiveren' }).click();
    await page.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await page.getByText(/Deze organisatie is gedeactiveerd op/).waitFor();
    expect(
      await tel(
        `SELECT count(*)::int AS n FROM toewijzing w JOIN organisatie o ON o.id = w.corporatie_id WHERE o.code = 'L0975'`,
      ),
    ).toBe(1);
    expect(await t.axe(page)).toEqual([]);
  });
});
