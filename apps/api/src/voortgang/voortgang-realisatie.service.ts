import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  INDICATOR_CATALOGUS,
  aandeelOverGemeenten,
  kwartaalEinde,
  kwartaalStart,
  kwartaalVolgnummer,
  kwartalenBinnenPeriode,
  laatsteAfgeslotenKwartaal,
  maakPeriode,
  oudsteGeldigeStandKwartaal,
  publicatieWeigeringMelding,
  somOverGemeenten,
  type IsoDatum,
  type Kwartaal,
  type Periode,
  type RealisatieReeks,
} from '@thuismonitor/domain';
import { ongeldig } from '../common/fouten';
import type { GebiedInfo } from '../gebied';
import { kwartaalcijferCellen, publicatieWeigeringVan } from '../publicatie';
import { Bundel, type Vrager } from './voortgang-bundel.repository';
import { STATUSHOUDERS_PERSONEN, eigenToewijzingen, vrijgegevenToewijzingen } from './voortgang-toewijzingen';
import {
  NIEUWBOUW_CODES,
  TOEWIJZING_CODES,
  kwartaalSomRijen,
  kwartaalStandRijen,
  mijlpaalRijen,
  nieuwbouwRijen,
  type IndicatorRij,
} from './voortgang.repository';

/** Realisation per indicator code. */
export type Realisatie = Map<string, RealisatieReeks>;

/** Runs a Bundel; a publication refusal of Postgres (TMP01/TMP02) becomes the Dutch error. */
export async function bundelUitvoeren(b: Bundel, m: EntityManager): Promise<void> {
  try {
    await b.uitvoeren(m);
  } catch (fout) {
    const reden = publicatieWeigeringVan(fout);
    if (reden) throw ongeldig(publicatieWeigeringMelding(reden));
    throw fout;
  }
}

const KWARTAAL = INDICATOR_CATALOGUS.filter((i) => i.bron === 'KWARTAALCIJFERS');
const SOM_CODES = KWARTAAL.filter((i) => i.aggregatie === 'SOM').map((i) => i.code);
const STAND_CODES = [
  ...new Set(
    KWARTAAL.flatMap((i) =>
      i.berekening.soort === 'AANDEEL'
        ? [i.berekening.teller, i.berekening.noemer]
        : i.aggregatie === 'STAND'
          ? [i.code]
          : [],
    ),
  ),
];
const MIJLPALEN = INDICATOR_CATALOGUS.filter((i) => i.bron === 'MIJLPAAL').map((i) => i.code);

const bereik = (indicatoren: readonly string[], van: Kwartaal, tot: Kwartaal) => ({
  indicatoren,
  van: kwartaalVolgnummer(van),
  tot: kwartaalVolgnummer(tot),
  jaarVan: van.jaar,
  jaarTot: tot.jaar,
});

/**
 * Realisation per indicator, per gemeente and for the area: a few GROUP BY queries in total
 * (voortgang.repository), counting only what is dated on or before the peildatum. Area totals
 * are computed here from the gemeenten (domain gebied-aggregatie): sums over the gemeenten that
 * reported, shares as Σ teller ÷ Σ noemer over the gemeenten that have both, each with its
 * coverage. The queries go to Postgres in one round trip (Bundel).
 */
@Injectable()
export class VoortgangRealisatieService {
  async realisatie(
    m: EntityManager,
    gebied: GebiedInfo,
    periode: Periode,
    peil: IsoDatum,
    vrijgegeven = false,
  ): Promise<Realisatie> {
    const b = new Bundel();
    const klaar = this.realisatieIn(b, gebied, periode, peil, vrijgegeven);
    klaar.catch(() => undefined); // a failed statement is thrown by bundelUitvoeren
    await bundelUitvoeren(b, m);
    return klaar;
  }

