/**
 * Any reason a bearer token is not accepted. The reason is for logs only (English); the client
 * always gets the same 401 so that nothing about keys, issuers or accounts leaks.
 */
export class AuthenticatieFout extends Error {
  constructor(public readonly reden: string) {
    super(reden);
    this.name = 'AuthenticatieFout';
  }
}
