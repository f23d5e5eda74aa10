import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { vandaagInAmsterdam, type IsoDatum } from '@thuismonitor/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/**
 * The one place that asks the system what time it is. Every "today" (deadlines, the current
 * quarter, the retention limit, "no dates in the future") and every "now" the code writes comes
 * from here; the rules in libs/domain take the date as a parameter. Tests fix the clock per app
 * with KLOK_VAST (refused in production), so a test about "a quarter that has not ended" does not
 * start failing when the calendar reaches it.
 *
 * Not from here: record timestamps written by Postgres (`now()`: the transaction's time, which the
 * database keeps consistent within a transaction) and durations (`Date.now()` differences: cache
 * lifetimes, rate-limit windows, timings), which are about elapsed time, not about the calendar.
 * ESLint refuses `new Date()` without arguments outside this file (eslint.config.mjs).
 */
@Injectable()
export class Klok {
  private readonly vast?: Date;
  private dag?: { seconde: number; datum: IsoDatum };

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'klokVast'>) {
    this.vast = config.klokVast;
  }

  /** The current instant (a new object each time: callers may not change the fixed one). */
  nu(): Date {
    return this.vast ? new Date(this.vast.getTime()) : new Date();
  }

  /** Today's date in the Netherlands (Europe/Amsterdam), whatever time zone the server runs in. */
  vandaag(): IsoDatum {
    const nu = this.nu();
    // the Dutch date can only change on a whole second (its UTC offsets are whole hours), so one
    // Intl formatting per second is exact; per call it was 2% of a cached voortgang answer's CPU
    const seconde = Math.floor(nu.getTime() / 1000);
    if (this.dag?.seconde !== seconde) this.dag = { seconde, datum: vandaagInAmsterdam(nu) };
    return this.dag.datum;
  }
}

/** Global: the API and the worker (kernModules) get the same clock everywhere. */
@Global()
@Module({ providers: [Klok], exports: [Klok] })
export class KlokModule {}
