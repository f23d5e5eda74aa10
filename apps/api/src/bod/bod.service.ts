import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mogelijkeBodActies, type RequestContext } from '@thuismonitor/auth';
import {
  bodDeadline,
  regimeVoorCyclus,
  bodStatusLabel,
  bodTeLaat,
  type ActielijnCode,
} from '@thuismonitor/domain';
import { nietGevonden } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import type { Organisatie } from '../organisatie';
import { isUuid } from '../common/id';
import { RegimeService } from '../volkshuisvesting';
import { ReferentieService } from '../referentie';
import { leesBoden, leesPrestatieafspraakIds, leesRegels, type BodRij } from './bod.repository';
import type { Bod, BodFilter } from './bod.types';

/**
 * The bod as its own object (Woningwet art. 44): a corporatie drafts it for a gemeente, sends it
 * to the gemeente and its huurdersorganisatie(s), and any of them can start a prestatieafspraak
 * from it. Only the corporatie and, once sent, its recipients see it; for anyone else it does not
 * exist ("niet gevonden"), in the service and in RLS. This service reads; BodMutatieService changes.
 */
@Injectable()
export class BodService {
  constructor(
    private readonly db: ScopedDb,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
    private readonly regimes: RegimeService,
  ) {}

  /** The bod deadline of a cycle year under the regime in force for that cycle (reference data). */
  async deadlines(): Promise<(jaar: number) => string> {
    const regimes = await this.regimes.regimes();
    return (jaar) => bodDeadline(regimeVoorCyclus(regimes, jaar), jaar);
  }

  async lijst(ctx: RequestContext, filter: BodFilter = {}): Promise<Bod[]> {
    return this.db.transaction(ctx, async (m) =>
      this.bouw(
        m,
        ctx,
        await leesBoden(m, {
          gemeenteCode: filter.gemeenteCode ? filter.gemeenteCode.trim().toUpperCase() : undefined,
          jaar: filter.jaar ?? undefined,
          status: filter.status || undefined,
        }),
      ),
    );
  }

  async opId(ctx: RequestContext, id: string): Promise<Bod> {
    return this.db.transaction(ctx, async (m) => (await this.bouw(m, ctx, [await this.zichtbaar(m, id)]))[0]);
  }

  /** The bod as the caller sees it in this transaction, or "niet gevonden". */
  async zichtbaar(m: EntityManager, id: string): Promise<BodRij> {
    const [bod] = isUuid(id) ? await leesBoden(m, { id }) : [];
    if (!bod) throw nietGevonden('Het bod');
    return bod;
  }

  /** The GraphQL shape of these boden, with the actions the caller can take now. */
  async bouw(m: EntityManager, ctx: RequestContext, rijen: BodRij[]): Promise<Bod[]> {
    const ids = rijen.map((r) => r.id);
    const regels = await leesRegels(m, ids);
    const pas = await leesPrestatieafspraakIds(m, ids);
    const orgIds = [...new Set(rijen.flatMap((r) => [r.corporatieId, ...r.ontvangerIds]))];
    const orgs = new Map(
      (orgIds.length ? await this.organisaties.opIds(orgIds, m) : []).map((o) => [o.id, o]),
    );
    const deadlineVan = await this.deadlines();
    const uit: Bod[] = [];
    for (const r of rijen) {
      const deadline = deadlineVan(r.jaar);
      const gemeente = (await this.referentie.gemeente(r.gemeenteCode))!;
      uit.push({
        id: r.id,
        titel: r.titel,
        toelichting: r.toelichting,
        jaar: r.jaar,
        deadline,
        status: r.status,
        statusLabel: bodStatusLabel(r.status),
        versie: r.versie,
        gemeente,
        corporatie: orgs.get(r.corporatieId) as Organisatie,
        ontvangers: r.ontvangerIds.map((o) => orgs.get(o)).filter((o): o is Organisatie => !!o),
        regels: regels
          .filter((g) => g.bodId === r.id)
          .map((g) => ({ ...g, actielijn: g.actielijn as ActielijnCode })),
        verzondenOp: r.verzondenDatum,
        teLaat: r.verzondenDatum ? bodTeLaat(deadline, r.verzondenDatum) : null,
        prestatieafspraakIds: pas.get(r.id) ?? [],
        mogelijkeActies: mogelijkeBodActies(ctx.principal, r),
      });
    }
    return uit;
  }
}
