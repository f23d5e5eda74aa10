import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, zietOnderdrukteCellen, type RequestContext } from '@thuismonitor/auth';
import {
  actielijnRegels,
  formatDatum,
  gemeenteRegels,
  isRasterPeriode,
  kwartaalEinde,
  peildatum,
  publicatieWeigeringMelding,
  verstrekenFractie,
  type IsoDatum,
  type Periode,
} from '@thuismonitor/domain';
import { nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import type { GebiedInfo, GebiedInput } from '../gebied';
import { laatstGeslotenKwartaal } from '../publicatie';
import { ReferentieService } from '../referentie';
import { periodeUitInvoer } from '../taakstelling';
import { VoortgangAfsprakenService, type Meting } from './voortgang-afspraken.service';
import { Bundel } from './voortgang-bundel.repository';
import { VoortgangCache } from './voortgang-cache';
import { VoortgangDoelenService } from './voortgang-doelen.service';
import { VoortgangRealisatieService, bundelUitvoeren } from './voortgang-realisatie.service';
import type { GemeenteVoortgang, Voortgang } from './voortgang.types';

export interface VoortgangOpties {
  /**
   * The Dutch calendar date the voortgang is measured on; default today (Europe/Amsterdam). The
   * peildatum is the end of the period or this date, whichever is earlier: nothing dated after it
   * counts. A report passes its quarter's last day, so it gives the same figures whenever it runs.
   */
  vandaag?: IsoDatum;
  /** also measure every afspraak of the vastgestelde prestatieafspraken (field `afspraken`) */
  metAfspraken?: boolean;
  /** measure as a non-owner even when `ctx` owns the area (a report a gemeente shares with others) */
  gedeeld?: boolean;
}

/** The legend for a non-owner (docs/decisions.md, "Publicatie"). */
export const AFRONDING_UITLEG =
  'Kleine aantallen huishoudens (1 tot en met 4) zijn voor wie niet de eigenaar van de cijfers is afgerond op 0 of 5, ' +
  'per gemeente, organisatie en kwartaal; totalen zijn de som daarvan. Personen in zo’n afgeronde cel tellen als 0 of 11 ' +
  '(5 huishoudens van gemiddeld 2,1 personen, CBS). Cijfers van afgesloten kwartalen liggen vast zoals ze na de aanleverdatum zijn vrijgegeven. ' +
  'De eigen cijfers van een gemeente of corporatie zijn exact.';

/**
 * Voortgang of an area over a period: per actielijn and indicator the taakstelling
 * (VoortgangDoelenService), the realisation (VoortgangRealisatieService, computed in SQL from the
 * indicator's source, a handful of GROUP BY queries for the whole area), percentage and status (a
 * target is judged on its due date; the table is domain voortgang-tabel.ts), the table per
 * gemeente for areas above a gemeente with each aggregate's coverage, and on request the progress
 * of each vastgestelde afspraak in the area (VoortgangAfsprakenService). Everything is bounded by
 * ONE peildatum.
 */
@Injectable()
export class VoortgangService {
  private readonly logger = new Logger(VoortgangService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
    private readonly realisatie: VoortgangRealisatieService,
    private readonly doelen: VoortgangDoelenService,
    private readonly afspraken: VoortgangAfsprakenService,
    private readonly cache: VoortgangCache,
    private readonly klok: Klok,
  ) {}

  /** The GraphQL entry: checks the area against the viewer's scope, then measures in one transaction. */
  async voortgang(
    ctx: RequestContext,
    gebiedInvoer: GebiedInput,
    periodeInvoer: { periode?: { van: string; tot: string } | null; jaar?: number | null },
    opties: { metAfspraken?: boolean } = {},
  ): Promise<Voortgang> {
    const periode = periodeUitInvoer(periodeInvoer);
    const opgezocht = await this.gebieden.opzoeken(gebiedInvoer.soort, gebiedInvoer.code);
    // outside the viewer's scope answers exactly like an unknown area
    if (!gebiedZichtbaar(ctx.principal, opgezocht)) throw nietGevonden('Het gebied');
    // after a herindeling the new gemeente's periods take in its predecessors' figures
    const gebied = await this.gebieden.metVoorgangers(opgezocht, periode);
    const metAfspraken = opties.metAfspraken === true;
    const vandaag = this.klok.vandaag();
    // the same question on unchanged data gets the same answer (voortgang-cache.ts)
    return this.cache.haal({ ctx, gebied, periode, vandaag, metAfspraken }, () =>
      this.db.transaction(ctx, (m) => this.meet(m, ctx, gebied, periode, { metAfspraken, vandaag })),
    );
  }

  /**
   * THE voortgang computation, for the screen and for reports alike (stable signature): inside a
   * transaction the caller opened (a request's scoped transaction, or a report's snapshot), as
   * principal `ctx` (who owns which figures, which afspraken it may read), over `periode`, bounded
   * by its peildatum. The caller has checked that `gebied` is in ctx's scope. The afspraken are
   * measured here, from this measurement, when asked: `afspraken` is [] otherwise.
   */
  async meet(
    m: EntityManager,
    ctx: RequestContext,
    gebied: GebiedInfo,
    periode: Periode,
    opties: VoortgangOpties = {},
  ): Promise<Voortgang> {
    let vandaag = opties.vandaag ?? this.klok.vandaag();
    const onderdrukken =
      opties.gedeeld === true || gebied.gemeenten.some((g) => zietOnderdrukteCellen(ctx.principal, g));
    let toelichting: string | null = null;
    if (onderdrukken) {
      // Released figures exist only on the grid (whole quarters) and for closed quarters
      // (docs/decisions.md, "Publicatie"). A period that runs on (this year) is shown up to the
      // last closed quarter, and the answer says so; a period on no grid, or without any closed
      // quarter, is refused in Dutch.
      if (!isRasterPeriode(periode)) throw ongeldig(publicatieWeigeringMelding('NIET_OP_RASTER'));
      const grens = kwartaalEinde(await laatstGeslotenKwartaal(m));
      if (grens < periode.van) throw ongeldig(publicatieWeigeringMelding('KWARTAAL_NIET_GESLOTEN'));
      if (grens < periode.tot && grens < vandaag) {
        vandaag = grens;
        toelichting = `Tot en met ${formatDatum(grens)}: wie niet de eigenaar van de cijfers is, ziet alleen afgesloten kwartalen.`;
      }
    }
    const { voortgang, meting } = await this.berekenMeting(m, gebied, periode, vandaag, onderdrukken);
    voortgang.peildatumToelichting = toelichting;
    if (opties.metAfspraken) voortgang.afspraken = await this.afspraken.afsprakenIn(m, ctx, meting);
    return voortgang;
  }

  private async berekenMeting(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    vandaag: IsoDatum,
    onderdrukken: boolean,
  ): Promise<{ voortgang: Voortgang; meting: Meting }> {
    const start = Date.now();
    const gemeenten = gebied.gemeenten;
    const peil = peildatum(periode, vandaag);
    // a non-owner's protected figures are sums of released base cells (publicatie): nothing is
    // hidden with × any more, and every total is the sum of the same cells as its parts
    const b = new Bundel();
    const realisatieKlaar = this.realisatie.realisatieIn(b, gebied, periode, peil, onderdrukken);
    const doelenKlaar = this.doelen.doelen(b, gebied, periode, peil);
    realisatieKlaar.catch(() => undefined); // a failed statement is thrown by bundelUitvoeren
    doelenKlaar.catch(() => undefined);
    await bundelUitvoeren(b, m); // every query of the realisation and the targets in one round trip
    const realisatie = await realisatieKlaar;
    const doelen = await doelenKlaar;

    const actielijnen = actielijnRegels(realisatie, doelen.voorGebied, gemeenten.length);
    let perGemeente: GemeenteVoortgang[] = [];
    if (gebied.soort !== 'GEMEENTE') {
      const namen = new Map(
        (await this.referentie.gemeenten({ codes: gemeenten })).map((g) => [g.code, g.naam]),
      );
      perGemeente = gemeenteRegels(gemeenten, namen, realisatie, doelen.perGemeente);
    }

    this.logger.debug(
      `voortgang ${gebied.soort} ${gebied.code} ${periode.van}..${periode.tot} in ${Date.now() - start} ms`,
    );
    return {
      voortgang: {
        gebied: { soort: gebied.soort, code: gebied.code, naam: gebied.naam },
        periode: { van: periode.van, tot: periode.tot },
        peildatum: peil,
        verstrekenFractie: verstrekenFractie(periode, vandaag),
        afgeschermd: onderdrukken,
        afschermingUitleg: onderdrukken ? AFRONDING_UITLEG : null,
        peildatumToelichting: null,
        actielijnen,
        gemeenten: perGemeente,
        afspraken: [],
      },
      meting: { gebied, periode, peil, onderdrukken, realisatie },
    };
  }
}
