import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { gebiedZichtbaar, type RequestContext } from '@thuismonitor/auth';
import {
  GEVOELIGE_URGENTIECATEGORIEEN,
  REGELING_VERPLICHT,
  normaliseerUrgentieCode,
  publicatieWeigeringMelding,
  regimeOp,
  urgentieCategorieFout,
  urgentieDekking,
  urgentieSignalen,
  urgentieVoortgang,
  urgentieregelingFouten,
  type RegimeCode,
  type VerplichteUrgentieCategorie as VerplichtDomein,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { conflict, geenToegang, nietGevonden, ongeldig } from '../common/fouten';
import { Klok } from '../common/klok';
import { ScopedDb } from '../database/scoped-db.service';
import type { GebiedInfo } from '../gebied';
import { ReferentieService } from '../referentie';
import { RegimeService } from '../volkshuisvesting';
import { leesBestaandeGemeenten } from '../volkshuisvesting';
import {
  categorieenInGebruik,
  leesCategorieen,
  leesCategorieNamen,
  leesCodes,
  leesCodesPerGemeente,
  leesRegeling,
  leesRegelingenVoorDekking,
  leesUrgentieToewijzingen,
  leesVerplichteCategorieen,
  nieuweRegeling,
  verwijderCategorieen,
  voegCategorieenToe,
  wijzigRegeling,
} from './urgentie.repository';
import type {
  UrgentieDekking,
  Urgentieregeling,
  UrgentieregelingInput,
  UrgentieVoortgang,
  VerplichteUrgentieCategorie,
} from './urgentie.types';

/**
 * Other organisations' counts per category are not released (review of session 5, migration
 * 1767300000000): rounded apart from the released via-urgentie cells they could be recovered by
 * differencing. Owners keep their exact figures.
 */
const ALLEEN_EIGEN =
  'Per urgentiecategorie ziet u alleen uw eigen toewijzingen. Aantallen van andere organisaties per ' +
  'categorie worden niet vrijgegeven: naast de vrijgegeven totalen via urgentie zouden kleine aantallen terug te rekenen zijn.';

/**
 * Urgentieregelingen (docs/decisions.md "Urgentie en detentie (issue 12, item 4)"): each gemeente
 * keeps its own, with the mandatory categories of the law and local ones; whoever has the gemeente
 * in scope reads it. RLS is the second wall (migration 1766900000000).
 */
@Injectable()
export class UrgentieService {
  constructor(
    private readonly db: ScopedDb,
    private readonly referentie: ReferentieService,
    private readonly regimes: RegimeService,
    private readonly audit: AuditService,
    private readonly klok: Klok,
  ) {}

  async verplichteCategorieen(ctx: RequestContext): Promise<VerplichteUrgentieCategorie[]> {
    return this.db.transaction(ctx, (m) => this.verplichtIn(m));
  }

  private verplichtIn(m: EntityManager): Promise<VerplichtDomein[]> {
    return leesVerplichteCategorieen(m);
  }

  /** The regeling of one gemeente (empty when none is recorded); a gemeente out of scope is "niet gevonden". */
  async regeling(ctx: RequestContext, gemeenteCode: string): Promise<Urgentieregeling> {
    const code = gemeenteCode.trim().toUpperCase();
    const gemeente = await this.referentie.gemeente(code);
    if (!gemeente || !this.inScope(ctx, code)) throw nietGevonden('De gemeente');
    return this.db.transaction(ctx, (m) => this.lees(m, code, gemeente.naam));
  }

  /** Records or replaces the caller's own regeling (a GEMEENTE organisation, role beheren). */
  async bewaar(
    ctx: RequestContext,
    invoer: UrgentieregelingInput,
    versie?: number | null,
  ): Promise<Urgentieregeling> {
    const o = ctx.principal.organisatie;
    if (o.soort !== 'GEMEENTE' || o.gemeenten.length !== 1)
      throw geenToegang('Alleen een gemeente legt haar urgentieregeling vast.');
    const code = o.gemeenten[0];
    const gemeente = (await this.referentie.gemeente(code))!;
    const fouten = urgentieregelingFouten(invoer, this.klok.vandaag());
    if (fouten.length)
      throw ongeldig('De urgentieregeling is niet opgeslagen: controleer de velden.', fouten);
    const categorieen = invoer.categorieen.map((c) => ({
      code: normaliseerUrgentieCode(c.code),
      naam: c.naam.trim(),
      omschrijving: c.omschrijving?.trim() || null,
    }));
    const waarden = {
      titel: invoer.titel.trim(),
      vastgesteldOp: invoer.vastgesteldOp!.trim(),
      documentUrl: invoer.documentUrl?.trim() || null,
    };
    return this.db.transaction(ctx, async (m) => {
      const oud = await leesRegeling(m, code, true);
      if (oud && versie != null && versie !== oud.versie)
        throw conflict('Iemand anders heeft de urgentieregeling intussen gewijzigd; laad haar opnieuw.');
      const oudeCategorieen = oud ? await leesCategorieen(m, oud.id) : [];
      // a category that toewijzingen use stays: removing it would leave them pointing at nothing
      const weg = oudeCategorieen.map((c) => c.code).filter((c) => !categorieen.some((n) => n.code === c));
      if (weg.length) {
        const inGebruik = await categorieenInGebruik(m, code, weg);
        if (inGebruik.length)
          throw ongeldig(
            'De urgentieregeling is niet opgeslagen: ' +
              inGebruik
                .map((g) => `categorie ${g.code} wordt gebruikt door ${g.n} toewijzing(en)`)
                .join('; ') +
              '. Laat de categorie staan of pas die toewijzingen eerst aan.',
          );
      }
      let id: string;
      if (oud) {
        await wijzigRegeling(m, oud.id, waarden, ctx.principal.sub);
        id = oud.id;
        await verwijderCategorieen(m, id);
      } else {
        id = await nieuweRegeling(m, ctx.organisatieId, code, waarden, ctx.principal.sub);
      }
      await voegCategorieenToe(m, id, code, categorieen);
      await this.audit.schrijf(m, ctx, {
        actie: oud ? 'WIJZIG_URGENTIEREGELING' : 'CREATE_URGENTIEREGELING',
        entiteit: 'urgentieregeling',
        entiteitId: id,
        gemeenteCode: code,
        voor: oud
          ? {
              titel: oud.titel,
              vastgesteldOp: oud.vastgesteld_op,
              documentUrl: oud.document_url,
              categorieen: oudeCategorieen,
            }
          : null,
        na: { ...waarden, categorieen },
      });
      return this.lees(m, code, gemeente.naam);
    });
  }

  /**
   * The codes of the regeling of the dwelling's gemeente, for a toewijzing's category (form and
   * import). Null when the gemeente recorded none.
   */
  async codesIn(m: EntityManager, gemeenteCode: string): Promise<string[] | null> {
    const rijen = await leesCodes(m, gemeenteCode);
    return rijen.length ? rijen.flatMap((r) => (r.code ? [r.code] : [])) : null;
  }

  /** The category codes of the regelingen of these gemeenten (a gemeente without one is absent), for the import. */
  async codesPerGemeente(
    ctx: RequestContext,
    gemeenten: readonly string[],
  ): Promise<Record<string, string[]>> {
    const rijen = await this.db.transaction(ctx, (m) => leesCodesPerGemeente(m, gemeenten));
    return Object.fromEntries(
      rijen.map((r) => [r.gemeente_code, r.codes.filter((c): c is string => c !== null)]),
    );
  }

  /** Throws the Dutch error when `categorie` does not fit the regeling of the gemeente. */
  async controleerCategorie(
    ctx: RequestContext,
    gemeenteCode: string,
    categorie: string | null,
    viaUrgentie: boolean,
  ): Promise<string | null> {
    const code = categorie?.trim() ? normaliseerUrgentieCode(categorie) : null;
    if (code === null) return null;
    const gemeente = await this.referentie.gemeente(gemeenteCode);
    const codes = await this.db.transaction(ctx, (m) => this.codesIn(m, gemeenteCode));
    const fout = urgentieCategorieFout(code, viaUrgentie, codes, gemeente?.naam ?? gemeenteCode);
    if (fout)
      throw ongeldig(`De toewijzing is niet opgeslagen: ${fout}.`, [
        { veld: 'urgentieCategorie', melding: fout },
      ]);
    return code;
  }

  /**
   * Toewijzingen per urgentie category in an area and period, under the publication rule
   * (tm_urgentie_toewijzingen): exact for the owner, released base cells for everyone else.
   */
  async voortgang(
    ctx: RequestContext,
    gebied: GebiedInfo,
    van: string,
    tot: string,
  ): Promise<UrgentieVoortgang> {
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, async (m) => {
      const cellen = await leesUrgentieToewijzingen(m, gebied.gemeenten, van, tot);
      if ('weigering' in cellen)
        return { categorieen: [], detentie: 0, toelichting: publicatieWeigeringMelding(cellen.weigering) };
      const namen = await leesCategorieNamen(m, gebied.gemeenten);
      return {
        ...urgentieVoortgang(
          cellen.rijen.map((r) => ({
            categorie: r.urgentie_categorie,
            eigen: r.eigen,
            huishoudens: Number(r.huishoudens),
          })),
          namen,
        ),
        // said whether or not others have toewijzingen here (saying it only then would tell)
        toelichting: this.eigenaarVanGebied(ctx, gebied) ? null : ALLEEN_EIGEN,
      };
    });
  }

  /** A gemeente asking about itself only owns every toewijzing in the area. */
  private eigenaarVanGebied(ctx: RequestContext, gebied: GebiedInfo): boolean {
    const o = ctx.principal.organisatie;
    return (
      o.soort === 'GEMEENTE' &&
      o.gemeenten.length === 1 &&
      gebied.gemeenten.every((g) => g === o.gemeenten[0])
    );
  }

  /** "n van m gemeenten" with a regeling on `peildatum` (visible area only). */
  async dekking(ctx: RequestContext, gebied: GebiedInfo, peildatum: string): Promise<UrgentieDekking> {
    if (!gebiedZichtbaar(ctx.principal, gebied)) throw nietGevonden('Het gebied');
    return this.db.transaction(ctx, async (m) => {
      // like the programme count: gemeenten that exist on the peildatum
      const bestaand = await leesBestaandeGemeenten(m, gebied.gemeenten, peildatum);
      const rijen = await leesRegelingenVoorDekking(m, gebied.gemeenten);
      const regime = regimeOp(await this.regimes.regimesIn(m), peildatum).code as RegimeCode;
      return {
        ...urgentieDekking(
          bestaand,
          new Map(
            rijen.map((r) => [
              r.gemeente_code,
              { vastgesteldOp: r.vastgesteld_op, codes: r.codes.filter((c): c is string => c !== null) },
            ]),
          ),
          regime,
          await this.verplichtIn(m),
          peildatum,
        ),
        regelingVerplicht: REGELING_VERPLICHT[regime],
      };
    });
  }

  private inScope(ctx: RequestContext, code: string): boolean {
    return gebiedZichtbaar(ctx.principal, { gemeenten: [code] });
  }

  private async lees(m: EntityManager, code: string, naam: string): Promise<Urgentieregeling> {
    const r = await leesRegeling(m, code);
    const categorieen = r ? await leesCategorieen(m, r.id) : [];
    const vandaag = this.klok.vandaag();
    const regime = regimeOp(await this.regimes.regimesIn(m), vandaag).code as RegimeCode;
    const verplicht = await this.verplichtIn(m);
    const verplichtNu = new Set(verplicht.filter((v) => v.regime === regime).map((v) => v.code));
    return {
      gemeenteCode: code,
      gemeenteNaam: naam,
      titel: r?.titel ?? null,
      vastgesteldOp: r?.vastgesteld_op ?? null,
      documentUrl: r?.document_url ?? null,
      versie: r?.versie ?? null,
      categorieen: categorieen.map((c) => ({
        ...c,
        verplicht: verplichtNu.has(c.code),
        gevoelig: GEVOELIGE_URGENTIECATEGORIEEN.includes(c.code),
      })),
      regime,
      regelingVerplicht: REGELING_VERPLICHT[regime],
      signalen: urgentieSignalen(
        r ? { vastgesteldOp: r.vastgesteld_op, codes: categorieen.map((c) => c.code) } : null,
        regime,
        verplicht,
        vandaag,
      ),
    };
  }
}
