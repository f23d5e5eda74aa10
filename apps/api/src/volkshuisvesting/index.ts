// The public face of apps/api/src/volkshuisvesting: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { ProgrammaService } from './programma.service';
export type { ProgrammaDekking } from './programma.types';
export { RegimeService, regimeVoorApi } from './regime.service';
export { GeschilOnderwerpEnum, VolkshuisvestingRegime } from './regime.types';
export { leesBestaandeGemeenten } from './volkshuisvesting.repository';
