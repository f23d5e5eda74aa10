import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACTIELIJNEN,
  beoordeelAandeel,
  GEEN_WAARDE,
  formatGetal,
  halfjaarVanDatum,
  halfjarenTussen,
  kwartaalEinde,
  kwartaalLabel,
  formatKwartaal,
  maakHalfjaar,
  maakPeriode,
  periodeVoorKwartaal,
  periodeTekst,
  vorigKwartaal,
  type Kwartaal,
} from '@thuismonitor/domain';
import { VoortgangService } from '../voortgang/voortgang.service';
import type {
  AfspraakVoortgang,
  IndicatorVoortgang,
  Voortgang,
  VoortgangCel,
} from '../voortgang/voortgang.types';
import type { RequestContext } from '@thuismonitor/auth';
import { StatushoudersService } from '../taakstelling/statushouders.service';
import { ProgrammaService } from '../volkshuisvesting/programma.service';
import type { ProgrammaDekking } from '../volkshuisvesting/programma.types';
import { GebiedService } from '../gebied/gebied.service';
import { WoondealService } from '../woondeal/woondeal.service';
import type { Woondeal } from '../woondeal/woondeal.types';
import { ReferentieService } from '../referentie/referentie.service';
import { leesPrestatieafspraken } from '../prestatieafspraak/prestatieafspraak.repository';
import type { RapportageGebied } from './rapportage-gebied';
import type {
  RapportageAfspraakZicht,
  RapportageCel,
  RapportageInhoud,
  RapportageIndicatorRegel,
  RapportageOnderdeelRegel,
  RapportageSocialeHuurRegel,
  RapportageStatushoudersRegel,
  RapportageWoondeal,
} from './rapportage-inhoud';

/** Dutch collation built once (a.localeCompare(b, 'nl') builds a collator per call). */
const NL = new Intl.Collator('nl');
/** Columns of the table of gemeenten / provincies in the combined report. */
const KERNINDICATOREN = [
  'TOEWIJZINGEN_TOTAAL',
  'TOEWIJZINGEN_STATUSHOUDERS',
  'STATUSHOUDERS_GEHUISVEST',
  'TOEWIJZINGEN_URGENTEN',
  'SOCIALE_HUURWONINGEN_OPGELEVERD',
  'WONINGEN_OPGELEVERD',
  'AANDEEL_SOCIALE_HUUR',
  'HUISUITZETTINGEN',
];

/** Runs `werk` as the gemeente that owns the report's figures, inside the job's snapshot (ScopedDb.alsInSnapshot). */
export type AlsEigenaar = <T>(werk: (m: EntityManager, eigenaar: RequestContext) => Promise<T>) => Promise<T>;

/** Figures of one area for one quarter, in the shared (released) and, for gemeenten, exact form. */
export interface RapportageCijfers {
  gebied: RapportageGebied;
  afspraken: { gedeeld: AfspraakVoortgang[]; intern: AfspraakVoortgang[] | null };
  /** who may see each prestatieafspraak whose afspraken are in the report */
  afsprakenZicht: Map<string, RapportageAfspraakZicht>;
  kwartaal: Kwartaal;
  jaarTotNu: { gedeeld: Voortgang; intern: Voortgang | null };
  ditKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  vorigKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  /** released persons (the shared variant) and, for a gemeente's own report, exact ones */
  statushouders: { gedeeld: RapportageStatushoudersRegel[]; intern: RapportageStatushoudersRegel[] | null };
  /** for LAND: year-to-date voortgang per provincie (shared form) */
  provincies: Voortgang[];
  gemeenteNamen: Map<string, string>;
  /** provincie of each gemeente of the area (presentation: the national PDF groups per provincie) */
  provincieVan: Map<string, string>;
  /** gemeenten with a vastgesteld volkshuisvestingsprogramma on the peildatum (public facts) */
  programmas: ProgrammaDekking;
  /** the woondeal figures of the year to date (public by nature: one variant) */
  woondeal: Woondeal;
}

const alsCel = (c: VoortgangCel): RapportageCel => ({
  waarde: c.waarde,
  onderdrukt: c.onderdrukt,
  weergave: c.weergave,
});

