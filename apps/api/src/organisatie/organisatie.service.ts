import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedDb } from '../database/scoped-db.service';
import type { Organisatie, OrganisatieFilter } from './organisatie.types';
import { leesOrganisatie, leesOrganisaties, leesOrganisatiesOpIds } from './organisatie.repository';

/**
 * The organisation list is visible to every signed-in user (DESIGN §6); no tenant rows here, so it
 * is read on ScopedDb's public path (app role, no tenant settings).
 */
@Injectable()
export class OrganisatieService {
  constructor(private readonly db: ScopedDb) {}

  lijst(filter: OrganisatieFilter = {}): Promise<Organisatie[]> {
    return this.db.publiek((m) => leesOrganisaties(m, filter));
  }

  opId(id: string): Promise<Organisatie | undefined> {
    return this.db.publiek((m) => leesOrganisatie(m, id));
  }

  /**
   * `binnen`: the manager of a transaction the caller holds. The organisation tables are reference
   * data the app role reads in any transaction, so a caller inside one must pass it: taking a
   * second pool connection while holding the first deadlocks the pool when every connection is
   * held by such a request (seen: the national overview's parallel voortgang queries).
   */
  async opIds(ids: string[], binnen?: EntityManager): Promise<Organisatie[]> {
    if (binnen) return leesOrganisatiesOpIds(binnen, ids);
    return this.db.publiek((m) => leesOrganisatiesOpIds(m, ids));
  }
}
