import { useApolloClient, useQuery } from '@apollo/client/react';
import { ACTIELIJNEN, kwartaalEinde, kwartaalStart, maakKwartaal } from '@thuismonitor/domain';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { FoutMelding, Laden } from '../components/Fout';
import { Staafgrafiek } from '../components/Grafiek';
import { Alert, FormField, Heading, Link, Paragraph, Select, StatusBadge, Tabel } from '../components/nl';
import { ProvinciesDocument, VoortgangDocument, type VoortgangQuery } from '../generated/graphql';
import { formatDag, formatGetal, formatPercentage } from '../lib/format';
import { huidigJaar, vandaagIso, voortgangHref } from '../lib/gebied';
import { eenheidLabel, metEenheid, STATUS_BADGE } from '../lib/labels';
import { usePaginaTitel } from '../lib/pagina';
import { ActielijnBlok } from './Voortgang';

type V = VoortgangQuery['voortgang'];
type Ind = V['actielijnen'][number]['indicatoren'][number];

/** Per actielijn: indicators on/ahead of schedule, behind, and without a target (no status). */
function telling(v: V, actielijn: string) {
  const ind = v.actielijnen.find((a) => a.code === actielijn)?.indicatoren ?? [];
  return {
    goed: ind.filter((i) => i.status === 'OP_SCHEMA' || i.status === 'VOOR').length,
    achter: ind.filter((i) => i.status === 'ACHTER').length,
    zonderDoel: ind.filter((i) => i.taakstelling == null).length,
    totaal: ind.length,
  };
}

const indicatorVan = (v: V, code: string): Ind | undefined =>
  v.actielijnen.flatMap((a) => a.indicatoren).find((i) => i.code === code);

/**
 * The quarters of `jaar` to choose (issue 14, item 3): those that have started. A quarter means the
 * year up to and including that quarter — the period 1 January to the quarter's last day, which is
 * the peildatum (a quarter not yet over is measured up to today, like the whole year). These are
 * the "jaar tot nu" figures of the quarterly report; the targets are yearly and judged on their
 * due date, so a lone quarter would have nothing to be measured against.
 */
function kwartalenVan(jaar: number, vandaag: string) {
  return ([1, 2, 3] as const)
    .map((n) => maakKwartaal(jaar, n))
    .filter((k) => kwartaalStart(k) <= vandaag)
    .map((k) => ({ nummer: k.nummer, einde: kwartaalEinde(k) }));
}

/**
 * Rijk (BZK): the country and every provincie for a chosen year or the year up to a quarter — one indicator at a time as a
 * chart with its table (target, realisation, status and coverage per provincie), the status count
 * per actielijn in words, and the national figures per actielijn.
 */