function verschil(a: VoortgangCel, b: VoortgangCel): RapportageCel {
  if (a.onderdrukt || b.onderdrukt)
    return { waarde: null, onderdrukt: true, weergave: a.onderdrukt ? a.weergave : b.weergave };
  if (a.waarde === null || b.waarde === null)
    return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  const d = Math.round((a.waarde - b.waarde) * 100) / 100;
  return { waarde: d, onderdrukt: false, weergave: `${d > 0 ? '+' : ''}${formatGetal(d)}` };
}

/**
 * Builds report content from THE voortgang computation (VoortgangService.meet, the code the
 * voortgang query runs, so report and screen never disagree), inside the job's one snapshot and
 * bounded by the quarter's last day as peildatum: year to date, this quarter and the previous one,
 * the afspraken of the vastgestelde prestatieafspraken, statushouders with carry-over, the share
 * of sociale huur in the stock (a fact, judged only against a provincie's target), the woondeal
 * figures of the year (WoondealService over the same voortgang), and for a provincie, regio or the country the table of its parts.
 * The report has no SQL of its own for figures.
 */
@Injectable()
export class RapportageInhoudService {
  constructor(
    private readonly voortgang: VoortgangService,
    private readonly statushouders: StatushoudersService,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
    private readonly programmas: ProgrammaService,
    private readonly woondeal: WoondealService,
  ) {}

