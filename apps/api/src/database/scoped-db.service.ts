import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { gemeenteScope, type GemeenteScope, type RequestContext } from '@thuismonitor/auth';
import type { OrganisatieSoort } from '@thuismonitor/domain';

/**
 * The one tenancy mechanism at the database: every read and write on tenant data runs in a
 * transaction that (1) switches to the RLS-bound role thuismonitor_app and (2) carries the
 * principal's scope as transaction-local settings. RLS policies read those settings; unset
 * settings match nothing, so a query that forgot its scope returns no rows (fails closed).
 *
 * Services still filter by scope in SQL for speed and for correct answers (a provincie must get
 * aggregates, not rows); RLS is the second wall that holds when a service gets that wrong.
 */
@Injectable()
export class ScopedDb {
  constructor(private readonly dataSource: DataSource) {}

  async transaction<T>(ctx: RequestContext, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.metScope(
      { id: ctx.organisatieId, soort: ctx.principal.organisatie.soort },
      gemeenteScope(ctx.principal),
      work,
    );
  }

  /**
   * For background jobs that act for an organisation or for the system (e.g. the quarterly run
   * acting for Rijk's national scope). The caller states the scope explicitly.
   */
  async metScope<T>(
    organisatie: { id: string; soort: OrganisatieSoort } | null,
    scope: GemeenteScope,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL ROLE thuismonitor_app');
      await m.query(
        `SELECT set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true),
                set_config('tm.gemeenten', $3, true)`,
        [organisatie?.id ?? '', organisatie?.soort ?? '', scope.soort === 'ALLE' ? '*' : scope.codes.join(',')],
      );
      return work(m);
    });
  }

  /** Reference data and organisation list: public to every signed-in user, no tenant rows. */
  async publiek<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
