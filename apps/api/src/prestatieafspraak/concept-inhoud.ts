import type { EntityManager } from 'typeorm';
import {
  afspraakFouten,
  afspraakSoort,
  INDICATOR_CATALOGUS_VERSIE,
  magPartijZijn,
  peildatumVoor,
  type InhoudFout,
} from '@thuismonitor/domain';
import { nietGevonden } from '../common/fouten';
import { isUuid } from '../common/id';
import type { OrganisatieService } from '../organisatie';
import type { AfspraakInhoud } from './prestatieafspraak-inhoud.repository';
import { leesAfspraken, type AfspraakRij, type PaRij } from './prestatieafspraak.repository';
import type { AfspraakInput } from './prestatieafspraak.types';

/** From an afspraak as typed to the row that is stored (pure; the concept mutations use it). */
export function afspraakInhoud(invoer: AfspraakInput): AfspraakInhoud {
  return {
    actielijn: invoer.actielijn,
    aandachtsgroep: invoer.aandachtsgroep ?? null,
    omschrijving: invoer.omschrijving.trim(),
    soort: afspraakSoort(invoer),
    indicatorCode: invoer.indicatorCode ?? null,
    catalogusVersie: invoer.indicatorCode ? INDICATOR_CATALOGUS_VERSIE : null,
    mijlpaalDatum: invoer.mijlpaalDatum ?? null,
    verantwoordelijkeId: invoer.verantwoordelijkeId,
  };
}

/** Doelwaarden belong to a measurable afspraak only; each with its peildatum (default 31 December). */
export function doelwaardenVan(invoer: AfspraakInput) {
  const doelwaarden = afspraakSoort(invoer) === 'INDICATOR' ? (invoer.doelwaarden ?? []) : [];
  return doelwaarden.map((d) => ({ jaar: d.jaar, waarde: d.waarde, peildatum: peildatumVoor(d) }));
}

/** The content rules of one afspraak, and its responsible party must be one of the parties. */
export function afspraakFoutenIn(pa: PaRij, invoer: AfspraakInput): InhoudFout[] {
  const fouten = afspraakFouten(invoer, pa);
  if (!pa.partijIds.includes(invoer.verantwoordelijkeId)) {
    fouten.push({
      veld: 'verantwoordelijkeId',
      melding: 'De verantwoordelijke moet een van de partijen zijn.',
    });
  }
  return fouten;
}

/** What the audit trail keeps of an afspraak as typed. */
export function afspraakSnapshot(a: AfspraakInput) {
  return {
    actielijn: a.actielijn,
    aandachtsgroep: a.aandachtsgroep ?? null,
    omschrijving: a.omschrijving.trim(),
    indicatorCode: a.indicatorCode ?? null,
    doelwaarden: (a.doelwaarden ?? []).map((d) => ({
      jaar: d.jaar,
      waarde: d.waarde,
      peildatum: peildatumVoor(d),
    })),
    mijlpaalDatum: a.mijlpaalDatum ?? null,
    verantwoordelijkeId: a.verantwoordelijkeId,
  };
}

/** What the audit trail keeps of a stored afspraak. */
export function rijSnapshot(a: AfspraakRij) {
  return {
    afspraakId: a.id,
    volgnummer: a.volgnummer,
    actielijn: a.actielijn,
    aandachtsgroep: a.aandachtsgroep,
    omschrijving: a.omschrijving,
    indicatorCode: a.indicatorCode,
    doelwaarden: a.doelwaarden,
    mijlpaalDatum: a.mijlpaalDatum,
    verantwoordelijkeId: a.verantwoordelijkeId,
  };
}

/** One afspraak of this prestatieafspraak, or "not found". */
export async function afspraakVan(m: EntityManager, pa: PaRij, afspraakId: string): Promise<AfspraakRij> {
  const afspraak = isUuid(afspraakId)
    ? (await leesAfspraken(m, [pa.id])).find((a) => a.id === afspraakId)
    : undefined;
  if (!afspraak) throw nietGevonden('De afspraak');
  return afspraak;
}

/** Each id must be an organisation that may be a party in this gemeente (domain rule). */
export async function partijFouten(
  organisaties: OrganisatieService,
  ids: readonly string[],
  gemeenteCode: string,
  binnen?: EntityManager,
): Promise<InhoudFout[]> {
  const geldig = ids.filter(isUuid);
  const orgs = new Map((geldig.length ? await organisaties.opIds(geldig, binnen) : []).map((o) => [o.id, o]));
  const fouten: InhoudFout[] = [];
  for (const id of ids) {
    const org = orgs.get(id);
    if (!org) fouten.push({ veld: 'partijIds', melding: `Organisatie '${id}' bestaat niet.` });
    else if (
      !magPartijZijn({ soort: org.soort, code: org.code, werkgebied: org.werkgebiedCodes }, gemeenteCode)
    ) {
      fouten.push({
        veld: 'partijIds',
        melding: `${org.naam} kan geen partij zijn bij prestatieafspraken van deze gemeente.`,
      });
    }
  }
  return fouten;
}
