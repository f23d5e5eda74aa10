import { naarMenu, startWebApp, type WebTestApp } from './support/web-app';

/**
 * Issue 12 item 2 in the browser: a gemeente records its volkshuisvestingsprogramma (status, dates,
 * woonzorg part, link). A link that is not a web address is refused at the field in Dutch and
 * nothing is stored; the saved programme shows who adopts it (the college, Omgevingswet art. 3.4)
 * and the page says whether the law requires it yet. Axe on every state.
 */
describe('webapp: volkshuisvestingsprogramma', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a gemeente records its programme; a bad link is refused at the field, nothing stored', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await naarMenu(page, 'Volkshuisvestingsprogramma');
    await page.getByRole('heading', { level: 1, name: 'Volkshuisvestingsprogramma' }).waitFor();
    await page.getByText('Er is nog geen volkshuisvestingsprogramma vastgelegd.').waitFor();
    // the Wet versterking regie has no entry date in a fresh database: no legal duty yet
    await page.getByText(/Het programma is nog geen wettelijke plicht/).waitFor();
    expect(await t.axe(page)).toEqual([]);

    await page.getByLabel('Titel (verplicht)').fill('Volkshuisvestingsprogramma Utrecht 2026–2030');
    await page.getByLabel('Status (verplicht)').selectOption({ label: 'Vastgesteld' });
    await page.getByLabel('Vastgesteld op').fill('2026-03-10');
    await page.getByLabel('Looptijd: eerste jaar').fill('2026');
    await page.getByLabel('Looptijd: laatste jaar').fill('2030');
    await page.getByLabel('Het programma bevat het woonzorgdeel').check();
    await page.getByLabel('Woonzorgdeel: toelichting').fill('Hoofdstuk 5: wonen en zorg');
    await page.getByLabel('Link naar het document').fill('www.utrecht.nl/programma.pdf');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByText('De link naar het document moet een webadres zijn dat begint met https:// of http://.')
      .first()
      .waitFor();
    expect((await t.db.query('SELECT count(*)::int AS n FROM volkshuisvestingsprogramma')).rows[0].n).toBe(0);
    expect(await t.axe(page)).toEqual([]);

    await page.getByLabel('Link naar het document').fill('https://www.utrecht.nl/programma.pdf');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het programma is opgeslagen (status: Vastgesteld).').waitFor();
    const stand = page.getByRole('region', { name: 'Stand' });
    await stand.getByText('college van burgemeester en wethouders').waitFor();
    await stand.getByText('Opgenomen: Hoofdstuk 5: wonen en zorg').waitFor();
    await stand.getByRole('link', { name: 'https://www.utrecht.nl/programma.pdf' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'programma-01-gemeente');
    const { rows } = await t.db.query(
      'SELECT gebied_code, status, vastgesteld_op::text AS op FROM volkshuisvestingsprogramma',
    );
    expect(rows).toEqual([{ gebied_code: 'GM0344', status: 'VASTGESTELD', op: '2026-03-10' }]);
  });

  it('the provincie sees in voortgang how many of its gemeenten have a vastgesteld programme', async () => {
    const m = (await t.db.query(`SELECT count(*)::int AS n FROM gemeente WHERE provincie_code = 'PV26'`))
      .rows[0].n;
    const page = await t.aanmelden('provincie.utrecht');
    await naarMenu(page, 'Voortgang');
    await page.getByText(`1 van ${m} gemeenten (nog geen wettelijke plicht)`).waitFor();
    expect(await t.axe(page)).toEqual([]);
  });

  it('the cycle page names the regime its year runs under, before and after the entry into force', async () => {
    const jaar = Number(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 4),
    );
    const page = await t.aanmelden('gemeente.utrecht');
    await naarMenu(page, 'Cyclus');
    await page
      .getByText(
        `De regels van deze cyclus: Woningwet (herziening 2015) (het regime dat op 1 juli ${jaar} geldt).`,
      )
      .waitFor();
    await page.getByText(/Op dit moment kan (een|geen) geschil/).waitFor();
    expect(await t.axe(page)).toEqual([]);
    // arranged as the operator's mutation leaves it (apps/api/test/volkshuisvesting.spec.ts tests the mutation)
    await t.db.query(
      `UPDATE volkshuisvesting_regime SET geldig_tot = CASE code WHEN 'WONINGWET_2015' THEN $1::date - 1 END,
         geldig_van = CASE code WHEN 'WONINGWET_2015' THEN geldig_van ELSE $1::date END`,
      [`${jaar}-07-01`],
    );
    await page.reload();
    await page
      .getByText(
        `De regels van deze cyclus: Wet versterking regie volkshuisvesting (het regime dat op 1 juli ${jaar} geldt).`,
      )
      .waitFor();
    await t.screenshot(page, 'programma-02-cyclus-regime');
  });
});
