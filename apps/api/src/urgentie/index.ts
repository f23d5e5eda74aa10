// The public face of apps/api/src/urgentie: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { UrgentieService } from './urgentie.service';
