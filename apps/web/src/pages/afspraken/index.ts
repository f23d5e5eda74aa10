// Prestatieafspraken: one file per route (issue 14); the detail page's parts beside it.
export { AfsprakenPagina } from './AfsprakenPagina';
export { NieuweAfspraakPagina } from './NieuweAfspraakPagina';
export { AfspraakDetailPagina } from './AfspraakDetailPagina';
