import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  magEigenRijSchrijven,
  magSchrijvenVoorGemeente,
  rijZicht,
  type RequestContext,
} from '@thuismonitor/auth';
import {
  bewaarGrens,
  bewaartermijnFout,
  isIsoDatum,
  maakGemeenteZoeker,
  valideerToewijzingRij,
  type GeldigeToewijzing,
  type ToewijzingKolom,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { conflict, geenToegang, nietGevonden, ongeldig, type VeldFout } from '../common/fouten';
import { isUuid } from '../common/id';
import { leesCursor, maakCursor, paginaGrootte } from '../common/paginering';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie/referentie.service';
import { UrgentieService } from '../urgentie/urgentie.service';
import { kenmerkHash } from './kenmerk-hash';
import type {
  Toewijzing,
  ToewijzingConnection,
  ToewijzingFilter,
  ToewijzingInput,
  ToewijzingWijziging,
} from './toewijzing.types';

export const TOEWIJZING_KOLOMMEN_SQL = `t.id, t.corporatie_id AS "corporatieId", t.gemeente_code AS "gemeenteCode",
  to_char(t.datum, 'YYYY-MM-DD') AS datum, t.aandachtsgroep, t.huishoudgrootte, t.segment,
  t.via_urgentie AS "viaUrgentie", t.urgentie_categorie AS "urgentieCategorie", left(t.extern_kenmerk, 12) AS "kenmerkVingerafdruk", t.import_id AS "importId",
  t.aangemaakt_op AS "aangemaaktOp"`;

/** Names of the API's input fields for the domain's canonical import columns. */
const VELD: Record<ToewijzingKolom, string> = {
  extern_kenmerk: 'externKenmerk',
  gemeente: 'gemeenteCode',
  datum: 'datum',
  aandachtsgroep: 'aandachtsgroep',
  huishoudgrootte: 'huishoudgrootte',
  segment: 'segment',
  via_urgentie: 'viaUrgentie',
  urgentie_categorie: 'urgentieCategorie',
};

/**
 * Toewijzingen entered one by one (form) and listed as rows. Rows are visible to the corporatie
 * that logged them and to the gemeente they are in (policy rijZicht); everyone else gets an empty
 * list. Writes only by the owning corporatie, inside its werkgebied, each with an audit row.
 */
@Injectable()
export class ToewijzingService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly referentie: ReferentieService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly klok: Klok,
    private readonly urgentie: UrgentieService,
  ) {}

  async lijst(
    ctx: RequestContext,
    filter: ToewijzingFilter = {},
    first?: number | null,
    after?: string | null,
  ): Promise<ToewijzingConnection> {
    const aantal = paginaGrootte(first);
    const { waar, params } = this.filterSql(ctx, filter);
    const zonderCursor = { waar: [...waar], params: [...params] };
    if (after) {
      const [datum, id] = leesCursor(after, ['string', 'string']) as [string, string];
      if (!isIsoDatum(datum) || !isUuid(id))
        throw ongeldig('De cursor is ongeldig; vraag de lijst opnieuw op vanaf het begin.');
      params.push(datum, id);
      waar.push(`(t.datum, t.id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(aantal + 1);
    const rijen: Toewijzing[] = await this.db.transaction(ctx, (m) =>
      m.query(
        `SELECT ${TOEWIJZING_KOLOMMEN_SQL} FROM toewijzing t WHERE ${waar.join(' AND ')}
         ORDER BY t.datum DESC, t.id DESC LIMIT $${params.length}`,
        params,
      ),
    );
    const pagina = rijen.slice(0, aantal);
    const edges = pagina.map((node) => ({ cursor: maakCursor([node.datum, node.id]), node }));
    return {
      edges,
      nodes: pagina,
      pageInfo: { hasNextPage: rijen.length > aantal, endCursor: edges.at(-1)?.cursor ?? null },
      telTotaal: async () => {
        const [{ n }] = await this.db.transaction(ctx, (m) =>
          m.query(
            `SELECT count(*)::int AS n FROM toewijzing t WHERE ${zonderCursor.waar.join(' AND ')}`,
            zonderCursor.params,
          ),
        );
        return n;
      },
    };
  }

  /** WHERE clauses for a list: the visibility rule first, then the user's filter. */
  private filterSql(ctx: RequestContext, filter: ToewijzingFilter): { waar: string[]; params: unknown[] } {
    const zicht = rijZicht(ctx.principal);
    const params: unknown[] = [zicht.eigenaarOrganisatieId, zicht.gemeenteCode];
    const waar = ['(t.corporatie_id = $1 OR t.gemeente_code = $2)'];
    const fouten: VeldFout[] = [];
    const voeg = (sql: (p: string) => string, waarde: unknown) => {
      params.push(waarde);
      waar.push(sql(`$${params.length}`));
    };
    if (filter.gemeenteCode) voeg((p) => `t.gemeente_code = ${p}`, filter.gemeenteCode.toUpperCase());
    for (const veld of ['van', 'tot'] as const) {
      const d = filter[veld];
      if (d === undefined || d === null) continue;
      if (!isIsoDatum(d))
        fouten.push({ veld: `filter.${veld}`, melding: `'${d}' is geen datum (jjjj-mm-dd)` });
      else voeg((p) => (veld === 'van' ? `t.datum >= ${p}::date` : `t.datum <= ${p}::date`), d);
    }
    if (filter.aandachtsgroep) voeg((p) => `t.aandachtsgroep = ${p}`, filter.aandachtsgroep);
    if (filter.regulier) waar.push('t.aandachtsgroep IS NULL');
    // The corporatie knows its own kenmerk: it is hashed the way it was stored and compared with the hash.
    if (filter.externKenmerk?.trim()) {
      voeg(
        (p) => `t.extern_kenmerk = ${p}`,
        kenmerkHash(this.config.toewijzingKenmerkSleutel, ctx.organisatieId, filter.externKenmerk.trim()),
      );
      voeg((p) => `t.corporatie_id = ${p}::uuid`, ctx.organisatieId);
    }
    if (filter.corporatieId) {
      // an id that is not a uuid matches nothing (and must not reach a ::uuid cast)
      if (isUuid(filter.corporatieId)) voeg((p) => `t.corporatie_id = ${p}::uuid`, filter.corporatieId);
      else waar.push('false');
    }
    if (fouten.length) throw ongeldig('Het filter is ongeldig.', fouten);
    return { waar, params };
  }

  async create(ctx: RequestContext, input: ToewijzingInput): Promise<Toewijzing> {
    const externKenmerk = input.externKenmerk?.trim() || `TM-${randomUUID()}`;
    const t = await this.valideer(ctx, input, externKenmerk);
    const categorie = await this.urgentie.controleerCategorie(
      ctx,
      t.gemeenteCode,
      input.urgentieCategorie ?? null,
      t.viaUrgentie,
    );
    // stored only as its keyed hash (kenmerk-hash.ts); the clear kenmerk ends with this request
    const hash = kenmerkHash(this.config.toewijzingKenmerkSleutel, ctx.organisatieId, t.externKenmerk);
    return this.db.transaction(ctx, async (m) => {
      const [rij]: Toewijzing[] = await m.query(
        `INSERT INTO toewijzing AS t (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk, urgentie_categorie)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (corporatie_id, extern_kenmerk) DO NOTHING
         RETURNING ${TOEWIJZING_KOLOMMEN_SQL}`,
        [
          ctx.organisatieId,
          t.gemeenteCode,
          t.datum,
          t.aandachtsgroep,
          t.huishoudgrootte,
          t.segment,
          t.viaUrgentie,
          hash,
          categorie,
        ],
      );
      if (!rij) throw conflict(`Er is al een toewijzing met extern kenmerk '${t.externKenmerk}'.`);
      await this.audit.schrijfToewijzing(m, ctx, 'CREATE_TOEWIJZING', rij.id);
      return rij;
    });
  }

  async wijzig(ctx: RequestContext, id: string, input: ToewijzingWijziging): Promise<Toewijzing> {
    return this.db.transaction(ctx, async (m) => {
      const voor = await this.eigenRij(m, ctx, id);
      // the kenmerk does not change (and is not known here): its fingerprint passes the kenmerk rule
      const t = await this.valideer(ctx, input, voor.kenmerkVingerafdruk);
      const categorie = await this.urgentie.controleerCategorie(
        ctx,
        t.gemeenteCode,
        input.urgentieCategorie ?? null,
        t.viaUrgentie,
      );
      // TypeORM answers an UPDATE with [rows, rowCount]
      const [[rij]]: [Toewijzing[], number] = await m.query(
        `UPDATE toewijzing AS t SET gemeente_code = $2, datum = $3, aandachtsgroep = $4, huishoudgrootte = $5,
                segment = $6, via_urgentie = $7, urgentie_categorie = $8
         WHERE t.id = $1 RETURNING ${TOEWIJZING_KOLOMMEN_SQL}`,
        [
          id,
          t.gemeenteCode,
          t.datum,
          t.aandachtsgroep,
          t.huishoudgrootte,
          t.segment,
          t.viaUrgentie,
          categorie,
        ],
      );
      await this.audit.schrijfToewijzing(m, ctx, 'WIJZIG_TOEWIJZING', id, gewijzigdeVelden(voor, rij));
      return rij;
    });
  }

  async verwijder(ctx: RequestContext, id: string): Promise<string> {
    return this.db.transaction(ctx, async (m) => {
      // checks ownership and locks the row (answers "niet gevonden" otherwise)
      await this.eigenRij(m, ctx, id);
      await m.query(`DELETE FROM toewijzing WHERE id = $1`, [id]);
      await this.audit.schrijfToewijzing(m, ctx, 'VERWIJDER_TOEWIJZING', id);
      return id;
    });
  }

  /**
   * The row to change, locked. Only the owner in its werkgebied may change it; anyone else gets
   * "niet gevonden", also a gemeente that can read the row, so writes never reveal more than reads.
   */
  private async eigenRij(m: EntityManager, ctx: RequestContext, id: string): Promise<Toewijzing> {
    const [rij]: Toewijzing[] = isUuid(id)
      ? await m.query(`SELECT ${TOEWIJZING_KOLOMMEN_SQL} FROM toewijzing t WHERE t.id = $1 FOR UPDATE`, [id])
      : [];
    if (
      !rij ||
      !magEigenRijSchrijven(ctx.principal, {
        eigenaarOrganisatieId: rij.corporatieId,
        gemeenteCode: rij.gemeenteCode,
      })
    ) {
      throw nietGevonden('De toewijzing');
    }
    return rij;
  }

  /** One form entry through the same row rule as an import row (valideerToewijzingRij). */
  private async valideer(
    ctx: RequestContext,
    input: ToewijzingWijziging,
    externKenmerk: string,
  ): Promise<GeldigeToewijzing> {
    const zoek = maakGemeenteZoeker(await this.referentie.gemeenten());
    const gemeente = /^gm\d{4}$/i.test(input.gemeenteCode.trim())
      ? input.gemeenteCode.trim().toUpperCase()
      : zoek(input.gemeenteCode);
    if (
      gemeente &&
      (await this.referentie.gemeente(gemeente)) &&
      !magSchrijvenVoorGemeente(ctx.principal, gemeente)
    ) {
      throw geenToegang(
        `U kunt alleen toewijzingen vastleggen in het werkgebied van uw organisatie; gemeente ${gemeente} hoort daar niet bij.`,
      );
    }
    const r = valideerToewijzingRij(
      {
        extern_kenmerk: externKenmerk,
        gemeente: input.gemeenteCode,
        datum: input.datum,
        aandachtsgroep: input.aandachtsgroep ?? '',
        huishoudgrootte: String(input.huishoudgrootte),
        segment: input.segment ?? '',
        via_urgentie: input.viaUrgentie ? 'ja' : 'nee',
      },
      {
        werkgebied: ctx.principal.organisatie.gemeenten.filter((g) =>
          magSchrijvenVoorGemeente(ctx.principal, g),
        ),
        gemeenteOpNaam: zoek,
        vandaag: this.klok.vandaag(),
      },
    );
    if (!r.ok) {
      throw ongeldig(
        'De toewijzing is niet opgeslagen: ' + r.fouten.map((f) => f.melding).join('; ') + '.',
        r.fouten.map((f) => ({ veld: VELD[f.kolom], melding: f.melding })),
      );
    }
    const teOud = bewaartermijnFout(
      r.toewijzing.datum,
      bewaarGrens(this.klok.vandaag(), this.config.toewijzingBewaarJaren),
    );
    if (teOud)
      throw ongeldig(`De toewijzing is niet opgeslagen: ${teOud}.`, [{ veld: 'datum', melding: teOud }]);
    return r.toewijzing;
  }
}

/** Names (never values) of the fields a correction changed, for the audit row. */
function gewijzigdeVelden(voor: Toewijzing, na: Toewijzing): string[] {
  const velden = [
    'gemeenteCode',
    'datum',
    'aandachtsgroep',
    'huishoudgrootte',
    'segment',
    'viaUrgentie',
    'urgentieCategorie',
  ] as const;
  return velden.filter((v) => voor[v] !== na[v]);
}
