import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ACTIELIJN_CODES, kwartaalVanDatum, parseKwartaal, formatKwartaal, vorigKwartaal, vandaagInAmsterdam } from '@thuismonitor/domain';
import { RequestContext } from '@thuismonitor/auth';
import { ScopedDb } from '../database/scoped-db.service';
import { JobHandler } from '../jobs/job-handler';
import { alleGebieden } from './rapportage-gebied';
import { GebiedService } from '../gebied/gebied.service';
import { RapportageInhoudService, type AlsEigenaar } from './rapportage-inhoud.service';
import { RapportageOpslag, type Formaat, type TeBewarenRapportage } from './rapportage-opslag.service';
import { RapportageQueue, type GebiedJobData, type PlannerJobData } from './rapportage-queue.service';
import { renderCsv } from './rapportage-csv';
import { renderXlsx } from './rapportage-xlsx';
import { renderHtml } from './rapportage-html';
import { PdfRenderer } from './pdf-renderer.service';
import type { RapportageInhoud } from './rapportage-inhoud';

export const RAPPORT_ACTIELIJNEN = [...ACTIELIJN_CODES, 'ALLE'] as const;

/**
 * The report jobs. `kwartaalrapportage.gebied` builds the reports of one area (per actielijn and
 * combined) from one consistent read of the data, renders every file, and stores everything in
 * one transaction keyed by the job, so a retry after a crash stores nothing twice.
 */
@Injectable()
export class RapportageJobs {
  private readonly logger = new Logger(RapportageJobs.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly inhoud: RapportageInhoudService,
    private readonly opslag: RapportageOpslag,
    private readonly pdf: PdfRenderer,
    private readonly queue: RapportageQueue,
    private readonly gebieden: GebiedService,
  ) {}

  @JobHandler('kwartaalrapportage.planner')
  async plan(job: Job<PlannerJobData>): Promise<{ kwartaal: string; gebieden: number; flow: string }> {
    // The scheduler fires N days after a quarter ends: the report is about that ended quarter.
    const kwartaal = job.data.kwartaal ?? formatKwartaal(vorigKwartaal(kwartaalVanDatum(vandaagInAmsterdam(new Date()))));
    parseKwartaal(kwartaal);
    const gebieden = await this.db.publiek((m) => alleGebieden(m, { provincies: job.data.provincies }));
    const aanleiding = job.data.provincies?.length ? `gepland-${job.data.provincies.join('-')}` : 'gepland';
    const flow = await this.queue.startKwartaalFlow(kwartaal, gebieden, aanleiding);
    this.logger.log(`quarterly run ${kwartaal}: ${gebieden.length} areas queued`);
    return { kwartaal, gebieden: gebieden.length, flow };
  }

  @JobHandler('kwartaalrapportage.gebied')
  async maakGebied(job: Job<GebiedJobData>): Promise<{ rapportages: string[]; nieuw: boolean; ms: Record<string, number> }> {
    const { soort, code, kwartaal } = job.data;
    const k = parseKwartaal(kwartaal);
    const gebied = await this.gebieden.opzoeken(soort, code);
    if (!gebied) throw new Error(`unknown area ${soort} ${code}`);

    // One consistent cut-off for every figure of this area: ONE read-only REPEATABLE READ
    // transaction under the app role (RLS applies), acting as the system with Rijk's scope.
    const t0 = Date.now();
    const systeem = await this.db.systeemContext('kwartaalrapportage');
    const eigenaar = soort === 'GEMEENTE' ? await this.eigenaarContext(gebied.code) : null;
    const { peilmoment, inhouden } = await this.db.snapshot(systeem, async (m) => {
      const [{ nu }] = await m.query('SELECT now() AS nu');
      // the gemeente's exact variant: read as the gemeente, in this same transaction (same cut-off)
      const alsEigenaar: AlsEigenaar | null = eigenaar
        ? (werk) => this.db.alsInSnapshot(m, eigenaar, systeem, () => werk(m, eigenaar))
        : null;
      const cijfers = await this.inhoud.verzamel(m, gebied, k, systeem, alsEigenaar);
      return { peilmoment: nu as Date, inhouden: RAPPORT_ACTIELIJNEN.map((a) => this.inhoud.voorActielijn(cijfers, a)) };
    });
    const t1 = Date.now();
    await job.updateProgress(30);

    const rapportages: TeBewarenRapportage[] = [];
    let klaar = 0;
    for (const { actielijn, gedeeld, zonderAfspraken, intern } of inhouden) {
      const bestanden: TeBewarenRapportage['bestanden'] = [];
      for (const [variant, r] of [['GEDEELD', gedeeld], ['ZONDER_AFSPRAKEN', zonderAfspraken], ['INTERN', intern]] as const) {
        if (!r) continue;
        bestanden.push(...(await this.render(r)).map((b) => ({ ...b, variant })));
      }
      rapportages.push({ actielijn, gedeeld, intern: intern ?? undefined, bestanden });
      await job.updateProgress(30 + Math.round((60 * ++klaar) / inhouden.length));
    }

    const t2 = Date.now();
    const resultaat = await this.opslag.bewaar(
      {
        gebied,
        jaar: k.jaar,
        kwartaal: k.nummer,
        peilmoment,
        aangevraagdDoor: job.data.aangevraagdDoor,
        aangevraagdDoorOrganisatieId: job.data.organisatieId,
        jobSleutel: `${job.id}:${job.timestamp}`,
      },
      rapportages,
    );
    await job.updateProgress(100);
    // timings in the job result: operators (and bench/rapportage-bench.mjs) see where time goes
    return { rapportages: resultaat.ids, nieuw: resultaat.nieuw, ms: { cijfers: t1 - t0, bestanden: t2 - t1, opslag: Date.now() - t2 } };
  }

  /**
   * The gemeente's own context, for the exact (INTERN) variant of its report: the owner of every
   * figure of its area. No gemeente organisation, no reader for an INTERN variant: none is made.
   */
  private async eigenaarContext(gemeenteCode: string): Promise<RequestContext | null> {
    const [org] = await this.db.publiek((m) =>
      m.query(`SELECT id, code, naam FROM organisatie WHERE soort = 'GEMEENTE' AND gemeente_code = $1 AND actief ORDER BY code LIMIT 1`, [gemeenteCode]),
    );
    if (!org) return null;
    return new RequestContext(
      {
        sub: 'systeem:kwartaalrapportage',
        gebruikersnaam: 'systeem',
        naam: 'Thuismonitor kwartaalrapportage',
        organisatieCode: org.code,
        rollen: ['lezen'],
        organisatie: { id: org.id, code: org.code, soort: 'GEMEENTE', naam: org.naam, gemeenten: [gemeenteCode] },
      },
      'kwartaalrapportage',
    );
  }

  private async render(r: RapportageInhoud): Promise<{ formaat: Formaat; inhoud: Buffer }[]> {
    return [
      { formaat: 'CSV', inhoud: renderCsv(r) },
      { formaat: 'XLSX', inhoud: await renderXlsx(r) },
      { formaat: 'PDF', inhoud: await this.pdf.render(renderHtml(r)) },
    ];
  }
}
