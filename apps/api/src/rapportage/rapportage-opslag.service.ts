import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ScopedDb } from '../database/scoped-db.service';
import type { RapportageGebied } from './rapportage-gebied';
import type { RapportageInhoud, RapportageVariant } from './rapportage-inhoud';
import {
  leesIdsVanJob,
  leesVolgendeVersie,
  vergrendel,
  voegBestandToe,
  voegInternToe,
  voegRapportageToe,
} from './rapportage.repository';

export type Formaat = 'CSV' | 'XLSX' | 'PDF';
export const MIME: Record<Formaat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
};

export interface TeBewarenRapportage {
  actielijn: string;
  gedeeld: RapportageInhoud;
  /** exact variant, only when it differs from the shared one (gemeente reports with small cells); stored apart */
  intern?: RapportageInhoud;
  bestanden: { formaat: Formaat; variant: RapportageVariant; inhoud: Buffer }[];
}

export interface RapportageMeta {
  gebied: RapportageGebied;
  jaar: number;
  kwartaal: number;
  peilmoment: Date;
  aangevraagdDoor: string;
  aangevraagdDoorOrganisatieId: string | null;
  /** BullMQ job id + timestamp: identifies one logical request across retries */
  jobSleutel: string;
  /** the version the files were rendered with (they say it on their first page) */
  versie: number;
}

/**
 * Writes the reports of one area in one transaction, through ScopedDb's job path: the app role
 * with the system's (Rijk's) scope and tm.taak = 'kwartaalrapportage', the only setting under which
 * RLS lets the app role insert reports (requests can never; nothing can update or delete them).
 * Idempotent per job: a retried job that already committed gets its earlier rows
 * back, so a killed worker never produces a second version for the same request.
 */
@Injectable()
export class RapportageOpslag {
  constructor(private readonly db: ScopedDb) {}

  async bewaar(
    meta: RapportageMeta,
    rapportages: TeBewarenRapportage[],
  ): Promise<{ ids: string[]; nieuw: boolean }> {
    const systeem = await this.db.systeemContext('kwartaalrapportage');
    return this.db.jobTransaction('kwartaalrapportage', systeem, async (m) => {
      const g = meta.gebied;
      // Serialise versions per area and quarter (two requests for the same area at once).
      await vergrendel(m, `rapport:${g.soort}:${g.code}:${meta.jaar}:${meta.kwartaal}`);
      const bestaand = await leesIdsVanJob(m, meta.jobSleutel);
      if (bestaand.length) return { ids: bestaand, nieuw: false };

      const ids: string[] = [];
      for (const r of rapportages) {
        const volgende = await leesVolgendeVersie(m, {
          soort: g.soort,
          code: g.code,
          jaar: meta.jaar,
          kwartaal: meta.kwartaal,
          actielijn: r.actielijn,
        });
        // another request stored a version while this one rendered: its files would name the
        // wrong version; fail, and the job's retry renders again with the right one
        if (volgende !== meta.versie) {
          throw new Error(
            `report ${g.soort} ${g.code} ${meta.jaar}-Q${meta.kwartaal}: rendered as version ${meta.versie}, next is ${volgende}`,
          );
        }
        const id = await voegRapportageToe(m, {
          gebied: g,
          jaar: meta.jaar,
          kwartaal: meta.kwartaal,
          actielijn: r.actielijn,
          versie: meta.versie,
          peilmoment: meta.peilmoment,
          aangevraagdDoor: meta.aangevraagdDoor,
          aangevraagdDoorOrganisatieId: meta.aangevraagdDoorOrganisatieId,
          jobSleutel: meta.jobSleutel,
          snapshot: JSON.stringify({ gedeeld: r.gedeeld }),
        });
        // the exact content: only in the table the owning gemeente alone can read (migration 1765100000000)
        if (r.intern) await voegInternToe(m, id, JSON.stringify(r.intern));
        for (const b of r.bestanden) {
          await voegBestandToe(m, {
            rapportageId: id,
            formaat: b.formaat,
            variant: b.variant,
            mime: MIME[b.formaat],
            inhoud: b.inhoud,
            sha256: createHash('sha256').update(b.inhoud).digest('hex'),
          });
        }
        ids.push(id);
      }
      return { ids, nieuw: true };
    });
  }
}
