import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  magPrestatieafspraakStarten,
  magPrestatieafspraakZien,
  type RequestContext,
} from '@thuismonitor/auth';
import {
  afspraakFouten,
  afspraakSoort,
  INDICATOR_CATALOGUS_VERSIE,
  magPartijZijn,
  peildatumVoor,
  periodeFouten,
  periodeWijzigingFouten,
  titelFouten,
  type InhoudFout,
} from '@thuismonitor/domain';
import { geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie/organisatie.service';
import type { Organisatie } from '../organisatie/organisatie.types';
import { ReferentieService } from '../referentie/referentie.service';
import { controleerConcept, controleerVersie, leesZichtbaar, vergrendelVoorPartij } from './bewerking';
import { PrestatieafspraakAudit, type AuditActie } from './prestatieafspraak-audit';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import {
  leesAfspraken,
  leesPrestatieafspraken,
  verhoogVersie,
  type AfspraakRij,
  type PaRij,
} from './prestatieafspraak.repository';
import type {
  AfspraakInput,
  NieuwePrestatieafspraakInput,
  Prestatieafspraak,
  PrestatieafspraakFilter,
  PrestatieafspraakWijziging,
} from './prestatieafspraak.types';
import type { VastgesteldeAfspraak } from './vastgestelde-afspraak';

const NIET_OPGESLAGEN = 'De wijziging is niet opgeslagen: controleer de gemarkeerde velden.';

/**
 * Prestatieafspraken: reading (lists and one), starting one, and changing its content while it is
 * a CONCEPT. Status changes (indienen, ondertekenen, …) are in LevenscyclusService.
 */
@Injectable()
export class PrestatieafspraakService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: PrestatieafspraakAudit,
    private readonly lezer: PrestatieafspraakLezer,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
  ) {}

  async lijst(ctx: RequestContext, filter: PrestatieafspraakFilter = {}): Promise<Prestatieafspraak[]> {
    const waar: string[] = ['true'];
    const params: unknown[] = [];
    if (filter.gemeenteCode) {
      params.push(filter.gemeenteCode.trim().toUpperCase());
      waar.push(`p.gemeente_code = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      waar.push(`p.status = $${params.length}`);
    }
    if (filter.jaar !== undefined && filter.jaar !== null) {
      params.push(filter.jaar);
      waar.push(`p.jaar_van <= $${params.length} AND p.jaar_tot >= $${params.length}`);
    }
    const bundel = await this.db.transaction(ctx, async (m) =>
      this.lezer.laad(m, ctx, await leesPrestatieafspraken(m, waar.join(' AND '), params)),
    );
    return this.lezer.bouw(ctx, bundel);
  }

  async opId(ctx: RequestContext, id: string): Promise<Prestatieafspraak> {
    const bundel = await this.db.transaction(ctx, async (m) =>
      this.lezer.laad(m, ctx, [await leesZichtbaar(m, ctx, id)]),
    );
    return (await this.lezer.bouw(ctx, bundel))[0];
  }

  /** Reads one inside a running transaction and builds it after commit (the result of a mutation). */
  async naMutatie(
    ctx: RequestContext,
    werk: (m: EntityManager) => Promise<string>,
  ): Promise<Prestatieafspraak> {
    const bundel = await this.db.transaction(ctx, async (m) => {
      const id = await werk(m);
      return this.lezer.laad(m, ctx, [await leesZichtbaar(m, ctx, id)]);
    });
    return (await this.lezer.bouw(ctx, bundel))[0];
  }

  /**
   * A gemeente or a corporatie starts a prestatieafspraak; the gemeente and the starter are always
   * parties. `uitBod`: started from a sent bod (BodService), with the afspraken taken over from its
   * lines, all in the same transaction. A corporatie drafting a prestatieafspraak is no longer a
   * bod (is_bod stays false): the bod is its own object (docs/decisions.md "Het bod").
   */
  async create(
    ctx: RequestContext,
    invoer: NieuwePrestatieafspraakInput,
    uitBod?: { bodId: string; afspraken: AfspraakInput[] },
  ): Promise<Prestatieafspraak> {
    const gemeenteCode = invoer.gemeenteCode.trim().toUpperCase();
    const gemeente = await this.referentie.gemeente(gemeenteCode);
    if (!gemeente)
      throw ongeldig(`Gemeente '${invoer.gemeenteCode}' bestaat niet.`, [
        { veld: 'gemeenteCode', melding: 'Onbekende gemeente' },
      ]);
    if (!magPrestatieafspraakStarten(ctx.principal, gemeenteCode)) {
      throw geenToegang(
        'U kunt alleen een prestatieafspraak of bod starten voor een gemeente waarin uw organisatie werkt.',
      );
    }
    const fouten: InhoudFout[] = [...titelFouten(invoer.titel), ...periodeFouten(invoer)];
    const gemeenteOrg = (await this.organisaties.lijst({ soort: 'GEMEENTE', gemeenteCode })).find(
      (o) => o.gemeenteCode === gemeenteCode,
    );
    if (!gemeenteOrg) {
      fouten.push({
        veld: 'gemeenteCode',
        melding: `Gemeente ${gemeente.naam} werkt nog niet met Thuismonitor en kan dus niet tekenen.`,
      });
    }
    const partijIds = [
      ...new Set(
        [gemeenteOrg?.id, ctx.organisatieId, ...(invoer.partijIds ?? [])].filter((id): id is string => !!id),
      ),
    ];
    fouten.push(...(await this.partijFouten(partijIds, gemeenteCode)));
    for (const [i, a] of (uitBod?.afspraken ?? []).entries())
      fouten.push(...afspraakFouten(a, invoer).map((f) => ({ ...f, veld: `afspraken[${i}].${f.veld}` })));
    if (fouten.length)
      throw ongeldig('De prestatieafspraak is niet aangemaakt: controleer de gemarkeerde velden.', fouten);

    const id = randomUUID();
    return this.naMutatie(ctx, async (m) => {
      // No RETURNING: the new row only becomes readable (RLS) once its parties exist.
      await m.query(
        `INSERT INTO prestatieafspraak (id, gemeente_code, titel, jaar_van, jaar_tot, is_bod, opgesteld_door_id, bod_id)
         VALUES ($1, $2, $3, $4, $5, false, $6, $7)`,
        [
          id,
          gemeenteCode,
          invoer.titel.trim(),
          invoer.jaarVan,
          invoer.jaarTot,
          ctx.organisatieId,
          uitBod?.bodId ?? null,
        ],
      );
      await m.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) SELECT $1, unnest($2::uuid[])`,
        [id, partijIds],
      );
      for (const a of uitBod?.afspraken ?? []) await this.voegAfspraakToe(m, id, a);
      await this.audit.schrijf(m, ctx, { id, gemeenteCode }, 'AANGEMAAKT', null, {
        titel: invoer.titel.trim(),
        jaarVan: invoer.jaarVan,
        jaarTot: invoer.jaarTot,
        bodId: uitBod?.bodId ?? null,
        afsprakenUitBod: uitBod?.afspraken.length ?? 0,
        partijIds,
      });
      return id;
    });
  }

  /** Title and period, in CONCEPT; the period may not strand doelwaarden or mijlpalen. */
  async update(
    ctx: RequestContext,
    id: string,
    versie: number,
    wijziging: PrestatieafspraakWijziging,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const nieuw = {
        titel: wijziging.titel?.trim() ?? pa.titel,
        jaarVan: wijziging.jaarVan ?? pa.jaarVan,
        jaarTot: wijziging.jaarTot ?? pa.jaarTot,
      };
      const fouten = [...titelFouten(nieuw.titel), ...periodeFouten(nieuw)];
      if (!fouten.length) {
        const afspraken = await leesAfspraken(m, [pa.id]);
        fouten.push(
          ...periodeWijzigingFouten(
            nieuw,
            afspraken.map((a) => ({
              omschrijving: a.omschrijving,
              doelwaardeJaren: a.doelwaarden.map((d) => d.jaar),
              mijlpaalDatum: a.mijlpaalDatum,
            })),
          ),
        );
      }
      if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
      await m.query(`UPDATE prestatieafspraak SET titel = $2, jaar_van = $3, jaar_tot = $4 WHERE id = $1`, [
        pa.id,
        nieuw.titel,
        nieuw.jaarVan,
        nieuw.jaarTot,
      ]);
      return {
        actie: 'GEWIJZIGD',
        voor: { titel: pa.titel, jaarVan: pa.jaarVan, jaarTot: pa.jaarTot },
        na: nieuw,
      };
    });
  }

  async addPartij(
    ctx: RequestContext,
    id: string,
    versie: number,
    organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      if (pa.partijIds.includes(organisatieId)) {
        throw ongeldig('Deze organisatie is al partij.', [{ veld: 'organisatieId', melding: 'Al partij' }]);
      }
      const fouten = await this.partijFouten([organisatieId], pa.gemeenteCode, m);
      if (fouten.length) throw ongeldig(fouten[0].melding, fouten);
      await m.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
        [pa.id, organisatieId],
      );
      return {
        actie: 'PARTIJ_TOEGEVOEGD',
        voor: { partijIds: pa.partijIds },
        na: { partijIds: [...pa.partijIds, organisatieId] },
      };
    });
  }

  async removePartij(
    ctx: RequestContext,
    id: string,
    versie: number,
    organisatieId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      if (!pa.partijIds.includes(organisatieId)) throw nietGevonden('Deze partij');
      const [org] = await this.organisaties.opIds([organisatieId], m);
      if (org?.soort === 'GEMEENTE')
        throw ongeldig('De gemeente is altijd partij bij haar prestatieafspraken.');
      if (organisatieId === pa.opgesteldDoorId) throw ongeldig('De opsteller van deze versie blijft partij.');
      const verantwoordelijk = (await leesAfspraken(m, [pa.id])).filter(
        (a) => a.verantwoordelijkeId === organisatieId,
      );
      if (verantwoordelijk.length) {
        throw ongeldig(
          `${org?.naam ?? 'Deze partij'} is verantwoordelijk voor afspraak ${verantwoordelijk.map((a) => a.volgnummer).join(', ')}; ` +
            'wijs eerst een andere verantwoordelijke aan.',
        );
      }
      await m.query(
        `DELETE FROM prestatieafspraak_partij WHERE prestatieafspraak_id = $1 AND organisatie_id = $2`,
        [pa.id, organisatieId],
      );
      return {
        actie: 'PARTIJ_VERWIJDERD',
        voor: { partijIds: pa.partijIds },
        na: { partijIds: pa.partijIds.filter((p) => p !== organisatieId) },
      };
    });
  }

  async addAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    invoer: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      this.controleerAfspraak(pa, invoer);
      const afspraakId = await this.voegAfspraakToe(m, pa.id, invoer);
      return { actie: 'AFSPRAAK_TOEGEVOEGD', voor: null, na: { afspraakId, ...afspraakSnapshot(invoer) } };
    });
  }

  private async voegAfspraakToe(m: EntityManager, paId: string, invoer: AfspraakInput): Promise<string> {
    const afspraakId = randomUUID();
    const soort = afspraakSoort(invoer);
    await m.query(
      `INSERT INTO afspraak (id, prestatieafspraak_id, volgnummer, actielijn, aandachtsgroep, omschrijving, soort,
                             indicator_code, catalogus_versie, mijlpaal_datum, mijlpaal_status, verantwoordelijke_id)
       VALUES ($1, $2, (SELECT coalesce(max(volgnummer), 0) + 1 FROM afspraak WHERE prestatieafspraak_id = $2),
               $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        afspraakId,
        paId,
        invoer.actielijn,
        invoer.aandachtsgroep ?? null,
        invoer.omschrijving.trim(),
        soort,
        invoer.indicatorCode ?? null,
        invoer.indicatorCode ? INDICATOR_CATALOGUS_VERSIE : null,
        invoer.mijlpaalDatum ?? null,
        soort === 'MIJLPAAL' ? 'NIET_GESTART' : null,
        invoer.verantwoordelijkeId,
      ],
    );
    await this.schrijfDoelwaarden(m, paId, afspraakId, invoer);
    return afspraakId;
  }

  async updateAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    afspraakId: string,
    invoer: AfspraakInput,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const oud = await this.afspraakVan(m, pa, afspraakId);
      this.controleerAfspraak(pa, invoer);
      const soort = afspraakSoort(invoer);
      // A mijlpaal keeps the status reported so far (copied into a new version); other kinds have none.
      await m.query(
        `UPDATE afspraak SET actielijn = $2, aandachtsgroep = $3, omschrijving = $4, soort = $5, indicator_code = $6,
                catalogus_versie = $7, mijlpaal_datum = $8, verantwoordelijke_id = $9,
                mijlpaal_status = CASE WHEN $5 = 'MIJLPAAL' THEN coalesce(mijlpaal_status, 'NIET_GESTART') END,
                mijlpaal_toelichting = CASE WHEN $5 = 'MIJLPAAL' THEN mijlpaal_toelichting END,
                mijlpaal_gereed_op = CASE WHEN $5 = 'MIJLPAAL' THEN mijlpaal_gereed_op END,
                mijlpaal_bijgewerkt_op = CASE WHEN $5 = 'MIJLPAAL' THEN mijlpaal_bijgewerkt_op END
         WHERE id = $1`,
        [
          oud.id,
          invoer.actielijn,
          invoer.aandachtsgroep ?? null,
          invoer.omschrijving.trim(),
          soort,
          invoer.indicatorCode ?? null,
          invoer.indicatorCode ? INDICATOR_CATALOGUS_VERSIE : null,
          invoer.mijlpaalDatum ?? null,
          invoer.verantwoordelijkeId,
        ],
      );
      await m.query(`DELETE FROM afspraak_doelwaarde WHERE afspraak_id = $1`, [oud.id]);
      await this.schrijfDoelwaarden(m, pa.id, oud.id, invoer);
      return {
        actie: 'AFSPRAAK_GEWIJZIGD',
        voor: rijSnapshot(oud),
        na: { afspraakId: oud.id, ...afspraakSnapshot(invoer) },
      };
    });
  }

  async removeAfspraak(
    ctx: RequestContext,
    id: string,
    versie: number,
    afspraakId: string,
  ): Promise<Prestatieafspraak> {
    return this.bewerkConcept(ctx, id, versie, async (m, pa) => {
      const oud = await this.afspraakVan(m, pa, afspraakId);
      await m.query(`DELETE FROM afspraak WHERE id = $1`, [oud.id]);
      return { actie: 'AFSPRAAK_VERWIJDERD', voor: rijSnapshot(oud), na: null };
    });
  }

  /**
   * For other features (voortgang): the afspraken of the VASTGESTELDE prestatieafspraken of these
   * gemeenten whose period includes `jaar`, with indicator, doelwaarden per year and the
   * responsible party. Only what the caller may read (parties, provincie, Rijk).
   */
  async vastgesteldeAfsprakenVoorGemeenten(
    ctx: RequestContext,
    gemeenteCodes: readonly string[],
    jaar: number,
  ): Promise<VastgesteldeAfspraak[]> {
    if (!gemeenteCodes.length) return [];
    return this.db.transaction(ctx, (m) => this.vastgesteldeAfsprakenIn(m, ctx, gemeenteCodes, jaar));
  }

  /**
   * The same, inside a transaction the caller opened (voortgang and reports read the afspraken in
   * the same snapshot as the figures they are measured against: one cut-off).
   */
  async vastgesteldeAfsprakenIn(
    m: EntityManager,
    ctx: RequestContext,
    gemeenteCodes: readonly string[],
    jaar: number,
  ): Promise<VastgesteldeAfspraak[]> {
    if (!gemeenteCodes.length) return [];
    const { rijen, afspraken } = await (async () => {
      const rijen = (
        await leesPrestatieafspraken(
          m,
          `p.status = 'VASTGESTELD' AND p.gemeente_code = ANY($1::text[]) AND p.jaar_van <= $2 AND p.jaar_tot >= $2`,
          [gemeenteCodes, jaar],
        )
      ).filter((r) => magPrestatieafspraakZien(ctx.principal, r));
      return {
        rijen,
        afspraken: await leesAfspraken(
          m,
          rijen.map((r) => r.id),
        ),
      };
    })();
    const orgs = new Map(
      (await this.organisaties.opIds([...new Set(afspraken.map((a) => a.verantwoordelijkeId))], m)).map(
        (o) => [o.id, o],
      ),
    );
    const paOpId = new Map(rijen.map((r) => [r.id, r]));
    return afspraken.map((a) => {
      const pa = paOpId.get(a.prestatieafspraakId)!;
      const inJaar = a.doelwaarden.find((d) => d.jaar === jaar) ?? null;
      return {
        prestatieafspraakId: pa.id,
        prestatieafspraakTitel: pa.titel,
        gemeenteCode: pa.gemeenteCode,
        versienummer: pa.versienummer,
        jaarVan: pa.jaarVan,
        jaarTot: pa.jaarTot,
        afspraakId: a.id,
        volgnummer: a.volgnummer,
        actielijn: a.actielijn as VastgesteldeAfspraak['actielijn'],
        aandachtsgroep: a.aandachtsgroep as VastgesteldeAfspraak['aandachtsgroep'],
        omschrijving: a.omschrijving,
        soort: a.soort,
        indicatorCode: a.indicatorCode,
        catalogusVersie: a.catalogusVersie,
        doelwaarden: a.doelwaarden,
        doelwaardeInJaar: inJaar,
        mijlpaalDatum: a.mijlpaalDatum,
        mijlpaalStatus: a.mijlpaalStatus,
        mijlpaalGereedOp: a.mijlpaalGereedOp,
        verantwoordelijke: orgs.get(a.verantwoordelijkeId) as Organisatie,
      };
    });
  }

  /**
   * The frame of every content change: lock the row, check party, versie and CONCEPT, do the
   * change, raise versie and audit it — all in one transaction, so nothing is half-written.
   */
  private bewerkConcept(
    ctx: RequestContext,
    id: string,
    versie: number,
    werk: (m: EntityManager, pa: PaRij) => Promise<{ actie: AuditActie; voor: unknown; na: unknown }>,
  ): Promise<Prestatieafspraak> {
    return this.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      controleerVersie(pa, versie);
      controleerConcept(pa);
      const { actie, voor, na } = await werk(m, pa);
      await verhoogVersie(m, pa.id);
      await this.audit.schrijf(m, ctx, pa, actie, voor, na);
      return pa.id;
    });
  }

  private controleerAfspraak(pa: PaRij, invoer: AfspraakInput): void {
    const fouten = afspraakFouten(invoer, pa);
    if (!pa.partijIds.includes(invoer.verantwoordelijkeId)) {
      fouten.push({
        veld: 'verantwoordelijkeId',
        melding: 'De verantwoordelijke moet een van de partijen zijn.',
      });
    }
    if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
  }

  private async afspraakVan(m: EntityManager, pa: PaRij, afspraakId: string): Promise<AfspraakRij> {
    const afspraak = isUuid(afspraakId)
      ? (await leesAfspraken(m, [pa.id])).find((a) => a.id === afspraakId)
      : undefined;
    if (!afspraak) throw nietGevonden('De afspraak');
    return afspraak;
  }

  private async schrijfDoelwaarden(
    m: EntityManager,
    paId: string,
    afspraakId: string,
    invoer: AfspraakInput,
  ): Promise<void> {
    const doelwaarden = afspraakSoort(invoer) === 'INDICATOR' ? (invoer.doelwaarden ?? []) : [];
    if (!doelwaarden.length) return;
    await m.query(
      `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, waarde, peildatum)
       SELECT $1, $2, t.jaar, t.waarde, t.peildatum FROM unnest($3::int[], $4::numeric[], $5::date[]) AS t(jaar, waarde, peildatum)`,
      [
        afspraakId,
        paId,
        doelwaarden.map((d) => d.jaar),
        doelwaarden.map((d) => d.waarde),
        doelwaarden.map((d) => peildatumVoor(d)),
      ],
    );
  }

  /** Each id must be an organisation that may be a party in this gemeente (domain rule). */
  private async partijFouten(
    ids: readonly string[],
    gemeenteCode: string,
    binnen?: EntityManager,
  ): Promise<InhoudFout[]> {
    const geldig = ids.filter(isUuid);
    const orgs = new Map(
      (geldig.length ? await this.organisaties.opIds(geldig, binnen) : []).map((o) => [o.id, o]),
    );
    const fouten: InhoudFout[] = [];
    for (const id of ids) {
      const org = orgs.get(id);
      if (!org) fouten.push({ veld: 'partijIds', melding: `Organisatie '${id}' bestaat niet.` });
      else if (
        !magPartijZijn({ soort: org.soort, code: org.code, werkgebied: org.werkgebiedCodes }, gemeenteCode)
      ) {
        fouten.push({
          veld: 'partijIds',
          melding: `${org.naam} kan geen partij zijn bij prestatieafspraken van deze gemeente.`,
        });
      }
    }
    return fouten;
  }
}

function afspraakSnapshot(a: AfspraakInput) {
  return {
    actielijn: a.actielijn,
    aandachtsgroep: a.aandachtsgroep ?? null,
    omschrijving: a.omschrijving.trim(),
    indicatorCode: a.indicatorCode ?? null,
    doelwaarden: (a.doelwaarden ?? []).map((d) => ({
      jaar: d.jaar,
      waarde: d.waarde,
      peildatum: peildatumVoor(d),
    })),
    mijlpaalDatum: a.mijlpaalDatum ?? null,
    verantwoordelijkeId: a.verantwoordelijkeId,
  };
}

function rijSnapshot(a: AfspraakRij) {
  return {
    afspraakId: a.id,
    volgnummer: a.volgnummer,
    actielijn: a.actielijn,
    aandachtsgroep: a.aandachtsgroep,
    omschrijving: a.omschrijving,
    indicatorCode: a.indicatorCode,
    doelwaarden: a.doelwaarden,
    mijlpaalDatum: a.mijlpaalDatum,
    verantwoordelijkeId: a.verantwoordelijkeId,
  };
}
