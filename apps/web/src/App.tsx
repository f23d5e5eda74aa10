import { ApolloProvider } from '@apollo/client/react';
import {
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { maakApolloClient } from './apollo';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { MeProvider } from './auth/MeContext';
import { TERUGKEER_PAD } from './auth/oidc';
import { Alert, Heading } from './components/nl';
import { laadConfig, type WebConfig } from './config';
import { Layout, PubliekeLayout } from './layout/Layout';
import { AanmeldPagina, NietGevondenPagina, TerugkeerPagina } from './pages/Publiek';
import { ToegankelijkheidPagina } from './pages/Toegankelijkheid';
// the start page is where everyone lands: in the main bundle, no extra round trip
import { StartPagina } from './pages/Start';
import { AlleenMet } from './auth/AlleenMet';

/**
 * Code splitting per route: each page is its own chunk, fetched when the route is first opened, so
 * the start page does not wait for ECharts, the map or the editors (issue 14: one 1.2 MB bundle).
 */
function laad<M, K extends keyof M>(imp: () => Promise<M>, naam: K) {
  return lazy(async () => ({ default: (await imp())[naam] as ComponentType }));
}
const AfsprakenPagina = laad(() => import('./pages/afspraken'), 'AfsprakenPagina');
const NieuweAfspraakPagina = laad(() => import('./pages/afspraken'), 'NieuweAfspraakPagina');
const AfspraakDetailPagina = laad(() => import('./pages/afspraken'), 'AfspraakDetailPagina');
const VoortgangPagina = laad(() => import('./pages/Voortgang'), 'VoortgangPagina');
const KaartPagina = laad(() => import('./pages/Voortgang'), 'KaartPagina');
const LandelijkPagina = laad(() => import('./pages/Landelijk'), 'LandelijkPagina');
const StatushoudersPagina = laad(() => import('./pages/Statushouders'), 'StatushoudersPagina');
const WoondealsPagina = laad(() => import('./pages/Woondeals'), 'WoondealsPagina');
const TaakstellingenPagina = laad(() => import('./pages/Planning'), 'TaakstellingenPagina');
const CyclusPagina = laad(() => import('./pages/Planning'), 'CyclusPagina');
const ProgrammaPagina = laad(() => import('./pages/Programma'), 'ProgrammaPagina');
const UrgentiePagina = laad(() => import('./pages/Urgentie'), 'UrgentiePagina');
const BodenPagina = laad(() => import('./pages/Boden'), 'BodenPagina');
const BodDetailPagina = laad(() => import('./pages/Boden'), 'BodDetailPagina');
const EvaluatiePagina = laad(() => import('./pages/Evaluatie'), 'EvaluatiePagina');
const RapportagesPagina = laad(() => import('./pages/Rapportages'), 'RapportagesPagina');
const ToewijzingenPagina = laad(() => import('./pages/toewijzingen'), 'ToewijzingenPagina');
const ToewijzingInvoerenPagina = laad(() => import('./pages/toewijzingen'), 'ToewijzingInvoerenPagina');
const ToewijzingenImporterenPagina = laad(
  () => import('./pages/toewijzingen'),
  'ToewijzingenImporterenPagina',
);
const ImportKoppelingPagina = laad(() => import('./pages/toewijzingen'), 'ImportKoppelingPagina');
const NieuwbouwPagina = laad(() => import('./pages/Nieuwbouw'), 'NieuwbouwPagina');
const KwartaalcijfersPagina = laad(() => import('./pages/Kwartaalcijfers'), 'KwartaalcijfersPagina');
const GemeentenPagina = laad(() => import('./pages/Referentie'), 'GemeentenPagina');
const OrganisatiesPagina = laad(() => import('./pages/Referentie'), 'OrganisatiesPagina');
const BeheerPagina = laad(() => import('./beheer/BeheerPagina'), 'BeheerPagina');
const NieuweOrganisatiePagina = laad(() => import('./beheer/BeheerPagina'), 'NieuweOrganisatiePagina');
const OrganisatieBeheerPagina = laad(() => import('./beheer/BeheerPagina'), 'OrganisatieBeheerPagina');
const BeheerImportPagina = laad(() => import('./beheer/ImportPagina'), 'ImportPagina');
const HerindelingPagina = laad(() => import('./beheer/HerindelingPagina'), 'HerindelingPagina');
const EigenGebruikersPagina = laad(() => import('./beheer/EigenGebruikersPagina'), 'EigenGebruikersPagina');

/** Shown while a page's chunk loads (usually a few milliseconds). */
function PaginaLaden() {
  return (
    <p className="utrecht-paragraph" role="status">
      De pagina wordt geladen…
    </p>
  );
}

/** The signed-in part: Apollo with the session's token, `me`, the layout for its organisation kind. */
function Beveiligd({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const wasAangemeld = useRef(false);
  if (auth.status === 'aangemeld') wasAangemeld.current = true;
  const client = useMemo(
    () => maakApolloClient(auth.config.apiUrl, auth.token, auth.verlopen),
    // one client per page life; the token is read per request
    [auth.config.apiUrl],
  );
  if (auth.status === 'afgemeld' || (auth.status === 'verlopen' && !wasAangemeld.current))
    return <AanmeldPagina />;
  return (
    <ApolloProvider client={client}>
      <MeProvider>{(me) => <Layout me={me}>{children}</Layout>}</MeProvider>
    </ApolloProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path={TERUGKEER_PAD} element={<TerugkeerPagina />} />
      <Route
        path="/toegankelijkheid"
        element={
          <PubliekeLayout>
            <ToegankelijkheidPagina />
          </PubliekeLayout>
        }
      />
      <Route
        path="*"
        element={
          <Beveiligd>
            <Suspense fallback={<PaginaLaden />}>
              <Routes>
                <Route index element={<StartPagina />} />
                <Route path="afspraken" element={<AfsprakenPagina />} />
                <Route
                  path="afspraken/nieuw"
                  element={
                    <AlleenMet
                      permissie="afspraak:opstellen"
                      titel="Nieuwe prestatieafspraak"
                      terug={{ naar: '/afspraken', tekst: 'Naar de prestatieafspraken' }}
                    >
                      <NieuweAfspraakPagina />
                    </AlleenMet>
                  }
                />
                <Route path="afspraken/:id" element={<AfspraakDetailPagina />} />
                <Route path="afspraken/:id/evaluatie" element={<EvaluatiePagina />} />
                <Route path="boden" element={<BodenPagina />} />
                <Route path="boden/:id" element={<BodDetailPagina />} />
                <Route path="voortgang" element={<VoortgangPagina />} />
                <Route path="landelijk" element={<LandelijkPagina />} />
                <Route path="kaart" element={<KaartPagina />} />
                <Route path="statushouders" element={<StatushoudersPagina />} />
                <Route path="woondeals" element={<WoondealsPagina />} />
                <Route path="taakstellingen" element={<TaakstellingenPagina />} />
                <Route path="cyclus" element={<CyclusPagina />} />
                <Route path="programma" element={<ProgrammaPagina />} />
                <Route path="urgentie" element={<UrgentiePagina />} />
                <Route path="rapportages" element={<RapportagesPagina />} />
                <Route path="toewijzingen" element={<ToewijzingenPagina />} />
                <Route
                  path="toewijzingen/nieuw"
                  element={
                    <AlleenMet
                      permissie="toewijzing:invoeren"
                      titel="Toewijzing invoeren"
                      terug={{ naar: '/toewijzingen', tekst: 'Naar de toewijzingen' }}
                    >
                      <ToewijzingInvoerenPagina />
                    </AlleenMet>
                  }
                />
                <Route
                  path="toewijzingen/importeren"
                  element={
                    <AlleenMet
                      permissie="toewijzing:invoeren"
                      titel="Toewijzingen importeren"
                      terug={{ naar: '/toewijzingen', tekst: 'Naar de toewijzingen' }}
                    >
                      <ToewijzingenImporterenPagina />
                    </AlleenMet>
                  }
                />
                <Route
                  path="toewijzingen/koppeling"
                  element={
                    <AlleenMet
                      permissie="toewijzing:invoeren"
                      titel="Importkoppeling"
                      terug={{ naar: '/toewijzingen/importeren', tekst: 'Naar importeren' }}
                    >
                      <ImportKoppelingPagina />
                    </AlleenMet>
                  }
                />
                <Route path="nieuwbouw" element={<NieuwbouwPagina />} />
                <Route path="kwartaalcijfers" element={<KwartaalcijfersPagina />} />
                <Route path="gemeenten" element={<GemeentenPagina />} />
                <Route path="organisaties" element={<OrganisatiesPagina />} />
                <Route path="beheer" element={<BeheerPagina />} />
                <Route path="beheer/nieuw" element={<NieuweOrganisatiePagina />} />
                <Route path="beheer/importeren" element={<BeheerImportPagina />} />
                <Route path="beheer/herindeling" element={<HerindelingPagina />} />
                <Route path="gebruikers" element={<EigenGebruikersPagina />} />
                <Route path="beheer/:id" element={<OrganisatieBeheerPagina />} />
                <Route path="*" element={<NietGevondenPagina />} />
              </Routes>
            </Suspense>
          </Beveiligd>
        }
      />
    </Routes>
  );
}

export function App() {
  const [config, setConfig] = useState<WebConfig | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  useEffect(() => {
    laadConfig().then(setConfig, (e: unknown) => setFout(e instanceof Error ? e.message : String(e)));
  }, []);
  if (fout || !config) {
    return (
      <main id="inhoud" className="tm-main">
        <Heading level={1}>Thuismonitor</Heading>
        {fout ? (
          <Alert type="error">Thuismonitor kon niet starten: {fout} Probeer het later opnieuw.</Alert>
        ) : (
          <p className="utrecht-paragraph" role="status">
            Thuismonitor wordt geladen…
          </p>
        )}
      </main>
    );
  }
  return (
    <BrowserRouter>
      <AuthProvider config={config}>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
