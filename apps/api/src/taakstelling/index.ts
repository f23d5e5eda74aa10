// The public face of apps/api/src/taakstelling: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { StatushoudersService } from './statushouders.service';
export { periodeUitInvoer } from './taakstelling-periode';
export { DatumPeriode, DatumPeriodeInput } from './taakstelling.types';
