import { Platform1763700000000 } from './1763700000000-platform';
import { Realisatie1763800000000 } from './1763800000000-realisatie';
import { Prestatieafspraak1763900000000 } from './1763900000000-prestatieafspraak';
import { PrestatieafspraakInhoudSlot1763900000001 } from './1763900000001-prestatieafspraak-inhoud-slot';
import { Rapportage1763930000000 } from './1763930000000-rapportage';
import { Taakstelling1763940000000 } from './1763940000000-taakstelling';
import { NieuwbouwVerdeling1763945000000 } from './1763945000000-nieuwbouw-verdeling';
import { VoortgangIndexen1763950000000 } from './1763950000000-voortgang-indexen';
import { RlsRijregels1764000000000 } from './1764000000000-rls-rijregels';
import { Publicatie1764100000000 } from './1764100000000-publicatie';
import { PublicatieTrekking1764100000001 } from './1764100000001-publicatie-trekking';
import { PublicatieRijregel1764100000002 } from './1764100000002-publicatie-rijregel';
import { PublicatieLeesplan1764100000003 } from './1764100000003-publicatie-leesplan';
import { ToewijzingPrivacy1764200000000 } from './1764200000000-toewijzing-privacy';
import { RapportageZonderAfspraken1764400000000 } from './1764400000000-rapportage-zonder-afspraken';
import { Organisatiebeheer1765000000000 } from './1765000000000-organisatiebeheer';
import { OrganisatieSamenvoegen1765000000001 } from './1765000000001-organisatie-samenvoegen';
import { GebruikerVoorkeur1765000000002 } from './1765000000002-gebruiker-voorkeur';
import { GebruikerAanmelding1765000000003 } from './1765000000003-gebruiker-aanmelding';
import { RapportageIntern1765100000000 } from './1765100000000-rapportage-intern';
import { PublicatieScopeEenmaal1765400000000 } from './1765400000000-publicatie-scope-eenmaal';
import { AfspraakLeesregel1765400000001 } from './1765400000001-afspraak-leesregel';
import { PublicatieVastgesteld1765300000000 } from './1765300000000-publicatie-vastgesteld';
import { RapportageAfsprakenOud1765300000001 } from './1765300000001-rapportage-afspraken-oud';
import { StatushoudersScopeEenmaal1765300000002 } from './1765300000002-statushouders-scope-eenmaal';
import { PublicatieHerpubliceren1765300000003 } from './1765300000003-publicatie-herpubliceren';
import { DoelwaardeLeesvolgorde1765400000002 } from './1765400000002-doelwaarde-leesvolgorde';
import { GegevensVersie1765400000003 } from './1765400000003-gegevens-versie';
import { StatushoudersToezicht1765500000000 } from './1765500000000-statushouders-toezicht';
import { PublicatieSluiting1766000000000 } from './1766000000000-publicatie-sluiting';
import { VolkshuisvestingRegime1766200000000 } from './1766200000000-volkshuisvesting-regime';
import { CacheSignaal1766500000000 } from './1766500000000-cache-signaal';
import { OperatorWand1766100000000 } from './1766100000000-operator-wand';
import { Herindeling1766100000001 } from './1766100000001-herindeling';
import { MislukteImports1766100000002 } from './1766100000002-mislukte-imports';
import { WandAanscherping1766600000000 } from './1766600000000-wand-aanscherping';
import { BodEvaluatieGeschil1766300000000 } from './1766300000000-bod-evaluatie-geschil';
import { ConceptVerwijderen1766800000000 } from './1766800000000-concept-verwijderen';
import { Urgentie1766900000000 } from './1766900000000-urgentie';
import { GegevensSignaal1767200000000 } from './1767200000000-gegevens-signaal';
import { ImportKoppeling1767100000000 } from './1767100000000-import-koppeling';
import { WoondealPijplijn1767000000000 } from './1767000000000-woondeal-pijplijn';
import { UrgentieAlleenEigen1767300000000 } from './1767300000000-urgentie-alleen-eigen';
import { ImportKoppelingCorporatie1767300000001 } from './1767300000001-import-koppeling-corporatie';
import { HerindelingScope1766700000000 } from './1766700000000-herindeling-scope';
import { ConceptVerwijderenGemeente1767300000002 } from './1767300000002-concept-verwijderen-gemeente';
import { StatushoudersBeleid1767400000000 } from './1767400000000-statushouders-beleid';
import { StatushoudersBeleid20171767400000001 } from './1767400000001-statushouders-beleid-2017';
import { StatushoudersBeleidOperator1767400000002 } from './1767400000002-statushouders-beleid-operator';

/**
 * Every migration, in order. New features append theirs here (explicit list: no glob at runtime).
 * Name new files with a timestamp later than the last one.
 */
export const MIGRATIONS = [Platform1763700000000, Realisatie1763800000000, Prestatieafspraak1763900000000, PrestatieafspraakInhoudSlot1763900000001, Rapportage1763930000000, Taakstelling1763940000000, NieuwbouwVerdeling1763945000000, VoortgangIndexen1763950000000, RlsRijregels1764000000000, Publicatie1764100000000, PublicatieTrekking1764100000001, PublicatieRijregel1764100000002, PublicatieLeesplan1764100000003, ToewijzingPrivacy1764200000000, RapportageZonderAfspraken1764400000000, Organisatiebeheer1765000000000, OrganisatieSamenvoegen1765000000001, GebruikerVoorkeur1765000000002, GebruikerAanmelding1765000000003, RapportageIntern1765100000000, PublicatieScopeEenmaal1765400000000, AfspraakLeesregel1765400000001, PublicatieVastgesteld1765300000000, RapportageAfsprakenOud1765300000001, StatushoudersScopeEenmaal1765300000002, PublicatieHerpubliceren1765300000003, DoelwaardeLeesvolgorde1765400000002, GegevensVersie1765400000003, StatushoudersToezicht1765500000000, PublicatieSluiting1766000000000, VolkshuisvestingRegime1766200000000, CacheSignaal1766500000000, OperatorWand1766100000000, Herindeling1766100000001, MislukteImports1766100000002, WandAanscherping1766600000000, BodEvaluatieGeschil1766300000000, ConceptVerwijderen1766800000000, Urgentie1766900000000, GegevensSignaal1767200000000, ImportKoppeling1767100000000, WoondealPijplijn1767000000000, UrgentieAlleenEigen1767300000000, ImportKoppelingCorporatie1767300000001, HerindelingScope1766700000000, ConceptVerwijderenGemeente1767300000002, StatushoudersBeleid1767400000000, StatushoudersBeleid20171767400000001, StatushoudersBeleidOperator1767400000002];
