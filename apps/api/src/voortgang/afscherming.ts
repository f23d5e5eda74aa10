/**
 * What voortgang hides with × in an answer. Nothing any more: the per-answer small-cell
 * suppression of protected toewijzing counts is retired (it could be undone by differencing
 * answers, issue 9). A non-owner now gets protected figures as sums of released base cells
 * (apps/api/src/publicatie, docs/decisions.md "Publicatie"), owners get exact figures; statushouders
 * persons are released the same way (protected since session 3). The interface stays for the report's former
 * call path, which still reads `onderdrukt` from every cell.
 */
export interface Afscherming {
  /** hidden in the per-gemeente table */
  verborgen(gemeente: string, indicatorCode: string): boolean;
  /** hidden as the area total */
  totaalVerborgen(indicatorCode: string): boolean;
}

export const GEEN_AFSCHERMING: Afscherming = { verborgen: () => false, totaalVerborgen: () => false };
