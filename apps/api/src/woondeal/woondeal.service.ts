import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, type RequestContext } from '@thuismonitor/auth';
import {
  UITGANGSPUNT_BETAALBAAR,
  UITGANGSPUNT_SOCIALE_HUUR,
  WOONDEAL_INDICATOREN,
  aandeelOordeelLabel,
  beoordeelAandeel,
  dekkingTekst,
  doelAandeel,
  beoordeelDoel,
  doelInPeriode,
  regimeOp,
  voortgangStatusLabel,
  woondealAandeel,
  woondealCijfers,
  woondealGrondslag,
  woondealPijplijn,
  type NieuwbouwSegmenten,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import { ReferentieService } from '../referentie';
import { nietGevonden } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import type { GebiedInfo } from '../gebied';
import { RegimeService } from '../volkshuisvesting';
import type { IndicatorVoortgang, Voortgang } from '../voortgang';
import { leesOpleveringen, leesPijplijn, leesRegioTaakstellingen } from './woondeal.repository';
import type { Woondeal, WoondealGemeente, WoondealRegio } from './woondeal.types';

const AANDEEL_VOORRAAD = 'AANDEEL_SOCIALE_HUUR';

/**
 * Regional woondeals (issue 12, item 5): the targets are taakstellingen on the catalogue's
 * nieuwbouw indicators (per woningmarktregio and gemeente, any period, e.g. 2022–2030; who sets
 * them: docs/decisions.md "Taakstellingen"), so their realisation, target and status come from the
 * voortgang of the same area and period (VoortgangService.meet: one peildatum, the target on its
 * due date). This adds what the voortgang does not hold: the segments, the shares betaalbaar and
 * sociale huur as Σ ÷ Σ over the same projects, the pipeline on the peildatum, the legal basis by
 * regime, and the stock share of sociale huur as a fact judged only against a provincie's target.
 */
@Injectable()
export class WoondealService {
  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly regimes: RegimeService,
    private readonly referentie: ReferentieService,
  ) {}

  /** `voortgang { woondeal }`: the area of the voortgang answer, checked again against the viewer. */
  async voorVoortgang(ctx: RequestContext, v: Voortgang): Promise<Woondeal> {
    const opgezocht = await this.gebieden.opzoeken(v.gebied.soort, v.gebied.code);
    if (!gebiedZichtbaar(ctx.principal, opgezocht)) throw nietGevonden('Het gebied');
    const gebied = await this.gebieden.metVoorgangers(opgezocht, v.periode);
    return this.db.transaction(ctx, (m) => this.meet(m, gebied, v));
  }

  /** Inside a caller's transaction (a request, or a report's snapshot), over the voortgang `v` of `gebied`. */
  async meet(m: EntityManager, gebied: GebiedInfo, v: Voortgang): Promise<Woondeal> {
    const peil = v.peildatum;
    const [rijen, pijplijnRijen, regimes] = await Promise.all([
      leesOpleveringen(m, gebied.gemeenten, v.periode.van, peil),
      leesPijplijn(m, gebied.gemeenten, peil),
      this.regimes.regimesIn(m),
    ]);
    const perGemeente = new Map<string, NieuwbouwSegmenten>(
      rijen.map((r) => [
        r.gemeente,
        {
          socialeHuur: r.sociale_huur,
          middenhuur: r.middenhuur,
          vrijeSectorHuur: r.vrije_sector_huur,
          koopBetaalbaar: r.koop_betaalbaar,
          koopVrij: r.koop_vrij,
          projecten: r.projecten,
        },
      ]),
    );
    const cijfers = woondealCijfers(perGemeente, gebied.gemeenten);
    const indicator = (code: string): IndicatorVoortgang | undefined =>
      v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === code);
    const onderdeel = (code: string, opgeleverd: number) => {
      const i = indicator(code);
      return {
        code,
        naam: i?.naam ?? code,
        taakstelling: i?.taakstelling ?? null,
        taakstellingBron: i?.taakstellingBron ?? 'GEEN',
        opgeleverd,
        percentage: i?.percentage ?? null,
        status: i?.status ?? null,
        statusLabel: i?.statusLabel ?? null,
        vervaldatum: i?.vervaldatum ?? null,
      };
    };
    const onderdelen = [
      onderdeel(WOONDEAL_INDICATOREN.totaal, cijfers.totaal),
      onderdeel(WOONDEAL_INDICATOREN.betaalbaar, cijfers.betaalbaar),
      onderdeel(WOONDEAL_INDICATOREN.socialeHuur, cijfers.socialeHuur),
    ];
    const [totaal, betaalbaar, socialeHuur] = onderdelen;
    const pijplijn = woondealPijplijn(pijplijnRijen);

    // the stock share: a fact with its coverage, judged only against a provincie's target (the
    // voortgang counts no other level's target for it: domain taakstellingTelt)
    const voorraadIndicator = indicator(AANDEEL_VOORRAAD);
    const voorraadCel = voorraadIndicator?.realisatie ?? { waarde: null, onderdrukt: false, weergave: '–' };
    const voorraadDoel = voorraadIndicator?.taakstelling ?? null;
    const voorraadOordeel = beoordeelAandeel(voorraadCel.waarde, voorraadDoel);
    const voorraad = {
      aandeel: voorraadCel,
      dekking: voorraadIndicator?.dekking ?? {
        gemeenten: 0,
        totaal: gebied.gemeenten.length,
        weergave: dekkingTekst({ gemeenten: 0, totaal: gebied.gemeenten.length }),
      },
      doel: voorraadDoel,
      oordeel: voorraadOordeel,
      oordeelLabel: aandeelOordeelLabel(voorraadOordeel),
      toelichting:
        'Het aandeel sociale huur in de woningvoorraad is een feit, geen wettelijke norm: de 30% sociale huur uit de woondeals ' +
        'geldt voor de nieuwbouw per regio. Een oordeel staat er alleen als de provincie voor dit gebied een doel stelde.',
    };

    const gemeenten: WoondealGemeente[] = v.gemeenten.map((g) => {
      const c = woondealCijfers(perGemeente, [g.gemeente.code]);
      const ind = (code: string) => g.indicatoren.find((i) => i.indicatorCode === code);
      const va = ind(AANDEEL_VOORRAAD);
      const vAandeel = va?.realisatie.waarde ?? null;
      const vDoel = va?.taakstelling ?? null;
      return {
        gemeente: g.gemeente,
        opgeleverd: c.totaal,
        betaalbaar: c.betaalbaar,
        socialeHuur: c.socialeHuur,
        aandeelBetaalbaar: c.aandeelBetaalbaar,
        aandeelSocialeHuur: c.aandeelSocialeHuur,
        taakstelling: ind(WOONDEAL_INDICATOREN.totaal)?.taakstelling ?? null,
        voorraadAandeel: vAandeel,
        voorraadDoel: vDoel,
        voorraadOordeel: aandeelOordeelLabel(beoordeelAandeel(vAandeel, vDoel)),
      };
    });

    const regios = await this.regiosIn(m, gebied, v, perGemeente);
    const grondslag = woondealGrondslag(regimeOp(regimes, peil));
    return {
      grondslag: grondslag.code,
      grondslagTekst: grondslag.tekst,
      periode: v.periode,
      peildatum: peil,
      onderdelen,
      segmenten: {
        socialeHuur: cijfers.socialeHuur,
        middenhuur: cijfers.middenhuur,
        koopBetaalbaar: cijfers.koopBetaalbaar,
        vrijeSectorHuur: cijfers.vrijeSectorHuur,
        koopVrij: cijfers.koopVrij,
      },
      aandeelBetaalbaar: woondealAandeel(
        cijfers.aandeelBetaalbaar,
        doelAandeel(betaalbaar.taakstelling, totaal.taakstelling),
        UITGANGSPUNT_BETAALBAAR,
      ),
      aandeelSocialeHuur: woondealAandeel(
        cijfers.aandeelSocialeHuur,
        doelAandeel(socialeHuur.taakstelling, totaal.taakstelling),
        UITGANGSPUNT_SOCIALE_HUUR,
      ),
      projecten: cijfers.projecten,
      dekking: { ...cijfers.dekking, weergave: dekkingTekst(cijfers.dekking) },
      pijplijn,
      voorraad,
      gemeenten,
      regios,
    };
  }

  /**
   * For a provincie or the country: each woningmarktregio whose every gemeente lies in the area,
   * with its figures (the same Σ ÷ Σ over its gemeenten' projects) and its OWN targets (the regio's
   * woondeal, domain doelInPeriode: highest level, due on its last day).
   */
  private async regiosIn(
    m: EntityManager,
    gebied: GebiedInfo,
    v: Voortgang,
    perGemeente: ReadonlyMap<string, NieuwbouwSegmenten>,
  ): Promise<WoondealRegio[]> {
    if (gebied.soort !== 'PROVINCIE' && gebied.soort !== 'LAND') return [];
    const inGebied = new Set(gebied.gemeenten);
    const leden = new Map<string, string[]>();
    for (const g of await this.referentie.gemeenten())
      if (g.woningmarktregioCode)
        leden.set(g.woningmarktregioCode, [...(leden.get(g.woningmarktregioCode) ?? []), g.code]);
    const regios = (await this.referentie.woningmarktregios()).filter((r) => {
      const gs = leden.get(r.code) ?? [];
      return gs.length > 0 && gs.every((g) => inGebied.has(g));
    });
    if (regios.length === 0) return [];
    const codes = Object.values(WOONDEAL_INDICATOREN);
    const rijen = await leesRegioTaakstellingen(
      m,
      regios.map((r) => r.code),
      codes,
      v.periode.van,
      v.periode.tot,
    );
    const doel = (regio: string, indicator: string) =>
      doelInPeriode(
        rijen
          .filter((r) => r.code === regio && r.indicator === indicator)
          .map((r): TaakstellingRegel => ({
            van: r.van,
            tot: r.tot,
            waarde: Number(r.waarde),
            gesteldDoor: r.gesteld_door,
          })),
        v.periode,
        'SOM',
        v.peildatum,
      );
    return regios
      .map((r) => {
        const gs = leden.get(r.code)!;
        const c = woondealCijfers(perGemeente, gs);
        const totaal = doel(r.code, WOONDEAL_INDICATOREN.totaal);
        const status =
          totaal.waarde === null ? null : beoordeelDoel(totaal, c.totaal, 'HOGER_IS_BETER').status;
        return {
          regio: { soort: 'WONINGMARKTREGIO' as const, code: r.code, naam: r.naam },
          opgeleverd: c.totaal,
          betaalbaar: c.betaalbaar,
          socialeHuur: c.socialeHuur,
          aandeelBetaalbaar: c.aandeelBetaalbaar,
          aandeelSocialeHuur: c.aandeelSocialeHuur,
          taakstelling: totaal.waarde,
          taakstellingBetaalbaar: doel(r.code, WOONDEAL_INDICATOREN.betaalbaar).waarde,
          taakstellingSocialeHuur: doel(r.code, WOONDEAL_INDICATOREN.socialeHuur).waarde,
          status,
          statusLabel: status ? voortgangStatusLabel(status) : null,
          dekking: { ...c.dekking, weergave: dekkingTekst(c.dekking) },
        };
      })
      .sort((a, b) => a.regio.naam.localeCompare(b.regio.naam, 'nl'));
  }
}
