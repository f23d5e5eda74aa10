import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * Deleting a concept (issue 14, item 5): the gemeente drafts a concept, the button comes from
 * mogelijkeActies (a party that did not draft it has none), a modal dialog asks first ("Nee" keeps
 * it), and "Ja" deletes it and lands on the list with a message. axe on every state.
 */
describe('webapp: een concept verwijderen', () => {
  let t: WebTestApp;
  let gemeente: Page;
  let id = '';
  const TITEL = 'Concept dat weg mag 2027';

  beforeAll(async () => {
    t = await startWebApp();
    gemeente = await t.aanmelden('gemeente.utrecht');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gemeente: drafts a concept; the page offers to delete it', async () => {
    await gemeente.goto(`${t.url}/afspraken/nieuw`);
    await gemeente.getByRole('heading', { level: 1, name: 'Nieuwe prestatieafspraak' }).waitFor();
    await gemeente.getByLabel('Titel (verplicht)').fill(TITEL);
    await gemeente.getByLabel('Eerste jaar (verplicht)').fill('2027');
    await gemeente.getByLabel('Laatste jaar (tot en met) (verplicht)').fill('2027');
    await gemeente.getByLabel(/^Woonstichting Domstad/).check();
    await gemeente.getByRole('button', { name: 'Concept aanmaken' }).click();
    await gemeente.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    id = gemeente.url().split('/afspraken/')[1];
    await gemeente.getByRole('heading', { level: 2, name: 'Concept verwijderen' }).waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
  });

  it('corporatie: a party that did not draft it sees no delete button', async () => {
    const corporatie = await t.aanmelden('corporatie.domstad');
    await corporatie.goto(`${t.url}/afspraken/${id}`);
    await corporatie.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    await corporatie.getByRole('heading', { level: 2, name: 'De afspraken' }).waitFor();
    expect(await corporatie.getByRole('button', { name: 'Concept verwijderen' }).count()).toBe(0);
  });

  it('gemeente: the dialog asks first; "Nee" keeps the concept', async () => {
    await gemeente.getByRole('button', { name: 'Concept verwijderen' }).click();
    const dialoog = gemeente.getByRole('dialog', { name: `„${TITEL}” verwijderen?` });
    await dialoog.waitFor();
    // the safe answer has the focus
    const nee = dialoog.getByRole('button', { name: 'Nee, bewaren' });
    expect(await nee.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await t.axe(gemeente)).toEqual([]);
    await t.screenshot(gemeente, 'gemeente-concept-verwijderen-dialoog');
    await nee.click();
    await dialoog.waitFor({ state: 'hidden' });
    await gemeente.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    // Escape closes it too
    await gemeente.getByRole('button', { name: 'Concept verwijderen' }).click();
    await dialoog.waitFor();
    await gemeente.keyboard.press('Escape');
    await dialoog.waitFor({ state: 'hidden' });
  });

  it('gemeente: "Ja, verwijderen" deletes it and the list says so', async () => {
    await gemeente.getByRole('button', { name: 'Concept verwijderen' }).click();
    await gemeente.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click();
    await gemeente.getByRole('heading', { level: 1, name: 'Prestatieafspraken' }).waitFor();
    await gemeente
      .getByRole('status')
      .filter({ hasText: `Het concept „${TITEL}” is verwijderd.` })
      .waitFor();
    await gemeente
      .getByRole('heading', { level: 2, name: 'Alle prestatieafspraken die u kunt zien' })
      .waitFor();
    expect(await gemeente.getByRole('link', { name: TITEL }).count()).toBe(0);
    expect(await t.axe(gemeente)).toEqual([]);
    // the page of the deleted concept is gone
    await gemeente.goto(`${t.url}/afspraken/${id}`);
    await gemeente.getByText('De prestatieafspraak is niet gevonden.').waitFor();
  });
});
