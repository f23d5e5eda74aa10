// The public face of apps/api/src/toewijzing: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { BestandWeigering } from './bestand-weigering';
export { leesRijen } from './import-bestand';
export type { BestandRij } from './import-bestand';
export { IS_KENMERK_HASH, kenmerkHash, leesKenmerkSleutel } from './kenmerk-hash';
