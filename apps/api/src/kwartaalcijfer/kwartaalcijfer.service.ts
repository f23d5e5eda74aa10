import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magRijZien, magSchrijvenVoorGemeente, rijZicht, type RequestContext } from '@thuismonitor/auth';
import {
  controleerKwartaalcijfer,
  formatKwartaal,
  indicatorOpCode,
  isIndicatorCode,
  KWARTAALCIJFER_INDICATOREN,
  magRapporteren,
  kwartaalVolgnummer,
  maakKwartaal,
  parseKwartaal,
  rapporteurs,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig, type VeldFout } from '../common/fouten';
import { isUuid } from '../common/id';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import {
  actueelVoorUpdate,
  cijfer,
  historie,
  lijst as leesLijst,
  nietMeerActueel,
  voegToe,
  type CijferSleutel,
  type KwartaalcijferRij,
  type KwartaalcijferZoek,
} from './kwartaalcijfer.repository';
import type {
  Kwartaalcijfer,
  KwartaalcijferFilter,
  KwartaalcijferIndicator,
  KwartaalcijferInput,
} from './kwartaalcijfer.types';

type Rij = KwartaalcijferRij;

/**
 * Quarterly figures reported by parties (the indicator catalogue says which kind reports what:
 * magRapporteren). A correction of the same indicator/organisatie/gemeente/kwartaal inserts a new
 * row and marks the earlier one not current (actueel = false, vervangt_id), so history stays and
 * voortgang reads only current figures. Rows are visible like toewijzingen (rijZicht).
 */
