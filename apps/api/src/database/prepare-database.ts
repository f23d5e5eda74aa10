import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { syncReferentiedata } from '../referentie';
import { seedDemoOrganisaties, seedOverheidsorganisaties } from '../demo';
import { seedDemoRealisatie } from '../demo';
import type { IsoDatum } from '@thuismonitor/domain';

/**
 * What every start does before serving: migrate, bring reference data up to date, and (when
 * DEMO_DATA is on) make sure the demo organisations exist. Tests call the same function once
 * to build their template database.
 */
export async function prepareDatabase(
  databaseUrl: string,
  opties: {
    demoData: boolean;
    demoRealisatie?: boolean;
    /** the clock's today (common/klok.ts): demo figures are placed relative to it */
    vandaag?: IsoDatum;
    log?: (msg: string) => void;
  },
): Promise<void> {
  const log = opties.log ?? (() => {});
  await runMigrations(databaseUrl, log);
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    // the schema owner's manager (database/beheer.ts): startup steps only, never a request or job
    const beheer = ds.manager;
    const n = await syncReferentiedata(beheer);
    log(`reference data: ${n.provincies} provincies, ${n.gemeenten} gemeenten`);
    await seedOverheidsorganisaties(beheer);
    if (opties.demoData) {
      await seedDemoOrganisaties(beheer);
      log('demo organisations present');
      if (opties.demoRealisatie) {
        if (!opties.vandaag) throw new Error('prepareDatabase: demo figures need the date (vandaag)');
        if (await seedDemoRealisatie(beheer, opties.vandaag)) {
          log('demo figures added (toewijzingen, nieuwbouw, kwartaalcijfers, taakstellingen)');
        }
      }
    }
  } finally {
    await ds.destroy();
  }
}
