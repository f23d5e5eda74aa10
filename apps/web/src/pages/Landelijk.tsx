import { useApolloClient, useQuery } from '@apollo/client/react';
import { ACTIELIJNEN } from '@thuismonitor/domain';
import { useEffect, useMemo, useState } from 'react';
import { FoutMelding, Laden } from '../components/Fout';
import { Staafgrafiek } from '../components/Grafiek';
import { Alert, Heading, Link, Paragraph, Tabel } from '../components/nl';
import { ProvinciesDocument, VoortgangDocument, type VoortgangQuery } from '../generated/graphql';
import { formatGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { huidigJaar, voortgangHref } from '../lib/gebied';
import { ActielijnBlok } from './Voortgang';

type V = VoortgangQuery['voortgang'];

function telling(v: V, actielijn: string) {
  const ind = v.actielijnen.find((a) => a.code === actielijn)?.indicatoren ?? [];
  const goed = ind.filter((i) => i.status === 'OP_SCHEMA' || i.status === 'VOOR').length;
  const achter = ind.filter((i) => i.status === 'ACHTER').length;
  return { goed, achter };
}

/** Rijk (BZK): the country per actielijn, and every provincie side by side. */
export function LandelijkPagina() {
  usePaginaTitel('Landelijk overzicht');
  const jaar = huidigJaar();
  const client = useApolloClient();
  const land = useQuery(VoortgangDocument, { variables: { gebied: { soort: 'LAND', code: 'NL' }, jaar } });
  const provincies = useQuery(ProvinciesDocument);
  const [perProvincie, setPerProvincie] = useState<V[] | null>(null);
  const [fout, setFout] = useState<unknown>(null);
  useEffect(() => {
    const lijst = provincies.data?.provincies;
    if (!lijst) return;
    let actief = true;
    Promise.all(
      lijst.map((p) =>
        client
          .query({
            query: VoortgangDocument,
            variables: { gebied: { soort: 'PROVINCIE', code: p.code }, jaar },
          })
          .then((r) => r.data!.voortgang),
      ),
    ).then(
      (r) => actief && setPerProvincie(r),
      (e: unknown) => actief && setFout(e),
    );
    return () => {
      actief = false;
    };
  }, [client, provincies.data, jaar]);

  const categorieen = useMemo(() => (perProvincie ?? []).map((v) => v.gebied.naam), [perProvincie]);
  const reeksen = useMemo(
    () =>
      ACTIELIJNEN.map((a) => ({
        naam: `Actielijn ${a.nummer}`,
        waarden: (perProvincie ?? []).map((v) => telling(v, a.code).goed),
      })),
    [perProvincie],
  );

  return (
    <>
      <Heading level={1}>Landelijk overzicht {jaar}</Heading>
      <Paragraph>De voortgang van Een thuis voor iedereen in heel Nederland en per provincie.</Paragraph>
      <section aria-labelledby="kop-provincies">
        <Heading level={2} id="kop-provincies">
          Per provincie en actielijn
        </Heading>
        <FoutMelding error={fout ?? provincies.error} />
        {!perProvincie && !fout ? (
          <Laden tekst="De voortgang van de twaalf provincies wordt berekend…" />
        ) : null}
        {perProvincie ? (
          <div className="tm-raster">
            <Staafgrafiek
              titel="Aantal indicatoren op of voor schema, per provincie en actielijn"
              categorieen={categorieen}
              reeksen={reeksen}
              hoogte={420}
            />
            <Tabel<V>
              caption="Indicatoren op of voor schema / achter, per provincie en actielijn"
              exporteer="Landelijk overzicht"
              rijen={perProvincie}
              sleutel={(v) => v.gebied.code}
              kolommen={[
                {
                  kop: 'Provincie',
                  cel: (v) => (
                    <Link to={voortgangHref({ soort: 'PROVINCIE', code: v.gebied.code }, jaar)}>
                      {v.gebied.naam}
                    </Link>
                  ),
                  rijkop: true,
                },
                ...ACTIELIJNEN.map((a) => ({
                  kop: `Actielijn ${a.nummer}: op schema / achter`,
                  cel: (v: V) => {
                    const t = telling(v, a.code);
                    return `${formatGetal(t.goed)} / ${formatGetal(t.achter)}`;
                  },
                  numeriek: true,
                })),
              ]}
            />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="kop-nederland">
        <Heading level={2} id="kop-nederland">
          Nederland
        </Heading>
        <FoutMelding error={land.error} />
        {land.loading && !land.data ? <Laden tekst="De landelijke voortgang wordt berekend…" /> : null}
        {land.data?.voortgang.peildatumToelichting ? (
          <Alert type="info">{land.data.voortgang.peildatumToelichting}</Alert>
        ) : null}
        {land.data?.voortgang.afgeschermd && land.data.voortgang.afschermingUitleg ? (
          <Alert type="info">{land.data.voortgang.afschermingUitleg}</Alert>
        ) : null}
      </section>
      {land.data?.voortgang.actielijnen.map((a) => (
        <ActielijnBlok key={a.code} actielijn={a} niveau={3} />
      ))}
      <Paragraph small>
        Zie ook <Link to="/kaart">de kaart per provincie</Link>.
      </Paragraph>
    </>
  );
}
