import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, zietOnderdrukteCellen, type RequestContext } from '@thuismonitor/auth';
import {
  formatDatum,
  ACTIELIJNEN,
  GEEN_DOEL_WAARDE,
  GEEN_WAARDE,
  INDICATOR_CATALOGUS,
  ONDERDRUKT_TEKEN,
  aandeelOverGemeenten,
  beoordeelDoel,
  dekkingTekst,
  doelInPeriode,
  formatGetal,
  formatPercentage,
  indicatorOpCode,
  isIndicatorCode,
  kwartaalEinde,
  kwartaalStart,
  kwartaalVolgnummer,
  kwartalenBinnenPeriode,
  isRasterPeriode,
  publicatieWeigeringMelding,
  laatsteAfgeslotenKwartaal,
  maakIsoDatum,
  maakPeriode,
  mijlpaalRealisatie,
  mijlpaalVoortgang,
  oudsteGeldigeStandKwartaal,
  peildatum,
  periodeVoorJaar,
  plusDagen,
  kwartaalVanDatum,
  volgendKwartaal,
  vorigKwartaal,
  somOverGemeenten,
  somVanDoelen,
  taakstellingTelt,
  verstrekenFractie,
  voortgangStatusLabel,
  type Doel,
  type Indicator,
  type IsoDatum,
  type ToewijzingenBerekening,
  type OrganisatieSoort,
  type Periode,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import { nietGevonden, ongeldig } from '../common/fouten';
import {
  kwartaalcijferCellen,
  laatstGeslotenKwartaal,
  publicatieWeigeringVan,
  statushoudersPersonen,
  toewijzingCellen,
} from '../publicatie/publicatie.repository';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied/gebied.service';
import type { GebiedInfo, GebiedInput } from '../gebied/gebied.types';
import { ReferentieService } from '../referentie/referentie.service';
import { periodeUitInvoer } from '../taakstelling/taakstelling-periode';
import { GEEN_AFSCHERMING, type Afscherming } from './afscherming';
import { Bundel, type Vrager } from './bundel';
import { VoortgangCache } from './voortgang-cache';
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
  Dekking,
  GemeenteVoortgang,
  IndicatorVoortgang,
  Voortgang,
  VoortgangCel,
} from './voortgang.types';

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

/** Realisation of one indicator: per gemeente, and for the whole area (null = no data). */
interface Reeks {
  perGemeente: Map<string, number | null>;
  totaal: number | null;
  /** how many gemeenten of the area contributed to `totaal` */
  dekking: number;
}

/** One measurement: what the afspraken reuse of the figures of the voortgang. */
interface Meting {
  gebied: GebiedInfo;
  periode: Periode;
  peil: IsoDatum;
  onderdrukken: boolean;
  realisatie: Map<string, Reeks>;
  afscherming: Afscherming;
}

/** @deprecated the report's former interface (`bereken` + `afspraken`); use `meet`. */
export const CONTEXT = Symbol('voortgang-context');
/** @deprecated see CONTEXT */
export type BerekendeVoortgang = Voortgang & { [CONTEXT]?: Meting };

/**
 * Dutch collation made once: `a.localeCompare(b, 'nl')` builds a collator per call (~10 µs), which
 * cost seconds when sorting the ~8,500 afspraken of the country. Same ICU order.
 */
const NL = new Intl.Collator('nl');

const VERBORGEN: VoortgangCel = { waarde: null, onderdrukt: true, weergave: ONDERDRUKT_TEKEN };

/** The persons indicator of statushouders (protected like the households it counts, openbaarheid.ts). */
const STATUSHOUDERS_PERSONEN = 'STATUSHOUDERS_GEHUISVEST';