  /**
   * `realisatie` on a Bundel: registers every query before its first await (the caller runs the
   * Bundel), then computes the figures from the answers.
   */
  async realisatieIn(
    b: Bundel,
    gebied: GebiedInfo,
    periode: Periode,
    peil: IsoDatum,
    vrijgegeven: boolean,
  ): Promise<Realisatie> {
    const gemeenten = gebied.gemeenten;
    // LAND: no gemeente filter at all, so Postgres reads the period from the date index
    const filter = gebied.soort === 'LAND' ? null : gemeenten;
    // the cut-off: nothing dated after the peildatum, whenever the question is asked
    const tot = peil < periode.tot ? peil : periode.tot;
    const leeg = tot < periode.van;

    // ---- 1. every query, registered on the Bundel (no await before the last one)
    const kwartalen = leeg ? undefined : kwartalenBinnenPeriode(maakPeriode(periode.van, tot));
    const laatste = laatsteAfgeslotenKwartaal(peil);
    const oudste = oudsteGeldigeStandKwartaal(peil);

    // toewijzingen: the owner its exact cells (+ rows for loose days), others the released cells
    const eigen = !vrijgegeven && !leeg ? eigenToewijzingen(b, filter, periode.van, tot) : null;
    const vrij = vrijgegeven && !leeg ? vrijgegevenToewijzingen(b, filter, periode.van, tot) : null;
    const nieuwbouw = leeg ? Promise.resolve([]) : nieuwbouwRijen(b, filter, periode.van, tot);
    // kwartaalcijfers: SOM over the quarters inside the period up to the peildatum, STAND at the peildatum
    const somRijen: Promise<IndicatorRij[]> = !kwartalen
      ? Promise.resolve([])
      : vrijgegeven
        ? this.vrijgegevenKwartaalcijfers(
            b,
            filter,
            kwartaalStart(kwartalen.van),
            kwartaalEinde(kwartalen.tot),
            SOM_CODES,
            false,
          )
        : kwartaalSomRijen(b, filter, bereik(SOM_CODES, kwartalen.van, kwartalen.tot));
    const standRijen: Promise<IndicatorRij[]> = vrijgegeven
      ? this.vrijgegevenKwartaalcijfers(
          b,
          filter,
          kwartaalStart(oudste),
          kwartaalEinde(laatste),
          STAND_CODES,
          true,
        )
      : kwartaalStandRijen(b, filter, bereik(STAND_CODES, oudste, laatste));
    const mijlpaalRij = mijlpaalRijen(
      b,
      filter,
      MIJLPALEN,
      peil,
      Number(periode.van.slice(0, 4)),
      Number(periode.tot.slice(0, 4)),
    );

    // ---- 2. the figures from the answers
    const realisatie: Realisatie = new Map();
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
    if (!vrijgegeven) {
      const rijen = (await eigen) ?? [];
      const gedekt = new Set(rijen.filter((r) => r.gedekt).map((r) => r.gemeente));
      for (const code of TOEWIJZING_CODES) {
        zet(
          code,
          rijen.map((r) => ({ gemeente: r.gemeente, waarde: r.waarden.get(code) ?? 0 })),
          true,
          gedekt,
        );
      }
    } else {
      const rijen = (await vrij) ?? [];
      // covered: a released household count above 0 (the persons of statushouders follow their
      // households, so they do not decide coverage on their own)
      const gedekt = new Set(
        rijen
          .filter((r) => [...r.waarden].some(([code, w]) => code !== STATUSHOUDERS_PERSONEN && w > 0))
          .map((r) => r.gemeente),
      );
      for (const code of TOEWIJZING_CODES) {
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
      const rijen = await nieuwbouw;
      const gedekt = new Set(rijen.map((r) => r.gemeente).filter((g): g is string => typeof g === 'string'));
      NIEUWBOUW_CODES.forEach((code, n) =>
        zet(
          code,
          rijen.map((r) => ({ gemeente: r.gemeente, waarde: Number(r[`c${n}`]) })),
          true,
          gedekt,
        ),
      );
    }

    const perIndicator = (rijen: IndicatorRij[]) => {
      const uit = new Map<string, { gemeente: string | null; waarde: number }[]>();
      for (const r of rijen)
        uit.set(r.indicator, [...(uit.get(r.indicator) ?? []), { ...r, waarde: Number(r.waarde) }]);
      return uit;
    };
    const som = perIndicator(await somRijen);
    for (const code of SOM_CODES) zet(code, som.get(code) ?? [], false);
    const stand = perIndicator(await standRijen);
    for (const code of STAND_CODES) zet(code, stand.get(code) ?? [], false);
    for (const i of KWARTAAL) {
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

    const bereikt = perIndicator(await mijlpaalRij);
    for (const code of MIJLPALEN) zet(code, bereikt.get(code) ?? [], false);
    return realisatie;
  }

  /** A non-owner's kwartaalcijfers: released values of protected indicators, exact public ones. */
  private async vrijgegevenKwartaalcijfers(
    m: Vrager,
    gemeenten: readonly string[] | null,
    van: IsoDatum,
    tot: IsoDatum,
    indicatoren: readonly string[],
    stand: boolean,
  ): Promise<IndicatorRij[]> {
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
}
