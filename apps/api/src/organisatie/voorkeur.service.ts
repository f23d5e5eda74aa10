import { Injectable } from '@nestjs/common';
import { binnenScope, gemeenteScope, type RequestContext } from '@thuismonitor/auth';
import { AuditService } from '../audit/audit.service';
import { ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { gemeenteBestaat, leesStandaardGemeente, zetStandaardGemeente } from './organisatie.repository';

/**
 * Per-user choices (issue 13, point 5): the gemeente a user lands on. Stored per organisation and
 * token subject; only a gemeente inside the user's own scope (werkgebied, provincie, own gemeente)
 * can be chosen, so the choice never widens what anyone sees: it only picks the default view.
 */
@Injectable()
export class VoorkeurService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
  ) {}

  async standaardGemeente(ctx: RequestContext): Promise<string | null> {
    const rij = await this.db.transaction(ctx, (m) =>
      leesStandaardGemeente(m, ctx.organisatieId, ctx.principal.sub),
    );
    const code: string | null = rij?.standaardGemeente ?? null;
    // a werkgebied can shrink after the choice was made: then the choice no longer applies
    return code && binnenScope(gemeenteScope(ctx.principal), code) ? code : null;
  }

  async kiesStandaardGemeente(ctx: RequestContext, invoer: string | null): Promise<void> {
    const code = invoer?.trim().toUpperCase() || null;
    if (code && !binnenScope(gemeenteScope(ctx.principal), code)) {
      throw ongeldig('Kies een gemeente uit het gebied van uw organisatie.', [
        { veld: 'gemeenteCode', melding: 'Niet in het gebied van uw organisatie' },
      ]);
    }
    await this.db.transaction(ctx, async (m) => {
      if (code && !(await gemeenteBestaat(m, code))) {
        throw ongeldig(`De gemeente ${code} bestaat niet.`, [
          { veld: 'gemeenteCode', melding: 'Onbekende gemeente' },
        ]);
      }
      const voor = await leesStandaardGemeente(m, ctx.organisatieId, ctx.principal.sub, { voorUpdate: true });
      await zetStandaardGemeente(m, ctx.organisatieId, ctx.principal.sub, code);
      await this.audit.schrijf(m, ctx, {
        actie: 'KIES_STANDAARDGEMEENTE',
        entiteit: 'gebruiker_voorkeur',
        entiteitId: ctx.principal.sub,
        voor: { standaardGemeente: voor?.standaardGemeente ?? null },
        na: { standaardGemeente: code },
      });
    });
  }
}
