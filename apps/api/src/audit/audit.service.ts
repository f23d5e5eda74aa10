import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditRegel {
  actie: string;
  entiteit: string;
  entiteitId?: string | null;
  gemeenteCode?: string | null;
  voor?: unknown;
  na?: unknown;
}

export type ToewijzingActie = 'CREATE_TOEWIJZING' | 'WIJZIG_TOEWIJZING' | 'VERWIJDER_TOEWIJZING';

/**
 * Writes the audit row inside the caller's transaction, so a mutation and its audit row commit
 * or roll back together.
 */
@Injectable()
export class AuditService {
  /**
   * The audit row of a change to one toewijzing. Accountability needs who (organisation, user),
   * when, which row and which action; it does not need what the row says about the household.
   * So the row's content (gemeente, date, aandachtsgroep, household size, kenmerk) is never
   * written here: a correction records only the NAMES of the fields it changed. The audit log
   * has no retention limit of its own, and must not keep what the toewijzing's retention rule
   * deletes (docs/privacy.md).
   */
  async schrijfToewijzing(
    m: EntityManager,
    ctx: RequestContext,
    actie: ToewijzingActie,
    id: string,
    gewijzigdeVelden?: string[],
  ) {
    await this.schrijf(m, ctx, {
      actie,
      entiteit: 'toewijzing',
      entiteitId: id,
      na: gewijzigdeVelden ? { gewijzigdeVelden } : null,
    });
  }

  async schrijf(m: EntityManager, ctx: RequestContext, regel: AuditRegel): Promise<void> {
    await m.insert(AuditLogEntity, {
      organisatieId: ctx.organisatieId,
      gebruikerSub: ctx.principal.sub,
      gebruikersnaam: ctx.principal.gebruikersnaam,
      actie: regel.actie,
      entiteit: regel.entiteit,
      entiteitId: regel.entiteitId ?? null,
      gemeenteCode: regel.gemeenteCode ?? null,
      voor: (regel.voor ?? null) as object,
      na: (regel.na ?? null) as object,
    });
  }
}
