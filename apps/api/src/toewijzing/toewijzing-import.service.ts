import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magSchrijvenVoorGemeente, type RequestContext } from '@thuismonitor/auth';
import {
  bouwKolomMapping,
  formatGetal,
  isDomainError,
  KenmerkRegister,
  maakGemeenteZoeker,
  MAX_IMPORT_RIJEN,
  pasKolomMappingToe,
  toewijzingKolomLabel,
  TOEWIJZING_KOLOMMEN,
  valideerToewijzingRij,
  vandaagInAmsterdam,
  type KolomMapping,
  type ToewijzingKolom,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { GebruikersFout, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie/referentie.service';
import { bepaalSoort, excelSerieAlsDatum, leesRijen } from './import-bestand';

export interface ImportFout {
  rij: number;
  kolom: string;
  melding: string;
}

/** The answer of a dry run and of a real import (JSON of POST /api/toewijzingen/import). */
export interface ImportRapport {
  dryRun: boolean;
  /** true only when the rows were stored (real import without errors) */
  opgeslagen: boolean;
  importId: string | null;
  /** data rows in the file (empty rows not counted) */
  rijen: number;
  geldig: number;
  fouten: ImportFout[];
  /** all errors, also when `fouten` was cut off at MAX_GEMELDE_FOUTEN */
  aantalFouten: number;
  /** valid rows whose extern kenmerk is already stored for this corporatie (not stored again) */
  alAanwezig: number;
  /** valid rows that are (dry run: would be) stored */
  nieuw: number;
  /** columns of the file that map to nothing and are not read (so the user sees what is ignored) */
  genegeerdeKolommen: string[];
}

/** A file with 100.000 wrong rows must not answer with a 70 MB error list. */
export const MAX_GEMELDE_FOUTEN = 10_000;
/** Rows per INSERT … SELECT FROM unnest(…): large enough to amortise round trips, small enough for memory. */
const BATCH = 10_000;

/** Valid rows, column by column, ready for unnest. */
class Kolommen {
  gemeente: string[] = [];
  datum: string[] = [];
  aandachtsgroep: (string | null)[] = [];
  huishoudgrootte: number[] = [];
  segment: string[] = [];
  viaUrgentie: boolean[] = [];
  kenmerk: string[] = [];
  get length(): number {
    return this.kenmerk.length;
  }
}

/**
 * Bulk import of toewijzingen from a corporatie's allocation-system export. One pass over the
 * file: headers are mapped (bouwKolomMapping), every row is validated (valideerToewijzingRij)
 * against the werkgebied and the gemeente names loaded once, and the valid rows are collected
 * column-wise. A real import is atomic (any invalid row: nothing stored) and idempotent per
 * extern kenmerk (ON CONFLICT DO NOTHING), and writes one audit row for the whole import.
 */
@Injectable()
export class ToewijzingImportService {
  private readonly logger = new Logger(ToewijzingImportService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
  ) {}

  async importeer(
    ctx: RequestContext,
    bestand: { buffer: Buffer; bestandsnaam: string },
    eigenMapping: Record<string, string>,
    dryRun: boolean,
  ): Promise<ImportRapport> {
    const p = ctx.principal;
    const werkgebied = p.organisatie.gemeenten.filter((g) => magSchrijvenVoorGemeente(p, g));
    const opties = {
      werkgebied,
      gemeenteOpNaam: maakGemeenteZoeker(await this.referentie.gemeenten()),
      vandaag: vandaagInAmsterdam(new Date()),
    };

    const fouten: ImportFout[] = [];
    let aantalFouten = 0;
    const meld = (rij: number, kolom: string, melding: string) => {
      aantalFouten++;
      if (fouten.length < MAX_GEMELDE_FOUTEN) fouten.push({ rij, kolom, melding });
    };

    const geldig = new Kolommen();
    const kenmerken = new KenmerkRegister();
    let headers: string[] | undefined;
    let headerRij = 1;
    let mapping: KolomMapping | undefined;
    let kolomNaam: Record<ToewijzingKolom, string> | undefined;
    let rijen = 0;

    const isXlsx = bepaalSoort(bestand.buffer, bestand.bestandsnaam) === 'XLSX';
    for await (const { rij, cellen } of leesRijen(bestand.buffer, bestand.bestandsnaam)) {
      if (cellen.every((c) => c.trim() === '')) continue;
      if (!headers) {
        headers = cellen.map((c) => c.trim());
        headerRij = rij;
        mapping = this.controleerKoppen(headers, eigenMapping, headerRij, meld);
        if (mapping) {
          kolomNaam = Object.fromEntries(TOEWIJZING_KOLOMMEN.map((k) => [k, toewijzingKolomLabel(k)])) as Record<ToewijzingKolom, string>;
          for (const [header, kolom] of Object.entries(mapping.kolommen)) kolomNaam[kolom] = header;
        }
        continue;
      }
      rijen++;
      if (rijen > MAX_IMPORT_RIJEN) {
        throw new GebruikersFout(
          'ONGELDIGE_INVOER',
          `Het bestand heeft meer dan ${formatGetal(MAX_IMPORT_RIJEN)} rijen. Splits het in kleinere bestanden.`,
          undefined,
          422,
        );
      }
      if (!mapping) continue; // the header is unusable: count the rows, validate nothing
      const record: Record<string, string> = {};
      for (let i = 0; i < headers.length; i++) record[headers[i]] = cellen[i] ?? '';
      const canoniek = pasKolomMappingToe(mapping, record);
      if (isXlsx && canoniek.datum) canoniek.datum = excelSerieAlsDatum(canoniek.datum.trim());
      const r = valideerToewijzingRij(canoniek, opties);
      if (!r.ok) {
        for (const f of r.fouten) meld(rij, kolomNaam![f.kolom], f.melding);
        continue;
      }
      const dubbel = kenmerken.registreer(r.toewijzing.externKenmerk, rij);
      if (dubbel) {
        meld(rij, kolomNaam![dubbel.kolom], dubbel.melding);
        continue;
      }
      const t = r.toewijzing;
      geldig.gemeente.push(t.gemeenteCode);
      geldig.datum.push(t.datum);
      geldig.aandachtsgroep.push(t.aandachtsgroep);
      geldig.huishoudgrootte.push(t.huishoudgrootte);
      geldig.segment.push(t.segment);
      geldig.viaUrgentie.push(t.viaUrgentie);
      geldig.kenmerk.push(t.externKenmerk);
    }

    if (!headers) meld(1, '', 'Het bestand is leeg: er is geen kopregel met kolomnamen gevonden.');
    else if (rijen === 0) meld(headerRij, '', 'Het bestand bevat alleen een kopregel en geen toewijzingen.');

    const rapport = (alAanwezig: number, nieuw: number, importId: string | null = null): ImportRapport => ({
      dryRun,
      opgeslagen: importId !== null,
      importId,
      rijen,
      geldig: geldig.length,
      fouten,
      aantalFouten,
      alAanwezig,
      nieuw,
      genegeerdeKolommen: mapping ? [...mapping.onbekend] : [],
    });

    if (dryRun || aantalFouten > 0) {
      const alAanwezig = await this.db.transaction(ctx, (m) => this.telAanwezig(m, ctx.organisatieId, geldig.kenmerk));
      return rapport(alAanwezig, geldig.length - alAanwezig);
    }

    return this.db.transaction(ctx, async (m) => {
      const [{ id: importId }] = await m.query(
        `INSERT INTO toewijzing_import (corporatie_id, bestandsnaam, rijen, opgeslagen, al_aanwezig, gebruiker_sub)
         VALUES ($1, $2, $3, 0, 0, $4) RETURNING id`,
        [ctx.organisatieId, bestand.bestandsnaam.slice(0, 255), rijen, p.sub],
      );
      let opgeslagen = 0;
      for (let van = 0; van < geldig.length; van += BATCH) {
        const tot = Math.min(van + BATCH, geldig.length);
        const [{ n }] = await m.query(
          `WITH nieuw AS (
             INSERT INTO toewijzing (corporatie_id, import_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
             SELECT $1::uuid, $2::uuid, g, d, a, h, s, u, k
             FROM unnest($3::text[], $4::date[], $5::text[], $6::smallint[], $7::text[], $8::boolean[], $9::text[]) AS r(g, d, a, h, s, u, k)
             ON CONFLICT (corporatie_id, extern_kenmerk) DO NOTHING
             RETURNING 1)
           SELECT count(*)::int AS n FROM nieuw`,
          [
            ctx.organisatieId,
            importId,
            geldig.gemeente.slice(van, tot),
            geldig.datum.slice(van, tot),
            geldig.aandachtsgroep.slice(van, tot),
            geldig.huishoudgrootte.slice(van, tot),
            geldig.segment.slice(van, tot),
            geldig.viaUrgentie.slice(van, tot),
            geldig.kenmerk.slice(van, tot),
          ],
        );
        opgeslagen += n;
      }
      const alAanwezig = geldig.length - opgeslagen;
      await m.query(`UPDATE toewijzing_import SET opgeslagen = $2, al_aanwezig = $3 WHERE id = $1`, [importId, opgeslagen, alAanwezig]);
      // One audit row for the whole import (not one per row): what, how many, from which file.
      await this.audit.schrijf(m, ctx, {
        actie: 'IMPORTEER_TOEWIJZINGEN',
        entiteit: 'toewijzing_import',
        entiteitId: importId,
        na: { bestandsnaam: bestand.bestandsnaam, rijen, opgeslagen, alAanwezig },
      });
      this.logger.log(`toewijzingen import ${importId}: ${rijen} rows, ${opgeslagen} stored, ${alAanwezig} already present`);
      return rapport(alAanwezig, opgeslagen, importId);
    });
  }

  /**
   * Header checks, in the order that protects privacy: a column that looks like personal data
   * refuses the whole file before anything else is looked at. Other header problems (missing or
   * doubly mapped columns) are errors on the header row; then no row is validated.
   */
  private controleerKoppen(
    headers: string[],
    eigenMapping: Record<string, string>,
    headerRij: number,
    meld: (rij: number, kolom: string, melding: string) => void,
  ): KolomMapping | undefined {
    const zonderEigen = bouwKolomMapping(headers);
    if (zonderEigen.persoonsgegevens.length > 0) {
      throw new GebruikersFout(
        'ONGELDIGE_INVOER',
        `Het bestand is geweigerd. ${zonderEigen.meldingen[0]}`,
        zonderEigen.persoonsgegevens.map((h) => ({ veld: h, melding: 'Deze kolom lijkt persoonsgegevens te bevatten' })),
        422,
      );
    }
    let mapping: KolomMapping;
    try {
      mapping = bouwKolomMapping(headers, eigenMapping);
    } catch (err) {
      if (isDomainError(err)) throw ongeldig(err.message, [{ veld: 'kolommen', melding: err.message }]);
      throw err;
    }
    const gezien = new Set<string>();
    let goed = mapping.bruikbaar;
    for (const h of headers) {
      if (h === '') continue;
      if (gezien.has(h)) {
        meld(headerRij, h, `De kolom '${h}' komt twee keer voor in de kopregel`);
        goed = false;
      }
      gezien.add(h);
    }
    // the domain's meldingen list the missing columns first, then the doubly mapped ones
    mapping.ontbrekend.forEach((k, i) => meld(headerRij, toewijzingKolomLabel(k), mapping.meldingen[i]));
    mapping.dubbel.forEach((d, i) => meld(headerRij, d.headers.join(', '), mapping.meldingen[mapping.ontbrekend.length + i]));
    return goed ? mapping : undefined;
  }

  private async telAanwezig(m: EntityManager, corporatieId: string, kenmerken: string[]): Promise<number> {
    if (kenmerken.length === 0) return 0;
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM toewijzing WHERE corporatie_id = $1 AND extern_kenmerk = ANY($2::text[])`,
      [corporatieId, kenmerken],
    );
    return n;
  }
}
