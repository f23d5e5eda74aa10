import { GraphQLError } from 'graphql';

/**
 * Errors meant for end users: Dutch message, a stable machine code, optional per-field details.
 * Anything else that escapes a resolver is logged in full and answered with a generic message.
 */
export type FoutCode = 'NIET_GEVONDEN' | 'CONFLICT' | 'ONGELDIGE_INVOER' | 'GEEN_TOEGANG' | 'NIET_BESCHIKBAAR';

export interface VeldFout {
  veld: string;
  melding: string;
}

export class GebruikersFout extends GraphQLError {
  constructor(
    readonly code: FoutCode,
    message: string,
    readonly details?: VeldFout[],
    readonly httpStatus = 400,
  ) {
    super(message, { extensions: { code, ...(details ? { details } : {}) } });
  }
}

/** Also used for records the principal may not see: a refused read must look like a missing one. */
export const nietGevonden = (wat: string) => new GebruikersFout('NIET_GEVONDEN', `${wat} is niet gevonden.`, undefined, 404);
export const conflict = (melding: string) => new GebruikersFout('CONFLICT', melding, undefined, 409);
export const ongeldig = (melding: string, details?: VeldFout[]) =>
  new GebruikersFout('ONGELDIGE_INVOER', melding, details, 400);
export const geenToegang = (melding = 'U heeft geen toestemming voor deze handeling.') =>
  new GebruikersFout('GEEN_TOEGANG', melding, undefined, 403);
