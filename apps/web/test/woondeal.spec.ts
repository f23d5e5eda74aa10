import { naarMenu, startWebApp, type WebTestApp } from './support/web-app';

/**
 * Issue 12 item 5 in the browser: the provincie sets the woondeal of a regio wholly inside it
 * (2022–2030) on the Taakstellingen page, then reads the Woondeals page: the delivered homes against
 * the targets, the shares over the same projects against the share the targets imply, the pipeline,
 * and the stock share of sociale huur as a fact (judged only against a provincie's target). The
 * gemeente reads its own. Axe on every state.
 */
describe('webapp: woondeals', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await startWebApp();
    await t.db.query(
      `UPDATE gemeente SET woningmarktregio_code = 'WMR09' WHERE code IN ('GM0344', 'GM0356')`,
    );
    const project = (
      naam: string,
      gemeente: string,
      sh: number,
      kv: number,
      opgeleverd: string | null,
      start: string | null,
    ) =>
      t.db.query(
        `INSERT INTO nieuwbouwproject (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_koop_vrij,
           start_bouw_op, opgeleverd_op)
         VALUES ($1, $2, (SELECT id FROM organisatie WHERE code = 'L0801'), $3, $4, $5, $6, $7)`,
        [naam, gemeente, opgeleverd ? 'OPGELEVERD' : 'IN_AANBOUW', sh, kv, start, opgeleverd],
      );
    await project('Kade', 'GM0344', 60, 40, '2024-06-01', '2023-01-01');
    await project('Laan', 'GM0356', 0, 20, '2025-03-01', null);
    await project('Bouw', 'GM0356', 30, 0, null, '2025-06-01');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the provincie sets the regio’s woondeal and reads its progress', async () => {
    const page = await t.aanmelden('provincie.utrecht');
    await naarMenu(page, 'Taakstellingen');
    await page.getByRole('heading', { level: 1, name: 'Taakstellingen' }).waitFor();
    for (const [indicator, waarde] of [
      ['Woningen opgeleverd (totaal)', '1.000'],
      ['Sociale huurwoningen opgeleverd', '300'],
    ]) {
      await page.getByLabel('Gebied', { exact: true }).fill('Regio U16');
      await page.getByLabel('Indicator (verplicht)').selectOption({ label: indicator });
      await page.getByLabel('Periode').selectOption({ label: 'Woondeal 2022–2030' });
      await page.getByLabel('Taakstelling (verplicht)').fill(waarde);
      await page.getByRole('button', { name: 'Taakstelling vastleggen' }).click();
      await page.getByText(new RegExp(`voor U16: ${waarde.replace('.', '\\.')} is vastgelegd\\.`)).waitFor();
    }
    expect(await t.axe(page)).toEqual([]);
    const { rows } = await t.db.query(
      `SELECT indicator_code, gebied_soort, periode_van::text AS van, periode_tot::text AS tot, waarde::int AS w
       FROM taakstelling ORDER BY indicator_code`,
    );
    expect(rows).toEqual([
      {
        indicator_code: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
        gebied_soort: 'WONINGMARKTREGIO',
        van: '2022-01-01',
        tot: '2030-12-31',
        w: 300,
      },
      {
        indicator_code: 'WONINGEN_OPGELEVERD',
        gebied_soort: 'WONINGMARKTREGIO',
        van: '2022-01-01',
        tot: '2030-12-31',
        w: 1000,
      },
    ]);

    await naarMenu(page, 'Woondeals');
    await page.getByRole('heading', { level: 1, name: /^Woondeal/ }).waitFor();
    await page.getByLabel('Gebied', { exact: true }).fill('Regio U16');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Woondeal: U16' }).waitFor();
    await page.getByText(/Bestuurlijke afspraken \(Nationale Woon- en Bouwagenda/).waitFor();
    const nieuwbouw = page.getByRole('region', {
      name: 'Opgeleverde woningen tegenover de taakstellingen van de woondeal',
    });
    const totaal = nieuwbouw.getByRole('row', { name: /Woningen opgeleverd \(totaal\)/ });
    await totaal.getByRole('cell', { name: '1.000', exact: true }).waitFor();
    await totaal.getByRole('cell', { name: '120', exact: true }).waitFor();
    // 60 of 120 sociale huur; the target share 300 / 1.000 = 30%
    const aandelen = page.getByRole('region', {
      name: 'Aandeel betaalbaar en sociale huur in de opgeleverde nieuwbouw',
    });
    const sh = aandelen.getByRole('row', { name: /^Sociale huur/ });
    await sh.getByRole('cell', { name: '50%', exact: true }).waitFor();
    await sh.getByRole('cell', { name: '30%', exact: true }).first().waitFor();
    await sh.getByText('Op of boven het doel').waitFor();
    await page.getByText('2 projecten in 2 van 2 gemeenten', { exact: false }).waitFor();
    const pijplijn = page.getByRole('region', { name: /naar fase op de peildatum/ });
    await pijplijn
      .getByRole('row', { name: /In aanbouw/ })
      .getByRole('cell', { name: '30', exact: true })
      .first()
      .waitFor();
    // the stock share: a fact, no verdict without a provincie target
    await page.getByText(/feit, geen wettelijke norm/).waitFor();
    await page
      .getByRole('region', { name: 'Woondeal per gemeente' })
      .getByRole('rowheader', { name: 'Nieuwegein' })
      .waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'woondeal-01-provincie-regio');

    // the provincie as a whole: its regio's own woondeal in a table of its own
    await page.getByLabel('Gebied', { exact: true }).fill('Provincie Utrecht');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Woondeal: Utrecht' }).waitFor();
    const regio = page
      .getByRole('region', { name: 'Woondeal per woningmarktregio (eigen taakstelling van de regio)' })
      .getByRole('row', { name: /U16/ });
    await regio.getByRole('cell', { name: '1.000', exact: true }).waitFor();
    await regio.getByRole('cell', { name: '120', exact: true }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'woondeal-03-provincie');
  });

  it('the gemeente reads its own woondeal; the regio is not offered', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await naarMenu(page, 'Woondeals');
    await page.getByRole('heading', { level: 1, name: 'Woondeal: Utrecht' }).waitFor();
    const totaal = page
      .getByRole('region', { name: 'Opgeleverde woningen tegenover de taakstellingen van de woondeal' })
      .getByRole('row', { name: /Woningen opgeleverd \(totaal\)/ });
    await totaal.getByRole('cell', { name: '100', exact: true }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Aandeel sociale huur in de woningvoorraad' })
      .waitFor();
    expect(await page.getByRole('option', { name: 'Regio U16' }).count()).toBe(0);
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'woondeal-02-gemeente');
  });
});
