import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * What is announced on channel tm_cache: a committed change to one of these tables (migration
 * 1766500000000), or `gegevens`: any committed change that raised the data version, i.e. to a
 * table a voortgang answer reads (migration 1767200000000).
 */
export type GesignaleerdeTabel =
  'organisatie' | 'organisatie_werkgebied' | 'gemeente' | 'provincie' | 'woningmarktregio' | 'gegevens';

const KANAAL = 'tm_cache';
const MAX_WACHT_MS = 30_000;

/**
 * Clears in-memory caches in every API and worker process when another process (or this one)
 * committed a change they depend on. A trigger on each watched table sends NOTIFY at COMMIT
 * (migration 1766500000000); this provider holds one connection per process that LISTENs and
 * calls the subscribers of that table.
 *
 * - A notification arrives only after the change is visible, so a cache reloaded on it reads the
 *   new state; a rolled-back change sends nothing.
 * - While the listening connection is down notifications are lost, so every (re)connect clears
 *   every subscriber once: a cache may be emptied needlessly, never kept stale.
 * - The connection only LISTENs: it runs no query on data. It needs a direct (or session-mode
 *   pooled) connection, because a transaction-mode pool such as PgBouncer's does not deliver
 *   notifications: DATABASE_LISTEN_URL, else DATABASE_URL.
 *
 * The process that made a change still clears its own cache at once (beheer, referentie import),
 * so its next request does not depend on the notification's round trip.
 */
@Injectable()
export class CacheSignalen implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CacheSignalen.name);
  private readonly abonnees: { tabellen: ReadonlySet<string>; wis: () => void }[] = [];
  private client?: Client;
  private gestopt = false;
  private wacht = 500;
  private timer?: NodeJS.Timeout;
  /** notifications received (tests, diagnostics) */
  ontvangen = 0;
  private teller = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * `wis` runs when a change to one of `tabellen` has committed anywhere, and after the listening
   * connection was (re)established. It must be cheap and synchronous: drop the cache, reload lazily.
   */
  abonneer(tabellen: readonly GesignaleerdeTabel[], wis: () => void): void {
    this.abonnees.push({ tabellen: new Set(tabellen), wis });
  }

  /** true while notifications can arrive (readiness and tests) */
  get luistert(): boolean {
    return this.client !== undefined;
  }

  /**
   * Goes up with every notification, every (re)connect and every `lokaleWijziging`. Every commit
   * that changes data a voortgang answer reads sends a notification (`gegevens`), so an answer
   * stored under generation G was computed from data no older than the last change announced
   * before G was read: while the number stays G nothing it depends on has been announced since.
   * The data version (migration 1765400000003) rises at COMMIT, but this process clears its
   * reference data and principals only when the notification arrives, a moment later: answer
   * caches therefore put this number in their key (read before anything is computed), and keep
   * nothing while `luistert` is false.
   *
   * The one window: a commit by another process is seen here when its notification arrives,
   * which Postgres sends at that commit (measured in cache-replicas.spec: a few milliseconds).
   * A write through this process does not wait for it (`lokaleWijziging`).
   */
  get generatie(): number {
    return this.teller;
  }

  /**
   * A write through this process has committed and its answer is about to be sent: raise the
   * generation now, so the writer's next question is never answered from before its own write,
   * whether or not the notification has arrived yet.
   */
  lokaleWijziging(): void {
    this.teller++;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.verbind();
  }

  async onApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    clearTimeout(this.timer);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async verbind(): Promise<void> {
    if (this.gestopt) return;
    const client = new Client({
      connectionString: this.config.databaseListenUrl,
      application_name: 'thuismonitor-cache-signalen',
      // a connection that died silently (failover, a NAT dropping it) must be noticed, or this
      // process would wait for notifications forever
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (n) => {
      this.ontvangen++;
      this.wis((a) => a.tabellen.has(n.payload ?? ''));
    });
    // a dropped connection (restart, failover, DROP DATABASE in tests): reconnect and clear all
    client.on('error', (err) => this.verloren(client, err));
    client.on('end', () => this.verloren(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${KANAAL}`);
    } catch (err) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.logger.warn(`cache invalidation: cannot listen (${(err as Error).message}); retrying`);
      this.plan();
      return;
    }
    if (this.gestopt) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.wacht = 500;
    // whatever changed while nobody listened is unknown: start clean
    this.wis(() => true);
  }

  private verloren(client: Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.gestopt) return;
    this.logger.warn(`cache invalidation: connection lost${err ? ` (${err.message})` : ''}; reconnecting`);
    this.plan();
  }

  private plan(): void {
    if (this.gestopt) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.verbind(), this.wacht);
    this.timer.unref();
    this.wacht = Math.min(this.wacht * 2, MAX_WACHT_MS);
  }

  private wis(welke: (a: { tabellen: ReadonlySet<string> }) => boolean): void {
    this.teller++;
    for (const a of this.abonnees) {
      if (!welke(a)) continue;
      try {
        a.wis();
      } catch (err) {
        this.logger.error(`cache invalidation: a subscriber failed: ${(err as Error).message}`);
      }
    }
  }
}
