import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * Daily work (issue 14): export of tables (the file's figures equal the screen's), print (content
 * only, every column), the phone layout (no horizontal page overflow, a collapsible menu) and key
 * columns visible at 1366 px.
 */
describe('webapp: export, print, telefoon', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The table's cells as the eye reads them (without screen-reader-only text). */
  async function schermRijen(tabel: Locator): Promise<{ koppen: string[]; rijen: string[][] }> {
    return tabel.evaluate((el) => {
      const tekst = (c: Element) => {
        const k = c.cloneNode(true) as Element;
        k.querySelectorAll('.tm-visually-hidden, [aria-hidden="true"]').forEach((e) => e.remove());
        return (k.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      const t = el as HTMLTableElement;
      return {
        koppen: Array.from(t.tHead!.rows[0].cells).map(tekst),
        rijen: Array.from(t.tBodies[0].rows).map((r) => Array.from(r.cells).map(tekst)),
      };
    });
  }

  /** Dutch figure as shown → number ('1.234' → 1234, '45,2%' → 45.2); undefined for text. */
  function getal(tekst: string): number | undefined {
    const s = tekst.replace(/\s?%$/, '');
    if (!/^-?[\d.]+(,\d+)?$/.test(s)) return undefined;
    return Number(s.replace(/\./g, '').replace(',', '.'));
  }

  async function download(page: Page, knop: Locator): Promise<{ naam: string; pad: string }> {
    const [dl] = await Promise.all([page.waitForEvent('download'), knop.click()]);
    const pad = await dl.path();
    return { naam: dl.suggestedFilename(), pad: pad! };
  }

  async function naarVoortgang(page: Page) {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Voortgang', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Voortgang: Utrecht' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Actielijn 1:/ }).waitFor();
  }

  it('voortgang: CSV and Excel hold exactly the figures of the table on screen', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await naarVoortgang(page);
    const groep = page.getByRole('group', { name: /^Voortgang .* downloaden$/ }).first();
    await groep.waitFor();
    // the table that follows this export group
    const tabel = groep.locator('xpath=following-sibling::div[1]//table');
    const scherm = await schermRijen(tabel);
    expect(scherm.rijen.length).toBeGreaterThan(0);
    const schermGetallen = scherm.rijen
      .flat()
      .map(getal)
      .filter((n) => n !== undefined);
    expect(schermGetallen.length).toBeGreaterThan(0);

    const csv = await download(page, groep.getByRole('button', { name: 'CSV' }));
    expect(csv.naam).toMatch(/^voortgang-.*\.csv$/);
    const tekst = fs.readFileSync(csv.pad, 'utf8');
    expect(tekst.startsWith('\uFEFF')).toBe(true);
    const regels = tekst
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(';').map((v) => v.replace(/^"|"$/g, '').replace(/""/g, '"')));
    expect(regels[0]).toEqual(scherm.koppen);
    expect(regels.slice(1)).toEqual(scherm.rijen);

    const xlsx = await download(page, groep.getByRole('button', { name: 'Excel' }));
    expect(xlsx.naam).toMatch(/^voortgang-.*\.xlsx$/);
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.readFile(xlsx.pad);
    const blad = boek.worksheets[0];
    expect(blad.name.length).toBeGreaterThan(0);
    const kopRij = (blad.getRow(1).values as unknown[]).slice(1).map(String);
    expect(kopRij).toEqual(scherm.koppen);
    let getallen = 0;
    scherm.rijen.forEach((rij, r) => {
      rij.forEach((cel, k) => {
        const v = blad.getRow(r + 2).getCell(k + 1).value;
        const n = getal(cel);
        if (typeof v === 'number') {
          getallen++;
          expect(v).toBe(n);
        } else expect(String(v ?? '')).toBe(cel);
      });
    });
    expect(getallen).toBeGreaterThan(0);
    expect(await t.axe(page)).toEqual([]);
  });

  it('at 1366 px the voortgang tables show every column without scrolling (Status, Eenheid)', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page.setViewportSize({ width: 1366, height: 900 });
    await naarVoortgang(page);
    await page.getByRole('columnheader', { name: 'Eenheid' }).first().waitFor();
    const containers = await page.locator('#inhoud .utrecht-table-container').evaluateAll((els) =>
      els.map((e) => ({
        naam: e.getAttribute('aria-label'),
        past: e.scrollWidth <= e.clientWidth + 1,
      })),
    );
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.filter((c) => !c.past)).toEqual([]);
    // dates and figures do not break inside a cell
    await t.screenshot(page, 'gemeente-voortgang-1366');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('print: no menu or buttons, content at full width, every column of every table on the page', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await naarVoortgang(page);
    // A4 landscape minus 12 mm margins is about 1032 CSS pixels wide
    await page.setViewportSize({ width: 1032, height: 1400 });
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(false);
      expect(await page.locator('.tm-export').first().isVisible()).toBe(false);
      const main = await page.locator('#inhoud').boundingBox();
      expect(main!.width).toBeGreaterThanOrEqual(1000);
      const tabellen = await page.locator('#inhoud table').evaluateAll((els) =>
        els.map((tabel) => {
          const rechts = Math.max(
            ...Array.from(tabel.querySelectorAll('th, td')).map((c) => c.getBoundingClientRect().right),
          );
          return { kolommen: tabel.querySelectorAll('thead th').length, rechts };
        }),
      );
      expect(tabellen.length).toBeGreaterThanOrEqual(4);
      for (const tb of tabellen) expect(tb.rechts).toBeLessThanOrEqual(1032);
      await t.screenshot(page, 'gemeente-voortgang-print');
      // the real print path renders too (Chromium's PDF of the page)
      const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('phone (390 and 320 px): a collapsible menu and no horizontal page overflow', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    const teBreed: string[] = [];
    for (const breedte of [390, 320]) {
      await page.setViewportSize({ width: breedte, height: 844 });
      await page.goto(`${t.url}/`);
      await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await nav.getByRole('link', { name: 'Voortgang', exact: true }).isVisible()).toBe(false);
      // the h1 is near the top: no menu before it
      const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(h1!.y).toBeLessThan(260);
      const overloop = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await overloop()).toBeLessThanOrEqual(breedte);
      if (breedte === 390) {
        expect(await t.axe(page)).toEqual([]);
        await t.screenshot(page, 'telefoon-390-start');
      }
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Voortgang', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Voortgang: Utrecht' }).waitFor();
      // choosing an item folds the menu again
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await page.getByRole('heading', { level: 2, name: /^Actielijn 1:/ }).waitFor();
      await page.getByRole('table').first().waitFor();
      expect(await overloop()).toBeLessThanOrEqual(breedte);
      // a table keeps readable columns and scrolls in its own container instead of breaking words
      const smalsteKop = await page
        .locator('#inhoud thead th')
        .evaluateAll((ths) => Math.min(...ths.map((th) => th.getBoundingClientRect().width)));
      expect(smalsteKop).toBeGreaterThan(30);
      const rijkop = await page.locator('#inhoud tbody th').first().boundingBox();
      expect(rijkop!.height).toBeLessThan(120);
      for (const pad of [
        '/afspraken',
        '/afspraken/nieuw',
        '/cyclus',
        '/taakstellingen',
        '/statushouders',
        '/toewijzingen',
        '/nieuwbouw',
        '/kwartaalcijfers',
        '/rapportages',
        '/gemeenten',
        '/organisaties',
      ]) {
        await page.goto(`${t.url}${pad}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await page
          .getByRole('table')
          .first()
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
        const w = await overloop();
        if (w > breedte) teBreed.push(`${pad} op ${breedte} px: ${w} px`);
      }
      if (breedte === 390) {
        await page.goto(`${t.url}/voortgang`);
        await page.getByRole('heading', { level: 2, name: /^Actielijn 1:/ }).waitFor();
        expect(await t.axe(page)).toEqual([]);
        await t.screenshot(page, 'telefoon-390-voortgang');
      }
    }
    expect(teBreed).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
