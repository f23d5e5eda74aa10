// The public face of apps/api/src/beheer: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export { aanmeldbareGebruikers } from './aanmeldbare-gebruikers';
