import { inflateSync } from 'node:zlib';

/**
 * Reads the text of a PDF written by Chromium (Skia): objects with FlateDecode content streams,
 * Type0 fonts with a ToUnicode CMap. Enough for tests to check what a reader sees (figures,
 * dates, metadata) without a PDF library. Text runs of one BT…ET block are joined; blocks are
 * separated by a newline. Also reads the document properties and the outline (bookmarks).
 */
interface Obj {
  nr: number;
  dict: string;
  stream?: Buffer;
}

function objecten(pdf: Buffer): Map<number, Obj> {
  const s = pdf.toString('latin1');
  const uit = new Map<number, Obj>();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const einde = s.indexOf('endobj', start);
    if (einde < 0) break;
    const lichaam = s.slice(start, einde);
    const si = lichaam.indexOf('stream');
    let obj: Obj;
    if (si >= 0 && !lichaam.slice(0, si).includes('endstream')) {
      const dict = lichaam.slice(0, si);
      let begin = start + si + 'stream'.length;
      if (s[begin] === '\r') begin++;
      if (s[begin] === '\n') begin++;
      const eind = s.lastIndexOf('endstream', einde);
      let data = pdf.subarray(begin, eind);
      if (/\/FlateDecode/.test(dict)) {
        try {
          data = inflateSync(data);
        } catch {
          /* not all streams are text */
        }
      }
      obj = { nr: Number(m[1]), dict, stream: data };
    } else {
      obj = { nr: Number(m[1]), dict: lichaam };
    }
    uit.set(obj.nr, obj); // a later version (incremental update) replaces an earlier one
    re.lastIndex = einde;
  }
  return uit;
}

function cmap(tekst: string): Map<number, string> {
  const kaart = new Map<number, string>();
  const uni = (hex: string) => {
    const b = Buffer.from(hex, 'hex');
    let out = '';
    for (let i = 0; i + 1 < b.length; i += 2) out += String.fromCharCode(b.readUInt16BE(i));
    return out;
  };
  for (const blok of tekst.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of blok[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      kaart.set(parseInt(p[1], 16), uni(p[2]));
  }
  for (const blok of tekst.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const p of blok[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const a = parseInt(p[1], 16);
      const b = parseInt(p[2], 16);
      if (p[3].startsWith('[')) {
        const lijst = [...p[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => uni(x[1]));
        for (let c = a; c <= b; c++) kaart.set(c, lijst[c - a] ?? '');
      } else {
        const basis = uni(p[3].slice(1, -1));
        for (let c = a; c <= b; c++)
          kaart.set(
            c,
            basis.slice(0, -1) + String.fromCharCode(basis.charCodeAt(basis.length - 1) + (c - a)),
          );
      }
    }
  }
  return kaart;
}

const ref = (dict: string, sleutel: string) => {
  const m = new RegExp(`/${sleutel}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

export function pdfTekst(pdf: Buffer): string {
  const obj = objecten(pdf);
  const kaarten = new Map<number, Map<number, string>>();
  const kaartVan = (fontNr: number) => {
    if (!kaarten.has(fontNr)) {
      const f = obj.get(fontNr);
      const tu = f ? ref(f.dict, 'ToUnicode') : null;
      kaarten.set(
        fontNr,
        tu && obj.get(tu)?.stream ? cmap(obj.get(tu)!.stream!.toString('latin1')) : new Map(),
      );
    }
    return kaarten.get(fontNr)!;
  };
  const paginas = [...obj.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  // page order: the /Kids of the page tree(s), in order
  const volgorde: number[] = [];
  for (const o of obj.values()) {
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) volgorde.push(Number(k[1]));
    }
  }
  paginas.sort((a, b) => volgorde.indexOf(a.nr) - volgorde.indexOf(b.nr));
  const uit: string[] = [];
  for (const p of paginas) {
    let res = p.dict;
    const resNr = ref(p.dict, 'Resources');
    if (resNr) res = obj.get(resNr)!.dict;
    const fontDict =
      /\/Font\s*<<([^>]*)>>/.exec(res)?.[1] ?? (ref(res, 'Font') ? obj.get(ref(res, 'Font')!)!.dict : '');
    const fonts = new Map(
      [...fontDict.matchAll(/\/(\S+?)\s+(\d+)\s+0\s+R/g)].map((m) => [m[1], Number(m[2])]),
    );
    const inhoud =
      /\/Contents\s*\[([^\]]*)\]/.exec(p.dict)?.[1] ?? /\/Contents\s+(\d+\s+0\s+R)/.exec(p.dict)?.[1] ?? '';
    for (const c of inhoud.matchAll(/(\d+)\s+0\s+R/g)) {
      const stroom = obj.get(Number(c[1]))?.stream?.toString('latin1') ?? '';
      let kaart = new Map<number, string>();
      let blok = '';
      const decodeer = (hex: string) => {
        let t = '';
        for (let i = 0; i + 3 < hex.length + 1; i += 4)
          t += kaart.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
        return t;
      };
      for (const tok of stroom.matchAll(
        /\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\b(ET)\b/g,
      )) {
        if (tok[1] !== undefined) kaart = kaartVan(fonts.get(tok[1]) ?? -1);
        else if (tok[2] !== undefined) blok += decodeer(tok[2]);
        else if (tok[3] !== undefined) {
          for (const d of tok[3].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
            if (d[1] !== undefined) blok += decodeer(d[1]);
            else if (Number(d[2]) < -200) blok += ' ';
          }
        } else if (tok[4]) {
          uit.push(blok);
          blok = '';
        }
      }
      if (blok) uit.push(blok);
    }
  }
  // ligatures (ﬁ, ﬂ, ﬀ) as the letters they stand for
  return uit.join('\n').normalize('NFKC');
}

/** The document information dictionary and catalog entries a reader's "properties" show. */
export function pdfEigenschappen(pdf: Buffer): {
  titel?: string;
  taal?: string;
  auteur?: string;
  onderwerp?: string;
  bladwijzers: number;
  tagged: boolean;
} {
  const s = pdf.toString('latin1');
  const obj = objecten(pdf);
  const trailers = [...s.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref/g)];
  const laatste = trailers[trailers.length - 1]?.[1] ?? '';
  const info = ref(laatste, 'Info');
  const root = ref(laatste, 'Root');
  const catalogus = root ? obj.get(root)!.dict : '';
  const tekst = (dict: string, k: string) => {
    const hex = new RegExp(`/${k}\\s*<([0-9a-fA-F]+)>`).exec(dict);
    if (hex) {
      const b = Buffer.from(hex[1], 'hex');
      if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
      return b.toString('latin1');
    }
    return new RegExp(`/${k}\\s*\\(([^)]*)\\)`).exec(dict)?.[1];
  };
  const infoDict = info ? obj.get(info)!.dict : '';
  const outlines = ref(catalogus, 'Outlines');
  const count = outlines ? Number(/\/Count\s+(-?\d+)/.exec(obj.get(outlines)!.dict)?.[1] ?? 0) : 0;
  return {
    titel: tekst(infoDict, 'Title'),
    taal: tekst(catalogus, 'Lang'),
    auteur: tekst(infoDict, 'Author'),
    onderwerp: tekst(infoDict, 'Subject'),
    bladwijzers: Math.abs(count),
    tagged: /\/StructTreeRoot/.test(catalogus) && /\/Marked\s+true/.test(s),
  };
}
