import {
  STATUSHOUDERS_TAAKSTELLING_INDICATOR,
  taakstellingTelt,
  type GebiedSoort,
  type OrganisatieSoort,
} from '@thuismonitor/domain';
import type { PrestatieafspraakStatus } from '@thuismonitor/domain';
import type { Principal } from './principal';
import type { Rol } from './rollen';

/**
 * The policy of DESIGN.md §6 as data. One row per permission: which organisation kinds may use it
 * and which role the user needs within that organisation (any of). Resolvers declare exactly one
 * permission with @Vereist(); row-level rules (whose rows, which gemeenten) are the pure functions
 * below, and the one scoping function `gemeenteScope` feeds every query.
 */
const IEDEREEN: readonly OrganisatieSoort[] = [
  'CORPORATIE',
  'GEMEENTE',
  'HUURDERSORGANISATIE',
  'ZORGAANBIEDER',
  'PROVINCIE',
  'RIJK',
];
const PARTIJEN: readonly OrganisatieSoort[] = [
  'CORPORATIE',
  'GEMEENTE',
  'HUURDERSORGANISATIE',
  'ZORGAANBIEDER',
];

export interface PolicyRegel {
  soorten: readonly OrganisatieSoort[];
  rollen: readonly Rol[];
  omschrijving: string;
}

export const POLICY = {
  'profiel:lezen': { soorten: IEDEREEN, rollen: [], omschrijving: 'eigen gebruiker en organisatie zien' },
  'referentie:lezen': {
    soorten: IEDEREEN,
    rollen: ['lezen'],
    omschrijving: 'gemeenten, provincies, regio’s',
  },
  'referentie:beheren': {
    soorten: ['RIJK'],
    rollen: ['platformbeheer'],
    omschrijving: 'referentiedata beheren (woningmarktregio-indeling)',
  },
  // Every kind passes the guard, so that the service can answer anyone but the Rijk's platform
  // operator exactly as for a regime that does not exist (magRegimeZetten), not with a distinct refusal.
  'regime:zetten': {
    soorten: IEDEREEN,
    rollen: [],
    omschrijving:
      'de inwerkingtreding van een volkshuisvestingsregime zetten (alleen platformbeheer van het Rijk)',
  },
  'programma:bijhouden': {
    soorten: ['GEMEENTE', 'PROVINCIE', 'RIJK'],
    rollen: ['beheren'],
    omschrijving: 'het eigen volkshuisvestingsprogramma vastleggen',
  },
  'urgentie:bijhouden': {
    soorten: ['GEMEENTE'],
    rollen: ['beheren'],
    omschrijving: 'de eigen urgentieregeling en haar categorieën vastleggen',
  },
  'organisatie:lezen': { soorten: IEDEREEN, rollen: ['lezen'], omschrijving: 'lijst van organisaties' },
  'organisatie:beheren': {
    soorten: ['RIJK'],
    rollen: ['platformbeheer'],
    omschrijving: 'organisaties aanmaken en werkgebieden bijhouden',
  },
  'organisatie:gebruikers': {
    soorten: IEDEREEN,
    rollen: ['beheren'],
    omschrijving: 'zien wie zich voor de eigen organisatie aanmeldt en met welke rollen',
  },
  'afspraak:lezen': { soorten: IEDEREEN, rollen: ['lezen'], omschrijving: 'prestatieafspraken lezen' },
  'afspraak:opstellen': {
    soorten: ['CORPORATIE', 'GEMEENTE'],
    rollen: ['beheren'],
    omschrijving: 'een prestatieafspraak of bod starten',
  },
  'afspraak:bewerken': { soorten: PARTIJEN, rollen: ['beheren'], omschrijving: 'concept bewerken, indienen' },
  'afspraak:tekenen': {
    soorten: PARTIJEN,
    rollen: ['tekenen'],
    omschrijving: 'tekenen namens de organisatie',
  },
  'afspraak:reageren': {
    soorten: PARTIJEN,
    rollen: ['invoeren', 'beheren', 'tekenen'],
    omschrijving: 'reageren, mijlpalen bijwerken',
  },
  'toewijzing:lezen': {
    soorten: IEDEREEN,
    rollen: ['lezen'],
    omschrijving: 'toewijzingen (rijen of aggregaten)',
  },
  'toewijzing:invoeren': {
    soorten: ['CORPORATIE'],
    rollen: ['invoeren'],
    omschrijving: 'toewijzingen vastleggen',
  },
  'nieuwbouw:lezen': { soorten: IEDEREEN, rollen: ['lezen'], omschrijving: 'nieuwbouwprojecten zien' },
  'nieuwbouw:invoeren': {
    soorten: ['CORPORATIE', 'GEMEENTE'],
    rollen: ['invoeren'],
    omschrijving: 'nieuwbouwprojecten bijhouden',
  },
  'kwartaalcijfer:lezen': {
    soorten: IEDEREEN,
    rollen: ['lezen'],
    omschrijving: 'gerapporteerde kwartaalcijfers zien',
  },
  // the indicator catalogue says per indicator which kind reports it (magRapporteren); gemeenten
  // report woningvoorraad, vroegsignalering and standplaatsen
  'kwartaalcijfer:invoeren': {
    soorten: ['CORPORATIE', 'ZORGAANBIEDER', 'GEMEENTE'],
    rollen: ['invoeren'],
    omschrijving: 'kwartaalcijfers rapporteren',
  },
  'taakstelling:stellen': {
    soorten: ['RIJK', 'PROVINCIE', 'GEMEENTE'],
    rollen: ['beheren'],
    omschrijving: 'taakstellingen stellen voor het eigen gebied',
  },
  'voortgang:lezen': { soorten: IEDEREEN, rollen: ['lezen'], omschrijving: 'voortgang zien' },
  'rapportage:lezen': { soorten: IEDEREEN, rollen: ['lezen'], omschrijving: 'kwartaalrapportages lezen' },
  'rapportage:aanvragen': {
    soorten: ['GEMEENTE', 'PROVINCIE', 'RIJK'],
    rollen: ['invoeren', 'beheren'],
    omschrijving: 'een kwartaalrapportage laten maken',
  },
} as const satisfies Record<string, PolicyRegel>;

