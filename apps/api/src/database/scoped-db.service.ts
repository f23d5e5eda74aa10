import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  gemeenteScope,
  heeftPermissie,
  RequestContext,
  schrijfGemeenten,
  type GemeenteScope,
} from '@thuismonitor/auth';
import type { OrganisatieSoort } from '@thuismonitor/domain';
import { conflict } from '../common/fouten';
import { leesOrganisatieVoorAanmelding, type AanmeldingOrganisatie } from './aanmelding-query';

/** The application role every path below switches to; RLS binds it (the schema owner bypasses RLS). */
export const APP_ROLE = 'thuismonitor_app';

/**
 * An explicit scope for work that is not a request (jobs): who the job acts as and which
 * gemeenten it may see. A job states this itself; there is no default and no "no filter".
 */
export interface JobScope {
  organisatie: { id: string; soort: OrganisatieSoort };
  gemeenten: GemeenteScope;
  /**
   * the gemeenten it may write rows for (tm.werkgebied; libs/auth schrijfGemeenten): a request's
   * current werkgebied; unset for a job, which writes no tenant rows by werkgebied
   */
  werkgebied?: readonly string[];
  /** the platform operator (RIJK + platformbeheer): tm.operator; never set for a job */
  operator?: boolean;
}

/**
 * A commit refused because a quarter closed while the transaction ran (migration
 * 1766000000000-publicatie-sluiting): nothing was stored, and doing it again is right. Answered to
 * users as a conflict in Dutch; everything else passes unchanged.
 */
function vertaalKwartaalGesloten(err: unknown): never {
  const driver = (err as { driverError?: { code?: string; hint?: string } }).driverError;
  if (driver?.code === '40001' && driver.hint === 'tm:kwartaal-gesloten') {
    throw conflict(
      'Een kwartaal werd afgesloten terwijl uw wijziging werd verwerkt. Er is niets opgeslagen; probeer het opnieuw.',
    );
  }
  throw err;
}

/** Background tasks that may write through `jobTransaction`; RLS policies check the name. */
export type JobTaak = 'kwartaalrapportage' | 'bewaartermijn';

/**
 * THE way into Postgres. Every read and write of the API and the worker goes through one of the
 * named paths below; each runs in a transaction that switches to the RLS-bound role
 * thuismonitor_app, so row-level security applies to all of them. Only startup code (migrations,
 * reference sync, demo seeding: prepare-database.ts) uses the schema owner, and ESLint refuses
 * DataSource/EntityManager injection anywhere outside apps/api/src/database/.
 *
 * Tenancy travels as transaction-local settings (tm.organisatie_id, tm.organisatie_soort,
 * tm.gemeenten, tm.taak, tm.operator, tm.werkgebied). The policies read them; an unset setting matches
 * nothing, so a query
 * that forgot its scope returns no tenant rows (fails closed). SET LOCAL / set_config(..., true)
 * end with the transaction, so a pooled connection never carries one tenant into the next.
 *
 * Paths:
 *  - transaction(ctx)      a request: the principal's organisation and gemeente scope, read/write;
 *  - snapshot(scope)       a job's read: READ ONLY, REPEATABLE READ, explicit scope (one cut-off);
 *  - jobTransaction(scope) a job's write of its own output (tm.taak names the task for RLS);
 *  - publiek()             reference data and the organisation list: no tenant settings at all;
 *  - organisatieVoorAanmelding(code)  the principal resolver's one lookup, before a context exists;
 *  - gegevensVersie()      the data version for answer caches (a counter, no tenant data);
 *  - gereed()              readiness probe (SELECT 1).
 *
 * Services still filter by scope in SQL for speed and correct answers (a provincie must get
 * aggregates, not rows); RLS is the second wall that holds when a service gets that wrong.
 */
@Injectable()
export class ScopedDb {
  constructor(private readonly dataSource: DataSource) {}

  /** A request: runs `work` as the principal of `ctx` (its organisation and gemeente scope). */
  async transaction<T>(ctx: RequestContext, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource
      .transaction(async (m) => {
        await this.zetScope(m, scopeVan(ctx), null);
        return work(m);
      })
      .catch(vertaalKwartaalGesloten);
  }

