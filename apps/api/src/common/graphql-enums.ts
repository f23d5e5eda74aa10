import { registerEnumType } from '@nestjs/graphql';
import { ORGANISATIE_SOORTEN } from '@thuismonitor/domain';

/** GraphQL enums generated from the domain's `as const` lists, so there is one source of truth. */
export function enumObject<T extends string>(waarden: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(waarden.map((w) => [w, w])) as { [K in T]: K };
}

export const OrganisatieSoortEnum = enumObject(ORGANISATIE_SOORTEN);
registerEnumType(OrganisatieSoortEnum, { name: 'OrganisatieSoort', description: 'Soort organisatie' });
