import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@thuismonitor/auth';
import {
  heeftEigenWerkgebied,
  normaliseerOrganisatieCode,
  normaliseerOrganisatieNaam,
  organisatieSoortLabel,
} from '@thuismonitor/domain';
import { nietGevonden, conflict, ongeldig } from '../common/fouten';
import { isUuid } from '../common/id';
import { BeheerSchrijver, veld } from './beheer-schrijver';
import {
  deactiveerOrganisatie,
  heractiveerOrganisatie,
  hernoemOrganisatie,
  leesOrganisatieOpCode,
  leesReferentieNaam,
  markeerOpgegaan,
  vergrendelOrganisatie,
  verhuisGebruikers,
  verhuisHuurders,
  voegOrganisatieToe,
  zetCorporaties,
  zetWerkgebied,
} from './beheer.repository';
import { BeheerService } from './beheer.service';
import type { BeheerOrganisatie, OrganisatieNieuwInput } from './beheer.types';

/**
 * The platform operator's changes to organisations (issue 13): create, rename, werkgebied,
 * huurders links, deactivate and reactivate, merge. Each runs in one transaction with its audit
 * row and clears the principal cache afterwards (BeheerSchrijver).
 */
@Injectable()
export class OrganisatieBeheerService {
  constructor(
    private readonly schrijver: BeheerSchrijver,
    private readonly lezer: BeheerService,
  ) {}

  async maak(ctx: RequestContext, input: OrganisatieNieuwInput): Promise<BeheerOrganisatie> {
    const soort = input.soort;
    const code = veld('code', () => normaliseerOrganisatieCode(soort, input.code));
    const id = await this.schrijver.schrijf(ctx, async (m) => {
      let naam: string;
      let gemeenteCode: string | null = null;
      let provincieCode: string | null = null;
      if (soort === 'GEMEENTE' || soort === 'PROVINCIE') {
        const refNaam = await leesReferentieNaam(m, soort === 'GEMEENTE' ? 'gemeente' : 'provincie', code);
        if (refNaam === undefined) {
          throw ongeldig(
            `De code ${code} staat niet in de CBS-indeling van ${soort === 'GEMEENTE' ? 'gemeenten' : 'provincies'}.`,
            [{ veld: 'code', melding: 'Onbekende CBS-code' }],
          );
        }
        naam = input.naam?.trim()
          ? veld('naam', () => normaliseerOrganisatieNaam(input.naam!))
          : `${soort === 'GEMEENTE' ? 'Gemeente' : 'Provincie'} ${refNaam}`;
        if (soort === 'GEMEENTE') gemeenteCode = code;
        else provincieCode = code;
      } else {
        if (!input.naam?.trim())
          throw ongeldig('Vul de naam van de organisatie in.', [{ veld: 'naam', melding: 'Verplicht' }]);
        naam = veld('naam', () => normaliseerOrganisatieNaam(input.naam!));
      }
      const bestaand = await leesOrganisatieOpCode(m, code);
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
      const werkgebied = await this.schrijver.controleerWerkgebied(m, input.werkgebied ?? []);
      const corporaties = await this.schrijver.controleerCorporaties(m, input.corporatieIds ?? []);
      const id = await voegOrganisatieToe(m, { code, soort, naam, gemeenteCode, provincieCode });
      await zetWerkgebied(m, id, werkgebied);
      await zetCorporaties(m, id, corporaties);
      await this.schrijver.auditOrganisatie(
        m,
        ctx,
        'CREATE_ORGANISATIE',
        id,
        null,
        await this.schrijver.stand(m, id),
      );
      return id;
    });
    return this.lezer.opId(ctx, id);
  }

  async hernoem(ctx: RequestContext, id: string, naamInvoer: string): Promise<BeheerOrganisatie> {
    const naam = veld('naam', () => normaliseerOrganisatieNaam(naamInvoer));
    await this.schrijver.wijzig(ctx, id, 'HERNOEM_ORGANISATIE', async (m) => {
      await hernoemOrganisatie(m, id, naam);
    });
    return this.lezer.opId(ctx, id);
  }

  async wijzigWerkgebied(ctx: RequestContext, id: string, codes: string[]): Promise<BeheerOrganisatie> {
    await this.schrijver.wijzig(ctx, id, 'WIJZIG_WERKGEBIED', async (m, org) => {
      if (!heeftEigenWerkgebied(org.soort)) {
        throw ongeldig(
          `Het werkgebied van een ${organisatieSoortLabel(org.soort).toLowerCase()} volgt uit de CBS-indeling en wordt niet met de hand bijgehouden.`,
        );
      }
      await zetWerkgebied(m, id, await this.schrijver.controleerWerkgebied(m, codes));
    });
    return this.lezer.opId(ctx, id);
  }

  async wijzigCorporaties(
    ctx: RequestContext,
    id: string,
    corporatieIds: string[],
  ): Promise<BeheerOrganisatie> {
    await this.schrijver.wijzig(ctx, id, 'WIJZIG_CORPORATIES', async (m, org) => {
      if (org.soort !== 'HUURDERSORGANISATIE')
        throw ongeldig('Alleen een huurdersorganisatie wordt aan corporaties verbonden.');
      await zetCorporaties(m, id, await this.schrijver.controleerCorporaties(m, corporatieIds));
    });
    return this.lezer.opId(ctx, id);
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
    await this.schrijver.wijzig(ctx, id, 'DEACTIVEER_ORGANISATIE', async (m) => {
      await deactiveerOrganisatie(m, id);
    });
    return this.lezer.opId(ctx, id);
  }

  async heractiveer(ctx: RequestContext, id: string): Promise<BeheerOrganisatie> {
    await this.schrijver.wijzig(
      ctx,
      id,
      'HERACTIVEER_ORGANISATIE',
      async (m) => {
        await heractiveerOrganisatie(m, id);
      },
      { ookGedeactiveerd: true },
    );
    return this.lezer.opId(ctx, id);
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
    await this.schrijver.schrijf(ctx, async (m) => {
      // lock both in a fixed order, so two crossing merges cannot deadlock
      for (const id of [bronId, doelId].sort()) await vergrendelOrganisatie(m, id);
      const bron = await this.schrijver.lees(m, bronId);
      const doel = await this.schrijver.lees(m, doelId);
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
      const bronVoor = await this.schrijver.stand(m, bronId);
      const doelVoor = await this.schrijver.stand(m, doelId);
      await zetWerkgebied(m, doelId, [...new Set([...doel.werkgebiedCodes, ...bron.werkgebiedCodes])].sort());
      if (bron.soort === 'HUURDERSORGANISATIE') {
        await zetCorporaties(m, doelId, [...new Set([...doel.corporatieIds, ...bron.corporatieIds])]);
      }
      if (bron.soort === 'CORPORATIE') {
        // the huurdersorganisaties of the merged corporatie now represent the target's tenants
        await verhuisHuurders(m, bronId, doelId);
      }
      const gebruikers = (await verhuisGebruikers(m, bronId, doelId)).sort();
      await markeerOpgegaan(m, bronId, doelId);
      await this.schrijver.auditOrganisatie(m, ctx, 'OPGEGAAN_IN', bronId, bronVoor, {
        ...(await this.schrijver.stand(m, bronId)),
        opgegaanIn: doel.code,
        gebruikers,
      });
      await this.schrijver.auditOrganisatie(m, ctx, 'SAMENVOEGING', doelId, doelVoor, {
        ...(await this.schrijver.stand(m, doelId)),
        samengevoegdMet: bron.code,
        gebruikers,
      });
    });
    return this.lezer.opId(ctx, doelId);
  }
}