  /**
   * A job's consistent read: ONE read-only REPEATABLE READ transaction under thuismonitor_app with
   * an explicit scope, so every figure `work` reads sees the same committed state (one cut-off)
   * and exactly the rows that scope may see (RLS applies as for a request). Any write inside
   * fails ("cannot execute ... in a read-only transaction"). Pass the RequestContext the job acts
   * as (e.g. `await db.systeemContext('kwartaalrapportage')`: the system with Rijk's national
   * scope) or a JobScope. `work` may read `SELECT now()` as the snapshot's moment: in one
   * transaction now() is the transaction start, the same instant as the snapshot.
   */
  async snapshot<T>(
    scope: RequestContext | JobScope,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      // must precede every query of the transaction
      await m.query('SET TRANSACTION READ ONLY');
      await this.zetScope(m, scope instanceof RequestContext ? scopeVan(scope) : scope, null);
      return work(m);
    });
  }

  /**
   * Inside an open `snapshot` transaction `m`: run `work` as another principal in the SAME
   * transaction (the same data cut-off, no second connection), then switch back to `terug`.
   * Postgres decides exact versus released figures from these settings, so a report's exact
   * variant is read as the gemeente that owns it, in the snapshot of its shared variant. Refused
   * outside a read-only transaction: a request can never switch principal for a write.
   */
  async alsInSnapshot<T>(
    m: EntityManager,
    als: RequestContext | JobScope,
    terug: RequestContext | JobScope,
    work: () => Promise<T>,
  ): Promise<T> {
    const [{ transaction_read_only: alleenLezen }] = await m.query('SHOW transaction_read_only');
    if (alleenLezen !== 'on') throw new Error('alsInSnapshot outside a read-only snapshot');
    await this.zetScope(m, als instanceof RequestContext ? scopeVan(als) : als, null);
    try {
      return await work();
    } finally {
      await this.zetScope(m, terug instanceof RequestContext ? scopeVan(terug) : terug, null);
    }
  }

  /**
   * A job that writes its own output (today: storing finished kwartaalrapportages). Read/write,
   * under thuismonitor_app with the job's scope, plus tm.taak = `taak`: the RLS policies that let
   * the app role insert reports require that setting, which no request transaction sets.
   */
  async jobTransaction<T>(
    taak: JobTaak,
    scope: RequestContext | JobScope,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await this.zetScope(m, scope instanceof RequestContext ? scopeVan(scope) : scope, taak);
      return work(m);
    });
  }

  /**
   * Reference data (gemeenten, provincies, woningmarktregio's) and the organisation list: public
   * to every signed-in user. Read-only, under thuismonitor_app with NO tenant settings, so RLS
   * hides every tenant row: code on this path cannot read toewijzingen and the like even by mistake.
   */
  async publiek<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      await this.zetScope(m, null, null);
      return work(m);
    });
  }

  /**
   * The development login's account list (tm_aanmeldbare_gebruikers(): registered users with
   * their e-mail). The function answers only with tm.dev_login = 'on', which only this path sets;
   * only the DEV_OIDC provider calls it (migration 1766100000000), so production gets no rows.
   */
  async aanmeldbareGebruikersVoorDevLogin<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.publiek(async (m) => {
      await m.query(`SELECT set_config('tm.dev_login', 'on', true)`);
      return work(m);
    });
  }

  /**
   * The principal resolver's lookup: the organisation named by a token's claim, with its kind and
   * werkgebied, before any RequestContext exists. Deliberately narrow (one fixed query on the
   * public path, no callback), so "resolving a principal" cannot become a general unscoped door.
   */
  async organisatieVoorAanmelding(code: string): Promise<AanmeldingOrganisatie | undefined> {
    return this.publiek((m) => leesOrganisatieVoorAanmelding(m, code));
  }

  /**
   * The context a system job acts as: the Rijk organisation (national scope), with a `sub` that
   * names the job in audit rows and logs. Read on the public path (the organisation list).
   */
  async systeemContext(taak: string): Promise<RequestContext> {
    const [rijk] = await this.publiek((m) =>
      m.query(`SELECT id, code, naam FROM organisatie WHERE soort = 'RIJK' AND actief ORDER BY code LIMIT 1`),
    );
    if (!rijk) throw new Error('no RIJK organisation: reference organisations missing');
    return new RequestContext(
      {
        sub: `systeem:${taak}`,
        gebruikersnaam: 'systeem',
        naam: `Thuismonitor ${taak}`,
        organisatieCode: rijk.code,
        rollen: ['lezen'],
        organisatie: { id: rijk.id, code: rijk.code, soort: 'RIJK', naam: rijk.naam, gemeenten: [] },
      },
      taak,
    );
  }

  /**
   * The data version (migration 1765400000003): one number, raised by every committed write to a
   * table that answers depend on. An answer cache reads it BEFORE reading the data and serves a
   * stored answer only while it is unchanged (voortgang/voortgang-cache.ts). One fixed query
   * outside a transaction; it reads a counter, no tenant data.
   */
  async gegevensVersie(): Promise<string> {
    const [rij] = await this.dataSource.query('SELECT versie::text AS versie FROM tm_gegevens_versie');
    return rij.versie;
  }

  /** Readiness: the database answers a trivial query. */
  async gereed(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }

  private async zetScope(m: EntityManager, scope: JobScope | null, taak: JobTaak | null): Promise<void> {
    if (!scope && !taak) {
      await m.query(`SET LOCAL ROLE ${APP_ROLE}`);
      return; // public path: every tm.* setting stays unset (matches nothing)
    }
    // one round trip: set_config('role', …, true) is SET LOCAL ROLE (the same setting and
    // membership check), evaluated before the tm.* settings of the same select list
    await m.query(
      `SELECT set_config('role', '${APP_ROLE}', true), set_config('tm.organisatie_id', $1, true), set_config('tm.organisatie_soort', $2, true),
              set_config('tm.gemeenten', $3, true), set_config('tm.taak', $4, true), set_config('tm.operator', $5, true),
              set_config('tm.werkgebied', $6, true)`,
      [
        scope?.organisatie.id ?? '',
        scope?.organisatie.soort ?? '',
        !scope ? '' : scope.gemeenten.soort === 'ALLE' ? '*' : scope.gemeenten.codes.join(','),
        taak ?? '',
        scope?.operator === true && scope.organisatie.soort === 'RIJK' ? 'on' : '',
        scope?.werkgebied?.join(',') ?? '',
      ],
    );
  }
}

function scopeVan(ctx: RequestContext): JobScope {
  return {
    organisatie: { id: ctx.organisatieId, soort: ctx.principal.organisatie.soort },
    gemeenten: gemeenteScope(ctx.principal),
    werkgebied: schrijfGemeenten(ctx.principal),
    // the database's own check of POLICY['organisatie:beheren'] (RIJK + platformbeheer)
    operator: heeftPermissie(ctx.principal, 'organisatie:beheren'),
  };
}
