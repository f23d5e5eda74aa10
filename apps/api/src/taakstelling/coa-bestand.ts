/**
 * COA's realisation of the statushouders taakstelling per gemeente per month, as a CSV file.
 *
 * COA reports the persons housed per gemeente monthly (Opnieuw Thuis: "Deze cijfers worden
 * maandelijks opgesteld"), but no machine-readable public layout of that overview could be found
 * (docs/decisions.md). So the product defines one, documented here and on the upload page:
 *
 *   gemeentecode;gemeente;maand;personen
 *   GM0344;Utrecht;2026-01;42
 *
 * - one header line; column names in any case, separator ';' (Dutch Excel) or ',';
 * - `gemeentecode` (GM0344, 0344 or 344) or `gemeente` (the CBS name, "Den Haag" etc.); at least
 *   one of the two columns; when both are filled they must name the same gemeente;
 * - `maand`: 2026-01, 01-2026 or "januari 2026";
 * - `personen` (also `aantal personen`, `gehuisvest`, `realisatie`): the persons housed IN that
 *   month (not a running total), a whole number ≥ 0;
 * - every gemeente and month at most once. A month may not lie after the current month.
 *
 * Pure: no database. Returns the rows or every error by line (Dutch, for end users).
 */

export interface CoaRij {
  gemeenteCode: string;
  /** first day of the month, jjjj-mm-01 */
  maand: string;
  personen: number;
}

export interface CoaRegelFout {
  regel: number;
  melding: string;
}

export type CoaUitkomst = { ok: true; rijen: CoaRij[] } | { ok: false; fouten: CoaRegelFout[] };

export const COA_MAX_REGELS = 50_000;

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

const KOLOMMEN: Record<'code' | 'naam' | 'maand' | 'personen', readonly string[]> = {
  code: ['gemeentecode', 'gemeente code', 'cbs code', 'cbscode', 'code'],
  naam: ['gemeente', 'gemeentenaam', 'naam'],
  maand: ['maand', 'periode'],
  personen: ['personen', 'aantal personen', 'gehuisvest', 'realisatie', 'aantal'],
};

function splitRegel(regel: string, sep: string): string[] {
  const uit: string[] = [];
  let veld = '';
  let inQuote = false;
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i];
    if (inQuote) {
      if (c === '"' && regel[i + 1] === '"') {
        veld += '"';
        i++;
      } else if (c === '"') inQuote = false;
      else veld += c;
    } else if (c === '"') inQuote = true;
    else if (c === sep) {
      uit.push(veld);
      veld = '';
    } else veld += c;
  }
  uit.push(veld);
  return uit.map((v) => v.trim());
}

/** '2026-01', '2026-1', '01-2026', '1/2026', 'januari 2026', 'jan 2026' → '2026-01-01' */
export function leesMaand(waarde: string): string | undefined {
  const w = waarde.trim().toLowerCase();
  let jaar: number | undefined;
  let maand: number | undefined;
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(w);
  if (m) [jaar, maand] = [Number(m[1]), Number(m[2])];
  m = m ? m : /^(\d{1,2})[-/](\d{4})$/.exec(w);
  if (m && jaar === undefined) [maand, jaar] = [Number(m[1]), Number(m[2])];
  const woord = /^([a-z]+)\.?\s+(\d{4})$/.exec(w);
  if (woord) {
    const i = MAANDEN.findIndex((n) => n === woord[1] || (woord[1].length >= 3 && n.startsWith(woord[1])));
    if (i >= 0) [maand, jaar] = [i + 1, Number(woord[2])];
  }
  if (jaar === undefined || maand === undefined || maand < 1 || maand > 12 || jaar < 2000 || jaar > 2100)
    return undefined;
  return `${jaar}-${String(maand).padStart(2, '0')}-01`;
}

function leesCode(waarde: string): string | undefined {
  const m = /^(?:gm)?\s*(\d{1,4})$/i.exec(waarde.trim());
  return m ? `GM${m[1].padStart(4, '0')}` : undefined;
}

