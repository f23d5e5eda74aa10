import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, type RequestContext } from '@thuismonitor/auth';
import {
  PROGRAMMA_STATUS_LABEL,
  VASTSTELLEND_ORGAAN,
  isProgrammaMaker,
  programmaDekking,
  programmaFouten,
  regimeOp,
  type GebiedSoort,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import type { GebiedInfo } from '../gebied';
import { RegimeService } from './regime.service';
import {
  leesBestaandeGemeenten,
  leesEigenProgrammaVoorUpdate,
  leesProgramma,
  leesProgrammaVanGebied,
  leesVastgesteldeProgrammas,
  nieuwProgramma,
  wijzigProgramma,
  type ProgrammaRij,
  type ProgrammaWaarden,
} from './volkshuisvesting.repository';
import type { ProgrammaDekking, ProgrammaInput, Volkshuisvestingsprogramma } from './programma.types';

/** The area an organisation's own programme covers. */
function eigenGebied(ctx: RequestContext): { soort: 'GEMEENTE' | 'PROVINCIE' | 'LAND'; code: string } | null {
  const o = ctx.principal.organisatie;
  if (o.soort === 'GEMEENTE' && o.gemeenten.length === 1) return { soort: 'GEMEENTE', code: o.gemeenten[0] };
  if (o.soort === 'PROVINCIE' && o.provincieCode) return { soort: 'PROVINCIE', code: o.provincieCode };
  if (o.soort === 'RIJK') return { soort: 'LAND', code: 'NL' };
  return null;
}

/**
 * Volkshuisvestingsprogramma's (docs/decisions.md "Volkshuisvestingsprogramma"): each gemeente,
 * provincie and the Rijk keeps its own; others read them under the area rule (gebiedZichtbaar),
 * with RLS as the second wall.
 */
@Injectable()
export class ProgrammaService {
  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly regimes: RegimeService,
    private readonly audit: AuditService,
    private readonly klok: Klok,
  ) {}

  /** The programme of one area; null when none is recorded yet. */
  async programma(
    ctx: RequestContext,
    soort: GebiedSoort,
    code: string,
  ): Promise<Volkshuisvestingsprogramma | null> {
    if (soort === 'WONINGMARKTREGIO')
      throw ongeldig(
        'Een woningmarktregio heeft geen eigen volkshuisvestingsprogramma; kies een gemeente, provincie of het land.',
      );
    const gebied = await this.gebieden.opzoeken(soort, code.trim().toUpperCase());
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, async (m) => {
      const rij = await leesProgrammaVanGebied(m, gebied.soort, gebied.code);
      return rij ? this.naarApi(rij, gebied) : null;
    });
  }

  /** Records or changes the caller's own programme (its area follows from the organisation). */
  async bewaar(
    ctx: RequestContext,
    invoer: ProgrammaInput,
    versie?: number | null,
  ): Promise<Volkshuisvestingsprogramma> {
    const eigen = eigenGebied(ctx);
    if (!eigen || !isProgrammaMaker(ctx.principal.organisatie.soort))
      throw geenToegang(
        'Alleen een gemeente, een provincie of het Rijk houdt een volkshuisvestingsprogramma bij.',
      );
    const gebied = (await this.gebieden.opzoeken(eigen.soort, eigen.code))!;
    const vandaag = this.klok.vandaag();
    const fouten = programmaFouten(invoer, vandaag);
    if (fouten.length) throw ongeldig('Het programma is niet opgeslagen: controleer de velden.', fouten);
    const waarden: ProgrammaWaarden = {
      status: invoer.status,
      titel: invoer.titel.trim(),
      vastgesteldOp: invoer.vastgesteldOp?.trim() || null,
      herzienOp: invoer.herzienOp?.trim() || null,
      jaarVan: invoer.jaarVan ?? null,
      jaarTot: invoer.jaarTot ?? null,
      woonzorgOpgenomen: invoer.woonzorgOpgenomen,
      woonzorgToelichting: invoer.woonzorgToelichting?.trim() || null,
      documentUrl: invoer.documentUrl?.trim() || null,
    };
    return this.db.transaction(ctx, async (m) => {
      const oud = await leesEigenProgrammaVoorUpdate(m, ctx.organisatieId);
      if (oud && versie != null && versie !== oud.versie)
        throw conflict('Iemand anders heeft het programma intussen gewijzigd; laad het opnieuw.');
      let id: string;
      if (oud) {
        await wijzigProgramma(m, oud.id, waarden, ctx.principal.sub);
        id = oud.id;
      } else {
        id = await nieuwProgramma(m, waarden, ctx.principal.sub, ctx.organisatieId, gebied);
      }
      await this.audit.schrijf(m, ctx, {
        actie: oud ? 'WIJZIG_VOLKSHUISVESTINGSPROGRAMMA' : 'CREATE_VOLKSHUISVESTINGSPROGRAMMA',
        entiteit: 'volkshuisvestingsprogramma',
        entiteitId: id,
        gemeenteCode: gebied.soort === 'GEMEENTE' ? gebied.code : null,
        voor: oud ? this.auditWaarden(oud) : null,
        na: waarden,
      });
      return this.naarApi((await leesProgramma(m, id))!, gebied);
    });
  }

  /** "n van m gemeenten" with a vastgesteld programme in a visible area, on `peildatum`. */
  async dekking(ctx: RequestContext, gebied: GebiedInfo, peildatum: string): Promise<ProgrammaDekking> {
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, (m) => this.dekkingIn(m, gebied.gemeenten, peildatum));
  }

  /**
   * Inside a caller's transaction (voortgang, a report's snapshot). A programme counts from the day
   * it was vastgesteld: a report for an earlier quarter does not count one adopted later.
   */
  async dekkingIn(m: EntityManager, alle: readonly string[], peildatum: string): Promise<ProgrammaDekking> {
    // an area keeps the codes of gemeenten merged away (their history rolls up), but "m gemeenten"
    // counts the gemeenten that exist on the peildatum: not those opgeheven on or before it
    const gemeenten = await leesBestaandeGemeenten(m, alle, peildatum);
    const rijen = await leesVastgesteldeProgrammas(m, gemeenten, peildatum);
    const regime = regimeOp(await this.regimes.regimesIn(m), peildatum);
    return {
      ...programmaDekking(gemeenten, new Map(rijen.map((r) => [r.gebied_code, r.status]))),
      wettelijkVerplicht: regime.programmaVerplicht,
    };
  }

  private auditWaarden(r: ProgrammaRij) {
    return {
      status: r.status,
      titel: r.titel,
      vastgesteldOp: r.vastgesteld_op,
      herzienOp: r.herzien_op,
      jaarVan: r.jaar_van,
      jaarTot: r.jaar_tot,
      woonzorgOpgenomen: r.woonzorg_opgenomen,
      woonzorgToelichting: r.woonzorg_toelichting,
      documentUrl: r.document_url,
    };
  }

  private naarApi(r: ProgrammaRij, gebied: GebiedInfo): Volkshuisvestingsprogramma {
    return {
      id: r.id,
      gebied: { soort: gebied.soort, code: gebied.code, naam: gebied.naam },
      organisatie: r.organisatie,
      status: r.status,
      statusLabel: PROGRAMMA_STATUS_LABEL[r.status],
      titel: r.titel,
      vastgesteldOp: r.vastgesteld_op,
      herzienOp: r.herzien_op,
      jaarVan: r.jaar_van,
      jaarTot: r.jaar_tot,
      vaststellendOrgaan: VASTSTELLEND_ORGAAN[r.organisatie_soort],
      woonzorgOpgenomen: r.woonzorg_opgenomen,
      woonzorgToelichting: r.woonzorg_toelichting,
      documentUrl: r.document_url,
      versie: r.versie,
      gewijzigdOp: r.gewijzigd_op.toISOString(),
    };
  }
}
