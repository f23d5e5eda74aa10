/**
 * The file is refused as a whole (422 with this Dutch message; 400 for a wrong column mapping,
 * which is the request's fault rather than the file's). A plain Error, not GebruikersFout: it is
 * thrown in the import worker thread and sent to the API thread as data.
 */
export class BestandWeigering extends Error {
  constructor(
    readonly melding: string,
    readonly details?: { veld: string; melding: string }[],
    readonly status: 400 | 422 = 422,
  ) {
    super(melding);
    this.name = 'BestandWeigering';
  }
}
