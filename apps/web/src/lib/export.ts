/**
 * Export of a table as CSV or XLSX from what the screen shows (issue 14). The figures come from the
 * rendered table itself — the same API answer, the same suppression and rounding — so an export can
 * never disclose more or differ from the screen. CSV: semicolon-separated, UTF-8 with BOM, the
 * texts exactly as shown (what Excel with Dutch settings expects). XLSX: numeric columns as numbers.
 */
import { neutraliseerCel } from '@thuismonitor/domain';
import { parseGetal } from './format';

export interface TabelInhoud {
  titel: string;
  koppen: string[];
  /** per column: right-aligned numeric column on screen */
  numeriek: boolean[];
  rijen: string[][];
}

/** Text of a cell as the eye reads it: without screen-reader-only additions, whitespace collapsed. */
function celTekst(cel: Element): string {
  const kopie = cel.cloneNode(true) as Element;
  kopie.querySelectorAll('.tm-visually-hidden, [aria-hidden="true"]').forEach((e) => e.remove());
  return (kopie.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function leesTabel(tabel: HTMLTableElement): TabelInhoud {
  const kopRij = tabel.tHead?.rows[0];
  const koppen = kopRij ? [...kopRij.cells].map(celTekst) : [];
  const numeriek = kopRij
    ? [...kopRij.cells].map((c) => c.classList.contains('utrecht-table__header-cell--numeric-column'))
    : [];
  const rijen: string[][] = [];
  for (const body of tabel.tBodies) {
    for (const rij of body.rows) {
      // the "no data" row spans every column: nothing to export
      if (rij.cells.length === 1 && koppen.length > 1) continue;
      rijen.push([...rij.cells].map(celTekst));
    }
  }
  if (tabel.tFoot) for (const rij of tabel.tFoot.rows) rijen.push([...rij.cells].map(celTekst));
  return { titel: tabel.caption ? celTekst(tabel.caption) : 'Tabel', koppen, numeriek, rijen };
}

/**
 * A CSV field: a text that a spreadsheet would start as a formula gets the apostrophe (OWASP CSV
 * injection rule, libs/domain spreadsheet-veilig.ts, the same rule as the API's exports), then
 * quoted where it holds the separator, a quote or a line break. XLSX below needs no apostrophe:
 * an inline string cell is text, never a formula.
 */
const csvVeld = (waarde: string) => {
  const t = neutraliseerCel(waarde);
  return /[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function naarCsv(inhoud: TabelInhoud): Blob {
  const regels = [inhoud.koppen, ...inhoud.rijen].map((r) => r.map(csvVeld).join(';'));
  return new Blob(['\uFEFF' + regels.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/**
 * A number for a numeric cell ("1.234" → 1234, "45,2%" → 45.2); undefined for '–', suppressed
 * values ("< 5") and anything else that is not a plain figure, which then stays text.
 */
export function celGetal(tekst: string): number | undefined {
  const t = tekst.replace(/\s?%$/, '');
  if (!/^-?[\d.]+(,\d+)?$/.test(t)) return undefined;
  return parseGetal(t);
}

const xml = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 does not allow
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function kolomLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function werkblad(inhoud: TabelInhoud): string {
  const cel = (tekst: string, r: number, k: number, kop: boolean) => {
    const ref = `${kolomLetter(k)}${r}`;
    const getal = !kop && inhoud.numeriek[k] ? celGetal(tekst) : undefined;
    if (getal !== undefined) return `<c r="${ref}"><v>${getal}</v></c>`;
    return `<c r="${ref}" t="inlineStr"${kop ? ' s="1"' : ''}><is><t xml:space="preserve">${xml(tekst)}</t></is></c>`;
  };
  const rijen = [inhoud.koppen, ...inhoud.rijen]
    .map((rij, i) => `<row r="${i + 1}">${rij.map((t, k) => cel(t, i + 1, k, i === 0)).join('')}</row>`)
    .join('');
  const breedtes = inhoud.koppen
    .map((kop, k) => {
      const langst = Math.max(kop.length, ...inhoud.rijen.map((r) => (r[k] ?? '').length));
      return `<col min="${k + 1}" max="${k + 1}" width="${Math.min(60, Math.max(8, langst + 2))}" customWidth="1"/>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    (breedtes ? `<cols>${breedtes}</cols>` : '') +
    `<sheetData>${rijen}</sheetData></worksheet>`
  );
}

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\ */
function bladNaam(titel: string): string {
  return (
    titel
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Tabel'
  );
}

export function naarXlsx(inhoud: TabelInhoud): Blob {
  const bestanden: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${xml(bladNaam(inhoud.titel))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '</styleSheet>',
    ],
    ['xl/worksheets/sheet1.xml', werkblad(inhoud)],
  ];
  return new Blob([zip(bestanden)], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

// --- a minimal ZIP writer (stored entries, CRC-32), enough for an XLSX package -------------------

const CRC_TABEL = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABEL[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(bestanden: [string, string][]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const delen: Uint8Array[] = [];
  const centraal: Uint8Array[] = [];
  let positie = 0;
  for (const [naam, tekst] of bestanden) {
    const n = enc.encode(naam);
    const data = enc.encode(tekst);
    const crc = crc32(data);
    const lokaal = new DataView(new ArrayBuffer(30));
    lokaal.setUint32(0, 0x04034b50, true);
    lokaal.setUint16(4, 20, true); // version needed
    lokaal.setUint16(6, 0x0800, true); // UTF-8 names
    lokaal.setUint16(8, 0, true); // stored
    lokaal.setUint32(14, crc, true);
    lokaal.setUint32(18, data.length, true);
    lokaal.setUint32(22, data.length, true);
    lokaal.setUint16(26, n.length, true);
    delen.push(new Uint8Array(lokaal.buffer), n, data);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, n.length, true);
    c.setUint32(42, positie, true);
    centraal.push(new Uint8Array(c.buffer), n);
    positie += 30 + n.length + data.length;
  }
  const grootte = centraal.reduce((s, d) => s + d.length, 0);
  const eind = new DataView(new ArrayBuffer(22));
  eind.setUint32(0, 0x06054b50, true);
  eind.setUint16(8, bestanden.length, true);
  eind.setUint16(10, bestanden.length, true);
  eind.setUint32(12, grootte, true);
  eind.setUint32(16, positie, true);
  const alles = [...delen, ...centraal, new Uint8Array(eind.buffer)];
  const uit = new Uint8Array(alles.reduce((s, d) => s + d.length, 0));
  let o = 0;
  for (const d of alles) {
    uit.set(d, o);
    o += d.length;
  }
  return uit;
}

/** Saves a blob under a file name (temporary link, as for the server's downloads). */
export function bewaar(blob: Blob, naam: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = naam;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A file name from a title: lower case, letters/digits/hyphens only. */
export function bestandsnaam(titel: string): string {
  return (
    titel
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'tabel'
  );
}