  /**
   * `systeem` is the context the shared variant is measured as: a non-owner with national scope
   * (released figures, vastgestelde prestatieafspraken only), in the job's snapshot `m`.
   * `alsEigenaar` (a gemeente's own report only) runs work as that gemeente, the owner of every
   * figure of its area, in the same snapshot transaction (same data cut-off): the exact INTERN variant.
   */
  async verzamel(
    m: EntityManager,
    gebied: RapportageGebied,
    kwartaal: Kwartaal,
    systeem: RequestContext,
    alsEigenaar: AlsEigenaar | null,
  ): Promise<RapportageCijfers> {
    const info = { ...gebied, provincies: [] as string[] };
    // The peildatum: the quarter's last day. Nothing dated after it counts, whenever the job runs.
    const einde = kwartaalEinde(kwartaal);
    const jaarTotNu = maakPeriode(`${kwartaal.jaar}-01-01`, einde);
    const vorig = vorigKwartaal(kwartaal);
    // after a herindeling a gemeente's periods from the date take in the gemeenten merged into
    // it, per period as voortgang does (the previous quarter can lie before the date)
    const gebiedVoor = (periode: { van: string }) => this.gebieden.metVoorgangers(info, periode);
    const perioden = {
      jaarTotNu,
      ditKwartaal: periodeVoorKwartaal(kwartaal),
      vorigKwartaal: periodeVoorKwartaal(vorig),
    };
    const gebieden = {
      jaarTotNu: await gebiedVoor(perioden.jaarTotNu),
      ditKwartaal: await gebiedVoor(perioden.ditKwartaal),
      vorigKwartaal: await gebiedVoor(perioden.vorigKwartaal),
    };
    const metingen = async (mm: EntityManager, ctx: RequestContext, gedeeld: boolean) => ({
      jaarTotNu: await this.voortgang.meet(mm, ctx, gebieden.jaarTotNu, perioden.jaarTotNu, {
        vandaag: einde,
        metAfspraken: true,
        gedeeld,
      }),
      ditKwartaal: await this.voortgang.meet(mm, ctx, gebieden.ditKwartaal, perioden.ditKwartaal, {
        vandaag: einde,
        gedeeld,
      }),
      vorigKwartaal: await this.voortgang.meet(mm, ctx, gebieden.vorigKwartaal, perioden.vorigKwartaal, {
        vandaag: einde,
        gedeeld,
      }),
    });
    const gedeeld = await metingen(m, systeem, true);
    const intern = alsEigenaar ? await alsEigenaar((mm, eigenaar) => metingen(mm, eigenaar, false)) : null;
    const cijfers = {
      jaarTotNu: { gedeeld: gedeeld.jaarTotNu, intern: intern?.jaarTotNu ?? null },
      ditKwartaal: { gedeeld: gedeeld.ditKwartaal, intern: intern?.ditKwartaal ?? null },
      vorigKwartaal: { gedeeld: gedeeld.vorigKwartaal, intern: intern?.vorigKwartaal ?? null },
    };

    // Statushouders: the half years of the report's year that have started by the peildatum,
    // the last one counted up to the peildatum (the same cut-off as the year-to-date indicator).
    const halfjaren = halfjarenTussen(maakHalfjaar(kwartaal.jaar, 1), halfjaarVanDatum(einde));
    const gemeenteInfo = await this.referentie.gemeenten({ codes: gebied.gemeenten });
    const namen = new Map(gemeenteInfo.map((g) => [g.code, g.naam]));
    const provincieVan = new Map(gemeenteInfo.map((g) => [g.code, g.provincieCode]));
    // persons are counted from households: released for the shared variant, exact only as the owner
    const regels = (perGemeente: Awaited<ReturnType<StatushoudersService['bereken']>>) => {
      const uit: RapportageStatushoudersRegel[] = [];
      for (const code of gebied.gemeenten) {
        for (const h of perGemeente.get(code) ?? []) {
          uit.push({
            gemeenteCode: code,
            gemeente: namen.get(code) ?? code,
            halfjaar: h.halfjaar,
            taakstelling: h.taakstelling,
            meegenomen: h.meegenomen,
            teRealiseren: h.teRealiseren,
            gehuisvest: h.gehuisvest,
            saldo: h.saldo,
            status: h.statusLabel,
            provincieCode: provincieVan.get(code),
          });
        }
      }
      return uit.sort((a, b) => NL.compare(a.gemeente, b.gemeente) || a.halfjaar.localeCompare(b.halfjaar));
    };
    // a gemeente's half years take in its predecessors from the herindeling, as on the
    // statushouders pages; an old gemeente listed in a provincie's table keeps its own code alone
    const statushoudersOpties = { peildatum: einde, metVoorgangers: true };
    const statushouders = {
      gedeeld: regels(await this.statushouders.bereken(m, gebied.gemeenten, halfjaren, statushoudersOpties)),
      intern: alsEigenaar
        ? regels(
            await alsEigenaar((mm) =>
              this.statushouders.bereken(mm, gebied.gemeenten, halfjaren, statushoudersOpties),
            ),
          )
        : null,
    };

    const afspraken = {
      gedeeld: cijfers.jaarTotNu.gedeeld.afspraken,
      intern: cijfers.jaarTotNu.intern?.afspraken ?? null,
    };
    const afsprakenZicht = await this.zicht(m, [...afspraken.gedeeld, ...(afspraken.intern ?? [])]);

    const provincies: Voortgang[] = [];
    if (gebied.soort === 'LAND') {
      for (const p of await this.referentie.provincies()) {
        const pv = await this.gebieden.opzoeken('PROVINCIE', p.code);
        if (pv)
          provincies.push(
            await this.voortgang.meet(m, systeem, pv, jaarTotNu, { vandaag: einde, gedeeld: true }),
          );
      }
    }
    return {
      gebied,
      kwartaal,
      ...cijfers,
      afspraken,
      afsprakenZicht,
      statushouders,
      provincies,
      gemeenteNamen: namen,
      provincieVan,
      programmas: await this.programmas.dekkingIn(m, gebied.gemeenten, einde),
      woondeal: await this.woondeal.meet(m, info, cijfers.jaarTotNu.gedeeld),
    };
  }