const maandTekst = (iso: string) => `${MAANDEN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/**
 * @param bekendeCode   is this a gemeente code of the reference data?
 * @param zoekNaam      a gemeente name → code (domain maakGemeenteZoeker), undefined when unknown or ambiguous
 * @param huidigeMaand  the current month (jjjj-mm-01, Europe/Amsterdam): later months are refused
 */
export function leesCoaBestand(
  inhoud: string,
  bekendeCode: (code: string) => boolean,
  zoekNaam: (naam: string) => string | undefined,
  huidigeMaand: string,
): CoaUitkomst {
  const regels = inhoud.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (regels.length && regels[regels.length - 1].trim() === '') regels.pop();
  if (regels.length === 0 || regels[0].trim() === '')
    return { ok: false, fouten: [{ regel: 1, melding: 'Het bestand is leeg.' }] };
  if (regels.length - 1 > COA_MAX_REGELS)
    return {
      ok: false,
      fouten: [{ regel: 1, melding: `Het bestand heeft meer dan ${COA_MAX_REGELS} regels.` }],
    };
  const sep = (regels[0].match(/;/g)?.length ?? 0) >= (regels[0].match(/,/g)?.length ?? 0) ? ';' : ',';
  const kop = splitRegel(regels[0], sep).map((k) => k.toLowerCase().replace(/\s+/g, ' '));
  const index = (soort: keyof typeof KOLOMMEN) => kop.findIndex((k) => KOLOMMEN[soort].includes(k));
  const kol = {
    code: index('code'),
    naam: index('naam'),
    maand: index('maand'),
    personen: index('personen'),
  };
  const kopFouten: string[] = [];
  if (kol.code < 0 && kol.naam < 0) kopFouten.push('een kolom "gemeentecode" of "gemeente"');
  if (kol.maand < 0) kopFouten.push('een kolom "maand"');
  if (kol.personen < 0) kopFouten.push('een kolom "personen"');
  if (kopFouten.length)
    return {
      ok: false,
      fouten: [
        {
          regel: 1,
          melding: `De kopregel mist ${kopFouten.join(', ')}. Verwacht: gemeentecode;gemeente;maand;personen.`,
        },
      ],
    };

  const fouten: CoaRegelFout[] = [];
  const rijen: CoaRij[] = [];
  const gezien = new Map<string, number>();
  for (let i = 1; i < regels.length; i++) {
    const nr = i + 1;
    if (regels[i].trim() === '') continue;
    const velden = splitRegel(regels[i], sep);
    const v = (k: number) => (k >= 0 ? (velden[k] ?? '') : '');
    const eigen: string[] = [];

    const codeTekst = v(kol.code);
    const naamTekst = v(kol.naam);
    let code: string | undefined;
    if (codeTekst) {
      const c = leesCode(codeTekst);
      if (!c || !bekendeCode(c)) eigen.push(`gemeentecode "${kort(codeTekst)}" bestaat niet`);
      else code = c;
    }
    if (naamTekst) {
      const c = zoekNaam(naamTekst);
      if (!c) {
        if (!codeTekst)
          eigen.push(`gemeente "${kort(naamTekst)}" is onbekend of niet eenduidig; vul de gemeentecode in`);
      } else if (code && c !== code) {
        eigen.push(`gemeentecode ${code} en gemeente "${kort(naamTekst)}" horen niet bij elkaar`);
      } else code = c;
    }
    if (!codeTekst && !naamTekst) eigen.push('gemeente ontbreekt');

    const maandTekstRuw = v(kol.maand);
    const maand = maandTekstRuw ? leesMaand(maandTekstRuw) : undefined;
    if (!maandTekstRuw) eigen.push('maand ontbreekt');
    else if (!maand) eigen.push(`maand "${kort(maandTekstRuw)}" is onleesbaar; schrijf bijvoorbeeld 2026-01`);
    else if (maand > huidigeMaand) eigen.push(`maand ${maandTekst(maand)} ligt in de toekomst`);

    const personenTekst = v(kol.personen).replace(/\s/g, '');
    let personen: number | undefined;
    if (personenTekst === '') eigen.push('aantal personen ontbreekt');
    else if (!/^\d+$/.test(personenTekst))
      eigen.push(`aantal personen "${kort(v(kol.personen))}" is geen geheel getal van 0 of meer`);
    else personen = Number(personenTekst);

    if (code && maand && !eigen.length) {
      const sleutel = `${code}|${maand}`;
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined)
        eigen.push(`${code} staat voor ${maandTekst(maand)} ook al op regel ${eerder}`);
      else gezien.set(sleutel, nr);
    }
    if (eigen.length) fouten.push({ regel: nr, melding: `Regel ${nr}: ${eigen.join('; ')}.` });
    else rijen.push({ gemeenteCode: code!, maand: maand!, personen: personen! });
  }
  if (fouten.length) return { ok: false, fouten };
  if (rijen.length === 0)
    return { ok: false, fouten: [{ regel: 2, melding: 'Het bestand bevat geen gegevensregels.' }] };
  return { ok: true, rijen };
}

/** A cell quoted back in an error, shortened: a message must not echo a whole file. */
function kort(tekst: string): string {
  return tekst.length > 80 ? `${tekst.slice(0, 80)}…` : tekst;
}
