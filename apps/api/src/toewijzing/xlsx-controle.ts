import * as zlib from 'node:zlib';
import { formatGetal, IMPORT_GRENZEN } from '@thuismonitor/domain';
import { BestandWeigering } from './bestand-weigering';

/**
 * Checks an XLSX file (a zip) against IMPORT_GRENZEN before any XML is parsed. A 50 KB zip can
 * unpack to gigabytes, and a streaming reader still keeps the whole shared strings table in
 * memory, so both are measured here first:
 *
 * 1. the central directory: number of entries, no ZIP64, the declared uncompressed sizes;
 * 2. every entry is inflated as a stream (16 KB at a time, nothing kept) and counted: the real
 *    size may not exceed the declared one, nor the limits (a lying header is refused too);
 * 3. entries must cover the file without gaps: a streaming zip reader (exceljs uses one) reads
 *    local headers one after another, so bytes outside the central directory could hide entries
 *    that step 2 never measured;
 * 4. xl/sharedStrings.xml: its size and its number of strings (<si> elements).
 *
 * Everything runs in the import worker thread; the cost is one extra inflate of the file.
 */
export async function controleerXlsx(buffer: Buffer): Promise<void> {
  const { entries, cdOffset } = leesCentraleDirectory(buffer);
  if (entries.length > IMPORT_GRENZEN.xlsxBestandenInZip) {
    throw weiger(
      `Het Excel-bestand bestaat uit meer dan ${formatGetal(IMPORT_GRENZEN.xlsxBestandenInZip)} onderdelen.`,
    );
  }
  const gedeclareerd = entries.reduce((s, e) => s + e.uitgepakt, 0);
  if (gedeclareerd > IMPORT_GRENZEN.xlsxUitgepaktBytes) throw teGroot();

  controleerAaneengesloten(buffer, entries, cdOffset);

  let totaal = 0;
  for (const e of entries) {
    const gedeeld = e.naam.toLowerCase() === 'xl/sharedstrings.xml';
    if (gedeeld && e.uitgepakt > IMPORT_GRENZEN.gedeeldeTekstenBytes) throw teVeelTekst();
    const { bytes, teksten } = await meetEntry(buffer, e, gedeeld);
    totaal += bytes;
    if (totaal > IMPORT_GRENZEN.xlsxUitgepaktBytes) throw teGroot();
    if (gedeeld && teksten > IMPORT_GRENZEN.gedeeldeTeksten) {
      throw weiger(
        `Het Excel-bestand bevat meer dan ${formatGetal(IMPORT_GRENZEN.gedeeldeTeksten)} verschillende teksten. ` +
          'Sla alleen de toewijzingen op (één werkblad, zonder andere gegevens) of lever een CSV-bestand aan.',
      );
    }
  }
}

interface ZipEntry {
  naam: string;
  methode: number;
  vlaggen: number;
  gecomprimeerd: number;
  uitgepakt: number;
  lokaleOffset: number;
}

const weiger = (melding: string) => new BestandWeigering(melding);
const beschadigd = () =>
  weiger(
    'Het Excel-bestand is beschadigd of geen gewoon .xlsx-bestand. Sla het opnieuw op als .xlsx of lever een CSV-bestand aan.',
  );
const teGroot = () =>
  weiger(
    `Het Excel-bestand is uitgepakt groter dan ${formatGetal(IMPORT_GRENZEN.xlsxUitgepaktBytes / 1024 / 1024)} MB. ` +
      'Splits het in kleinere bestanden (bijvoorbeeld per kwartaal) of lever een CSV-bestand aan.',
  );
const teVeelTekst = () =>
  weiger(
    `De teksten in het Excel-bestand zijn samen groter dan ${formatGetal(IMPORT_GRENZEN.gedeeldeTekstenBytes / 1024 / 1024)} MB. ` +
      'Sla alleen de toewijzingen op of lever een CSV-bestand aan.',
  );

