/**
 * Document properties Chromium's print-to-PDF does not write: the catalog's /Lang (the document
 * language screen readers use) and the /Info entries author, subject and keywords. Added as an
 * incremental update (PDF 32000-1:2008, 7.5.6): the original bytes stay as they are, a new
 * version of the catalog and a new /Info dictionary are appended with their own xref section.
 * Chromium writes a classic xref table and trailer, which is what this reads.
 */
export interface PdfEigenschappen {
  titel: string;
  taal: string;
  auteur: string;
  onderwerp: string;
  trefwoorden: string;
}

/** a PDF text string in UTF-16BE with BOM (any character, no escaping problems) */
function pdfTekst(s: string): string {
  const b = Buffer.from(`\ufeff${s}`, 'utf16le');
  b.swap16();
  return `<${b.toString('hex')}>`;
}

export function metPdfEigenschappen(pdf: Buffer, e: PdfEigenschappen): Buffer {
  const staart = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(staart);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(staart);
  if (!startxref || !trailer)
    throw new Error('PDF without a classic trailer: cannot add document properties');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer[1])?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  if (!size || !root) throw new Error('PDF trailer without /Size or /Root');
  const tekst = pdf.toString('latin1');
  const catalogus = new RegExp(`(?:^|\\s)${root[1]}\\s+${root[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(
    tekst,
  );
  if (!catalogus) throw new Error('PDF catalog not found');
  const dict = catalogus[1].replace(/\/Lang\s*\([^)]*\)/, '');
  const infoNr = size;
  const onderdelen = [
    `${root[1]} ${root[2]} obj\n<<${dict} /Lang (${e.taal.replace(/[()\\]/g, '')})>>\nendobj\n`,
    `${infoNr} 0 obj\n<< /Title ${pdfTekst(e.titel)} /Author ${pdfTekst(e.auteur)} /Subject ${pdfTekst(e.onderwerp)} /Keywords ${pdfTekst(e.trefwoorden)} /Creator ${pdfTekst('Thuismonitor')} /Producer ${pdfTekst('Chromium (tagged print-to-PDF)')} >>\nendobj\n`,
  ];
  let positie = pdf.length + 1; // after the newline we put first
  const offsets: number[] = [];
  let aanvulling = '\n';
  for (const o of onderdelen) {
    offsets.push(positie);
    aanvulling += o;
    positie += Buffer.byteLength(o, 'latin1');
  }
  const xref = positie;
  const regel = (n: number) => `${String(n).padStart(10, '0')} 00000 n \n`;
  aanvulling +=
    `xref\n${root[1]} 1\n${regel(offsets[0])}${infoNr} 1\n${regel(offsets[1])}` +
    `trailer\n<< /Size ${infoNr + 1} /Root ${root[1]} ${root[2]} R /Info ${infoNr} 0 R /Prev ${startxref[1]} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(aanvulling, 'latin1')]);
}
