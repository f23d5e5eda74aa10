import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, zietOnderdrukteCellen, type RequestContext } from '@thuismonitor/auth';
import {
  berekenCarryOver,
  formatHalfjaar,
  halfjaarBeoordeeld,
  halfjaarEinde,
  halfjaarStart,
  halfjaarVanDatum,
  halfjarenTussen,
  kwartaalEinde,
  laatsteAfgeslotenKwartaal,
  parseHalfjaar,
  periodeVoorHalfjaar,
  plusDagen,
  STATUSHOUDERS_TAAKSTELLING_INDICATOR,
  statushoudersBeleidOp,
  statushoudersStatusLabel,
  taakstellingInPeriode,
  vergelijkHalfjaar,
  type Halfjaar,
  type IsoDatum,
  type OrganisatieSoort,
  type StatushoudersHalfjaarResultaat,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import { nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied/gebied.service';
import { laatstGeslotenKwartaal, statushoudersPersonen } from '../publicatie/publicatie.repository';
import { StatushoudersBeleidService } from './statushouders-beleid.service';
import { StatushoudersToezichtService } from './statushouders-toezicht.service';
import type {
  StatushoudersHalfjaar,
  StatushoudersProvincie,
  StatushoudersTaakstelling,
} from './taakstelling.types';

/** 20 years: more is never asked for a half-yearly check and would only make the query large. */
const MAX_HALFJAREN = 40;

const volgnummer = (h: Halfjaar) => h.jaar * 2 + h.nummer - 1;

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
    const taakRijen: {
      gemeente: string;
      van: string;
      tot: string;
      waarde: string;
      soort: OrganisatieSoort;
    }[] = await m.query(
      `SELECT t.gebied_code AS gemeente, to_char(t.periode_van, 'YYYY-MM-DD') AS van, to_char(t.periode_tot, 'YYYY-MM-DD') AS tot,
              t.waarde, o.soort
       FROM taakstelling t JOIN organisatie o ON o.id = t.gesteld_door_id
       WHERE t.actueel AND t.indicator_code = $1 AND t.gebied_soort = 'GEMEENTE' AND t.gebied_code = ANY($2)
         AND t.periode_tot <= $3`,
      [STATUSHOUDERS_TAAKSTELLING_INDICATOR, alle, halfjaarEinde(laatste)],
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
    const gehuisvestRijen: { gemeente: string; hj: number; personen: number }[] = !opties.eigenaar
      ? await this.gehuisvestVrijgegeven(m, alle, vroegste, totPeil)
      : await m.query(
          `SELECT gemeente_code AS gemeente,
              (extract(year FROM datum)::int * 2 + CASE WHEN extract(month FROM datum) > 6 THEN 1 ELSE 0 END) AS hj,
              sum(huishoudgrootte)::int AS personen
       FROM toewijzing
       WHERE aandachtsgroep = 'STATUSHOUDERS' AND gemeente_code = ANY($1) AND datum BETWEEN $2 AND $3
       GROUP BY 1, 2`,
          [alle, halfjaarStart(vroegste), totPeil],
        );
    const gehuisvest = new Map(gehuisvestRijen.map((r) => [`${r.gemeente}|${r.hj}`, r.personen]));

    // COA's realisation (public, exact, for everyone in scope): months that have started on the
    // same cut-off as the toewijzingen above (for a non-owner the last closed quarter), so that
    // verschilCoa compares the same months; per half year with the last month COA reported
    const coaRijen: { gemeente: string; hj: number; personen: number; laatste: string }[] = await m.query(
      `SELECT gemeente_code AS gemeente,
              (extract(year FROM maand)::int * 2 + CASE WHEN extract(month FROM maand) > 6 THEN 1 ELSE 0 END) AS hj,
              sum(personen)::int AS personen, to_char(max(maand), 'YYYY-MM') AS laatste
       FROM coa_realisatie
       WHERE gemeente_code = ANY($1) AND maand BETWEEN $2 AND $3
       GROUP BY 1, 2`,
      [alle, halfjaarStart(vroegste), totPeil],
    );
    const coa = new Map(coaRijen.map((r) => [`${r.gemeente}|${r.hj}`, r]));

    // the national policy by date: a half year that starts when the taakstelling no longer applies
    // gets no target and no judgement (domain halfjaarBeoordeeld; docs/decisions.md)
    const beleid = await this.beleid.rijenIn(m);

    const eerstGevraagd = volgnummer(reeks[0]);
    const uit = new Map<string, StatushoudersHalfjaar[]>();
    for (const gemeente of gemeenten) {
      const oud = voorgangers.get(gemeente) ?? [];
      // the codes that count for this gemeente in half year h: itself, and from its herindeling on
      // every gemeente merged into it
      const delen = (h: Halfjaar) => [
        gemeente,
        ...oud.filter((v) => halfjaarStart(h) >= v.vanaf).map((v) => v.code),
      ];
      // an old gemeente's targets from its herindeling on (one that stayed on its code)
      const regelsVan = (code: string) =>
        code === gemeente
          ? (regels.get(code) ?? [])
          : (regels.get(code) ?? []).filter((r) => r.van >= oud.find((v) => v.code === code)!.vanaf);
      const eigen = [gemeente, ...oud.map((v) => v.code)].flatMap(regelsVan);
      // history starts at this gemeente's first target (or at the request when that is earlier)
      const eerste = eigen.reduce<Halfjaar>((min, r) => {
        const h = halfjaarVanDatum(r.van);
        return vergelijkHalfjaar(h, min) < 0 ? h : min;
      }, reeks[0]);
      const halfjaren = halfjarenTussen(eerste, laatste);
      const taak = halfjaren.map((h) => {
        const per = delen(h)
          .map((code) => taakstellingInPeriode(regelsVan(code), periodeVoorHalfjaar(h), 'SOM'))
          .filter((w): w is number => w !== null);
        return per.length ? per.reduce((a, b) => a + b, 0) : null;
      });
      // judged on COA's figure where COA reported for the half year, else on the toewijzingen
      const cijfers = halfjaren.map((h) => {
        let toewijzingen = 0;
        let coaPersonen: number | null = null;
        let coaTotMaand: string | null = null;
        for (const code of delen(h)) {
          const sleutel = `${code}|${volgnummer(h)}`;
          toewijzingen += gehuisvest.get(sleutel) ?? 0;
          const c = coa.get(sleutel);
          if (c) {
            coaPersonen = (coaPersonen ?? 0) + c.personen;
            if (!coaTotMaand || c.laatste > coaTotMaand) coaTotMaand = c.laatste;
          }
        }
        return { toewijzingen, coa: coaPersonen, coaTotMaand };
      });
      // the carry-over runs over each stretch of judged half years; a half year without a
      // taakstelling carries nothing in or out
      const beoordeeld = halfjaren.map((h) => halfjaarBeoordeeld(beleid, h));
      const resultaat: (StatushoudersHalfjaarResultaat | null)[] = [];
      let reeksInvoer: { halfjaar: string; taakstelling: number; gehuisvest: number }[] = [];
      const sluit = () => {
        if (reeksInvoer.length) resultaat.push(...berekenCarryOver(reeksInvoer));
        reeksInvoer = [];
      };
      halfjaren.forEach((h, i) => {
        if (!beoordeeld[i]) {
          sluit();
          resultaat.push(null);
          return;
        }
        reeksInvoer.push({
          halfjaar: formatHalfjaar(h),
          taakstelling: Math.round(taak[i] ?? 0),
          gehuisvest: cijfers[i].coa ?? cijfers[i].toewijzingen,
        });
      });
      sluit();
      uit.set(
        gemeente,
        resultaat
          .map((r, i) => ({ r, h: halfjaren[i], gesteld: taak[i] !== null, c: cijfers[i] }))
          .filter(({ h }) => volgnummer(h) >= eerstGevraagd)
          .map(({ r, h, gesteld, c }) => {
            const controledatum = plusDagen(halfjaarEinde(h), 1);
            const gehuisvestNu = c.coa ?? c.toewijzingen;
            if (r === null) {
              const b = statushoudersBeleidOp(beleid, halfjaarStart(h))!;
              return {
                halfjaar: formatHalfjaar(h),
                taakstelling: 0,
                meegenomen: 0,
                teRealiseren: 0,
                gehuisvest: gehuisvestNu,
                saldo: 0,
                status: 'GEEN_TAAKSTELLING',
                statusLabel: 'Geen taakstelling',
                gehuisvestToewijzingen: c.toewijzingen,
                gehuisvestCoa: c.coa,
                coaTotMaand: c.coaTotMaand,
                verschilCoa: c.coa === null ? null : c.coa - c.toewijzingen,
                getoetstOp: c.coa === null ? 'TOEWIJZINGEN' : 'COA',
                taakstellingGesteld: false,
                controledatum,
                voorlopig: peil < controledatum,
                beoordeeld: false,
                beleidToelichting: `${b.toelichting} (bron: ${b.bron}, vanaf ${b.geldigVan})`,
              };
            }
            return {
              beoordeeld: true,
              beleidToelichting: null,
              ...r,
              gehuisvestToewijzingen: c.toewijzingen,
              gehuisvestCoa: c.coa,
              coaTotMaand: c.coaTotMaand,
              verschilCoa: c.coa === null ? null : c.coa - c.toewijzingen,
              getoetstOp: c.coa === null ? 'TOEWIJZINGEN' : 'COA',
              taakstellingGesteld: gesteld,
              statusLabel: statushoudersStatusLabel(r.status),
              controledatum,
              // still open at the peildatum: the figures of this half year can still change
              voorlopig: peil < controledatum,
            };
          }),
      );
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
        uit.push({ gemeente: r.gemeente, hj: volgnummer(h), personen: r.personen });
    }
    return uit;
  }
}
