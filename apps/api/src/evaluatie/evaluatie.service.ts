import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { magOverlegZien, type RequestContext } from '@thuismonitor/auth';
import {
  evaluatieJaarFouten,
  evaluatieOordeelLabel,
  evaluatieRegelFouten,
  evaluatieVaststelFouten,
} from '@thuismonitor/domain';
import { conflict, GebruikersFout, nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { OrganisatieService } from '../organisatie';
import { leesZichtbaar } from '../prestatieafspraak';
import { PrestatieafspraakAudit } from '../prestatieafspraak';
import { leesAfspraken, type PaRij } from '../prestatieafspraak';
import {
  leesEvaluatie,
  leesEvaluatieRegels,
  schrijfEvaluatieRegel,
  stelEvaluatieVast,
  verhoogEvaluatieVersie,
  vergrendelEvaluatie,
  voegEvaluatieToe,
} from './evaluatie.repository';
import { VoortgangService } from '../voortgang';
import type { Evaluatie, EvaluatieRegelInput } from './evaluatie.types';

const CONFLICT_MELDING =
  'Iemand anders heeft deze evaluatie intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.';

/**
 * The joint evaluation of one year of a prestatieafspraak: any party writes (concept), any party
 * fixes it once every afspraak has an oordeel (VASTGESTELD, then it no longer changes). Parties
 * only: for anyone else the prestatieafspraak "is niet gevonden", also for provincie and Rijk who
 * can read the prestatieafspraak itself (the evaluation is the parties' own talk, like reacties).
 */
@Injectable()
export class EvaluatieService {
  private readonly logger = new Logger(EvaluatieService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: PrestatieafspraakAudit,
    private readonly organisaties: OrganisatieService,
    private readonly voortgang: VoortgangService,
    private readonly klok: Klok,
  ) {}

  async lees(ctx: RequestContext, prestatieafspraakId: string, jaar: number): Promise<Evaluatie> {
    const { pa, evaluatie, regels, afspraken } = await this.db.transaction(ctx, async (m) => {
      const pa = await this.alsPartij(m, ctx, prestatieafspraakId);
      return { pa, ...(await this.laad(m, pa.id, jaar)) };
    });
    const cijfers = await this.cijfers(ctx, pa, jaar);
    const door = evaluatie?.vastgesteldDoorId
      ? ((await this.organisaties.opIds([evaluatie.vastgesteldDoorId]))[0] ?? null)
      : null;
    return {
      prestatieafspraakId: pa.id,
      jaar,
      status: evaluatie?.status ?? null,
      versie: evaluatie?.versie ?? 0,
      vastgesteldOp: evaluatie?.vastgesteldDatum ?? null,
      vastgesteldDoor: door,
      regels: afspraken.map((a) => {
        const r = regels.get(a.id);
        const c = cijfers.get(a.id);
        return {
          afspraakId: a.id,
          volgnummer: a.volgnummer,
          omschrijving: a.omschrijving,
          doelwaarde: a.doelwaarden.find((d) => d.jaar === jaar)?.waarde ?? null,
          realisatie: c?.waarde ?? null,
          realisatieWeergave: c?.weergave ?? null,
          mijlpaalStatus: a.mijlpaalStatus,
          oordeel: r?.oordeel ?? null,
          oordeelLabel: r?.oordeel ? evaluatieOordeelLabel(r.oordeel) : null,
          toelichting: r?.toelichting ?? null,
        };
      }),
    };
  }

  /** Saves the concept (creates it on first save: versie 0); lines given replace those lines. */
  async slaOp(
    ctx: RequestContext,
    prestatieafspraakId: string,
    jaar: number,
    versie: number,
    invoer: EvaluatieRegelInput[],
  ): Promise<Evaluatie> {
    const paId = await this.db.transaction(ctx, async (m) => {
      const pa = await this.alsPartij(m, ctx, prestatieafspraakId);
      const { evaluatie, afspraken } = await this.laad(m, pa.id, jaar, true);
      const fouten = [
        ...evaluatieJaarFouten(pa, jaar, this.klok.vandaag()),
        ...evaluatieRegelFouten(
          invoer,
          afspraken.map((a) => a.id),
        ),
      ];
      if (pa.status === 'CONCEPT' || pa.status === 'TER_ONDERTEKENING')
        fouten.push({
          veld: 'prestatieafspraakId',
          melding: 'Alleen vastgestelde afspraken worden geëvalueerd.',
        });
      if (fouten.length)
        throw ongeldig('De evaluatie is niet opgeslagen: controleer de gemarkeerde velden.', fouten);
      if (evaluatie?.status === 'VASTGESTELD')
        throw ongeldig('Deze evaluatie is vastgesteld en wijzigt niet meer.');
      if ((evaluatie?.versie ?? 0) !== versie) throw conflict(CONFLICT_MELDING);
      let id = evaluatie?.id;
      if (!id) {
        try {
          id = await voegEvaluatieToe(m, pa.id, jaar);
        } catch (err) {
          // another party saved the first version at the same moment
          if ((err as { code?: string }).code === '23505') throw conflict(CONFLICT_MELDING);
          throw err;
        }
      } else await verhoogEvaluatieVersie(m, id);
      for (const r of invoer)
        await schrijfEvaluatieRegel(m, {
          evaluatieId: id,
          afspraakId: r.afspraakId,
          oordeel: r.oordeel ?? null,
          toelichting: r.toelichting?.trim() || null,
          door: ctx.organisatieId,
        });
      await this.audit.schrijf(m, ctx, pa, 'EVALUATIE_BIJGEWERKT', null, {
        jaar,
        regels: invoer.map((r) => ({ afspraakId: r.afspraakId, oordeel: r.oordeel ?? null })),
      });
      return pa.id;
    });
    return this.lees(ctx, paId, jaar);
  }

  async stelVast(
    ctx: RequestContext,
    prestatieafspraakId: string,
    jaar: number,
    versie: number,
  ): Promise<Evaluatie> {
    const paId = await this.db.transaction(ctx, async (m) => {
      const pa = await this.alsPartij(m, ctx, prestatieafspraakId);
      const { evaluatie, regels, afspraken } = await this.laad(m, pa.id, jaar, true);
      if (!evaluatie) throw ongeldig('Er is nog niets ingevuld voor deze evaluatie.');
      if (evaluatie.status === 'VASTGESTELD') throw ongeldig('Deze evaluatie is al vastgesteld.');
      if (evaluatie.versie !== versie) throw conflict(CONFLICT_MELDING);
      const fouten = evaluatieVaststelFouten(
        afspraken.map((a) => ({ afspraakId: a.id, omschrijving: a.omschrijving })),
        [...regels.values()],
      );
      if (fouten.length) throw ongeldig('De evaluatie is nog niet compleet.', fouten);
      await stelEvaluatieVast(m, evaluatie.id, ctx.organisatieId);
      await this.audit.schrijf(
        m,
        ctx,
        pa,
        'EVALUATIE_VASTGESTELD',
        { status: 'CONCEPT' },
        { jaar, status: 'VASTGESTELD' },
      );
      return pa.id;
    });
    return this.lees(ctx, paId, jaar);
  }

  private async alsPartij(m: EntityManager, ctx: RequestContext, id: string): Promise<PaRij> {
    const pa = await leesZichtbaar(m, ctx, id);
    if (!magOverlegZien(ctx.principal, pa)) throw nietGevonden('De prestatieafspraak');
    return pa;
  }

  private async laad(m: EntityManager, paId: string, jaar: number, voorUpdate = false) {
    let evaluatie = await leesEvaluatie(m, paId, jaar);
    // lock a concept for the change and read it again under the lock (RLS lets parties lock only
    // a concept; a fixed one is read as is and refused by the caller)
    if (voorUpdate && evaluatie?.status === 'CONCEPT') {
      await vergrendelEvaluatie(m, evaluatie.id);
      evaluatie = await leesEvaluatie(m, paId, jaar);
    }
    const regelRijen = evaluatie ? await leesEvaluatieRegels(m, evaluatie.id) : [];
    return {
      evaluatie,
      regels: new Map(regelRijen.map((r) => [r.afspraakId, r])),
      afspraken: await leesAfspraken(m, [paId]),
    };
  }

  /**
   * The figures the product already computes for afspraken progress (voortgang, field afspraken)
   * for the gemeente and the year, with the viewer's own disclosure rules. No figures (null)
   * when voortgang refuses the question for this viewer (e.g. a year without closed quarters).
   */
  private async cijfers(ctx: RequestContext, pa: PaRij, jaar: number) {
    const uit = new Map<string, { waarde: number | null; weergave: string }>();
    if (pa.status !== 'VASTGESTELD') return uit;
    try {
      const v = await this.voortgang.voortgang(
        ctx,
        { soort: 'GEMEENTE', code: pa.gemeenteCode },
        { jaar },
        { metAfspraken: true },
      );
      for (const a of v.afspraken ?? [])
        if (a.prestatieafspraakId === pa.id && a.realisatie)
          uit.set(a.afspraakId, { waarde: a.realisatie.waarde, weergave: a.realisatie.weergave });
    } catch (err) {
      if (!(err instanceof GebruikersFout)) throw err;
      this.logger.log(`No voortgang figures for evaluation of ${pa.id} ${jaar}: ${err.message}`);
    }
    return uit;
  }
}
