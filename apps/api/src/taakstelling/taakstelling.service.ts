import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, magTaakstellingStellen, type RequestContext } from '@thuismonitor/auth';
import { controleerTaakstelling, halfjaarVanPeriode, indicatorOpCode } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied/gebied.service';
import type { GebiedInput } from '../gebied/gebied.types';
import { periodeUitInvoer } from './taakstelling-periode';
import type { StelTaakstellingInput, Taakstelling } from './taakstelling.types';

interface TaakstellingRij {
  id: string;
  indicator_code: string;
  gebied_soort: Taakstelling['gebied']['soort'];
  gebied_code: string;
  periode_van: string;
  periode_tot: string;
  waarde: string;
  toelichting: string | null;
  actueel: boolean;
  vervangt_id: string | null;
  aangemaakt_op: Date;
  org_id: string;
  org_code: string;
  org_naam: string;
  org_soort: string;
}

const SELECT = `
  SELECT t.id, t.indicator_code, t.gebied_soort, t.gebied_code, to_char(t.periode_van, 'YYYY-MM-DD') AS periode_van,
         to_char(t.periode_tot, 'YYYY-MM-DD') AS periode_tot, t.waarde, t.toelichting, t.actueel, t.vervangt_id,
         t.aangemaakt_op, o.id AS org_id, o.code AS org_code, o.naam AS org_naam, o.soort AS org_soort
  FROM taakstelling t JOIN organisatie o ON o.id = t.gesteld_door_id`;

@Injectable()
export class TaakstellingService {
  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sets (or changes) a target. A change keeps history: the earlier row of the same setter for the
   * same indicator, area and period stays, with actueel = false, and the new row points at it.
   */
  async stel(ctx: RequestContext, invoer: StelTaakstellingInput): Promise<Taakstelling> {
    const periode = periodeUitInvoer(invoer);
    const indicator = indicatorOpCode(invoer.indicatorCode);
    const gebied = await this.gebieden.opzoeken(invoer.gebied.soort, invoer.gebied.code);
    if (!gebied) throw nietGevonden('Het gebied');
    if (!magTaakstellingStellen(ctx.principal, gebied, indicator.code)) {
      throw geenToegang('Uw organisatie stelt geen taakstelling voor dit gebied en deze indicator.');
    }
    controleerTaakstelling({
      indicatorCode: indicator.code,
      gebiedSoort: gebied.soort,
      periode,
      waarde: invoer.waarde,
    });
    const toelichting = invoer.toelichting?.trim() || null;

    try {
      return await this.db.transaction(ctx, async (m) => {
        const [vorige] = await m.query(
          `SELECT id, waarde, toelichting FROM taakstelling
           WHERE actueel AND indicator_code = $1 AND gebied_soort = $2 AND gebied_code = $3
             AND periode_van = $4 AND periode_tot = $5 AND gesteld_door_id = $6
           FOR UPDATE`,
          [indicator.code, gebied.soort, gebied.code, periode.van, periode.tot, ctx.organisatieId],
        );
        if (vorige) {
          await m.query(`UPDATE taakstelling SET actueel = false WHERE id = $1`, [vorige.id]);
        }
        const [{ id }] = await m.query(
          `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde,
                                     gesteld_door_id, toelichting, vervangt_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            indicator.code,
            gebied.soort,
            gebied.code,
            periode.van,
            periode.tot,
            invoer.waarde,
            ctx.organisatieId,
            toelichting,
            vorige?.id ?? null,
          ],
        );
        await this.audit.schrijf(m, ctx, {
          actie: vorige ? 'WIJZIG_TAAKSTELLING' : 'STEL_TAAKSTELLING',
          entiteit: 'taakstelling',
          entiteitId: id,
          gemeenteCode: gebied.soort === 'GEMEENTE' ? gebied.code : null,
          voor: vorige
            ? { id: vorige.id, waarde: Number(vorige.waarde), toelichting: vorige.toelichting }
            : null,
          na: {
            indicatorCode: indicator.code,
            gebied: { soort: gebied.soort, code: gebied.code },
            periode,
            waarde: invoer.waarde,
            toelichting,
          },
        });
        const [rij] = await m.query(`${SELECT} WHERE t.id = $1`, [id]);
        return this.naarTaakstelling(rij, gebied.naam);
      });
    } catch (err) {
      // two requests setting the same target at once: the unique index lets one win
      if ((err as { code?: string }).code === '23505') {
        throw conflict('Deze taakstelling werd tegelijk door iemand anders gewijzigd. Probeer het opnieuw.');
      }
      throw err;
    }
  }

  /** Targets of one area (newest period first), optionally with replaced values. */
  async lijst(
    ctx: RequestContext,
    gebiedInvoer: GebiedInput,
    indicatorCode: string | undefined,
    metGeschiedenis: boolean,
  ): Promise<Taakstelling[]> {
    const gebied = await this.gebieden.opzoeken(gebiedInvoer.soort, gebiedInvoer.code);
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, async (m: EntityManager) => {
      const rijen: TaakstellingRij[] = await m.query(
        `${SELECT} WHERE t.gebied_soort = $1 AND t.gebied_code = $2 AND ($3::text IS NULL OR t.indicator_code = $3)
           AND (t.actueel OR $4) ORDER BY t.periode_van DESC, t.indicator_code, t.aangemaakt_op DESC`,
        [gebied.soort, gebied.code, indicatorCode ?? null, metGeschiedenis],
      );
      return rijen.map((r) => this.naarTaakstelling(r, gebied.naam));
    });
  }

  private naarTaakstelling(r: TaakstellingRij, gebiedNaam: string): Taakstelling {
    const periode = { van: r.periode_van, tot: r.periode_tot };
    return {
      id: r.id,
      indicatorCode: r.indicator_code,
      indicatorNaam: indicatorOpCode(r.indicator_code).naam,
      gebied: { soort: r.gebied_soort, code: r.gebied_code, naam: gebiedNaam },
      periode,
      halfjaar: halfjaarVanPeriode(periode) ?? null,
      waarde: Number(r.waarde),
      toelichting: r.toelichting,
      actueel: r.actueel,
      vervangtId: r.vervangt_id,
      gesteldDoor: { id: r.org_id, code: r.org_code, naam: r.org_naam, soort: r.org_soort },
      aangemaaktOp: r.aangemaakt_op,
    };
  }
}
