import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { verwerkTerugkeer } from '../auth/oidc';
import { Alert, Button, Heading, Link, Paragraph } from '../components/nl';
import { PubliekeLayout } from '../layout/Layout';
import { usePaginaTitel } from '../lib/pagina';

export function AanmeldPagina() {
  const auth = useAuth();
  const location = useLocation();
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const afgemeld = new URLSearchParams(location.search).has('afgemeld');
  usePaginaTitel('Aanmelden');
  const aanmelden = async () => {
    setBezig(true);
    setFout(null);
    try {
      await auth.aanmelden(afgemeld ? '/' : `${location.pathname}${location.search}`);
    } catch (e) {
      setFout(e instanceof Error ? e.message : 'Aanmelden is niet gelukt.');
      setBezig(false);
    }
  };
  return (
    <PubliekeLayout>
      <Heading level={1}>Welkom bij Thuismonitor</Heading>
      <Paragraph lead>
        Prestatieafspraken en voortgang voor het programma <em>Een thuis voor iedereen</em>: gemeenten,
        woningcorporaties, huurdersorganisaties, zorgaanbieders, provincies en het Rijk leggen vast wat ze
        afspraken en wat ze realiseerden.
      </Paragraph>
      {auth.status === 'verlopen' ? (
        <Alert type="warning">Uw sessie is verlopen. Meld u opnieuw aan.</Alert>
      ) : null}
      {afgemeld && auth.status === 'afgemeld' ? <Alert type="ok">U bent afgemeld.</Alert> : null}
      {fout ? <Alert type="error">{fout}</Alert> : null}
      <Paragraph>U meldt u aan met het account van uw organisatie.</Paragraph>
      <Button appearance="primary-action" onClick={() => void aanmelden()} busy={bezig} disabled={bezig}>
        Aanmelden
      </Button>
      <Paragraph small>
        <Link to="/toegankelijkheid">Toegankelijkheidsverklaring</Link>
      </Paragraph>
    </PubliekeLayout>
  );
}

export function TerugkeerPagina() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [fout, setFout] = useState<string | null>(null);
  const gestart = useRef(false);
  usePaginaTitel('Aanmelden');
  useEffect(() => {
    if (gestart.current) return;
    gestart.current = true;
    verwerkTerugkeer(auth.config, location.search).then(
      ({ sessie, terugNaar }) => {
        auth.zetSessie(sessie);
        navigate(terugNaar, { replace: true });
      },
      (e: unknown) => setFout(e instanceof Error ? e.message : 'Aanmelden is niet gelukt.'),
    );
  }, [auth, location.search, navigate]);
  return (
    <PubliekeLayout>
      <Heading level={1}>Aanmelden</Heading>
      {fout ? (
        <>
          <Alert type="error">{fout}</Alert>
          <Button appearance="primary-action" onClick={() => void auth.aanmelden('/')}>
            Opnieuw aanmelden
          </Button>
        </>
      ) : (
        <p className="utrecht-paragraph" role="status">
          U wordt aangemeld…
        </p>
      )}
    </PubliekeLayout>
  );
}

export function NietGevondenPagina() {
  usePaginaTitel('Pagina niet gevonden');
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>
        Deze pagina bestaat niet (meer). Ga naar de <Link to="/">startpagina</Link>.
      </Paragraph>
    </>
  );
}
