import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The yearly evaluation in the browser (issue 12, item 3): a vastgestelde prestatieafspraak of
 * Utrecht, Domstad and its huurders ran last year; the huurdersvereniging gives an oordeel, the
 * gemeente cannot fix it before the explanation for "deels" is there, then fixes it; a geschil is
 * registered below it. Axe on every screen.
 */
describe('webapp: evaluatie en geschil', () => {
  let t: WebTestApp;
  let paId: string;
  const vorigJaar = new Date().getFullYear() - 1;

  beforeAll(async () => {
    t = await startWebApp();
    // arranged as the owner: a prestatieafspraak for last year, signed by gemeente and corporatie
    const id = async (code: string) =>
      (await t.db.query('SELECT id FROM organisatie WHERE code = $1', [code])).rows[0].id;
    const [gm, l, ho] = [await id('GM0344'), await id('L0801'), await id('HO-DOMSTAD')];
    paId = (
      await t.db.query(
        `INSERT INTO prestatieafspraak (gemeente_code, titel, jaar_van, jaar_tot, status, opgesteld_door_id, vastgesteld_op)
         VALUES ('GM0344', 'Afspraken Utrecht', $1, $2, 'VASTGESTELD', $3, now()) RETURNING id`,
        [vorigJaar, vorigJaar + 1, gm],
      )
    ).rows[0].id;
    for (const p of [gm, l, ho])
      await t.db.query(
        'INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)',
        [paId, p],
      );
    const afspraak = (
      await t.db.query(
        `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, omschrijving, soort, indicator_code, catalogus_versie, verantwoordelijke_id)
         VALUES ($1, 1, 'VOLDOENDE_WONINGEN', 'Domstad levert sociale huurwoningen op', 'INDICATOR', 'SOCIALE_HUURWONINGEN_OPGELEVERD', '2026.1', $2) RETURNING id`,
        [paId, l],
      )
    ).rows[0].id;
    for (const j of [vorigJaar, vorigJaar + 1])
      await t.db.query(
        `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, waarde, peildatum) VALUES ($1, $2, $3, 120, $4)`,
        [afspraak, paId, j, `${j}-12-31`],
      );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('huurdersorganisatie: gives its oordeel with the figures from Thuismonitor beside it', async () => {
    const huurders = await t.aanmelden('huurders.domstad');
    await huurders.goto(`${t.url}/afspraken/${paId}`);
    await huurders.getByRole('link', { name: 'Evaluatie en geschillen' }).click();
    await huurders.getByRole('heading', { level: 1, name: `Evaluatie ${vorigJaar}` }).waitFor();
    await huurders
      .getByText(new RegExp(`^Doel ${vorigJaar}: 120; gerealiseerd volgens Thuismonitor:`))
      .waitFor();
    await huurders.getByLabel('Oordeel').selectOption({ label: 'Deels gerealiseerd' });
    await huurders.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await huurders.getByText('De evaluatie is opgeslagen.').waitFor();
    expect(await t.axe(huurders)).toEqual([]);
  });

  it('gemeente: needs the explanation first, then fixes the evaluation; registers a geschil', async () => {
    const gemeente = await t.aanmelden('gemeente.utrecht');
    await gemeente.goto(`${t.url}/afspraken/${paId}/evaluatie`);
    await gemeente.getByLabel('Oordeel').and(gemeente.locator('select')).waitFor();
    await gemeente.getByRole('button', { name: 'Evaluatie vaststellen' }).click();
    await gemeente
      .getByText(/Licht toe waarom afspraak 'Domstad levert sociale huurwoningen op' deels is gerealiseerd/)
      .first()
      .waitFor();
    await gemeente.getByLabel('Toelichting').fill('Twee projecten schoven door.');
    await gemeente.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await gemeente.getByText('De evaluatie is opgeslagen.').waitFor();
    await gemeente.getByRole('button', { name: 'Evaluatie vaststellen' }).click();
    await gemeente.getByText('De evaluatie is vastgesteld.').waitFor();
    await gemeente.getByText(/^Vastgesteld op \d{2}-\d{2}-\d{4} door Gemeente Utrecht/).waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
    await t.screenshot(gemeente, 'evaluatie-01-vastgesteld');

    await gemeente.getByLabel('Datum van het verzoek aan de minister (verplicht)').fill(`${vorigJaar}-08-15`);
    await gemeente
      .getByLabel('Waarover gaat het geschil (verplicht)')
      .fill('Geen overeenstemming over de huurverhoging');
    await gemeente.getByRole('button', { name: 'Geschil registreren' }).click();
    await gemeente.getByText('Het geschil is geregistreerd.').waitFor();
    await gemeente.getByRole('rowheader', { name: 'Geen overeenstemming over de huurverhoging' }).waitFor();
    expect(await t.axe(gemeente)).toEqual([]);
    const { rows } = await t.db.query('SELECT status FROM evaluatie WHERE prestatieafspraak_id = $1', [paId]);
    expect(rows).toEqual([{ status: 'VASTGESTELD' }]);
  });
});
