import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magRegimeZetten, type RequestContext } from '@thuismonitor/auth';
import {
  isDomainError,
  isIsoDatum,
  regimeOp,
  zetInwerkingtreding,
  type MaandDag,
  type RegimeCode,
  type VolkshuisvestingRegime as Regime,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import type { VolkshuisvestingRegime } from './regime.types';

interface RegimeRij {
  code: RegimeCode;
  volgorde: number;
  naam: string;
  geldig_van: string | null;
  geldig_tot: string | null;
  beoogde_inwerkingtreding: string | null;
  bod_deadline: string;
  geschil_van: string;
  geschil_tot: string;
  geschil_onderwerpen: Regime['geschilOnderwerpen'];
  bod_grondslag: string;
  programma_verplicht: boolean;
  woonzorg: Regime['woonzorg'];
  bronnen: string;
}

const SELECT = `SELECT code, volgorde, naam, to_char(geldig_van, 'YYYY-MM-DD') AS geldig_van,
  to_char(geldig_tot, 'YYYY-MM-DD') AS geldig_tot, to_char(beoogde_inwerkingtreding, 'YYYY-MM-DD') AS beoogde_inwerkingtreding,
  bod_deadline, geschil_van, geschil_tot, geschil_onderwerpen, bod_grondslag, programma_verplicht, woonzorg, bronnen
  FROM volkshuisvesting_regime ORDER BY volgorde`;

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
    return this.db.publiek(async (m) => ((await m.query(SELECT)) as RegimeRij[]).map(naarDomein));
  }

  /** Inside a caller's transaction (a job's snapshot, a request's transaction). */
  async regimesIn(m: EntityManager): Promise<Regime[]> {
    return ((await m.query(SELECT)) as RegimeRij[]).map(naarDomein);
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
      await m.query(`SELECT 1 FROM volkshuisvesting_regime FOR UPDATE`);
      const voor = await this.regimesIn(m);
      let na: Regime[];
      try {
        na = zetInwerkingtreding(voor, schoon);
      } catch (e) {
        if (isDomainError(e)) throw ongeldig(e.message, [{ veld: 'datum', melding: e.message }]);
        throw e;
      }
      for (const r of na)
        await m.query(`UPDATE volkshuisvesting_regime SET geldig_van = $2, geldig_tot = $3 WHERE code = $1`, [
          r.code,
          r.geldigVan,
          r.geldigTot,
        ]);
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
