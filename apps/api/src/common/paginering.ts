import { Field, ObjectType } from '@nestjs/graphql';
import { ongeldig } from './fouten';

/** Relay-style page information, shared by every cursor-paginated list (one GraphQL type). */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor van het laatste element; geef mee als `after` voor de volgende pagina' })
  endCursor: string | null;
}

export const STANDAARD_PAGINA = 50;
export const MAX_PAGINA = 500;

export function paginaGrootte(first: number | null | undefined): number {
  if (first === null || first === undefined) return STANDAARD_PAGINA;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGINA) {
    throw ongeldig(`'first' moet tussen 1 en ${MAX_PAGINA} liggen.`, [{ veld: 'first', melding: `Kies 1 tot en met ${MAX_PAGINA}` }]);
  }
  return first;
}

/**
 * Keyset cursors are opaque to clients (base64url of the sort key), so the sort key can change
 * without breaking the API; a tampered cursor is a user error, never a query with garbage.
 */
export function maakCursor(sleutel: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(sleutel)).toString('base64url');
}

export function leesCursor(cursor: string, vorm: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const waarde: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(waarde) && waarde.length === vorm.length && waarde.every((w, i) => typeof w === vorm[i])) {
      return waarde as (string | number)[];
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw ongeldig('De cursor is ongeldig; vraag de lijst opnieuw op vanaf het begin.', [{ veld: 'after', melding: 'Ongeldige cursor' }]);
}