/** The legend for a non-owner (docs/decisions.md, "Publicatie"). */
export const AFRONDING_UITLEG =
  'Kleine aantallen huishoudens (1 tot en met 4) zijn voor wie niet de eigenaar van de cijfers is afgerond op 0 of 5, ' +
  'per gemeente, organisatie en kwartaal; totalen zijn de som daarvan. Personen in zo’n afgeronde cel tellen als 0 of 11 ' +
  '(5 huishoudens van gemiddeld 2,1 personen, CBS). Cijfers van afgesloten kwartalen liggen vast zoals ze na de aanleverdatum zijn vrijgegeven. ' +
  'De eigen cijfers van een gemeente of corporatie zijn exact.';

function cel(waarde: number | null, indicator: Indicator): VoortgangCel {
  if (waarde === null) return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  return {
    waarde,
    onderdrukt: false,
    weergave: indicator.eenheid === 'PERCENTAGE' ? formatPercentage(waarde) : formatGetal(waarde),
  };
}

/** Runs a Bundel; a publication refusal of Postgres (TMP01/TMP02) becomes the Dutch error. */
async function voerUit(b: Bundel, m: EntityManager): Promise<void> {
  try {
    await b.uitvoeren(m);
  } catch (fout) {
    const reden = publicatieWeigeringVan(fout);
    if (reden) throw ongeldig(publicatieWeigeringMelding(reden));
    throw fout;
  }
}

/**
 * The whole quarters inside [van, tot]: first day of the first and last day of the last, or nulls
 * when no quarter lies wholly inside.
 */
export function heleKwartalen(
  van: IsoDatum,
  tot: IsoDatum,
): { eersteDag: IsoDatum | null; laatsteDag: IsoDatum | null } {
  const k0 = kwartaalVanDatum(van);
  const eersteDag = kwartaalStart(k0) === van ? van : kwartaalStart(volgendKwartaal(k0));
  const k1 = kwartaalVanDatum(tot);
  const laatsteDag = kwartaalEinde(k1) === tot ? tot : kwartaalEinde(vorigKwartaal(k1));
  return eersteDag <= laatsteDag ? { eersteDag, laatsteDag } : { eersteDag: null, laatsteDag: null };
}

function dekking(gemeenten: number, totaal: number): Dekking {
  return { gemeenten, totaal, weergave: dekkingTekst({ gemeenten, totaal }) };
}

/** Percentage and status of a realisation against a target (domain beoordeelDoel); none when hidden. */
function oordeel(indicator: Indicator, doel: Doel, waarde: number | null, verborgen: boolean) {
  if (verborgen || waarde === null)
    return { percentage: null, verwacht: doel.waarde === null ? null : doel.vervallen, status: null };
  return beoordeelDoel(doel, waarde, indicator.richting);
}

/**
 * Voortgang of an area over a period: per actielijn and indicator the taakstelling, the realisation
 * (computed in SQL from the indicator's source, a handful of GROUP BY queries for the whole area),
 * percentage and status (a target is judged on its due date, domain doel-vervaldatum.ts), the
 * table per gemeente for areas above a gemeente with each aggregate's coverage, and on request the
 * progress of each vastgestelde afspraak in the area. Everything is bounded by ONE peildatum.
 */
@Injectable()
export class VoortgangService {
  private readonly logger = new Logger(VoortgangService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
    private readonly prestatieafspraken: PrestatieafspraakService,
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
   * by its peildatum. The caller has checked that `gebied` is in ctx's scope.
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
    if (opties.metAfspraken) voortgang.afspraken = await this.afsprakenIn(m, ctx, meting);
    return voortgang;
  }

  /** @deprecated the report's former call; use `meet(m, ctx, gebied, periode, opties)`. */
  async bereken(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    opties: { onderdrukken: boolean; vandaag: IsoDatum },
  ): Promise<BerekendeVoortgang> {
    const { voortgang, meting } = await this.berekenMeting(
      m,
      gebied,
      periode,
      opties.vandaag,
      opties.onderdrukken,
    );
    return Object.assign(voortgang, { [CONTEXT]: meting });
  }

