import type { OrganisatieSoort } from '@thuismonitor/domain';
import type { Rol } from './rollen';

/** What the token says about the user, before the organisation is looked up. */
export interface TokenIdentiteit {
  sub: string;
  gebruikersnaam: string;
  naam: string;
  email?: string;
  organisatieCode: string;
  rollen: Rol[];
}

export interface PrincipalOrganisatie {
  id: string;
  code: string;
  soort: OrganisatieSoort;
  naam: string;
  /** gemeente codes this organisation works in (gemeente: itself; provincie: its gemeenten; rijk: all) */
  gemeenten: readonly string[];
  /**
   * gemeenten that merged (herindeling) into one of `gemeenten`, at any depth (for a provincie
   * also its own former gemeenten). Whose history is readable is decided by gemeenteScope
   * (historieGemeenten); nothing new is ever written for them (magSchrijvenVoorGemeente)
   */
  voorgangers?: readonly string[];
  /**
   * old gemeenten that were in this organisation's own werkgebied when they merged (recorded by
   * the herindeling): a corporatie, zorgaanbieder or huurdersorganisatie keeps reading those
   */
  eerderWerkgebied?: readonly string[];
  /** provincie code for gemeenten and provincies */
  provincieCode?: string | null;
}

/** The authenticated user acting for one organisation. Passed explicitly to every service call. */
export interface Principal extends TokenIdentiteit {
  organisatie: PrincipalOrganisatie;
}
