import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magRegimeZetten, type RequestContext } from '@thuismonitor/auth';
import {
  isDomainError,
  STATUSHOUDERS_VOORRANG_LABEL,
  zetStatushoudersBeleid,
  type NieuwBeleid,
  type StatushoudersBeleid,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import type { StatushoudersBeleidRegel } from './statushouders-beleid.types';
import { beleidRijen, bewaarBeleid, vergrendelBeleid } from './statushouders-toezicht.repository';

export const beleidVoorApi = (r: StatushoudersBeleid): StatushoudersBeleidRegel => ({
  ...r,
  voorrangLabel: STATUSHOUDERS_VOORRANG_LABEL[r.voorrang],
});

/**
 * The national statushouders policy by date (reference data, docs/decisions.md "Statushouders:
 * national policy by date"). Uncached: a handful of rows, and the operator's change must apply at
 * once on every replica.
 */
@Injectable()
export class StatushoudersBeleidService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
  ) {}

  async rijenIn(m: EntityManager): Promise<StatushoudersBeleid[]> {
    return beleidRijen(m);
  }

  async voorApi(): Promise<StatushoudersBeleidRegel[]> {
    return this.db.publiek(async (m) => (await this.rijenIn(m)).map(beleidVoorApi));
  }

  /**
   * The platform operator records the policy from a date (a row on the same date is corrected).
   * Anyone else gets the answer of a policy that does not exist, as for the regime. Audited.
   */
  async zet(ctx: RequestContext, invoer: NieuwBeleid): Promise<StatushoudersBeleidRegel[]> {
    if (!magRegimeZetten(ctx.principal)) throw nietGevonden('Het beleid');
    return this.db.transaction(ctx, async (m) => {
      await vergrendelBeleid(m);
      const voor = await this.rijenIn(m);
      let na: StatushoudersBeleid[];
      try {
        na = zetStatushoudersBeleid(voor, invoer);
      } catch (e) {
        if (isDomainError(e)) throw ongeldig(e.message, [{ veld: 'invoer', melding: e.message }]);
        throw e;
      }
      const rij = na.find((r) => r.geldigVan === invoer.geldigVan.trim())!;
      const oud = voor.find((r) => r.geldigVan === rij.geldigVan) ?? null;
      await bewaarBeleid(m, rij, ctx.principal.sub);
      await this.audit.schrijf(m, ctx, {
        actie: 'ZET_STATUSHOUDERS_BELEID',
        entiteit: 'statushouders_beleid',
        entiteitId: rij.geldigVan,
        voor: oud,
        na: rij,
      });
      return na.map(beleidVoorApi);
    });
  }
}
