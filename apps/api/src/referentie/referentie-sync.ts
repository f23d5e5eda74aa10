import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Beheer } from '../database/beheer';
import { WONINGMARKTREGIOS } from '@thuismonitor/domain';
import { upsertGemeenten, upsertProvincies, upsertWoningmarktregios } from './referentie-sync.repository';

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
    await upsertProvincies(
      m,
      provincies.map((p) => p.provinciecode),
      provincies.map((p) => p.naam),
    );
    await upsertWoningmarktregios(
      m,
      WONINGMARKTREGIOS.map((r) => r.code),
      WONINGMARKTREGIOS.map((r) => r.naam),
    );
    await upsertGemeenten(m, {
      codes: gemeenten.map((g) => g.gemeentecode),
      namen: gemeenten.map((g) => g.naam),
      provincies: gemeenten.map((g) => g.provinciecode),
      inwoners: gemeenten.map((g) => (g.inwoners ? Number(g.inwoners) : null)),
      buurgemeenten: gemeenten.map((g) => g.buurgemeenten ?? ''),
    });
  });
  return { provincies: provincies.length, gemeenten: gemeenten.length };
}
