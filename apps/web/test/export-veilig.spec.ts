import { naarCsv } from '../src/lib/export';

/**
 * The web app's table export (apps/web/src/lib/export.ts) writes what the screen shows. A text on
 * screen can come from another organisation (a project name, an afspraak's omschrijving), so its
 * CSV follows the same formula rule as the API's exports (libs/domain spreadsheet-veilig.ts, OWASP
 * CSV injection): no cell starts a formula, a plain number stays a number.
 */
describe('table export: CSV cells never start a formula', () => {
  it('puts an apostrophe before formula-like text, quotes where needed, leaves numbers alone', async () => {
    const blob = naarCsv({
      titel: 'Projecten',
      koppen: ['Naam', 'Aantal'],
      numeriek: [false, true],
      rijen: [
        ['=HYPERLINK("https://example.org?"&A1;"klik")', '12'],
        ["+cmd|' /C calc'!A0", '-0,05'],
        ['@SUM(A1)', '-2%'],
        ['Gewoon; met puntkomma', '1.234'],
      ],
    });
    const tekst = (await blob.text()).replace(/^\uFEFF/, '');
    expect(tekst.split('\r\n')).toEqual([
      'Naam;Aantal',
      `"'=HYPERLINK(""https://example.org?""&A1;""klik"")";12`,
      `'+cmd|' /C calc'!A0;-0,05`,
      `'@SUM(A1);-2%`,
      '"Gewoon; met puntkomma";1.234',
      '',
    ]);
  });
});
