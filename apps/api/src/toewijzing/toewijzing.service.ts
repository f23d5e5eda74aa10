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
import { Klok } from '../common/klok';
import { paginaGrootte } from '../common/paginering';
import { ScopedDb } from '../database/scoped-db.service';
import { ReferentieService } from '../referentie';
import { UrgentieService } from '../urgentie';
import { kenmerkHash } from './kenmerk-hash';
import {
  telToewijzingen,
  toewijzingPagina,
  toewijzingVoorUpdate,
  verwijderToewijzing,
  voegToewijzingToe,
  wijzigToewijzing,
  type ToewijzingZoek,
} from './toewijzing.repository';
import type {
  Toewijzing,
  ToewijzingConnection,
  ToewijzingFilter,
  ToewijzingInput,
  ToewijzingWijziging,
} from './toewijzing.types';

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
    paginaGrootte(first); // a wrong page size is reported before a wrong filter
    const zoek = this.zoek(ctx, filter);
    const pagina = await this.db.transaction(ctx, (m) => toewijzingPagina(m, zoek, first, after));
    return {
      ...pagina,
      telTotaal: () => this.db.transaction(ctx, (m) => telToewijzingen(m, zoek)),
    };
  }

  /** A list's filter, checked: the visibility rule first, then the user's filter. */
  private zoek(ctx: RequestContext, filter: ToewijzingFilter): ToewijzingZoek {
    const zoek: ToewijzingZoek = { zicht: rijZicht(ctx.principal) };
    const fouten: VeldFout[] = [];
    if (filter.gemeenteCode) zoek.gemeenteCode = filter.gemeenteCode.toUpperCase();
    for (const veld of ['van', 'tot'] as const) {
      const d = filter[veld];
      if (d === undefined || d === null) continue;
      if (!isIsoDatum(d))
        fouten.push({ veld: `filter.${veld}`, melding: `'${d}' is geen datum (jjjj-mm-dd)` });
      else zoek[veld] = d;
    }
    if (filter.aandachtsgroep) zoek.aandachtsgroep = filter.aandachtsgroep;
    if (filter.regulier) zoek.regulier = true;
    // The corporatie knows its own kenmerk: it is hashed the way it was stored and compared with the hash.
    if (filter.externKenmerk?.trim()) {
      zoek.eigenKenmerk = {
        hash: kenmerkHash(
          this.config.toewijzingKenmerkSleutel,
          ctx.organisatieId,
          filter.externKenmerk.trim(),
        ),
        corporatieId: ctx.organisatieId,
      };
    }
    if (filter.corporatieId) zoek.corporatieId = filter.corporatieId;
    if (fouten.length) throw ongeldig('Het filter is ongeldig.', fouten);
    return zoek;
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
      const rij = await voegToewijzingToe(m, {
        corporatieId: ctx.organisatieId,
        gemeenteCode: t.gemeenteCode,
        datum: t.datum,
        aandachtsgroep: t.aandachtsgroep,
        huishoudgrootte: t.huishoudgrootte,
        segment: t.segment,
        viaUrgentie: t.viaUrgentie,
        kenmerkHash: hash,
        urgentieCategorie: categorie,
      });
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
      const rij = await wijzigToewijzing(m, id, {
        gemeenteCode: t.gemeenteCode,
        datum: t.datum,
        aandachtsgroep: t.aandachtsgroep,
        huishoudgrootte: t.huishoudgrootte,
        segment: t.segment,
        viaUrgentie: t.viaUrgentie,
        urgentieCategorie: categorie,
      });
      await this.audit.schrijfToewijzing(m, ctx, 'WIJZIG_TOEWIJZING', id, gewijzigdeVelden(voor, rij));
      return rij;
    });
  }

  async verwijder(ctx: RequestContext, id: string): Promise<string> {
    return this.db.transaction(ctx, async (m) => {
      // checks ownership and locks the row (answers "niet gevonden" otherwise)
      await this.eigenRij(m, ctx, id);
      await verwijderToewijzing(m, id);
      await this.audit.schrijfToewijzing(m, ctx, 'VERWIJDER_TOEWIJZING', id);
      return id;
    });
  }

  /**
   * The row to change, locked. Only the owner in its werkgebied may change it; anyone else gets
   * "niet gevonden", also a gemeente that can read the row, so writes never reveal more than reads.
   */
  private async eigenRij(m: EntityManager, ctx: RequestContext, id: string): Promise<Toewijzing> {
    const rij = isUuid(id) ? await toewijzingVoorUpdate(m, id) : undefined;
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
