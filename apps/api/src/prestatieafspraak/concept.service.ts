import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magPrestatieafspraakStarten, type RequestContext } from '@thuismonitor/auth';
import {
  afspraakFouten,
  periodeFouten,
  periodeWijzigingFouten,
  titelFouten,
  type InhoudFout,
} from '@thuismonitor/domain';
import { geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { OrganisatieService } from '../organisatie';
import { ReferentieService } from '../referentie';
import { vereisActie, vergrendelVoorPartij } from './bewerking';
import {
  afspraakFoutenIn,
  afspraakInhoud,
  afspraakSnapshot,
  afspraakVan,
  doelwaardenVan,
  partijFouten,
  rijSnapshot,
} from './concept-inhoud';
import { PrestatieafspraakAudit, type AuditActie } from './prestatieafspraak-audit';
import {
  verwijderAfspraak,
  verwijderPartij,
  vervangDoelwaarden,
  voegAfspraakToe,
  voegPartijenToe,
  voegPrestatieafspraakToe,
  wijzigAfspraak,
  wijzigTitelEnPeriode,
} from './prestatieafspraak-inhoud.repository';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import { leesAfspraken, verhoogVersie, type PaRij } from './prestatieafspraak.repository';
import type {
  AfspraakInput,
  NieuwePrestatieafspraakInput,
  Prestatieafspraak,
  PrestatieafspraakWijziging,
} from './prestatieafspraak.types';

const NIET_OPGESLAGEN = 'De wijziging is niet opgeslagen: controleer de gemarkeerde velden.';

/**
 * Starting a prestatieafspraak and changing its content while it is a CONCEPT: title and period,
 * parties, afspraken with their doelwaarden. Status changes are in LevenscyclusService.
 */
@Injectable()
export class ConceptService {
  constructor(
    private readonly audit: PrestatieafspraakAudit,
    private readonly lezer: PrestatieafspraakLezer,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
  ) {}

  /**
   * A gemeente or a corporatie starts a prestatieafspraak; the gemeente and the starter are always
   * parties. `uitBod`: started from a sent bod (BodService), with the afspraken taken over from its
   * lines, all in the same transaction. A corporatie drafting a prestatieafspraak is no longer a
   * bod (is_bod stays false): the bod is its own object (docs/decisions.md "Het bod").
   */
  async create(
    ctx: RequestContext,
    invoer: NieuwePrestatieafspraakInput,
    uitBod?: { bodId: string; afspraken: AfspraakInput[] },
  ): Promise<Prestatieafspraak> {
    const gemeenteCode = invoer.gemeenteCode.trim().toUpperCase();
    const gemeente = await this.referentie.gemeente(gemeenteCode);
    if (!gemeente)
      throw ongeldig(`Gemeente '${invoer.gemeenteCode}' bestaat niet.`, [
        { veld: 'gemeenteCode', melding: 'Onbekende gemeente' },
      ]);
    if (!magPrestatieafspraakStarten(ctx.principal, gemeenteCode)) {
      throw geenToegang(
        'U kunt alleen een prestatieafspraak of bod starten voor een gemeente waarin uw organisatie werkt.',
      );
    }
    const fouten: InhoudFout[] = [...titelFouten(invoer.titel), ...periodeFouten(invoer)];
    const gemeenteOrg = (await this.organisaties.lijst({ soort: 'GEMEENTE', gemeenteCode })).find(
      (o) => o.gemeenteCode === gemeenteCode,
    );
    if (!gemeenteOrg) {
      fouten.push({
        veld: 'gemeenteCode',
        melding: `Gemeente ${gemeente.naam} werkt nog niet met Thuismonitor en kan dus niet tekenen.`,
      });
    }
    const partijIds = [
      ...new Set(
        [gemeenteOrg?.id, ctx.organisatieId, ...(invoer.partijIds ?? [])].filter((id): id is string => !!id),
      ),
    ];
    fouten.push(...(await partijFouten(this.organisaties, partijIds, gemeenteCode)));
    for (const [i, a] of (uitBod?.afspraken ?? []).entries())
      fouten.push(...afspraakFouten(a, invoer).map((f) => ({ ...f, veld: `afspraken[${i}].${f.veld}` })));
    if (fouten.length)
      throw ongeldig('De prestatieafspraak is niet aangemaakt: controleer de gemarkeerde velden.', fouten);

    const id = randomUUID();
    return this.lezer.naMutatie(ctx, async (m) => {
      await voegPrestatieafspraakToe(m, {
        id,
        gemeenteCode,
        titel: invoer.titel.trim(),
        jaarVan: invoer.jaarVan,
        jaarTot: invoer.jaarTot,
        opgesteldDoorId: ctx.organisatieId,
        bodId: uitBod?.bodId ?? null,
      });
      await voegPartijenToe(m, id, partijIds);
      for (const a of uitBod?.afspraken ?? []) await this.nieuweAfspraak(m, id, a);
      await this.audit.schrijf(m, ctx, { id, gemeenteCode }, 'AANGEMAAKT', null, {
        titel: invoer.titel.trim(),
        jaarVan: invoer.jaarVan,
        jaarTot: invoer.jaarTot,
        bodId: uitBod?.bodId ?? null,
        afsprakenUitBod: uitBod?.afspraken.length ?? 0,
        partijIds,
      });
      return id;
    });
  }

  /** Title and period, in CONCEPT; the period may not strand doelwaarden or mijlpalen. */
  async update(
    ctx: RequestContext,
    id: string,
    versie: number,
    wijziging: PrestatieafspraakWijziging,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const nieuw = {
        titel: wijziging.titel?.trim() ?? pa.titel,
        jaarVan: wijziging.jaarVan ?? pa.jaarVan,
        jaarTot: wijziging.jaarTot ?? pa.jaarTot,
      };
      const fouten = [...titelFouten(nieuw.titel), ...periodeFouten(nieuw)];
      if (!fouten.length) {
        const afspraken = await leesAfspraken(m, [pa.id]);
        fouten.push(
          ...periodeWijzigingFouten(
            nieuw,
            afspraken.map((a) => ({
              omschrijving: a.omschrijving,
              doelwaardeJaren: a.doelwaarden.map((d) => d.jaar),
              mijlpaalDatum: a.mijlpaalDatum,
            })),
          ),
        );
      }
      if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
      await wijzigTitelEnPeriode(m, pa.id, nieuw);
      return {
        actie: 'GEWIJZIGD',
        voor: { titel: pa.titel, jaarVan: pa.jaarVan, jaarTot: pa.jaarTot },
        na: nieuw,
      };
    });
  }

  async addPartij(
    ctx: RequestContext,
    id: string,
    versie: number,
    organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      if (pa.partijIds.includes(organisatieId)) {
        throw ongeldig('Deze organisatie is al partij.', [{ veld: 'organisatieId', melding: 'Al partij' }]);
      }
      const fouten = await partijFouten(this.organisaties, [organisatieId], pa.gemeenteCode, m);
      if (fouten.length) throw ongeldig(fouten[0].melding, fouten);
      await voegPartijenToe(m, pa.id, [organisatieId]);
      return {
        actie: 'PARTIJ_TOEGEVOEGD',
        voor: { partijIds: pa.partijIds },
        na: { partijIds: [...pa.partijIds, organisatieId] },
      };
    });
  }

  async removePartij(
    ctx: RequestContext,
    id: string,
    versie: number,
    organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      if (!pa.partijIds.includes(organisatieId)) throw nietGevonden('Deze partij');
      const [org] = await this.organisaties.opIds([organisatieId], m);
      if (org?.soort === 'GEMEENTE')
        throw ongeldig('De gemeente is altijd partij bij haar prestatieafspraken.');
      if (organisatieId === pa.opgesteldDoorId) throw ongeldig('De opsteller van deze versie blijft partij.');
      const verantwoordelijk = (await leesAfspraken(m, [pa.id])).filter(
        (a) => a.verantwoordelijkeId === organisatieId,
      );
      if (verantwoordelijk.length) {
        throw ongeldig(
          `${org?.naam ?? 'Deze partij'} is verantwoordelijk voor afspraak ${verantwoordelijk.map((a) => a.volgnummer).join(', ')}; ` +
            'wijs eerst een andere verantwoordelijke aan.',
        );
      }
      await verwijderPartij(m, pa.id, organisatieId);
      return {
        actie: 'PARTIJ_VERWIJDERD',
        voor: { partijIds: pa.partijIds },
        na: { partijIds: pa.partijIds.filter((p) => p !== organisatieId) },
      };
    });
  }

  async addAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    invoer: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      this.controleerAfspraak(pa, invoer);
      const afspraakId = await this.nieuweAfspraak(m, pa.id, invoer);
      return { actie: 'AFSPRAAK_TOEGEVOEGD', voor: null, na: { afspraakId, ...afspraakSnapshot(invoer) } };
    });
  }

  async updateAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    afspraakId: string,
    invoer: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const oud = await afspraakVan(m, pa, afspraakId);
      this.controleerAfspraak(pa, invoer);
      await wijzigAfspraak(m, oud.id, afspraakInhoud(invoer));
      await vervangDoelwaarden(m, pa.id, oud.id, doelwaardenVan(invoer), { eerstLeegmaken: true });
      return {
        actie: 'AFSPRAAK_GEWIJZIGD',
        voor: rijSnapshot(oud),
        na: { afspraakId: oud.id, ...afspraakSnapshot(invoer) },
      };
    });
  }

  async removeAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    afspraakId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const oud = await afspraakVan(m, pa, afspraakId);
      await verwijderAfspraak(m, oud.id);
      return { actie: 'AFSPRAAK_VERWIJDERD', voor: rijSnapshot(oud), na: null };
    });
  }

  /**
   * The frame of every content change: lock the row, ask the decision (party, versie, CONCEPT),
   * do the change, raise versie and audit it — all in one transaction, so nothing is half-written.
   */
  private bewerkConcept(
    ctx: RequestContext,
    id: string,
    versie: number,
    werk: (m: EntityManager, pa: PaRij) => Promise<{ actie: AuditActie; voor: unknown; na: unknown }>,
  ): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'BEWERKEN', { versie });
      const { actie, voor, na } = await werk(m, pa);
      await verhoogVersie(m, pa.id);
      await this.audit.schrijf(m, ctx, pa, actie, voor, na);
      return pa.id;
    });
  }

  private async nieuweAfspraak(m: EntityManager, paId: string, invoer: AfspraakInput): Promise<string> {
    const afspraakId = randomUUID();
    await voegAfspraakToe(m, afspraakId, paId, afspraakInhoud(invoer));
    await vervangDoelwaarden(m, paId, afspraakId, doelwaardenVan(invoer), { eerstLeegmaken: false });
    return afspraakId;
  }

  private controleerAfspraak(pa: PaRij, invoer: AfspraakInput): void {
    const fouten = afspraakFoutenIn(pa, invoer);
    if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
  }
}
