// The public face of apps/api/src/woondeal: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { WoondealService } from './woondeal.service';
export type { Woondeal } from './woondeal.types';
