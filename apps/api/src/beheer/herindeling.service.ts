import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@thuismonitor/auth';
import { controleerHerindeling, type Herindeling } from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { PrincipalResolver } from '../auth/principal-resolver.service';
import { conflict, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import type { HerindelingInput, HerindelingRapport } from './herindeling.types';
import { voerHerindelingUit } from './herindeling.repository';

/** What tm_herindeling (migration 1766100000001) answers. */
interface Gevolgen {
  nieuweGemeente: boolean;
  werkgebiedOrganisaties: string[];
  prestatieafspraken: { id: string; titel: string; status: string; gemeente: string }[];
  taakstellingen: number;
  gebruikers: number;
  /** the last day of the last closed quarter when it ran: periods up to it stay as they were */
  afgeslotenTot: string;
  /** the date lies in a closed quarter: applied after the figures of the date were released */
  laat: boolean;
  taakstellingenAfgesloten: number;
  prestatieafsprakenAfgesloten: number;
}

/**
 * The platform operator applies a gemeentelijke herindeling (issue 13, item 3): first a dry run
 * that says what will change, then the act itself, all or nothing in one request transaction,
 * audited with the state before and after. The rows are rewritten by the database function
 * tm_herindeling (it checks the operator role itself: tm_is_operator()); the input is checked
 * here first against fresh reference data, with Dutch messages (libs/domain herindeling.ts).
 * Rules and sources: docs/decisions.md, "Herindeling".
 */
@Injectable()
export class HerindelingService {
  private readonly logger = new Logger(HerindelingService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly principals: PrincipalResolver,
    private readonly referentie: ReferentieService,
    private readonly klok: Klok,
  ) {}

  async herindeling(
    ctx: RequestContext,
    invoer: HerindelingInput,
    proefrun: boolean,
  ): Promise<HerindelingRapport> {
    // another API instance may have applied one: check against the database, not a held copy
    this.referentie.vergeet();
    const gemeenten = new Map((await this.referentie.gemeenten()).map((g) => [g.code, g]));
    const provincies = new Set((await this.referentie.provincies()).map((p) => p.code));
    const h = controleerHerindeling(
      invoer,
      (c) => gemeenten.get(c),
      (p) => provincies.has(p),
    );
    if (!proefrun && h.datum > this.klok.vandaag()) {
      throw ongeldig(
        `Een herindeling wordt toegepast vanaf ${h.datum} zelf; tot dan blijven de oude gemeenten bestaan. De proefrun kan nu al.`,
      );
    }
    const oudeGemeenten = h.oud.map((c) => {
      const g = gemeenten.get(c)!;
      return { code: c, naam: g.naam, provincieCode: g.provincieCode };
    });
    let gevolgen: Gevolgen;
    try {
      gevolgen = await this.db.transaction(ctx, async (m) => {
        const r = await voerHerindelingUit<Gevolgen>(
          m,
          {
            datum: h.datum,
            code: h.nieuw.code,
            naam: h.nieuw.naam,
            provincieCode: h.nieuw.provincieCode,
            oud: h.oud,
          },
          !proefrun,
        );
        if (!proefrun) {
          await this.audit.schrijf(m, ctx, {
            actie: 'HERINDELING',
            entiteit: 'gemeente',
            entiteitId: h.nieuw.code,
            gemeenteCode: h.nieuw.code,
            voor: { gemeenten: oudeGemeenten, nieuweGemeenteBestond: h.nieuw.bestaat },
            // tm_herindeling's own nieuweGemeente says whether the gemeente was created; it used to
            // overwrite the gemeente itself in this row. Both are kept, under the API's names.
            na: { datum: h.datum, ...r, nieuweGemeente: h.nieuw, nieuweGemeenteAangemaakt: r.nieuweGemeente },
          });
        }
        return r;
      });
    } catch (err) {
      // the function's own checks (English, for logs): only reached when the indeling changed
      // between our check and the transaction (another operator, another instance)
      if ((err as { code?: string }).code === '22023') {
        this.logger.warn(`herindeling refused by the database: ${(err as Error).message}`);
        throw conflict(
          'De gemeentelijke indeling is zojuist gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.',
        );
      }
      throw err;
    } finally {
      if (!proefrun) {
        this.referentie.vergeet();
        this.principals.vergeet();
      }
    }
    return rapport(h, oudeGemeenten, gevolgen, !proefrun);
  }
}

function rapport(
  h: Herindeling,
  oudeGemeenten: HerindelingRapport['oudeGemeenten'],
  g: Gevolgen,
  toegepast: boolean,
): HerindelingRapport {
  return {
    toegepast,
    datum: h.datum,
    nieuweGemeente: { code: h.nieuw.code, naam: h.nieuw.naam, provincieCode: h.nieuw.provincieCode },
    nieuweGemeenteAangemaakt: g.nieuweGemeente,
    oudeGemeenten,
    werkgebiedOrganisaties: g.werkgebiedOrganisaties,
    prestatieafspraken: g.prestatieafspraken.map((p) => ({
      id: p.id,
      titel: p.titel,
      status: p.status,
      gemeenteCode: p.gemeente,
    })),
    taakstellingen: g.taakstellingen,
    gebruikers: g.gebruikers,
    afgeslotenTot: g.afgeslotenTot,
    laat: g.laat,
    taakstellingenAfgesloten: g.taakstellingenAfgesloten,
    prestatieafsprakenAfgesloten: g.prestatieafsprakenAfgesloten,
  };
}
