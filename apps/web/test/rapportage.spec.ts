import * as fs from 'node:fs';
import { startWebApp, type WebTestApp } from './support/web-app';

/** A gemeente requests a quarterly report, follows its progress and downloads it. */
describe('webapp: kwartaalrapportage', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp({ worker: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('requests a report, shows progress, lists it and downloads the CSV', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Rapportages', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kwartaalrapportages' }).waitFor();
    expect(await t.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rapportage maken' }).click();
    await page.getByText('De rapportage is klaar.').waitFor({ timeout: 90_000 });
    const downloadKnop = page.getByRole('button', { name: /^Download CSV: Utrecht/ }).first();
    await downloadKnop.waitFor();
    expect(await t.axe(page)).toEqual([]);
    await t.screenshot(page, 'rapportage-01-lijst');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadKnop.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const pad = await download.path();
    const inhoud = fs.readFileSync(pad!, 'utf8');
    expect(inhoud.length).toBeGreaterThan(20);
  });
});
