import { sql, voerUitAantal } from '../database/query';
import type { Beheer } from '../database/beheer';

/**
 * The reference data upserts of the start (referentie-sync.ts), on the schema owner's manager
 * (database/beheer.ts). Set-based (unnest), so 342 gemeenten are one statement.
 */

export async function upsertProvincies(m: Beheer, codes: string[], namen: string[]): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO provincie (code, naam) SELECT * FROM unnest(${codes}::text[], ${namen}::text[])
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam`,
  );
}

export async function upsertWoningmarktregios(m: Beheer, codes: string[], namen: string[]): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO woningmarktregio (code, naam) SELECT * FROM unnest(${codes}::text[], ${namen}::text[])
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam`,
  );
}

export interface GemeenteKolommen {
  codes: string[];
  namen: string[];
  provincies: string[];
  inwoners: (number | null)[];
  /** neighbours separated by '|', '' for none */
  buurgemeenten: string[];
}

export async function upsertGemeenten(m: Beheer, g: GemeenteKolommen): Promise<void> {
  await voerUitAantal(
    m,
    sql`INSERT INTO gemeente (code, naam, provincie_code, inwoners, buurgemeenten)
       SELECT c, n, p, i, coalesce(string_to_array(nullif(b, ''), '|'), '{}')
       FROM unnest(${g.codes}::text[], ${g.namen}::text[], ${g.provincies}::text[], ${g.inwoners}::int[], ${g.buurgemeenten}::text[]) AS t(c, n, p, i, b)
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, provincie_code = excluded.provincie_code,
         inwoners = excluded.inwoners, buurgemeenten = excluded.buurgemeenten`,
  );
}
