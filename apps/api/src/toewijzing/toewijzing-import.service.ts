import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magSchrijvenVoorGemeente, type RequestContext } from '@thuismonitor/auth';
import { bewaarGrens, type ToewijzingImportRapport } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import { GebruikersFout } from '../common/fouten';
import { ImportWerkers, type ImportSessie } from './import-werkers';
import { ImportKoppelingService } from './import-koppeling.service';
import { UrgentieService } from '../urgentie';
import { begin, slaBatchOp, sluitAf, telAanwezig } from './toewijzing-import.repository';

export type { ImportFout } from './import-verwerking';
export { MAX_GEMELDE_FOUTEN } from './import-verwerking';

/**
 * The answer of a dry run and of a real import (JSON of POST /api/toewijzingen/import): the REST
 * contract in libs/domain (rest-contract.ts), which the web app reads with the same type.
 */
export type ImportRapport = ToewijzingImportRapport;

/**
 * Rows per batch from the worker and per INSERT … SELECT FROM unnest(…): large enough to amortise
 * round trips; each batch arrives as seven array-literal strings (KolomBatch), so this thread does
 * no per-row work at all.
 */
const BATCH = 10_000;

/**
 * Bulk import of toewijzingen from a corporatie's allocation-system export. The file is read and
 * every row validated in a worker thread (ImportWerkers → import-verwerking.ts, the domain's rules
 * unchanged); this thread only waits for the report and then stores the valid rows batch by
 * batch. A real import is atomic (any invalid row: nothing stored) and idempotent per extern
 * kenmerk (stored as its keyed hash: the same kenmerk gives the same hash, ON CONFLICT DO
 * NOTHING), and writes one audit row for the whole import.
 */
@Injectable()
export class ToewijzingImportService {
  private readonly logger = new Logger(ToewijzingImportService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
    private readonly werkers: ImportWerkers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly klok: Klok,
    private readonly koppelingen: ImportKoppelingService,
    private readonly urgentie: UrgentieService,
  ) {}

  async importeer(
    ctx: RequestContext,
    bestand: { buffer: Buffer; bestandsnaam: string },
    eigenMapping: Record<string, string>,
    dryRun: boolean,
  ): Promise<ImportRapport> {
    const p = ctx.principal;
    const vandaag = this.klok.vandaag();
    const { koppeling, versie } = await this.koppelingen.voorImport(ctx);
    const provincie = new Map((await this.referentie.provincies()).map((x) => [x.code, x.naam]));
    let sessie: ImportSessie;
    try {
      sessie = await this.werkers.start({
        buffer: bestand.buffer,
        bestandsnaam: bestand.bestandsnaam,
        eigenMapping,
        koppeling,
        gemeenten: (await this.referentie.gemeenten()).map((g) => ({
          code: g.code,
          naam: g.naam,
          provincie: provincie.get(g.provincieCode),
        })),
        werkgebied: p.organisatie.gemeenten.filter((g) => magSchrijvenVoorGemeente(p, g)),
        urgentieCategorieen: await this.urgentie.codesPerGemeente(ctx, p.organisatie.gemeenten),
        vandaag,
        bewaarGrens: bewaarGrens(vandaag, this.config.toewijzingBewaarJaren),
        sleutel: this.config.toewijzingKenmerkSleutel,
        corporatieId: ctx.organisatieId,
      });
    } catch (err) {
      // a whole file refused (personal data, unreadable, too large) is a failed import as well
      // (the worker's BestandWeigering arrives as a GebruikersFout ONGELDIGE_INVOER, import-werkers.ts)
      if (!dryRun && err instanceof GebruikersFout && err.code === 'ONGELDIGE_INVOER') {
        await this.noteerGeweigerd(ctx, { reden: err.message });
      }
      throw err;
    }
    try {
      return await this.verwerk(ctx, bestand.bestandsnaam, sessie, dryRun, versie);
    } finally {
      await sessie.stop();
    }
  }

  private async verwerk(
    ctx: RequestContext,
    bestandsnaam: string,
    sessie: ImportSessie,
    dryRun: boolean,
    koppelingVersie: number,
  ): Promise<ImportRapport> {
    const {
      rijen,
      fouten,
      aantalFouten,
      genegeerdeKolommen,
      ontbrekendeKolommen,
      onbekendeWaarden,
      koppeling,
    } = sessie.rapport;
    const geldig = sessie.aantalGeldig;
    const rapport = (alAanwezig: number, nieuw: number, importId: string | null = null): ImportRapport => ({
      proefrun: dryRun,
      dryRun,
      opgeslagen: importId !== null,
      importId,
      rijen,
      geldig,
      fouten,
      aantalFouten,
      alAanwezig,
      nieuw,
      genegeerdeKolommen,
      ontbrekendeKolommen,
      onbekendeWaarden,
      koppeling: { versie: koppelingVersie, ...koppeling },
    });

    if (dryRun || aantalFouten > 0) {
      const alAanwezig = await this.db.transaction(ctx, async (m) => {
        let n = 0;
        for (let batch = await sessie.volgende(BATCH); batch; batch = await sessie.volgende(BATCH)) {
          n += await this.telAanwezig(m, ctx.organisatieId, batch.kenmerkHash, batch.aantal);
        }
        return n;
      });
      if (!dryRun) await this.noteerGeweigerd(ctx, { rijen, aantalFouten });
      return rapport(alAanwezig, geldig - alAanwezig);
    }

    return this.db.transaction(ctx, async (m) => {
      const importId = await begin(m, {
        corporatieId: ctx.organisatieId,
        bestandsnaam: bestandsnaam.slice(0, 255),
        rijen,
        gebruikerSub: ctx.principal.sub,
      });
      let opgeslagen = 0;
      for (let b = await sessie.volgende(BATCH); b; b = await sessie.volgende(BATCH)) {
        opgeslagen += await slaBatchOp(m, ctx.organisatieId, importId, b);
      }
      const alAanwezig = geldig - opgeslagen;
      await sluitAf(m, importId, opgeslagen, alAanwezig);
      // One audit row for the whole import (not one per row): who, when, which import, how many.
      await this.audit.schrijf(m, ctx, {
        actie: 'IMPORTEER_TOEWIJZINGEN',
        entiteit: 'toewijzing_import',
        entiteitId: importId,
        na: { rijen, opgeslagen, alAanwezig, koppelingVersie },
      });
      this.logger.log(
        `toewijzingen import ${importId}: ${rijen} rows, ${opgeslagen} stored, ${alAanwezig} already present`,
      );
      return rapport(alAanwezig, opgeslagen, importId);
    });
  }

  /**
   * A real import that stored nothing (row errors, or the file refused as a whole): one audit row
   * IMPORT_GEWEIGERD with counts or the Dutch reason, never the file name or cell contents
   * (privacy.md). The platform operator's start page lists these (BeheerService.aandacht), so a
   * corporatie that keeps failing gets help.
   */
  private async noteerGeweigerd(
    ctx: RequestContext,
    na: { rijen?: number; aantalFouten?: number; reden?: string },
  ): Promise<void> {
    await this.db.transaction(ctx, (m) =>
      this.audit.schrijf(m, ctx, { actie: 'IMPORT_GEWEIGERD', entiteit: 'toewijzing_import', na }),
    );
  }

  /** `hashes`: a Postgres array literal of kenmerk hashes (KolomBatch). */
  private async telAanwezig(
    m: EntityManager,
    corporatieId: string,
    hashes: string,
    aantal: number,
  ): Promise<number> {
    if (aantal === 0) return 0;
    return telAanwezig(m, corporatieId, hashes);
  }
}
