import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The start page as a work list per organisation kind (issue 14): afspraken to sign or finish,
 * quarterly figures still missing (and gone once reported), the cycle's deadlines in words (no
 * "−151"), reports ready, imports — each card with a link to the work; axe without violations.
 */
describe('webapp: startpagina als werklijst', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const kaart = (p: Page, naam: string | RegExp) => p.getByRole('region', { name: naam });
  /** every card has its answer (no busy region left) */
  const klaar = async (p: Page) => {
    await p.getByRole('heading', { level: 2, name: 'Uw werk' }).waitFor();
    await p.waitForFunction(() => !document.querySelector('#inhoud [aria-busy="true"]'));
  };

  it('gemeente: cycle deadlines in words, quarterly figures still to report, links to the work', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page.getByRole('heading', { level: 2, name: 'Uw werk' }).waitFor();
    await klaar(page);
    const cyclus = kaart(page, /^Cyclus \d{4}$/);
    const tekst = (await cyclus.textContent()) ?? '';
    expect(tekst).toContain('Utrecht');
    expect(tekst).toMatch(/(nog \d+ dagen|\d+ dagen? te laat|gedaan op \d{2}-\d{2}-\d{4}|vandaag|morgen)/);
    expect(tekst).not.toMatch(/(^|[\s:(])[−-]\d/);
    await cyclus.getByRole('link', { name: 'Naar de cyclus' }).waitFor();
    for (const naam of ['Prestatieafspraken', /^Rapportages klaar$/]) await kaart(page, naam).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'werklijst-gemeente');

    // the cycle page shows the same words instead of a signed day count
    await cyclus.getByRole('link', { name: 'Naar de cyclus' }).click();
    await page.getByRole('columnheader', { name: 'Termijn' }).waitFor();
    expect(await page.getByRole('table').textContent()).not.toMatch(/(^|[\s:(a-z])[−-]\d/);
  });

  it('corporatie: a missing quarterly figure is listed, and gone once reported; imports are listed', async () => {
    const page = await t.aanmelden('corporatie.domstad');
    await page.goto(`${t.url}/`);
    await klaar(page);
    const cijfers = kaart(page, /^Kwartaalcijfers over het \de kwartaal \d{4}$/);
    const item = cijfers
      .getByRole('listitem')
      .filter({ hasText: /^Huisuitzettingen: nog niet gerapporteerd/ });
    await item.waitFor();
    const kwartaal = /over het (\de kwartaal \d{4})/.exec(
      (await cijfers.getByRole('heading').textContent())!,
    )![1];
    await cijfers.getByRole('link', { name: 'Cijfers rapporteren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kwartaalcijfers' }).waitFor();
    await page.getByLabel('Wat rapporteert u?').selectOption({ label: 'Huisuitzettingen' });
    const gemeenten = await page
      .getByLabel('Gemeente (verplicht)')
      .locator('option')
      .evaluateAll((os) =>
        os.map((o) => (o as HTMLOptionElement).label).filter((l) => l && !l.startsWith('Kies')),
      );
    expect(await page.getByLabel('Kwartaal (verplicht)').locator('option:checked').textContent()).toContain(
      kwartaal,
    );
    // report it for every gemeente of the werkgebied
    for (const g of gemeenten) {
      await page.getByLabel('Gemeente (verplicht)').selectOption({ label: g });
      await page.getByLabel('Aantal').fill('2');
      await page.getByRole('button', { name: 'Cijfer opslaan' }).click();
      await page.getByText(new RegExp(`Huisuitzettingen voor ${g}, .*: 2 is opgeslagen\\.`)).waitFor();
      await page.getByLabel('Wat rapporteert u?').selectOption({ label: 'Huisuitzettingen' });
    }
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 2, name: 'Uw werk' }).waitFor();
    await klaar(page);
    expect(await item.count()).toBe(0);

    // an import appears on the work list
    const imports = kaart(page, 'Imports');
    expect(await imports.textContent()).toContain('geen import');
    await imports.getByRole('link', { name: 'Een bestand controleren en importeren' }).click();
    const bestand = t.bestand(
      'werklijst.csv',
      [
        'extern_kenmerk;gemeente;datum;aandachtsgroep;huishoudgrootte;segment;via_urgentie',
        'WL-1;GM0344;14-03-2026;statushouders;3;sociale huur;nee',
        'WL-2;GM0344;28-02-2026;;2;;',
      ].join('\n'),
    );
    await page.getByLabel('Bestand met toewijzingen').setInputFiles(bestand);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByRole('button', { name: '2 toewijzingen importeren' }).click();
    await page.getByRole('heading', { name: 'Import voltooid' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
    await klaar(page);
    await imports
      .getByText(/^Import van \d{2}-\d{2}-\d{4} \d{2}:\d{2}: 2 toewijzingen in Utrecht$/)
      .waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'werklijst-corporatie');
  });

  it('zorgaanbieder and BZK: their own cards', async () => {
    const zorg = await t.aanmelden('zorg.sticht');
    await klaar(zorg);
    await kaart(zorg, /^Zorgvraag over het \de kwartaal \d{4}$/).waitFor();
    expect(await t.axe(zorg)).toEqual([]);
    const bzk = await t.aanmelden('bzk.analist');
    await klaar(bzk);
    await kaart(bzk, 'Rapportages klaar').waitFor();
    expect(await kaart(bzk, /^Cyclus/).count()).toBe(0);
    expect(await t.axe(bzk)).toEqual([]);
  });
});
