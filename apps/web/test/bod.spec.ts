import { naarMenu, startWebApp, type WebTestApp } from './support/web-app';

/**
 * The bod in the browser (issue 12, item 3): Domstad drafts its bod for Utrecht (a line the domain
 * refuses is reported at the field first), saves and sends it; the huurdersvereniging finds it
 * among the received boden; the gemeente starts a prestatieafspraak from it with the afspraak taken
 * over from the line with an indicator. Axe on every screen.
 */
describe('webapp: het bod', () => {
  let t: WebTestApp;
  const TITEL = 'Bod Domstad aan Utrecht';
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('corporatie: drafts the bod with an activity per year and sends it', async () => {
    const corp = await t.aanmelden('corporatie.domstad');
    await naarMenu(corp, 'Boden');
    await corp.getByRole('heading', { level: 1, name: 'Boden' }).waitFor();
    await corp.getByText('U heeft nog geen bod opgesteld.').waitFor();
    await corp.getByLabel('Gemeente (verplicht)').selectOption({ label: 'Utrecht' });
    await corp.getByLabel('Titel (verplicht)').fill(TITEL);
    await corp.getByLabel('Huurdersvereniging Domstad').check();
    const jaar = Number(await corp.getByLabel('Jaar van het bod (verplicht)').inputValue());
    await corp
      .getByLabel('Wat u van plan bent (verplicht)')
      .fill('Sociale huurwoningen opleveren in Leidsche Rijn');
    await corp.getByLabel('Indicator').selectOption({ label: 'Sociale huurwoningen opgeleverd' });
    await corp.getByLabel('Aantal').fill('-5');
    await corp.getByRole('button', { name: 'Bod opslaan als concept' }).click();
    await corp.getByText('Regel 1: het aantal is een getal van 0 of meer.').first().waitFor();
    expect((await t.db.query('SELECT count(*)::int AS n FROM bod')).rows[0].n).toBe(0);
    expect(await t.axe(corp)).toEqual([]);

    await corp.getByLabel('Aantal').fill('40');
    await corp.getByRole('button', { name: 'Bod opslaan als concept' }).click();
    await corp.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    await corp
      .getByRole('cell', { name: `${jaar + 1}` })
      .first()
      .waitFor();
    await corp.getByRole('button', { name: 'Bod verzenden' }).click();
    await corp.getByText('Het bod is verzonden aan de gemeente en de huurdersorganisatie.').waitFor();
    await corp.getByText(/^Verzonden \d{2}-\d{2}-\d{4}/).waitFor();
    expect(await t.axe(corp)).toEqual([]);
    await t.screenshot(corp, 'bod-01-verzonden');
    const { rows } = await t.db.query(`SELECT status FROM bod WHERE titel = $1`, [TITEL]);
    expect(rows).toEqual([{ status: 'VERZONDEN' }]);
  });

  it('huurdersorganisatie: finds the received bod; it cannot start a prestatieafspraak', async () => {
    const huurders = await t.aanmelden('huurders.domstad');
    await naarMenu(huurders, 'Boden');
    await huurders.getByRole('link', { name: TITEL }).click();
    await huurders.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    await huurders.getByText('Sociale huurwoningen opleveren in Leidsche Rijn').waitFor();
    expect(
      await huurders.getByRole('button', { name: 'Prestatieafspraak starten uit dit bod' }).count(),
    ).toBe(0);
    expect(await t.axe(huurders)).toEqual([]);
  });

  it('gemeente: starts a prestatieafspraak from the bod, with the parties and the afspraak', async () => {
    const gemeente = await t.aanmelden('gemeente.utrecht');
    await naarMenu(gemeente, 'Boden');
    await gemeente.getByRole('heading', { level: 1, name: 'Boden' }).waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
    await gemeente.getByRole('link', { name: TITEL }).click();
    await gemeente.getByRole('button', { name: 'Prestatieafspraak starten uit dit bod' }).click();
    await gemeente.getByRole('heading', { level: 1, name: `Prestatieafspraken n.a.v. ${TITEL}` }).waitFor();
    await gemeente.getByText('Sociale huurwoningen opleveren in Leidsche Rijn').first().waitFor();
    await gemeente
      .getByRole('table', { name: 'Partijen' })
      .getByText('Huurdersvereniging Domstad')
      .first()
      .waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
    await t.screenshot(gemeente, 'bod-02-prestatieafspraak-uit-bod');
  });
});
