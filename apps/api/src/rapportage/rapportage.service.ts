import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { gebiedZichtbaar, gemeenteScope, type RequestContext } from '@thuismonitor/auth';
import { parseKwartaal, kwartaalEinde, type GebiedSoort } from '@thuismonitor/domain';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { AuditService } from '../audit/audit.service';
import { nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { GebiedService } from '../gebied';
import { RapportageQueue } from './rapportage-queue.service';
import type { Kwartaalrapportage, KwartaalrapportageFilter, RapportageAanvraag } from './rapportage.types';
import type { Formaat } from './rapportage-opslag.service';
import { leesbareVarianten } from './rapportage-zicht';
import {
  leesBestand,
  leesRapportage,
  leesRapportages,
  leesRapportagesVanJob,
  type RapportageRij,
} from './rapportage.repository';

/**
 * Reading and requesting reports. Reads go through the scoped transaction (RLS: all gemeenten of
 * the report's area must be in the reader's scope) and filter by the same rule in SQL.
 */
@Injectable()
export class RapportageService {
  constructor(
    private readonly db: ScopedDb,
    private readonly queue: RapportageQueue,
    private readonly audit: AuditService,
    private readonly gebieden: GebiedService,
    private readonly klok: Klok,
  ) {}

  /** The files this reader may have (leesbareVarianten), each with its download URL. */
  private metUrls(ctx: RequestContext, r: RapportageRij): Kwartaalrapportage {
    const { afsprakenZicht, aantalAfspraken, ...rapport } = r;
    const mag = new Set<string>(
      leesbareVarianten(ctx.principal, {
        ...r,
        afsprakenZicht,
        aantalAfspraken,
        varianten: new Set(r.bestanden.map((b) => b.variant)),
      }),
    );
    return {
      ...rapport,
      bestanden: r.bestanden
        .filter((b) => mag.has(b.variant))
        .map((b) => ({
          ...b,
          url: `/api/rapportages/${r.id}/${b.formaat.toLowerCase()}${b.variant === 'INTERN' ? '?variant=intern' : ''}`,
        })),
    };
  }

  async lijst(ctx: RequestContext, filter: KwartaalrapportageFilter = {}): Promise<Kwartaalrapportage[]> {
    const scope = gemeenteScope(ctx.principal);
    const k = filter.kwartaal ? parseKwartaal(filter.kwartaal) : undefined;
    const rijen = await this.db.transaction(ctx, (m) =>
      leesRapportages(m, {
        scope: scope.soort === 'ALLE' ? null : scope.codes,
        gebiedSoort: filter.gebiedSoort,
        gebiedCode: filter.gebiedCode?.toUpperCase(),
        actielijn: filter.actielijn,
        jaar: k?.jaar,
        kwartaal: k?.nummer,
        alleenNieuwste: filter.alleenNieuwste,
      }),
    );
    return rijen.map((r) => this.metUrls(ctx, r));
  }

  async opId(ctx: RequestContext, id: string): Promise<Kwartaalrapportage> {
    if (!isUuid(id)) throw nietGevonden('De kwartaalrapportage');
    const rij = await this.db.transaction(ctx, (m) => leesRapportage(m, id));
    if (!gebiedZichtbaar(ctx.principal, rij)) throw nietGevonden('De kwartaalrapportage');
    return this.metUrls(ctx, rij);
  }

  /**
   * A file of a report: the exact one when asked for and readable, else the shared variant this
   * reader may have (with or without the afspraken). Whatever the URL names, only a variant from
   * leesbareVarianten is ever sent.
   */
  async bestand(ctx: RequestContext, id: string, formaat: Formaat, wilIntern: boolean) {
    const rapport = await this.opId(ctx, id);
    const mag = rapport.bestanden.filter((b) => b.formaat === formaat).map((b) => b.variant);
    const variant = wilIntern && mag.includes('INTERN') ? 'INTERN' : mag.find((v) => v !== 'INTERN');
    if (!variant) throw nietGevonden('Het bestand');
    const b = await this.db.transaction(ctx, (m) => leesBestand(m, id, formaat, variant));
    if (!b) throw nietGevonden('Het bestand');
    const naam = `kwartaalrapportage-${rapport.gebiedCode}-${rapport.kwartaal}-${rapport.actielijn.toLowerCase()}-v${rapport.versie}${variant === 'GEDEELD' ? '' : `-${variant.toLowerCase().replace('_', '-')}`}.${formaat.toLowerCase()}`;
    return { mime: b.mime, inhoud: b.inhoud, naam };
  }

  async vraagAan(
    ctx: RequestContext,
    soort: GebiedSoort,
    code: string,
    kwartaal: string,
  ): Promise<RapportageAanvraag> {
    const k = parseKwartaal(kwartaal);
    if (kwartaalEinde(k) >= this.klok.vandaag()) {
      throw ongeldig(
        `Het ${kwartaal} is nog niet afgelopen; een rapportage kan pas na afloop van het kwartaal.`,
      );
    }
    const gebied = await this.gebieden.opzoeken(soort, code);
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    const job = await this.queue.vraagAan({
      soort,
      code: gebied.code,
      kwartaal,
      aangevraagdDoor: ctx.principal.gebruikersnaam,
      organisatieId: ctx.organisatieId,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    await this.db.transaction(ctx, (m) =>
      this.audit.schrijf(m, ctx, {
        actie: 'VRAAG_RAPPORTAGE_AAN',
        entiteit: 'kwartaalrapportage',
        entiteitId: job.id,
        na: { soort, code, kwartaal },
      }),
    );
    return this.aanvraagVanJob(ctx, job);
  }

  async aanvraag(ctx: RequestContext, jobId: string): Promise<RapportageAanvraag> {
    const job = await this.queue.job(jobId);
    const data = job?.data as { soort?: GebiedSoort; code?: string } | undefined;
    if (!job || !data?.soort || !data.code) throw nietGevonden('De aanvraag');
    const gebied = await this.gebieden.opzoeken(data.soort, data.code);
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('De aanvraag');
    return this.aanvraagVanJob(ctx, job);
  }

  private async aanvraagVanJob(ctx: RequestContext, job: Job): Promise<RapportageAanvraag> {
    const staat = await job.getState();
    const status =
      staat === 'completed'
        ? 'GEREED'
        : staat === 'failed'
          ? 'MISLUKT'
          : staat === 'active'
            ? 'BEZIG'
            : 'WACHTEND';
    const sleutel = `${job.id}:${job.timestamp}`;
    const rijen =
      status === 'GEREED' ? await this.db.transaction(ctx, (m) => leesRapportagesVanJob(m, sleutel)) : [];
    const voortgang = typeof job.progress === 'number' ? job.progress : 0;
    return {
      jobId: job.id!,
      status,
      voortgang: status === 'GEREED' ? 100 : voortgang,
      melding:
        status === 'MISLUKT'
          ? 'Het maken van de rapportage is mislukt; het wordt automatisch opnieuw geprobeerd of kan opnieuw worden aangevraagd.'
          : undefined,
      rapportages: rijen.map((r) => this.metUrls(ctx, r)),
    };
  }
}
