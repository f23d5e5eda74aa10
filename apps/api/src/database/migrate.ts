import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Arbitrary constant: serialises migrations when several API replicas start at once. */
const MIGRATION_LOCK = 736_333_001;

export async function runMigrations(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<void> {
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    for (const m of done) log(`migration applied: ${m.name}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}
