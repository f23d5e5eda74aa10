import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { RequestContext } from '@thuismonitor/auth';
import { maakGemeenteZoeker } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { ScopedDb } from '../database/scoped-db.service';
import { CacheSignalen } from '../database/cache-signalen';
import {
  leesGemeenten,
  leesProvincies,
  leesWoningmarktregios,
  telIngedeeldeGemeenten,
  vervangRegioIndeling,
} from './referentie.repository';
import type {
  Gemeente,
  GemeenteFilter,
  Provincie,
  RegioImportFout,
  RegioImportResultaat,
  Woningmarktregio,
} from './referentie.types';

interface Cache {
  provincies: Provincie[];
  regios: Woningmarktregio[];
  gemeenten: Gemeente[];
  gemeenteOpCode: Map<string, Gemeente>;
}

/**
 * Reference data is small (342 gemeenten) and changes about once a year, so it is held in memory
 * and reloaded after a change; per-field resolvers are then simple lookups (no N+1 queries).
 * A change committed by any process (the regio import, the reference sync at a start) clears it
 * in every API and worker process (CacheSignalen): woningmarktregio membership decides which
 * gemeenten a regio has, and so who may see it.
 */
@Injectable()
export class ReferentieService {
  private cache?: Promise<Cache>;

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    signalen: CacheSignalen,
  ) {
    signalen.abonneer(['gemeente', 'provincie', 'woningmarktregio'], () => {
      this.cache = undefined;
    });
  }

  private laad(): Promise<Cache> {
    this.cache ??= (async () => {
      // public path: reference data only, one read-only transaction (one consistent load)
      const { provincies, regios, gemeenten } = await this.db.publiek(async (m) => ({
        provincies: await leesProvincies(m),
        regios: await leesWoningmarktregios(m),
        gemeenten: await leesGemeenten(m),
      }));
      return { provincies, regios, gemeenten, gemeenteOpCode: new Map(gemeenten.map((g) => [g.code, g])) };
    })().catch((err) => {
      this.cache = undefined;
      throw err;
    });
    return this.cache;
  }

  async gemeenten(filter: GemeenteFilter = {}): Promise<Gemeente[]> {
    const { gemeenten } = await this.laad();
    const zoek = filter.zoek?.trim().toLocaleLowerCase('nl');
    return gemeenten.filter(
      (g) =>
        (!filter.provincieCode || g.provincieCode === filter.provincieCode) &&
        (!filter.woningmarktregioCode || g.woningmarktregioCode === filter.woningmarktregioCode) &&
        (!filter.codes || filter.codes.includes(g.code)) &&
        // internal callers (areas, totals) get every gemeente, opgeheven ones included
        (filter.inclusiefOpgeheven !== false || g.opgehevenOp === null) &&
        (!zoek || g.naam.toLocaleLowerCase('nl').includes(zoek) || g.code.toLowerCase() === zoek),
    );
  }

  /**
   * The gemeenten merged (herindeling) into `code` on or before `vanaf`, at any depth: their
   * figures dated from the herindeling count for `code` in periods starting on or after it.
   */
  async voorgangers(code: string, vanaf: string): Promise<string[]> {
    const { gemeenten } = await this.laad();
    const uit: string[] = [];
    let rand = [code];
    while (rand.length) {
      const volgende = gemeenten
        .filter((g) => g.opgegaanIn && rand.includes(g.opgegaanIn) && g.opgehevenOp! <= vanaf)
        .map((g) => g.code);
      uit.push(...volgende);
      rand = volgende;
    }
    return uit.sort();
  }

  /** Forget the held reference data (after a herindeling or an import): the next read reloads. */
  vergeet(): void {
    this.cache = undefined;
  }

  async gemeente(code: string): Promise<Gemeente | undefined> {
    return (await this.laad()).gemeenteOpCode.get(code.toUpperCase());
  }

  async gemeenteOpNaam(naam: string): Promise<Gemeente | undefined> {
    const n = naam.trim().toLocaleLowerCase('nl');
    return (await this.laad()).gemeenten.find((g) => g.naam.toLocaleLowerCase('nl') === n);
  }

  async provincies(): Promise<Provincie[]> {
    return (await this.laad()).provincies;
  }

  async provincie(code: string): Promise<Provincie | undefined> {
    return (await this.laad()).provincies.find((p) => p.code === code);
  }

  async woningmarktregios(): Promise<Woningmarktregio[]> {
    return (await this.laad()).regios;
  }

  async woningmarktregio(code: string | null): Promise<Woningmarktregio | undefined> {
    if (!code) return undefined;
    return (await this.laad()).regios.find((r) => r.code === code);
  }

  /**
   * Imports woningmarktregio membership: CSV with columns gemeente (code or name) and
   * woningmarktregio (code or name), `;` or `,`. Atomic: any error and nothing is stored.
   */
  async importeerRegioIndeling(
    ctx: RequestContext,
    csv: string,
    dryRun: boolean,
  ): Promise<RegioImportResultaat> {
    const { gemeenten, regios, gemeenteOpCode } = await this.laad();
    const fouten: RegioImportFout[] = [];
    const tekst = csv.replace(/^\uFEFF/, '');
    const eersteRegel = tekst.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = eersteRegel.split(';').length > eersteRegel.split(',').length ? ';' : ',';
    let rijen: Record<string, string>[];
    try {
      rijen = parse(tekst, {
        delimiter,
        columns: (h: string[]) => h.map((k) => k.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (err) {
      return {
        opgeslagen: false,
        gemeentenIngedeeld: 0,
        ontbrekendeGemeenten: [],
        fouten: [
          // csv-parse's own message is English: name the line, keep the detail for the log
          { regel: 1, kolom: '-', melding: `Het bestand is geen geldige CSV${regelVan(err)}.` },
        ],
      };
    }
    const kolommen = Object.keys(rijen[0] ?? {});
    for (const k of ['gemeente', 'woningmarktregio']) {
      if (!kolommen.includes(k)) fouten.push({ regel: 1, kolom: k, melding: `Kolom '${k}' ontbreekt.` });
    }
    // one row per gemeente: more rows than a generous margin over the 342 gemeenten is no indeling
    if (rijen.length > MAX_REGIO_RIJEN)
      fouten.push({ regel: 1, kolom: '-', melding: `Maximaal ${MAX_REGIO_RIJEN} regels per bestand.` });
    const indeling = new Map<string, string>();
    // look-up tables, not a search per row (a 2 MB file must not hold the event loop)
    const opNaam = maakGemeenteZoeker(gemeenten);
    const regioOpSleutel = new Map<string, (typeof regios)[number]>();
    for (const x of regios) {
      regioOpSleutel.set(x.code, x);
      regioOpSleutel.set(x.naam.toLocaleLowerCase('nl'), x);
    }
    const kort = (w: string) => (w.length > 80 ? `${w.slice(0, 80)}…` : w);
    if (!fouten.length) {
      rijen.forEach((rij, i) => {
        const regel = i + 2;
        const gCode = gemeenteOpCode.has(rij.gemeente.toUpperCase())
          ? rij.gemeente.toUpperCase()
          : opNaam(rij.gemeente);
        const g = gCode ? gemeenteOpCode.get(gCode) : undefined;
        const r =
          regioOpSleutel.get(rij.woningmarktregio.toUpperCase()) ??
          regioOpSleutel.get(rij.woningmarktregio.toLocaleLowerCase('nl'));
        if (!g)
          fouten.push({ regel, kolom: 'gemeente', melding: `Onbekende gemeente '${kort(rij.gemeente)}'.` });
        if (!r)
          fouten.push({
            regel,
            kolom: 'woningmarktregio',
            melding: `Onbekende woningmarktregio '${kort(rij.woningmarktregio)}'.`,
          });
        if (g && r) {
          if (indeling.has(g.code) && indeling.get(g.code) !== r.code) {
            fouten.push({
              regel,
              kolom: 'gemeente',
              melding: `Gemeente ${g.naam} staat al bij een andere regio.`,
            });
          }
          indeling.set(g.code, r.code);
        }
      });
    }
    const ontbrekendeGemeenten = gemeenten.filter((g) => !indeling.has(g.code)).map((g) => g.code);
    if (fouten.length || dryRun) {
      return {
        opgeslagen: false,
        gemeentenIngedeeld: fouten.length ? 0 : indeling.size,
        // the first 100 name what to fix; the count says how many there are
        fouten:
          fouten.length > 100
            ? [
                ...fouten.slice(0, 100),
                { regel: 0, kolom: '-', melding: `En nog ${fouten.length - 100} fouten.` },
              ]
            : fouten,
        ontbrekendeGemeenten,
      };
    }
    // As the requesting platform operator (Rijk): RLS lets only Rijk change the regio-indeling.
    await this.db.transaction(ctx, async (m) => {
      const voor = await telIngedeeldeGemeenten(m);
      await vervangRegioIndeling(m, indeling);
      // Platform-operator actions are always audited (DESIGN §2).
      await this.audit.schrijf(m, ctx, {
        actie: 'IMPORTEER_REGIO_INDELING',
        entiteit: 'woningmarktregio',
        voor: { aantal: voor },
        na: { aantal: indeling.size },
      });
    });
    // at once in this process; the others hear it from CacheSignalen
    this.cache = undefined;
    return { opgeslagen: true, gemeentenIngedeeld: indeling.size, fouten: [], ontbrekendeGemeenten };
  }
}

const MAX_REGIO_RIJEN = 1000;

/** ' (regel N)' from a csv-parse error, when it names a line. */
function regelVan(err: unknown): string {
  const regel = (err as { lines?: number }).lines;
  return typeof regel === 'number' ? ` (regel ${regel})` : '';
}
