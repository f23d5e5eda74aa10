import { Inject, Injectable } from '@nestjs/common';
import { magCyclusKalenderZien, magPrestatieafspraakZien, type RequestContext } from '@thuismonitor/auth';
import {
  bodDeadline,
  controleerJaar,
  cyclusDatums,
  evaluatieAfgerondOp,
  geschilOnderwerpenOp,
  geschilTermijnVolgens,
  regimeVoorCyclus,
  cyclusStand,
  cyclusStapStatusLabel,
  isIsoDatum,
} from '@thuismonitor/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import { RegimeService, regimeVoorApi } from '../volkshuisvesting';
import { bodVerzendData, evaluatiesVan } from './cyclus-kalender.repository';
import { leesPrestatieafspraken } from './prestatieafspraak.repository';
import type { CyclusKalender } from './cyclus-kalender.types';

/**
 * The yearly cycle of a gemeente (evaluation of last year, bod before 1 July, signatures by the
 * December deadline), from its sent boden, evaluations and prestatieafspraken, the regime of the
 * cycle and the domain's cyclusStand. The evaluation step is shown to parties who have something
 * to evaluate.
 */
@Injectable()
export class CyclusKalenderService {
  constructor(
    private readonly db: ScopedDb,
    private readonly referentie: ReferentieService,
    private readonly regimes: RegimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly klok: Klok,
  ) {}

  async kalender(
    ctx: RequestContext,
    gemeenteCode: string,
    jaar: number,
    peildatum?: string | null,
  ): Promise<CyclusKalender> {
    const gemeente = await this.referentie.gemeente(gemeenteCode.trim());
    if (!gemeente) throw nietGevonden('De gemeente');
    controleerJaar(jaar);
    const vandaag = peildatum ?? this.klok.vandaag();
    if (!isIsoDatum(vandaag))
      throw ongeldig(`'${vandaag}' is geen datum (jjjj-mm-dd).`, [
        { veld: 'peildatum', melding: 'Ongeldige datum' },
      ]);

    const { afspraken, boden, evaluaties, partijInGemeente } = await this.db.transaction(ctx, async (m) => {
      // Everything the caller can see of this gemeente (RLS), then the policy on each row.
      const rijen = (await leesPrestatieafspraken(m, { gemeenteCode: gemeente.code })).filter((r) =>
        magPrestatieafspraakZien(ctx.principal, r),
      );
      const partijInGemeente = rijen.some((r) => r.partijIds.includes(ctx.organisatieId));
      if (!magCyclusKalenderZien(ctx.principal, gemeente.code, partijInGemeente))
        throw nietGevonden('De cycluskalender van deze gemeente');
      // the days boden of this cycle were sent (only the dates: the content is for its recipients)
      const boden = await bodVerzendData(m, gemeente.code, jaar);
      // evaluations of the previous year (RLS: parties only)
      const evaluaties = await evaluatiesVan(
        m,
        jaar - 1,
        rijen.map((r) => r.id),
      );
      return { afspraken: rijen, boden, evaluaties, partijInGemeente };
    });

    const datums = cyclusDatums(
      jaar,
      afspraken.map((a) => ({
        isBod: a.isBod,
        jaarVan: a.jaarVan,
        jaarTot: a.jaarTot,
        ingediendOp: a.ingediendDatum,
        vastgesteldOp: a.vastgesteldDatum,
      })),
      boden,
    );
    // the year to evaluate: what was in force in jaar − 1 (vastgesteld, or ended since) and the
    // viewer is a party to; a version replaced by a vastgestelde successor is evaluated there
    const teEvalueren = afspraken
      .filter(
        (a) =>
          (a.status === 'VASTGESTELD' || a.status === 'BEEINDIGD') &&
          a.jaarVan <= jaar - 1 &&
          a.jaarTot >= jaar - 1,
      )
      .filter((a) => a.partijIds.includes(ctx.organisatieId))
      .filter(
        (a) =>
          !a.volgendeVersieId || afspraken.find((n) => n.id === a.volgendeVersieId)?.status !== 'VASTGESTELD',
      )
      .map((a) => a.id);
    // Evaluations are the parties' own: others (provincie, Rijk) would see an "overdue" they cannot judge.
    const metEvaluatie = partijInGemeente && teEvalueren.length > 0;
    // the rules of the cycle come from the legal regime in force for it (reference data, by date)
    const regimes = await this.regimes.regimes();
    const regime = regimeVoorCyclus(regimes, jaar);
    const stand = cyclusStand({
      jaar,
      vandaag,
      ...datums,
      evaluatieAfgerondOp: evaluatieAfgerondOp(teEvalueren, evaluaties),
      deadlineDag: this.config.ondertekenDeadlineDag,
      bodDeadline: bodDeadline(regime, jaar),
    });
    const onderwerpen = geschilOnderwerpenOp(regimes, vandaag);
    return {
      gemeente,
      jaar,
      afsprakenJaar: stand.afsprakenJaar,
      peildatum: vandaag,
      ondertekenDeadlineDag: this.config.ondertekenDeadlineDag,
      stappen: stand.stappen
        .filter((s) => s.code !== 'EVALUATIE' || metEvaluatie)
        .map((s) => ({ ...s, statusLabel: cyclusStapStatusLabel(s.status) })),
      geschilMogelijk: onderwerpen.length > 0,
      geschilOnderwerpen: [...onderwerpen],
      geschilTermijn: geschilTermijnVolgens(regime, jaar),
      regime: regimeVoorApi(regime, regimes.indexOf(regime) + 1),
    };
  }
}
