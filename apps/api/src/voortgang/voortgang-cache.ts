import { Inject, Injectable } from '@nestjs/common';
import { gemeenteScope, type RequestContext } from '@thuismonitor/auth';
import type { IsoDatum, Periode } from '@thuismonitor/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { CacheSignalen } from '../database/cache-signalen';
import { ScopedDb } from '../database/scoped-db.service';
import type { GebiedInfo } from '../gebied';
import type { Voortgang } from './voortgang.types';

/** What one cached answer was computed for: everything `VoortgangService.meet` depends on. */
export interface VoortgangVraag {
  ctx: RequestContext;
  gebied: GebiedInfo;
  periode: Periode;
  vandaag: IsoDatum;
  metAfspraken: boolean;
}

/**
 * Voortgang answers of the GraphQL query, kept in memory (issue 9, "Speed under load": the same
 * gemeente, provincie or country is asked again and again, and a closed quarter's figures do not
 * change). Correctness comes first:
 *
 * - Freshness: each answer is stored with the data version (ScopedDb.gegevensVersie, migration
 *   1765400000003) read BEFORE its data, and served only while the version is still the same.
 *   Every committed write to a table the answer depends on raises the version, so after a
 *   correction (or any import, target, afspraak, werkgebied change) the next request computes
 *   anew: the cache never answers with figures older than the last commit. Cost of a hit: one
 *   single-statement round trip instead of the whole computation.
 * - Who: the key holds the principal's organisation (id, kind, code) and its gemeente scope,
 *   besides the area with its gemeenten, the period, the day (peildatum) and whether afspraken were
 *   asked for; meet() depends on nothing else of the principal. Two users of one organisation
 *   share answers; two organisations never do.
 * - Size: at most VOORTGANG_CACHE answers (least recently used out first); 0 switches it off.
 *
 * Reports do not use this: they measure inside their own snapshot (one cut-off per report).
 */
@Injectable()
export class VoortgangCache {
  private readonly antwoorden = new Map<string, { versie: string; voortgang: Voortgang }>();
  private readonly max: number;

  constructor(
    private readonly db: ScopedDb,
    private readonly signalen: CacheSignalen,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.max = config.voortgangCache;
  }

  /** The cached answer for `vraag` if the data did not change since, else `bereken()` (and keep it). */
  async haal(vraag: VoortgangVraag, bereken: () => Promise<Voortgang>): Promise<Voortgang> {
    // not listening: another replica's change to reference data could go unnoticed (CacheSignalen)
    if (this.max <= 0 || !this.signalen.luistert) return bereken();
    const sleutel = sleutelVan(vraag);
    // the signal generation, then the version: an answer is kept only with reference data as new
    // as the version it is stored under (see CacheSignalen.generatie)
    const versie = `${this.signalen.generatie}:${await this.db.gegevensVersie()}`;
    const bewaard = this.antwoorden.get(sleutel);
    if (bewaard && bewaard.versie === versie) {
      // least recently used: move to the end
      this.antwoorden.delete(sleutel);
      this.antwoorden.set(sleutel, bewaard);
      return bewaard.voortgang;
    }
    const voortgang = await bereken();
    this.antwoorden.delete(sleutel);
    this.antwoorden.set(sleutel, { versie, voortgang });
    while (this.antwoorden.size > this.max) this.antwoorden.delete(this.antwoorden.keys().next().value!);
    return voortgang;
  }

  /** number of answers held (tests, metrics) */
  get grootte(): number {
    return this.antwoorden.size;
  }
}

function sleutelVan(v: VoortgangVraag): string {
  const org = v.ctx.principal.organisatie;
  const scope = gemeenteScope(v.ctx.principal);
  return JSON.stringify([
    org.id,
    org.soort,
    org.code,
    scope.soort === 'ALLE' ? '*' : [...scope.codes].sort(),
    v.gebied.soort,
    v.gebied.code,
    v.gebied.gemeenten,
    v.periode.van,
    v.periode.tot,
    v.vandaag,
    v.metAfspraken,
  ]);
}
