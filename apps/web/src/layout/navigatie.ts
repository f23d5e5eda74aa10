import type { OrganisatieSoort } from '../generated/graphql';

export interface NavItem {
  pad: string;
  label: string;
  /** short description on the start page */
  uitleg: string;
  /** organisation kinds that see this item (absent = everyone) */
  soorten?: readonly OrganisatieSoort[];
  /** permission the user needs (from `me.permissies`) */
  permissie?: string;
}

/**
 * The navigation per organisation kind. A screen is listed only once its API exists in
 * apps/api/schema.graphql (see docs/webapp.md for what is still missing).
 */
export const NAVIGATIE: readonly NavItem[] = [
  { pad: '/', label: 'Start', uitleg: 'Uw gegevens en organisatie' },
  {
    pad: '/afspraken',
    label: 'Prestatieafspraken',
    uitleg: 'Prestatieafspraken opstellen, bespreken en ondertekenen',
    soorten: ['GEMEENTE', 'CORPORATIE', 'ZORGAANBIEDER', 'PROVINCIE', 'RIJK'],
    permissie: 'afspraak:lezen',
  },
  {
    pad: '/afspraken',
    label: 'Afspraken',
    uitleg: 'De afspraken in gewone taal, reageren en ondertekenen',
    soorten: ['HUURDERSORGANISATIE'],
    permissie: 'afspraak:lezen',
  },
  {
    pad: '/boden',
    label: 'Boden',
    uitleg: 'Het bod van de corporatie: voorgenomen activiteiten, vóór 1 juli aan gemeente en huurders',
    soorten: ['CORPORATIE', 'GEMEENTE', 'HUURDERSORGANISATIE'],
    permissie: 'afspraak:lezen',
  },
  {
    pad: '/voortgang',
    label: 'Voortgang',
    uitleg: 'Voortgang per actielijn, met grafieken en tabellen',
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/landelijk',
    label: 'Landelijk overzicht',
    uitleg: 'Nederland per provincie en actielijn',
    soorten: ['RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/kaart',
    label: 'Kaart',
    uitleg: 'De gemeenten van de provincie op de kaart, gekleurd naar voortgang',
    soorten: ['PROVINCIE', 'RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/statushouders',
    label: 'Statushouders',
    uitleg: 'Taakstelling huisvesting statushouders per halfjaar',
    soorten: ['PROVINCIE', 'GEMEENTE', 'RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/woondeals',
    label: 'Woondeals',
    uitleg: 'Nieuwbouw per regio en gemeente tegenover de woondeal: totaal, betaalbaar en sociale huur',
    soorten: ['GEMEENTE', 'PROVINCIE', 'RIJK', 'CORPORATIE'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/taakstellingen',
    label: 'Taakstellingen',
    uitleg: 'Doelen voor uw gebied bekijken en stellen',
    soorten: ['GEMEENTE', 'PROVINCIE', 'RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/cyclus',
    label: 'Cyclus',
    uitleg: 'Bod, ondertekening en geschiltermijn van het jaar',
    soorten: ['GEMEENTE', 'CORPORATIE', 'PROVINCIE', 'RIJK'],
    permissie: 'afspraak:lezen',
  },
  {
    pad: '/programma',
    label: 'Volkshuisvestingsprogramma',
    uitleg: 'Status van uw volkshuisvestingsprogramma, met het woonzorgdeel',
    soorten: ['GEMEENTE', 'PROVINCIE', 'RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/urgentie',
    label: 'Urgentieregeling',
    uitleg: 'De urgentieregeling van de gemeente, haar categorieën en toewijzingen per categorie',
    soorten: ['GEMEENTE', 'CORPORATIE', 'PROVINCIE', 'RIJK'],
    permissie: 'voortgang:lezen',
  },
  {
    pad: '/toewijzingen',
    label: 'Toewijzingen',
    uitleg: 'Toewijzingen invoeren, bekijken en corrigeren',
    soorten: ['CORPORATIE', 'GEMEENTE'],
    permissie: 'toewijzing:lezen',
  },
  {
    pad: '/toewijzingen/importeren',
    label: 'Importeren',
    uitleg: 'Een bestand uit uw verhuursysteem controleren en importeren',
    soorten: ['CORPORATIE'],
    permissie: 'toewijzing:invoeren',
  },
  {
    pad: '/nieuwbouw',
    label: 'Nieuwbouw',
    uitleg: 'Nieuwbouwprojecten en hun fase',
    soorten: ['CORPORATIE', 'GEMEENTE', 'PROVINCIE', 'RIJK'],
    permissie: 'nieuwbouw:lezen',
  },
  {
    pad: '/kwartaalcijfers',
    label: 'Kwartaalcijfers',
    uitleg: 'Huisuitzettingen, voorraad en andere cijfers per kwartaal',
    soorten: ['CORPORATIE', 'GEMEENTE'],
    permissie: 'kwartaalcijfer:lezen',
  },
  {
    pad: '/kwartaalcijfers',
    label: 'Zorgvraag',
    uitleg: 'Zorgvraag (uitstroom wachtend) per gemeente per kwartaal',
    soorten: ['ZORGAANBIEDER'],
    permissie: 'kwartaalcijfer:lezen',
  },
  {
    pad: '/rapportages',
    label: 'Rapportages',
    uitleg: 'Kwartaalrapportages aanvragen en downloaden',
    permissie: 'rapportage:lezen',
  },
  {
    pad: '/gemeenten',
    label: 'Gemeenten',
    uitleg: 'Alle 342 gemeenten met provincie en woningmarktregio',
    permissie: 'referentie:lezen',
  },
  {
    pad: '/organisaties',
    label: 'Organisaties',
    uitleg: 'Alle deelnemende organisaties',
    permissie: 'organisatie:lezen',
  },
  {
    pad: '/beheer',
    label: 'Organisatiebeheer',
    uitleg: 'Organisaties, werkgebieden en gebruikers beheren (platformbeheer)',
    soorten: ['RIJK'],
    permissie: 'organisatie:beheren',
  },
];

export function navigatieVoor(soort: OrganisatieSoort, permissies: readonly string[]): NavItem[] {
  return NAVIGATIE.filter(
    (n) => (!n.soorten || n.soorten.includes(soort)) && (!n.permissie || permissies.includes(n.permissie)),
  );
}
