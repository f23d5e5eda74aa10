import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, magTaakstellingStellen, type RequestContext } from '@thuismonitor/auth';
import { controleerTaakstelling, halfjaarVanPeriode, indicatorOpCode } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import type { GebiedInput } from '../gebied';
import { periodeUitInvoer } from './taakstelling-periode';
import {
  nietMeerActueel,
  taakstellingen,
  taakstellingMetId,
  voegTaakstellingToe,
  vorigeTaakstelling,
  type TaakstellingRij,
  type TaakstellingSleutel,
} from './taakstelling.repository';
import type { StelTaakstellingInput, Taakstelling } from './taakstelling.types';

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
        const sleutel: TaakstellingSleutel = {
          indicatorCode: indicator.code,
          gebiedSoort: gebied.soort,
          gebiedCode: gebied.code,
          van: periode.van,
          tot: periode.tot,
          gesteldDoorId: ctx.organisatieId,
        };
        const vorige = await vorigeTaakstelling(m, sleutel);
        if (vorige) {
          await nietMeerActueel(m, vorige.id);
        }
        const id = await voegTaakstellingToe(m, sleutel, {
          waarde: invoer.waarde,
          toelichting,
          vervangtId: vorige?.id ?? null,
        });
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
        const rij = await taakstellingMetId(m, id);
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
      const rijen = await taakstellingen(m, gebied, indicatorCode ?? null, metGeschiedenis);
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