  /** @deprecated the report's former call; use `meet(..., { metAfspraken: true })`. */
  async afspraken(ctx: RequestContext, voortgang: BerekendeVoortgang): Promise<AfspraakVoortgang[]> {
    const meting = voortgang[CONTEXT];
    if (!meting) return [];
    return this.db.transaction(ctx, (m) => this.afsprakenIn(m, ctx, meting));
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
    const realisatieKlaar = this.realisatieIn(b, gebied, periode, peil, onderdrukken);
    const taakKlaar = this.taakstellingen(b, gebied, periode, peil);
    realisatieKlaar.catch(() => undefined); // a failed statement is thrown by voerUit
    taakKlaar.catch(() => undefined);
    await voerUit(b, m); // every query of the realisation and the targets in one round trip
    const realisatie = await realisatieKlaar;
    const taak = await taakKlaar;
    const afscherming: Afscherming = GEEN_AFSCHERMING;

    const indicatorVoortgang = (indicator: Indicator): IndicatorVoortgang => {
      const reeks = realisatie.get(indicator.code);
      const verborgen = afscherming.totaalVerborgen(indicator.code);
      const waarde = reeks?.totaal ?? null;
      const t = taak(indicator);
      const v = oordeel(indicator, t.doel, waarde, verborgen);
      return {
        code: indicator.code,
        naam: indicator.naam,
        eenheid: indicator.eenheid,
        bron: indicator.bron,
        aggregatie: indicator.aggregatie,
        richting: indicator.richting,
        taakstelling: t.doel.waarde,
        taakstellingBron: t.bron,
        onderdelenMetTaakstelling: t.onderdelen,
        vervaldatum: t.doel.vervaldatum,
        realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
        percentage: v.percentage,
        verwacht: v.verwacht,
        status: v.status,
        statusLabel: v.status ? voortgangStatusLabel(v.status) : null,
        dekking: dekking(reeks?.dekking ?? 0, gemeenten.length),
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
            const doel = taak.perGemeente(indicator, g);
            const v = oordeel(indicator, doel, waarde, verborgen);
            return {
              indicatorCode: indicator.code,
              taakstelling: doel.waarde,
              realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
              percentage: v.percentage,
              status: v.status,
            };
          }),
        });
      }
      perGemeente.sort((a, b) => NL.compare(a.gemeente.naam, b.gemeente.naam));
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
      meting: { gebied, periode, peil, onderdrukken, realisatie, afscherming },
    };
  }

  /**
   * Progress of every afspraak of the vastgestelde prestatieafspraken in the area that `ctx` may
   * read, over the calendar year of the period's end (a doelwaarde is set per year) UP TO THE SAME
   * PEILDATUM as the voortgang: for a past quarter, nothing dated after that quarter counts. Read
   * in the caller's transaction (one cut-off), with the same realisation code and suppression.
   */
  private async afsprakenIn(m: EntityManager, ctx: RequestContext, c: Meting): Promise<AfspraakVoortgang[]> {
    const jaar = Number(c.periode.tot.slice(0, 4));
    const jaarPeriode = periodeVoorJaar(jaar);
    const lijst = await this.prestatieafspraken.vastgesteldeAfsprakenIn(m, ctx, c.gebied.gemeenten, jaar);
    if (lijst.length === 0) return [];
    const peil = c.peil;
    let { realisatie, afscherming } = c;
    if (c.periode.van !== jaarPeriode.van || c.periode.tot !== jaarPeriode.tot) {
      realisatie = await this.realisatie(m, c.gebied, jaarPeriode, peil, c.onderdrukken);
      afscherming = GEEN_AFSCHERMING;
    }
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
          const status = mijlpaalVoortgang(a.mijlpaalStatus, a.mijlpaalDatum, peil);
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
        const d = a.doelwaardeInJaar;
        if (!indicator) {
          return {
            ...basis,
            doelwaarde: d?.waarde ?? null,
            realisatie: null,
            percentage: null,
            status: null,
            statusLabel: null,
          };
        }
        // a doelwaarde is due on its own peildatum (default 31 December), not spread over the year
        const vervaldatum = d?.peildatum ?? maakIsoDatum(jaar, 12, 31);
        const doel: Doel = d
          ? { waarde: d.waarde, vervallen: vervaldatum <= peil ? d.waarde : 0, vervaldatum }
          : GEEN_DOEL_WAARDE;
        const verborgen = afscherming.verborgen(a.gemeenteCode, indicator.code);
        const waarde = realisatie.get(indicator.code)?.perGemeente.get(a.gemeenteCode) ?? null;
        const v = oordeel(indicator, doel, waarde, verborgen);
        return {
          ...basis,
          doelwaarde: doel.waarde,
          realisatie: verborgen ? VERBORGEN : cel(waarde, indicator),
          percentage: v.percentage,
          status: v.status,
          statusLabel: v.status ? voortgangStatusLabel(v.status) : null,
        };
      })
      .sort(
        (x, y) =>
          x.gemeenteCode.localeCompare(y.gemeenteCode) ||
          NL.compare(x.prestatieafspraakTitel, y.prestatieafspraakTitel) ||
          x.volgnummer - y.volgnummer,
      );
  }

  /**
   * Realisation per indicator, per gemeente and for the area: a few GROUP BY queries in total,
   * counting only what is dated on or before `peil`. Area totals are computed here from the
   * gemeenten (domain gebied-aggregatie): sums over the gemeenten that reported, shares as
   * Σ teller ÷ Σ noemer over the gemeenten that have both, each with its coverage. The queries go
   * to Postgres in one round trip (Bundel).
   */
  async realisatie(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    peil: IsoDatum,
    vrijgegeven = false,
  ): Promise<Map<string, Reeks>> {
    const b = new Bundel();
    const klaar = this.realisatieIn(b, gebied, periode, peil, vrijgegeven);
    klaar.catch(() => undefined); // a failed statement is thrown by voerUit
    await voerUit(b, m);
    return klaar;
  }

  /**
   * `realisatie` on a Bundel: registers every query before its first await (the caller runs the
   * Bundel), then computes the figures from the answers.
   */
  private async realisatieIn(
    b: Bundel,
    gebied: GebiedInfo,
    periode: Periode,
    peil: IsoDatum,
    vrijgegeven: boolean,
  ): Promise<Map<string, Reeks>> {
    const gemeenten = gebied.gemeenten;
    // LAND: no gemeente filter at all, so Postgres reads the period from the date index
    const filter = gebied.soort === 'LAND' ? null : gemeenten;
    // the cut-off: nothing dated after the peildatum, whenever the question is asked
    const tot = peil < periode.tot ? peil : periode.tot;
    const leeg = tot < periode.van;

    // ---- 1. every query, registered on the Bundel (no await before the last one)
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
    const kwartalen = leeg ? undefined : kwartalenBinnenPeriode(maakPeriode(periode.van, tot));
    const laatste = laatsteAfgeslotenKwartaal(peil);
    const oudste = oudsteGeldigeStandKwartaal(peil);
    const mijlpalen = INDICATOR_CATALOGUS.filter((i) => i.bron === 'MIJLPAAL').map((i) => i.code);

    type Rij = { gemeente: string | null; indicator: string; waarde: number };
    // toewijzingen: the owner its exact cells (+ rows for loose days), others the released cells
    const eigenToewijzingen = !vrijgegeven && !leeg ? this.eigenToewijzingen(b, filter, periode.van, tot) : null;
    const vrijToewijzingen = vrijgegeven && !leeg ? this.vrijgegevenToewijzingen(b, filter, periode.van, tot) : null;
    const nieuwbouw = nieuwbouwSql();
    const nieuwbouwRijen: Promise<Record<string, string | number | null>[]> = leeg
      ? Promise.resolve([])
      : b.query(nieuwbouw.sql, [filter, periode.van, tot]);
    // kwartaalcijfers: SOM over the quarters inside the period up to the peildatum, STAND at the peildatum
    const somRijen: Promise<Rij[]> = !kwartalen
      ? Promise.resolve([])
      : vrijgegeven
        ? this.vrijgegevenKwartaalcijfers(
            b,
            filter,
            kwartaalStart(kwartalen.van),
            kwartaalEinde(kwartalen.tot),
            somCodes,
            false,
          )
        : b.query(KWARTAAL_SOM_SQL, [
            filter,
            somCodes,
            kwartaalVolgnummer(kwartalen.van),
            kwartaalVolgnummer(kwartalen.tot),
            kwartalen.van.jaar,
            kwartalen.tot.jaar,
          ]);
    const standRijen: Promise<Rij[]> = vrijgegeven
      ? this.vrijgegevenKwartaalcijfers(b, filter, kwartaalStart(oudste), kwartaalEinde(laatste), standCodes, true)
      : b.query(KWARTAAL_STAND_SQL, [
          filter,
          standCodes,
          kwartaalVolgnummer(laatste),
          kwartaalVolgnummer(oudste),
          oudste.jaar,
          laatste.jaar,
        ]);
    const mijlpaalRijen: Promise<Rij[]> = b.query(mijlpaalSql(filter === null), [
      filter,
      mijlpalen,
      peil,
      Number(periode.van.slice(0, 4)),
      Number(periode.tot.slice(0, 4)),
    ]);

    // ---- 2. the figures from the answers
    const realisatie = new Map<string, Reeks>();
    const zet = (
      code: string,
      rijen: { gemeente: string | null; waarde: number | null }[],
      leegIsNul: boolean,
      gedekt?: ReadonlySet<string>,
    ) => {
      const perGemeente = new Map<string, number | null>();
      for (const r of rijen) if (r.gemeente !== null) perGemeente.set(r.gemeente, r.waarde);
      const som = somOverGemeenten(perGemeente, gemeenten);
      if (leegIsNul) for (const g of gemeenten) if (!perGemeente.has(g)) perGemeente.set(g, 0);
      realisatie.set(code, {
        perGemeente,
        totaal: leegIsNul ? (som.waarde ?? 0) : som.waarde,
        dekking: gedekt ? gemeenten.filter((g) => gedekt.has(g)).length : som.dekking.gemeenten,
      });
    };

    // toewijzingen: a gemeente without any toewijzing counts 0 (the monitor cannot tell "none"
    // from "not delivered"), and the coverage says how many gemeenten had any at all
    const toewijzingCodes = toewijzingenSql().codes;
    if (!vrijgegeven) {
      const rijen = (await eigenToewijzingen) ?? [];
      const gedekt = new Set(rijen.filter((r) => r.gedekt).map((r) => r.gemeente));
      for (const code of toewijzingCodes) {
        zet(
          code,
          rijen.map((r) => ({ gemeente: r.gemeente, waarde: r.waarden.get(code) ?? 0 })),
          true,
          gedekt,
        );
      }
    } else {
      const rijen = (await vrijToewijzingen) ?? [];
      // covered: a released household count above 0 (the persons of statushouders follow their
      // households, so they do not decide coverage on their own)
      const gedekt = new Set(
        rijen
          .filter((r) => [...r.waarden].some(([code, w]) => code !== STATUSHOUDERS_PERSONEN && w > 0))
          .map((r) => r.gemeente),
      );
      for (const code of toewijzingCodes) {
        const perG = new Map<string, number>();
        for (const r of rijen) perG.set(r.gemeente, (perG.get(r.gemeente) ?? 0) + (r.waarden.get(code) ?? 0));
        zet(
          code,
          [...perG].map(([gemeente, waarde]) => ({ gemeente, waarde })),
          true,
          gedekt,
        );
      }
    }
    {
      // nieuwbouw: one row per gemeente with a column per indicator, same coverage rule
      const rijen = await nieuwbouwRijen;
      const gedekt = new Set(rijen.map((r) => r.gemeente).filter((g): g is string => typeof g === 'string'));
      nieuwbouw.codes.forEach((code, n) =>
        zet(
          code,
          rijen.map((r) => ({ gemeente: r.gemeente as string | null, waarde: Number(r[`c${n}`]) })),
          true,
          gedekt,
        ),
      );
    }

    const perIndicator = (rijen: Rij[]) => {
      const uit = new Map<string, { gemeente: string | null; waarde: number }[]>();
      for (const r of rijen) uit.set(r.indicator, [...(uit.get(r.indicator) ?? []), { ...r, waarde: Number(r.waarde) }]);
      return uit;
    };
    const som = perIndicator(await somRijen);
    for (const code of somCodes) zet(code, som.get(code) ?? [], false);
    const stand = perIndicator(await standRijen);
    for (const code of standCodes) zet(code, stand.get(code) ?? [], false);
    for (const i of kwartaal) {
      if (i.berekening.soort !== 'AANDEEL') continue;
      const teller = realisatie.get(i.berekening.teller)!;
      const noemer = realisatie.get(i.berekening.noemer)!;
      const gebiedAandeel = aandeelOverGemeenten(teller.perGemeente, noemer.perGemeente, gemeenten);
      realisatie.set(i.code, {
        perGemeente: new Map(
          gemeenten.map((g) => [g, aandeelOverGemeenten(teller.perGemeente, noemer.perGemeente, [g]).waarde]),
        ),
        totaal: gebiedAandeel.waarde,
        dekking: gebiedAandeel.dekking.gemeenten,
      });
    }

    const bereikt = perIndicator(await mijlpaalRijen);
    for (const code of mijlpalen) zet(code, bereikt.get(code) ?? [], false);
    return realisatie;
  }

  /**
   * A non-owner's toewijzingen: the released base cells (publicatie.repository, SECURITY DEFINER
   * functions), own cells exact and others' cells released, per gemeente summed into each
   * catalogue indicator; the persons of statushouders the same way (own exact, others released).
   */
  private async vrijgegevenToewijzingen(
    m: Vrager,
    gemeenten: readonly string[] | null,
    van: IsoDatum,
    tot: IsoDatum,
  ): Promise<{ gemeente: string; waarden: Map<string, number> }[]> {
    // both asked before either is awaited (one Bundel)
    const [cellen, personen] = await Promise.all([
      toewijzingCellen(m, { gemeenten, van, tot }),
      statushoudersPersonen(m, { gemeenten, van, tot }),
    ]);
    const indicatoren = INDICATOR_CATALOGUS.filter((i) => i.bron === 'TOEWIJZINGEN');
    const uit = new Map<string, Map<string, number>>();
    const van_ = (g: string) => uit.get(g) ?? uit.set(g, new Map()).get(g)!;
    for (const c of cellen) {
      const w = van_(c.gemeente);
      for (const i of indicatoren) {
        const b = i.berekening as ToewijzingenBerekening;
        if (b.telling !== 'HUISHOUDENS') continue;
        if (b.aandachtsgroep !== 'ALLE' && c.aandachtsgroep !== b.aandachtsgroep) continue;
        if (b.alleenViaUrgentie && !c.viaUrgentie) continue;
        w.set(i.code, (w.get(i.code) ?? 0) + c.huishoudens);
      }
    }
    for (const p of personen) van_(p.gemeente).set(STATUSHOUDERS_PERSONEN, p.personen);
    return [...uit].map(([gemeente, waarden]) => ({ gemeente, waarden }));
  }

  /**
   * The owner's toewijzingen, exact: the whole quarters of [van, tot] from its own base cells (the
   * trigger-maintained per-quarter counts, tm_publicatie_toewijzingen with alleenEigen: exact,
   * never released, for any quarter), the days before the first and after the last whole quarter
   * from its rows (toewijzingenSql, RLS). The same figures as counting the rows of the whole
   * period, without reading every row of a year: a gemeente's own cells are exactly the rows it
   * may read (its gemeente; ownership in the function is the row rule of RLS).
   */
  private async eigenToewijzingen(
    m: Vrager,
    gemeenten: readonly string[] | null,
    van: IsoDatum,
    tot: IsoDatum,
  ): Promise<{ gemeente: string; gedekt: boolean; waarden: Map<string, number> }[]> {
    const { eersteDag, laatsteDag } = heleKwartalen(van, tot);
    // gedekt: at least one toewijzing in the period (a gemeente without any counts 0, uncovered)
    const uit = new Map<string, { gemeente: string; gedekt: boolean; waarden: Map<string, number> }>();
    const van_ = (g: string) =>
      uit.get(g) ?? uit.set(g, { gemeente: g, gedekt: false, waarden: new Map() }).get(g)!;
    const plus = (g: string, code: string, n: number) => {
      const w = van_(g).waarden;
      w.set(code, (w.get(code) ?? 0) + n);
    };
    const rijenSql = toewijzingenSql();
    const losseDagen: [IsoDatum, IsoDatum][] = [];
    if (eersteDag === null || laatsteDag === null) {
      losseDagen.push([van, tot]);
    } else {
      if (van < eersteDag) losseDagen.push([van, plusDagen(eersteDag, -1)]);
      if (laatsteDag < tot) losseDagen.push([plusDagen(laatsteDag, 1), tot]);
    }
    // every query asked before any is awaited (one Bundel)
    const [cellen, losseRijen] = await Promise.all([
      eersteDag === null || laatsteDag === null
        ? Promise.resolve([])
        : toewijzingCellen(m, { gemeenten, van: eersteDag, tot: laatsteDag, alleenEigen: true }),
      Promise.all(
        losseDagen.map(
          ([d0, d1]): Promise<Record<string, string | number | null>[]> =>
            m.query(rijenSql.sql, [gemeenten, d0, d1]),
        ),
      ),
    ]);
    {
      const indicatoren = INDICATOR_CATALOGUS.filter((i) => i.bron === 'TOEWIJZINGEN');
      for (const c of cellen) {
        // a cell of a closed quarter emptied by a correction stays (released values are fixed)
        if (c.huishoudens > 0) van_(c.gemeente).gedekt = true;
        for (const i of indicatoren) {
          const b = i.berekening as ToewijzingenBerekening;
          if (b.aandachtsgroep !== 'ALLE' && c.aandachtsgroep !== b.aandachtsgroep) continue;
          if (b.alleenViaUrgentie && !c.viaUrgentie) continue;
          plus(c.gemeente, i.code, b.telling === 'PERSONEN' ? c.personen : c.huishoudens);
        }
      }
    }
    for (const rijen of losseRijen) {
      for (const r of rijen) {
        if (typeof r.gemeente !== 'string') continue;
        const g = r.gemeente;
        van_(g).gedekt = true; // a row per gemeente with at least one toewijzing
        rijenSql.codes.forEach((code, n) => plus(g, code, Number(r[`c${n}`])));
      }
    }
    return [...uit.values()];
  }

  /** A non-owner's kwartaalcijfers: released values of protected indicators, exact public ones. */
  private async vrijgegevenKwartaalcijfers(
    m: Vrager,
    gemeenten: readonly string[] | null,
    van: IsoDatum,
    tot: IsoDatum,
    indicatoren: readonly string[],
    stand: boolean,
  ): Promise<{ gemeente: string; indicator: string; waarde: number }[]> {
    if (indicatoren.length === 0) return [];
    const rijen = await kwartaalcijferCellen(m, { gemeenten, van, tot, indicatoren, stand });
    const som = new Map<string, { gemeente: string; indicator: string; waarde: number }>();
    for (const r of rijen) {
      const k = `${r.gemeente}|${r.indicatorCode}`;
      const h = som.get(k) ?? { gemeente: r.gemeente, indicator: r.indicatorCode, waarde: 0 };
      h.waarde += r.waarde;
      som.set(k, h);
    }
    return [...som.values()];
  }

  /**
   * Targets per indicator for the area and per gemeente (domain doelInPeriode: highest level, the
   * full target, due on its last day; an area above a gemeente uses its own target, else the sum
   * of its parts; LAND's parts are provincies).
   */
  private async taakstellingen(m: Vrager, gebied: GebiedInfo, periode: Periode, peil: IsoDatum) {
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
      // the stock share of sociale huur is judged only against a provincie's target (woondeal.ts)
      if (!taakstellingTelt(r.indicator, r.gesteld_door)) continue;
      const sleutel = `${r.soort}|${r.code}|${r.indicator}`;
      regels.set(sleutel, [
        ...(regels.get(sleutel) ?? []),
        { van: r.van, tot: r.tot, waarde: Number(r.waarde), gesteldDoor: r.gesteld_door },
      ]);
    }
    const van = (soort: string, code: string, indicator: Indicator): Doel =>
      doelInPeriode(
        regels.get(`${soort}|${code}|${indicator.code}`) ?? [],
        periode,
        indicator.aggregatie,
        peil,
      );
    const perGemeente = (indicator: Indicator, g: string) => van('GEMEENTE', g, indicator);

    const provincieVan = new Map<string, string[]>();
    if (gebied.soort === 'LAND') {
      for (const g of await this.referentie.gemeenten()) {
        provincieVan.set(g.provincieCode, [...(provincieVan.get(g.provincieCode) ?? []), g.code]);
      }
    }
    const voorGebied = (indicator: Indicator): { doel: Doel; bron: string; onderdelen: number } => {
      if (gebied.soort === 'GEMEENTE') {
        let doel = perGemeente(indicator, gebied.code);
        if (gebied.gemeenten.length > 1 && indicator.aggregatie !== 'AANDEEL') {
          // after a herindeling (metVoorgangers): targets of the period that stayed on the old
          // codes (a closed period when it was applied late) count for the new gemeente too
          const som = somVanDoelen(
            gebied.gemeenten.map((g) => perGemeente(indicator, g)),
            indicator.aggregatie,
          );
          if (som.waarde !== null)
            doel = { waarde: som.waarde, vervallen: som.vervallen, vervaldatum: som.vervaldatum };
        }
        return { doel, bron: doel.waarde === null ? 'GEEN' : 'GEBIED', onderdelen: 0 };
      }
      const eigen = van(gebied.soort, gebied.code, indicator);
      if (eigen.waarde !== null) return { doel: eigen, bron: 'GEBIED', onderdelen: 0 };
      const delen =
        gebied.soort !== 'LAND'
          ? gebied.gemeenten.map((g) => perGemeente(indicator, g))
          : [...provincieVan.entries()].map(([pv, gs]) => {
              const eigenPv = van('PROVINCIE', pv, indicator);
              return eigenPv.waarde !== null
                ? eigenPv
                : somVanDoelen(
                    gs.map((g) => perGemeente(indicator, g)),
                    indicator.aggregatie,
                  );
            });
      const som = somVanDoelen(delen, indicator.aggregatie);
      const doel: Doel = { waarde: som.waarde, vervallen: som.vervallen, vervaldatum: som.vervaldatum };
      return {
        doel: doel.waarde === null ? GEEN_DOEL_WAARDE : doel,
        bron: doel.waarde === null ? 'GEEN' : 'ONDERDELEN',
        onderdelen: som.onderdelen,
      };
    };
    return Object.assign(voorGebied, { perGemeente });
  }
}
