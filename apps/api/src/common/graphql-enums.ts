import { registerEnumType } from '@nestjs/graphql';
import { AANDACHTSGROEPEN, ACTIELIJN_CODES, GEBIED_SOORTEN, NIEUWBOUW_FASEN, ORGANISATIE_SOORTEN, SEGMENTEN } from '@thuismonitor/domain';

/** GraphQL enums generated from the domain's `as const` lists, so there is one source of truth. */
export function enumObject<T extends string>(waarden: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(waarden.map((w) => [w, w])) as { [K in T]: K };
}

export const OrganisatieSoortEnum = enumObject(ORGANISATIE_SOORTEN);
registerEnumType(OrganisatieSoortEnum, { name: 'OrganisatieSoort', description: 'Soort organisatie' });

// Shared by every feature that speaks of actielijnen and aandachtsgroepen (afspraken, toewijzingen,
// voortgang): one GraphQL type each, registered once here.
export const ActielijnEnum = enumObject(ACTIELIJN_CODES);
registerEnumType(ActielijnEnum, { name: 'Actielijn', description: 'Actielijn van Een thuis voor iedereen (1–4)' });

export const AandachtsgroepEnum = enumObject(AANDACHTSGROEPEN);
registerEnumType(AandachtsgroepEnum, { name: 'Aandachtsgroep', description: 'Aandachtsgroep van Een thuis voor iedereen' });

// Areas (taakstellingen, voortgang, rapportages): GEMEENTE, WONINGMARKTREGIO, PROVINCIE, LAND.
export const GebiedSoortEnum = enumObject(GEBIED_SOORTEN);
registerEnumType(GebiedSoortEnum, { name: 'GebiedSoort', description: 'Soort gebied: gemeente, woningmarktregio, provincie of land' });

// Nieuwbouw and toewijzingen: woningsegment and project phase.
export const SegmentEnum = enumObject(SEGMENTEN);
registerEnumType(SegmentEnum, { name: 'Segment', description: 'Woningsegment (sociale huur … vrije koop)' });

export const NieuwbouwFaseEnum = enumObject(NIEUWBOUW_FASEN);
registerEnumType(NieuwbouwFaseEnum, {
  name: 'NieuwbouwFase',
  description: 'Fase van een nieuwbouwproject: PLAN → VERGUND → IN_AANBOUW → OPGELEVERD',
});
