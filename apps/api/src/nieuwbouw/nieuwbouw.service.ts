import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magProjectBewerken, magProjectZien, projectZicht, type RequestContext } from '@thuismonitor/auth';
import {
  AANDACHTSGROEPEN,
  formatKwartaal,
  kwartaalVanDatum,
  naarFase,
  totaalWoningen,
  valideerNieuwbouwproject,
  type Aandachtsgroep,
  type NieuwbouwDatums,
  type NieuwbouwFase,
  type NieuwbouwprojectGegevens,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie/referentie.service';
import type {
  NieuwbouwFilter,
  Nieuwbouwproject,
  NieuwbouwprojectInput,
  NieuwbouwprojectWijziging,
  NieuwbouwWoningenInput,
} from './nieuwbouw.types';

const KOLOMMEN = `p.id, p.naam, p.fase, p.gemeente_code AS "gemeenteCode", p.eigenaar_id AS "eigenaarId",
  p.woningen_sociale_huur AS "socialeHuur", p.woningen_middenhuur AS "middenhuur",
  p.woningen_vrije_sector_huur AS "vrijeSectorHuur", p.woningen_koop_betaalbaar AS "koopBetaalbaar",
  p.woningen_koop_vrij AS "koopVrij", p.woningen_aandachtsgroepen AS "aandachtsgroepen",
  p.woningen_per_aandachtsgroep AS "perAandachtsgroep", p.woningen_nultreden AS "nultreden",
  p.woningen_flex AS "flex", p.standplaatsen,
  to_char(p.plan_datum, 'YYYY-MM-DD') AS "planDatum", to_char(p.vergund_op, 'YYYY-MM-DD') AS "vergundOp",
  to_char(p.start_bouw_op, 'YYYY-MM-DD') AS "startBouwOp", to_char(p.opgeleverd_op, 'YYYY-MM-DD') AS "opgeleverdOp",
  p.versie, p.aangemaakt_op AS "aangemaaktOp", p.gewijzigd_op AS "gewijzigdOp"`;

type Rij = Record<string, any>;

/**
 * Nieuwbouwprojecten of corporaties (their own, in their werkgebied) and gemeenten (any project
 * in the gemeente). Rows are read by the owner, the gemeente, and the provincie and Rijk within
 * their scope (policy magProjectZien: projects are about buildings, not households). Updates
 * carry the version the user saw (optimistic locking), phases only move forward.
 */
@Injectable()
export class NieuwbouwService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
    private readonly klok: Klok,
  ) {}

  async lijst(ctx: RequestContext, filter: NieuwbouwFilter = {}): Promise<Nieuwbouwproject[]> {
    const zicht = projectZicht(ctx.principal);
    const params: unknown[] = [
      zicht.eigenaarOrganisatieId,
      zicht.gemeenten.soort === 'ALLE',
      zicht.gemeenten.soort === 'ALLE' ? [] : zicht.gemeenten.codes,
    ];
    const waar = ['(p.eigenaar_id = $1 OR $2 OR p.gemeente_code = ANY($3::text[]))'];
    if (filter.gemeenteCode) {
      params.push(filter.gemeenteCode.toUpperCase());
      waar.push(`p.gemeente_code = $${params.length}`);
    }
    if (filter.fase) {
      params.push(filter.fase);
      waar.push(`p.fase = $${params.length}`);
    }
    if (filter.eigenaarId) {
      if (!isUuid(filter.eigenaarId)) return [];
      params.push(filter.eigenaarId);
      waar.push(`p.eigenaar_id = $${params.length}::uuid`);
    }
    const rijen: Rij[] = await this.db.transaction(ctx, (m) =>
      m.query(`SELECT ${KOLOMMEN} FROM nieuwbouwproject p WHERE ${waar.join(' AND ')} ORDER BY p.gemeente_code, p.naam, p.id`, params),
    );
    return rijen.map(naarProject);
  }

  async project(ctx: RequestContext, id: string): Promise<Nieuwbouwproject> {
    return this.db.transaction(ctx, async (m) => naarProject(await this.zichtbaar(m, ctx, id, false)));
  }

  async create(ctx: RequestContext, input: NieuwbouwprojectInput): Promise<Nieuwbouwproject> {
    const gemeenteCode = await this.gemeente(input.gemeenteCode);
    if (!magProjectBewerken(ctx.principal, { eigenaarOrganisatieId: ctx.organisatieId, gemeenteCode })) {
      throw geenToegang(`U kunt alleen projecten vastleggen in het werkgebied van uw organisatie; gemeente ${gemeenteCode} hoort daar niet bij.`);
    }
    const gegevens = this.valideer(input, input.fase, datumsUit(input));
    return this.db.transaction(ctx, async (m) => {
      const [rij]: Rij[] = await m.query(
        `INSERT INTO nieuwbouwproject AS p (naam, gemeente_code, eigenaar_id, fase, woningen_sociale_huur, woningen_middenhuur,
           woningen_vrije_sector_huur, woningen_koop_betaalbaar, woningen_koop_vrij, woningen_aandachtsgroepen,
           woningen_per_aandachtsgroep, woningen_nultreden, woningen_flex, standplaatsen, plan_datum, vergund_op, start_bouw_op, opgeleverd_op)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING ${KOLOMMEN}`,
        [gegevens.naam, gemeenteCode, ctx.organisatieId, gegevens.fase, ...waarden(gegevens)],
      );
      const project = naarProject(rij);
      await this.audit.schrijf(m, ctx, {
        actie: 'CREATE_NIEUWBOUWPROJECT',
        entiteit: 'nieuwbouwproject',
        entiteitId: project.id,
        gemeenteCode,
        na: project,
      });
      return project;
    });
  }

  async wijzig(ctx: RequestContext, id: string, versie: number, input: NieuwbouwprojectWijziging): Promise<Nieuwbouwproject> {
    const gemeenteCode = await this.gemeente(input.gemeenteCode);
    return this.db.transaction(ctx, async (m) => {
      const voor = naarProject(await this.zichtbaar(m, ctx, id, true));
      this.magBewerken(ctx, voor, versie);
      if (!magProjectBewerken(ctx.principal, { eigenaarOrganisatieId: voor.eigenaarId, gemeenteCode })) {
        throw geenToegang(`U kunt dit project niet verplaatsen naar gemeente ${gemeenteCode}.`);
      }
      const gegevens = this.valideer(input, voor.fase, datumsUit(input));
      return this.bewaar(m, ctx, voor, gemeenteCode, gegevens, 'WIJZIG_NIEUWBOUWPROJECT');
    });
  }

  async wijzigFase(ctx: RequestContext, id: string, versie: number, fase: NieuwbouwFase, datum: string): Promise<Nieuwbouwproject> {
    return this.db.transaction(ctx, async (m) => {
      const voor = naarProject(await this.zichtbaar(m, ctx, id, true));
      this.magBewerken(ctx, voor, versie);
      // throws DomainError (ONGELDIGE_INVOER) for a transition backwards or to the same phase
      const nieuw = naarFase({ fase: voor.fase, datums: datumsUit(voor) }, fase, datum);
      const { totaal: _totaal, ...woningen } = voor.woningen;
      const gegevens = this.valideer({ naam: voor.naam, woningen }, nieuw.fase, nieuw.datums);
      return this.bewaar(m, ctx, voor, voor.gemeenteCode, gegevens, 'WIJZIG_FASE_NIEUWBOUWPROJECT');
    });
  }

  private async bewaar(
    m: EntityManager,
    ctx: RequestContext,
    voor: Nieuwbouwproject,
    gemeenteCode: string,
    g: NieuwbouwprojectGegevens,
    actie: string,
  ): Promise<Nieuwbouwproject> {
    // TypeORM answers an UPDATE with [rows, rowCount]; the row is locked, so the versie check holds
    const [[rij]]: [Rij[], number] = await m.query(
      `UPDATE nieuwbouwproject AS p SET naam = $3, gemeente_code = $4, fase = $5, woningen_sociale_huur = $6,
         woningen_middenhuur = $7, woningen_vrije_sector_huur = $8, woningen_koop_betaalbaar = $9, woningen_koop_vrij = $10,
         woningen_aandachtsgroepen = $11, woningen_per_aandachtsgroep = $12, woningen_nultreden = $13, woningen_flex = $14,
         standplaatsen = $15, plan_datum = $16, vergund_op = $17, start_bouw_op = $18, opgeleverd_op = $19,
         versie = p.versie + 1, gewijzigd_op = now()
       WHERE p.id = $1 AND p.versie = $2 RETURNING ${KOLOMMEN}`,
      [voor.id, voor.versie, g.naam, gemeenteCode, g.fase, ...waarden(g)],
    );
    const na = naarProject(rij);
    await this.audit.schrijf(m, ctx, {
      actie,
      entiteit: 'nieuwbouwproject',
      entiteitId: na.id,
      gemeenteCode: na.gemeenteCode,
      voor,
      na,
    });
    return na;
  }

  /** The project if the principal may see it (locked for a change); otherwise "niet gevonden". */
  private async zichtbaar(m: EntityManager, ctx: RequestContext, id: string, vergrendel: boolean): Promise<Rij> {
    const [rij]: Rij[] = isUuid(id)
      ? await m.query(`SELECT ${KOLOMMEN} FROM nieuwbouwproject p WHERE p.id = $1 ${vergrendel ? 'FOR UPDATE' : ''}`, [id])
      : [];
    if (!rij || !magProjectZien(ctx.principal, { eigenaarOrganisatieId: rij.eigenaarId, gemeenteCode: rij.gemeenteCode })) {
      throw nietGevonden('Het nieuwbouwproject');
    }
    return rij;
  }

  private magBewerken(ctx: RequestContext, p: Nieuwbouwproject, versie: number): void {
    if (!magProjectBewerken(ctx.principal, { eigenaarOrganisatieId: p.eigenaarId, gemeenteCode: p.gemeenteCode })) {
      throw geenToegang('U kunt dit project niet wijzigen: alleen de eigenaar en de gemeente waarin het ligt kunnen dat.');
    }
    if (versie !== p.versie) {
      throw conflict(
        `Het project is intussen gewijzigd (versie ${p.versie}, u wijzigde versie ${versie}). Laad het opnieuw en voer uw wijziging nog eens in.`,
      );
    }
  }

  private async gemeente(code: string): Promise<string> {
    const g = await this.referentie.gemeente(code.trim());
    if (!g) throw ongeldig(`Gemeente '${code}' is onbekend.`, [{ veld: 'gemeenteCode', melding: `Gemeente '${code}' is onbekend` }]);
    return g.code;
  }

  /** Domain validation (valideerNieuwbouwproject); field names as the API names them. */
  private valideer(
    input: { naam: string; woningen: NieuwbouwWoningenInput },
    fase: NieuwbouwFase,
    datums: NieuwbouwDatums,
  ): NieuwbouwprojectGegevens {
    const perAandachtsgroep: Partial<Record<Aandachtsgroep, number>> = {};
    const fouten: { veld: string; melding: string }[] = [];
    for (const { aandachtsgroep, woningen } of input.woningen.perAandachtsgroep) {
      if (aandachtsgroep in perAandachtsgroep) {
        fouten.push({ veld: 'woningen.perAandachtsgroep', melding: `Aandachtsgroep ${aandachtsgroep} staat twee keer in de verdeling` });
      }
      perAandachtsgroep[aandachtsgroep] = woningen;
    }
    const { perAandachtsgroep: _lijst, ...aantallen } = input.woningen;
    const gegevens: NieuwbouwprojectGegevens = {
      naam: input.naam.trim(),
      fase,
      woningen: { ...aantallen, perAandachtsgroep },
      datums,
    };
    fouten.push(...valideerNieuwbouwproject(gegevens, this.klok.vandaag()));
    if (fouten.length) {
      throw ongeldig(
        'Het project is niet opgeslagen: ' + fouten.map((f) => f.melding).join('; ') + '.',
        fouten.map((f) => ({ veld: f.veld.replace(/^datums\./, ''), melding: f.melding })),
      );
    }
    return gegevens;
  }
}

