// The public face of apps/api/src/prestatieafspraak: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { leesZichtbaar } from './bewerking';
export { PrestatieafspraakAudit } from './prestatieafspraak-audit';
export { leesAfspraken, leesPrestatieafspraken } from './prestatieafspraak.repository';
export type { PaRij } from './prestatieafspraak.repository';
export { ConceptService } from './concept.service';
export { PrestatieafspraakService } from './prestatieafspraak.service';
export { Prestatieafspraak } from './prestatieafspraak.types';
