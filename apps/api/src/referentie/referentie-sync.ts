import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Beheer } from '../database/beheer';
import { WONINGMARKTREGIOS } from '@thuismonitor/domain';

/** apps/api/data, from src/ (tests) and from dist/ (built) alike */
export const DATA_DIR = path.resolve(__dirname, '../../data');

interface GemeenteRij {
  gemeentecode: string;
  naam: string;
  provinciecode: string;
  inwoners: string;
  buurgemeenten: string;
}

/**
 * Brings the shipped reference data (CBS gemeenten and provincies, the 19 woningmarktregio names)
 * into the database on every start. Upserts, so a new indeling ships as a new CSV; membership of
 * woningmarktregio's is imported data and is left alone here.
 */
export async function syncReferentiedata(ds: Beheer): Promise<{ provincies: number; gemeenten: number }> {
  const provincies = parse(fs.readFileSync(path.join(DATA_DIR, 'provincies.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as { provinciecode: string; naam: string }[];
  const gemeenten = parse(fs.readFileSync(path.join(DATA_DIR, 'gemeenten.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as GemeenteRij[];

  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO provincie (code, naam) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam`,
      [provincies.map((p) => p.provinciecode), provincies.map((p) => p.naam)],
    );
    await m.query(
      `INSERT INTO woningmarktregio (code, naam) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam`,
      [WONINGMARKTREGIOS.map((r) => r.code), WONINGMARKTREGIOS.map((r) => r.naam)],
    );
    await m.query(
      `INSERT INTO gemeente (code, naam, provincie_code, inwoners, buurgemeenten)
       SELECT c, n, p, i, coalesce(string_to_array(nullif(b, ''), '|'), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(c, n, p, i, b)
       ON CONFLICT (code) DO UPDATE SET naam = excluded.naam, provincie_code = excluded.provincie_code,
         inwoners = excluded.inwoners, buurgemeenten = excluded.buurgemeenten`,
      [
        gemeenten.map((g) => g.gemeentecode),
        gemeenten.map((g) => g.naam),
        gemeenten.map((g) => g.provinciecode),
        gemeenten.map((g) => (g.inwoners ? Number(g.inwoners) : null)),
        gemeenten.map((g) => g.buurgemeenten ?? ''),
      ],
    );
  });
  return { provincies: provincies.length, gemeenten: gemeenten.length };
}