export type Permissie = keyof typeof POLICY;

export function isPermissie(value: string): value is Permissie {
  return Object.prototype.hasOwnProperty.call(POLICY, value);
}

/** May this principal use this permission at all (before row-level rules)? */
export function heeftPermissie(principal: Principal, permissie: Permissie): boolean {
  const regel: PolicyRegel = POLICY[permissie];
  if (!regel.soorten.includes(principal.organisatie.soort)) return false;
  if (regel.rollen.length === 0) return true;
  return regel.rollen.some((rol) => principal.rollen.includes(rol));
}

/**
 * THE scoping function: the gemeenten whose data this principal may touch at all. Everything that
 * reads or writes tenant data starts here. There is deliberately no "no filter" value except for
 * Rijk: an organisation with an empty werkgebied sees nothing (fail closed).
 */
export type GemeenteScope = { soort: 'ALLE' } | { soort: 'GEMEENTEN'; codes: readonly string[] };

export function gemeenteScope(principal: Principal): GemeenteScope {
  if (principal.organisatie.soort === 'RIJK') return { soort: 'ALLE' };
  return {
    soort: 'GEMEENTEN',
    codes: [...principal.organisatie.gemeenten, ...historieGemeenten(principal)],
  };
}

/**
 * After a herindeling: the old gemeenten whose history (figures on their own codes) this principal
 * still reads, as part of gemeenteScope, never to write (docs/decisions.md, "Herindeling: who reads
 * and writes the old codes").
 * - The successor gemeente reads every gemeente merged into it (it is their legal successor), and
 *   a provincie those merged into its gemeenten and its own former gemeenten (its supervision).
 * - A corporatie, zorgaanbieder or huurdersorganisatie reads an old gemeente only when that code
 *   was in its own werkgebied when it merged and it still works in the gemeente it became part of:
 *   exactly what it could read the day before. A new gemeente in its werkgebied does not open the
 *   history of the other gemeenten that formed it.
 */
export function historieGemeenten(principal: Principal): readonly string[] {
  const org = principal.organisatie;
  const voorgangers = org.voorgangers ?? [];
  if (org.soort === 'RIJK') return [];
  if (org.soort === 'GEMEENTE' || org.soort === 'PROVINCIE') return voorgangers;
  const eerder = new Set(org.eerderWerkgebied ?? []);
  return voorgangers.filter((code) => eerder.has(code));
}

/**
 * The gemeenten this principal may write rows for: its current werkgebied (a gemeente itself, a
 * provincie its gemeenten, others their werkgebied rows), never an old gemeente and never for the
 * Rijk. The database gets the same list (ScopedDb, tm.werkgebied; tm_gemeente_in_werkgebied).
 */
