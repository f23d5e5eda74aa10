// The public face of apps/api/src/voortgang: what other folders may use. Everything else in
// this folder is internal (ESLint thuismonitor/grenzen; apps/api/test/lint-grenzen.spec.ts).

export type { VastgesteldeAfsprakenBron } from './voortgang-afspraken.port';
export { VoortgangAntwoordMiddleware } from './voortgang-antwoord.middleware';
export { VoortgangService } from './voortgang.service';
export { Dekking, Voortgang, VoortgangCel, VoortgangStatusEnum } from './voortgang.types';
export type { AfspraakVoortgang, IndicatorVoortgang } from './voortgang.types';
