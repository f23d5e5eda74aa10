import { Injectable, Logger } from '@nestjs/common';
import { RequestContext, type Principal } from '@thuismonitor/auth';
import { ScopedDb } from '../database/scoped-db.service';

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
      .transaction(new RequestContext(principal, 'aanmelding'), (m) =>
        m.query(
          `INSERT INTO gebruiker_aanmelding (organisatie_id, gebruiker_sub, gebruikersnaam, naam, rollen)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (organisatie_id, gebruiker_sub) DO UPDATE
             SET gebruikersnaam = excluded.gebruikersnaam, naam = excluded.naam, rollen = excluded.rollen,
                 laatste_aanmelding = now()`,
          [
            principal.organisatie.id,
            principal.sub,
            principal.gebruikersnaam,
            principal.naam,
            principal.rollen,
          ],
        ),
      )
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
    return this.db.transaction(ctx, (m) =>
      m.query(
        `SELECT coalesce(a.gebruikersnaam, g.gebruikersnaam) AS gebruikersnaam, coalesce(a.naam, g.naam) AS naam,
                coalesce(a.rollen, g.rollen) AS rollen, a.eerste_aanmelding AS "eersteAanmelding",
                a.laatste_aanmelding AS "laatsteAanmelding", g.id IS NOT NULL AS geregistreerd
         FROM (SELECT * FROM gebruiker_aanmelding WHERE organisatie_id = $1) a
         FULL JOIN (SELECT * FROM organisatie_gebruiker WHERE organisatie_id = $1 AND actief) g
           ON g.gebruikersnaam = a.gebruikersnaam
         ORDER BY 1`,
        [ctx.organisatieId],
      ),
    );
  }
}
