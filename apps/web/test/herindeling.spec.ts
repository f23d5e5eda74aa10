import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The operator's herindeling screen (issue 13, item 3) on the real case of 1 January 2022:
 * Heerhugowaard and Langedijk into Dijk en Waard (GM1980). The two old gemeenten are put back as
 * the 2021 indeling had them. A date that is not 1 January is refused in Dutch and nothing is
 * stored; the check lists what will change; applying stores it and lists it as applied. axe on
 * every state.
 */
describe('webapp: gemeentelijke herindeling', () => {
  let t: WebTestApp;
  let page: Page;
  const tel = async (sql: string) => (await t.db.query(sql)).rows[0].n as number;

  beforeAll(async () => {
    t = await startWebApp();
    await t.db.query(
      `INSERT INTO gemeente (code, naam, provincie_code) VALUES ('GM0398', 'Heerhugowaard', 'PV27'), ('GM0416', 'Langedijk', 'PV27')`,
    );
    await t.db.query(
      `INSERT INTO organisatie (code, soort, naam, gemeente_code)
       VALUES ('GM0398', 'GEMEENTE', 'Gemeente Heerhugowaard', 'GM0398'), ('GM0416', 'GEMEENTE', 'Gemeente Langedijk', 'GM0416')`,
    );
    page = await t.aanmelden('bzk.platformbeheer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const vulIn = async (datum: string) => {
    await page.getByLabel('Datum van herindeling').fill(datum);
    await page.getByLabel('CBS-code van de nieuwe gemeente').fill('GM1980');
    await page.getByLabel('Naam van de nieuwe gemeente').fill('Dijk en Waard');
    await page.getByLabel('CBS-codes van de gemeenten die opgaan').fill('GM0398, GM0416');
    await page.getByRole('button', { name: 'Herindeling controleren' }).click();
  };

  it('refuses a date that is not 1 January in Dutch; nothing is stored', async () => {
    await page.goto(`${t.url}/beheer`);
    await page.getByRole('link', { name: 'Herindeling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeentelijke herindeling' }).waitFor();
    await page.getByText('Er is nog geen herindeling toegepast.').waitFor();
    expect(await t.axe(page)).toEqual([]);
    await vulIn('2022-03-24');
    await page.getByText('2022-03-24 is geen 1 januari').waitFor();
    expect(await tel(`SELECT count(*)::int AS n FROM gemeente WHERE opgeheven_op IS NOT NULL`)).toBe(0);
    expect(await t.axe(page)).toEqual([]);
  });

  it('the check lists what will change; applying stores it and lists it as applied', async () => {
    await vulIn('2022-01-01');
    await page.getByRole('heading', { level: 2, name: 'Wat er verandert' }).waitFor();
    await page.getByText('Heerhugowaard (GM0398), Langedijk (GM0416)').waitFor();
    // applied years after the date: the check says that closed periods stay on the old codes
    await page.getByText('Late toepassing', { exact: true }).waitFor();
    await page.getByText(/Kwartalen tot en met .* zijn afgesloten/).waitFor();
    expect(await tel(`SELECT count(*)::int AS n FROM gemeente WHERE opgeheven_op IS NOT NULL`)).toBe(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'beheer-herindeling-proef');
    await page.getByRole('button', { name: 'Herindeling toepassen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Herindeling toegepast' }).waitFor();
    await page.getByRole('row', { name: /Heerhugowaard \(GM0398\).*Dijk en Waard \(GM1980\)/ }).waitFor();
    expect(await tel(`SELECT count(*)::int AS n FROM gemeente WHERE opgegaan_in = 'GM1980'`)).toBe(2);
    expect(
      await tel(
        `SELECT count(*)::int AS n FROM audit_log WHERE actie = 'HERINDELING' AND entiteit_id = 'GM1980'`,
      ),
    ).toBe(1);
    expect(await t.axe(page)).toEqual([]);
  });
});
