import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import {
  afspraakRegel,
  periodeVoorJaar,
  vergelijkAfspraakRegels,
  type IsoDatum,
  type Periode,
} from '@thuismonitor/domain';
import type { GebiedInfo } from '../gebied';
import { VastgesteldeAfsprakenBron } from './voortgang-afspraken.port';
import { VoortgangRealisatieService, type Realisatie } from './voortgang-realisatie.service';
import type { AfspraakVoortgang } from './voortgang.types';

/** One measurement of the voortgang: what its afspraken reuse of it. */
export interface Meting {
  gebied: GebiedInfo;
  periode: Periode;
  peil: IsoDatum;
  /** figures of others are released figures (VoortgangService.meet) */
  onderdrukken: boolean;
  realisatie: Realisatie;
}

/**
 * Progress of every afspraak of the vastgestelde prestatieafspraken in the area that `ctx` may
 * read, over the calendar year of the period's end (a doelwaarde is set per year) UP TO THE SAME
 * PEILDATUM as the voortgang: for a past quarter, nothing dated after that quarter counts. Read
 * in the caller's transaction (one cut-off), with the same realisation code. The afspraken come
 * through the port VastgesteldeAfsprakenBron; the verdict per afspraak is domain afspraakRegel.
 */
@Injectable()
export class VoortgangAfsprakenService {
  constructor(
    private readonly bron: VastgesteldeAfsprakenBron,
    private readonly realisatie: VoortgangRealisatieService,
  ) {}

  async afsprakenIn(m: EntityManager, ctx: RequestContext, meting: Meting): Promise<AfspraakVoortgang[]> {
    const jaar = Number(meting.periode.tot.slice(0, 4));
    const jaarPeriode = periodeVoorJaar(jaar);
    const lijst = await this.bron.vastgesteldeAfsprakenIn(m, ctx, meting.gebied.gemeenten, jaar);
    if (lijst.length === 0) return [];
    const peil = meting.peil;
    // the afspraken are measured over the whole year: another period is measured again
    const realisatie =
      meting.periode.van === jaarPeriode.van && meting.periode.tot === jaarPeriode.tot
        ? meting.realisatie
        : await this.realisatie.realisatie(m, meting.gebied, jaarPeriode, peil, meting.onderdrukken);
    return lijst
      .map((a) =>
        afspraakRegel({ ...a, verantwoordelijke: a.verantwoordelijke?.naam ?? '' }, jaar, peil, realisatie),
      )
      .sort(vergelijkAfspraakRegels);
  }
}
