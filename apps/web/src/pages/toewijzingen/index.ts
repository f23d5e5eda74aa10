// Toewijzingen: one file per route (issue 14).
export { ToewijzingenPagina } from './ToewijzingenPagina';
export { ToewijzingInvoerenPagina } from './ToewijzingInvoerenPagina';
export { ToewijzingenImporterenPagina } from './ToewijzingenImporterenPagina';
export { ImportKoppelingPagina } from './koppeling';
