import { Injectable, Logger } from '@nestjs/common';
import { RequestContext, type Principal } from '@thuismonitor/auth';
import { ScopedDb } from '../database/scoped-db.service';
import { leesAanmeldingen, noteerAanmelding } from './organisatie.repository';

const INTERVAL_MS = 10 * 60_000;

export interface AanmeldingRij {
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  eersteAanmelding: Date | null;
  laatsteAanmelding: Date | null;
  geregistreerd: boolean;
}

/**
 * Notes who signs in for an organisation (gebruiker_aanmelding), so the organisation's own
 * beheerder sees its users and their roles without Thuismonitor holding admin rights in Keycloak.
 * Written as that user (their own request context, row-level security on the organisation), at
 * most once per user per ten minutes per API instance; a failure is logged and never blocks the
 * request.
 */
@Injectable()
export class AanmeldingService {
  private readonly logger = new Logger(AanmeldingService.name);
  private readonly gezien = new Map<string, number>();

  constructor(private readonly db: ScopedDb) {}

  noteer(principal: Principal): void {
    const sleutel = `${principal.organisatie.id}:${principal.sub}`;
    const nu = Date.now();
    if ((this.gezien.get(sleutel) ?? 0) > nu - INTERVAL_MS) return;
    this.gezien.set(sleutel, nu);
    if (this.gezien.size > 50_000) this.gezien.clear();
    void this.db
      .transaction(new RequestContext(principal, 'aanmelding'), (m) => noteerAanmelding(m, principal))
      .catch((err: Error) => {
        this.gezien.delete(sleutel);
        this.logger.warn(`sign-in not noted for ${principal.gebruikersnaam}: ${err.message}`);
      });
  }

  /**
   * The organisation's users: everyone who signed in (roles as in their last token) and everyone
   * the platform operator registered who has not signed in yet.
   */
  overzicht(ctx: RequestContext): Promise<AanmeldingRij[]> {
    return this.db.transaction(ctx, (m) => leesAanmeldingen(m, ctx.organisatieId));
  }
}