  /**
   * The facts magPrestatieafspraakZien decides on (gemeente, status, parties) for every
   * prestatieafspraak in the report, read in the same snapshot. Whoever reads the report later is
   * checked against these: only a reader that may see each of them gets the afspraken section.
   */
  private async zicht(
    m: EntityManager,
    afspraken: AfspraakVoortgang[],
  ): Promise<Map<string, RapportageAfspraakZicht>> {
    const ids = [...new Set(afspraken.map((a) => a.prestatieafspraakId))].sort();
    if (!ids.length) return new Map();
    const rijen = await leesPrestatieafspraken(m, 'p.id = ANY($1::uuid[])', [ids]);
    if (rijen.length !== ids.length)
      throw new Error('prestatieafspraken of the report not readable in its snapshot');
    return new Map(
      rijen.map((r) => [
        r.id,
        { id: r.id, gemeenteCode: r.gemeenteCode, status: r.status, partijIds: [...r.partijIds].sort() },
      ]),
    );
  }

  /**
   * The content of a report for an actielijn (or ALLE: every actielijn, the one report per area
   * the run makes): the shared variant, and the exact one only where it differs from it.
   */
  voorActielijn(
    c: RapportageCijfers,
    actielijn: string,
  ): { actielijn: string; gedeeld: RapportageInhoud; intern: RapportageInhoud | null } {
    const gedeeld = this.inhoud(c, actielijn, 'GEDEELD');
    // the exact variant only where it differs from the shared one (no cell of this report released)
    const exact = c.jaarTotNu.intern ? this.inhoud(c, actielijn, 'INTERN') : null;
    const cijfersVan = (r: RapportageInhoud) =>
      JSON.stringify([
        r.indicatoren,
        r.afspraken,
        r.statushouders,
        r.socialeHuur,
        r.socialeHuurGebied,
        r.woondeal,
        r.onderdelen,
        r.bijlageGemeenten,
      ]);
    const intern = exact && cijfersVan(exact) !== cijfersVan(gedeeld) ? exact : null;
    return { actielijn, gedeeld, intern };
  }

  private inhoud(c: RapportageCijfers, actielijn: string, variant: 'GEDEELD' | 'INTERN'): RapportageInhoud {
    const boven = c.gebied.soort !== 'GEMEENTE';
    const kies = (x: { gedeeld: Voortgang; intern: Voortgang | null }) =>
      variant === 'INTERN' && x.intern ? x.intern : x.gedeeld;
    const jtn = kies(c.jaarTotNu);
    const dit = kies(c.ditKwartaal);
    const vorig = kies(c.vorigKwartaal);
    const binnen = (code: string) => actielijn === 'ALLE' || code === actielijn;
    const zoek = (v: Voortgang, code: string) =>
      v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === code);
    const actielijnNaam =
      actielijn === 'ALLE'
        ? 'Alle actielijnen'
        : (ACTIELIJNEN.find((a) => a.code === actielijn)?.naam ?? actielijn);

    const indicatoren: RapportageIndicatorRegel[] = jtn.actielijnen
      .filter((a) => binnen(a.code))
      .flatMap((a) =>
        a.indicatoren
          .filter((i) => i.bron !== 'MIJLPAAL')
          .map((i: IndicatorVoortgang) => {
            const di = zoek(dit, i.code)!;
            const vi = zoek(vorig, i.code)!;
            const d = di.realisatie;
            const v = vi.realisatie;
            return {
              actielijn: a.code,
              actielijnNaam: a.naam,
              code: i.code,
              naam: i.naam,
              eenheid: i.eenheid,
              taakstelling: i.taakstelling,
              realisatie: alsCel(i.realisatie),
              dekking: boven ? i.dekking.weergave : null,
              percentage: i.percentage,
              status: i.status ?? 'ONBEKEND',
              statusLabel: i.statusLabel ?? (i.realisatie.onderdrukt ? 'afgeschermd' : 'geen gegevens'),
              // flows: realised within each quarter; stocks and shares: the level at each quarter's end
              ditKwartaal: alsCel(d),
              dekkingDitKwartaal: boven ? di.dekking.weergave : null,
              vorigKwartaal: alsCel(v),
              dekkingVorigKwartaal: boven ? vi.dekking.weergave : null,
              verschil: verschil(d, v),
            };
          }),
      );

