import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@thuismonitor/auth';
import { nietGevonden } from '../common/fouten';
import { isUuid } from '../common/id';
import { ScopedDb } from '../database/scoped-db.service';
import { leesGebruikers } from './beheer-gebruiker.repository';
import {
  leesBeheerOrganisatie,
  leesBeheerOrganisaties,
  leesHistorie,
  leesMislukteImports,
  leesOrganisatiesVoorAandacht,
} from './beheer.repository';
import type {
  BeheerAandacht,
  BeheerAuditRegel,
  BeheerGebruiker,
  BeheerOrganisatie,
  BeheerOrganisatieFilter,
} from './beheer.types';

const MAX_LIJST = 1000;

/**
 * The platform operator's organisation administration (issue 13): what it reads. The writes live
 * in OrganisatieBeheerService (organisations, merger), OrganisatieImportService (bulk onboarding)
 * and GebruikerBeheerService (registered users), on the shared BeheerSchrijver. Permission:
 * organisatie:beheren (RIJK + platformbeheer), declared on every resolver method.
 */
@Injectable()
export class BeheerService {
  constructor(private readonly db: ScopedDb) {}

  lijst(ctx: RequestContext, filter: BeheerOrganisatieFilter = {}): Promise<BeheerOrganisatie[]> {
    return this.db.transaction(ctx, (m) => leesBeheerOrganisaties(m, filter, MAX_LIJST));
  }

  async opId(ctx: RequestContext, id: string): Promise<BeheerOrganisatie> {
    if (!isUuid(id)) throw nietGevonden('De organisatie');
    const org = await this.db.transaction(ctx, (m) => leesBeheerOrganisatie(m, id));
    if (!org) throw nietGevonden('De organisatie');
    return org;
  }

  gebruikers(ctx: RequestContext, organisatieId: string): Promise<BeheerGebruiker[]> {
    return this.db.transaction(ctx, (m) => leesGebruikers(m, organisatieId));
  }

  historie(ctx: RequestContext, organisatieId: string): Promise<BeheerAuditRegel[]> {
    return this.db.transaction(ctx, (m) => leesHistorie(m, organisatieId));
  }

  async aandacht(ctx: RequestContext): Promise<BeheerAandacht> {
    return this.db.transaction(ctx, async (m) => {
      const rijen = await leesOrganisatiesVoorAandacht(m);
      const mislukt = await leesMislukteImports(m);
      const mislukteImports = [];
      for (const r of mislukt) {
        const organisatie = await leesBeheerOrganisatie(m, r.id);
        if (!organisatie) continue;
        const getal = (v: unknown) => (typeof v === 'number' ? v : null);
        mislukteImports.push({
          organisatie,
          tijdstip: r.tijdstip,
          rijen: getal(r.na?.rijen),
          aantalFouten: getal(r.na?.aantalFouten),
          reden: typeof r.na?.reden === 'string' ? r.na.reden : null,
        });
      }
      mislukteImports.sort((a, b) => b.tijdstip.getTime() - a.tijdstip.getTime());
      return {
        mislukteImports,
        zonderWerkgebied: rijen.filter((o) => o.werkgebiedCodes.length === 0),
        huurdersZonderCorporatie: rijen.filter(
          (o) => o.soort === 'HUURDERSORGANISATIE' && o.corporatieIds.length === 0,
        ),
        zonderGebruikers: rijen.filter((o) => o.aantalGebruikers === 0),
      };
    });
  }
}
