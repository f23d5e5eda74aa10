import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { BrowserRouter, Route, Routes } from 'react-router';
import { maakApolloClient } from './apollo';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { MeProvider } from './auth/MeContext';
import { TERUGKEER_PAD } from './auth/oidc';
import { Alert, Heading } from './components/nl';
import { laadConfig, type WebConfig } from './config';
import { Layout, PubliekeLayout } from './layout/Layout';
import { AanmeldPagina, NietGevondenPagina, TerugkeerPagina } from './pages/Publiek';
import { GemeentenPagina, OrganisatiesPagina } from './pages/Referentie';
import { AfspraakDetailPagina, AfsprakenPagina, NieuweAfspraakPagina } from './pages/Afspraken';
import { KwartaalcijfersPagina } from './pages/Kwartaalcijfers';
import { CyclusPagina, TaakstellingenPagina } from './pages/Planning';
import { LandelijkPagina } from './pages/Landelijk';
import { RapportagesPagina } from './pages/Rapportages';
import { StatushoudersPagina } from './pages/Statushouders';
import { KaartPagina, VoortgangPagina } from './pages/Voortgang';
import { NieuwbouwPagina } from './pages/Nieuwbouw';
import { StartPagina } from './pages/Start';
import {
  ToewijzingenImporterenPagina,
  ToewijzingenPagina,
  ToewijzingInvoerenPagina,
} from './pages/Toewijzingen';
import { ToegankelijkheidPagina } from './pages/Toegankelijkheid';

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
            <Routes>
              <Route index element={<StartPagina />} />
              <Route path="afspraken" element={<AfsprakenPagina />} />
              <Route path="afspraken/nieuw" element={<NieuweAfspraakPagina />} />
              <Route path="afspraken/:id" element={<AfspraakDetailPagina />} />
              <Route path="voortgang" element={<VoortgangPagina />} />
              <Route path="landelijk" element={<LandelijkPagina />} />
              <Route path="kaart" element={<KaartPagina />} />
              <Route path="statushouders" element={<StatushoudersPagina />} />
              <Route path="taakstellingen" element={<TaakstellingenPagina />} />
              <Route path="cyclus" element={<CyclusPagina />} />
              <Route path="rapportages" element={<RapportagesPagina />} />
              <Route path="toewijzingen" element={<ToewijzingenPagina />} />
              <Route path="toewijzingen/nieuw" element={<ToewijzingInvoerenPagina />} />
              <Route path="toewijzingen/importeren" element={<ToewijzingenImporterenPagina />} />
              <Route path="nieuwbouw" element={<NieuwbouwPagina />} />
              <Route path="kwartaalcijfers" element={<KwartaalcijfersPagina />} />
              <Route path="gemeenten" element={<GemeentenPagina />} />
              <Route path="organisaties" element={<OrganisatiesPagina />} />
              <Route path="*" element={<NietGevondenPagina />} />
            </Routes>
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
    <IntlProvider locale="nl-NL" defaultLocale="nl-NL" timeZone="Europe/Amsterdam">
      <BrowserRouter>
        <AuthProvider config={config}>
          <AppRoutes />
        </AuthProvider>
      </BrowserRouter>
    </IntlProvider>
  );
}
