// The public face of apps/api/src/referentie: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { syncReferentiedata } from './referentie-sync';
export { GemeenteEntity, ProvincieEntity, WoningmarktregioEntity } from './referentie.entities';
export { ReferentieService } from './referentie.service';
export { Gemeente, Provincie } from './referentie.types';
