// The public face of apps/api/src/gebied: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { GebiedService } from './gebied.service';
export { Gebied, GebiedInput } from './gebied.types';
export type { GebiedInfo } from './gebied.types';