function datumsUit(x: { planDatum?: string | null; vergundOp?: string | null; startBouwOp?: string | null; opgeleverdOp?: string | null }): NieuwbouwDatums {
  return {
    planDatum: x.planDatum || null,
    vergundOp: x.vergundOp || null,
    startBouwOp: x.startBouwOp || null,
    opgeleverdOp: x.opgeleverdOp || null,
  };
}

/** Parameters 5… of the INSERT and 6… of the UPDATE, in column order. */
function waarden(g: NieuwbouwprojectGegevens): unknown[] {
  const w = g.woningen;
  return [
    w.socialeHuur,
    w.middenhuur,
    w.vrijeSectorHuur,
    w.koopBetaalbaar,
    w.koopVrij,
    w.aandachtsgroepen,
    JSON.stringify(Object.fromEntries(Object.entries(w.perAandachtsgroep).filter(([, n]) => n! > 0))),
    w.nultreden,
    w.flex,
    w.standplaatsen,
    g.datums.planDatum,
    g.datums.vergundOp,
    g.datums.startBouwOp,
    g.datums.opgeleverdOp,
  ];
}

function naarProject(r: Rij): Nieuwbouwproject {
  const verdeling = (r.perAandachtsgroep ?? {}) as Record<string, number>;
  const woningen = {
    socialeHuur: r.socialeHuur,
    middenhuur: r.middenhuur,
    vrijeSectorHuur: r.vrijeSectorHuur,
    koopBetaalbaar: r.koopBetaalbaar,
    koopVrij: r.koopVrij,
    aandachtsgroepen: r.aandachtsgroepen,
    perAandachtsgroep: AANDACHTSGROEPEN.filter((g) => verdeling[g] > 0).map((g) => ({ aandachtsgroep: g, woningen: verdeling[g] })),
    nultreden: r.nultreden,
    flex: r.flex,
    standplaatsen: r.standplaatsen,
    totaal: 0,
  };
  woningen.totaal = totaalWoningen({ ...woningen, perAandachtsgroep: {} });
  return {
    id: r.id,
    naam: r.naam,
    fase: r.fase,
    gemeenteCode: r.gemeenteCode,
    eigenaarId: r.eigenaarId,
    woningen,
    planDatum: r.planDatum,
    vergundOp: r.vergundOp,
    startBouwOp: r.startBouwOp,
    opgeleverdOp: r.opgeleverdOp,
    opleverKwartaal: r.opgeleverdOp ? formatKwartaal(kwartaalVanDatum(r.opgeleverdOp)) : null,
    versie: r.versie,
    aangemaaktOp: r.aangemaaktOp,
    gewijzigdOp: r.gewijzigdOp,
  };
}