export function schrijfGemeenten(principal: Principal): readonly string[] {
  const org = principal.organisatie;
  if (org.soort === 'RIJK') return [];
  const oud = new Set(org.voorgangers ?? []);
  return org.gemeenten.filter((code) => !oud.has(code));
}

export function binnenScope(scope: GemeenteScope, gemeenteCode: string): boolean {
  return scope.soort === 'ALLE' || scope.codes.includes(gemeenteCode);
}

/**
 * An area (gemeente, woningmarktregio, provincie, land) is in scope when every one of its
 * gemeenten is: a provincie sees its own area and its gemeenten', not a neighbouring province; an
 * area without gemeenten is never in scope (fail closed).
 */
export function gebiedBinnenScope(scope: GemeenteScope, gemeentenVanGebied: readonly string[]): boolean {
  if (gemeentenVanGebied.length === 0) return false;
  if (scope.soort === 'ALLE') return true;
  const eigen = new Set(scope.codes);
  return gemeentenVanGebied.every((g) => eigen.has(g));
}

/**
 * Rows of registered data (toewijzingen, projecten, kwartaalcijfers) are visible as rows only to
 * the organisation that owns them and to the gemeente they are in. Everyone else in scope sees
 * aggregates, with small cells suppressed.
 */
export function magRijZien(
  principal: Principal,
  rij: { eigenaarOrganisatieId: string; gemeenteCode: string },
): boolean {
  if (rij.eigenaarOrganisatieId === principal.organisatie.id) return true;
  return principal.organisatie.soort === 'GEMEENTE' && principal.organisatie.code === rij.gemeenteCode;
}

/**
 * For aggregate views: does the viewer see exact small counts for this gemeente? Only the gemeente
 * itself does (it may see the rows anyway); provincie, Rijk and other parties get suppressed cells.
 */
export function zietOnderdrukteCellen(principal: Principal, gemeenteCode: string): boolean {
  return !(principal.organisatie.soort === 'GEMEENTE' && principal.organisatie.code === gemeenteCode);
}

/** May this organisation write rows for this gemeente (its own werkgebied only)? */
export function magSchrijvenVoorGemeente(principal: Principal, gemeenteCode: string): boolean {
  return schrijfGemeenten(principal).includes(gemeenteCode);
}

/** An area a taakstelling is set for, with what the policy needs to know about its territory. */
export interface TaakstellingGebied {
  soort: GebiedSoort;
  code: string;
  /** every gemeente of the area (for a gemeente: itself) */
  gemeenten: readonly string[];
  /** the distinct provincies those gemeenten lie in */
  provincies: readonly string[];
}

/**
 * Who sets a taakstelling: the level that owns the area, and only one level per area, so a target
 * set from above cannot be overwritten from below (docs/decisions.md, "Taakstellingen").
 * - Rijk: the country, every provincie, a woningmarktregio that crosses a provincial border, and
 *   the statushouders taakstelling of every gemeente (nothing else per gemeente).
 * - Provincie: its own gemeenten and the woningmarktregio's that lie wholly inside the province;
 *   not its own provincie total (that is the Rijk's target for it), not statushouders.
 * - Gemeente: its own gemeente, except the statushouders taakstelling (set by the Rijk).
 * - Everyone else (corporaties, huurders, zorgaanbieders): nothing.
 * An area without gemeenten (a woningmarktregio whose membership is not imported) has no owner.
 * - The share of sociale huur in the stock (AANDEEL_SOCIALE_HUUR) only by a provincie: it is
 *   provincial policy, not a legal or national norm (domain woondeal.ts taakstellingTelt;
 *   docs/decisions.md "Regionale woondeals").
 */
export function magTaakstellingStellen(
  principal: Principal,
  gebied: TaakstellingGebied,
  indicatorCode: string,
): boolean {
  const org = principal.organisatie;
  if (!taakstellingTelt(indicatorCode, org.soort)) return false;
  const statushouders = indicatorCode === STATUSHOUDERS_TAAKSTELLING_INDICATOR;
  switch (org.soort) {
    case 'RIJK':
      if (gebied.soort === 'LAND' || gebied.soort === 'PROVINCIE') return true;
      if (gebied.soort === 'GEMEENTE') return statushouders;
      return gebied.gemeenten.length > 0 && gebied.provincies.length > 1;
    case 'PROVINCIE': {
      if (statushouders || gebied.gemeenten.length === 0) return false;
      if (gebied.soort !== 'GEMEENTE' && gebied.soort !== 'WONINGMARKTREGIO') return false;
      const eigen = new Set(org.gemeenten);
      return (
        gebied.gemeenten.every((g) => eigen.has(g)) && gebied.provincies.every((p) => p === org.provincieCode)
      );
    }
    case 'GEMEENTE':
      return !statushouders && gebied.soort === 'GEMEENTE' && gebied.code === org.code;
    default:
      return false;
  }
}

