import type { Beheer } from '../database/beheer';
import { DEMO_ORGANISATIES } from './demo-data';
import { bewaarOrganisatie, voegOverheidsorganisatiesToe, voegWerkgebiedToe } from './demo.repository';

/**
 * Demo organisations for the run command and the tests (never with DEMO_DATA=false, the
 * production default). Idempotent. Each gemeente and provincie also gets an organisation of its
 * own kind so that every real gemeente can sign in once accounts exist.
 */
export async function seedDemoOrganisaties(ds: Beheer): Promise<void> {
  await ds.transaction(async (m) => {
    for (const org of DEMO_ORGANISATIES) {
      const id = await bewaarOrganisatie(m, {
        code: org.code,
        soort: org.soort,
        naam: org.naam,
        gemeenteCode: org.soort === 'GEMEENTE' ? org.code : null,
        provincieCode: org.soort === 'PROVINCIE' ? org.code : null,
      });
      if (org.werkgebied?.length) await voegWerkgebiedToe(m, id, org.werkgebied);
    }
  });
}

/**
 * Every gemeente and provincie as an organisation (reference organisations). Cheap and makes the
 * organisation list complete for the prestatieafspraken screens.
 */
export async function seedOverheidsorganisaties(ds: Beheer): Promise<void> {
  await ds.transaction((m) => voegOverheidsorganisatiesToe(m));
}
