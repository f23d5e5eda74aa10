import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACTIELIJNEN,
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
  vorigKwartaal,
  type Kwartaal,
} from '@thuismonitor/domain';
import { VoortgangService } from '../voortgang/voortgang.service';
import type { AfspraakVoortgang, IndicatorVoortgang, Voortgang, VoortgangCel } from '../voortgang/voortgang.types';
import type { RequestContext } from '@thuismonitor/auth';
import { StatushoudersService } from '../taakstelling/statushouders.service';
import { GebiedService } from '../gebied/gebied.service';
import { ReferentieService } from '../referentie/referentie.service';
import type { RapportageGebied } from './rapportage-gebied';
import type {
  RapportageCel,
  RapportageInhoud,
  RapportageIndicatorRegel,
  RapportageOnderdeelRegel,
  RapportageSocialeHuurRegel,
  RapportageStatushoudersRegel,
} from './rapportage-inhoud';

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
const SOCIALE_HUUR_NORM = 30;

/** Figures of one area for one quarter, in the shared (suppressed) and, for gemeenten, exact form. */
export interface RapportageCijfers {
  gebied: RapportageGebied;
  afspraken: { gedeeld: AfspraakVoortgang[]; intern: AfspraakVoortgang[] | null };
  kwartaal: Kwartaal;
  jaarTotNu: { gedeeld: Voortgang; intern: Voortgang | null };
  ditKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  vorigKwartaal: { gedeeld: Voortgang; intern: Voortgang | null };
  statushouders: RapportageStatushoudersRegel[];
  /** for LAND: year-to-date voortgang per provincie (shared form) */
  provincies: Voortgang[];
  gemeenteNamen: Map<string, string>;
}

const alsCel = (c: VoortgangCel): RapportageCel => ({ waarde: c.waarde, onderdrukt: c.onderdrukt, weergave: c.weergave });

function verschil(a: VoortgangCel, b: VoortgangCel): RapportageCel {
  if (a.onderdrukt || b.onderdrukt) return { waarde: null, onderdrukt: true, weergave: a.onderdrukt ? a.weergave : b.weergave };
  if (a.waarde === null || b.waarde === null) return { waarde: null, onderdrukt: false, weergave: GEEN_WAARDE };
  const d = Math.round((a.waarde - b.waarde) * 100) / 100;
  return { waarde: d, onderdrukt: false, weergave: `${d > 0 ? '+' : ''}${formatGetal(d)}` };
}

/**
 * Builds report content from the voortgang computation (the same code the voortgang query runs,
 * so report and screen never disagree): year to date at the quarter's end, this quarter and the
 * previous one, statushouders with carry-over, the share of sociale huur against 30%, and for a
 * provincie, regio or the country the table of its parts.
 */
@Injectable()
export class RapportageInhoudService {
  constructor(
    private readonly voortgang: VoortgangService,
    private readonly statushouders: StatushoudersService,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
  ) {}