/**
 * The SQL form of magRijZien for list queries: rows owned by `eigenaarOrganisatieId`, plus, for a
 * gemeente, the rows in its own gemeente (`gemeenteCode`; null for everyone else). There is no
 * value that widens it: a provincie or Rijk gets its own (none) and no gemeente, so no rows.
 */
export interface RijZicht {
  eigenaarOrganisatieId: string;
  gemeenteCode: string | null;
}

export function rijZicht(principal: Principal): RijZicht {
  const org = principal.organisatie;
  return { eigenaarOrganisatieId: org.id, gemeenteCode: org.soort === 'GEMEENTE' ? org.code : null };
}

/**
 * Nieuwbouwprojecten are about buildings, not households, so besides the owner and the gemeente
 * (magRijZien) the provincie and the Rijk see the projects within their scope as rows too
 * (docs/decisions.md, "Nieuwbouwprojecten"). Other parties (other corporaties, huurders,
 * zorgaanbieders) do not: they follow nieuwbouw through voortgang.
 */
export function magProjectZien(
  principal: Principal,
  project: { eigenaarOrganisatieId: string; gemeenteCode: string },
): boolean {
  if (magRijZien(principal, project)) return true;
  const soort = principal.organisatie.soort;
  return (
    (soort === 'PROVINCIE' || soort === 'RIJK') && binnenScope(gemeenteScope(principal), project.gemeenteCode)
  );
}

/** The SQL form of magProjectZien: own projects, plus the projects in `gemeenten`. */
export interface ProjectZicht {
  eigenaarOrganisatieId: string;
  gemeenten: GemeenteScope;
}

export function projectZicht(principal: Principal): ProjectZicht {
  const org = principal.organisatie;
  const gemeenten: GemeenteScope =
    org.soort === 'PROVINCIE' || org.soort === 'RIJK'
      ? gemeenteScope(principal)
      : { soort: 'GEMEENTEN', codes: org.soort === 'GEMEENTE' ? [org.code] : [] };
  return { eigenaarOrganisatieId: org.id, gemeenten };
}

/**
 * Who edits a nieuwbouwproject: a corporatie its own projects in its werkgebied, a gemeente any
 * project in the gemeente (it grants the permits and keeps the local planning list).
 */
export function magProjectBewerken(
  principal: Principal,
  project: { eigenaarOrganisatieId: string; gemeenteCode: string },
): boolean {
  const eigen = project.eigenaarOrganisatieId === principal.organisatie.id;
  return (
    (eigen || principal.organisatie.soort === 'GEMEENTE') &&
    magSchrijvenVoorGemeente(principal, project.gemeenteCode)
  );
}

/** What the policy needs to know about one prestatieafspraak (one version). */
export interface PrestatieafspraakZicht {
  gemeenteCode: string;
  status: PrestatieafspraakStatus;
  /** organisation ids of its parties (the gemeente is always one) */
  partijIds: readonly string[];
}

export function isPartij(principal: Principal, pa: Pick<PrestatieafspraakZicht, 'partijIds'>): boolean {
  return pa.partijIds.includes(principal.organisatie.id);
}

/**
 * Who reads a prestatieafspraak (DESIGN §6): its parties in every status; the provincie of its
 * gemeente and the Rijk once it has left CONCEPT (nobody reads another organisation's drafts).
 * Anyone else gets "not found". The RLS policy prestatieafspraak_lezen is the same rule in SQL.
 */
export function magPrestatieafspraakZien(principal: Principal, pa: PrestatieafspraakZicht): boolean {
  if (isPartij(principal, pa)) return true;
  const soort = principal.organisatie.soort;
  return (
    (soort === 'PROVINCIE' || soort === 'RIJK') &&
    pa.status !== 'CONCEPT' &&
    binnenScope(gemeenteScope(principal), pa.gemeenteCode)
  );
}

