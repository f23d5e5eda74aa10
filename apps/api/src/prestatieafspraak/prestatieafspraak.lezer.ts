import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  magConceptVerwijderen,
  magOverlegZien,
  magPrestatieafspraakZien,
  type RequestContext,
} from '@thuismonitor/auth';
import {
  indicatorOpCode,
  isIndicatorCode,
  jaarschijven,
  ontbrekendeOndertekeningen,
  prestatieafspraakStatusLabel,
  type Aandachtsgroep,
  type ActielijnCode,
} from '@thuismonitor/domain';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import type { Organisatie } from '../organisatie';
import { ReferentieService } from '../referentie';
import { indicatorUitCatalogus } from './indicator.types';
import { leesZichtbaar } from './bewerking';
import { mogelijkeActies } from './mogelijke-acties';
import { leesReacties, type ReactieRij } from './overleg.repository';
import {
  leesAfspraken,
  leesOndertekeningen,
  metGeschilOfEvaluatie,
  type AfspraakRij,
  type OndertekeningRij,
  type PaRij,
} from './prestatieafspraak.repository';
import type { Afspraak, Prestatieafspraak, Reactie } from './prestatieafspraak.types';

/** Everything read inside one scoped transaction, turned into the GraphQL view afterwards. */
export interface Bundel {
  rijen: PaRij[];
  afspraken: AfspraakRij[];
  ondertekeningen: OndertekeningRij[];
  reacties: ReactieRij[];
  /** ids that a geschil or evaluatie refers to (among the concepts the viewer could delete) */
  vastgelegd: Set<string>;
}

/**
 * Reads prestatieafspraken with their afspraken, signatures and reacties in bulk (no N+1), and
 * builds the view. Rows that the policy does not allow are dropped even if the database returned
 * them (RLS is the second wall, the policy the first). Also the frame every mutation answers with
 * (naMutatie), so the services that change a prestatieafspraak share it without knowing each other.
 */
@Injectable()
export class PrestatieafspraakLezer {
  constructor(
    private readonly db: ScopedDb,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
  ) {}

  async laad(m: EntityManager, ctx: RequestContext, rijen: PaRij[]): Promise<Bundel> {
    const zichtbaar = rijen.filter((r) => magPrestatieafspraakZien(ctx.principal, r));
    const ids = zichtbaar.map((r) => r.id);
    const afspraken = await leesAfspraken(m, ids);
    const ondertekeningen = await leesOndertekeningen(m, ids);
    const reacties = await leesReacties(
      m,
      zichtbaar.filter((r) => magOverlegZien(ctx.principal, r)).map((r) => r.id),
    );
    // only where the VERWIJDEREN button depends on it: concepts the viewer could otherwise delete
    const vastgelegd = await metGeschilOfEvaluatie(
      m,
      zichtbaar.filter((r) => magConceptVerwijderen(ctx.principal, r)).map((r) => r.id),
    );
    return { rijen: zichtbaar, afspraken, ondertekeningen, reacties, vastgelegd };
  }

  /** Reads one inside a running transaction and builds it after commit (the result of a mutation). */
  async naMutatie(
    ctx: RequestContext,
    werk: (m: EntityManager) => Promise<string>,
  ): Promise<Prestatieafspraak> {
    const bundel = await this.db.transaction(ctx, async (m) => {
      const id = await werk(m);
      return this.laad(m, ctx, [await leesZichtbaar(m, ctx, id)]);
    });
    return (await this.bouw(ctx, bundel))[0];
  }

