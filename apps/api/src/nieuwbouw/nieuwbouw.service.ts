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
import { ReferentieService } from '../referentie';
import type {
  NieuwbouwFilter,
  Nieuwbouwproject,
  NieuwbouwprojectInput,
  NieuwbouwprojectWijziging,
  NieuwbouwWoningenInput,
} from './nieuwbouw.types';
import {
  lijst as leesLijst,
  project as leesProject,
  voegToe,
  wijzig as wijzigProject,
  type NieuwbouwZoek,
  type ProjectRij,
} from './nieuwbouw.repository';

type Rij = ProjectRij;

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
    const zoek: NieuwbouwZoek = { zicht: projectZicht(ctx.principal) };
    if (filter.gemeenteCode) zoek.gemeenteCode = filter.gemeenteCode.toUpperCase();
    if (filter.fase) zoek.fase = filter.fase;
    if (filter.eigenaarId) {
      if (!isUuid(filter.eigenaarId)) return [];
      zoek.eigenaarId = filter.eigenaarId;
    }
    const rijen = await this.db.transaction(ctx, (m) => leesLijst(m, zoek));
    return rijen.map(naarProject);
  }

  async project(ctx: RequestContext, id: string): Promise<Nieuwbouwproject> {
    return this.db.transaction(ctx, async (m) => naarProject(await this.zichtbaar(m, ctx, id, false)));
  }

  async create(ctx: RequestContext, input: NieuwbouwprojectInput): Promise<Nieuwbouwproject> {
    const gemeenteCode = await this.gemeente(input.gemeenteCode);
    if (!magProjectBewerken(ctx.principal, { eigenaarOrganisatieId: ctx.organisatieId, gemeenteCode })) {
      throw geenToegang(
        `U kunt alleen projecten vastleggen in het werkgebied van uw organisatie; gemeente ${gemeenteCode} hoort daar niet bij.`,
      );
    }
    const gegevens = this.valideer(input, input.fase, datumsUit(input));
    return this.db.transaction(ctx, async (m) => {
      const rij = await voegToe(m, gegevens, gemeenteCode, ctx.organisatieId);
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

  async wijzig(
    ctx: RequestContext,
    id: string,
    versie: number,
    input: NieuwbouwprojectWijziging,
  ): Promise<Nieuwbouwproject> {
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

  async wijzigFase(
    ctx: RequestContext,
    id: string,
    versie: number,
    fase: NieuwbouwFase,
    datum: string,
  ): Promise<Nieuwbouwproject> {
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
    // the row is locked, so the versie check holds
    const rij = (await wijzigProject(m, voor.id, voor.versie, g, gemeenteCode))!;
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
  private async zichtbaar(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    vergrendel: boolean,
  ): Promise<Rij> {
    const rij = isUuid(id) ? await leesProject(m, id, vergrendel) : undefined;
    if (
      !rij ||
      !magProjectZien(ctx.principal, {
        eigenaarOrganisatieId: rij.eigenaarId,
        gemeenteCode: rij.gemeenteCode,
      })
    ) {
      throw nietGevonden('Het nieuwbouwproject');
    }
    return rij;
  }

  private magBewerken(ctx: RequestContext, p: Nieuwbouwproject, versie: number): void {
    if (
      !magProjectBewerken(ctx.principal, {
        eigenaarOrganisatieId: p.eigenaarId,
        gemeenteCode: p.gemeenteCode,
      })
    ) {
      throw geenToegang(
        'U kunt dit project niet wijzigen: alleen de eigenaar en de gemeente waarin het ligt kunnen dat.',
      );
    }
    if (versie !== p.versie) {
      throw conflict(
        `Het project is intussen gewijzigd (versie ${p.versie}, u wijzigde versie ${versie}). Laad het opnieuw en voer uw wijziging nog eens in.`,
      );
    }
  }

  private async gemeente(code: string): Promise<string> {
    const g = await this.referentie.gemeente(code.trim());
    if (!g)
      throw ongeldig(`Gemeente '${code}' is onbekend.`, [
        { veld: 'gemeenteCode', melding: `Gemeente '${code}' is onbekend` },
      ]);
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
        fouten.push({
          veld: 'woningen.perAandachtsgroep',
          melding: `Aandachtsgroep ${aandachtsgroep} staat twee keer in de verdeling`,
        });
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

function datumsUit(x: {
  planDatum?: string | null;
  vergundOp?: string | null;
  startBouwOp?: string | null;
  opgeleverdOp?: string | null;
}): NieuwbouwDatums {
  return {
    planDatum: x.planDatum || null,
    vergundOp: x.vergundOp || null,
    startBouwOp: x.startBouwOp || null,
    opgeleverdOp: x.opgeleverdOp || null,
  };
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
    perAandachtsgroep: AANDACHTSGROEPEN.filter((g) => verdeling[g] > 0).map((g) => ({
      aandachtsgroep: g,
      woningen: verdeling[g],
    })),
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
