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
   * gemeenten that merged (herindeling) into one of `gemeenten`: their history stays readable
   * (part of gemeenteScope), but nothing new is written for them (magSchrijvenVoorGemeente)
   */
  voorgangers?: readonly string[];
  /** provincie code for gemeenten and provincies */
  provincieCode?: string | null;
}

/** The authenticated user acting for one organisation. Passed explicitly to every service call. */
export interface Principal extends TokenIdentiteit {
  organisatie: PrincipalOrganisatie;
}
