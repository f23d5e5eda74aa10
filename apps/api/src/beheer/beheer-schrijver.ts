import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import { DomainError, normaliseerWerkgebied } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { PrincipalResolver } from '../auth/principal-resolver.service';
import { conflict, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { ScopedDb } from '../database/scoped-db.service';
import {
  leesActieveCorporatieIds,
  leesBekendeGemeenteCodes,
  leesBeheerOrganisatie,
  leesStand,
  vergrendelOrganisatie,
  type OrganisatieStand,
} from './beheer.repository';
import type { BeheerOrganisatie } from './beheer.types';

/**
 * What every write of the organisation administration shares (organisaties, import, users): one
 * request transaction (ScopedDb.transaction as the operator's RIJK organisation: row-level
 * security allows organisation writes only there), its audit row with the state before and after
 * in that same transaction, and afterwards a cleared principal cache, so the change holds for the
 * next request without a restart.
 */
@Injectable()
export class BeheerSchrijver {
  private readonly logger = new Logger(BeheerSchrijver.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly principals: PrincipalResolver,
  ) {}

  /** One write transaction; afterwards the principal cache is cleared (kind/werkgebied/actief changed). */
  async schrijf<T>(ctx: RequestContext, werk: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(ctx, werk);
    } catch (err) {
      // two operators creating the same code at the same instant: the unique index decides
      if ((err as { code?: string }).code === '23505') {
        this.logger.warn(`unique violation in organisation administration: ${(err as Error).message}`);
        throw conflict('Deze code of gebruikersnaam is zojuist door iemand anders vastgelegd.');
      }
      throw err;
    } finally {
      this.principals.vergeet();
    }
  }

  /** A change to one existing, active organisation, audited with its state before and after. */
  async wijzig(
    ctx: RequestContext,
    id: string,
    actie: string,
    werk: (m: EntityManager, org: BeheerOrganisatie) => Promise<void>,
    opties: { ookGedeactiveerd?: boolean } = {},
  ): Promise<void> {
    if (!isUuid(id)) throw nietGevonden('De organisatie');
    await this.schrijf(ctx, async (m) => {
      const org = await this.lees(m, id, { voorUpdate: true });
      if (!org) throw nietGevonden('De organisatie');
      if (!org.actief && !opties.ookGedeactiveerd) {
        throw ongeldig('Deze organisatie is gedeactiveerd; heractiveer haar eerst.');
      }
      if (org.actief && opties.ookGedeactiveerd) throw ongeldig('Deze organisatie is al actief.');
      const voor = await this.stand(m, id);
      await werk(m, org);
      await this.auditOrganisatie(m, ctx, actie, id, voor, await this.stand(m, id));
    });
  }

  async lees(
    m: EntityManager,
    id: string,
    opties: { voorUpdate?: boolean } = {},
  ): Promise<BeheerOrganisatie | undefined> {
    if (opties.voorUpdate) await vergrendelOrganisatie(m, id);
    return leesBeheerOrganisatie(m, id);
  }

  async stand(m: EntityManager, id: string): Promise<OrganisatieStand> {
    return (await leesStand(m, id)) as OrganisatieStand;
  }

  async auditOrganisatie(
    m: EntityManager,
    ctx: RequestContext,
    actie: string,
    id: string,
    voor: OrganisatieStand | null,
    na: OrganisatieStand | Record<string, unknown>,
  ): Promise<void> {
    await this.audit.schrijf(m, ctx, { actie, entiteit: 'organisatie', entiteitId: id, voor, na });
  }

  /** Normalised werkgebied; every code must be a gemeente of the current CBS indeling. */
  async controleerWerkgebied(m: EntityManager, invoer: string[]): Promise<string[]> {
    const codes = veld('werkgebied', () => normaliseerWerkgebied(invoer));
    if (!codes.length) return codes;
    const bekend = new Set<string>(await leesBekendeGemeenteCodes(m, codes));
    const onbekend = codes.filter((c) => !bekend.has(c));
    if (onbekend.length) {
      throw ongeldig(
        `Deze gemeentecode${onbekend.length > 1 ? 's bestaan' : ' bestaat'} niet: ${onbekend.join(', ')}.`,
        [{ veld: 'werkgebied', melding: `Onbekend: ${onbekend.join(', ')}` }],
      );
    }
    return codes;
  }

  /** Each id must be an active corporatie. */
  async controleerCorporaties(m: EntityManager, ids: string[]): Promise<string[]> {
    const uniek = [...new Set(ids)];
    if (!uniek.length) return uniek;
    const gevonden = new Set<string>(await leesActieveCorporatieIds(m, uniek.filter(isUuid)));
    const fout = uniek.filter((id) => !gevonden.has(id));
    if (fout.length) {
      throw ongeldig('Kies alleen actieve woningcorporaties.', [
        { veld: 'corporatieIds', melding: `Geen actieve corporatie: ${fout.join(', ')}` },
      ]);
    }
    return uniek;
  }
}

/** A domain rule's Dutch message as a field error of the input. */
export function veld<T>(naam: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof DomainError) throw ongeldig(err.message, [{ veld: naam, melding: err.message }]);
    throw err;
  }
}
