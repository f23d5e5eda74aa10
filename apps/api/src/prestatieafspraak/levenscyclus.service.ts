import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  magConceptVerwijderen,
  magPrestatieafspraakBeeindigen,
  type RequestContext,
} from '@thuismonitor/auth';
import {
  formatDatum,
  indienFouten,
  isVastTeStellen,
  magOndertekenenInStatus,
  vandaagInAmsterdam,
  volgendeStatus,
  type OrganisatieSoort,
} from '@thuismonitor/domain';
import { conflict, geenToegang, ongeldig } from '../common/fouten';
import { ScopedDb } from '../database/scoped-db.service';
import { controleerVersie, vergrendelVoorPartij } from './bewerking';
import { PrestatieafspraakAudit } from './prestatieafspraak-audit';
import {
  leesAfspraken,
  leesOndertekeningen,
  organisatieSoorten,
  verhoogVersie,
} from './prestatieafspraak.repository';
import { PrestatieafspraakService } from './prestatieafspraak.service';
import type { Prestatieafspraak } from './prestatieafspraak.types';

const UNIEK = '23505';

/**
 * The life of a prestatieafspraak, with the domain state machine (volgendeStatus):
 * CONCEPT → indienen → TER_ONDERTEKENING → every party signs → VASTGESTELD → beeindigen → BEEINDIGD;
 * terugtrekken (with a reason) back to CONCEPT voids the signatures; a change after vaststelling
 * is a new version (startWijziging) that, once VASTGESTELD, ends the version it replaces.
 * Every step locks the prestatieafspraak row first, so concurrent steps run one after the other.
 */
@Injectable()
export class LevenscyclusService {
  private readonly logger = new Logger(LevenscyclusService.name);

  constructor(
    private readonly prestatieafspraken: PrestatieafspraakService,
    private readonly audit: PrestatieafspraakAudit,
    private readonly db: ScopedDb,
  ) {}

  indienen(ctx: RequestContext, id: string, versie: number): Promise<Prestatieafspraak> {
    return this.prestatieafspraken.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      controleerVersie(pa, versie);
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
      // ingediend_op keeps the first submission: that is when the bod reached the other parties.
      await verhoogVersie(m, pa.id, `status = $2, ingediend_op = coalesce(ingediend_op, now())`, [status]);
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
   * A tekenbevoegde signs for their own organisation, once; a huurdersorganisatie may also sign a
   * vastgestelde prestatieafspraak (its signature is optional). The row lock makes the check "all
   * parties signed" race-free: of two last signatures at the same moment, the second waits for
   * the first to commit and then sees it, so exactly one of them makes it VASTGESTELD.
   */
  ondertekenen(ctx: RequestContext, id: string, versie: number): Promise<Prestatieafspraak> {
    return this.prestatieafspraken.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      if (!magOndertekenenInStatus(pa.status, ctx.principal.organisatie.soort)) {
        throw ongeldig('U kunt alleen tekenen wanneer de prestatieafspraak ter ondertekening ligt.');
      }
      // The signer signs the content they saw; a withdrawn-and-changed text has a new versie.
      // Vaststelling raises versie without changing the text, so a huurdersorganisatie co-signing
      // afterwards may send the versie the others signed.
      if (pa.status === 'VASTGESTELD') {
        const [{ getekend }] = await m.query(
          `SELECT max(versie) AS getekend FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = $1`,
          [pa.id],
        );
        if (versie !== getekend) controleerVersie(pa, versie);
      } else controleerVersie(pa, versie);
      const eerder = (await leesOndertekeningen(m, [pa.id])).find(
        (o) => o.organisatieId === ctx.organisatieId,
      );
      if (eerder) throw this.alGetekend(eerder.getekendDoor, eerder.getekendOp);
      try {
        await m.query(
          `INSERT INTO prestatieafspraak_ondertekening (prestatieafspraak_id, organisatie_id, getekend_door_sub, getekend_door, versie)
           VALUES ($1, $2, $3, $4, $5)`,
          [pa.id, ctx.organisatieId, ctx.principal.sub, ctx.principal.naam, versie],
        );
      } catch (err) {
        if ((err as { code?: string }).code === UNIEK) throw this.alGetekend();
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
        await verhoogVersie(m, pa.id, `status = $2, vastgesteld_op = now()`, [status]);
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
    return this.prestatieafspraken.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      controleerVersie(pa, versie);
      const status = volgendeStatus(pa.status, 'TERUGTREKKEN', reden);
      const vervallen = await leesOndertekeningen(m, [pa.id]);
      await m.query(`DELETE FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = $1`, [pa.id]);
      await verhoogVersie(m, pa.id, `status = $2`, [status]);
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
    return this.prestatieafspraken.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      if (pa.status !== 'VASTGESTELD') {
        throw ongeldig(
          'Alleen een vastgestelde prestatieafspraak wordt gewijzigd met een nieuwe versie; een concept kunt u gewoon bewerken.',
        );
      }
      if (pa.volgendeVersieId) throw this.wijzigingLoopt();
      const nieuw = randomUUID();
      try {
        await m.query(
          `INSERT INTO prestatieafspraak (id, gemeente_code, titel, jaar_van, jaar_tot, is_bod, opgesteld_door_id, versienummer, vorige_versie_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            nieuw,
            pa.gemeenteCode,
            pa.titel,
            pa.jaarVan,
            pa.jaarTot,
            // a wijziging is not a bod, whoever starts it (the bod is its own object since issue 12)
            false,
            ctx.organisatieId,
            pa.versienummer + 1,
            pa.id,
          ],
        );
      } catch (err) {
        // Someone else started one meanwhile, or one exists that this party cannot see.
        if ((err as { code?: string }).code === UNIEK) throw this.wijzigingLoopt();
        throw err;
      }
      await m.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id)
         SELECT $1, organisatie_id FROM prestatieafspraak_partij WHERE prestatieafspraak_id = $2`,
        [nieuw, pa.id],
      );
      await m.query(
        `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, aandachtsgroep, omschrijving, soort, indicator_code,
                               catalogus_versie, mijlpaal_datum, mijlpaal_status, mijlpaal_toelichting, mijlpaal_gereed_op,
                               mijlpaal_bijgewerkt_op, verantwoordelijke_id, vorige_afspraak_id)
         SELECT $1, volgnummer, actielijn, aandachtsgroep, omschrijving, soort, indicator_code, catalogus_versie, mijlpaal_datum,
                mijlpaal_status, mijlpaal_toelichting, mijlpaal_gereed_op, mijlpaal_bijgewerkt_op, verantwoordelijke_id, id
         FROM afspraak WHERE prestatieafspraak_id = $2`,
        [nieuw, pa.id],
      );
      await m.query(
        `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, waarde, peildatum)
         SELECT n.id, $1, d.jaar, d.waarde, d.peildatum
         FROM afspraak_doelwaarde d JOIN afspraak n ON n.vorige_afspraak_id = d.afspraak_id AND n.prestatieafspraak_id = $1
         WHERE d.prestatieafspraak_id = $2`,
        [nieuw, pa.id],
      );
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
        {
          versienummer: pa.versienummer + 1,
        },
      );
      return nieuw;
    });
  }

