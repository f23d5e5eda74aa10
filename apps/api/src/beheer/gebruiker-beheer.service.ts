import { Injectable } from '@nestjs/common';
import { isRol, ROLLEN, type RequestContext, type Rol } from '@thuismonitor/auth';
import { AuditService } from '../audit/audit.service';
import { conflict, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { ScopedDb } from '../database/scoped-db.service';
import { DEMO_ACCOUNTS } from '../demo';
import { BeheerSchrijver } from './beheer-schrijver';
import {
  deactiveerGebruikerRij,
  gebruikersnaamBestaat,
  leesGebruiker,
  leesGebruikerVoorUpdate,
  voegGebruikerToe,
} from './beheer-gebruiker.repository';
import type { BeheerGebruiker, GebruikerNieuwInput } from './beheer.types';

/** The platform operator registers and deactivates an organisation's users (issue 13). */
@Injectable()
export class GebruikerBeheerService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly schrijver: BeheerSchrijver,
  ) {}

  /**
   * Registers a user for an organisation: who should exist in Keycloak with attribute
   * `organisatie` = the organisation's code and these client roles of thuismonitor-api
   * (docs/onboarding.md). With the development login (DEV_OIDC=true) the user can sign in at once.
   */
  async maakGebruiker(
    ctx: RequestContext,
    organisatieId: string,
    input: GebruikerNieuwInput,
  ): Promise<BeheerGebruiker> {
    if (!isUuid(organisatieId)) throw nietGevonden('De organisatie');
    const gebruikersnaam = input.gebruikersnaam.trim().toLowerCase();
    const fouten: { veld: string; melding: string }[] = [];
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(gebruikersnaam)) {
      fouten.push({
        veld: 'gebruikersnaam',
        melding: '3 tot 64 tekens: kleine letters, cijfers, punt, streepje of liggend streepje',
      });
    }
    const naam = input.naam.trim().replace(/\s+/g, ' ');
    if (naam.length < 2 || naam.length > 200)
      fouten.push({ veld: 'naam', melding: 'Vul de naam in (2 tot 200 tekens)' });
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      fouten.push({ veld: 'email', melding: 'Geen geldig e-mailadres' });
    }
    const onbekend = input.rollen.filter((r) => !isRol(r));
    if (onbekend.length) fouten.push({ veld: 'rollen', melding: `Onbekende rol: ${onbekend.join(', ')}` });
    const rollen: Rol[] = ROLLEN.filter((r) => r === 'lezen' || input.rollen.includes(r));
    if (fouten.length)
      throw ongeldig('De gebruiker is niet opgeslagen: controleer de gemarkeerde velden.', fouten);

    const id = await this.schrijver.schrijf(ctx, async (m) => {
      const org = await this.schrijver.lees(m, organisatieId, { voorUpdate: true });
      if (!org) throw nietGevonden('De organisatie');
      if (!org.actief) throw ongeldig('Deze organisatie is gedeactiveerd; heractiveer haar eerst.');
      if (rollen.includes('platformbeheer') && org.soort !== 'RIJK') {
        throw ongeldig('De rol platformbeheer bestaat alleen binnen het Rijk (BZK).', [
          { veld: 'rollen', melding: 'Niet toegestaan voor deze organisatie' },
        ]);
      }
      const bestaand = await gebruikersnaamBestaat(m, gebruikersnaam);
      if (bestaand || DEMO_ACCOUNTS.some((a) => a.username === gebruikersnaam)) {
        throw conflict(`De gebruikersnaam ${gebruikersnaam} is al in gebruik.`);
      }
      const id = await voegGebruikerToe(m, { organisatieId, gebruikersnaam, naam, email, rollen });
      await this.audit.schrijf(m, ctx, {
        actie: 'CREATE_GEBRUIKER',
        entiteit: 'organisatie',
        entiteitId: organisatieId,
        voor: null,
        na: { gebruiker: { id, gebruikersnaam, rollen } },
      });
      return id;
    });
    return (await this.db.transaction(ctx, (m) => leesGebruiker(m, id))) as BeheerGebruiker;
  }

  async deactiveerGebruiker(ctx: RequestContext, gebruikerId: string): Promise<BeheerGebruiker> {
    if (!isUuid(gebruikerId)) throw nietGevonden('De gebruiker');
    await this.schrijver.schrijf(ctx, async (m) => {
      const g = await leesGebruikerVoorUpdate(m, gebruikerId);
      if (!g) throw nietGevonden('De gebruiker');
      if (!g.actief) return;
      await deactiveerGebruikerRij(m, gebruikerId);
      await this.audit.schrijf(m, ctx, {
        actie: 'DEACTIVEER_GEBRUIKER',
        entiteit: 'organisatie',
        entiteitId: g.organisatieId,
        voor: { gebruiker: { id: g.id, gebruikersnaam: g.gebruikersnaam, actief: true } },
        na: { gebruiker: { id: g.id, gebruikersnaam: g.gebruikersnaam, actief: false } },
      });
    });
    return (await this.db.transaction(ctx, (m) => leesGebruiker(m, gebruikerId))) as BeheerGebruiker;
  }
}
