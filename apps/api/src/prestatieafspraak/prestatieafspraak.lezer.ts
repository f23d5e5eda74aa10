import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magOverlegZien, magPrestatieafspraakZien, type RequestContext } from '@thuismonitor/auth';
import {
  indicatorOpCode,
  isIndicatorCode,
  jaarschijven,
  ontbrekendeOndertekeningen,
  prestatieafspraakStatusLabel,
  type Aandachtsgroep,
  type ActielijnCode,
} from '@thuismonitor/domain';
import { OrganisatieService } from '../organisatie/organisatie.service';
import type { Organisatie } from '../organisatie/organisatie.types';
import { ReferentieService } from '../referentie/referentie.service';
import { indicatorUitCatalogus } from './indicator.types';
import { mogelijkeActies } from './mogelijke-acties';
import {
  leesAfspraken,
  leesOndertekeningen,
  leesReacties,
  type AfspraakRij,
  type OndertekeningRij,
  type PaRij,
  type ReactieRij,
} from './prestatieafspraak.repository';
import type { Afspraak, Prestatieafspraak, Reactie } from './prestatieafspraak.types';

/** Everything read inside one scoped transaction, turned into the GraphQL view afterwards. */
export interface Bundel {
  rijen: PaRij[];
  afspraken: AfspraakRij[];
  ondertekeningen: OndertekeningRij[];
  reacties: ReactieRij[];
}

/**
 * Reads prestatieafspraken with their afspraken, signatures and reacties in bulk (no N+1), and
 * builds the view. Rows that the policy does not allow are dropped even if the database returned
 * them (RLS is the second wall, the policy the first).
 */
@Injectable()
export class PrestatieafspraakLezer {
  constructor(
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
    return { rijen: zichtbaar, afspraken, ondertekeningen, reacties };
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
        mogelijkeActies: mogelijkeActies(ctx.principal, r, getekend),
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
