import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../support/test-app';
import {
  GROEP_ATOMEN,
  GROEPEN,
  URGENTIE_ATOMEN,
  URGENTIE_CATEGORIEEN,
  URGENTIE_JA_ATOMEN,
  dag,
  type Grootheid,
  type Observatie,
  type Principaal,
  type Term,
} from './model';

/**
 * Collects every figure a principal may get, over real HTTP: voortgang for every area level and
 * period shape, the afspraken progress, statushouders, kwartaalcijfers, and the quarterly report
 * files (CSV and XLSX). Built to survive the API changing underneath: small selections, new fields
 * ignored, refusals are simply "no answer", a field the schema no longer has falls back to less.
 */

/** Which attacked quantity (and which atoms of it) an indicator code is. */
export function grootheidVan(code: string): { grootheid: Grootheid; atomen: readonly string[] }[] {
  if (code === 'TOEWIJZINGEN_TOTAAL')
    return [
      { grootheid: 'HH_GROEP', atomen: GROEP_ATOMEN },
      { grootheid: 'HH_URGENTIE', atomen: URGENTIE_ATOMEN },
    ];
  if (code === 'TOEWIJZINGEN_VIA_URGENTIE') return [{ grootheid: 'HH_URGENTIE', atomen: URGENTIE_JA_ATOMEN }];
  const g = code.replace(/^TOEWIJZINGEN_/, '');
  if (code.startsWith('TOEWIJZINGEN_') && (GROEPEN as readonly string[]).includes(g))
    return [{ grootheid: 'HH_GROEP', atomen: [g] }];
  if (code === 'STATUSHOUDERS_GEHUISVEST') return [{ grootheid: 'P', atomen: ['STATUSHOUDERS'] }];
  if (code === 'HUISUITZETTINGEN' || code === 'VROEGSIGNALERING_TRAJECTEN' || code === 'UITSTROOM_WACHTEND')
    return [{ grootheid: `KC_${code}` as Grootheid, atomen: ['*'] }];
  return [];
}

/**
 * A shown figure as the attacker reads it: × (or anything marked suppressed) is unknown (null);
 * '–' (no data) is 0 for a count; undefined = not a count at all (empty, a percentage, text).
 */
