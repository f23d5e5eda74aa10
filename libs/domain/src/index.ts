export * from './aandachtsgroep';
export * from './actielijn';
export * from './domain-error';
export * from './halfjaar';
export * from './iso-datum';
export * from './jaardeel';
export * from './kwartaal';
export * from './nl-format';
export * from './organisatie-soort';
export * from './periode';
export * from './segment';
export * from './statushouders-carry-over';
export * from './suppression';
export * from './tekst-sleutel';
export * from './voortgang';
export const WONINGMARKTREGIOS: { code: string; naam: string }[] = []; // TEMP until helper lands woningmarktregio.ts
