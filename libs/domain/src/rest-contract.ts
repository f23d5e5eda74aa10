import type { KoppelbaarVeld, WaardeGebruik } from './import-koppeling';

/**
 * The JSON of the API's plain REST endpoints, one type for the API that produces it and the web
 * app that reads it, so the two cannot drift apart (issue 14, item 6). GraphQL has its own typed
 * contract (the schema and the generated web types). Types only: nothing here runs.
 */

/** One refused cell of a toewijzingen import file. */
export interface ToewijzingImportFout {
  /** the row in the file */
  rij: number;
  kolom: string;
  melding: string;
}

/** A value the product does not know (yet), with how often and where first: the web offers to map it. */
export interface ToewijzingOnbekendeWaarde {
  veld: KoppelbaarVeld;
  /** the column as named in the file */
  kolom: string;
  waarde: string;
  rijen: number;
  eersteRij: number;
}

/** Which of the saved words a file used: the report says which koppeling was applied. */
export interface ToewijzingToegepasteKoppeling {
  /** version of the saved koppeling (0: none saved) */
  versie: number;
  /** the file's columns and the product column each was read as (saved words, synonyms or upload field) */
  kolommen: { bron: string; kolom: string; herkomst: 'KOPPELING' | 'UPLOAD' | 'STANDAARD' }[];
  /** saved value words this file used, with the number of rows */
  waarden: WaardeGebruik[];
}

/** The answer of a dry run and of a real import (JSON of POST /api/toewijzingen/import). */
export interface ToewijzingImportRapport {
  /** true for a proefrun (?proefrun=true): checked, nothing stored */
  proefrun: boolean;
  /** @deprecated the same as `proefrun` (the name before issue 15's naming rule); sent until 2027-06-01 */
  dryRun: boolean;
  /** true only when the rows were stored (real import without errors) */
  opgeslagen: boolean;
  importId: string | null;
  /** data rows in the file (empty rows not counted) */
  rijen: number;
  geldig: number;
  fouten: ToewijzingImportFout[];
  /** all errors, also when `fouten` was cut off at the API's maximum */
  aantalFouten: number;
  /** valid rows whose extern kenmerk is already stored for this corporatie (not stored again) */
  alAanwezig: number;
  /** valid rows that are (dry run: would be) stored */
  nieuw: number;
  /** columns of the file that map to nothing and are not read (so the user sees what is ignored) */
  genegeerdeKolommen: string[];
  /** required product columns no column of the file was read as */
  ontbrekendeKolommen: string[];
  /** values the product does not know (yet), per column: the web offers to map them */
  onbekendeWaarden: ToewijzingOnbekendeWaarde[];
  /** the organisation's saved words this file was read with (issue 12, item 7) */
  koppeling: ToewijzingToegepasteKoppeling;
}

/** Runtime configuration of the web app (GET /config.json, public). */
export interface WebConfig {
  /** OpenID issuer: Keycloak realm URL, or the embedded development provider */
  issuer: string;
  clientId: string;
  /** Base URL of the API ('' = same origin) */
  apiUrl: string;
}
