// The public face of apps/api/src/publicatie: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export {
  kwartaalcijferCellen,
  laatstGeslotenKwartaal,
  publicatieWeigeringVan,
  statushoudersPersonen,
  toewijzingCellen,
} from './publicatie.repository';
