import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@thuismonitor/domain';
import { GebruikersFout } from './fouten';

const logger = new Logger('GraphQL');

const GRAPHQL_VALIDATIE = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * Shapes every GraphQL error for the client: a Dutch message, a code, never a stack trace or an
 * internal message. Unexpected errors are logged with their stack (English) under a reference.
 */
export function formatGraphqlFout(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const origineel = unwrapResolverError(error);
  const basis = { locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code as string | undefined;

  if (origineel instanceof GebruikersFout) {
    return { ...basis, message: origineel.message, extensions: { code: origineel.code, details: origineel.details } };
  }
  if (origineel instanceof DomainError) {
    return { ...basis, message: origineel.message, extensions: { code: 'ONGELDIGE_INVOER', reden: origineel.code } };
  }
  if (origineel instanceof HttpException) {
    const status = origineel.getStatus();
    if (status === 403) return { ...basis, message: 'U heeft geen toestemming voor deze handeling.', extensions: { code: 'GEEN_TOEGANG' } };
    if (status === 401) return { ...basis, message: 'Niet aangemeld.', extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (code && GRAPHQL_VALIDATIE.has(code)) {
    return { ...basis, message: `Ongeldige vraag aan de API: ${formatted.message}`, extensions: { code } };
  }
  const referentie = Math.random().toString(36).slice(2, 10);
  logger.error(`[${referentie}] ${origineel instanceof Error ? origineel.stack : formatted.message}`);
  return {
    ...basis,
    message: `Er ging iets mis aan onze kant. Probeer het later opnieuw (referentie ${referentie}).`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', referentie },
  };
}