  /**
   * `systeem` is the context the job acts in (Rijk's national scope): it decides which
   * prestatieafspraken count, i.e. the vastgestelde ones, never drafts.
   */
  async verzamel(m: EntityManager, gebied: RapportageGebied, kwartaal: Kwartaal, systeem: RequestContext): Promise<RapportageCijfers> {
    const info = { ...gebied, provincies: [] as string[] };
    const einde = kwartaalEinde(kwartaal);
    const jaarTotNu = maakPeriode(`${kwartaal.jaar}-01-01`, einde);
    const vorig = vorigKwartaal(kwartaal);
    // Measured as on the quarter's last day: "how far along should we be after N quarters".
    const beide = async (periode: ReturnType<typeof maakPeriode>) => {
      const gedeeld = await this.voortgang.bereken(m, info, periode, { onderdrukken: true, vandaag: einde });
      // The exact variant exists only for a gemeente's own report and only when it differs.
      const heeftAfgeschermd = JSON.stringify(gedeeld).includes('"onderdrukt":true');
      const intern =
        gebied.soort === 'GEMEENTE' && heeftAfgeschermd
          ? await this.voortgang.bereken(m, info, periode, { onderdrukken: false, vandaag: einde })
          : null;
      return { gedeeld, intern };
    };
    const cijfers = {
      jaarTotNu: await beide(jaarTotNu),
      ditKwartaal: await beide(periodeVoorKwartaal(kwartaal)),
      vorigKwartaal: await beide(periodeVoorKwartaal(vorig)),
    };

    // Statushouders: the half years of the report's year that have started by the quarter's end.
    const halfjaren = halfjarenTussen(maakHalfjaar(kwartaal.jaar, 1), halfjaarVanDatum(einde));
    const perGemeente = await this.statushouders.bereken(m, gebied.gemeenten, halfjaren);
    const namen = new Map((await this.referentie.gemeenten({ codes: gebied.gemeenten })).map((g) => [g.code, g.naam]));
    const statushouders: RapportageStatushoudersRegel[] = [];
    for (const code of gebied.gemeenten) {
      for (const h of perGemeente.get(code) ?? []) {
        statushouders.push({
          gemeenteCode: code,
          gemeente: namen.get(code) ?? code,
          halfjaar: h.halfjaar,
          taakstelling: h.taakstelling,
          meegenomen: h.meegenomen,
          teRealiseren: h.teRealiseren,
          gehuisvest: h.gehuisvest,
          saldo: h.saldo,
          status: h.statusLabel,
        });
      }
    }
    statushouders.sort((a, b) => a.gemeente.localeCompare(b.gemeente, 'nl') || a.halfjaar.localeCompare(b.halfjaar));

    const afspraken = {
      gedeeld: await this.voortgang.afspraken(systeem, cijfers.jaarTotNu.gedeeld),
      intern: cijfers.jaarTotNu.intern ? await this.voortgang.afspraken(systeem, cijfers.jaarTotNu.intern) : null,
    };

    const provincies: Voortgang[] = [];
    if (gebied.soort === 'LAND') {
      for (const p of await this.referentie.provincies()) {
        const pv = await this.gebieden.opzoeken('PROVINCIE', p.code);
        if (pv) provincies.push(await this.voortgang.bereken(m, pv, jaarTotNu, { onderdrukken: true, vandaag: einde }));
      }
    }
    return { gebied, kwartaal, ...cijfers, afspraken, statushouders, provincies, gemeenteNamen: namen };
  }

  voorActielijn(c: RapportageCijfers, actielijn: string): { actielijn: string; gedeeld: RapportageInhoud; intern: RapportageInhoud | null } {
    const gedeeld = this.inhoud(c, actielijn, 'GEDEELD');
    const intern = c.jaarTotNu.intern || c.ditKwartaal.intern || c.vorigKwartaal.intern ? this.inhoud(c, actielijn, 'INTERN') : null;
    return { actielijn, gedeeld, intern };
  }

  private inhoud(c: RapportageCijfers, actielijn: string, variant: 'GEDEELD' | 'INTERN'): RapportageInhoud {
    const kies = (x: { gedeeld: Voortgang; intern: Voortgang | null }) => (variant === 'INTERN' && x.intern ? x.intern : x.gedeeld);
    const jtn = kies(c.jaarTotNu);
    const dit = kies(c.ditKwartaal);
    const vorig = kies(c.vorigKwartaal);
    const binnen = (code: string) => actielijn === 'ALLE' || code === actielijn;
    const zoek = (v: Voortgang, code: string) => v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === code);
    const actielijnNaam = actielijn === 'ALLE' ? 'Alle actielijnen' : (ACTIELIJNEN.find((a) => a.code === actielijn)?.naam ?? actielijn);

    const indicatoren: RapportageIndicatorRegel[] = jtn.actielijnen
      .filter((a) => binnen(a.code))
      .flatMap((a) =>
        a.indicatoren
          .filter((i) => i.bron !== 'MIJLPAAL')
          .map((i: IndicatorVoortgang) => {
            const d = zoek(dit, i.code)!.realisatie;
            const v = zoek(vorig, i.code)!.realisatie;
            return {
              actielijn: a.code,
              actielijnNaam: a.naam,
              code: i.code,
              naam: i.naam,
              eenheid: i.eenheid,
              taakstelling: i.taakstelling,
              realisatie: alsCel(i.realisatie),
              percentage: i.percentage,
              status: i.status ?? 'ONBEKEND',
              statusLabel: i.statusLabel ?? (i.realisatie.onderdrukt ? 'afgeschermd' : 'geen gegevens'),
              // flows: realised within each quarter; stocks and shares: the level at each quarter's end
              ditKwartaal: alsCel(d),
              vorigKwartaal: alsCel(v),
              verschil: verschil(d, v),
            };
          }),
      );