    const bron = (
      variant === 'INTERN' && c.afspraken.intern ? c.afspraken.intern : c.afspraken.gedeeld
    ).filter((a) => actielijn === 'ALLE' || a.actielijn === actielijn);
    const afspraken = bron.map((a) => ({
      prestatieafspraak: a.prestatieafspraakTitel ?? a.prestatieafspraakId,
      omschrijving: a.omschrijving,
      actielijn: a.actielijn ?? '',
      indicator: a.indicatorCode,
      doelwaarde: a.doelwaarde,
      realisatie: a.realisatie ? alsCel(a.realisatie) : null,
      percentage: a.percentage,
      status: a.statusLabel ?? a.status ?? '',
      verantwoordelijke: a.verantwoordelijke ?? '',
      gemeente: c.gemeenteNamen.get(a.gemeenteCode) ?? a.gemeenteCode,
      provincieCode: c.provincieVan.get(a.gemeenteCode),
      soort: a.soort,
    }));
    const afsprakenZicht = [...new Set(bron.map((a) => a.prestatieafspraakId))]
      .sort()
      .map((id) => c.afsprakenZicht.get(id)!);

    const metSocialeHuur = actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING';
    const socialeHuur: RapportageSocialeHuurRegel[] = metSocialeHuur ? this.socialeHuur(c, jtn) : [];
    const voorraad = zoek(jtn, 'AANDEEL_SOCIALE_HUUR');
    const socialeHuurGebied =
      metSocialeHuur && voorraad
        ? {
            aandeel: voorraad.realisatie.onderdrukt ? null : voorraad.realisatie.waarde,
            dekking: boven ? voorraad.dekking.weergave : null,
          }
        : undefined;
    const woondeal =
      actielijn === 'ALLE' || actielijn === 'VOLDOENDE_WONINGEN'
        ? this.woondealRegels(c.woondeal)
        : undefined;
    const alleStatushouders =
      variant === 'INTERN' && c.statushouders.intern ? c.statushouders.intern : c.statushouders.gedeeld;
    const statushouders =
      actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING' || actielijn === 'VOLDOENDE_WONINGEN'
        ? alleStatushouders
        : [];

    const kolomCodes =
      actielijn === 'ALLE'
        ? KERNINDICATOREN
        : jtn.actielijnen
            .find((a) => a.code === actielijn)!
            .indicatoren.filter((i) => i.bron !== 'MIJLPAAL')
            .map((i) => i.code);
    const kolommen = kolomCodes.map((code) => ({ code, naam: zoek(jtn, code)?.naam ?? code }));
    let onderdelen: RapportageInhoud['onderdelen'] = null;
    const perGemeente = (): RapportageInhoud['onderdelen'] => ({
      soort: 'gemeente',
      kolommen,
      regels: jtn.gemeenten.map((g): RapportageOnderdeelRegel => ({
        code: g.gemeente.code,
        naam: g.gemeente.naam,
        cellen: Object.fromEntries(
          kolomCodes.map((k) => [k, alsCel(g.indicatoren.find((i) => i.indicatorCode === k)!.realisatie)]),
        ),
      })),
    });
    let bijlageGemeenten: RapportageInhoud['onderdelen'] = null;
    if (c.gebied.soort === 'LAND') {
      bijlageGemeenten = perGemeente();
      onderdelen = {
        soort: 'provincie',
        kolommen,
        regels: c.provincies.map((p) => ({
          code: p.gebied.code,
          naam: p.gebied.naam,
          cellen: Object.fromEntries(kolomCodes.map((k) => [k, alsCel(zoek(p, k)!.realisatie)])),
          dekking: Object.fromEntries(kolomCodes.map((k) => [k, zoek(p, k)!.dekking.weergave])),
        })),
      };
    } else if (c.gebied.soort !== 'GEMEENTE') {
      onderdelen = perGemeente();
    }