@Injectable()
export class KwartaalcijferService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
    private readonly klok: Klok,
  ) {}

  indicatoren(ctx: RequestContext): KwartaalcijferIndicator[] {
    return KWARTAALCIJFER_INDICATOREN.map((i) => ({
      code: i.code,
      naam: i.naam,
      omschrijving: i.omschrijving,
      eenheid: i.eenheid,
      magRapporteren: magRapporteren(ctx.principal.organisatie.soort, i.code),
    }));
  }

  async rapporteer(ctx: RequestContext, input: KwartaalcijferInput): Promise<Kwartaalcijfer> {
    const soort = ctx.principal.organisatie.soort;
    // Who may report comes first: a zorgaanbieder learns it cannot report huisuitzettingen, not
    // that its number was wrong.
    if (isIndicatorCode(input.indicatorCode)) {
      const indicator = indicatorOpCode(input.indicatorCode);
      if (KWARTAALCIJFER_INDICATOREN.includes(indicator) && !magRapporteren(soort, indicator.code)) {
        throw geenToegang(
          `'${indicator.naam}' wordt gerapporteerd door ${rapporteurs(indicator)}; uw organisatie kan dit cijfer niet rapporteren.`,
        );
      }
    }
    const controle = controleerKwartaalcijfer(input, this.klok.vandaag());
    const gemeente = await this.referentie.gemeente(input.gemeenteCode.trim());
    const fouten: VeldFout[] = controle.ok
      ? []
      : controle.fouten.map((f) => ({ veld: f.veld, melding: f.melding }));
    if (!gemeente)
      fouten.push({ veld: 'gemeenteCode', melding: `Gemeente '${input.gemeenteCode}' is onbekend` });
    const toelichting = input.toelichting?.trim() || null;
    if (toelichting && toelichting.length > 2000)
      fouten.push({ veld: 'toelichting', melding: 'De toelichting is langer dan 2000 tekens' });
    if (!controle.ok || !gemeente || fouten.length) {
      throw ongeldig(
        'Het cijfer is niet opgeslagen: ' + fouten.map((f) => f.melding).join('; ') + '.',
        fouten,
      );
    }
    if (!magSchrijvenVoorGemeente(ctx.principal, gemeente.code)) {
      throw geenToegang(
        `U kunt alleen cijfers rapporteren voor gemeenten in het werkgebied van uw organisatie; ${gemeente.naam} hoort daar niet bij.`,
      );
    }
    const { indicator, kwartaal } = controle;

    return this.db.transaction(ctx, async (m) => {
      const sleutel: CijferSleutel = {
        indicatorCode: indicator.code,
        organisatieId: ctx.organisatieId,
        gemeenteCode: gemeente.code,
        jaar: kwartaal.jaar,
        kwartaal: kwartaal.nummer,
      };
      const vorige = await actueelVoorUpdate(m, sleutel);
      if (vorige) await nietMeerActueel(m, vorige.id);
      let rij: Rij;
      try {
        rij = await voegToe(m, sleutel, {
          waarde: input.waarde,
          toelichting,
          vervangtId: vorige?.id ?? null,
          door: ctx.principal.gebruikersnaam,
        });
      } catch (err) {
        // two first reports of the same figure at the same moment: the unique index on actuele rows decides
        if ((err as { code?: string }).code === '23505') {
          throw conflict(
            'Dit cijfer is op hetzelfde moment ook door een ander gerapporteerd. Bekijk het en corrigeer het zo nodig.',
          );
        }
        throw err;
      }
      const na = naarCijfer(rij);
      await this.audit.schrijf(m, ctx, {
        actie: vorige ? 'CORRIGEER_KWARTAALCIJFER' : 'RAPPORTEER_KWARTAALCIJFER',
        entiteit: 'kwartaalcijfer',
        entiteitId: na.id,
        gemeenteCode: gemeente.code,
        voor: vorige ? naarCijfer(vorige) : null,
        na,
      });
      return na;
    });
  }

  async lijst(ctx: RequestContext, filter: KwartaalcijferFilter = {}): Promise<Kwartaalcijfer[]> {
    const zoek: KwartaalcijferZoek = { zicht: rijZicht(ctx.principal) };
    if (filter.gemeenteCode) zoek.gemeenteCode = filter.gemeenteCode.toUpperCase();
    if (filter.indicatorCode) zoek.indicatorCode = filter.indicatorCode;
    if (filter.organisatieId) {
      if (!isUuid(filter.organisatieId)) return [];
      zoek.organisatieId = filter.organisatieId;
    }
    // quarters compare on the domain's running scale (kwartaalVolgnummer, jaar * 4 + kwartaal - 1);
    // parseKwartaal throws a Dutch DomainError for nonsense
    const volgnummer = (code: string) => kwartaalVolgnummer(parseKwartaal(code));
    if (filter.kwartaal) zoek.kwartaal = volgnummer(filter.kwartaal);
    if (filter.van) zoek.van = volgnummer(filter.van);
    if (filter.tot) zoek.tot = volgnummer(filter.tot);
    const rijen = await this.db.transaction(ctx, (m) => leesLijst(m, zoek));
    return rijen.map(naarCijfer);
  }

  /** Every version of the figure `id` belongs to (same indicator/organisatie/gemeente/kwartaal), newest first. */
  async historie(ctx: RequestContext, id: string): Promise<Kwartaalcijfer[]> {
    return this.db.transaction(ctx, async (m) => {
      const rij = await this.zichtbaar(m, ctx, id);
      return (await historie(m, rij)).map(naarCijfer);
    });
  }

  private async zichtbaar(m: EntityManager, ctx: RequestContext, id: string): Promise<Rij> {
    const rij = isUuid(id) ? await cijfer(m, id) : undefined;
    if (
      !rij ||
      !magRijZien(ctx.principal, { eigenaarOrganisatieId: rij.organisatieId, gemeenteCode: rij.gemeenteCode })
    ) {
      throw nietGevonden('Het kwartaalcijfer');
    }
    return rij;
  }
}

function naarCijfer(r: Rij): Kwartaalcijfer {
  return {
    ...r,
    indicatorNaam: isIndicatorCode(r.indicatorCode) ? indicatorOpCode(r.indicatorCode).naam : r.indicatorCode,
    kwartaal: formatKwartaal(maakKwartaal(r.jaar, r.kwartaal)),
  };
}
