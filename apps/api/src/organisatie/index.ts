// The public face of apps/api/src/organisatie: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { AanmeldingService } from './aanmelding.service';
export { OrganisatieEntity } from './organisatie.entity';
export { OrganisatieService } from './organisatie.service';
export { Organisatie } from './organisatie.types';
