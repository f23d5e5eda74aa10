import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import {
  controleerImportKoppeling,
  LEGE_KOPPELING,
  type ImportKoppeling as DomeinKoppeling,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import type { ImportKoppeling, ImportKoppelingInput } from './import-koppeling.types';
import { bewaarKoppeling, leesKoppeling, type KoppelingRij } from './toewijzing-import.repository';

type Rij = KoppelingRij;

/**
 * The toewijzingen import's koppeling per organisation (issue 12, item 7): the corporatie's own
 * column and value words, saved once and applied to every next file. Only a corporatie has one
 * (only corporaties import toewijzingen); only the organisation itself reads and writes it (the
 * service checks, row-level security on import_koppeling holds it too). Every change is audited
 * with the words before and after: they are the organisation's vocabulary, never household data.
 */
@Injectable()
export class ImportKoppelingService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
  ) {}

  async lees(ctx: RequestContext, organisatieId?: string | null): Promise<ImportKoppeling> {
    this.eigen(ctx, organisatieId);
    const rij = await this.db.transaction(ctx, (m) => this.rij(m, ctx));
    return alsWeergave(rij);
  }

  /** For the import: the saved words (empty when none) and their version (0: none saved). */
  async voorImport(ctx: RequestContext): Promise<{ koppeling: DomeinKoppeling; versie: number }> {
    const rij = await this.db.transaction(ctx, (m) => this.rij(m, ctx));
    return rij
      ? { koppeling: { kolommen: rij.kolommen, waarden: rij.waarden }, versie: rij.versie }
      : { koppeling: LEGE_KOPPELING, versie: 0 };
  }

  async bewaar(
    ctx: RequestContext,
    invoer: ImportKoppelingInput,
    organisatieId?: string | null,
  ): Promise<ImportKoppeling> {
    this.eigen(ctx, organisatieId);
    const codes = new Set((await this.referentie.gemeenten()).map((g) => g.code));
    const r = controleerImportKoppeling(invoer, (c) => codes.has(c));
    if (!r.ok) {
      throw ongeldig(
        r.fouten.length === 1
          ? `De koppeling is niet opgeslagen: ${r.fouten[0].melding}.`
          : `De koppeling is niet opgeslagen: ${r.fouten.length} regels kloppen niet.`,
        [...r.fouten],
      );
    }
    const { kolommen, waarden } = r.koppeling;
    const rij = await this.db.transaction(ctx, async (m) => {
      const voor = await leesKoppeling(m, ctx.organisatieId, true);
      const huidig = voor?.versie ?? 0;
      if (invoer.versie != null && invoer.versie !== huidig) {
        throw conflict(
          'De koppeling is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en breng uw wijziging nog eens aan.',
        );
      }
      const nieuw = await bewaarKoppeling(
        m,
        ctx.organisatieId,
        { kolommen, waarden },
        ctx.principal.gebruikersnaam,
      );
      await this.audit.schrijf(m, ctx, {
        actie: 'WIJZIG_IMPORTKOPPELING',
        entiteit: 'import_koppeling',
        entiteitId: ctx.organisatieId,
        voor: voor ? { versie: voor.versie, kolommen: voor.kolommen, waarden: voor.waarden } : null,
        na: { versie: nieuw.versie, kolommen, waarden },
      });
      return nieuw;
    });
    return alsWeergave(rij);
  }

  private rij(m: EntityManager, ctx: RequestContext): Promise<Rij | undefined> {
    return leesKoppeling(m, ctx.organisatieId);
  }

  /** Only a corporatie, and only for itself: another organisation's words are not anyone's business. */
  private eigen(ctx: RequestContext, organisatieId?: string | null): void {
    if (ctx.principal.organisatie.soort !== 'CORPORATIE') {
      throw geenToegang('Alleen een corporatie heeft een importkoppeling voor toewijzingen.');
    }
    if (organisatieId && organisatieId !== ctx.organisatieId) {
      throw geenToegang('U kunt alleen de importkoppeling van uw eigen organisatie lezen of wijzigen.');
    }
  }
}

function alsWeergave(rij: Rij | undefined): ImportKoppeling {
  if (!rij) return { kolommen: [], waarden: [], versie: 0, gewijzigdOp: null, gewijzigdDoor: null };
  return {
    kolommen: rij.kolommen.map((k) => ({ ...k })),
    waarden: rij.waarden.map((w) => ({ ...w })),
    versie: rij.versie,
    gewijzigdOp: rij.gewijzigd_op,
    gewijzigdDoor: rij.gewijzigd_door,
  };
}
