import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, magSchrijvenVoorGemeente, type RequestContext } from '@thuismonitor/auth';
import {
  formatHalfjaar,
  halfjaarBeoordeeld,
  halfjaarStart,
  isIsoDatum,
  maakGemeenteZoeker,
  parseHalfjaar,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import { GebiedService } from '../gebied';
import { ReferentieService } from '../referentie';
import { leesCoaBestand } from './coa-bestand';
import { StatushoudersBeleidService } from './statushouders-beleid.service';
import {
  INTERVENTIE_TREDEN,
  OORDEEL_LABEL,
  TREDE_LABEL,
  TREDEN_MET_TERMIJN,
  type CoaImportResultaat,
  type StatushoudersInterventie,
  type StelInterventieInput,
} from './statushouders-toezicht.types';
import {
  beginCoaImport,
  interventieRijen,
  verwijderCoaMaanden,
  voegCoaRealisatieToe,
  voegInterventieToe,
  type InterventieRij,
} from './statushouders-toezicht.repository';

/** A file larger than this is not a monthly COA overview (342 gemeenten × a few months). */
/** GraphQL bodies are at most 2 MB (app.factory.ts); a larger text never reaches this check. */
const MAX_TEKENS = 2_000_000;
/** errors listed per refused file; the rest are counted */
const MAX_FOUTEN = 100;

/**
 * The provincie's supervision of the statushouders taakstelling: COA's realisation per gemeente
 * per month (imported by the Rijk) and the interventieladder step per gemeente (set by the
 * provincie the gemeente lies in). Reading both is open to everyone with the gemeente in scope:
 * COA's figure is public and exact, and so is the provincie's judgement.
 */
@Injectable()
export class StatushoudersToezichtService {
  constructor(
    private readonly db: ScopedDb,
    private readonly gebieden: GebiedService,
    private readonly referentie: ReferentieService,
    private readonly audit: AuditService,
    private readonly klok: Klok,
    private readonly beleid: StatushoudersBeleidService,
  ) {}

  /**
   * Imports a COA file. Everything or nothing: a file with any bad line is refused with every
   * line's error and stores nothing; a good file replaces the months it contains, for all
   * gemeenten (a re-import of a month is idempotent), in one transaction.
   */
  async importeerCoa(ctx: RequestContext, bestandsnaam: string, inhoud: string): Promise<CoaImportResultaat> {
    if (ctx.principal.organisatie.soort !== 'RIJK')
      throw geenToegang('Alleen het Rijk (BZK) leest de COA-realisatie in.');
    const naam = bestandsnaam.trim();
    if (!naam)
      throw ongeldig('Geef de naam van het bestand.', [{ veld: 'bestandsnaam', melding: 'verplicht' }]);
    if (inhoud.length > MAX_TEKENS)
      throw ongeldig('Het bestand is te groot voor een COA-overzicht (meer dan 2 MB).');

    const gemeenten = await this.referentie.gemeenten();
    const codes = new Set(gemeenten.map((g) => g.code));
    const zoek = maakGemeenteZoeker(gemeenten);
    const vandaag = this.klok.vandaag();
    const uitkomst = leesCoaBestand(inhoud, (c) => codes.has(c), zoek, `${vandaag.slice(0, 7)}-01`);
    if (!uitkomst.ok) {
      const getoond = uitkomst.fouten.slice(0, MAX_FOUTEN);
      const meer = uitkomst.fouten.length - getoond.length;
      throw ongeldig(
        `Het bestand is niet ingelezen: ${uitkomst.fouten.length} ${uitkomst.fouten.length === 1 ? 'regel klopt' : 'regels kloppen'} niet. ` +
          `Er is niets opgeslagen.${meer > 0 ? ` (${meer} fouten niet getoond.)` : ''}`,
        getoond.map((f) => ({ veld: `regel ${f.regel}`, melding: f.melding })),
      );
    }
    const rijen = uitkomst.rijen;
    const maanden = [...new Set(rijen.map((r) => r.maand))].sort();

    return this.db.transaction(ctx, async (m) => {
      const id = await beginCoaImport(m, {
        organisatieId: ctx.organisatieId,
        gebruiker: ctx.principal.sub,
        bestandsnaam: naam,
        maanden,
        rijen: rijen.length,
      });
      const vervangen = await verwijderCoaMaanden(m, maanden);
      await voegCoaRealisatieToe(m, id, rijen);
      const resultaat: CoaImportResultaat = {
        id,
        rijen: rijen.length,
        gemeenten: new Set(rijen.map((r) => r.gemeenteCode)).size,
        maanden: maanden.map((d) => d.slice(0, 7)),
        vervangen,
      };
      await this.audit.schrijf(m, ctx, {
        actie: 'IMPORTEER_COA_REALISATIE',
        entiteit: 'coa_import',
        entiteitId: id,
        na: { bestandsnaam: naam, ...resultaat },
      });
      return resultaat;
    });
  }

  /** Sets the next step for a gemeente: a new row; earlier rows stay as its history. */
  async stelInterventie(
    ctx: RequestContext,
    invoer: StelInterventieInput,
  ): Promise<StatushoudersInterventie> {
    const gemeente = await this.gebieden.opzoeken('GEMEENTE', invoer.gemeenteCode);
    const p = ctx.principal.organisatie;
    // only the provincie the gemeente lies in; anybody else is told the gemeente does not exist,
    // as for a record they cannot see
    if (
      !gemeente ||
      p.soort !== 'PROVINCIE' ||
      !gebiedZichtbaar(ctx.principal, gemeente) ||
      // a gemeente merged away (herindeling) gets no new step: its provincie reads its history only
      !magSchrijvenVoorGemeente(ctx.principal, gemeente.code) ||
      !p.provincieCode ||
      gemeente.provincies[0] !== p.provincieCode
    )
      throw nietGevonden('De gemeente');

    const fouten: { veld: string; melding: string }[] = [];
    let halfjaar: string | undefined;
    try {
      halfjaar = formatHalfjaar(parseHalfjaar(invoer.halfjaar.trim()));
    } catch {
      fouten.push({ veld: 'halfjaar', melding: "Schrijf het halfjaar als '2026-H1'." });
    }
    const vandaag = this.klok.vandaag();
    if (halfjaar && halfjaarStart(parseHalfjaar(halfjaar)) > vandaag)
      fouten.push({ veld: 'halfjaar', melding: `Het halfjaar ${halfjaar} is nog niet begonnen.` });
    if (!INTERVENTIE_TREDEN.includes(invoer.trede))
      fouten.push({ veld: 'trede', melding: 'Onbekende trede.' });
    const termijn = invoer.termijn?.trim() || null;
    if (termijn !== null && !isIsoDatum(termijn))
      fouten.push({ veld: 'termijn', melding: 'Schrijf de termijn als datum, bijvoorbeeld 2026-03-31.' });
    else if (termijn !== null && termijn < vandaag)
      fouten.push({ veld: 'termijn', melding: 'De termijn ligt in het verleden.' });
    if (termijn === null && TREDEN_MET_TERMIJN.includes(invoer.trede))
      fouten.push({
        veld: 'termijn',
        melding: `Bij "${TREDE_LABEL[invoer.trede]}" hoort een termijn waarbinnen de gemeente moet voldoen.`,
      });
    const toelichting = invoer.toelichting?.trim() || null;
    if (toelichting && toelichting.length > 4000)
      fouten.push({ veld: 'toelichting', melding: 'De toelichting is langer dan 4000 tekens.' });
    if (fouten.length) throw ongeldig('De interventiestap is niet opgeslagen: controleer de velden.', fouten);

    return this.db.transaction(ctx, async (m) => {
      // no judgement, so no step, for a half year the national policy gives no taakstelling
      if (!halfjaarBeoordeeld(await this.beleid.rijenIn(m), parseHalfjaar(halfjaar!)))
        throw ongeldig(
          `Voor ${halfjaar} geldt landelijk geen taakstelling; er is geen interventiestap mogelijk.`,
          [{ veld: 'halfjaar', melding: 'Geen taakstelling in dit halfjaar' }],
        );
      const rij = await voegInterventieToe(m, {
        gemeenteCode: gemeente.code,
        halfjaar: halfjaar!,
        trede: invoer.trede,
        oordeel: invoer.oordeel,
        termijn,
        toelichting,
        gesteldDoorId: ctx.organisatieId,
        gebruiker: ctx.principal.sub,
      });
      const id = rij.id;
      await this.audit.schrijf(m, ctx, {
        actie: 'STEL_INTERVENTIE_STATUSHOUDERS',
        entiteit: 'statushouders_interventie',
        entiteitId: id,
        gemeenteCode: gemeente.code,
        na: { halfjaar, trede: invoer.trede, oordeel: invoer.oordeel, termijn, toelichting },
      });
      return this.naarInterventie(rij, gemeente.naam);
    });
  }

  /** The history of one gemeente, newest first. */
  async interventies(ctx: RequestContext, gemeenteCode: string): Promise<StatushoudersInterventie[]> {
    const gemeente = await this.gebieden.opzoeken('GEMEENTE', gemeenteCode);
    if (!gebiedZichtbaar(ctx.principal, gemeente)) throw nietGevonden('De gemeente');
    return this.db.transaction(ctx, async (m) =>
      (await interventieRijen(m, [gemeente.code], false)).map((r) => this.naarInterventie(r, gemeente.naam)),
    );
  }

  /** Inside a caller's transaction: per gemeente its latest step (none: absent). */
  async huidigeInterventies(
    m: EntityManager,
    gemeenten: readonly string[],
  ): Promise<Map<string, StatushoudersInterventie>> {
    const uit = new Map<string, StatushoudersInterventie>();
    for (const r of await interventieRijen(m, gemeenten, true))
      uit.set(r.gemeente_code, this.naarInterventie(r, await this.gebieden.gemeenteNaam(r.gemeente_code)));
    return uit;
  }

  private naarInterventie(r: InterventieRij, gemeenteNaam: string): StatushoudersInterventie {
    return {
      id: r.id,
      gemeente: { soort: 'GEMEENTE', code: r.gemeente_code, naam: gemeenteNaam },
      halfjaar: r.halfjaar,
      trede: r.trede,
      tredeLabel: TREDE_LABEL[r.trede],
      tredeNummer: INTERVENTIE_TREDEN.indexOf(r.trede),
      oordeel: r.oordeel,
      oordeelLabel: OORDEEL_LABEL[r.oordeel],
      termijn: r.termijn,
      toelichting: r.toelichting,
      gesteldDoor: r.gesteld_door,
      aangemaaktOp: r.aangemaakt_op,
    };
  }
}
