import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magPrestatieafspraakZien, type RequestContext } from '@thuismonitor/auth';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import type { Organisatie } from '../organisatie';
import { leesZichtbaar } from './bewerking';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import { leesAfspraken, leesPrestatieafspraken } from './prestatieafspraak.repository';
import type { Prestatieafspraak, PrestatieafspraakFilter } from './prestatieafspraak.types';
import type { VastgesteldeAfspraak } from './vastgestelde-afspraak';
import type { VastgesteldeAfsprakenBron } from '../voortgang';

/**
 * Reading prestatieafspraken: lists and one for the screens, and the vastgestelde afspraken other
 * features (voortgang, evaluatie) measure against. Changes are in ConceptService (content) and
 * LevenscyclusService (status); both answer through PrestatieafspraakLezer.naMutatie.
 */
@Injectable()
export class PrestatieafspraakService implements VastgesteldeAfsprakenBron {
  constructor(
    private readonly db: ScopedDb,
    private readonly lezer: PrestatieafspraakLezer,
    private readonly organisaties: OrganisatieService,
  ) {}

  async lijst(ctx: RequestContext, filter: PrestatieafspraakFilter = {}): Promise<Prestatieafspraak[]> {
    const bundel = await this.db.transaction(ctx, async (m) =>
      this.lezer.laad(
        m,
        ctx,
        await leesPrestatieafspraken(m, {
          gemeenteCode: filter.gemeenteCode ? filter.gemeenteCode.trim().toUpperCase() : undefined,
          status: filter.status || undefined,
          jaar: filter.jaar ?? undefined,
        }),
      ),
    );
    return this.lezer.bouw(ctx, bundel);
  }

  async opId(ctx: RequestContext, id: string): Promise<Prestatieafspraak> {
    const bundel = await this.db.transaction(ctx, async (m) =>
      this.lezer.laad(m, ctx, [await leesZichtbaar(m, ctx, id)]),
    );
    return (await this.lezer.bouw(ctx, bundel))[0];
  }


  /**
   * For other features (voortgang): the afspraken of the VASTGESTELDE prestatieafspraken of these
   * gemeenten whose period includes `jaar`, with indicator, doelwaarden per year and the
   * responsible party. Only what the caller may read (parties, provincie, Rijk).
   */
  async vastgesteldeAfsprakenVoorGemeenten(
    ctx: RequestContext,
    gemeenteCodes: readonly string[],
    jaar: number,
  ): Promise<VastgesteldeAfspraak[]> {
    if (!gemeenteCodes.length) return [];
    return this.db.transaction(ctx, (m) => this.vastgesteldeAfsprakenIn(m, ctx, gemeenteCodes, jaar));
  }

  /**
   * The same, inside a transaction the caller opened (voortgang and reports read the afspraken in
   * the same snapshot as the figures they are measured against: one cut-off).
   */
  async vastgesteldeAfsprakenIn(
    m: EntityManager,
    ctx: RequestContext,
    gemeenteCodes: readonly string[],
    jaar: number,
  ): Promise<VastgesteldeAfspraak[]> {
    if (!gemeenteCodes.length) return [];
    const rijen = (await leesPrestatieafspraken(m, { status: 'VASTGESTELD', gemeenteCodes, jaar })).filter(
      (r) => magPrestatieafspraakZien(ctx.principal, r),
    );
    const afspraken = await leesAfspraken(
      m,
      rijen.map((r) => r.id),
    );
    const orgs = new Map(
      (await this.organisaties.opIds([...new Set(afspraken.map((a) => a.verantwoordelijkeId))], m)).map(
        (o) => [o.id, o],
      ),
    );
    const paOpId = new Map(rijen.map((r) => [r.id, r]));
    return afspraken.map((a) => {
      const pa = paOpId.get(a.prestatieafspraakId)!;
      const inJaar = a.doelwaarden.find((d) => d.jaar === jaar) ?? null;
      return {
        prestatieafspraakId: pa.id,
        prestatieafspraakTitel: pa.titel,
        gemeenteCode: pa.gemeenteCode,
        versienummer: pa.versienummer,
        jaarVan: pa.jaarVan,
        jaarTot: pa.jaarTot,
        afspraakId: a.id,
        volgnummer: a.volgnummer,
        actielijn: a.actielijn as VastgesteldeAfspraak['actielijn'],
        aandachtsgroep: a.aandachtsgroep as VastgesteldeAfspraak['aandachtsgroep'],
        omschrijving: a.omschrijving,
        soort: a.soort,
        indicatorCode: a.indicatorCode,
        catalogusVersie: a.catalogusVersie,
        doelwaarden: a.doelwaarden,
        doelwaardeInJaar: inJaar,
        mijlpaalDatum: a.mijlpaalDatum,
        mijlpaalStatus: a.mijlpaalStatus,
        mijlpaalGereedOp: a.mijlpaalGereedOp,
        verantwoordelijke: orgs.get(a.verantwoordelijkeId) as Organisatie,
      };
    });
  }
}
