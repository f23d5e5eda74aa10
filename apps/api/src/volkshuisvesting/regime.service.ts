import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magRegimeZetten, type RequestContext } from '@thuismonitor/auth';
import {
  isDomainError,
  isIsoDatum,
  regimeOp,
  zetInwerkingtreding,
  type MaandDag,
  type VolkshuisvestingRegime as Regime,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import type { VolkshuisvestingRegime } from './regime.types';
import {
  leesRegimes,
  vergrendelRegimes,
  zetRegimeDatums,
  type RegimeRij,
} from './volkshuisvesting.repository';

const maandDag = (t: string): MaandDag => ({ maand: Number(t.slice(0, 2)), dag: Number(t.slice(3, 5)) });

function naarDomein(r: RegimeRij): Regime {
  return {
    code: r.code,
    naam: r.naam,
    geldigVan: r.geldig_van,
    geldigTot: r.geldig_tot,
    beoogdeInwerkingtreding: r.beoogde_inwerkingtreding,
    bodDeadline: maandDag(r.bod_deadline),
    geschilVan: maandDag(r.geschil_van),
    geschilTot: maandDag(r.geschil_tot),
    geschilOnderwerpen: r.geschil_onderwerpen,
    bodGrondslag: r.bod_grondslag,
    programmaVerplicht: r.programma_verplicht,
    woonzorg: r.woonzorg,
    bronnen: r.bronnen,
  };
}

const md = (m: MaandDag) => `${String(m.maand).padStart(2, '0')}-${String(m.dag).padStart(2, '0')}`;

/** GraphQL shape of a domain regime. */
export function regimeVoorApi(r: Regime, volgorde: number): VolkshuisvestingRegime {
  return {
    ...r,
    geschilOnderwerpen: [...r.geschilOnderwerpen],
    bodDeadline: md(r.bodDeadline),
    geschilVan: md(r.geschilVan),
    geschilTot: md(r.geschilTot),
    volgorde,
  };
}

/**
 * The legal regimes of the cycle (reference data). Read on the public path; no cache, because the
 * operator's change must apply at once on every replica and the table has two rows.
 */
@Injectable()
export class RegimeService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
  ) {}

  async regimes(): Promise<Regime[]> {
    return this.db.publiek(async (m) => (await leesRegimes(m)).map(naarDomein));
  }

  /** Inside a caller's transaction (a job's snapshot, a request's transaction). */
  async regimesIn(m: EntityManager): Promise<Regime[]> {
    return (await leesRegimes(m)).map(naarDomein);
  }

  async regimeOp(datum: string): Promise<Regime> {
    return regimeOp(await this.regimes(), datum);
  }

  /** The regime in force on `datum` (jjjj-mm-dd; anything else is refused in Dutch). */
  async regimeVoorApiOp(datum: string): Promise<VolkshuisvestingRegime> {
    if (!isIsoDatum(datum))
      throw ongeldig(`'${datum}' is geen datum; schrijf de datum als jjjj-mm-dd.`, [
        { veld: 'datum', melding: 'Ongeldige datum' },
      ]);
    const regimes = await this.regimes();
    const r = regimeOp(regimes, datum);
    return regimeVoorApi(r, regimes.indexOf(r) + 1);
  }

  async voorApi(): Promise<VolkshuisvestingRegime[]> {
    return (await this.regimes()).map((r, i) => regimeVoorApi(r, i + 1));
  }

  /**
   * The platform operator sets (or clears, with null) the date the Wet versterking regie enters
   * into force. Anyone else gets the answer of a regime that does not exist. Audited with the
   * dates before and after.
   */
  async zetInwerkingtreding(
    ctx: RequestContext,
    code: string,
    datum: string | null,
  ): Promise<VolkshuisvestingRegime[]> {
    if (!magRegimeZetten(ctx.principal) || code !== 'WET_VERSTERKING_REGIE') throw nietGevonden('Het regime');
    const schoon = datum?.trim() || null;
    return this.db.transaction(ctx, async (m) => {
      await vergrendelRegimes(m);
      const voor = await this.regimesIn(m);
      let na: Regime[];
      try {
        na = zetInwerkingtreding(voor, schoon);
      } catch (e) {
        if (isDomainError(e)) throw ongeldig(e.message, [{ veld: 'datum', melding: e.message }]);
        throw e;
      }
      for (const r of na) await zetRegimeDatums(m, r.code, r.geldigVan, r.geldigTot);
      const datums = (rs: Regime[]) =>
        rs.map((r) => ({ code: r.code, geldigVan: r.geldigVan, geldigTot: r.geldigTot }));
      await this.audit.schrijf(m, ctx, {
        actie: 'ZET_REGIME_INWERKINGTREDING',
        entiteit: 'volkshuisvesting_regime',
        entiteitId: code,
        voor: datums(voor),
        na: datums(na),
      });
      return na.map((r, i) => regimeVoorApi(r, i + 1));
    });
  }
}
