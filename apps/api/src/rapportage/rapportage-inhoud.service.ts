import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  halfjaarVanDatum,
  halfjarenTussen,
  kwartaalEinde,
  maakHalfjaar,
  maakPeriode,
  periodeVoorKwartaal,
  vorigKwartaal,
  type Kwartaal,
} from '@thuismonitor/domain';
import { VoortgangService } from '../voortgang';
import type { AfspraakVoortgang, Voortgang } from '../voortgang';
import type { RequestContext } from '@thuismonitor/auth';
import { StatushoudersService } from '../taakstelling';
import { ProgrammaService } from '../volkshuisvesting';
import { GebiedService } from '../gebied';
import { WoondealService } from '../woondeal';
import { ReferentieService } from '../referentie';
import { leesPrestatieafspraken } from '../prestatieafspraak';
import type { RapportageGebied } from './rapportage-gebied';
import type { RapportageAfspraakZicht, RapportageStatushoudersRegel } from './rapportage-inhoud';
import type { RapportageCijfers } from './rapportage-opbouw';

export type { RapportageCijfers } from './rapportage-opbouw';

/** Dutch collation built once (a.localeCompare(b, 'nl') builds a collator per call). */
const NL = new Intl.Collator('nl');

/** Runs `werk` as the gemeente that owns the report's figures, inside the job's snapshot (ScopedDb.alsInSnapshot). */
export type AlsEigenaar = <T>(werk: (m: EntityManager, eigenaar: RequestContext) => Promise<T>) => Promise<T>;

/**
 * Builds report content from THE voortgang computation (VoortgangService.meet, the code the
 * voortgang query runs, so report and screen never disagree), inside the job's one snapshot and
 * bounded by the quarter's last day as peildatum: year to date, this quarter and the previous one,
 * the afspraken of the vastgestelde prestatieafspraken, statushouders with carry-over, the share
 * of sociale huur in the stock (a fact, judged only against a provincie's target), the woondeal
 * figures of the year (WoondealService over the same voortgang), and for a provincie, regio or the country the table of its parts.
 * The report has no SQL of its own for figures. This service reads; rapportage-opbouw.ts
 * assembles the content from what it read.
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
    const rijen = await leesPrestatieafspraken(m, { ids });
    if (rijen.length !== ids.length)
      throw new Error('prestatieafspraken of the report not readable in its snapshot');
    return new Map(
      rijen.map((r) => [
        r.id,
        { id: r.id, gemeenteCode: r.gemeenteCode, status: r.status, partijIds: [...r.partijIds].sort() },
      ]),
    );
  }
}
