/**
 * The one error type of the domain rules. `code` is stable and machine-readable (the API maps it
 * to a GraphQL error code, tests assert on it); `message` is Dutch and meant for the end user, so
 * it names the offending value the way the user typed it.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isDomainError(fout: unknown): fout is DomainError {
  return fout instanceof DomainError;
}
