import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bodActieWeigering, type BodActie, type BodWeigering, type RequestContext } from '@thuismonitor/auth';
import {
  afsprakenUitBod,
  bodFouten,
  bodRegelVoorOpslag,
  bodTeLaat,
  bodToelichtingFouten,
  bodVerzendFouten,
  magPartijZijn,
  titelFouten,
  type ActielijnCode,
  type InhoudFout,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import { isUuid } from '../common/id';
import { ConceptService } from '../prestatieafspraak';
import type { Prestatieafspraak } from '../prestatieafspraak';
import { ReferentieService } from '../referentie';
import {
  leesBoden,
  leesRegels,
  markeerVerzonden,
  nieuwBod,
  verhoogVersie,
  verwijderOntvangers,
  verwijderRegels,
  voegOntvangersToe,
  voegRegelsToe,
  wijzigBodTekst,
  type BodRij,
} from './bod.repository';
import { BodService } from './bod.service';
import type { Bod, BodRegelInput, BodWijziging, NieuwBodInput } from './bod.types';

const NIET_OPGESLAGEN = 'Het bod is niet opgeslagen: controleer de gemarkeerde velden.';
const CONFLICT_MELDING =
  'Iemand anders heeft dit bod intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.';

/** The Dutch refusal of each reason of bodActieWeigering (the same decision as the buttons). */
function weigering(reden: BodWeigering): Error {
  switch (reden) {
    case 'GEEN_RECHT':
      return geenToegang('U mag geen bod of prestatieafspraak opstellen.');
    case 'NIET_DE_CORPORATIE':
      return geenToegang('Alleen de corporatie die het bod uitbrengt, kan het wijzigen.');
    case 'NIET_CONCEPT':
      return ongeldig('Dit bod is verzonden en wijzigt niet meer; maak zo nodig een nieuw bod.');
    case 'NIET_VERZONDEN':
      return ongeldig('Een prestatieafspraak start uit een verzonden bod; verzend het bod eerst.');
    case 'GEEN_STARTER':
      return geenToegang(
        'De gemeente of de corporatie start de prestatieafspraak; de huurdersorganisatie wordt partij.',
      );
  }
}

function controleer(ctx: RequestContext, bod: BodRij, actie: BodActie): void {
  const reden = bodActieWeigering(ctx.principal, bod, actie);
  if (reden) throw weigering(reden);
}

/** Drafting, changing and sending a bod, and starting a prestatieafspraak from it (BodService reads). */
@Injectable()
export class BodMutatieService {
  constructor(
    private readonly db: ScopedDb,
    private readonly boden: BodService,
    private readonly audit: AuditService,
    private readonly organisaties: OrganisatieService,
    private readonly referentie: ReferentieService,
    private readonly concepten: ConceptService,
  ) {}

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
      ...bodToelichtingFouten(invoer.toelichting),
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
      await nieuwBod(m, {
        id,
        corporatieId: ctx.organisatieId,
        gemeenteCode,
        jaar: invoer.jaar,
        titel: invoer.titel.trim(),
        toelichting: invoer.toelichting?.trim() || null,
      });
      await voegOntvangersToe(m, id, [gemeenteOrg!.id, ...invoer.huurdersorganisatieIds]);
      await this.schrijfRegels(m, id, invoer.regels);
      await this.schrijfAudit(m, ctx, { id, gemeenteCode }, 'BOD_AANGEMAAKT', null, {
        jaar: invoer.jaar,
        titel: invoer.titel.trim(),
        regels: invoer.regels.length,
      });
      return (await this.boden.bouw(m, ctx, await leesBoden(m, { id })))[0];
    });
  }

  async update(ctx: RequestContext, id: string, versie: number, wijziging: BodWijziging): Promise<Bod> {
    return this.bewerk(ctx, id, versie, 'BEWERKEN', async (m, bod) => {
      const titel = wijziging.titel?.trim() ?? bod.titel;
      const toelichting =
        wijziging.toelichting === undefined ? bod.toelichting : wijziging.toelichting?.trim() || null;
      const fouten = [...titelFouten(titel), ...bodToelichtingFouten(toelichting)];
      if (wijziging.regels) fouten.push(...bodFouten({ jaar: bod.jaar, regels: wijziging.regels }));
      if (wijziging.huurdersorganisatieIds)
        fouten.push(...(await this.huurdersFouten(wijziging.huurdersorganisatieIds, bod.gemeenteCode, m)));
      if (fouten.length) throw ongeldig(NIET_OPGESLAGEN, fouten);
      await wijzigBodTekst(m, bod.id, titel, toelichting);
      if (wijziging.huurdersorganisatieIds) {
        const gemeenteOrg = await this.gemeenteOrganisatie(m, bod);
        await verwijderOntvangers(m, bod.id);
        await voegOntvangersToe(m, bod.id, [gemeenteOrg, ...wijziging.huurdersorganisatieIds]);
      }
      if (wijziging.regels) {
        await verwijderRegels(m, bod.id);
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
    return this.bewerk(ctx, id, versie, 'VERZENDEN', async (m, bod) => {
      const regels = await leesRegels(m, [bod.id]);
      const soorten = new Map(
        (await this.organisaties.opIds(bod.ontvangerIds, m)).map((o) => [o.id, o.soort]),
      );
      const fouten = bodVerzendFouten({
        regels,
        huurdersorganisaties: bod.ontvangerIds.filter((o) => soorten.get(o) === 'HUURDERSORGANISATIE').length,
      });
      if (fouten.length) throw ongeldig('Het bod is nog niet klaar om te verzenden.', fouten);
      const datum = await markeerVerzonden(m, bod.id, ctx.principal.naam);
      const deadline = (await this.boden.deadlines())(bod.jaar);
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
      const bod = await this.boden.zichtbaar(m, bodId);
      return { bod, regels: await leesRegels(m, [bod.id]) };
    });
    controleer(ctx, bod, 'PRESTATIEAFSPRAAK_STARTEN');
    const jaren = regels.map((r) => r.jaar);
    const { afspraken } = afsprakenUitBod(regels);
    return this.concepten.create(
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

  private bewerk(
    ctx: RequestContext,
    id: string,
    versie: number,
    actie: BodActie,
    werk: (m: EntityManager, bod: BodRij) => Promise<{ actie: string; voor: unknown; na: unknown }>,
  ): Promise<Bod> {
    return this.db.transaction(ctx, async (m) => {
      const [gezien] = isUuid(id) ? await leesBoden(m, { id }) : [];
      if (!gezien) throw nietGevonden('Het bod');
      controleer(ctx, gezien, actie);
      // lock (RLS lets only the corporatie lock its own concept); gone meanwhile = sent by someone else
      const [bod] = await leesBoden(m, { id }, true);
      if (!bod || bod.versie !== versie || bod.status !== 'CONCEPT') throw conflict(CONFLICT_MELDING);
      const gedaan = await werk(m, bod);
      await verhoogVersie(m, bod.id);
      await this.schrijfAudit(m, ctx, bod, gedaan.actie, gedaan.voor, gedaan.na);
      return (await this.boden.bouw(m, ctx, await leesBoden(m, { id: bod.id })))[0];
    });
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

  private schrijfRegels(m: EntityManager, bodId: string, regels: readonly BodRegelInput[]): Promise<void> {
    return voegRegelsToe(m, bodId, regels.map(bodRegelVoorOpslag));
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
