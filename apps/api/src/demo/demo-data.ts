/**
 * Demo organisations and demo accounts. Used by the development OpenID provider (never in
 * production), by the demo-data seeder of the run command, by the tests (pre-made tokens per
 * role) and mirrored in infra/keycloak/realm-thuismonitor.json for docker compose.
 *
 * Gemeenten and provincies are real; corporaties, huurders- and zorgorganisaties are fictional.
 */
import type { OrganisatieSoort } from '@thuismonitor/domain';

export interface DemoOrganisatie {
  code: string;
  soort: OrganisatieSoort;
  naam: string;
  /** gemeente codes (corporaties, huurders, zorgaanbieders); gemeenten/provincies derive theirs */
  werkgebied?: string[];
}

export interface DemoAccount {
  username: string;
  naam: string;
  email: string;
  organisatie: string;
  rollen: string[];
}

export const DEMO_ORGANISATIES: DemoOrganisatie[] = [
  { code: 'BZK', soort: 'RIJK', naam: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' },
  { code: 'PV26', soort: 'PROVINCIE', naam: 'Provincie Utrecht' },
  { code: 'PV25', soort: 'PROVINCIE', naam: 'Provincie Gelderland' },
  { code: 'GM0344', soort: 'GEMEENTE', naam: 'Gemeente Utrecht' },
  { code: 'GM0307', soort: 'GEMEENTE', naam: 'Gemeente Amersfoort' },
  { code: 'GM0202', soort: 'GEMEENTE', naam: 'Gemeente Arnhem' },
  {
    code: 'L0801',
    soort: 'CORPORATIE',
    naam: 'Woonstichting Domstad',
    werkgebied: ['GM0344', 'GM0356', 'GM1904'],
  },
  { code: 'L0802', soort: 'CORPORATIE', naam: 'Eemland Wonen', werkgebied: ['GM0307', 'GM0327'] },
  {
    code: 'HO-DOMSTAD',
    soort: 'HUURDERSORGANISATIE',
    naam: 'Huurdersvereniging Domstad',
    werkgebied: ['GM0344', 'GM0356', 'GM1904'],
  },
  {
    code: 'ZA-STICHTWONEN',
    soort: 'ZORGAANBIEDER',
    naam: 'Stichting Sticht Wonen en Zorg',
    werkgebied: ['GM0344', 'GM0307', 'GM0356'],
  },
];

const ALLE = ['lezen', 'invoeren', 'tekenen', 'beheren'];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'bzk.analist', naam: 'Fatima El Amrani', email: 'f.elamrani@bzk.example', organisatie: 'BZK', rollen: ALLE },
  { username: 'bzk.platformbeheer', naam: 'Joost Verhoeven', email: 'j.verhoeven@bzk.example', organisatie: 'BZK', rollen: ['lezen', 'platformbeheer'] },
  { username: 'provincie.utrecht', naam: 'Marieke de Graaf', email: 'm.degraaf@provincie-utrecht.example', organisatie: 'PV26', rollen: ALLE },
  { username: 'provincie.gelderland', naam: 'Thijs Hendriks', email: 't.hendriks@gelderland.example', organisatie: 'PV25', rollen: ALLE },
  { username: 'gemeente.utrecht', naam: 'Sanne Visser', email: 's.visser@utrecht.example', organisatie: 'GM0344', rollen: ALLE },
  { username: 'gemeente.utrecht.lezer', naam: 'Bram Jansen', email: 'b.jansen@utrecht.example', organisatie: 'GM0344', rollen: ['lezen'] },
  { username: 'gemeente.amersfoort', naam: 'Noor Bakker', email: 'n.bakker@amersfoort.example', organisatie: 'GM0307', rollen: ALLE },
  { username: 'gemeente.arnhem', naam: 'Ruben Smit', email: 'r.smit@arnhem.example', organisatie: 'GM0202', rollen: ALLE },
  { username: 'corporatie.domstad', naam: 'Priya Ramdin', email: 'p.ramdin@domstad.example', organisatie: 'L0801', rollen: ALLE },
  { username: 'corporatie.domstad.invoer', naam: 'Kees Mulder', email: 'k.mulder@domstad.example', organisatie: 'L0801', rollen: ['lezen', 'invoeren'] },
  { username: 'corporatie.eemland', naam: 'Lotte van Dijk', email: 'l.vandijk@eemlandwonen.example', organisatie: 'L0802', rollen: ALLE },
  { username: 'huurders.domstad', naam: 'Henk de Boer', email: 'h.deboer@hv-domstad.example', organisatie: 'HO-DOMSTAD', rollen: ALLE },
  { username: 'zorg.sticht', naam: 'Yasmina Bouzid', email: 'y.bouzid@stichtwonenzorg.example', organisatie: 'ZA-STICHTWONEN', rollen: ALLE },
];