export function LandelijkPagina() {
  usePaginaTitel('Landelijk overzicht');
  const [params, setParams] = useSearchParams();
  const jaar = Number(params.get('jaar')) || huidigJaar();
  const kwartalen = kwartalenVan(jaar, vandaagIso());
  const kwartaal = kwartalen.find((k) => String(k.nummer) === params.get('kwartaal'));
  // the whole year, or 1 January up to the quarter's last day (the peildatum)
  const einde = kwartaal?.einde;
  const tijd = useMemo(
    () => (einde ? { periode: { van: `${jaar}-01-01`, tot: einde } } : { jaar }),
    [jaar, einde],
  );
  const periodeTekst = kwartaal ? `${jaar} t/m ${kwartaal.nummer}e kwartaal` : String(jaar);
  const sleutel = kwartaal ? `${jaar}-K${kwartaal.nummer}` : String(jaar);
  const client = useApolloClient();
  const land = useQuery(VoortgangDocument, {
    variables: { gebied: { soort: 'LAND', code: 'NL' }, ...tijd },
  });
  const provincies = useQuery(ProvinciesDocument);
  const [perProvincie, setPerProvincie] = useState<{ sleutel: string; lijst: V[] } | null>(null);
  const [fout, setFout] = useState<unknown>(null);
  useEffect(() => {
    const lijst = provincies.data?.provincies;
    if (!lijst) return;
    let actief = true;
    setFout(null);
    Promise.all(
      lijst.map((p) =>
        client
          .query({
            query: VoortgangDocument,
            variables: { gebied: { soort: 'PROVINCIE', code: p.code }, ...tijd },
          })
          .then((r) => r.data!.voortgang),
      ),
    ).then(
      (r) => actief && setPerProvincie({ sleutel, lijst: r }),
      (e: unknown) => actief && setFout(e),
    );
    return () => {
      actief = false;
    };
  }, [client, provincies.data, tijd, sleutel]);
  const lijst = perProvincie?.sleutel === sleutel ? perProvincie.lijst : null;

  // the indicators to choose from: the measurable ones of the national overview
  const indicatoren = useMemo(
    () =>
      (land.data?.voortgang.actielijnen ?? [])
        .flatMap((a) => a.indicatoren.map((i) => ({ ...i, actielijn: a.nummer })))
        .filter((i) => i.eenheid !== 'MIJLPAAL'),
    [land.data],
  );
  const gekozen =
    params.get('indicator') ??
    indicatoren.find((i) => lijst?.some((v) => indicatorVan(v, i.code)?.taakstelling != null))?.code ??
    indicatoren[0]?.code ??
    '';
  const indicator = indicatoren.find((i) => i.code === gekozen);
  const zet = (naam: string, waarde: string) => {
    const p = new URLSearchParams(params);
    if (waarde) p.set(naam, waarde);
    else p.delete(naam);
    setParams(p, { replace: true });
  };

  const rijen = useMemo(
    () => (lijst ?? []).map((v) => ({ v, i: indicatorVan(v, gekozen) })),
    [lijst, gekozen],
  );
  const categorieen = useMemo(() => rijen.map((r) => r.v.gebied.naam), [rijen]);
  const reeksen = useMemo(
    () => [
      {
        naam: 'Gerealiseerd',
        waarden: rijen.map((r) =>
          r.i && !r.i.realisatie.onderdrukt ? (r.i.realisatie.waarde ?? null) : null,
        ),
      },
      { naam: 'Taakstelling', waarden: rijen.map((r) => r.i?.taakstelling ?? null) },
    ],
    [rijen],
  );
  const nl = indicator ? indicatorVan(land.data!.voortgang, indicator.code) : undefined;

  return (
    <>
      <Heading level={1}>Landelijk overzicht {periodeTekst}</Heading>
      <Paragraph>
        De voortgang van Een thuis voor iedereen in heel Nederland en per provincie: wat er gerealiseerd is
        tegenover de taakstelling, en hoeveel gemeenten hun cijfers al leveren (dekking).
      </Paragraph>
      <form
        className="tm-filter"
        aria-label="Jaar, periode en indicator kiezen"
        onSubmit={(e) => e.preventDefault()}
      >
        <FormField label="Jaar">
          {(ids) => (
            <Select ids={ids} value={String(jaar)} onChange={(e) => zet('jaar', e.target.value)}>
              {[0, 1, 2, 3].map((d) => (
                <option key={d} value={huidigJaar() - d}>
                  {huidigJaar() - d}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Periode" description="Van 1 januari tot en met de peildatum">
          {(ids) => (
            <Select
              ids={ids}
              value={kwartaal ? String(kwartaal.nummer) : ''}
              onChange={(e) => zet('kwartaal', e.target.value)}
            >
              <option value="">Heel jaar</option>
              {kwartalen.map((k) => (
                <option key={k.nummer} value={k.nummer}>
                  {`T/m ${k.nummer}e kwartaal (peildatum ${formatDag(k.einde)})`}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Indicator">
          {(ids) => (
            <Select ids={ids} value={gekozen} onChange={(e) => zet('indicator', e.target.value)}>
              {indicatoren.map((i) => (
                <option key={i.code} value={i.code}>
                  {`Actielijn ${i.actielijn}: ${i.naam}`}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </form>

      {land.data ? (
        <Paragraph>
          Periode {formatDag(land.data.voortgang.periode.van)} tot en met{' '}
          {formatDag(land.data.voortgang.periode.tot)}; stand op de peildatum{' '}
          {formatDag(land.data.voortgang.peildatum)}.
        </Paragraph>
      ) : null}

      <section aria-labelledby="kop-indicator">
        <Heading level={2} id="kop-indicator">
          {indicator ? `${indicator.naam} per provincie` : 'Per provincie'}
        </Heading>
        <FoutMelding error={fout ?? provincies.error} />
        {!lijst && !fout ? <Laden tekst="De voortgang van de twaalf provincies wordt berekend…" /> : null}
        {lijst && indicator ? (
          <>
            {nl ? (
              <Paragraph>
                Nederland: {metEenheid(nl.realisatie.weergave, nl.realisatie.waarde, nl.eenheid)} gerealiseerd
                {nl.taakstelling != null
                  ? ` van een taakstelling van ${formatGetal(nl.taakstelling)} (${formatPercentage(nl.percentage)})`
                  : ', geen landelijke taakstelling'}
                . Dekking: {nl.dekking.weergave}.
              </Paragraph>
            ) : null}
            <div className="tm-landelijk">
              <Staafgrafiek
                titel={`${indicator.naam} per provincie, gerealiseerd en taakstelling, ${periodeTekst}`}
                categorieen={categorieen}
                reeksen={reeksen}
                eenheid={eenheidLabel(indicator.eenheid)}
                hoogte={420}
              />
              <Tabel
                caption={`${indicator.naam} per provincie, ${periodeTekst}`}
                exporteer={`Landelijk ${indicator.naam} ${periodeTekst}`}
                rijen={rijen}
                sleutel={(r) => r.v.gebied.code}
                kolommen={[
                  {
                    kop: 'Provincie',
                    cel: (r) => (
                      <Link to={voortgangHref({ soort: 'PROVINCIE', code: r.v.gebied.code }, jaar)}>
                        {r.v.gebied.naam}
                      </Link>
                    ),
                    rijkop: true,
                  },
                  { kop: 'Taakstelling', cel: (r) => formatGetal(r.i?.taakstelling), numeriek: true },
                  { kop: 'Gerealiseerd', cel: (r) => r.i?.realisatie.weergave ?? '–', numeriek: true },
                  { kop: '%', cel: (r) => formatPercentage(r.i?.percentage), numeriek: true },
                  {
                    kop: 'Status',
                    cel: (r) =>
                      r.i?.status ? (
                        <StatusBadge soort={STATUS_BADGE[r.i.status] ?? 'neutral'}>
                          {r.i.statusLabel ?? r.i.status}
                        </StatusBadge>
                      ) : (
                        'geen doel'
                      ),
                  },
                  { kop: 'Dekking', cel: (r) => r.i?.dekking.weergave ?? '–' },
                ]}
              />
            </div>
          </>
        ) : null}
      </section>

      <section aria-labelledby="kop-provincies">
        <Heading level={2} id="kop-provincies">
          Per provincie en actielijn
        </Heading>
        {lijst ? (
          <Tabel<V>
            caption="Indicatoren op schema, achter en zonder doel, per provincie en actielijn"
            exporteer={`Landelijk overzicht per actielijn ${periodeTekst}`}
            rijen={lijst}
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
                kop: `Actielijn ${a.nummer}`,
                cel: (v: V) => {
                  const t = telling(v, a.code);
                  return `${t.goed} op schema, ${t.achter} achter, ${t.zonderDoel} zonder doel`;
                },
              })),
            ]}
          />
        ) : null}
      </section>

      <section aria-labelledby="kop-nederland">
        <Heading level={2} id="kop-nederland">
          Nederland per actielijn
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
