import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { gebiedZichtbaar, gemeenteScope, type RequestContext } from '@thuismonitor/auth';
import { parseKwartaal, kwartaalEinde, type GebiedSoort } from '@thuismonitor/domain';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { AuditService } from '../audit/audit.service';
import { nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { GebiedService } from '../gebied/gebied.service';
import { RapportageQueue } from './rapportage-queue.service';
import type { Kwartaalrapportage, KwartaalrapportageFilter, RapportageAanvraag } from './rapportage.types';
import type { Formaat } from './rapportage-opslag.service';
import type { RapportageAfspraakZicht } from './rapportage-inhoud';
import { leesbareVarianten } from './rapportage-zicht';

const SELECT = `
  SELECT r.id, r.gebied_soort AS "gebiedSoort", r.gebied_code AS "gebiedCode", r.gebied_naam AS "gebiedNaam",
         r.jaar || '-Q' || r.kwartaal AS kwartaal, r.actielijn, r.versie, r.peilmoment,
         r.aangevraagd_door AS "aangevraagdDoor", r.gemaakt_op AS "gemaaktOp", r.gemeenten,
         r.snapshot->'gedeeld'->'afsprakenZicht' AS "afsprakenZicht",
         coalesce(jsonb_array_length(r.snapshot->'gedeeld'->'afspraken'), 0) AS "aantalAfspraken",
         coalesce((SELECT json_agg(json_build_object('formaat', b.formaat, 'variant', b.variant, 'grootte', octet_length(b.inhoud))
                   ORDER BY b.formaat, b.variant) FROM kwartaalrapportage_bestand b WHERE b.rapportage_id = r.id), '[]') AS bestanden
  FROM kwartaalrapportage r`;

type Rij = Omit<Kwartaalrapportage, 'bestanden'> & {
  gemeenten: string[];
  afsprakenZicht: RapportageAfspraakZicht[] | null;
  aantalAfspraken: number;
  bestanden: { formaat: string; variant: string; grootte: number }[];
};

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
  private metUrls(ctx: RequestContext, r: Rij): Kwartaalrapportage {
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
    const waar: string[] = [];
    const p: unknown[] = [];
    const voeg = (sql: string, v: unknown) => {
      p.push(v);
      waar.push(sql.replace('?', `$${p.length}`));
    };
    if (scope.soort !== 'ALLE') voeg('r.gemeenten <@ ?::text[]', scope.codes);
    if (filter.gebiedSoort) voeg('r.gebied_soort = ?', filter.gebiedSoort);
    if (filter.gebiedCode) voeg('r.gebied_code = ?', filter.gebiedCode.toUpperCase());
    if (filter.actielijn) voeg('r.actielijn = ?', filter.actielijn);
    if (filter.kwartaal) {
      const k = parseKwartaal(filter.kwartaal);
      voeg('r.jaar = ?', k.jaar);
      voeg('r.kwartaal = ?', k.nummer);
    }
    if (filter.alleenNieuwste) {
      waar.push(`r.versie = (SELECT max(x.versie) FROM kwartaalrapportage x WHERE x.gebied_soort = r.gebied_soort
        AND x.gebied_code = r.gebied_code AND x.jaar = r.jaar AND x.kwartaal = r.kwartaal AND x.actielijn = r.actielijn)`);
    }
    const rijen: Rij[] = await this.db.transaction(ctx, (m) =>
      m.query(
        `${SELECT} ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''}
               ORDER BY r.jaar DESC, r.kwartaal DESC, r.gebied_soort, r.gebied_naam, r.actielijn, r.versie DESC LIMIT 500`,
        p,
      ),
    );
    return rijen.map((r) => this.metUrls(ctx, r));
  }

  async opId(ctx: RequestContext, id: string): Promise<Kwartaalrapportage> {
    if (!isUuid(id)) throw nietGevonden('De kwartaalrapportage');
    const [rij]: Rij[] = await this.db.transaction(ctx, (m) => m.query(`${SELECT} WHERE r.id = $1`, [id]));
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
    const [b] = await this.db.transaction(ctx, (m) =>
      m.query(
        `SELECT mime, inhoud FROM kwartaalrapportage_bestand WHERE rapportage_id = $1 AND formaat = $2 AND variant = $3`,
        [id, formaat, variant],
      ),
    );
    if (!b) throw nietGevonden('Het bestand');
    const naam = `kwartaalrapportage-${rapport.gebiedCode}-${rapport.kwartaal}-${rapport.actielijn.toLowerCase()}-v${rapport.versie}${variant === 'GEDEELD' ? '' : `-${variant.toLowerCase().replace('_', '-')}`}.${formaat.toLowerCase()}`;
    return { mime: b.mime as string, inhoud: b.inhoud as Buffer, naam };
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
    const rijen: Rij[] =
      status === 'GEREED'
        ? await this.db.transaction(ctx, (m) =>
            m.query(`${SELECT} WHERE r.job_sleutel = $1 ORDER BY r.actielijn`, [sleutel]),
          )
        : [];
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
