import { Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { leesRijen, type BestandRij } from '../toewijzing/import-bestand';
import { BestandWeigering } from '../toewijzing/bestand-weigering';
import type { EntityManager } from 'typeorm';
import { isRol, ROLLEN, type RequestContext, type Rol } from '@thuismonitor/auth';
import {
  DomainError,
  heeftEigenWerkgebied,
  normaliseerOrganisatieCode,
  normaliseerOrganisatieNaam,
  normaliseerWerkgebied,
  organisatieSoortLabel,
} from '@thuismonitor/domain';
import { AuditService } from '../audit/audit.service';
import { PrincipalResolver } from '../auth/principal-resolver.service';
import { conflict, nietGevonden, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { ScopedDb } from '../database/scoped-db.service';
import { DEMO_ACCOUNTS } from '../demo/demo-data';
import type {
  BeheerAandacht,
  BeheerAuditRegel,
  BeheerGebruiker,
  BeheerOrganisatie,
  BeheerOrganisatieFilter,
  GebruikerNieuwInput,
  OrganisatieImportFout,
  OrganisatieImportRapport,
  OrganisatieNieuwInput,
} from './beheer.types';
import { ReferentieService } from '../referentie/referentie.service';
import { isOrganisatieSoort, maakGemeenteZoeker, type OrganisatieSoort } from '@thuismonitor/domain';

const SELECT = `
  SELECT o.id, o.code, o.soort, o.naam, o.actief, o.gedeactiveerd_op AS "gedeactiveerdOp", o.aangemaakt_op AS "aangemaaktOp", o.opgegaan_in AS "opgegaanInId",
         coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                   WHERE w.organisatie_id = o.id), '{}') AS "werkgebiedCodes",
         coalesce((SELECT array_agg(h.corporatie_id ORDER BY h.corporatie_id) FROM organisatie_huurder_corporatie h
                   WHERE h.huurdersorganisatie_id = o.id), '{}') AS "corporatieIds",
         (SELECT count(*)::int FROM organisatie_gebruiker g WHERE g.organisatie_id = o.id AND g.actief) AS "aantalGebruikers"
  FROM organisatie o`;

const GEBRUIKER = `SELECT id, gebruikersnaam, naam, email, rollen, actief, aangemaakt_op AS "aangemaaktOp" FROM organisatie_gebruiker`;

/** What the audit log keeps of an organisation, before and after each action. */
interface OrganisatieStand {
  code: string;
  soort: string;
  naam: string;
  actief: boolean;
  werkgebied: string[];
  corporaties: string[];
}

const MAX_LIJST = 1000;

/**
 * The platform operator's organisation administration (issue 13). Every mutation runs in one
 * request transaction (ScopedDb.transaction as the operator's RIJK organisation: row-level
 * security allows organisation writes only there), writes its audit row with the state before and
 * after in that same transaction, and afterwards clears the principal cache so the change holds
 * for the next request without a restart. Permission: organisatie:beheren (RIJK + platformbeheer),
 * declared on every resolver method.
 */
@Injectable()
export class BeheerService {
  private readonly logger = new Logger(BeheerService.name);

  constructor(
    private readonly db: ScopedDb,
    private readonly audit: AuditService,
    private readonly principals: PrincipalResolver,
    private readonly referentie: ReferentieService,
  ) {}

  // --- reading ---------------------------------------------------------------------------------

  lijst(ctx: RequestContext, filter: BeheerOrganisatieFilter = {}): Promise<BeheerOrganisatie[]> {
    const waar: string[] = [];
    const params: unknown[] = [];
    if (!filter.inclusiefGedeactiveerd) waar.push('o.actief');
    if (filter.soort) {
      params.push(filter.soort);
      waar.push(`o.soort = $${params.length}`);
    }
    if (filter.zoek?.trim()) {
      params.push(`%${filter.zoek.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      waar.push(`(o.naam ILIKE $${params.length} OR o.code ILIKE $${params.length})`);
    }
    params.push(MAX_LIJST);
    return this.db.transaction(ctx, (m) =>
      m.query(
        `${SELECT} ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY o.soort, o.naam LIMIT $${params.length}`,
        params,
      ),
    );
  }

  async opId(ctx: RequestContext, id: string): Promise<BeheerOrganisatie> {
    if (!isUuid(id)) throw nietGevonden('De organisatie');
    const org = await this.db.transaction(ctx, (m) => this.lees(m, id));
    if (!org) throw nietGevonden('De organisatie');
    return org;
  }

  gebruikers(ctx: RequestContext, organisatieId: string): Promise<BeheerGebruiker[]> {
    return this.db.transaction(ctx, (m) =>
      m.query(`${GEBRUIKER} WHERE organisatie_id = $1 ORDER BY actief DESC, gebruikersnaam`, [organisatieId]),
    );
  }

  historie(ctx: RequestContext, organisatieId: string): Promise<BeheerAuditRegel[]> {
    return this.db.transaction(ctx, (m) =>
      m.query(
        `SELECT tijdstip, gebruikersnaam, actie, voor::text AS voor, na::text AS na FROM audit_log
         WHERE entiteit = 'organisatie' AND entiteit_id = $1 ORDER BY tijdstip DESC, id DESC LIMIT 200`,
        [organisatieId],
      ),
    );
  }

  async aandacht(ctx: RequestContext): Promise<BeheerAandacht> {
    return this.db.transaction(ctx, async (m) => {
      const rijen: BeheerOrganisatie[] = await m.query(
        `${SELECT} WHERE o.actief AND o.soort IN ('CORPORATIE','ZORGAANBIEDER','HUURDERSORGANISATIE') ORDER BY o.naam`,
      );
      // per organisation its last refused import of the last 30 days, unless one succeeded since
      // (audit rows IMPORT_GEWEIGERD, toewijzing-import.service.ts; readable to the operator only)
      const mislukt: { id: string; tijdstip: Date; na: Record<string, unknown> | null }[] = await m.query(
        `SELECT DISTINCT ON (a.organisatie_id) a.organisatie_id AS id, a.tijdstip, a.na
         FROM audit_log a
         WHERE a.entiteit = 'toewijzing_import' AND a.actie = 'IMPORT_GEWEIGERD' AND a.tijdstip > now() - interval '30 days'
           AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.entiteit = 'toewijzing_import'
                           AND b.actie = 'IMPORTEER_TOEWIJZINGEN' AND b.organisatie_id = a.organisatie_id AND b.tijdstip > a.tijdstip)
         ORDER BY a.organisatie_id, a.tijdstip DESC`,
      );
      const mislukteImports = [];
      for (const r of mislukt) {
        const organisatie = await this.lees(m, r.id);
        if (!organisatie) continue;
        const getal = (v: unknown) => (typeof v === 'number' ? v : null);
        mislukteImports.push({
          organisatie,
          tijdstip: r.tijdstip,
          rijen: getal(r.na?.rijen),
          aantalFouten: getal(r.na?.aantalFouten),
          reden: typeof r.na?.reden === 'string' ? r.na.reden : null,
        });
      }
      mislukteImports.sort((a, b) => b.tijdstip.getTime() - a.tijdstip.getTime());
      return {
        mislukteImports,
        zonderWerkgebied: rijen.filter((o) => o.werkgebiedCodes.length === 0),
        huurdersZonderCorporatie: rijen.filter(
          (o) => o.soort === 'HUURDERSORGANISATIE' && o.corporatieIds.length === 0,
        ),
        zonderGebruikers: rijen.filter((o) => o.aantalGebruikers === 0),
      };
    });
  }

  // --- organisations ---------------------------------------------------------------------------

  async maak(ctx: RequestContext, input: OrganisatieNieuwInput): Promise<BeheerOrganisatie> {
    const soort = input.soort;
    const code = veld('code', () => normaliseerOrganisatieCode(soort, input.code));
    const id = await this.schrijf(ctx, async (m) => {
      let naam: string;
      let gemeenteCode: string | null = null;
      let provincieCode: string | null = null;
      if (soort === 'GEMEENTE' || soort === 'PROVINCIE') {
        const tabel = soort === 'GEMEENTE' ? 'gemeente' : 'provincie';
        const [ref] = await m.query(`SELECT naam FROM ${tabel} WHERE code = $1`, [code]);
        if (!ref) {
          throw ongeldig(
            `De code ${code} staat niet in de CBS-indeling van ${soort === 'GEMEENTE' ? 'gemeenten' : 'provincies'}.`,
            [{ veld: 'code', melding: 'Onbekende CBS-code' }],
          );
        }
        naam = input.naam?.trim()
          ? veld('naam', () => normaliseerOrganisatieNaam(input.naam!))
          : `${soort === 'GEMEENTE' ? 'Gemeente' : 'Provincie'} ${ref.naam}`;
        if (soort === 'GEMEENTE') gemeenteCode = code;
        else provincieCode = code;
      } else {
        if (!input.naam?.trim())
          throw ongeldig('Vul de naam van de organisatie in.', [{ veld: 'naam', melding: 'Verplicht' }]);
        naam = veld('naam', () => normaliseerOrganisatieNaam(input.naam!));
      }
      const [bestaand] = await m.query(`SELECT naam, actief FROM organisatie WHERE code = $1`, [code]);
      if (bestaand) {
        throw conflict(
          `Er bestaat al een organisatie met code ${code}: ${bestaand.naam}${bestaand.actief ? '' : ' (gedeactiveerd)'}.`,
        );
      }
      if (input.werkgebied?.length && !heeftEigenWerkgebied(soort)) {
        throw ongeldig(`Een ${organisatieSoortLabel(soort).toLowerCase()} heeft geen eigen werkgebied.`, [
          { veld: 'werkgebied', melding: 'Niet van toepassing' },
        ]);
      }
      if (input.corporatieIds?.length && soort !== 'HUURDERSORGANISATIE') {
        throw ongeldig('Alleen een huurdersorganisatie wordt aan corporaties verbonden.', [
          { veld: 'corporatieIds', melding: 'Niet van toepassing' },
        ]);
      }
      const werkgebied = await this.controleerWerkgebied(m, input.werkgebied ?? []);
      const corporaties = await this.controleerCorporaties(m, input.corporatieIds ?? []);
      const [{ id }] = await m.query(
        `INSERT INTO organisatie (code, soort, naam, gemeente_code, provincie_code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [code, soort, naam, gemeenteCode, provincieCode],
      );
      await this.zetWerkgebied(m, id, werkgebied);
      await this.zetCorporaties(m, id, corporaties);
      await this.auditOrganisatie(m, ctx, 'CREATE_ORGANISATIE', id, null, await this.stand(m, id));
      return id as string;
    });
    return this.opId(ctx, id);
  }

  async hernoem(ctx: RequestContext, id: string, naamInvoer: string): Promise<BeheerOrganisatie> {
    const naam = veld('naam', () => normaliseerOrganisatieNaam(naamInvoer));
    await this.wijzig(ctx, id, 'HERNOEM_ORGANISATIE', async (m) => {
      await m.query(`UPDATE organisatie SET naam = $2 WHERE id = $1`, [id, naam]);
    });
    return this.opId(ctx, id);
  }

  async wijzigWerkgebied(ctx: RequestContext, id: string, codes: string[]): Promise<BeheerOrganisatie> {
    await this.wijzig(ctx, id, 'WIJZIG_WERKGEBIED', async (m, org) => {
      if (!heeftEigenWerkgebied(org.soort)) {
        throw ongeldig(
          `Het werkgebied van een ${organisatieSoortLabel(org.soort).toLowerCase()} volgt uit de CBS-indeling en wordt niet met de hand bijgehouden.`,
        );
      }
      await this.zetWerkgebied(m, id, await this.controleerWerkgebied(m, codes));
    });
    return this.opId(ctx, id);
  }

  async wijzigCorporaties(
    ctx: RequestContext,
    id: string,
    corporatieIds: string[],
  ): Promise<BeheerOrganisatie> {
    await this.wijzig(ctx, id, 'WIJZIG_CORPORATIES', async (m, org) => {
      if (org.soort !== 'HUURDERSORGANISATIE')
        throw ongeldig('Alleen een huurdersorganisatie wordt aan corporaties verbonden.');
      await this.zetCorporaties(m, id, await this.controleerCorporaties(m, corporatieIds));
    });
    return this.opId(ctx, id);
  }

  /**
   * Deactivation: the organisation and everything it registered stay (figures, signatures,
   * audit rows; nothing is deleted), its users keep reading but can no longer write (the principal
   * resolver drops every role except lezen), and it cannot become a party to a new
   * prestatieafspraak. The operator's own organisation cannot be deactivated (that would take
   * the platform role away from the one who could undo it).
   */
  async deactiveer(ctx: RequestContext, id: string): Promise<BeheerOrganisatie> {
    if (id === ctx.organisatieId) throw ongeldig('U kunt uw eigen organisatie niet deactiveren.');
    await this.wijzig(ctx, id, 'DEACTIVEER_ORGANISATIE', async (m) => {
      await m.query(`UPDATE organisatie SET actief = false, gedeactiveerd_op = now() WHERE id = $1`, [id]);
    });
    return this.opId(ctx, id);
  }

  async heractiveer(ctx: RequestContext, id: string): Promise<BeheerOrganisatie> {
    await this.wijzig(
      ctx,
      id,
      'HERACTIVEER_ORGANISATIE',
      async (m) => {
        await m.query(`UPDATE organisatie SET actief = true, gedeactiveerd_op = NULL WHERE id = $1`, [id]);
      },
      { ookGedeactiveerd: true },
    );
    return this.opId(ctx, id);
  }

  /**
   * A merger (fusie): `bronId` becomes part of `doelId`. The target gets the union of both
   * werkgebieden and huurders links, and the source's registered users; the source is deactivated
   * with `opgegaan_in` = target. Figures, signatures and parties stay with the source (history
   * keeps the name under which they were given; nothing is moved or deleted). Only organisations
   * of the same kind with a werkgebied of their own merge: gemeenten merge through a herindeling.
   */
  async voegSamen(ctx: RequestContext, bronId: string, doelId: string): Promise<BeheerOrganisatie> {
    if (!isUuid(bronId) || !isUuid(doelId)) throw nietGevonden('De organisatie');
    if (bronId === doelId) throw ongeldig('Een organisatie kan niet met zichzelf worden samengevoegd.');
    await this.schrijf(ctx, async (m) => {
      // lock both in a fixed order, so two crossing merges cannot deadlock
      for (const id of [bronId, doelId].sort())
        await m.query(`SELECT 1 FROM organisatie WHERE id = $1 FOR UPDATE`, [id]);
      const bron = await this.lees(m, bronId);
      const doel = await this.lees(m, doelId);
      if (!bron || !doel) throw nietGevonden('De organisatie');
      if (!bron.actief || !doel.actief)
        throw ongeldig('Alleen actieve organisaties kunnen worden samengevoegd.');
      if (bron.soort !== doel.soort) {
        throw ongeldig(
          `Een ${organisatieSoortLabel(bron.soort).toLowerCase()} kan niet opgaan in een ${organisatieSoortLabel(doel.soort).toLowerCase()}.`,
        );
      }
      if (!heeftEigenWerkgebied(bron.soort)) {
        throw ongeldig(
          `Een ${organisatieSoortLabel(bron.soort).toLowerCase()} wordt niet samengevoegd; gemeenten gaan samen via een herindeling.`,
        );
      }
      const bronVoor = await this.stand(m, bronId);
      const doelVoor = await this.stand(m, doelId);
      await this.zetWerkgebied(
        m,
        doelId,
        [...new Set([...doel.werkgebiedCodes, ...bron.werkgebiedCodes])].sort(),
      );
      if (bron.soort === 'HUURDERSORGANISATIE') {
        await this.zetCorporaties(m, doelId, [...new Set([...doel.corporatieIds, ...bron.corporatieIds])]);
      }
      if (bron.soort === 'CORPORATIE') {
        // the huurdersorganisaties of the merged corporatie now represent the target's tenants
        await m.query(
          `INSERT INTO organisatie_huurder_corporatie (huurdersorganisatie_id, corporatie_id)
           SELECT huurdersorganisatie_id, $2 FROM organisatie_huurder_corporatie WHERE corporatie_id = $1
           ON CONFLICT DO NOTHING`,
          [bronId, doelId],
        );
        await m.query(`DELETE FROM organisatie_huurder_corporatie WHERE corporatie_id = $1`, [bronId]);
      }
      // (TypeORM returns [rows, count] for UPDATE … RETURNING: read the names first)
      const verhuisd: { gebruikersnaam: string }[] = await m.query(
        `SELECT gebruikersnaam FROM organisatie_gebruiker WHERE organisatie_id = $1 FOR UPDATE`,
        [bronId],
      );
      await m.query(`UPDATE organisatie_gebruiker SET organisatie_id = $2 WHERE organisatie_id = $1`, [
        bronId,
        doelId,
      ]);
      await m.query(
        `UPDATE organisatie SET actief = false, gedeactiveerd_op = now(), opgegaan_in = $2 WHERE id = $1`,
        [bronId, doelId],
      );
      const gebruikers = verhuisd.map((g) => g.gebruikersnaam).sort();
      await this.auditOrganisatie(m, ctx, 'OPGEGAAN_IN', bronId, bronVoor, {
        ...(await this.stand(m, bronId)),
        opgegaanIn: doel.code,
        gebruikers,
      });
      await this.auditOrganisatie(m, ctx, 'SAMENVOEGING', doelId, doelVoor, {
        ...(await this.stand(m, doelId)),
        samengevoegdMet: bron.code,
        gebruikers,
      });
    });
    return this.opId(ctx, doelId);
  }

  /**
   * Bulk onboarding (issue 13): a CSV list of organisations, columns soort;code;naam and optional
   * werkgebied (gemeente names or codes, separated by | or by commas inside quotes) and
   * corporaties (L-nummers, for huurdersorganisaties; a corporatie may be earlier in the same
   * file). A new code is created; an existing code of the same kind gets the listed naam and,
   * when the cell is filled, werkgebied or corporaties. Every row is checked first and every error
   * is named with its line; one error and nothing is stored (one transaction, all or nothing).
   * `proefrun`: only the check.
   */
  async importeer(
    ctx: RequestContext,
    inhoud: string | { bestand: Buffer; naam: string },
    proefrun: boolean,
  ): Promise<OrganisatieImportRapport> {
    const rapport = (
      fouten: OrganisatieImportFout[],
      extra: Partial<OrganisatieImportRapport> = {},
    ): OrganisatieImportRapport => ({
      proefrun,
      opgeslagen: false,
      aantalRijen: 0,
      nieuw: [],
      bijgewerkt: [],
      fouten,
      ...extra,
    });
    let regels: { regel: number; cel: Record<string, string> }[];
    try {
      regels =
        typeof inhoud === 'string' ? leesCsvTekst(inhoud) : await leesBestand(inhoud.bestand, inhoud.naam);
    } catch (err) {
      if (err instanceof BestandWeigering || err instanceof OngeldigeCsv) {
        return rapport([
          { regel: 1, kolom: '-', melding: err instanceof BestandWeigering ? err.melding : err.message },
        ]);
      }
      throw err;
    }
    const kolommen = Object.keys(regels[0]?.cel ?? {});
    const ontbreekt = ['soort', 'code', 'naam'].filter((k) => !kolommen.includes(k));
    if (ontbreekt.length || !regels.length) {
      return rapport(
        regels.length
          ? ontbreekt.map((k) => ({
              regel: 1,
              kolom: k,
              melding: `Kolom '${k}' ontbreekt (verwacht: soort;code;naam;werkgebied;corporaties).`,
            }))
          : [{ regel: 1, kolom: '-', melding: 'Het bestand bevat geen rijen.' }],
      );
    }
    if (regels.length > MAX_IMPORT_RIJEN)
      return rapport([{ regel: 1, kolom: '-', melding: 'Maximaal 5.000 rijen per bestand.' }]);

    const gemeenten = await this.referentie.gemeenten();
    // one look-up table (the domain's name matcher, as the toewijzingen import uses): a linear
    // search per entry let one cell of a million entries block the event loop for ~45 s
    const opNaam = maakGemeenteZoeker(gemeenten);
    const codes = new Set(gemeenten.map((g) => g.code));
    const gemeenteCode = (w: string) => (codes.has(w.toUpperCase()) ? w.toUpperCase() : opNaam(w));
    const lijst = (cel: string | undefined) =>
      (cel ?? '')
        .split(/[|,]/)
        .map((x) => x.trim())
        .filter(Boolean);

    interface Plan {
      regel: number;
      soort: OrganisatieSoort;
      code: string;
      naam: string | null;
      werkgebied: string[] | null;
      corporaties: string[] | null;
    }
    const fouten: OrganisatieImportFout[] = [];
    const plannen: Plan[] = [];
    const inBestand = new Map<string, number>();
    regels.forEach(({ regel, cel: rij }) => {
      const fout = (kolom: string, melding: string) => fouten.push({ regel, kolom, melding });
      const soortTekst = (rij.soort ?? '').toUpperCase().replace(/^WONINGCORPORATIE$/, 'CORPORATIE');
      if (!isOrganisatieSoort(soortTekst)) {
        fout(
          'soort',
          `Onbekende soort '${rij.soort ?? ''}' (corporatie, huurdersorganisatie, zorgaanbieder, gemeente, provincie).`,
        );
        return;
      }
      const soort = soortTekst;
      let code: string;
      try {
        code = normaliseerOrganisatieCode(soort, rij.code ?? '');
      } catch (err) {
        fout('code', (err as Error).message);
        return;
      }
      if (inBestand.has(code)) {
        fout('code', `De code ${code} staat ook op regel ${inBestand.get(code)}.`);
        return;
      }
      inBestand.set(code, regel);
      let naam: string | null = null;
      if (rij.naam) {
        try {
          naam = normaliseerOrganisatieNaam(rij.naam);
        } catch (err) {
          fout('naam', (err as Error).message);
        }
      }
      let werkgebied: string[] | null = null;
      const wg = lijst(rij.werkgebied);
      if (wg.length > gemeenten.length) {
        fout('werkgebied', `Een werkgebied telt hoogstens ${gemeenten.length} gemeenten.`);
      } else if (wg.length) {
        if (!heeftEigenWerkgebied(soort))
          fout(
            'werkgebied',
            `Een ${organisatieSoortLabel(soort).toLowerCase()} heeft geen eigen werkgebied.`,
          );
        const onbekend = wg.filter((w) => !gemeenteCode(w));
        if (onbekend.length)
          fout('werkgebied', `Onbekende gemeente: ${onbekend.map((o) => `'${o}'`).join(', ')}.`);
        werkgebied = [...new Set(wg.map((w) => gemeenteCode(w)).filter((c): c is string => !!c))].sort();
      }
      const corp = lijst(rij.corporaties).map((c) => c.toUpperCase());
      if (corp.length && soort !== 'HUURDERSORGANISATIE')
        fout('corporaties', 'Alleen een huurdersorganisatie wordt aan corporaties verbonden.');
      plannen.push({ regel, soort, code, naam, werkgebied, corporaties: corp.length ? corp : null });
    });

    return this.schrijf(ctx, async (m) => {
      const bestaand = new Map<string, { id: string; soort: string; actief: boolean }>(
        (
          await m.query(`SELECT id, code, soort, actief FROM organisatie WHERE code = ANY($1::text[])`, [
            [...new Set([...plannen.map((p) => p.code), ...plannen.flatMap((p) => p.corporaties ?? [])])],
          ])
        ).map((r: { id: string; code: string; soort: string; actief: boolean }) => [r.code, r]),
      );
      const referentie = {
        GEMEENTE: new Set<string>(
          (await m.query(`SELECT code FROM gemeente`)).map((r: { code: string }) => r.code),
        ),
        PROVINCIE: new Set<string>(
          (await m.query(`SELECT code FROM provincie`)).map((r: { code: string }) => r.code),
        ),
      };
      const nieuwInBestand = new Set(plannen.filter((p) => !bestaand.has(p.code)).map((p) => p.code));
      for (const p of plannen) {
        const fout = (kolom: string, melding: string) => fouten.push({ regel: p.regel, kolom, melding });
        const b = bestaand.get(p.code);
        if (b && b.soort !== p.soort)
          fout(
            'code',
            `De code ${p.code} hoort al bij een ${organisatieSoortLabel(b.soort as OrganisatieSoort).toLowerCase()}.`,
          );
        if (b && !b.actief)
          fout('code', `De organisatie ${p.code} is gedeactiveerd; heractiveer haar eerst.`);
        if (!b && (p.soort === 'GEMEENTE' || p.soort === 'PROVINCIE') && !referentie[p.soort].has(p.code)) {
          fout('code', `De code ${p.code} staat niet in de CBS-indeling.`);
        }
        if (!b && !p.naam && p.soort !== 'GEMEENTE' && p.soort !== 'PROVINCIE')
          fout('naam', 'Vul de naam van de organisatie in.');
        for (const c of p.corporaties ?? []) {
          const corp = bestaand.get(c);
          const ookNieuw =
            nieuwInBestand.has(c) && plannen.some((x) => x.code === c && x.soort === 'CORPORATIE');
          if (!ookNieuw && (!corp || corp.soort !== 'CORPORATIE' || !corp.actief))
            fout('corporaties', `Geen actieve corporatie met code '${c}'.`);
        }
      }
      fouten.sort((a, b) => a.regel - b.regel);
      const nieuw = plannen.filter((p) => !bestaand.has(p.code)).map((p) => p.code);
      const bijgewerkt = plannen.filter((p) => bestaand.has(p.code)).map((p) => p.code);
      const uitkomst = { aantalRijen: regels.length, nieuw, bijgewerkt };
      if (fouten.length) return rapport(fouten, { aantalRijen: regels.length });
      if (proefrun) return rapport([], uitkomst);

      const ids = new Map<string, string>([...bestaand].map(([code, r]) => [code, r.id]));
      // corporaties first, so huurdersorganisaties in the same file can link to them
      const volgorde = [...plannen].sort(
        (a, b) => Number(b.soort === 'CORPORATIE') - Number(a.soort === 'CORPORATIE'),
      );
      for (const p of volgorde) {
        const bestond = ids.get(p.code);
        if (!bestond) {
          const naam =
            p.naam ??
            (p.soort === 'GEMEENTE'
              ? `Gemeente ${(await m.query(`SELECT naam FROM gemeente WHERE code = $1`, [p.code]))[0].naam}`
              : `Provincie ${(await m.query(`SELECT naam FROM provincie WHERE code = $1`, [p.code]))[0].naam}`);
          const [{ id }] = await m.query(
            `INSERT INTO organisatie (code, soort, naam, gemeente_code, provincie_code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [
              p.code,
              p.soort,
              naam,
              p.soort === 'GEMEENTE' ? p.code : null,
              p.soort === 'PROVINCIE' ? p.code : null,
            ],
          );
          ids.set(p.code, id);
          if (p.werkgebied) await this.zetWerkgebied(m, id, p.werkgebied);
          if (p.corporaties)
            await this.zetCorporaties(
              m,
              id,
              p.corporaties.map((c) => ids.get(c)!),
            );
          await this.auditOrganisatie(m, ctx, 'CREATE_ORGANISATIE', id, null, {
            ...(await this.stand(m, id)),
            bron: 'import',
          });
        } else {
          const voor = await this.stand(m, bestond);
          if (p.naam) await m.query(`UPDATE organisatie SET naam = $2 WHERE id = $1`, [bestond, p.naam]);
          if (p.werkgebied) await this.zetWerkgebied(m, bestond, p.werkgebied);
          if (p.corporaties)
            await this.zetCorporaties(
              m,
              bestond,
              p.corporaties.map((c) => ids.get(c)!),
            );
          await this.auditOrganisatie(m, ctx, 'IMPORT_WIJZIGING', bestond, voor, {
            ...(await this.stand(m, bestond)),
            bron: 'import',
          });
        }
      }
      return rapport([], { ...uitkomst, opgeslagen: true });
    });
  }

  // --- users -----------------------------------------------------------------------------------

  /**
   * Registers a user for an organisation: who should exist in Keycloak with attribute
   * `organisatie` = the organisation's code and these client roles of thuismonitor-api
   * (docs/onboarding.md). With the development login (DEV_OIDC=true) the user can sign in at once.
   */
  async maakGebruiker(
    ctx: RequestContext,
    organisatieId: string,
    input: GebruikerNieuwInput,
  ): Promise<BeheerGebruiker> {
    if (!isUuid(organisatieId)) throw nietGevonden('De organisatie');
    const gebruikersnaam = input.gebruikersnaam.trim().toLowerCase();
    const fouten: { veld: string; melding: string }[] = [];
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(gebruikersnaam)) {
      fouten.push({
        veld: 'gebruikersnaam',
        melding: '3 tot 64 tekens: kleine letters, cijfers, punt, streepje of liggend streepje',
      });
    }
    const naam = input.naam.trim().replace(/\s+/g, ' ');
    if (naam.length < 2 || naam.length > 200)
      fouten.push({ veld: 'naam', melding: 'Vul de naam in (2 tot 200 tekens)' });
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      fouten.push({ veld: 'email', melding: 'Geen geldig e-mailadres' });
    }
    const onbekend = input.rollen.filter((r) => !isRol(r));
    if (onbekend.length) fouten.push({ veld: 'rollen', melding: `Onbekende rol: ${onbekend.join(', ')}` });
    const rollen: Rol[] = ROLLEN.filter((r) => r === 'lezen' || input.rollen.includes(r));
    if (fouten.length)
      throw ongeldig('De gebruiker is niet opgeslagen: controleer de gemarkeerde velden.', fouten);

    const id = await this.schrijf(ctx, async (m) => {
      const org = await this.lees(m, organisatieId, { voorUpdate: true });
      if (!org) throw nietGevonden('De organisatie');
      if (!org.actief) throw ongeldig('Deze organisatie is gedeactiveerd; heractiveer haar eerst.');
      if (rollen.includes('platformbeheer') && org.soort !== 'RIJK') {
        throw ongeldig('De rol platformbeheer bestaat alleen binnen het Rijk (BZK).', [
          { veld: 'rollen', melding: 'Niet toegestaan voor deze organisatie' },
        ]);
      }
      const [bestaand] = await m.query(`SELECT 1 FROM organisatie_gebruiker WHERE gebruikersnaam = $1`, [
        gebruikersnaam,
      ]);
      if (bestaand || DEMO_ACCOUNTS.some((a) => a.username === gebruikersnaam)) {
        throw conflict(`De gebruikersnaam ${gebruikersnaam} is al in gebruik.`);
      }
      const [{ id }] = await m.query(
        `INSERT INTO organisatie_gebruiker (organisatie_id, gebruikersnaam, naam, email, rollen) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [organisatieId, gebruikersnaam, naam, email, rollen],
      );
      await this.audit.schrijf(m, ctx, {
        actie: 'CREATE_GEBRUIKER',
        entiteit: 'organisatie',
        entiteitId: organisatieId,
        voor: null,
        na: { gebruiker: { id, gebruikersnaam, rollen } },
      });
      return id as string;
    });
    const [g] = await this.db.transaction(ctx, (m) => m.query(`${GEBRUIKER} WHERE id = $1`, [id]));
    return g;
  }

  async deactiveerGebruiker(ctx: RequestContext, gebruikerId: string): Promise<BeheerGebruiker> {
    if (!isUuid(gebruikerId)) throw nietGevonden('De gebruiker');
    await this.schrijf(ctx, async (m) => {
      const [g] = await m.query(
        `${GEBRUIKER.replace('SELECT ', 'SELECT organisatie_id AS "organisatieId", ')} WHERE id = $1 FOR UPDATE`,
        [gebruikerId],
      );
      if (!g) throw nietGevonden('De gebruiker');
      if (!g.actief) return;
      await m.query(`UPDATE organisatie_gebruiker SET actief = false WHERE id = $1`, [gebruikerId]);
      await this.audit.schrijf(m, ctx, {
        actie: 'DEACTIVEER_GEBRUIKER',
        entiteit: 'organisatie',
        entiteitId: g.organisatieId,
        voor: { gebruiker: { id: g.id, gebruikersnaam: g.gebruikersnaam, actief: true } },
        na: { gebruiker: { id: g.id, gebruikersnaam: g.gebruikersnaam, actief: false } },
      });
    });
    const [g] = await this.db.transaction(ctx, (m) => m.query(`${GEBRUIKER} WHERE id = $1`, [gebruikerId]));
    return g;
  }

  // --- internals -------------------------------------------------------------------------------

  /** One write transaction; afterwards the principal cache is cleared (kind/werkgebied/actief changed). */
  private async schrijf<T>(ctx: RequestContext, werk: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(ctx, werk);
    } catch (err) {
      // two operators creating the same code at the same instant: the unique index decides
      if ((err as { code?: string }).code === '23505') {
        this.logger.warn(`unique violation in organisation administration: ${(err as Error).message}`);
        throw conflict('Deze code of gebruikersnaam is zojuist door iemand anders vastgelegd.');
      }
      throw err;
    } finally {
      this.principals.vergeet();
    }
  }

  /** A change to one existing, active organisation, audited with its state before and after. */
  private async wijzig(
    ctx: RequestContext,
    id: string,
    actie: string,
    werk: (m: EntityManager, org: BeheerOrganisatie) => Promise<void>,
    opties: { ookGedeactiveerd?: boolean } = {},
  ): Promise<void> {
    if (!isUuid(id)) throw nietGevonden('De organisatie');
    await this.schrijf(ctx, async (m) => {
      const org = await this.lees(m, id, { voorUpdate: true });
      if (!org) throw nietGevonden('De organisatie');
      if (!org.actief && !opties.ookGedeactiveerd) {
        throw ongeldig('Deze organisatie is gedeactiveerd; heractiveer haar eerst.');
      }
      if (org.actief && opties.ookGedeactiveerd) throw ongeldig('Deze organisatie is al actief.');
      const voor = await this.stand(m, id);
      await werk(m, org);
      await this.auditOrganisatie(m, ctx, actie, id, voor, await this.stand(m, id));
    });
  }

  private async lees(
    m: EntityManager,
    id: string,
    opties: { voorUpdate?: boolean } = {},
  ): Promise<BeheerOrganisatie | undefined> {
    if (opties.voorUpdate) await m.query(`SELECT 1 FROM organisatie WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await m.query(`${SELECT} WHERE o.id = $1`, [id]);
    return row;
  }

  private async stand(m: EntityManager, id: string): Promise<OrganisatieStand> {
    const [s] = await m.query(
      `SELECT o.code, o.soort, o.naam, o.actief,
              coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                        WHERE w.organisatie_id = o.id), '{}') AS werkgebied,
              coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM organisatie_huurder_corporatie h
                        JOIN organisatie c ON c.id = h.corporatie_id WHERE h.huurdersorganisatie_id = o.id), '{}') AS corporaties
       FROM organisatie o WHERE o.id = $1`,
      [id],
    );
    return s;
  }

  private async auditOrganisatie(
    m: EntityManager,
    ctx: RequestContext,
    actie: string,
    id: string,
    voor: OrganisatieStand | null,
    na: OrganisatieStand | Record<string, unknown>,
  ): Promise<void> {
    await this.audit.schrijf(m, ctx, { actie, entiteit: 'organisatie', entiteitId: id, voor, na });
  }

  /** Normalised werkgebied; every code must be a gemeente of the current CBS indeling. */
  private async controleerWerkgebied(m: EntityManager, invoer: string[]): Promise<string[]> {
    const codes = veld('werkgebied', () => normaliseerWerkgebied(invoer));
    if (!codes.length) return codes;
    const bekend = new Set<string>(
      (await m.query(`SELECT code FROM gemeente WHERE code = ANY($1::text[])`, [codes])).map(
        (r: { code: string }) => r.code,
      ),
    );
    const onbekend = codes.filter((c) => !bekend.has(c));
    if (onbekend.length) {
      throw ongeldig(
        `Deze gemeentecode${onbekend.length > 1 ? 's bestaan' : ' bestaat'} niet: ${onbekend.join(', ')}.`,
        [{ veld: 'werkgebied', melding: `Onbekend: ${onbekend.join(', ')}` }],
      );
    }
    return codes;
  }

  /** Each id must be an active corporatie. */
  private async controleerCorporaties(m: EntityManager, ids: string[]): Promise<string[]> {
    const uniek = [...new Set(ids)];
    if (!uniek.length) return uniek;
    const geldig = uniek.filter(isUuid);
    const gevonden = new Set<string>(
      (
        await m.query(
          `SELECT id FROM organisatie WHERE id = ANY($1::uuid[]) AND soort = 'CORPORATIE' AND actief`,
          [geldig],
        )
      ).map((r: { id: string }) => r.id),
    );
    const fout = uniek.filter((id) => !gevonden.has(id));
    if (fout.length) {
      throw ongeldig('Kies alleen actieve woningcorporaties.', [
        { veld: 'corporatieIds', melding: `Geen actieve corporatie: ${fout.join(', ')}` },
      ]);
    }
    return uniek;
  }

  private async zetWerkgebied(m: EntityManager, id: string, codes: string[]): Promise<void> {
    await m.query(
      `DELETE FROM organisatie_werkgebied WHERE organisatie_id = $1 AND NOT (gemeente_code = ANY($2::text[]))`,
      [id, codes],
    );
    await m.query(
      `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [id, codes],
    );
  }

  private async zetCorporaties(m: EntityManager, id: string, ids: string[]): Promise<void> {
    await m.query(
      `DELETE FROM organisatie_huurder_corporatie WHERE huurdersorganisatie_id = $1 AND NOT (corporatie_id = ANY($2::uuid[]))`,
      [id, ids],
    );
    await m.query(
      `INSERT INTO organisatie_huurder_corporatie (huurdersorganisatie_id, corporatie_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, ids],
    );
  }
}

/** A domain rule's Dutch message as a field error of the input. */
function veld<T>(naam: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof DomainError) throw ongeldig(err.message, [{ veld: naam, melding: err.message }]);
    throw err;
  }
}

const MAX_IMPORT_RIJEN = 5000;

class OngeldigeCsv extends Error {}

/** CSV as text (`;` or `,`), header in line 1; line numbers as the user sees them. */
function leesCsvTekst(inhoud: string): { regel: number; cel: Record<string, string> }[] {
  const tekst = inhoud.replace(/^\uFEFF/, '');
  const eersteRegel = tekst.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = eersteRegel.split(';').length > eersteRegel.split(',').length ? ';' : ',';
  try {
    const rijen: string[][] = parse(tekst, { delimiter, relax_column_count: true, skip_empty_lines: false });
    return naarRegels(rijen.map((cellen, i) => ({ rij: i + 1, cellen })));
  } catch (err) {
    throw new OngeldigeCsv(`Het bestand is geen geldige CSV: ${(err as Error).message}`);
  }
}

/**
 * A file as uploaded (CSV in any of the encodings corporaties' systems write, or XLSX: first
 * worksheet), read with the toewijzingen import's reader, which checks an XLSX's zip structure
 * and sizes before parsing. The GraphQL body limit (2 MB) bounds the file; an organisation list is
 * small, so it is read here rather than in the import worker thread.
 */
async function leesBestand(
  bestand: Buffer,
  naam: string,
): Promise<{ regel: number; cel: Record<string, string> }[]> {
  const rijen: BestandRij[] = [];
  for await (const r of leesRijen(bestand, naam)) {
    rijen.push(r);
    if (rijen.length > MAX_IMPORT_RIJEN + 1) break;
  }
  return naarRegels(rijen);
}

/** The first non-empty row is the header (lower case); every following non-empty row a record. */
function naarRegels(rijen: BestandRij[]): { regel: number; cel: Record<string, string> }[] {
  const gevuld = rijen.filter((r) => r.cellen.some((c) => (c ?? '').trim() !== ''));
  const [kop, ...rest] = gevuld;
  if (!kop) return [];
  const namen = kop.cellen.map((c) => (c ?? '').trim().toLowerCase());
  return rest.map((r) => ({
    regel: r.rij,
    cel: Object.fromEntries(namen.map((n, i) => [n, (r.cellen[i] ?? '').trim()])),
  }));
}