    const toelichting = [
      `Cijfers over ${periodeTekst(jtn.periode)}; status gemeten tegen het deel van het jaar dat op de peildatum verstreken is.`,
      'Dit kwartaal / vorig kwartaal: realisatie binnen elk kwartaal; voor standen (voorraad, aandeel) de stand aan het eind van het kwartaal.',
    ];
    if (boven) {
      toelichting.push(
        'Dekking: hoeveel gemeenten van het gebied aan een cijfer bijdragen. Een gemeente zonder cijfer telt niet mee (niet als 0); een aandeel is de som van de tellers gedeeld door de som van de noemers van dezelfde gemeenten.',
      );
    }
    if (jtn.afgeschermd && jtn.afschermingUitleg) toelichting.push(jtn.afschermingUitleg);
    if (variant === 'INTERN')
      toelichting.push('Interne versie met exacte aantallen: alleen voor de gemeente zelf.');

    return {
      titel: `Kwartaalrapportage ${c.gebied.naam} — ${kwartaalLabel(c.kwartaal)} — ${actielijnNaam}`,
      gebied: { soort: c.gebied.soort, code: c.gebied.code, naam: c.gebied.naam },
      kwartaal: formatKwartaal(c.kwartaal),
      kwartaalLabel: kwartaalLabel(c.kwartaal),
      periode: jtn.periode,
      peildatum: jtn.peildatum,
      actielijn,
      actielijnNaam,
      variant,
      indicatoren,
      afspraken,
      afsprakenZicht,
      statushouders,
      socialeHuur,
      ...(socialeHuurGebied ? { socialeHuurGebied } : {}),
      ...(woondeal ? { woondeal } : {}),
      onderdelen,
      ...(bijlageGemeenten ? { bijlageGemeenten } : {}),
      ...(actielijn === 'ALLE' || actielijn === 'WONEN_ZORG_WELZIJN'
        ? {
            volkshuisvestingsprogrammas: {
              weergave: c.programmas.weergave,
              wettelijkVerplicht: c.programmas.wettelijkVerplicht,
            },
          }
        : {}),
      toelichting,
    };
  }

  /**
   * The stock share per gemeente: a fact; judged only against the provincie's target for that
   * gemeente (the voortgang counts no other level's target for this indicator).
   */
  private socialeHuur(c: RapportageCijfers, v: Voortgang): RapportageSocialeHuurRegel[] {
    const regel = (
      code: string,
      naam: string,
      cel: VoortgangCel | undefined,
      doel: number | null,
    ): RapportageSocialeHuurRegel => {
      const aandeel = cel && !cel.onderdrukt ? cel.waarde : null;
      const oordeel = beoordeelAandeel(aandeel, doel);
      return {
        gemeenteCode: code,
        gemeente: naam,
        aandeel,
        doel,
        voldoet: oordeel === 'OP_OF_BOVEN_DOEL' ? true : oordeel === 'ONDER_DOEL' ? false : null,
        provincieCode: c.provincieVan.get(code),
      };
    };
    if (c.gebied.soort === 'GEMEENTE') {
      const i = v.actielijnen.flatMap((a) => a.indicatoren).find((x) => x.code === 'AANDEEL_SOCIALE_HUUR');
      return [regel(c.gebied.code, c.gebied.naam, i?.realisatie, i?.taakstelling ?? null)];
    }
    return v.gemeenten.map((g) => {
      const i = g.indicatoren.find((x) => x.indicatorCode === 'AANDEEL_SOCIALE_HUUR');
      return regel(g.gemeente.code, g.gemeente.naam, i?.realisatie, i?.taakstelling ?? null);
    });
  }

  private woondealRegels(w: Woondeal): RapportageWoondeal {
    return {
      grondslag: w.grondslagTekst,
      regels: w.onderdelen.map((o) => ({
        naam: o.naam,
        taakstelling: o.taakstelling,
        realisatie: o.opgeleverd,
        percentage: o.percentage,
        status: o.statusLabel ?? 'geen taakstelling',
      })),
      aandeelBetaalbaar: w.aandeelBetaalbaar.aandeel,
      aandeelSocialeHuur: w.aandeelSocialeHuur.aandeel,
      doelBetaalbaar: w.aandeelBetaalbaar.doel,
      doelSocialeHuur: w.aandeelSocialeHuur.doel,
      dekking: `${w.projecten} ${w.projecten === 1 ? 'project' : 'projecten'} in ${w.dekking.weergave}`,
    };
  }
}
