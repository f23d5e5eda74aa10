import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  magMijlpaalBijwerken,
  magOverlegZien,
  magPrestatieafspraakActie,
  type RequestContext,
} from '@thuismonitor/auth';
import { isIsoDatum, REACTIE_MAX, TOELICHTING_MAX, type MijlpaalStatus } from '@thuismonitor/domain';
import { geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import { leesZichtbaar, vergrendelVoorPartij } from './bewerking';
import {
  leesAuditLog,
  prestatieafspraakVanAfspraak,
  voegReactieToe,
  werkMijlpaalBij,
} from './overleg.repository';
import { AUDIT_ENTITEIT, auditOmschrijving, PrestatieafspraakAudit } from './prestatieafspraak-audit';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import { leesAfspraken } from './prestatieafspraak.repository';
import type { Prestatieafspraak, PrestatieafspraakAuditRegel } from './prestatieafspraak.types';

/**
 * Between the parties, outside the signed content: reacties (on the whole or on one afspraak),
 * mijlpaal reports by the responsible party, and the audit trail. None of these changes the
 * content, so none raises `versie` and all are possible in any status.
 */
@Injectable()
export class OverlegService {
  constructor(
    private readonly db: ScopedDb,
    private readonly audit: PrestatieafspraakAudit,
    private readonly lezer: PrestatieafspraakLezer,
    private readonly organisaties: OrganisatieService,
    private readonly klok: Klok,
  ) {}

  plaatsReactie(
    ctx: RequestContext,
    prestatieafspraakId: string,
    afspraakId: string | null | undefined,
    tekst: string,
  ): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const pa = await leesZichtbaar(m, ctx, prestatieafspraakId);
      // the same decision as the REAGEREN button
      const besluit = magPrestatieafspraakActie(ctx.principal, pa, 'REAGEREN');
      if (!besluit.toegestaan) throw geenToegang(besluit.reden);
      const inhoud = tekst.trim();
      if (!inhoud) throw ongeldig('Schrijf eerst een reactie.', [{ veld: 'tekst', melding: 'Verplicht' }]);
      if (inhoud.length > REACTIE_MAX)
        throw ongeldig(`Een reactie is hoogstens ${REACTIE_MAX} tekens.`, [
          { veld: 'tekst', melding: 'Te lang' },
        ]);
      if (
        afspraakId != null &&
        !(isUuid(afspraakId) && (await leesAfspraken(m, [pa.id])).some((a) => a.id === afspraakId))
      ) {
        throw nietGevonden('De afspraak');
      }
      const id = randomUUID();
      await voegReactieToe(m, {
        id,
        paId: pa.id,
        afspraakId: afspraakId ?? null,
        organisatieId: ctx.organisatieId,
        auteurSub: ctx.principal.sub,
        auteur: ctx.principal.naam,
        tekst: inhoud,
      });
      await this.audit.schrijf(m, ctx, pa, 'REACTIE_GEPLAATST', null, {
        reactieId: id,
        afspraakId: afspraakId ?? null,
        tekst: inhoud,
      });
      return pa.id;
    });
  }

  /** The responsible party reports where a mijlpaal of a vastgestelde prestatieafspraak stands. */
  updateMijlpaalStatus(
    ctx: RequestContext,
    afspraakId: string,
    status: MijlpaalStatus,
    toelichting: string,
    gereedOp?: string | null,
  ): Promise<Prestatieafspraak> {
    return this.lezer.naMutatie(ctx, async (m) => {
      const paId = isUuid(afspraakId) ? await prestatieafspraakVanAfspraak(m, afspraakId) : undefined;
      if (!paId) throw nietGevonden('De afspraak');
      // Locked like any other change, so a report cannot slip between the old version's
      // replacement and the copy of its mijlpaal state into the new one.
      const pa = await vergrendelVoorPartij(m, ctx, paId);
      const afspraak = (await leesAfspraken(m, [pa.id])).find((a) => a.id === afspraakId)!;
      if (!magMijlpaalBijwerken(ctx.principal, pa, afspraak.verantwoordelijkeId)) {
        throw geenToegang('Alleen de verantwoordelijke partij kan de stand van deze mijlpaal bijwerken.');
      }
      if (afspraak.soort !== 'MIJLPAAL')
        throw ongeldig('Deze afspraak is geen mijlpaal; de voortgang volgt uit de cijfers.');
      if (pa.status !== 'VASTGESTELD') {
        throw ongeldig('De stand van een mijlpaal houdt u bij zodra de prestatieafspraak is vastgesteld.');
      }
      const uitleg = toelichting.trim();
      if (!uitleg)
        throw ongeldig('Licht de stand kort toe.', [{ veld: 'toelichting', melding: 'Verplicht' }]);
      if (uitleg.length > TOELICHTING_MAX) {
        throw ongeldig(`De toelichting is hoogstens ${TOELICHTING_MAX} tekens.`, [
          { veld: 'toelichting', melding: 'Te lang' },
        ]);
      }
      const vandaag = this.klok.vandaag();
      let gereed: string | null = null;
      if (status === 'GEREED') {
        gereed = gereedOp ?? vandaag;
        if (!isIsoDatum(gereed))
          throw ongeldig(`'${gereed}' is geen datum (jjjj-mm-dd).`, [
            { veld: 'gereedOp', melding: 'Ongeldige datum' },
          ]);
        if (gereed > vandaag)
          throw ongeldig('Een mijlpaal kan niet in de toekomst gereed zijn.', [
            { veld: 'gereedOp', melding: 'In de toekomst' },
          ]);
      }
      await werkMijlpaalBij(m, afspraak.id, { status, toelichting: uitleg, gereedOp: gereed });
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'MIJLPAAL_BIJGEWERKT',
        {
          afspraakId: afspraak.id,
          status: afspraak.mijlpaalStatus,
          toelichting: afspraak.mijlpaalToelichting,
          gereedOp: afspraak.mijlpaalGereedOp,
        },
        { afspraakId: afspraak.id, status, toelichting: uitleg, gereedOp: gereed },
      );
      return pa.id;
    });
  }

  /** The history of one prestatieafspraak, for its parties (RLS: audit_log_prestatieafspraak_partij). */
  async auditLog(ctx: RequestContext, prestatieafspraakId: string): Promise<PrestatieafspraakAuditRegel[]> {
    const rijen = await this.db.transaction(ctx, async (m) => {
      const pa = await leesZichtbaar(m, ctx, prestatieafspraakId);
      if (!magOverlegZien(ctx.principal, pa))
        throw geenToegang('De wijzigingsgeschiedenis is alleen zichtbaar voor de partijen.');
      return leesAuditLog(m, AUDIT_ENTITEIT, pa.id);
    });
    const ids = [...new Set(rijen.map((r) => r.organisatieId).filter((id): id is string => !!id))];
    const orgs = new Map((await this.organisaties.opIds(ids)).map((o) => [o.id, o]));
    return rijen.map((r) => ({
      id: r.id,
      tijdstip: r.tijdstip,
      actie: r.actie,
      omschrijving: auditOmschrijving(r.actie),
      organisatie: (r.organisatieId && orgs.get(r.organisatieId)) || null,
      gebruikersnaam: r.gebruikersnaam,
      voor: r.voor === null || r.voor === undefined ? null : JSON.stringify(r.voor),
      na: r.na === null || r.na === undefined ? null : JSON.stringify(r.na),
    }));
  }
}
