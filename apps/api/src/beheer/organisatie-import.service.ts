import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@thuismonitor/auth';
import {
  heeftEigenWerkgebied,
  isOrganisatieSoort,
  maakGemeenteZoeker,
  normaliseerOrganisatieCode,
  normaliseerOrganisatieNaam,
  organisatieSoortLabel,
  type OrganisatieSoort,
} from '@thuismonitor/domain';
import { ReferentieService } from '../referentie';
import { BestandWeigering } from '../toewijzing';
import { BeheerSchrijver } from './beheer-schrijver';
import {
  hernoemOrganisatie,
  leesOrganisatiesOpCodes,
  leesReferentieCodes,
  leesReferentieNaam,
  voegOrganisatieToe,
  zetCorporaties,
  zetWerkgebied,
} from './beheer.repository';
import type { OrganisatieImportFout, OrganisatieImportRapport } from './beheer.types';
import { leesBestand, leesCsvTekst, MAX_IMPORT_RIJEN, OngeldigeCsv } from './organisatie-import-bestand';

/** The platform operator's bulk onboarding of organisations from a file (issue 13). */
@Injectable()
export class OrganisatieImportService {
  constructor(
    private readonly schrijver: BeheerSchrijver,
    private readonly referentie: ReferentieService,
  ) {}

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

    return this.schrijver.schrijf(ctx, async (m) => {
      const bestaand = new Map<string, { id: string; soort: string; actief: boolean }>(
        (
          await leesOrganisatiesOpCodes(m, [
            ...new Set([...plannen.map((p) => p.code), ...plannen.flatMap((p) => p.corporaties ?? [])]),
          ])
        ).map((r) => [r.code, r]),
      );
      const referentie = {
        GEMEENTE: new Set<string>(await leesReferentieCodes(m, 'gemeente')),
        PROVINCIE: new Set<string>(await leesReferentieCodes(m, 'provincie')),
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
              ? `Gemeente ${await leesReferentieNaam(m, 'gemeente', p.code)}`
              : `Provincie ${await leesReferentieNaam(m, 'provincie', p.code)}`);
          const id = await voegOrganisatieToe(m, {
            code: p.code,
            soort: p.soort,
            naam,
            gemeenteCode: p.soort === 'GEMEENTE' ? p.code : null,
            provincieCode: p.soort === 'PROVINCIE' ? p.code : null,
          });
          ids.set(p.code, id);
          if (p.werkgebied) await zetWerkgebied(m, id, p.werkgebied);
          if (p.corporaties)
            await zetCorporaties(
              m,
              id,
              p.corporaties.map((c) => ids.get(c)!),
            );
          await this.schrijver.auditOrganisatie(m, ctx, 'CREATE_ORGANISATIE', id, null, {
            ...(await this.schrijver.stand(m, id)),
            bron: 'import',
          });
        } else {
          const voor = await this.schrijver.stand(m, bestond);
          if (p.naam) await hernoemOrganisatie(m, bestond, p.naam);
          if (p.werkgebied) await zetWerkgebied(m, bestond, p.werkgebied);
          if (p.corporaties)
            await zetCorporaties(
              m,
              bestond,
              p.corporaties.map((c) => ids.get(c)!),
            );
          await this.schrijver.auditOrganisatie(m, ctx, 'IMPORT_WIJZIGING', bestond, voor, {
            ...(await this.schrijver.stand(m, bestond)),
            bron: 'import',
          });
        }
      }
      return rapport([], { ...uitkomst, opgeslagen: true });
    });
  }
}
