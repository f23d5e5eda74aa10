import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magOverlegZien, type RequestContext } from '@thuismonitor/auth';
import {
  geschilOnderwerpLabel,
  geschilRegistratieFouten,
  geschilStatusFouten,
  geschilStatusLabel,
  type GeschilStatus,
} from '@thuismonitor/domain';
import { conflict, nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import type { Organisatie } from '../organisatie';
import { leesZichtbaar } from '../prestatieafspraak';
import { PrestatieafspraakAudit } from '../prestatieafspraak';
import { type PaRij } from '../prestatieafspraak';
import {
  leesGeschil,
  leesGeschillen,
  voegGeschilToe,
  werkGeschilBij,
  type GeschilRij,
} from './evaluatie.repository';
import { isUuid } from '../common/id';
import { Klok } from '../common/klok';
import { RegimeService } from '../volkshuisvesting';
import type { Geschil, NieuwGeschilInput } from './evaluatie.types';

/**
 * Geschillen about a prestatieafspraak: a party registers one (subject, the request's date inside
 * the window, description) and keeps its status and outcome up to date. Parties only; the rule
 * for the window and the subject is the domain's geschilRegistratieFouten under geschilRegimeOp.
 */
@Injectable()
export class GeschilService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: PrestatieafspraakAudit,
    private readonly organisaties: OrganisatieService,
    private readonly regimes: RegimeService,
    private readonly klok: Klok,
  ) {}

  async lijst(ctx: RequestContext, prestatieafspraakId: string): Promise<Geschil[]> {
    return this.db.transaction(ctx, async (m) => {
      const pa = await this.alsPartij(m, ctx, prestatieafspraakId);
      return this.bouw(m, await leesGeschillen(m, pa.id));
    });
  }

  async registreer(ctx: RequestContext, invoer: NieuwGeschilInput): Promise<Geschil> {
    return this.db.transaction(ctx, async (m) => {
      const pa = await this.alsPartij(m, ctx, invoer.prestatieafspraakId);
      const fouten = geschilRegistratieFouten({
        ingediendOp: invoer.ingediendOp,
        vandaag: this.klok.vandaag(),
        onderwerp: invoer.onderwerp,
        omschrijving: invoer.omschrijving,
        // subjects and window from the regime in force on the request's date (reference data)
        regimes: await this.regimes.regimesIn(m),
      });
      if (fouten.length)
        throw ongeldig('Het geschil is niet geregistreerd: controleer de gemarkeerde velden.', fouten);
      const rij = await voegGeschilToe(m, {
        paId: pa.id,
        onderwerp: invoer.onderwerp,
        omschrijving: invoer.omschrijving.trim(),
        ingediendOp: invoer.ingediendOp,
        door: ctx.organisatieId,
      });
      await this.audit.schrijf(m, ctx, pa, 'GESCHIL_GEREGISTREERD', null, {
        geschilId: rij.id,
        onderwerp: rij.onderwerp,
        ingediendOp: rij.ingediendOp,
      });
      return (await this.bouw(m, [rij]))[0];
    });
  }

  async werkBij(
    ctx: RequestContext,
    id: string,
    versie: number,
    status: GeschilStatus,
    uitkomst?: string | null,
  ): Promise<Geschil> {
    return this.db.transaction(ctx, async (m) => {
      let oud = isUuid(id) ? await leesGeschil(m, id) : undefined;
      if (!oud) throw nietGevonden('Het geschil');
      // lock an open geschil (RLS lets parties lock only those); a closed one is refused below
      if (oud.status === 'INGEDIEND' || oud.status === 'IN_BEHANDELING')
        oud = (await leesGeschil(m, oud.id, true)) ?? oud;
      const pa = await this.alsPartij(m, ctx, oud.prestatieafspraakId);
      if (oud.versie !== versie)
        throw conflict(
          'Iemand anders heeft dit geschil intussen bijgewerkt. Laad de nieuwste stand en probeer het opnieuw.',
        );
      const fouten = geschilStatusFouten(oud.status, status, uitkomst);
      if (fouten.length) throw ongeldig(fouten[0].melding, fouten);
      const rij = await werkGeschilBij(m, oud.id, status, uitkomst?.trim() || null);
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'GESCHIL_BIJGEWERKT',
        { geschilId: oud.id, status: oud.status },
        { status, uitkomst: rij.uitkomst },
      );
      return (await this.bouw(m, [rij]))[0];
    });
  }

  private async alsPartij(m: EntityManager, ctx: RequestContext, id: string): Promise<PaRij> {
    const pa = await leesZichtbaar(m, ctx, id);
    if (!magOverlegZien(ctx.principal, pa)) throw nietGevonden('De prestatieafspraak');
    return pa;
  }

  private async bouw(m: EntityManager, rijen: GeschilRij[]): Promise<Geschil[]> {
    const ids = [...new Set(rijen.map((r) => r.ingediendDoorId))];
    const orgs = new Map((ids.length ? await this.organisaties.opIds(ids, m) : []).map((o) => [o.id, o]));
    return rijen.map((r) => ({
      ...r,
      onderwerpLabel: geschilOnderwerpLabel(r.onderwerp),
      statusLabel: geschilStatusLabel(r.status),
      ingediendDoor: orgs.get(r.ingediendDoorId) as Organisatie,
    }));
  }
}
