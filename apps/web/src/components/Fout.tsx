import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { Alert } from './nl';

export interface VeldFout {
  veld: string;
  melding: string;
}

/** The Dutch messages of an error (GraphQL errors from the API are Dutch already). */
export function foutMeldingen(error: unknown): string[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message);
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return ['Uw sessie is verlopen. Meld u opnieuw aan.'];
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string }[]; message?: string };
      if (body.errors?.length) return body.errors.map((e) => e.message);
      if (body.message) return [body.message];
    } catch {
      /* not JSON */
    }
    return [`De server gaf een fout (HTTP ${error.statusCode}). Probeer het later opnieuw.`];
  }
  if (error instanceof TypeError)
    return ['De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.'];
  if (error instanceof Error) return [error.message];
  return ['Er ging iets mis.'];
}

/** Per-field messages from `extensions.details` ({veld, melding}); keyed by full path and last segment. */
export function veldFouten(error: unknown): Record<string, string> {
  const uit: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return uit;
  for (const e of error.errors) {
    const details = (e.extensions?.details ?? []) as VeldFout[];
    if (!Array.isArray(details)) continue;
    for (const d of details) {
      if (!d?.veld) continue;
      uit[d.veld] ??= d.melding;
      const kort = d.veld.split('.').pop()!;
      uit[kort] ??= d.melding;
    }
  }
  return uit;
}

/** All per-field details of an error, in order, without duplicates. */
export function foutDetails(error: unknown): VeldFout[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const gezien = new Set<string>();
  const uit: VeldFout[] = [];
  for (const e of error.errors) {
    const details = e.extensions?.details;
    if (!Array.isArray(details)) continue;
    for (const d of details as VeldFout[]) {
      if (!d?.melding || gezien.has(d.melding)) continue;
      gezien.add(d.melding);
      uit.push(d);
    }
  }
  return uit;
}

/** The error's Dutch message(s) and, below, what exactly is wrong (extensions.details). */
export function FoutMelding({ error, titel }: { error: unknown; titel?: ReactNode }) {
  const m = foutMeldingen(error);
  if (!m.length) return null;
  const details = foutDetails(error);
  return (
    <Alert type="error">
      {titel ? <strong>{titel} </strong> : null}
      {m.length === 1 ? (
        m[0]
      ) : (
        <ul>
          {m.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      )}
      {details.length ? (
        <ul className="tm-foutdetails">
          {details.map((d, i) => (
            <li key={i}>{d.melding}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function Laden({ tekst = 'Gegevens worden geladen…' }: { tekst?: string }) {
  return (
    <p className="utrecht-paragraph tm-laden" role="status">
      {tekst}
    </p>
  );
}
