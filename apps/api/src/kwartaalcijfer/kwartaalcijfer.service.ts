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
  maakKwartaal,
  parseKwartaal,
  rapporteurs,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig, type VeldFout } from '../common/fouten';
import { isUuid } from '../common/id';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie/referentie.service';
import type { Kwartaalcijfer, KwartaalcijferFilter, KwartaalcijferIndicator, KwartaalcijferInput } from './kwartaalcijfer.types';

const KOLOMMEN = `k.id, k.indicator_code AS "indicatorCode", k.organisatie_id AS "organisatieId", k.gemeente_code AS "gemeenteCode",
  k.jaar, k.kwartaal, k.waarde::float8 AS waarde, k.toelichting, k.actueel, k.vervangt_id AS "vervangtId",
  k.gerapporteerd_door AS "gerapporteerdDoor", k.gerapporteerd_op AS "gerapporteerdOp"`;

type Rij = Omit<Kwartaalcijfer, 'kwartaal' | 'indicatorNaam'> & { jaar: number; kwartaal: number };

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
    const fouten: VeldFout[] = controle.ok ? [] : controle.fouten.map((f) => ({ veld: f.veld, melding: f.melding }));
    if (!gemeente) fouten.push({ veld: 'gemeenteCode', melding: `Gemeente '${input.gemeenteCode}' is onbekend` });
    const toelichting = input.toelichting?.trim() || null;
    if (toelichting && toelichting.length > 2000) fouten.push({ veld: 'toelichting', melding: 'De toelichting is langer dan 2000 tekens' });
    if (!controle.ok || !gemeente || fouten.length) {
      throw ongeldig('Het cijfer is niet opgeslagen: ' + fouten.map((f) => f.melding).join('; ') + '.', fouten);
    }
    if (!magSchrijvenVoorGemeente(ctx.principal, gemeente.code)) {
      throw geenToegang(`U kunt alleen cijfers rapporteren voor gemeenten in het werkgebied van uw organisatie; ${gemeente.naam} hoort daar niet bij.`);
    }
    const { indicator, kwartaal } = controle;

    return this.db.transaction(ctx, async (m) => {
      const sleutel = [indicator.code, ctx.organisatieId, gemeente.code, kwartaal.jaar, kwartaal.nummer];
      const [vorige]: Rij[] = await m.query(
        `SELECT ${KOLOMMEN} FROM kwartaalcijfer k
         WHERE k.indicator_code = $1 AND k.organisatie_id = $2 AND k.gemeente_code = $3 AND k.jaar = $4 AND k.kwartaal = $5 AND k.actueel
         FOR UPDATE`,
        sleutel,
      );
      if (vorige) await m.query(`UPDATE kwartaalcijfer SET actueel = false WHERE id = $1`, [vorige.id]);
      let rij: Rij;
      try {
        [rij] = await m.query(
          `INSERT INTO kwartaalcijfer AS k (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, toelichting, vervangt_id, gerapporteerd_door)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${KOLOMMEN}`,
          [...sleutel, input.waarde, toelichting, vorige?.id ?? null, ctx.principal.gebruikersnaam],
        );
      } catch (err) {
        // two first reports of the same figure at the same moment: the unique index on actuele rows decides
        if ((err as { code?: string }).code === '23505') {
          throw conflict('Dit cijfer is op hetzelfde moment ook door een ander gerapporteerd. Bekijk het en corrigeer het zo nodig.');
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
    const zicht = rijZicht(ctx.principal);
    const params: unknown[] = [zicht.eigenaarOrganisatieId, zicht.gemeenteCode];
    const waar = ['k.actueel', '(k.organisatie_id = $1 OR k.gemeente_code = $2)'];
    const voeg = (sql: (p: string) => string, waarde: unknown) => {
      params.push(waarde);
      waar.push(sql(`$${params.length}`));
    };
    if (filter.gemeenteCode) voeg((p) => `k.gemeente_code = ${p}`, filter.gemeenteCode.toUpperCase());
    if (filter.indicatorCode) voeg((p) => `k.indicator_code = ${p}`, filter.indicatorCode);
    if (filter.organisatieId) {
      if (!isUuid(filter.organisatieId)) return [];
      voeg((p) => `k.organisatie_id = ${p}::uuid`, filter.organisatieId);
    }
    // quarters compare as jaar * 4 + nummer; parseKwartaal throws a Dutch DomainError for nonsense
    const volgnummer = (code: string) => {
      const k = parseKwartaal(code);
      return k.jaar * 4 + k.nummer;
    };
    if (filter.kwartaal) voeg((p) => `k.jaar * 4 + k.kwartaal = ${p}`, volgnummer(filter.kwartaal));
    if (filter.van) voeg((p) => `k.jaar * 4 + k.kwartaal >= ${p}`, volgnummer(filter.van));
    if (filter.tot) voeg((p) => `k.jaar * 4 + k.kwartaal <= ${p}`, volgnummer(filter.tot));
    const rijen: Rij[] = await this.db.transaction(ctx, (m) =>
      m.query(
        `SELECT ${KOLOMMEN} FROM kwartaalcijfer k WHERE ${waar.join(' AND ')}
         ORDER BY k.jaar DESC, k.kwartaal DESC, k.gemeente_code, k.indicator_code, k.organisatie_id`,
        params,
      ),
    );
    return rijen.map(naarCijfer);
  }

  /** Every version of the figure `id` belongs to (same indicator/organisatie/gemeente/kwartaal), newest first. */
  async historie(ctx: RequestContext, id: string): Promise<Kwartaalcijfer[]> {
    return this.db.transaction(ctx, async (m) => {
      const rij = await this.zichtbaar(m, ctx, id);
      const rijen: Rij[] = await m.query(
        `SELECT ${KOLOMMEN} FROM kwartaalcijfer k
         WHERE k.indicator_code = $1 AND k.organisatie_id = $2 AND k.gemeente_code = $3 AND k.jaar = $4 AND k.kwartaal = $5
         ORDER BY k.actueel DESC, k.gerapporteerd_op DESC, k.id`,
        [rij.indicatorCode, rij.organisatieId, rij.gemeenteCode, rij.jaar, rij.kwartaal],
      );
      return rijen.map(naarCijfer);
    });
  }

  private async zichtbaar(m: EntityManager, ctx: RequestContext, id: string): Promise<Rij> {
    const [rij]: Rij[] = isUuid(id) ? await m.query(`SELECT ${KOLOMMEN} FROM kwartaalcijfer k WHERE k.id = $1`, [id]) : [];
    if (!rij || !magRijZien(ctx.principal, { eigenaarOrganisatieId: rij.organisatieId, gemeenteCode: rij.gemeenteCode })) {
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