    const afspraken = (variant === 'INTERN' && c.afspraken.intern ? c.afspraken.intern : c.afspraken.gedeeld)
      .filter((a) => actielijn === 'ALLE' || a.actielijn === actielijn)
      .map((a) => ({
        prestatieafspraak: a.prestatieafspraakTitel ?? a.prestatieafspraakId,
        omschrijving: a.omschrijving,
        actielijn: a.actielijn ?? '',
        indicator: a.indicatorCode,
        doelwaarde: a.doelwaarde,
        realisatie: a.realisatie ? alsCel(a.realisatie) : null,
        percentage: a.percentage,
        status: a.statusLabel ?? a.status ?? '',
        verantwoordelijke: a.verantwoordelijke ?? '',
      }));

    const socialeHuur: RapportageSocialeHuurRegel[] =
      actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING' ? this.socialeHuur(c, jtn) : [];
    const statushouders = actielijn === 'ALLE' || actielijn === 'EVENWICHTIGE_VERDELING' || actielijn === 'VOLDOENDE_WONINGEN' ? c.statushouders : [];

    const kolomCodes =
      actielijn === 'ALLE'
        ? KERNINDICATOREN
        : jtn.actielijnen.find((a) => a.code === actielijn)!.indicatoren.filter((i) => i.bron !== 'MIJLPAAL').map((i) => i.code);
    const kolommen = kolomCodes.map((code) => ({ code, naam: zoek(jtn, code)?.naam ?? code }));
    let onderdelen: RapportageInhoud['onderdelen'] = null;
    if (c.gebied.soort === 'LAND') {
      onderdelen = {
        soort: 'provincie',
        kolommen,
        regels: c.provincies.map((p) => ({
          code: p.gebied.code,
          naam: p.gebied.naam,
          cellen: Object.fromEntries(kolomCodes.map((k) => [k, alsCel(zoek(p, k)!.realisatie)])),
        })),
      };
    } else if (c.gebied.soort !== 'GEMEENTE') {
      onderdelen = {
        soort: 'gemeente',
        kolommen,
        regels: jtn.gemeenten.map(
          (g): RapportageOnderdeelRegel => ({
            code: g.gemeente.code,
            naam: g.gemeente.naam,
            cellen: Object.fromEntries(
              kolomCodes.map((k) => [k, alsCel(g.indicatoren.find((i) => i.indicatorCode === k)!.realisatie)]),
            ),
          }),
        ),
      };
    }

    const toelichting = [
      `Cijfers over ${jtn.periode.van} t/m ${jtn.periode.tot}; status gemeten tegen het deel van het jaar dat op de peildatum verstreken is.`,
      'Dit kwartaal / vorig kwartaal: realisatie binnen elk kwartaal; voor standen (voorraad, aandeel) de stand aan het eind van het kwartaal.',
    ];
    if (jtn.afgeschermd && jtn.afschermingUitleg) toelichting.push(jtn.afschermingUitleg);
    if (variant === 'INTERN') toelichting.push('Interne versie met exacte aantallen: alleen voor de gemeente zelf.');

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
      statushouders,
      socialeHuur,
      onderdelen,
      toelichting,
    };
  }

  private socialeHuur(c: RapportageCijfers, v: Voortgang): RapportageSocialeHuurRegel[] {
    const regel = (code: string, naam: string, cel: VoortgangCel | undefined): RapportageSocialeHuurRegel => {
      const aandeel = cel && !cel.onderdrukt ? cel.waarde : null;
      return { gemeenteCode: code, gemeente: naam, aandeel, norm: SOCIALE_HUUR_NORM, voldoet: aandeel === null ? null : aandeel >= SOCIALE_HUUR_NORM };
    };
    if (c.gebied.soort === 'GEMEENTE') {
      const i = v.actielijnen.flatMap((a) => a.indicatoren).find((x) => x.code === 'AANDEEL_SOCIALE_HUUR');
      return [regel(c.gebied.code, c.gebied.naam, i?.realisatie)];
    }
    return v.gemeenten.map((g) =>
      regel(g.gemeente.code, g.gemeente.naam, g.indicatoren.find((i) => i.indicatorCode === 'AANDEEL_SOCIALE_HUUR')?.realisatie),
    );
  }
}
