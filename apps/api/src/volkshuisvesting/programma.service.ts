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
  type ProgrammaMaker,
  type ProgrammaStatus,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied/gebied.service';
import type { GebiedInfo } from '../gebied/gebied.types';
import { RegimeService } from './regime.service';
import type { ProgrammaDekking, ProgrammaInput, Volkshuisvestingsprogramma } from './programma.types';

interface ProgrammaRij {
  id: string;
  gebied_soort: 'GEMEENTE' | 'PROVINCIE' | 'LAND';
  gebied_code: string;
  organisatie: string;
  organisatie_soort: ProgrammaMaker;
  status: ProgrammaStatus;
  titel: string;
  vastgesteld_op: string | null;
  herzien_op: string | null;
  jaar_van: number | null;
  jaar_tot: number | null;
  woonzorg_opgenomen: boolean;
  woonzorg_toelichting: string | null;
  document_url: string | null;
  versie: number;
  gewijzigd_op: Date;
}

const SELECT = `SELECT p.id, p.gebied_soort, p.gebied_code, o.naam AS organisatie, o.soort AS organisatie_soort, p.status,
  p.titel, to_char(p.vastgesteld_op, 'YYYY-MM-DD') AS vastgesteld_op, to_char(p.herzien_op, 'YYYY-MM-DD') AS herzien_op,
  p.jaar_van, p.jaar_tot, p.woonzorg_opgenomen, p.woonzorg_toelichting, p.document_url, p.versie, p.gewijzigd_op
  FROM volkshuisvestingsprogramma p JOIN organisatie o ON o.id = p.organisatie_id`;

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
  async programma(ctx: RequestContext, soort: GebiedSoort, code: string): Promise<Volkshuisvestingsprogramma | null> {
    if (soort === 'WONINGMARKTREGIO')
      throw ongeldig('Een woningmarktregio heeft geen eigen volkshuisvestingsprogramma; kies een gemeente, provincie of het land.');
    const gebied = await this.gebieden.opzoeken(soort, code.trim().toUpperCase());
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, async (m) => {
      const [rij] = (await m.query(`${SELECT} WHERE p.gebied_soort = $1 AND p.gebied_code = $2`, [
        gebied.soort,
        gebied.code,
      ])) as ProgrammaRij[];
      return rij ? this.naarApi(rij, gebied) : null;
    });
  }

  /** Records or changes the caller's own programme (its area follows from the organisation). */
  async bewaar(ctx: RequestContext, invoer: ProgrammaInput, versie?: number | null): Promise<Volkshuisvestingsprogramma> {
    const eigen = eigenGebied(ctx);
    if (!eigen || !isProgrammaMaker(ctx.principal.organisatie.soort))
      throw geenToegang('Alleen een gemeente, een provincie of het Rijk houdt een volkshuisvestingsprogramma bij.');
    const gebied = (await this.gebieden.opzoeken(eigen.soort, eigen.code))!;
    const vandaag = this.klok.vandaag();
    const fouten = programmaFouten(invoer, vandaag);
    if (fouten.length) throw ongeldig('Het programma is niet opgeslagen: controleer de velden.', fouten);
    const waarden = {
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
    const params = [
      waarden.status,
      waarden.titel,
      waarden.vastgesteldOp,
      waarden.herzienOp,
      waarden.jaarVan,
      waarden.jaarTot,
      waarden.woonzorgOpgenomen,
      waarden.woonzorgToelichting,
      waarden.documentUrl,
      ctx.principal.sub,
    ];
    return this.db.transaction(ctx, async (m) => {
      const [oud] = (await m.query(`${SELECT} WHERE p.organisatie_id = $1 FOR UPDATE OF p`, [
        ctx.organisatieId,
      ])) as ProgrammaRij[];
      if (oud && versie != null && versie !== oud.versie)
        throw conflict('Iemand anders heeft het programma intussen gewijzigd; laad het opnieuw.');
      let id: string;
      if (oud) {
        await m.query(
          `UPDATE volkshuisvestingsprogramma SET status = $1, titel = $2, vastgesteld_op = $3, herzien_op = $4,
             jaar_van = $5, jaar_tot = $6, woonzorg_opgenomen = $7, woonzorg_toelichting = $8, document_url = $9,
             gebruiker = $10, versie = versie + 1, gewijzigd_op = clock_timestamp()
           WHERE id = $11`,
          [...params, oud.id],
        );
        id = oud.id;
      } else {
        [{ id }] = await m.query(
          `INSERT INTO volkshuisvestingsprogramma (status, titel, vastgesteld_op, herzien_op, jaar_van, jaar_tot,
             woonzorg_opgenomen, woonzorg_toelichting, document_url, gebruiker, organisatie_id, gebied_soort, gebied_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [...params, ctx.organisatieId, gebied.soort, gebied.code],
        );
      }
      await this.audit.schrijf(m, ctx, {
        actie: oud ? 'WIJZIG_VOLKSHUISVESTINGSPROGRAMMA' : 'CREATE_VOLKSHUISVESTINGSPROGRAMMA',
        entiteit: 'volkshuisvestingsprogramma',
        entiteitId: id,
        gemeenteCode: gebied.soort === 'GEMEENTE' ? gebied.code : null,
        voor: oud ? this.auditWaarden(oud) : null,
        na: waarden,
      });
      const [rij] = (await m.query(`${SELECT} WHERE p.id = $1`, [id])) as ProgrammaRij[];
      return this.naarApi(rij, gebied);
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
    const bestaand: { code: string }[] = await m.query(
      `SELECT code FROM gemeente WHERE code = ANY($1) AND (opgeheven_op IS NULL OR opgeheven_op > $2::date)`,
      [alle, peildatum],
    );
    const gemeenten = bestaand.map((g) => g.code);
    const rijen: { gebied_code: string; status: ProgrammaStatus }[] = await m.query(
      `SELECT gebied_code, status FROM volkshuisvestingsprogramma
       WHERE gebied_soort = 'GEMEENTE' AND gebied_code = ANY($1) AND vastgesteld_op <= $2::date`,
      [gemeenten, peildatum],
    );
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
