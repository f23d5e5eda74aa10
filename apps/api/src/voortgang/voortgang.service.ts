import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  gebiedBinnenScope,
  gemeenteScope,
  zietOnderdrukteCellen,
  type RequestContext,
} from '@thuismonitor/auth';
import {
  ACTIELIJNEN,
  GEEN_WAARDE,
  INDICATOR_CATALOGUS,
  ONDERDRUKT_TEKEN,
  aandeelPercentage,
  berekenVoortgang,
  formatGetal,
  formatPercentage,
  indicatorOpCode,
  isIndicatorCode,
  kwartaalVolgnummer,
  kwartalenBinnenPeriode,
  laatsteAfgeslotenKwartaal,
  mijlpaalRealisatie,
  mijlpaalVoortgang,
  oudsteGeldigeStandKwartaal,
  onderdruktUitleg,
  peildatum,
  periodeVoorJaar,
  taakstellingInPeriode,
  taakstellingVoorGebied,
  vandaagInAmsterdam,
  verstrekenFractie,
  verwachteFractie,
  voortgangStatusLabel,
  type GebiedTaakstelling,
  type Indicator,
  type IsoDatum,
  type OrganisatieSoort,
  type Periode,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import { nietGevonden } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied/gebied.service';
import type { GebiedInfo, GebiedInput } from '../gebied/gebied.types';
import { ReferentieService } from '../referentie/referentie.service';
import { periodeUitInvoer } from '../taakstelling/taakstelling-periode';
import { bepaalAfscherming, GEEN_AFSCHERMING, type Afscherming } from './afscherming';
import {
  KWARTAAL_SOM_SQL,
  KWARTAAL_STAND_SQL,
  TAAKSTELLING_SQL,
  mijlpaalSql,
  nieuwbouwSql,
  toewijzingenSql,
} from './realisatie-sql';
import { PrestatieafspraakService } from '../prestatieafspraak/prestatieafspraak.service';
import type {
  AfspraakVoortgang,
  GemeenteVoortgang,
  IndicatorVoortgang,
  Voortgang,
  VoortgangCel,
} from './voortgang.types';

export interface VoortgangOpties {
  /** hide small household counts (the viewer does not own the rows of every gemeente) */
  onderdrukken: boolean;
  /** the Dutch calendar date the progress is measured on */
  vandaag: IsoDatum;
}

/** Realisation of one indicator: per gemeente, and for the whole area (null = no data). */
interface Reeks {
  perGemeente: Map<string, number | null>;
  totaal: number | null;
}

/** What the afspraken field resolver needs from the computation that produced a Voortgang. */
export const CONTEXT = Symbol('voortgang-context');
interface VoortgangContext {
  gebied: GebiedInfo;
  periode: Periode;
  opties: VoortgangOpties;
  realisatie: Map<string, Reeks>;
  afscherming: Afscherming;
}
export type BerekendeVoortgang = Voortgang & { [CONTEXT]?: VoortgangContext };

const VERBORGEN: VoortgangCel = { waarde: null, onderdrukt: true, weergave: ONDERDRUKT_TEKEN };

function cel(waarde: number | null, indicator: Indicator): VoortgangCel {
  if (waarde === null) return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  return {
    waarde,
    onderdrukt: false,
    weergave: indicator.eenheid === 'PERCENTAGE' ? formatPercentage(waarde) : formatGetal(waarde),
  };
}

/**
 * Voortgang of an area over a period: per actielijn and indicator the taakstelling, the realisation
 * (computed in SQL from the indicator's source, a handful of GROUP BY queries for the whole area),
 * percentage and status against the share of the period that has passed, the table per gemeente
 * for areas above a gemeente, and (once prestatieafspraken exist) the progress of each vastgestelde
 * afspraak in the area.
 */
@Injectable()
export class VoortgangService {
  private readonly logger = new Logger(VoortgangService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
    private readonly prestatieafspraken: PrestatieafspraakService,
  ) {}

  async voortgang(
    ctx: RequestContext,
    gebiedInvoer: GebiedInput,
    periodeInvoer: { periode?: { van: string; tot: string } | null; jaar?: number | null },
  ): Promise<BerekendeVoortgang> {
    const periode = periodeUitInvoer(periodeInvoer);
    const gebied = await this.gebieden.opzoeken(gebiedInvoer.soort, gebiedInvoer.code);
    // outside the viewer's scope answers exactly like an unknown area
    if (!gebied || !gebiedBinnenScope(gemeenteScope(ctx.principal), gebied.gemeenten))
      throw nietGevonden('Het gebied');
    const opties: VoortgangOpties = {
      onderdrukken: gebied.gemeenten.some((g) => zietOnderdrukteCellen(ctx.principal, g)),
      vandaag: vandaagInAmsterdam(new Date()),
    };
    return this.db.transaction(ctx, (m) => this.bereken(m, gebied, periode, opties));
  }

  /** The computation itself, inside a scoped transaction the caller opened (API or report job). */
  async bereken(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    opties: VoortgangOpties,
  ): Promise<BerekendeVoortgang> {
    const start = Date.now();
    const gemeenten = gebied.gemeenten;
    const peil = peildatum(periode, opties.vandaag);
    const realisatie = await this.realisatie(m, gebied, periode, peil);

    const taak = await this.taakstellingen(m, gebied, periode);

    // suppression over the whole per-gemeente × household-count table at once
    const afscherming: Afscherming = opties.onderdrukken
      ? bepaalAfscherming(gemeenten, (g, code) => realisatie.get(code)?.perGemeente.get(g) ?? 0)
      : GEEN_AFSCHERMING;

    const verstreken = verstrekenFractie(periode, opties.vandaag);
    const beoordeel = (
      indicator: Indicator,
      taakstelling: number | null,
      waarde: number | null,
      verborgen: boolean,
    ) => {
      if (verborgen || waarde === null) {
        return {
          percentage: null,
          verwacht:
            taakstelling === null ? null : taakstelling * verwachteFractie(indicator.aggregatie, verstreken),
          status: null,
        };
      }
      return berekenVoortgang({
        taakstelling,
        realisatie: waarde,
        verstrekenFractie: verwachteFractie(indicator.aggregatie, verstreken),
        richting: indicator.richting,
      });
    };

    const indicatorVoortgang = (indicator: Indicator): IndicatorVoortgang => {
      const reeks = realisatie.get(indicator.code);
      const verborgen = afscherming.totaalVerborgen(indicator.code);
      const waarde = reeks?.totaal ?? null;
      const t = taak(indicator);
      const v = beoordeel(indicator, t.waarde, waarde, verborgen);
      return {
        code: indicator.code,
        naam: indicator.naam,
        eenheid: indicator.eenheid,
        bron: indicator.bron,
        aggregatie: indicator.aggregatie,
        richting: indicator.richting,
        taakstelling: t.waarde,
        taakstellingBron: t.bron,
        onderdelenMetTaakstelling: t.onderdelenMetTaakstelling,
        realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
        percentage: v.percentage,
        verwacht: v.verwacht,
        status: v.status,
        statusLabel: v.status ? voortgangStatusLabel(v.status) : null,
        toelichting:
          waarde !== null || verborgen
            ? null
            : indicator.bron === 'MIJLPAAL'
              ? 'Geen vastgestelde afspraak over deze mijlpaal in het gebied.'
              : 'Geen gegevens gerapporteerd.',
      };
    };

    const actielijnen = ACTIELIJNEN.map((a) => ({
      code: a.code,
      nummer: a.nummer,
      naam: a.naam,
      indicatoren: INDICATOR_CATALOGUS.filter((i) => i.actielijn === a.code).map(indicatorVoortgang),
    }));

    const perGemeente: GemeenteVoortgang[] = [];
    if (gebied.soort !== 'GEMEENTE') {
      const namen = new Map(
        (await this.referentie.gemeenten({ codes: gemeenten })).map((g) => [g.code, g.naam]),
      );
      for (const g of gemeenten) {
        perGemeente.push({
          gemeente: { soort: 'GEMEENTE', code: g, naam: namen.get(g) ?? g },
          indicatoren: INDICATOR_CATALOGUS.map((indicator) => {
            const verborgen = afscherming.verborgen(g, indicator.code);
            const waarde = realisatie.get(indicator.code)?.perGemeente.get(g) ?? null;
            const taakstelling = taak.perGemeente(indicator, g);
            const v = beoordeel(indicator, taakstelling, waarde, verborgen);
            return {
              indicatorCode: indicator.code,
              taakstelling,
              realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
              percentage: v.percentage,
              status: v.status,
            };
          }),
        });
      }
      perGemeente.sort((a, b) => a.gemeente.naam.localeCompare(b.gemeente.naam, 'nl'));
    }

    this.logger.debug(
      `voortgang ${gebied.soort} ${gebied.code} ${periode.van}..${periode.tot} in ${Date.now() - start} ms`,
    );
    return {
      gebied: { soort: gebied.soort, code: gebied.code, naam: gebied.naam },
      periode: { van: periode.van, tot: periode.tot },
      peildatum: peil,
      verstrekenFractie: verstreken,
      afgeschermd: opties.onderdrukken,
      afschermingUitleg: opties.onderdrukken ? onderdruktUitleg() : null,
      actielijnen,
      gemeenten: perGemeente,
      afspraken: [],
      [CONTEXT]: { gebied, periode, opties, realisatie, afscherming },
    };
  }

  /**
   * Progress of every afspraak of the vastgestelde prestatieafspraken in the area that the viewer
   * may read (PrestatieafspraakService decides), over the calendar year of the period's end: a
   * doelwaarde is set per year. Realisation per gemeente comes from the same computation as the
   * voortgang (reused when the period is that year), with the same suppression.
   */
  async afspraken(ctx: RequestContext, voortgang: BerekendeVoortgang): Promise<AfspraakVoortgang[]> {
    const c = voortgang[CONTEXT];
    if (!c) return [];
    const jaar = Number(c.periode.tot.slice(0, 4));
    const jaarPeriode = periodeVoorJaar(jaar);
    const lijst = await this.prestatieafspraken.vastgesteldeAfsprakenVoorGemeenten(
      ctx,
      c.gebied.gemeenten,
      jaar,
    );
    if (lijst.length === 0) return [];
    const peil = peildatum(jaarPeriode, c.opties.vandaag);
    let { realisatie, afscherming } = c;
    if (c.periode.van !== jaarPeriode.van || c.periode.tot !== jaarPeriode.tot) {
      realisatie = await this.db.transaction(ctx, (m) => this.realisatie(m, c.gebied, jaarPeriode, peil));
      afscherming = c.opties.onderdrukken
        ? bepaalAfscherming(c.gebied.gemeenten, (g, code) => realisatie.get(code)?.perGemeente.get(g) ?? 0)
        : GEEN_AFSCHERMING;
    }
    const verstreken = verstrekenFractie(jaarPeriode, c.opties.vandaag);
    return lijst
      .map((a): AfspraakVoortgang => {
        const basis = {
          prestatieafspraakId: a.prestatieafspraakId,
          prestatieafspraakTitel: a.prestatieafspraakTitel,
          afspraakId: a.afspraakId,
          volgnummer: a.volgnummer,
          gemeenteCode: a.gemeenteCode,
          omschrijving: a.omschrijving,
          soort: a.soort,
          actielijn: a.actielijn,
          indicatorCode: a.indicatorCode,
          jaar,
          mijlpaalDatum: a.mijlpaalDatum,
          mijlpaalStatus: a.mijlpaalStatus,
          verantwoordelijke: a.verantwoordelijke?.naam ?? '',
        };
        if (a.soort === 'MIJLPAAL' && a.mijlpaalStatus && a.mijlpaalDatum) {
          const status = mijlpaalVoortgang(a.mijlpaalStatus, a.mijlpaalDatum, c.opties.vandaag);
          const bereikt = mijlpaalRealisatie(a.mijlpaalStatus, a.mijlpaalGereedOp, peil);
          return {
            ...basis,
            doelwaarde: 1,
            realisatie: {
              waarde: bereikt,
              onderdrukt: false,
              weergave: bereikt ? 'bereikt' : 'niet bereikt',
            },
            percentage: bereikt * 100,
            status,
            statusLabel: voortgangStatusLabel(status),
          };
        }
        const indicator =
          a.indicatorCode && isIndicatorCode(a.indicatorCode) ? indicatorOpCode(a.indicatorCode) : null;
        const doel = a.doelwaardeInJaar?.waarde ?? null;
        if (!indicator) {
          return {
            ...basis,
            doelwaarde: doel,
            realisatie: null,
            percentage: null,
            status: null,
            statusLabel: null,
          };
        }
        const verborgen = afscherming.verborgen(a.gemeenteCode, indicator.code);
        const waarde = realisatie.get(indicator.code)?.perGemeente.get(a.gemeenteCode) ?? null;
        const v =
          verborgen || waarde === null
            ? null
            : berekenVoortgang({
                taakstelling: doel,
                realisatie: waarde,
                verstrekenFractie: verwachteFractie(indicator.aggregatie, verstreken),
                richting: indicator.richting,
              });
        return {
          ...basis,
          doelwaarde: doel,
          realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
          percentage: v?.percentage ?? null,
          status: v?.status ?? null,
          statusLabel: v ? voortgangStatusLabel(v.status) : null,
        };
      })
      .sort(
        (x, y) =>
          x.gemeenteCode.localeCompare(y.gemeenteCode) ||
          x.prestatieafspraakTitel.localeCompare(y.prestatieafspraakTitel, 'nl') ||
          x.volgnummer - y.volgnummer,
      );
  }

  /** Realisation per indicator, per gemeente and for the area: a few GROUP BY queries in total. */
  async realisatie(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    peil: IsoDatum,
  ): Promise<Map<string, Reeks>> {
    const gemeenten = gebied.gemeenten;
    // LAND: no gemeente filter at all, so Postgres reads the period from the date index
    const filter = gebied.soort === 'LAND' ? null : gemeenten;
    const realisatie = new Map<string, Reeks>();

    const zet = (
      code: string,
      rijen: { gemeente: string | null; waarde: number | null }[],
      leegIsNul: boolean,
    ) => {
      const perGemeente = new Map<string, number | null>();
      let totaal: number | null = leegIsNul ? 0 : null;
      for (const r of rijen) {
        if (r.gemeente === null) totaal = r.waarde;
        else perGemeente.set(r.gemeente, r.waarde);
      }
      if (leegIsNul) for (const g of gemeenten) if (!perGemeente.has(g)) perGemeente.set(g, 0);
      realisatie.set(code, { perGemeente, totaal });
    };

    // toewijzingen and nieuwbouw: one row per gemeente with a column per indicator, plus the ROLLUP row
    for (const bron of [toewijzingenSql(), nieuwbouwSql()]) {
      const rijen: Record<string, string | null>[] = await m.query(bron.sql, [
        filter,
        periode.van,
        periode.tot,
      ]);
      bron.codes.forEach((code, n) =>
        zet(
          code,
          rijen.map((r) => ({ gemeente: r.gemeente, waarde: Number(r[`c${n}`]) })),
          true,
        ),
      );
    }

    // kwartaalcijfers: SOM over the quarters inside the period, STAND at the peildatum
    const kwartaal = INDICATOR_CATALOGUS.filter((i) => i.bron === 'KWARTAALCIJFERS');
    const somCodes = kwartaal.filter((i) => i.aggregatie === 'SOM').map((i) => i.code);
    const standCodes = [
      ...new Set(
        kwartaal.flatMap((i) =>
          i.berekening.soort === 'AANDEEL'
            ? [i.berekening.teller, i.berekening.noemer]
            : i.aggregatie === 'STAND'
              ? [i.code]
              : [],
        ),
      ),
    ];
    const kwartalen = kwartalenBinnenPeriode(periode);
    const perIndicator = (rijen: { gemeente: string | null; indicator: string; waarde: number }[]) => {
      const uit = new Map<string, { gemeente: string | null; waarde: number }[]>();
      for (const r of rijen) uit.set(r.indicator, [...(uit.get(r.indicator) ?? []), r]);
      return uit;
    };
    const som = kwartalen
      ? perIndicator(
          await m.query(KWARTAAL_SOM_SQL, [
            filter,
            somCodes,
            kwartaalVolgnummer(kwartalen.van),
            kwartaalVolgnummer(kwartalen.tot),
            kwartalen.van.jaar,
            kwartalen.tot.jaar,
          ]),
        )
      : new Map();
    for (const code of somCodes) zet(code, som.get(code) ?? [], false);
    const laatste = laatsteAfgeslotenKwartaal(peil);
    const oudste = oudsteGeldigeStandKwartaal(peil);
    const stand = perIndicator(
      await m.query(KWARTAAL_STAND_SQL, [
        filter,
        standCodes,
        kwartaalVolgnummer(laatste),
        kwartaalVolgnummer(oudste),
        oudste.jaar,
        laatste.jaar,
      ]),
    );
    for (const code of standCodes) zet(code, stand.get(code) ?? [], false);
    for (const i of kwartaal) {
      if (i.berekening.soort !== 'AANDEEL') continue;
      const teller = realisatie.get(i.berekening.teller)!;
      const noemer = realisatie.get(i.berekening.noemer)!;
      const deel = (t: number | null | undefined, n: number | null | undefined) =>
        t === null || t === undefined || n === null || n === undefined ? null : aandeelPercentage(t, n);
      realisatie.set(i.code, {
        perGemeente: new Map(
          gemeenten.map((g) => [g, deel(teller.perGemeente.get(g), noemer.perGemeente.get(g))]),
        ),
        totaal: deel(teller.totaal, noemer.totaal),
      });
    }

    const mijlpalen = INDICATOR_CATALOGUS.filter((i) => i.bron === 'MIJLPAAL').map((i) => i.code);
    const bereikt = perIndicator(
      await m.query(mijlpaalSql(filter === null), [
        filter,
        mijlpalen,
        peil,
        Number(periode.van.slice(0, 4)),
        Number(periode.tot.slice(0, 4)),
      ]),
    );
    for (const code of mijlpalen) zet(code, bereikt.get(code) ?? [], false);
    return realisatie;
  }

  /**
   * Targets per indicator for the area and per gemeente (domain: highest level, pro rata; an area
   * above a gemeente uses its own target, else the sum of its parts; LAND's parts are provincies).
   */
  private async taakstellingen(m: EntityManager, gebied: GebiedInfo, periode: Periode) {
    const rijen: {
      soort: string;
      code: string;
      indicator: string;
      van: string;
      tot: string;
      waarde: number;
      gesteld_door: OrganisatieSoort;
    }[] = await m.query(TAAKSTELLING_SQL, [
      gebied.gemeenten,
      gebied.soort,
      gebied.code,
      periode.van,
      periode.tot,
      gebied.soort === 'LAND',
    ]);
    const regels = new Map<string, TaakstellingRegel[]>();
    for (const r of rijen) {
      const sleutel = `${r.soort}|${r.code}|${r.indicator}`;
      regels.set(sleutel, [
        ...(regels.get(sleutel) ?? []),
        { van: r.van, tot: r.tot, waarde: Number(r.waarde), gesteldDoor: r.gesteld_door },
      ]);
    }
    const van = (soort: string, code: string, indicator: Indicator) =>
      taakstellingInPeriode(
        regels.get(`${soort}|${code}|${indicator.code}`) ?? [],
        periode,
        indicator.aggregatie,
      );
    const perGemeente = (indicator: Indicator, g: string) => van('GEMEENTE', g, indicator);

    const provincieVan = new Map<string, string[]>();
    if (gebied.soort === 'LAND') {
      for (const g of await this.referentie.gemeenten()) {
        provincieVan.set(g.provincieCode, [...(provincieVan.get(g.provincieCode) ?? []), g.code]);
      }
    }
    const voorGebied = (indicator: Indicator): GebiedTaakstelling => {
      if (gebied.soort === 'GEMEENTE') {
        const w = perGemeente(indicator, gebied.code);
        return { waarde: w, bron: w === null ? 'GEEN' : 'GEBIED', onderdelenMetTaakstelling: 0 };
      }
      const eigen = van(gebied.soort, gebied.code, indicator);
      if (gebied.soort !== 'LAND') {
        return taakstellingVoorGebied(
          eigen,
          gebied.gemeenten.map((g) => perGemeente(indicator, g)),
          indicator.aggregatie,
        );
      }
      const provincies = [...provincieVan.entries()].map(
        ([pv, gs]) =>
          taakstellingVoorGebied(
            van('PROVINCIE', pv, indicator),
            gs.map((g) => perGemeente(indicator, g)),
            indicator.aggregatie,
          ).waarde,
      );
      return taakstellingVoorGebied(eigen, provincies, indicator.aggregatie);
    };
    return Object.assign(voorGebied, { perGemeente });
  }
}