  /** Called after the transaction, so organisation look-ups do not hold a second connection meanwhile. */
  async bouw(ctx: RequestContext, b: Bundel): Promise<Prestatieafspraak[]> {
    const orgIds = new Set<string>();
    for (const r of b.rijen) [r.opgesteldDoorId, ...r.partijIds].forEach((id) => orgIds.add(id));
    b.afspraken.forEach((a) => orgIds.add(a.verantwoordelijkeId));
    b.ondertekeningen.forEach((o) => orgIds.add(o.organisatieId));
    b.reacties.forEach((r) => orgIds.add(r.organisatieId));
    const orgs = new Map((await this.organisaties.opIds([...orgIds])).map((o) => [o.id, o]));
    const org = (id: string): Organisatie => {
      const o = orgs.get(id);
      if (!o) throw new Error(`organisation ${id} referenced by a prestatieafspraak does not exist`);
      return o;
    };
    const reactie = (r: ReactieRij): Reactie => ({
      id: r.id,
      afspraakId: r.afspraakId,
      organisatie: org(r.organisatieId),
      auteur: r.auteur,
      tekst: r.tekst,
      geplaatstOp: r.geplaatstOp,
    });

    const resultaat: Prestatieafspraak[] = [];
    for (const r of b.rijen) {
      const gemeente = await this.referentie.gemeente(r.gemeenteCode);
      const afspraken: Afspraak[] = b.afspraken
        .filter((a) => a.prestatieafspraakId === r.id)
        .map((a) => ({
          id: a.id,
          volgnummer: a.volgnummer,
          actielijn: a.actielijn as ActielijnCode,
          aandachtsgroep: a.aandachtsgroep as Aandachtsgroep | null,
          omschrijving: a.omschrijving,
          soort: a.soort,
          indicator:
            a.indicatorCode && isIndicatorCode(a.indicatorCode)
              ? indicatorUitCatalogus(indicatorOpCode(a.indicatorCode), a.catalogusVersie ?? '')
              : null,
          catalogusVersie: a.catalogusVersie,
          doelwaarden: a.doelwaarden,
          mijlpaalDatum: a.mijlpaalDatum,
          mijlpaalStatus: a.mijlpaalStatus,
          mijlpaalToelichting: a.mijlpaalToelichting,
          mijlpaalGereedOp: a.mijlpaalGereedOp,
          mijlpaalBijgewerktOp: a.mijlpaalBijgewerktOp,
          verantwoordelijke: org(a.verantwoordelijkeId),
          vorigeAfspraakId: a.vorigeAfspraakId,
          reacties: b.reacties.filter((x) => x.afspraakId === a.id).map(reactie),
        }));
      const ondertekeningen = b.ondertekeningen.filter((o) => o.prestatieafspraakId === r.id);
      const getekend = ondertekeningen.map((o) => o.organisatieId);
      resultaat.push({
        id: r.id,
        titel: r.titel,
        gemeenteCode: r.gemeenteCode,
        gemeente: gemeente!,
        jaarVan: r.jaarVan,
        jaarTot: r.jaarTot,
        status: r.status,
        statusLabel: prestatieafspraakStatusLabel(r.status),
        isBod: r.isBod,
        bodId: r.bodId,
        opgesteldDoor: org(r.opgesteldDoorId),
        versie: r.versie,
        versienummer: r.versienummer,
        vorigeVersieId: r.vorigeVersieId,
        volgendeVersieId: r.volgendeVersieId,
        partijen: r.partijIds.map(org),
        afspraken,
        jaarschijven: jaarschijven(r, afspraken).map((j) => ({
          jaar: j.jaar,
          doelen: j.doelen.map((d) => ({
            afspraak: d.afspraak,
            doelwaarde: d.waarde,
            peildatum: d.peildatum,
          })),
          mijlpalen: [...j.mijlpalen],
        })),
        ondertekeningen: ondertekeningen.map((o) => ({
          organisatie: org(o.organisatieId),
          getekendDoor: o.getekendDoor,
          getekendOp: o.getekendOp,
        })),
        ontbrekendeOndertekeningen:
          r.status === 'TER_ONDERTEKENING'
            ? ontbrekendeOndertekeningen(
                r.partijIds,
                getekend.map((partijCode) => ({ partijCode })),
              ).map(org)
            : [],
        reacties: b.reacties
          .filter((x) => x.prestatieafspraakId === r.id && x.afspraakId === null)
          .map(reactie),
        mogelijkeActies: mogelijkeActies(ctx.principal, r, ondertekeningen, b.vastgelegd.has(r.id)),
        ingediendOp: r.ingediendOp,
        vastgesteldOp: r.vastgesteldOp,
        beeindigdOp: r.beeindigdOp,
        beeindigdReden: r.beeindigdReden,
        aangemaaktOp: r.aangemaaktOp,
        gewijzigdOp: r.gewijzigdOp,
      });
    }
    return resultaat;
  }
}