  beeindigen(ctx: RequestContext, id: string, versie: number, reden: string): Promise<Prestatieafspraak> {
    return this.prestatieafspraken.naMutatie(ctx, async (m) => {
      const pa = await vergrendelVoorPartij(m, ctx, id);
      if (!magPrestatieafspraakBeeindigen(ctx.principal, pa)) {
        throw geenToegang('Alleen de gemeente kan een vastgestelde prestatieafspraak beëindigen.');
      }
      controleerVersie(pa, versie);
      const status = volgendeStatus(pa.status, 'BEEINDIGEN');
      const tekst = reden.trim();
      if (!tekst)
        throw ongeldig('Geef een reden op voor het beëindigen.', [{ veld: 'reden', melding: 'Verplicht' }]);
      if (tekst.length > 500)
        throw ongeldig('De reden is langer dan 500 tekens.', [{ veld: 'reden', melding: 'Te lang' }]);
      await verhoogVersie(m, pa.id, `status = $2, beeindigd_op = now(), beeindigd_reden = $3`, [
        status,
        tekst,
      ]);
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
      if (pa.status !== 'CONCEPT' || pa.ingediendOp !== null) {
        throw ongeldig(
          pa.status === 'CONCEPT'
            ? 'Dit concept is al eens ter ondertekening aangeboden en blijft daarom bewaard. U kunt het aanpassen en opnieuw aanbieden.'
            : 'Alleen een concept kan worden verwijderd. Een voorstel trekt u terug; een vastgestelde prestatieafspraak beëindigt de gemeente.',
        );
      }
      if (!magConceptVerwijderen(ctx.principal, pa)) {
        throw geenToegang(
          'Alleen de organisatie die het concept opstelde of de gemeente kan het verwijderen.',
        );
      }
      controleerVersie(pa, versie);
      // a geschil (or an evaluatie) about the concept is on record and refers to it (the foreign
      // key refuses the delete anyway; this says so in Dutch rather than failing)
      const [{ geschillen }] = await m.query(
        `SELECT (SELECT count(*) FROM geschil WHERE prestatieafspraak_id = $1)
              + (SELECT count(*) FROM evaluatie WHERE prestatieafspraak_id = $1) AS geschillen`,
        [pa.id],
      );
      if (Number(geschillen) > 0)
        throw ongeldig('Over dit concept is een geschil of evaluatie vastgelegd; het blijft daarom bewaard.');
      const afspraken = await leesAfspraken(m, [pa.id]);
      const [{ reacties }] = await m.query(
        `SELECT count(*)::int AS reacties FROM prestatieafspraak_reactie WHERE prestatieafspraak_id = $1`,
        [pa.id],
      );
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
      // TypeORM answers a DELETE with [rows, rowCount]
      const [, aantal] = await m.query(`DELETE FROM prestatieafspraak WHERE id = $1`, [pa.id]);
      // RLS refuses what the checks above should already have refused (second wall)
      if (aantal !== 1)
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
    const [{ vorige }] = await m.query(`SELECT tm_vervang_vorige_versie($1) AS vorige`, [pa.id]);
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
      {
        status,
        vervangenDoor: pa.id,
        versienummer: pa.versienummer,
      },
    );
  }

  private alGetekend(door?: string, op?: Date) {
    return conflict(
      door && op
        ? `Uw organisatie heeft deze prestatieafspraak al ondertekend (${door}, ${formatDatum(vandaagInAmsterdam(op))}). Eén handtekening per partij is genoeg.`
        : 'Uw organisatie heeft deze prestatieafspraak al ondertekend. Eén handtekening per partij is genoeg.',
    );
  }

  private wijzigingLoopt() {
    return conflict(
      'Er is al een nieuwe versie van deze prestatieafspraak in voorbereiding. Werk die bij in plaats van een tweede te starten.',
    );
  }
}
