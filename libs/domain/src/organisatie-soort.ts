/** The kinds of organisation that take part; the policy in libs/auth is keyed on these. */
export const ORGANISATIE_SOORTEN = [
  'CORPORATIE',
  'GEMEENTE',
  'HUURDERSORGANISATIE',
  'ZORGAANBIEDER',
  'PROVINCIE',
  'RIJK',
] as const;

export type OrganisatieSoort = (typeof ORGANISATIE_SOORTEN)[number];

const LABELS: Record<OrganisatieSoort, string> = {
  CORPORATIE: 'Woningcorporatie',
  GEMEENTE: 'Gemeente',
  HUURDERSORGANISATIE: 'Huurdersorganisatie',
  ZORGAANBIEDER: 'Zorgaanbieder',
  PROVINCIE: 'Provincie',
  RIJK: 'Rijk (BZK)',
};

export function organisatieSoortLabel(soort: OrganisatieSoort): string {
  return LABELS[soort];
}

/** Guard for values from tokens and the database: exact codes only, no guessing. */
export function isOrganisatieSoort(waarde: unknown): waarde is OrganisatieSoort {
  return typeof waarde === 'string' && (ORGANISATIE_SOORTEN as readonly string[]).includes(waarde);
}
