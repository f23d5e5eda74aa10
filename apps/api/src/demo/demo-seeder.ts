import type { Beheer } from '../database/beheer';
import { DEMO_ORGANISATIES } from './demo-data';

/**
 * Demo organisations for the run command and the tests (never with DEMO_DATA=false, the
 * production default). Idempotent. Each gemeente and provincie also gets an organisation of its
 * own kind so that every real gemeente can sign in once accounts exist.
 */
export async function seedDemoOrganisaties(ds: Beheer): Promise<void> {
  await ds.transaction(async (m) => {
    for (const org of DEMO_ORGANISATIES) {
      const [row] = await m.query(
        `INSERT INTO organisatie (code, soort, naam, gemeente_code, provincie_code)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET naam = excluded.naam
         RETURNING id`,
        [
          org.code,
          org.soort,
          org.naam,
          org.soort === 'GEMEENTE' ? org.code : null,
          org.soort === 'PROVINCIE' ? org.code : null,
        ],
      );
      if (org.werkgebied?.length) {
        await m.query(
          `INSERT INTO organisatie_werkgebied (organisatie_id, gemeente_code)
           SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
          [row.id, org.werkgebied],
        );
      }
    }
  });
}

/**
 * Every gemeente and provincie as an organisation (reference organisations). Cheap and makes the
 * organisation list complete for the prestatieafspraken screens.
 */
export async function seedOverheidsorganisaties(ds: Beheer): Promise<void> {
  await ds.query(
    `INSERT INTO organisatie (code, soort, naam, gemeente_code)
     SELECT code, 'GEMEENTE', 'Gemeente ' || naam, code FROM gemeente
     ON CONFLICT DO NOTHING`,
  );
  await ds.query(
    `INSERT INTO organisatie (code, soort, naam, provincie_code)
     SELECT code, 'PROVINCIE', 'Provincie ' || naam, code FROM provincie
     ON CONFLICT DO NOTHING`,
  );
  await ds.query(
    `INSERT INTO organisatie (code, soort, naam) VALUES ('BZK', 'RIJK',
       'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties') ON CONFLICT DO NOTHING`,
  );
}
