// Public API of @thuismonitor/domain: the rules of Thuismonitor as pure TypeScript.
// jaardeel.ts is deliberately not exported: it is the shared arithmetic behind kwartaal.ts and
// halfjaar.ts, which are the types callers should use.
export * from './domain-error';
export * from './iso-datum';
export * from './tekst-sleutel';
export * from './organisatie-soort';
export * from './aandachtsgroep';
export * from './actielijn';
export * from './segment';
export * from './kwartaal';
export * from './halfjaar';
export * from './periode';
export * from './statushouders-carry-over';
export * from './suppression';
export * from './voortgang';
export * from './indicator-catalogus';
export * from './prestatieafspraak-status';
export * from './cyclus';
export * from './prestatieafspraak-inhoud';
export * from './cyclus-datums';
export * from './kolom-mapping';
export * from './toewijzing-rij';
export * from './nl-format';
export * from './woningmarktregio';
export * from './taakstelling';
export * from './realisatie-periode';
export * from './gemeente-naam';
export * from './toewijzing-bestand';
export * from './nieuwbouwproject';
export * from './kwartaalcijfer';
export * from './mijlpaal-voortgang';
export * from './gebied-aggregatie';
export * from './doel-vervaldatum';
export * from './openbaarheid';
export * from './publicatie';
export * from './organisatie-code';
export * from './rapport-tekst';
