import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { kwartaalVanDatum, parseKwartaal, formatKwartaal, vorigKwartaal } from '@thuismonitor/domain';
import { RequestContext } from '@thuismonitor/auth';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { JobHandler } from '../jobs/job-handler';
import { alleGebieden, leesGemeenteOrganisatie, leesNu, leesVolgendeVersie } from './rapportage.repository';
import { GebiedService } from '../gebied';
import { RapportageInhoudService, type AlsEigenaar } from './rapportage-inhoud.service';
import { rapportageVoorActielijn } from './rapportage-opbouw';
import { RapportageOpslag } from './rapportage-opslag.service';
import { RapportageQueue, type GebiedJobData, type PlannerJobData } from './rapportage-queue.service';
import { PdfRenderer } from './pdf-renderer.service';
import {
  alsOpgeslagen,
  renderBestanden,
  type OpgeslagenRapportage,
  type RenderTijden,
} from './rapportage-bestanden';

/**
 * One report per area and quarter: all actielijnen in one (a section per actielijn), so one PDF
 * per area and variant instead of one per actielijn (issue 11). Earlier per-actielijn reports stay
 * readable as they were stored.
 */
export const RAPPORT_ACTIELIJN = 'ALLE';

/**
 * The report jobs. `kwartaalrapportage.gebied` builds the report of one area (every actielijn in
 * one) from one consistent read of the data, renders every file, and stores everything in
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
    private readonly klok: Klok,
  ) {}

  @JobHandler('kwartaalrapportage.planner')
  async plan(job: Job<PlannerJobData>): Promise<{ kwartaal: string; gebieden: number; flow: string }> {
    // The scheduler fires N days after a quarter ends: the report is about that ended quarter.
    const kwartaal =
      job.data.kwartaal ?? formatKwartaal(vorigKwartaal(kwartaalVanDatum(this.klok.vandaag())));
    parseKwartaal(kwartaal);
    const gebieden = await this.db.publiek((m) => alleGebieden(m, { provincies: job.data.provincies }));
    const aanleiding = job.data.provincies?.length ? `gepland-${job.data.provincies.join('-')}` : 'gepland';
    const flow = await this.queue.startKwartaalFlow(kwartaal, gebieden, aanleiding);
    this.logger.log(`quarterly run ${kwartaal}: ${gebieden.length} areas queued`);
    return { kwartaal, gebieden: gebieden.length, flow };
  }

  @JobHandler('kwartaalrapportage.gebied')
  async maakGebied(
    job: Job<GebiedJobData>,
  ): Promise<{ rapportages: string[]; nieuw: boolean; soort: string; ms: Record<string, number> }> {
    const { soort, code, kwartaal } = job.data;
    const k = parseKwartaal(kwartaal);
    const gebied = await this.gebieden.opzoeken(soort, code);
    if (!gebied) throw new Error(`unknown area ${soort} ${code}`);

    // One consistent cut-off for every figure of this area: ONE read-only REPEATABLE READ
    // transaction under the app role (RLS applies), acting as the system with Rijk's scope.
    const t0 = Date.now();
    const systeem = await this.db.systeemContext('kwartaalrapportage');
    const eigenaar =
      soort === 'GEMEENTE'
        ? await this.eigenaarContext(
            gebied.code,
            (await this.gebieden.voorgangersMetDatum(gebied.code)).map((v) => v.code),
          )
        : null;
    let sqlMs = 0;
    const { peilmoment, versie, inhoud } = await this.db.snapshot(systeem, async (m) => {
      // time spent waiting on Postgres, apart from computing (the bench's per-phase breakdown):
      // measured on the transaction's query runner, which m.query and the typed layer's voerUit
      // both go through
      const runner = m.queryRunner!;
      const query = runner.query;
      runner.query = (async (...args: Parameters<typeof query>) => {
        const t = Date.now();
        try {
          return await query.apply(runner, args);
        } finally {
          sqlMs += Date.now() - t;
        }
      }) as typeof runner.query;
      try {
        const nu = await leesNu(m);
        // the version these files will say they are; bewaar() checks it under its lock
        const volgende = await leesVolgendeVersie(m, {
          soort: gebied.soort,
          code: gebied.code,
          jaar: k.jaar,
          kwartaal: k.nummer,
          actielijn: RAPPORT_ACTIELIJN,
        });
        // the gemeente's exact variant: read as the gemeente, in this same transaction (same cut-off)
        const alsEigenaar: AlsEigenaar | null = eigenaar
          ? (werk) => this.db.alsInSnapshot(m, eigenaar, systeem, () => werk(m, eigenaar))
          : null;
        const cijfers = await this.inhoud.verzamel(m, gebied, k, systeem, alsEigenaar);
        return {
          peilmoment: nu,
          versie: volgende,
          inhoud: rapportageVoorActielijn(cijfers, RAPPORT_ACTIELIJN),
        };
      } finally {
        // COMMIT is not the report's SQL
        runner.query = query;
      }
    });
    const t1 = Date.now();
    await job.updateProgress(30);

    // Files are rendered from the stored form of the content (the JSON that goes into the
    // database), with the metadata the row will carry: re-rendering later gives the same figures.
    const opgeslagen: OpgeslagenRapportage = alsOpgeslagen({
      gedeeld: inhoud.gedeeld,
      intern: inhoud.intern,
    });
    const tijden: RenderTijden = {};
    const bestanden = await renderBestanden(
      opgeslagen,
      { versie, peilmoment: peilmoment.toISOString(), aangevraagdDoor: job.data.aangevraagdDoor },
      this.pdf,
      tijden,
    );
    await job.updateProgress(90);

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
        versie,
      },
      [
        {
          actielijn: RAPPORT_ACTIELIJN,
          gedeeld: opgeslagen.gedeeld,
          intern: opgeslagen.intern ?? undefined,
          bestanden,
        },
      ],
    );
    await job.updateProgress(100);
    // timings in the job result: operators (and bench/rapportage-bench.mjs) see where time goes
    return {
      rapportages: resultaat.ids,
      nieuw: resultaat.nieuw,
      soort,
      ms: {
        cijfers: t1 - t0,
        sql: sqlMs,
        bestanden: t2 - t1,
        ...tijden,
        opslag: Date.now() - t2,
        job: Date.now() - t0,
      },
    };
  }

  /**
   * The gemeente's own context, for the exact (INTERN) variant of its report: the owner of every
   * figure of its area. No gemeente organisation, no reader for an INTERN variant: none is made.
   */
  private async eigenaarContext(gemeenteCode: string, voorgangers: string[]): Promise<RequestContext | null> {
    const org = await this.db.publiek((m) => leesGemeenteOrganisatie(m, gemeenteCode));
    if (!org) return null;
    return new RequestContext(
      {
        sub: 'systeem:kwartaalrapportage',
        gebruikersnaam: 'systeem',
        naam: 'Thuismonitor kwartaalrapportage',
        organisatieCode: org.code,
        rollen: ['lezen'],
        organisatie: {
          id: org.id,
          code: org.code,
          soort: 'GEMEENTE',
          naam: org.naam,
          gemeenten: [gemeenteCode],
          // the successor reads the history of the gemeenten merged into it (gemeenteScope)
          voorgangers,
        },
      },
      'kwartaalrapportage',
    );
  }
}
