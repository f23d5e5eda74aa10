import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { alGetekendMelding, WIJZIGING_LOOPT, type RequestContext } from '@thuismonitor/auth';
import { indienFouten, isVastTeStellen, volgendeStatus, type OrganisatieSoort } from '@thuismonitor/domain';
import { conflict, geenToegang, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { vereisActie, vergrendelVoorPartij } from './bewerking';
import { PrestatieafspraakAudit } from './prestatieafspraak-audit';
import {
  aantalReacties,
  kopieerInhoud,
  verwijderPrestatieafspraak,
  vervangVorigeVersie,
  voegPrestatieafspraakToe,
} from './prestatieafspraak-inhoud.repository';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import {
  getekendeVersie,
  leesAfspraken,
  leesOndertekeningen,
  metGeschilOfEvaluatie,
  organisatieSoorten,
  verhoogVersie,
  verwijderOndertekeningen,
  voegOndertekeningToe,
} from './prestatieafspraak.repository';
import type { Prestatieafspraak } from './prestatieafspraak.types';

const UNIEK = '23505';

/**
 * The life of a prestatieafspraak, with the domain state machine (volgendeStatus):
 * CONCEPT → indienen → TER_ONDERTEKENING → every party signs → VASTGESTELD → beeindigen → BEEINDIGD;
 * terugtrekken (with a reason) back to CONCEPT voids the signatures; a change after vaststelling
 * is a new version (startWijziging) that, once VASTGESTELD, ends the version it replaces.
 * Every step locks the prestatieafspraak row first, so concurrent steps run one after the other,
 * then asks the same decision as the buttons (vereisActie → libs/auth magPrestatieafspraakActie).
 */
@Injectable()
export class LevenscyclusService {
  private readonly logger = new Logger(LevenscyclusService.name);

  constructor(
    private readonly lezer: PrestatieafspraakLezer,
    private readonly audit: PrestatieafspraakAudit,
    private readonly db: ScopedDb,
  ) {}

  indienen(ctx: RequestContext, id: string, versie: number): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'INDIENEN', { versie });
      const status = volgendeStatus(pa.status, 'INDIENEN');
      const soorten = await organisatieSoorten(m, pa.partijIds);
      const afspraken = await leesAfspraken(m, [pa.id]);
      const fouten = indienFouten({
        jaarVan: pa.jaarVan,
        jaarTot: pa.jaarTot,
        partijSoorten: pa.partijIds.map((p) => soorten.get(p) as OrganisatieSoort),
        afspraken: afspraken.map((a) => ({
          omschrijving: a.omschrijving,
          soort: a.soort,
          doelwaardeJaren: a.doelwaarden.map((d) => d.jaar),
        })),
      });
      if (fouten.length) throw ongeldig('De prestatieafspraak is nog niet klaar om te ondertekenen.', fouten);
      await verhoogVersie(m, pa.id, { status, stap: 'INGEDIEND' });
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'INGEDIEND',
        { status: pa.status, versie: pa.versie },
        { status, versie: pa.versie + 1 },
      );
      return pa.id;
    });
  }

  /**
   * A tekenbevoegde signs for their own organisation, once (the decision says who and when). The
   * row lock makes the check "all parties signed" race-free: of two last signatures at the same
   * moment, the second waits for the first to commit and then sees it, so exactly one of them
   * makes it VASTGESTELD.
   */
  ondertekenen(ctx: RequestContext, id: string, versie: number): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'ONDERTEKENEN', {
        versie,
        getekendeVersie: pa.status === 'VASTGESTELD' ? await getekendeVersie(m, pa.id) : undefined,
        ondertekeningen: await leesOndertekeningen(m, [pa.id]),
      });
      try {
        await voegOndertekeningToe(m, {
          paId: pa.id,
          organisatieId: ctx.organisatieId,
          sub: ctx.principal.sub,
          naam: ctx.principal.naam,
          versie,
        });
      } catch (err) {
        if ((err as { code?: string }).code === UNIEK) throw conflict(alGetekendMelding());
        throw err;
      }
      await this.audit.schrijf(m, ctx, pa, 'ONDERTEKEND', null, {
        organisatieId: ctx.organisatieId,
        getekendDoor: ctx.principal.naam,
        versie,
      });

      const ondertekeningen = await leesOndertekeningen(m, [pa.id]);
      const soorten = await organisatieSoorten(m, pa.partijIds);
      // the huurdersorganisatie's signature is optional (isVastTeStellen); it may come after vaststelling
      if (
        pa.status === 'TER_ONDERTEKENING' &&
        isVastTeStellen(
          pa.partijIds.map((p) => ({ partijCode: p, soort: soorten.get(p) as OrganisatieSoort })),
          ondertekeningen.map((o) => ({ partijCode: o.organisatieId })),
        )
      ) {
        const status = volgendeStatus(pa.status, 'ALLES_GETEKEND');
        await verhoogVersie(m, pa.id, { status, stap: 'VASTGESTELD' });
        await this.audit.schrijf(
          m,
          ctx,
          pa,
          'VASTGESTELD',
          { status: pa.status },
          { status, ondertekend: ondertekeningen.map((o) => o.organisatieId) },
        );
        if (pa.vorigeVersieId) await this.vervangVorigeVersie(m, ctx, pa);
      }
      return pa.id;
    });
  }

  terugtrekken(ctx: RequestContext, id: string, versie: number, reden: string): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'TERUGTREKKEN', { versie });
      const status = volgendeStatus(pa.status, 'TERUGTREKKEN', reden);
      const vervallen = await leesOndertekeningen(m, [pa.id]);
      await verwijderOndertekeningen(m, pa.id);
      await verhoogVersie(m, pa.id, { status, stap: 'TERUGGETROKKEN' });
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'TERUGGETROKKEN',
        {
          status: pa.status,
          ondertekeningen: vervallen.map((o) => ({
            organisatieId: o.organisatieId,
            getekendDoor: o.getekendDoor,
            getekendOp: o.getekendOp,
          })),
        },
        { status, reden: reden.trim() },
      );
      return pa.id;
    });
  }

  /**
   * A change to a vastgestelde prestatieafspraak: a new CONCEPT version with the same parties,
   * afspraken and doelwaarden, linked to this one. The old version stays VASTGESTELD (and
   * readable) until the new one is signed by all parties; then it becomes BEEINDIGD.
   */
  startWijziging(ctx: RequestContext, id: string): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'WIJZIGING_STARTEN');
      const nieuw = randomUUID();
      try {
        await voegPrestatieafspraakToe(m, {
          id: nieuw,
          gemeenteCode: pa.gemeenteCode,
          titel: pa.titel,
          jaarVan: pa.jaarVan,
          jaarTot: pa.jaarTot,
          opgesteldDoorId: ctx.organisatieId,
          versienummer: pa.versienummer + 1,
          vorigeVersieId: pa.id,
        });
      } catch (err) {
        // Someone else started one meanwhile, or one exists that this party cannot see.
        if ((err as { code?: string }).code === UNIEK) throw conflict(WIJZIGING_LOOPT);
        throw err;
      }
      await kopieerInhoud(m, nieuw, pa.id);
      await this.audit.schrijf(m, ctx, pa, 'WIJZIGING_GESTART', null, {
        nieuweVersieId: nieuw,
        versienummer: pa.versienummer + 1,
      });
      await this.audit.schrijf(
        m,
        ctx,
        { id: nieuw, gemeenteCode: pa.gemeenteCode },
        'VERSIE_AANGEMAAKT',
        { vorigeVersieId: pa.id, versienummer: pa.versienummer },
        { versienummer: pa.versienummer + 1 },
      );
      return nieuw;
    });
  }

  beeindigen(ctx: RequestContext, id: string, versie: number, reden: string): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      vereisActie(ctx, pa, 'BEEINDIGEN', { versie });
      const status = volgendeStatus(pa.status, 'BEEINDIGEN');
      const tekst = reden.trim();
      if (!tekst)
        throw ongeldig('Geef een reden op voor het beëindigen.', [{ veld: 'reden', melding: 'Verplicht' }]);
      if (tekst.length > 500)
        throw ongeldig('De reden is langer dan 500 tekens.', [{ veld: 'reden', melding: 'Te lang' }]);
      await verhoogVersie(m, pa.id, { status, stap: 'BEEINDIGD', reden: tekst });
      await this.audit.schrijf(m, ctx, pa, 'BEEINDIGD', { status: pa.status }, { status, reden: tekst });
      return pa.id;
    });
  }

  /**
   * Deletes a concept that was never offered for signing (docs/decisions.md "Een concept
   * verwijderen"): by its drafter or the gemeente, both parties. The audit row CONCEPT_VERWIJDERD
   * (written first, in the same transaction) keeps what was deleted; parties, afspraken,
   * doelwaarden and reacties go with the row (ON DELETE CASCADE). The RLS policy
   * prestatieafspraak_concept_verwijderen allows exactly this DELETE, nothing else.
   */
  verwijderConcept(ctx: RequestContext, id: string, versie: number): Promise<string> {
    return this.db.transaction(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      // a geschil or evaluatie about the concept refers to it (the foreign key would refuse too)
      const vastgelegd = (await metGeschilOfEvaluatie(m, [pa.id])).has(pa.id);
      vereisActie(ctx, pa, 'VERWIJDEREN', { versie, vastgelegd });
      const afspraken = await leesAfspraken(m, [pa.id]);
      const reacties = await aantalReacties(m, pa.id);
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'CONCEPT_VERWIJDERD',
        {
          titel: pa.titel,
          jaarVan: pa.jaarVan,
          jaarTot: pa.jaarTot,
          versienummer: pa.versienummer,
          vorigeVersieId: pa.vorigeVersieId,
          bodId: pa.bodId,
          partijIds: pa.partijIds,
          afspraken: afspraken.map((a) => ({ actielijn: a.actielijn, omschrijving: a.omschrijving })),
          reacties,
        },
        null,
      );
      // RLS refuses what the checks above should already have refused (second wall)
      if ((await verwijderPrestatieafspraak(m, pa.id)) !== 1)
        throw geenToegang(
          'Alleen de organisatie die het concept opstelde of de gemeente kan het verwijderen.',
        );
      return pa.id;
    });
  }

  /**
   * The new version is VASTGESTELD: the one it replaces ends (BEEINDIGD, "vervangen door versie
   * n") and stays readable for its parties. Done by tm_vervang_vorige_versie because the last
   * signer need not be a party to the old version (parties may change between versions).
   */
  private async vervangVorigeVersie(
    m: EntityManager,
    ctx: RequestContext,
    pa: { id: string; gemeenteCode: string; versienummer: number; vorigeVersieId: string | null },
  ) {
    const status = volgendeStatus('VASTGESTELD', 'BEEINDIGEN');
    const vorige = await vervangVorigeVersie(m, pa.id);
    if (!vorige) {
      // It was ended by the gemeente meanwhile; nothing to replace.
      this.logger.log(
        `Prestatieafspraak ${pa.vorigeVersieId} was no longer VASTGESTELD when version ${pa.versienummer} was signed`,
      );
      return;
    }
    await this.audit.schrijf(
      m,
      ctx,
      { id: vorige, gemeenteCode: pa.gemeenteCode },
      'VERVANGEN',
      { status: 'VASTGESTELD' },
      { status, vervangenDoor: pa.id, versienummer: pa.versienummer },
    );
  }
}
