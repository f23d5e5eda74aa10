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

/**
 * Writes the audit row inside the caller's transaction, so a mutation and its audit row commit
 * or roll back together.
 */
@Injectable()
export class AuditService {
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