/**
 * Who starts a prestatieafspraak for a gemeente: the gemeente itself, or a corporatie working in
 * it (its bod). Huurders and zorgaanbieders join as parties; they do not draft.
 */
export function magPrestatieafspraakStarten(principal: Principal, gemeenteCode: string): boolean {
  const org = principal.organisatie;
  // in its current werkgebied only: never for a gemeente merged away (herindeling)
  if (org.soort === 'GEMEENTE')
    return org.code === gemeenteCode && magSchrijvenVoorGemeente(principal, gemeenteCode);
  if (org.soort === 'CORPORATIE') return magSchrijvenVoorGemeente(principal, gemeenteCode);
  return false;
}

/**
 * Content changes, indienen, terugtrekken, a new version and signing: parties only (the role,
 * beheren or tekenen, comes from the permission; whether the status allows it is a domain rule).
 */
export function magPrestatieafspraakBewerken(
  principal: Principal,
  pa: Pick<PrestatieafspraakZicht, 'partijIds'>,
): boolean {
  return isPartij(principal, pa);
}

/** Ending a vastgestelde prestatieafspraak is the gemeente's act, as a party to it. */
export function magPrestatieafspraakBeeindigen(principal: Principal, pa: PrestatieafspraakZicht): boolean {
  const org = principal.organisatie;
  return org.soort === 'GEMEENTE' && org.code === pa.gemeenteCode && isPartij(principal, pa);
}

/**
 * Deleting a concept (issue 14): only a concept that was never offered for signing (so nobody ever
 * signed it), by its drafter or by the gemeente it is for, both as a party. Anything that reached
 * the signers stays on record (withdraw it, or end it once vastgesteld). The RLS policy
 * prestatieafspraak_concept_verwijderen (migration 1766800000000) is the same rule in SQL.
 */
export function magConceptVerwijderen(
  principal: Principal,
  pa: PrestatieafspraakZicht & { opgesteldDoorId: string; ingediendOp: Date | string | null },
): boolean {
  if (pa.status !== 'CONCEPT' || pa.ingediendOp !== null || !isPartij(principal, pa)) return false;
  const org = principal.organisatie;
  return pa.opgesteldDoorId === org.id || (org.soort === 'GEMEENTE' && org.code === pa.gemeenteCode);
}

/**
 * The parties' conversation and history (reacties, audit trail) stay among the parties; the
 * provincie and the Rijk read the content and the signatures, not the negotiation.
 */
export function magOverlegZien(principal: Principal, pa: Pick<PrestatieafspraakZicht, 'partijIds'>): boolean {
  return isPartij(principal, pa);
}

/** A mijlpaal's status is reported by the party responsible for it. */
export function magMijlpaalBijwerken(
  principal: Principal,
  pa: Pick<PrestatieafspraakZicht, 'partijIds'>,
  verantwoordelijkeId: string,
): boolean {
  return isPartij(principal, pa) && verantwoordelijkeId === principal.organisatie.id;
}

/**
 * The cycle calendar of a gemeente: the gemeente, its provincie, the Rijk, and the parties to any
 * of the gemeente's prestatieafspraken (`partijInGemeente`, looked up by the caller).
 */
export function magCyclusKalenderZien(
  principal: Principal,
  gemeenteCode: string,
  partijInGemeente: boolean,
): boolean {
  const org = principal.organisatie;
  if (partijInGemeente) return true;
  if (org.soort === 'GEMEENTE') return org.code === gemeenteCode;
  if (org.soort === 'PROVINCIE' || org.soort === 'RIJK')
    return binnenScope(gemeenteScope(principal), gemeenteCode);
  return false;
}

/**
 * Changing or deleting a registered row (toewijzing, kwartaalcijfer): only the organisation that
 * owns it, and only while the gemeente is in its werkgebied (the same wall as writing it).
 */
export function magEigenRijSchrijven(
  principal: Principal,
  rij: { eigenaarOrganisatieId: string; gemeenteCode: string },
): boolean {
  return (
    rij.eigenaarOrganisatieId === principal.organisatie.id &&
    magSchrijvenVoorGemeente(principal, rij.gemeenteCode)
  );
}

/** The platform operator: the Rijk's organisation with the platformbeheer role (sets regime dates). */
export function magRegimeZetten(principal: Principal): boolean {
  return principal.organisatie.soort === 'RIJK' && principal.rollen.includes('platformbeheer');
}
