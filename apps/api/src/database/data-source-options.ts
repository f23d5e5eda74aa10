import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { ENTITIES } from './entities';

/** Never `synchronize`: the schema is owned by migrations, run at start-up under a lock. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Errors surface as exceptions (logged by the error formatter); TypeORM's own logging would
    // print whole parameter arrays.
    logging: false,
    extra: { max: poolSize, application_name: 'thuismonitor' },
  };
}
