// The public face of apps/api/src/demo: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { DEMO_ACCOUNTS } from './demo-data';
export { seedDemoRealisatie } from './demo-realisatie';
export { seedDemoOrganisaties, seedOverheidsorganisaties } from './demo-seeder';
