import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { heeftPermissie, type RequestContext } from '@thuismonitor/auth';
import {
  afsprakenUitBod,
  bodDeadline,
  bodFouten,
  regimeVoorCyclus,
  bodStatusLabel,
  bodTeLaat,
  bodVerzendFouten,
  indicatorOpCode,
  isIndicatorCode,
  magPartijZijn,
  titelFouten,
  type ActielijnCode,
  type InhoudFout,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie/organisatie.service';
import type { Organisatie } from '../organisatie/organisatie.types';
import { isUuid } from '../common/id';
import { RegimeService } from '../volkshuisvesting/regime.service';
import { PrestatieafspraakService } from '../prestatieafspraak/prestatieafspraak.service';
import type { Prestatieafspraak } from '../prestatieafspraak/prestatieafspraak.types';
import { ReferentieService } from '../referentie/referentie.service';
import { leesBoden, leesPrestatieafspraakIds, leesRegels, type BodRij } from './bod.repository';
import type { Bod, BodFilter, BodRegelInput, BodWijziging, NieuwBodInput } from './bod.types';

const NIET_OPGESLAGEN = 'Het bod is niet opgeslagen: controleer de gemarkeerde velden.';
const CONFLICT_MELDING =
  'Iemand anders heeft dit bod intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.';

/**
 * The bod as its own object (Woningwet art. 44): a corporatie drafts it for a gemeente, sends it
 * to the gemeente and its huurdersorganisatie(s), and any of them can start a prestatieafspraak
 * from it. Only the corporatie and, once sent, its recipients see it; for anyone else it does not
 * exist ("niet gevonden"), in the service and in RLS.
 */
@Injectable()
export class BodService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
    private readonly prestatieafspraken: PrestatieafspraakService,
    private readonly regimes: RegimeService,
  ) {}

  /** The bod deadline of a cycle year under the regime in force for that cycle (reference data). */
  private async deadlines(): Promise<(jaar: number) => string> {
    const regimes = await this.regimes.regimes();
    return (jaar) => bodDeadline(regimeVoorCyclus(regimes, jaar), jaar);
  }

  async lijst(ctx: RequestContext, filter: BodFilter = {}): Promise<Bod[]> {
    const waar = ['true'];
    const params: unknown[] = [];
    if (filter.gemeenteCode) {
      params.push(filter.gemeenteCode.trim().toUpperCase());
      waar.push(`b.gemeente_code = $${params.length}`);
    }
    if (filter.jaar != null) {
      params.push(filter.jaar);
      waar.push(`b.jaar = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      waar.push(`b.status = $${params.length}`);
    }
    return this.db.transaction(ctx, async (m) =>
      this.bouw(m, ctx, await leesBoden(m, waar.join(' AND '), params)),
    );
  }

  async opId(ctx: RequestContext, id: string): Promise<Bod> {
    return this.db.transaction(ctx, async (m) => (await this.bouw(m, ctx, [await this.zichtbaar(m, id)]))[0]);
  }

  async create(ctx: RequestContext, invoer: NieuwBodInput): Promise<Bod> {
    if (ctx.principal.organisatie.soort !== 'CORPORATIE')
      throw geenToegang('Alleen een woningcorporatie brengt een bod uit.');
    const gemeenteCode = invoer.gemeenteCode.trim().toUpperCase();
    const gemeente = await this.referentie.gemeente(gemeenteCode);
    if (!gemeente)
      throw ongeldig(`Gemeente '${invoer.gemeenteCode}' bestaat niet.`, [
        { veld: 'gemeenteCode', melding: 'Onbekende gemeente' },
      ]);
    if (!ctx.principal.organisatie.gemeenten.includes(gemeenteCode))
      throw geenToegang('U brengt alleen een bod uit in een gemeente waarin uw corporatie werkt.');
    const gemeenteOrg = (await this.organisaties.lijst({ soort: 'GEMEENTE', gemeenteCode })).find(
      (o) => o.gemeenteCode === gemeenteCode,
    );
    const fouten: InhoudFout[] = [
      ...titelFouten(invoer.titel),
      ...toelichtingFouten(invoer.toelichting),
      ...bodFouten({ jaar: invoer.jaar, regels: invoer.regels }),
    ];
    if (!gemeenteOrg)
      fouten.push({
        veld: 'gemeenteCode',
        melding: `Gemeente ${gemeente.naam} werkt nog niet met Thuismonitor en kan het bod niet ontvangen.`,
      });
    fouten.push(...(await this.huurdersFouten(invoer.huurdersorganisatieIds, gemeenteCode)));
    if (fouten.length)
      throw ongeldig('Het bod is niet aangemaakt: controleer de gemarkeerde velden.', fouten);

    const id = randomUUID();
    return this.db.transaction(ctx, async (m) => {
      await m.query(
        `INSERT INTO bod (id, corporatie_id, gemeente_code, jaar, titel, toelichting) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          ctx.organisatieId,
          gemeenteCode,
          invoer.jaar,
          invoer.titel.trim(),
          invoer.toelichting?.trim() || null,
        ],
      );
      await this.schrijfOntvangers(m, id, [gemeenteOrg!.id, ...invoer.huurdersorganisatieIds]);
      await this.schrijfRegels(m, id, invoer.regels);
      await this.schrijfAudit(m, ctx, { id, gemeenteCode }, 'BOD_AANGEMAAKT', null, {
        jaar: invoer.jaar,
        titel: invoer.titel.trim(),
        regels: invoer.regels.length,
      });
      return (await this.bouw(m, ctx, await leesBoden(m, 'b.id = $1', [id])))[0];
    });
  }

  async update(ctx: RequestContext, id: string, versie: number, wijziging: BodWijziging): Promise<Bod> {
    return this.bewerk(ctx, id, versie, async (m, bod) => {
      const titel = wijziging.titel?.trim() ?? bod.titel;
      const toelichting =
        wijziging.toelichting === undefined ? bod.toelichting : wijziging.toelichting?.trim() || null;
      const fouten = [...titelFouten(titel), ...toelichtingFouten(toelichting)];
      if (wijziging.regels) fouten.push(...bodFouten({ jaar: bod.jaar, regels: wijziging.regels }));
      if (wijziging.huurdersorganisatieIds)
        fouten.push(...(await this.huurdersFouten(wijziging.huurdersorganisatieIds, bod.gemeenteCode, m)));
      if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
      await m.query(`UPDATE bod SET titel = $2, toelichting = $3 WHERE id = $1`, [
        bod.id,
        titel,
        toelichting,
      ]);
      if (wijziging.huurdersorganisatieIds) {
        const gemeenteOrg = await this.gemeenteOrganisatie(m, bod);
        await m.query(`DELETE FROM bod_ontvanger WHERE bod_id = $1`, [bod.id]);
        await this.schrijfOntvangers(m, bod.id, [gemeenteOrg, ...wijziging.huurdersorganisatieIds]);
      }
      if (wijziging.regels) {
        await m.query(`DELETE FROM bod_regel WHERE bod_id = $1`, [bod.id]);
        await this.schrijfRegels(m, bod.id, wijziging.regels);
      }
      return {
        actie: 'BOD_GEWIJZIGD',
        voor: { titel: bod.titel },
        na: { titel, regels: wijziging.regels?.length },
      };
    });
  }

  /** Sends the bod: from now on the gemeente and the huurdersorganisatie(s) read it; it no longer changes. */
  async verzend(ctx: RequestContext, id: string, versie: number): Promise<Bod> {
    return this.bewerk(ctx, id, versie, async (m, bod) => {
      const regels = await leesRegels(m, [bod.id]);
      const soorten = new Map(
        (await this.organisaties.opIds(bod.ontvangerIds, m)).map((o) => [o.id, o.soort]),
      );
      const fouten = bodVerzendFouten({
        regels,
        huurdersorganisaties: bod.ontvangerIds.filter((o) => soorten.get(o) === 'HUURDERSORGANISATIE').length,
      });
      if (fouten.length) throw ongeldig('Het bod is nog niet klaar om te verzenden.', fouten);
      await m.query(
        `UPDATE bod SET status = 'VERZONDEN', verzonden_op = now(), verzonden_door = $2 WHERE id = $1`,
        [bod.id, ctx.principal.naam],
      );
      const [{ datum }] = await m.query(
        `SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date::text AS datum`,
      );
      const deadline = (await this.deadlines())(bod.jaar);
      return {
        actie: 'BOD_VERZONDEN',
        voor: { status: bod.status },
        na: { status: 'VERZONDEN', deadline, teLaat: bodTeLaat(deadline, datum) },
      };
    });
  }

  /**
   * A concept prestatieafspraak from a sent bod: the gemeente, the corporatie and the
   * huurdersorganisatie(s) as parties, the years the bod speaks about, and an afspraak for every
   * bod line with a catalogue indicator and an aantal (doelwaarde in its year; the corporatie is
   * responsible, since the bod states its own intentions). Started by the gemeente or the corporatie.
   */
  async startPrestatieafspraak(
    ctx: RequestContext,
    bodId: string,
    titel?: string | null,
  ): Promise<Prestatieafspraak> {
    const { bod, regels } = await this.db.transaction(ctx, async (m) => {
      const bod = await this.zichtbaar(m, bodId);
      return { bod, regels: await leesRegels(m, [bod.id]) };
    });
    if (bod.status !== 'VERZONDEN')
      throw ongeldig('Een prestatieafspraak start uit een verzonden bod; verzend het bod eerst.');
    const soort = ctx.principal.organisatie.soort;
    if (soort !== 'GEMEENTE' && soort !== 'CORPORATIE')
      throw geenToegang(
        'De gemeente of de corporatie start de prestatieafspraak; de huurdersorganisatie wordt partij.',
      );
    const jaren = regels.map((r) => r.jaar);
    const { afspraken } = afsprakenUitBod(regels);
    return this.prestatieafspraken.create(
      ctx,
      {
        gemeenteCode: bod.gemeenteCode,
        titel: titel?.trim() || `Prestatieafspraken n.a.v. ${bod.titel}`.slice(0, 200),
        jaarVan: Math.min(...jaren),
        jaarTot: Math.max(...jaren),
        partijIds: [bod.corporatieId, ...bod.ontvangerIds],
      },
      {
        bodId: bod.id,
        afspraken: afspraken.map((a) => ({
          actielijn: a.actielijn as ActielijnCode,
          omschrijving: a.omschrijving,
          indicatorCode: a.indicatorCode,
          doelwaarden: a.doelwaarden.map((d) => ({ jaar: d.jaar, waarde: d.waarde })),
          verantwoordelijkeId: bod.corporatieId,
        })),
      },
    );
  }

  private async zichtbaar(m: EntityManager, id: string): Promise<BodRij> {
    const [bod] = isUuid(id) ? await leesBoden(m, 'b.id = $1', [id]) : [];
    if (!bod) throw nietGevonden('Het bod');
    return bod;
  }

  private bewerk(
    ctx: RequestContext,
    id: string,
    versie: number,
    werk: (m: EntityManager, bod: BodRij) => Promise<{ actie: string; voor: unknown; na: unknown }>,
  ): Promise<Bod> {
    return this.db.transaction(ctx, async (m) => {
      const [gezien] = isUuid(id) ? await leesBoden(m, 'b.id = $1', [id]) : [];
      if (!gezien) throw nietGevonden('Het bod');
      if (gezien.corporatieId !== ctx.organisatieId)
        throw geenToegang('Alleen de corporatie die het bod uitbrengt, kan het wijzigen.');
      if (gezien.status !== 'CONCEPT')
        throw ongeldig('Dit bod is verzonden en wijzigt niet meer; maak zo nodig een nieuw bod.');
      // lock (RLS lets only the corporatie lock its own concept); gone meanwhile = sent by someone else
      const [bod] = await leesBoden(m, 'b.id = $1', [id], true);
      if (!bod || bod.versie !== versie || bod.status !== 'CONCEPT') throw conflict(CONFLICT_MELDING);
      const { actie, voor, na } = await werk(m, bod);
      await m.query(`UPDATE bod SET versie = versie + 1, gewijzigd_op = now() WHERE id = $1`, [bod.id]);
      await this.schrijfAudit(m, ctx, bod, actie, voor, na);
      return (await this.bouw(m, ctx, await leesBoden(m, 'b.id = $1', [bod.id])))[0];
    });
  }

  private async bouw(m: EntityManager, ctx: RequestContext, rijen: BodRij[]): Promise<Bod[]> {
    const ids = rijen.map((r) => r.id);
    const regels = await leesRegels(m, ids);
    const pas = await leesPrestatieafspraakIds(m, ids);
    const orgIds = [...new Set(rijen.flatMap((r) => [r.corporatieId, ...r.ontvangerIds]))];
    const orgs = new Map(
      (orgIds.length ? await this.organisaties.opIds(orgIds, m) : []).map((o) => [o.id, o]),
    );
    const deadlineVan = await this.deadlines();
    const uit: Bod[] = [];
    for (const r of rijen) {
      const deadline = deadlineVan(r.jaar);
      const gemeente = (await this.referentie.gemeente(r.gemeenteCode))!;
      const eigen = r.corporatieId === ctx.organisatieId;
      const beheer = heeftPermissie(ctx.principal, 'afspraak:opstellen');
      const acties: string[] = [];
      if (eigen && beheer && r.status === 'CONCEPT') acties.push('BEWERKEN', 'VERZENDEN');
      if (
        beheer &&
        r.status === 'VERZONDEN' &&
        ['GEMEENTE', 'CORPORATIE'].includes(ctx.principal.organisatie.soort)
      )
        acties.push('PRESTATIEAFSPRAAK_STARTEN');
      uit.push({
        id: r.id,
        titel: r.titel,
        toelichting: r.toelichting,
        jaar: r.jaar,
        deadline,
        status: r.status,
        statusLabel: bodStatusLabel(r.status),
        versie: r.versie,
        gemeente,
        corporatie: orgs.get(r.corporatieId) as Organisatie,
        ontvangers: r.ontvangerIds.map((o) => orgs.get(o)).filter((o): o is Organisatie => !!o),
        regels: regels
          .filter((g) => g.bodId === r.id)
          .map((g) => ({ ...g, actielijn: g.actielijn as ActielijnCode })),
        verzondenOp: r.verzondenDatum,
        teLaat: r.verzondenDatum ? bodTeLaat(deadline, r.verzondenDatum) : null,
        prestatieafspraakIds: pas.get(r.id) ?? [],
        mogelijkeActies: acties,
      });
    }
    return uit;
  }

  private async gemeenteOrganisatie(m: EntityManager, bod: BodRij): Promise<string> {
    const orgs = await this.organisaties.opIds(bod.ontvangerIds, m);
    return orgs.find((o) => o.soort === 'GEMEENTE')!.id;
  }

  /** Recipients besides the gemeente: huurdersorganisaties working in the gemeente, each once. */
  private async huurdersFouten(
    ids: readonly string[],
    gemeenteCode: string,
    binnen?: EntityManager,
  ): Promise<InhoudFout[]> {
    if (new Set(ids).size !== ids.length)
      return [{ veld: 'huurdersorganisatieIds', melding: 'Een huurdersorganisatie staat er twee keer in.' }];
    const geldig = ids.filter(isUuid);
    const orgs = new Map(
      (geldig.length ? await this.organisaties.opIds(geldig, binnen) : []).map((o) => [o.id, o]),
    );
    const fouten: InhoudFout[] = [];
    for (const id of ids) {
      const org = orgs.get(id);
      if (!org) fouten.push({ veld: 'huurdersorganisatieIds', melding: `Organisatie '${id}' bestaat niet.` });
      else if (
        org.soort !== 'HUURDERSORGANISATIE' ||
        !magPartijZijn({ soort: org.soort, code: org.code, werkgebied: org.werkgebiedCodes }, gemeenteCode)
      )
        fouten.push({
          veld: 'huurdersorganisatieIds',
          melding: `${org.naam} is geen huurdersorganisatie in deze gemeente.`,
        });
    }
    return fouten;
  }

  private async schrijfOntvangers(m: EntityManager, bodId: string, ids: string[]): Promise<void> {
    await m.query(`INSERT INTO bod_ontvanger (bod_id, organisatie_id) SELECT $1, unnest($2::uuid[])`, [
      bodId,
      ids,
    ]);
  }

  private async schrijfRegels(
    m: EntityManager,
    bodId: string,
    regels: readonly BodRegelInput[],
  ): Promise<void> {
    if (!regels.length) return;
    await m.query(
      `INSERT INTO bod_regel (bod_id, volgnummer, jaar, actielijn, omschrijving, indicator_code, aantal, eenheid)
       SELECT $1, t.nr, t.jaar, t.actielijn, t.omschrijving, t.indicator, t.aantal, t.eenheid
       FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[])
         AS t(nr, jaar, actielijn, omschrijving, indicator, aantal, eenheid)`,
      [
        bodId,
        regels.map((_, i) => i + 1),
        regels.map((r) => r.jaar),
        regels.map((r) => r.actielijn),
        regels.map((r) => r.omschrijving.trim()),
        regels.map((r) => r.indicatorCode || null),
        regels.map((r) => r.aantal ?? null),
        // with an indicator the unit is the indicator's, so a prestatieafspraak measures the same thing
        regels.map((r) =>
          r.indicatorCode && isIndicatorCode(r.indicatorCode)
            ? indicatorOpCode(r.indicatorCode).eenheid.toLowerCase()
            : r.eenheid?.trim() || null,
        ),
      ],
    );
  }

  private schrijfAudit(
    m: EntityManager,
    ctx: RequestContext,
    bod: { id: string; gemeenteCode: string },
    actie: string,
    voor: unknown,
    na: unknown,
  ): Promise<void> {
    return this.audit.schrijf(m, ctx, {
      actie,
      entiteit: 'bod',
      entiteitId: bod.id,
      gemeenteCode: bod.gemeenteCode,
      voor,
      na,
    });
  }
}

function toelichtingFouten(t: string | null | undefined): InhoudFout[] {
  return (t?.trim().length ?? 0) > 4000
    ? [{ veld: 'toelichting', melding: 'De toelichting is langer dan 4000 tekens.' }]
    : [];
}
