import type { EntityManager } from 'typeorm';

/**
 * The schema owner's connection, handed by prepare-database.ts (startup only: migrations are run
 * in migrate.ts) to the steps that must write reference data and demo data before anything is
 * served: referentie-sync, demo-seeder, demo-realisatie. It bypasses row-level security, so it
 * exists only there; everything that serves a request or runs as a job goes through ScopedDb.
 * (A type alias, so the startup steps outside apps/api/src/database/ never import DataSource.)
 */
export type Beheer = EntityManager;
