import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, zietOnderdrukteCellen, type RequestContext } from '@thuismonitor/auth';
import {
  formatHalfjaar,
  halfjaarEinde,
  halfjaarStart,
  halfjaarVanDatum,
  halfjaarVolgnummer,
  halfjarenTussen,
  kwartaalEinde,
  laatsteAfgeslotenKwartaal,
  parseHalfjaar,
  STATUSHOUDERS_TAAKSTELLING_INDICATOR,
  statushoudersHalfjaren,
  vergelijkHalfjaar,
  type Halfjaar,
  type IsoDatum,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import { nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import { laatstGeslotenKwartaal, statushoudersPersonen } from '../publicatie';
import { StatushoudersBeleidService } from './statushouders-beleid.service';
import { StatushoudersToezichtService } from './statushouders-toezicht.service';
import { coaPerHalfjaar, statushoudersGehuisvest, statushoudersRegels } from './taakstelling.repository';
import type {
  StatushoudersHalfjaar,
  StatushoudersProvincie,
  StatushoudersTaakstelling,
} from './taakstelling.types';

/** 20 years: more is never asked for a half-yearly check and would only make the query large. */
const MAX_HALFJAREN = 40;

/**
 * The statushouders taakstelling per gemeente per half year, with carry-over (domain
 * berekenCarryOver), against the persons housed (SUM(huishoudgrootte) of toewijzingen to
 * statushouders, in SQL). The carry-over starts at the first half year for which a target was
 * ever set for the gemeente, even when the request starts later: the achterstand carried into the
 * first requested half year is then the real one, not zero.
 *
 * Exact figures, also for the provincie and the Rijk: checking this taakstelling is the provincie's
 * statutory supervision task and the Rijk publishes these figures per gemeente (docs/decisions.md).
 */
@Injectable()
export class StatushoudersService {
  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly toezicht: StatushoudersToezichtService,
    private readonly klok: Klok,
    private readonly beleid: StatushoudersBeleidService,
  ) {}

  async voorGemeente(
    ctx: RequestContext,
    gemeenteCode: string,
    van: string,
    tot: string,
  ): Promise<StatushoudersTaakstelling> {
    const gemeente = await this.gebieden.opzoeken('GEMEENTE', gemeenteCode);
    if (!gebiedZichtbaar(ctx.principal, gemeente)) throw nietGevonden('De gemeente');
    const reeks = this.reeks(van, tot);
    const eigenaar = !zietOnderdrukteCellen(ctx.principal, gemeente.code);
    const [perGemeente, interventies] = await this.db.transaction(ctx, async (m) => [
      await this.bereken(m, [gemeente.code], reeks, { eigenaar, metVoorgangers: true }),
      await this.toezicht.huidigeInterventies(m, [gemeente.code]),
    ]);
    return {
      gemeente: { soort: 'GEMEENTE', code: gemeente.code, naam: gemeente.naam },
      halfjaren: perGemeente.get(gemeente.code)!,
      interventie: interventies.get(gemeente.code) ?? null,
    };
  }

  async voorProvincie(
    ctx: RequestContext,
    provincieCode: string,
    van: string,
    tot: string,
  ): Promise<StatushoudersProvincie> {
    const provincie = await this.gebieden.opzoeken('PROVINCIE', provincieCode);
    if (!gebiedZichtbaar(ctx.principal, provincie)) throw nietGevonden('De provincie');
    const reeks = this.reeks(van, tot);
    const eigenaar = provincie.gemeenten.every((g) => !zietOnderdrukteCellen(ctx.principal, g));
    const [perGemeente, interventies] = await this.db.transaction(ctx, async (m) => [
      await this.bereken(m, provincie.gemeenten, reeks, { eigenaar, metVoorgangers: true }),
      await this.toezicht.huidigeInterventies(m, provincie.gemeenten),
    ]);
    const gemeenten: StatushoudersTaakstelling[] = [];
    for (const code of provincie.gemeenten) {
      gemeenten.push({
        gemeente: { soort: 'GEMEENTE', code, naam: await this.gebieden.gemeenteNaam(code) },
        halfjaren: perGemeente.get(code)!,
        interventie: interventies.get(code) ?? null,
      });
    }
    gemeenten.sort((a, b) => a.gemeente.naam.localeCompare(b.gemeente.naam, 'nl'));
    // the provincie judges a half year once it has ended: the last requested one that is not voorlopig
    const getoetst = gemeenten[0]?.halfjaren.filter((h) => !h.voorlopig).at(-1)?.halfjaar ?? null;
    return {
      provincie: { soort: 'PROVINCIE', code: provincie.code, naam: provincie.naam },
      gemeenten,
      gemeentenMetAchterstand: gemeenten.filter(
        (g) => g.halfjaren[g.halfjaren.length - 1]?.status === 'ACHTERSTAND',
      ).length,
      toetsHalfjaar: getoetst,
      gemeentenAchterBijToets: getoetst
        ? gemeenten.filter((g) => g.halfjaren.find((h) => h.halfjaar === getoetst)?.status === 'ACHTERSTAND')
            .length
        : 0,
    };
  }

  private reeks(van: string, tot: string): Halfjaar[] {
    const a = parseHalfjaar(van);
    const b = parseHalfjaar(tot);
    if (vergelijkHalfjaar(a, b) > 0)
      throw ongeldig(`Het halfjaar ${formatHalfjaar(a)} ligt na ${formatHalfjaar(b)}.`);
    const reeks = halfjarenTussen(a, b);
    if (reeks.length > MAX_HALFJAREN)
      throw ongeldig(`Vraag hoogstens ${MAX_HALFJAREN} halfjaren tegelijk op.`);
    return reeks;
  }

  /**
   * For use inside a transaction the caller opened (also by reports, in their snapshot): per
   * gemeente the requested half years, counting only persons housed on or before the peildatum
   * (default today, Europe/Amsterdam; a report passes its quarter's last day). The same cut-off
   * as the voortgang, so the half-year table and the voortgang's STATUSHOUDERS_GEHUISVEST agree,
   * and a report for a past quarter gives the same figures whenever it is made.
   *
   * `eigenaar`: the gemeente asking for itself reads its own rows (exact, to the day). Anybody
   * else (provincie, Rijk, a report job) reads the persons housed through the publication
   * function (protected like the households they count: own cells exact, others' cells released,
   * and like every toewijzing figure for a non-owner only for whole, closed quarters), so the peildatum
   * becomes the end of the last quarter that has ended on it and is closed.
   *
   * `metVoorgangers`: after a herindeling a gemeente's half years from the date take in the
   * gemeenten merged into it (their persons, COA figures and any target that stayed on their
   * codes), as voortgang does (GebiedService.metVoorgangers; docs/decisions.md, "Herindeling").
   * The old gemeente's own rows, when listed, keep showing its own code alone.
   */
  async bereken(
    m: EntityManager,
    gemeenten: readonly string[],
    reeks: readonly Halfjaar[],
    opties: { peildatum?: IsoDatum; eigenaar?: boolean; metVoorgangers?: boolean } = {},
  ): Promise<Map<string, StatushoudersHalfjaar[]>> {
    const voorgangers = new Map<string, { code: string; vanaf: string }[]>();
    if (opties.metVoorgangers)
      for (const g of gemeenten) {
        const v = await this.gebieden.voorgangersMetDatum(g);
        if (v.length) voorgangers.set(g, v);
      }
    const alle = [...new Set([...gemeenten, ...[...voorgangers.values()].flat().map((v) => v.code)])];
    let peil = opties.peildatum ?? this.klok.vandaag();
    if (!opties.eigenaar) {
      const gesloten = kwartaalEinde(await laatstGeslotenKwartaal(m));
      const geeindigd = kwartaalEinde(laatsteAfgeslotenKwartaal(peil));
      peil = gesloten < geeindigd ? gesloten : geeindigd;
    }
    const laatste = reeks[reeks.length - 1];
    const eindeLaatste = halfjaarEinde(laatste);
    const totPeil = peil < eindeLaatste ? peil : eindeLaatste;
    const taakRijen = await statushoudersRegels(
      m,
      STATUSHOUDERS_TAAKSTELLING_INDICATOR,
      alle,
      halfjaarEinde(laatste),
    );
    const regels = new Map<string, TaakstellingRegel[]>();
    let vroegste = reeks[0];
    for (const r of taakRijen) {
      const lijst = regels.get(r.gemeente) ?? [];
      lijst.push({ van: r.van, tot: r.tot, waarde: Number(r.waarde), gesteldDoor: r.soort });
      regels.set(r.gemeente, lijst);
      const h = halfjaarVanDatum(r.van);
      if (vergelijkHalfjaar(h, vroegste) < 0) vroegste = h;
    }

    // persons housed per gemeente per half year, one GROUP BY for all gemeenten
    const gehuisvestRijen = !opties.eigenaar
      ? await this.gehuisvestVrijgegeven(m, alle, vroegste, totPeil)
      : await statushoudersGehuisvest(m, alle, halfjaarStart(vroegste), totPeil);
    const gehuisvest = new Map(gehuisvestRijen.map((r) => [`${r.gemeente}|${r.hj}`, r.personen]));

    // COA's realisation (public, exact, for everyone in scope): months that have started on the
    // same cut-off as the toewijzingen above (for a non-owner the last closed quarter), so that
    // verschilCoa compares the same months; per half year with the last month COA reported
    const coaRijen = await coaPerHalfjaar(m, alle, halfjaarStart(vroegste), totPeil);
    const coa = new Map(coaRijen.map((r) => [`${r.gemeente}|${r.hj}`, r]));

    // the national policy by date: a half year that starts when the taakstelling no longer applies
    // gets no target and no judgement (domain halfjaarBeoordeeld; docs/decisions.md)
    const beleid = await this.beleid.rijenIn(m);

    const gegevens = { regels, gehuisvest, coa, beleid };
    const uit = new Map<string, StatushoudersHalfjaar[]>();
    for (const gemeente of gemeenten) {
      const vraag = { gemeente, voorgangers: voorgangers.get(gemeente) ?? [], reeks, peil };
      uit.set(gemeente, statushoudersHalfjaren(vraag, gegevens));
    }
    return uit;
  }

  /** Per half year from `van` up to `tot` (a quarter end), through the publication function. */
  private async gehuisvestVrijgegeven(
    m: EntityManager,
    gemeenten: readonly string[],
    van: Halfjaar,
    tot: IsoDatum,
  ): Promise<{ gemeente: string; hj: number; personen: number }[]> {
    const uit: { gemeente: string; hj: number; personen: number }[] = [];
    for (const h of halfjarenTussen(van, halfjaarVanDatum(tot))) {
      const start = halfjaarStart(h);
      const einde = halfjaarEinde(h) < tot ? halfjaarEinde(h) : tot;
      if (einde < start) continue;
      for (const r of await statushoudersPersonen(m, { gemeenten, van: start, tot: einde }))
        uit.push({ gemeente: r.gemeente, hj: halfjaarVolgnummer(h), personen: r.personen });
    }
    return uit;
  }
}