export function leesGetal(c: unknown): number | null | undefined {
  if (c === null || c === undefined) return undefined;
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  if (typeof c === 'object') {
    const o = c as { waarde?: unknown; onderdrukt?: unknown; weergave?: unknown };
    if (o.onderdrukt === true) return null;
    if (typeof o.weergave === 'string' && o.weergave.includes('×')) return null;
    if (typeof o.waarde === 'number') return o.waarde;
    return leesGetal(o.weergave);
  }
  if (typeof c !== 'string') return undefined;
  const s = c.trim();
  if (s === '') return undefined;
  if (s.includes('×')) return null;
  if (s === '–' || s === '-') return 0;
  if (s.includes('%')) return undefined;
  const m = /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$/.exec(s);
  if (!m) return undefined;
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

export interface Gebied {
  soort: 'GEMEENTE' | 'WONINGMARKTREGIO' | 'PROVINCIE' | 'LAND';
  code: string;
}

export interface Periode {
  van: string;
  tot: string;
}

export class Verzamelaar {
  /** per gemeente-level area: its gemeenten (reference data, read once) */
  leden = new Map<string, string[]>();
  verzoeken = 0;
  weigeringen = 0;
  fouten: string[] = [];
  private volledig = true;

  constructor(
    private readonly t: TestApp,
    private readonly vandaag: string,
  ) {}

  async laadIndeling(): Promise<void> {
    const { rows } = await this.t.db.query(
      `SELECT code, provincie_code AS p, woningmarktregio_code AS r FROM gemeente`,
    );
    const voeg = (k: string, g: string) => {
      if (!this.leden.has(k)) this.leden.set(k, []);
      this.leden.get(k)!.push(g);
    };
    for (const r of rows) {
      voeg(`GEMEENTE:${r.code}`, r.code);
      voeg(`PROVINCIE:${r.p}`, r.code);
      voeg('LAND:NL', r.code);
      if (r.r) voeg(`WONINGMARKTREGIO:${r.r}`, r.code);
    }
  }

  private async gql(
    p: Principaal,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, any> | undefined> {
    this.verzoeken++;
    const r = await this.t.gql(p.als, query, variables);
    if (r.errors?.length || !r.data) {
      this.weigeringen++;
      const code = r.errors?.[0]?.extensions?.code;
      if (code === 'GRAPHQL_VALIDATION_FAILED' || r.status === 400)
        this.fouten.push(`${p.naam}: ${r.errors?.[0]?.message}`);
      return undefined;
    }
    return r.data;
  }

  /** One voortgang answer as observations; undefined when refused. */
  async voortgang(
    p: Principaal,
    gebied: Gebied,
    periode: Periode | { jaar: number },
    metAfspraken = false,
  ): Promise<Observatie[] | undefined> {
    const CEL = 'realisatie { waarde onderdrukt weergave }';
    const basis = `periode { van tot } actielijnen { indicatoren { code ${CEL} } } gemeenten { gemeente { code } indicatoren { indicatorCode ${CEL} } } urgentie { toelichting categorieen { code huishoudens } }`;
    const afspraken = `afspraken { gemeenteCode indicatorCode jaar doelwaarde percentage ${CEL} }`;
    const q = (sel: string) =>
      `query ($g: GebiedInput!, $p: DatumPeriodeInput, $j: Int) { voortgang(gebied: $g, periode: $p, jaar: $j) { ${sel} } }`;
    const vars = { g: gebied, ...('jaar' in periode ? { j: periode.jaar } : { p: periode }) };
    let data = await this.gql(p, q(this.volledig && metAfspraken ? `${basis} ${afspraken}` : basis), vars);
    if (!data && metAfspraken && this.fouten.length) {
      this.volledig = false;
      data = await this.gql(p, q(basis), vars);
    }
    const v = data?.voortgang;
    if (!v) return undefined;
    const gevraagd =
      'jaar' in periode ? { van: `${periode.jaar}-01-01`, tot: `${periode.jaar}-12-31` } : periode;
    // the period the API says it used (it may snap a request to its grid)
    const per = v.periode?.van && v.periode?.tot ? v.periode : gevraagd;
    const termen: Term[] = [{ van: dag(per.van), tot: dag(per.tot), teken: 1 }];
    const leden = this.leden.get(`${gebied.soort}:${gebied.code.toUpperCase()}`) ?? [];
    const uit: Observatie[] = [];
    const bron = `voortgang ${gebied.soort}`;
    for (const i of (v.actielijnen ?? []).flatMap((a: any) => a.indicatoren ?? [])) {
      for (const o of observaties(`${bron}`, i.code, leden, termen, i.realisatie)) uit.push(o);
    }
    // toewijzingen per urgentie category: a whole figure only without a toelichting (with one it
    // is the principal's own rows only, or a refusal); an absent category is 0
    if (v.urgentie && v.urgentie.toelichting == null) {
      for (const c of URGENTIE_CATEGORIEEN) {
        const gevonden = (v.urgentie.categorieen ?? []).find((x: any) => x.code === c);
        uit.push({
          bron: `${bron}.urgentie`,
          grootheid: 'HH_URGENTIE',
          gemeenten: leden,
          termen,
          atomen: [`JA_${c}`],
          waarde: typeof gevonden?.huishoudens === 'number' ? gevonden.huishoudens : 0,
          label: `urgentie ${c}`,
        });
      }
    }
    for (const g of v.gemeenten ?? []) {
      for (const i of g.indicatoren ?? []) {
        for (const o of observaties(
          `${bron}.gemeenten`,
          i.indicatorCode,
          [g.gemeente.code],
          termen,
          i.realisatie,
        ))
          uit.push(o);
      }
    }
    for (const a of v.afspraken ?? []) {
      if (!a.indicatorCode || !a.gemeenteCode || !a.jaar) continue;
      const tot = `${a.jaar}-12-31` < this.vandaag ? `${a.jaar}-12-31` : this.vandaag;
      const t: Term[] = [{ van: dag(`${a.jaar}-01-01`), tot: dag(tot), teken: 1 }];
      uit.push(...observaties('afspraken', a.indicatorCode, [a.gemeenteCode], t, a.realisatie));
      // a percentage of a known target gives the realisation too
      if (
        leesGetal(a.realisatie) === null &&
        typeof a.percentage === 'number' &&
        typeof a.doelwaarde === 'number'
      ) {
        uit.push(
          ...observaties(
            'afspraken.percentage',
            a.indicatorCode,
            [a.gemeenteCode],
            t,
            (a.percentage * a.doelwaarde) / 100,
          ),
        );
      }
    }
    return uit;
  }

  /** Statushouders gehuisvest per gemeente per half year (persons). */
  async statushouders(
    p: Principaal,
    jaar: number,
    gemeenten: readonly string[],
    provincies: readonly string[],
  ): Promise<Observatie[]> {
    const uit: Observatie[] = [];
    const HJ = 'gemeente { code } halfjaren { halfjaar gehuisvest }';
    const lees = (bron: string, s: any) => {
      for (const h of s?.halfjaren ?? []) {
        const m = /^(\d{4})-H([12])$/.exec(h.halfjaar ?? '');
        if (!m || !s.gemeente?.code) continue;
        const van = `${m[1]}-${m[2] === '1' ? '01-01' : '07-01'}`;
        const tot = `${m[1]}-${m[2] === '1' ? '06-30' : '12-31'}`;
        uit.push(
          ...observaties(
            bron,
            'STATUSHOUDERS_GEHUISVEST',
            [s.gemeente.code],
            [{ van: dag(van), tot: dag(tot), teken: 1 }],
            h.gehuisvest,
          ),
        );
      }
    };
    for (const g of gemeenten) {
      const d = await this.gql(
        p,
        `query ($g: String!, $v: String!, $t: String!) { statushoudersTaakstelling(gemeenteCode: $g, van: $v, tot: $t) { ${HJ} } }`,
        {
          g,
          v: `${jaar}-H1`,
          t: `${jaar}-H2`,
        },
      );
      if (d) lees('statushouders', d.statushoudersTaakstelling);
    }
    for (const pv of provincies) {
      const d = await this.gql(
        p,
        `query ($p: String!, $v: String!, $t: String!) { statushoudersTaakstellingProvincie(provincieCode: $p, van: $v, tot: $t) { gemeenten { ${HJ} } } }`,
        {
          p: pv,
          v: `${jaar}-H1`,
          t: `${jaar}-H2`,
        },
      );
      for (const s of d?.statushoudersTaakstellingProvincie?.gemeenten ?? [])
        lees('statushouders.provincie', s);
    }
    return uit;
  }

  /** Rows (not counts) the principal can list: toewijzingen and kwartaalcijfers. */
  async rijen(p: Principaal, jaar: number): Promise<{ toewijzingen: any[]; kwartaalcijfers: any[] }> {
    const toewijzingen: any[] = [];
    let na: string | null = null;
    for (let pagina = 0; pagina < 60; pagina++) {
      const d = await this.gql(
        p,
        `query ($na: String) { toewijzingen(first: 100, after: $na) { nodes { datum aandachtsgroep viaUrgentie huishoudgrootte gemeente { code } corporatie { code } } pageInfo { hasNextPage endCursor } } }`,
        { na },
      );
      const c = d?.toewijzingen;
      if (!c) break;
      toewijzingen.push(...(c.nodes ?? []));
      if (!c.pageInfo?.hasNextPage) break;
      na = c.pageInfo.endCursor;
    }
    const d = await this.gql(
      p,
      `query ($f: KwartaalcijferFilter) { kwartaalcijfers(filter: $f) { indicatorCode kwartaal waarde gemeente { code } organisatie { code } } }`,
      { f: { van: `${jaar - 1}-Q1`, tot: `${jaar}-Q4` } },
    );
    return {
      toewijzingen: toewijzingen.filter((x) => String(x.datum).startsWith(String(jaar))),
      kwartaalcijfers: d?.kwartaalcijfers ?? [],
    };
  }

  /** Every report file the principal may download (CSV and XLSX), for the given year. */
  async rapporten(
    p: Principaal,
    jaar: number,
    indicatorNamen: Map<string, string>,
  ): Promise<{ waarnemingen: Observatie[]; bestanden: number }> {
    const d = await this.gql(
      p,
      `{ kwartaalrapportages { id gebiedSoort gebiedCode kwartaal actielijn bestanden { formaat variant url } } }`,
      {},
    );
    const uit: Observatie[] = [];
    let bestanden = 0;
    for (const r of d?.kwartaalrapportages ?? []) {
      if (!String(r.kwartaal).startsWith(String(jaar))) continue;
      const leden = this.leden.get(`${r.gebiedSoort}:${r.gebiedCode}`) ?? [];
      for (const b of r.bestanden ?? []) {
        const formaat = String(b.formaat).toUpperCase();
        if (formaat !== 'CSV' && formaat !== 'XLSX') continue;
        this.verzoeken++;
        const headers: Record<string, string> = {};
        if (typeof p.als === 'object') headers.authorization = `Bearer ${p.als.token}`;
        const res = await this.t.fetch(b.url, typeof p.als === 'string' ? { als: p.als } : { headers });
        if (res.status !== 200) {
          this.weigeringen++;
          continue;
        }
        bestanden++;
        const buf = Buffer.from(await res.arrayBuffer());
        const tabellen = formaat === 'CSV' ? csvTabellen(buf) : await xlsxTabellen(buf);
        uit.push(
          ...rapportObservaties(
            `rapport.${formaat.toLowerCase()}`,
            tabellen,
            leden,
            this.leden,
            indicatorNamen,
            r.gebiedSoort,
          ),
        );
      }
    }
    return { waarnemingen: uit, bestanden };
  }
}

function observaties(
  bron: string,
  code: string,
  gemeenten: readonly string[],
  termen: Term[],
  cel: unknown,
): Observatie[] {
  const waarde = leesGetal(cel);
  if (waarde === undefined || gemeenten.length === 0) return [];
  return grootheidVan(code).map((g) => ({
    bron,
    grootheid: g.grootheid,
    atomen: g.atomen,
    gemeenten: [...gemeenten],
    termen,
    waarde,
    label: code,
  }));
}

// ---------- report files ----------

interface Tabel {
  naam: string;
  koppen: string[];
  rijen: unknown[][];
}
interface Tabellen {
  meta: Map<string, string>;
  tabellen: Tabel[];
}

/** CSV: a heading line (one field), a header row, rows until an empty line; meta lines "Key;Value" at the top. */
export function csvTabellen(buf: Buffer): Tabellen {
  const regels: string[][] = parse(buf, {
    delimiter: ';',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    relax_quotes: true,
  });
  const meta = new Map<string, string>();
  const tabellen: Tabel[] = [];
  for (let i = 0; i < regels.length; i++) {
    const r = regels[i].map((x) => x ?? '');
    const leeg = r.every((x) => x.trim() === '');
    if (leeg) continue;
    if (
      r.filter((x) => x !== '').length === 1 &&
      i + 1 < regels.length &&
      regels[i + 1].filter((x) => x !== '').length > 2
    ) {
      const t: Tabel = { naam: r[0], koppen: regels[i + 1], rijen: [] };
      i += 2;
      for (; i < regels.length && !regels[i].every((x) => (x ?? '').trim() === ''); i++)
        t.rijen.push(regels[i]);
      tabellen.push(t);
      continue;
    }
    if (r.length >= 2 && r[0] && r[1]) meta.set(r[0], r[1]);
  }
  return { meta, tabellen };
}

export async function xlsxTabellen(buf: Buffer): Promise<Tabellen> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const meta = new Map<string, string>();
  const tabellen: Tabel[] = [];
  wb.eachSheet((ws) => {
    const rijen: unknown[][] = [];
    ws.eachRow((row) => {
      const v = (row.values as unknown[])
        .slice(1)
        .map((x) => (x && typeof x === 'object' && 'result' in (x as any) ? (x as any).result : x));
      rijen.push(v);
    });
    if (rijen.length === 0) return;
    const koppen = rijen[0].map((x) => String(x ?? ''));
    if (koppen.length === 2 && /onderdeel/i.test(koppen[0])) {
      for (const r of rijen.slice(1)) if (r[0] && r[1]) meta.set(String(r[0]), String(r[1]));
      return;
    }
    tabellen.push({ naam: ws.name, koppen, rijen: rijen.slice(1) });
  });
  return { meta, tabellen };
}

const kwartaalVan = (iso: string) => Math.floor((Number(iso.slice(5, 7)) - 1) / 3);

/** Reads figures from report tables by their column headings (robust to added or reordered columns). */
function rapportObservaties(
  bron: string,
  { meta, tabellen }: Tabellen,
  leden: readonly string[],
  indeling: Map<string, string[]>,
  indicatorNamen: Map<string, string>,
  gebiedSoort: string,
): Observatie[] {
  const uit: Observatie[] = [];
  const periode = /(\d{4}-\d{2}-\d{2})\s*t\/m\s*(\d{4}-\d{2}-\d{2})/.exec(meta.get('Periode') ?? '');
  if (!periode) return uit;
  const ytd: Term = { van: dag(periode[1]), tot: dag(periode[2]), teken: 1 };
  const jaar = Number(periode[2].slice(0, 4));
  const k = kwartaalVan(periode[2]);
  const kw = (j: number, q: number): Term => {
    const jj = q < 0 ? j - 1 : j;
    const qq = (q + 4) % 4;
    const van = `${jj}-${String(qq * 3 + 1).padStart(2, '0')}-01`;
    const eind = new Date(Date.UTC(jj, qq * 3 + 3, 0)).toISOString().slice(0, 10);
    return { van: dag(van), tot: dag(eind), teken: 1 };
  };
  const dit = kw(jaar, k);
  const vorig = kw(jaar, k - 1);
  const kolom = (t: Tabel, re: RegExp) => t.koppen.findIndex((x) => re.test(String(x ?? '').trim()));
  for (const t of tabellen) {
    const ind = kolom(t, /^indicator$/i);
    const real = kolom(t, /^realisatie$/i);
    const gemCol = kolom(t, /^gemeentecode$/i);
    const doel = kolom(t, /^doelwaarde$/i);
    if (ind >= 0 && real >= 0 && doel < 0) {
      // voortgang per indicator: year to date, this quarter, previous quarter, the difference
      const ditCol = kolom(t, /^dit kwartaal$/i);
      const vorigCol = kolom(t, /^vorig kwartaal$/i);
      const versch = kolom(t, /^verschil$/i);
      for (const r of t.rijen) {
        const code = String(r[ind] ?? '');
        uit.push(...observaties(`${bron}:${t.naam}`, code, leden, [ytd], r[real]));
        if (ditCol >= 0) uit.push(...observaties(`${bron}:${t.naam}:dit`, code, leden, [dit], r[ditCol]));
        if (vorigCol >= 0)
          uit.push(...observaties(`${bron}:${t.naam}:vorig`, code, leden, [vorig], r[vorigCol]));
        if (versch >= 0)
          uit.push(
            ...observaties(
              `${bron}:${t.naam}:verschil`,
              code,
              leden,
              [dit, { ...vorig, teken: -1 }],
              r[versch],
            ),
          );
      }
    } else if (ind >= 0 && real >= 0 && doel >= 0 && leden.length === 1) {
      // afspraken of a gemeente's report: realisation over the report's year up to its peildatum
      const peil = /\d{4}-\d{2}-\d{2}/.exec(meta.get('Peildatum') ?? '')?.[0] ?? periode[2];
      const pct = kolom(t, /^percentage$/i);
      for (const r of t.rijen) {
        const term: Term[] = [{ van: dag(`${jaar}-01-01`), tot: dag(peil), teken: 1 }];
        uit.push(...observaties(`${bron}:${t.naam}`, String(r[ind] ?? ''), leden, term, r[real]));
        const p = pct >= 0 ? r[pct] : undefined;
        const pv =
          typeof p === 'number'
            ? p * 100
            : typeof p === 'string'
              ? Number(p.replace('%', '').replace(',', '.'))
              : NaN;
        const dv = leesGetal(r[doel]);
        if (leesGetal(r[real]) === null && Number.isFinite(pv) && typeof dv === 'number')
          uit.push(
            ...observaties(
              `${bron}:${t.naam}:percentage`,
              String(r[ind] ?? ''),
              leden,
              term,
              Math.round(((pv * dv) / 100) * 1e6) / 1e6,
            ),
          );
      }
    } else if (gemCol >= 0 && kolom(t, /^halfjaar$/i) >= 0 && kolom(t, /^gehuisvest$/i) >= 0) {
      const hj = kolom(t, /^halfjaar$/i);
      const gh = kolom(t, /^gehuisvest$/i);
      for (const r of t.rijen) {
        const m = /^(\d{4})-H([12])$/.exec(String(r[hj] ?? ''));
        if (!m) continue;
        const van = dag(`${m[1]}-${m[2] === '1' ? '01-01' : '07-01'}`);
        const tot = Math.min(dag(`${m[1]}-${m[2] === '1' ? '06-30' : '12-31'}`), ytd.tot);
        uit.push(
          ...observaties(
            `${bron}:${t.naam}`,
            'STATUSHOUDERS_GEHUISVEST',
            [String(r[gemCol])],
            [{ van, tot, teken: 1 }],
            r[gh],
          ),
        );
      }
    } else if (kolom(t, /^code$/i) >= 0) {
      // the table of parts (gemeenten or provincies): columns are indicator names
      const c = kolom(t, /^code$/i);
      for (const r of t.rijen) {
        const deel = String(r[c] ?? '');
        const gem = deel.startsWith('GM')
          ? [deel]
          : (indeling.get(`${gebiedSoort === 'LAND' ? 'PROVINCIE' : 'GEMEENTE'}:${deel}`) ?? []);
        t.koppen.forEach((kop, i) => {
          const code = indicatorNamen.get(String(kop ?? '').trim());
          if (code) uit.push(...observaties(`${bron}:${t.naam}`, code, gem, [ytd], r[i]));
        });
      }
    }
  }
  return uit;
}