function leesCentraleDirectory(b: Buffer): { entries: ZipEntry[]; cdOffset: number } {
  // End of central directory record: the last 22 bytes plus a comment of at most 65,535 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw beschadigd();
  const aantal = b.readUInt16LE(eocd + 10);
  const cdGrootte = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  // ZIP64 marks: an .xlsx that needs ZIP64 is far beyond every limit anyway
  if (aantal === 0xffff || cdOffset === 0xffffffff || cdGrootte === 0xffffffff) throw teGroot();
  if (aantal > IMPORT_GRENZEN.xlsxBestandenInZip) {
    throw weiger(
      `Het Excel-bestand bestaat uit meer dan ${formatGetal(IMPORT_GRENZEN.xlsxBestandenInZip)} onderdelen.`,
    );
  }
  if (cdOffset + cdGrootte > eocd) throw beschadigd();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== 0x02014b50) throw beschadigd();
    const naamLengte = b.readUInt16LE(p + 28);
    const extra = b.readUInt16LE(p + 30);
    const commentaar = b.readUInt16LE(p + 32);
    const e: ZipEntry = {
      vlaggen: b.readUInt16LE(p + 8),
      methode: b.readUInt16LE(p + 10),
      gecomprimeerd: b.readUInt32LE(p + 20),
      uitgepakt: b.readUInt32LE(p + 24),
      lokaleOffset: b.readUInt32LE(p + 42),
      naam: b.toString('utf8', p + 46, p + 46 + naamLengte),
    };
    if (e.gecomprimeerd === 0xffffffff || e.uitgepakt === 0xffffffff || e.lokaleOffset === 0xffffffff)
      throw teGroot();
    if (e.methode !== 0 && e.methode !== 8) throw beschadigd();
    entries.push(e);
    p += 46 + naamLengte + extra + commentaar;
  }
  return { entries, cdOffset };
}

/** Start of an entry's data: after its local header (whose name and extra lengths may differ from the central one). */
function dataStart(b: Buffer, e: ZipEntry): number {
  if (e.lokaleOffset + 30 > b.length || b.readUInt32LE(e.lokaleOffset) !== 0x04034b50) throw beschadigd();
  return e.lokaleOffset + 30 + b.readUInt16LE(e.lokaleOffset + 26) + b.readUInt16LE(e.lokaleOffset + 28);
}

function controleerAaneengesloten(b: Buffer, entries: ZipEntry[], cdOffset: number): void {
  let verwacht = 0;
  for (const e of [...entries].sort((x, y) => x.lokaleOffset - y.lokaleOffset)) {
    if (e.lokaleOffset !== verwacht) throw beschadigd();
    let eind = dataStart(b, e) + e.gecomprimeerd;
    // bit 3: a data descriptor follows the data (12 bytes, or 16 with its optional signature)
    if (e.vlaggen & 0x8) eind += eind + 4 <= b.length && b.readUInt32LE(eind) === 0x08074b50 ? 16 : 12;
    verwacht = eind;
  }
  if (verwacht !== cdOffset) throw beschadigd();
}

/** Inflates one entry as a stream, counting bytes (and `<si` tags of the shared strings), keeping nothing. */
function meetEntry(b: Buffer, e: ZipEntry, telTeksten: boolean): Promise<{ bytes: number; teksten: number }> {
  const start = dataStart(b, e);
  const data = b.subarray(start, start + e.gecomprimeerd);
  const grens = Math.min(e.uitgepakt, IMPORT_GRENZEN.xlsxUitgepaktBytes);
  if (e.methode === 0)
    return Promise.resolve({ bytes: data.length, teksten: telTeksten ? telSi(data, Buffer.alloc(0)) : 0 });
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 16 * 1024 });
    let bytes = 0;
    let teksten = 0;
    let staart = Buffer.alloc(0);
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > grens) {
        inflate.destroy();
        // more than declared: a lying header; more than the limit: too large
        reject(
          bytes > e.uitgepakt && e.uitgepakt < IMPORT_GRENZEN.xlsxUitgepaktBytes ? beschadigd() : teGroot(),
        );
        return;
      }
      if (telTeksten) {
        teksten += telSi(chunk, staart);
        staart = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 3)));
      }
    });
    inflate.on('error', () => reject(beschadigd()));
    inflate.on('end', () => resolve({ bytes, teksten }));
    inflate.end(data);
  });
}

/** Occurrences of `<si>` or `<si ` in staart+chunk that end inside chunk. */
function telSi(chunk: Buffer, staart: Buffer): number {
  const b = staart.length ? Buffer.concat([staart, chunk.subarray(0, 3)]) : Buffer.alloc(0);
  let n = 0;
  const tel = (buf: Buffer, vanaf: number, tot: number) => {
    let i = buf.indexOf('<si', vanaf);
    while (i >= 0 && i < tot) {
      const volgend = buf[i + 3];
      if (volgend === 0x3e || volgend === 0x20) n++;
      i = buf.indexOf('<si', i + 1);
    }
  };
  // matches that start in the tail of the previous chunk
  if (b.length) tel(b, 0, staart.length);
  tel(chunk, 0, chunk.length);
  return n;
}
