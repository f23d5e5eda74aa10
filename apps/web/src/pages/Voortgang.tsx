import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe, type Me } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import { Staafgrafiek } from '../components/Grafiek';
import { GebiedKiezer } from '../components/GebiedKiezer';
import { GemeenteKaart, type KaartGebied } from '../components/Kaart';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Tabel,
} from '../components/nl';
import {
  GemeentenDocument,
  ProvinciesDocument,
  VoortgangDocument,
  VoortgangPerGemeenteDocument,
  type GebiedSoort,
  type VoortgangQuery,
  type VoortgangPerGemeenteQuery,
} from '../generated/graphql';
import { actielijnLabel, formatDag, formatGetal, formatPercentage } from '../lib/format';
import { eenheidLabel, STATUS_BADGE } from '../lib/labels';
import { huidigJaar, standaardGebied, voortgangHref, type GebiedKeuze } from '../lib/gebied';
import { usePaginaTitel } from '../lib/pagina';

/** Areas this user can choose from (the API checks the scope again). */
function useGebiedOpties(me: Me): { waarde: string; label: string }[] {
  const o = me.organisatie;
  const provincieCode = o.soort === 'PROVINCIE' ? o.provincie?.code : undefined;
  const gemeenten = useQuery(GemeentenDocument, {
    variables: { filter: { provincieCode } },
    skip: !provincieCode && o.soort !== 'RIJK',
  });
  const provincies = useQuery(ProvinciesDocument, { skip: o.soort !== 'RIJK' });
  const uit: { waarde: string; label: string }[] = [];
  if (o.soort === 'RIJK') {
    uit.push({ waarde: 'LAND:NL', label: 'Nederland' });
    for (const p of provincies.data?.provincies ?? [])
      uit.push({ waarde: `PROVINCIE:${p.code}`, label: `Provincie ${p.naam}` });
    for (const g of gemeenten.data?.gemeenten ?? [])
      uit.push({ waarde: `GEMEENTE:${g.code}`, label: g.naam });
  } else if (o.soort === 'PROVINCIE' && o.provincie) {
    uit.push({ waarde: `PROVINCIE:${o.provincie.code}`, label: `Provincie ${o.provincie.naam}` });
    for (const g of gemeenten.data?.gemeenten ?? [])
      uit.push({ waarde: `GEMEENTE:${g.code}`, label: g.naam });
  } else if (o.soort === 'GEMEENTE' && o.gemeente) {
    uit.push({ waarde: `GEMEENTE:${o.gemeente.code}`, label: o.gemeente.naam });
  } else {
    for (const g of o.werkgebied) uit.push({ waarde: `GEMEENTE:${g.code}`, label: g.naam });
  }
  return uit;
}

type IndicatorRij = VoortgangQuery['voortgang']['actielijnen'][number]['indicatoren'][number];

function statusBadge(status: string | null | undefined, label: string | null | undefined) {
  if (!status) return '–';
  return <StatusBadge soort={STATUS_BADGE[status] ?? 'neutral'}>{label ?? status}</StatusBadge>;
}

export function VoortgangPagina() {
  usePaginaTitel('Voortgang');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const standaard = standaardGebied(me);
  const gebied: GebiedKeuze | null =
    params.get('soort') && params.get('code')
      ? { soort: params.get('soort') as GebiedSoort, code: params.get('code')! }
      : standaard;
  const jaar = Number(params.get('jaar')) || huidigJaar();
  const opties = useGebiedOpties(me);
  const [keuze, setKeuze] = useState({
    gebied: gebied ? `${gebied.soort}:${gebied.code}` : '',
    jaar: String(jaar),
  });
  const { data, error, loading } = useQuery(VoortgangDocument, {
    variables: { gebied: gebied!, jaar },
    skip: !gebied,
  });
  const v = data?.voortgang;
  return (
    <>
      <Heading level={1}>Voortgang{v ? `: ${v.gebied.naam}` : ''}</Heading>
      <Paragraph>
        Wat er gerealiseerd is tegenover de taakstelling, per actielijn van Een thuis voor iedereen. Bij elke
        grafiek staat een tabel met dezelfde cijfers.
      </Paragraph>
      <form
        className="tm-filter"
        aria-label="Gebied en jaar kiezen"
        onSubmit={(e) => {
          e.preventDefault();
          const [soort, code] = keuze.gebied.split(':');
          setParams({ soort, code, jaar: keuze.jaar });
        }}
      >
        <GebiedKiezer
          opties={
            gebied && !opties.some((o) => o.waarde === `${gebied.soort}:${gebied.code}`)
              ? [
                  { waarde: `${gebied.soort}:${gebied.code}`, label: v?.gebied.naam ?? gebied.code },
                  ...opties,
                ]
              : opties
          }
          waarde={keuze.gebied}
          onKies={(w) => setKeuze({ ...keuze, gebied: w })}
          zoeken={me.organisatie.soort === 'RIJK' || me.organisatie.soort === 'PROVINCIE'}
        />
        <FormField label="Jaar">
          {(ids) => (
            <Select
              ids={ids}
              value={keuze.jaar}
              onChange={(e) => setKeuze({ ...keuze, jaar: e.target.value })}
            >
              {[0, 1, 2, 3].map((d) => (
                <option key={d} value={huidigJaar() - d}>
                  {huidigJaar() - d}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit">Tonen</Button>
      </form>
      {!gebied ? (
        <Alert type="info">Uw organisatie heeft geen werkgebied; er is geen voortgang om te tonen.</Alert>
      ) : null}
      <FoutMelding error={error} />
      {loading && !data ? <Laden tekst="De voortgang wordt berekend…" /> : null}
      {v ? (
        <>
          <DataList
            items={[
              { key: 'Periode', value: `${formatDag(v.periode.van)} tot en met ${formatDag(v.periode.tot)}` },
              { key: 'Stand op', value: formatDag(v.peildatum) },
              { key: 'Verstreken', value: formatPercentage(v.verstrekenFractie * 100, 0) },
              {
                key: 'Vastgesteld volkshuisvestingsprogramma',
                value:
                  v.volkshuisvestingsprogrammas.weergave +
                  (v.volkshuisvestingsprogrammas.wettelijkVerplicht
                    ? ' (wettelijk verplicht)'
                    : ' (nog geen wettelijke plicht)'),
              },
            ]}
          />
          {v.peildatumToelichting ? <Alert type="info">{v.peildatumToelichting}</Alert> : null}
          {v.afgeschermd && v.afschermingUitleg ? <Alert type="info">{v.afschermingUitleg}</Alert> : null}
          {v.actielijnen.map((a) => (
            <ActielijnBlok key={a.code} actielijn={a} />
          ))}
          {v.afspraken.length ? (
            <section aria-labelledby="kop-afspraakvoortgang">
              <Heading level={2} id="kop-afspraakvoortgang">
                Voortgang van de vastgestelde afspraken
              </Heading>
              <Tabel
                caption="Afspraken uit vastgestelde prestatieafspraken"
                exporteer="Voortgang afspraken"
                rijen={v.afspraken}
                sleutel={(a) => a.afspraakId}
                kolommen={[
                  {
                    kop: 'Afspraak',
                    cel: (a) => <Link to={`/afspraken/${a.prestatieafspraakId}`}>{a.omschrijving}</Link>,
                    rijkop: true,
                  },
                  { kop: 'Verantwoordelijk', cel: (a) => a.verantwoordelijke ?? '–' },
                  { kop: 'Doel', cel: (a) => formatGetal(a.doelwaarde), numeriek: true },
                  { kop: 'Gerealiseerd', cel: (a) => a.realisatie?.weergave ?? '–', numeriek: true },
                  { kop: '% van doel', cel: (a) => formatPercentage(a.percentage), numeriek: true },
                  { kop: 'Status', cel: (a) => statusBadge(a.status, a.statusLabel) },
                ]}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function ActielijnBlok({
  actielijn,
  niveau = 2,
}: {
  actielijn: VoortgangQuery['voortgang']['actielijnen'][number];
  niveau?: 2 | 3;
}) {
  const metDoel = useMemo(
    () => actielijn.indicatoren.filter((i) => i.taakstelling && i.percentage !== null),
    [actielijn],
  );
  const categorieen = useMemo(() => metDoel.map((i) => i.naam), [metDoel]);
  const reeksen = useMemo(
    () => [
      {
        naam: 'Gerealiseerd (% van taakstelling)',
        waarden: metDoel.map((i) => (i.percentage === null ? null : Math.round(i.percentage * 10) / 10)),
      },
      {
        naam: 'Verwacht op de peildatum (%)',
        waarden: metDoel.map((i) =>
          i.verwacht !== null && i.taakstelling
            ? Math.round((i.verwacht / i.taakstelling) * 1000) / 10
            : null,
        ),
        soort: 'line' as const,
      },
    ],
    [metDoel],
  );
  // above a gemeente every figure says how many gemeenten it covers ("28 van 342 gemeenten")
  const metDekking = actielijn.indicatoren.some((i) => i.dekking.totaal > 1);
  const kopId = `kop-${actielijn.code}`;
  return (
    <section aria-labelledby={kopId}>
      <Heading level={niveau} id={kopId}>
        {actielijnLabel(actielijn.code)}
      </Heading>
      {metDoel.length ? null : (
        <Paragraph>
          Voor deze actielijn is in dit gebied nog geen taakstelling gesteld; de realisatie staat in de tabel.
        </Paragraph>
      )}
      <div className={metDoel.length ? 'tm-raster tm-raster--grafiek' : undefined}>
        {metDoel.length ? (
          <Staafgrafiek
            titel={`${actielijnLabel(actielijn.code)}: gerealiseerd als percentage van de taakstelling`}
            categorieen={categorieen}
            reeksen={reeksen}
            eenheid="%"
          />
        ) : null}
        <Tabel<IndicatorRij>
          caption={`Cijfers ${actielijnLabel(actielijn.code).toLowerCase()}`}
          exporteer={`Voortgang ${actielijnLabel(actielijn.code).toLowerCase()}`}
          rijen={actielijn.indicatoren}
          sleutel={(i) => i.code}
          kolommen={[
            { kop: 'Indicator', cel: (i) => i.naam, rijkop: true },
            { kop: 'Taakstelling', cel: (i) => formatGetal(i.taakstelling), numeriek: true },
            { kop: 'Gerealiseerd', cel: (i) => i.realisatie.weergave, numeriek: true },
            { kop: '%', cel: (i) => formatPercentage(i.percentage), numeriek: true },
            { kop: 'Status', cel: (i) => statusBadge(i.status, i.statusLabel) },
            { kop: 'Eenheid', cel: (i) => eenheidLabel(i.eenheid) },
            ...(metDekking
              ? [{ kop: 'Gemeenten met gegevens', cel: (i: IndicatorRij) => i.dekking.weergave }]
              : []),
          ]}
        />
      </div>
    </section>
  );
}

const KAART_KLEUREN: Record<string, { kleur: string; label: string }> = {
  OP_SCHEMA: { kleur: '#2b7a0b', label: 'Op schema' },
  VOOR: { kleur: '#00568b', label: 'Voor op schema' },
  ACHTER: { kleur: '#c0392b', label: 'Achter' },
  LOOPT: { kleur: '#8fb4d9', label: 'Loopt (doel nog niet verlopen)' },
  GEEN_DOEL: { kleur: '#b8b8b8', label: 'Geen taakstelling' },
  ONBEKEND: { kleur: '#e6e6e6', label: 'Geen gegevens' },
};

type GemeenteRij = VoortgangPerGemeenteQuery['voortgang']['gemeenten'][number];

/** The provincie's map: its gemeenten coloured by progress on one indicator; a click drills down. */
export function KaartPagina() {
  usePaginaTitel('Kaart');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const eigen = me.organisatie.soort === 'PROVINCIE' ? me.organisatie.provincie?.code : undefined;
  const provincieCode = params.get('provincie') ?? eigen ?? 'PV26';
  const jaar = Number(params.get('jaar')) || huidigJaar();
  const provincies = useQuery(ProvinciesDocument, { skip: me.organisatie.soort !== 'RIJK' });
  const { data, error, loading } = useQuery(VoortgangPerGemeenteDocument, {
    variables: { gebied: { soort: 'PROVINCIE', code: provincieCode }, jaar },
  });
  const v = data?.voortgang;
  const indicatoren = v?.actielijnen.flatMap((a) => a.indicatoren) ?? [];
  const indicatorCode =
    params.get('indicator') ??
    indicatoren.find((i) => i.code === 'STATUSHOUDERS_GEHUISVEST')?.code ??
    indicatoren[0]?.code ??
    '';
  const indicator = indicatoren.find((i) => i.code === indicatorCode);
  const rijen = (v?.gemeenten ?? []).map((g) => ({
    g,
    c: g.indicatoren.find((i) => i.indicatorCode === indicatorCode),
  }));
  const gebieden: KaartGebied[] = rijen.map(({ g, c }) => {
    const sleutel = c?.status ?? 'ONBEKEND';
    const k = KAART_KLEUREN[sleutel] ?? KAART_KLEUREN.ONBEKEND;
    return {
      code: g.gemeente.code,
      kleur: k.kleur,
      label: `${g.gemeente.naam}: ${c?.percentage !== null && c?.percentage !== undefined ? `${formatPercentage(c.percentage)} van de taakstelling, ` : ''}${k.label.toLowerCase()}`,
      href: voortgangHref({ soort: 'GEMEENTE', code: g.gemeente.code }, jaar),
    };
  });
  const zet = (k: string, w: string) => {
    const p = new URLSearchParams(params);
    p.set(k, w);
    setParams(p);
  };
  return (
    <>
      <Heading level={1}>Kaart{v ? `: ${v.gebied.naam}` : ''}</Heading>
      <Paragraph>
        De gemeenten gekleurd naar hun voortgang op één indicator. Kies een gemeente op de kaart of in de
        tabel om haar voortgang te zien.
      </Paragraph>
      <form className="tm-filter" aria-label="Kaart instellen" onSubmit={(e) => e.preventDefault()}>
        {me.organisatie.soort === 'RIJK' ? (
          <FormField label="Provincie">
            {(ids) => (
              <Select ids={ids} value={provincieCode} onChange={(e) => zet('provincie', e.target.value)}>
                {(provincies.data?.provincies ?? []).map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ) : null}
        <FormField label="Indicator">
          {(ids) => (
            <Select ids={ids} value={indicatorCode} onChange={(e) => zet('indicator', e.target.value)}>
              {v?.actielijnen.map((a) => (
                <optgroup key={a.code} label={actielijnLabel(a.code)}>
                  {a.indicatoren.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.naam}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </FormField>
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
      </form>
      <FoutMelding error={error} />
      {loading && !data ? <Laden tekst="De voortgang per gemeente wordt berekend…" /> : null}
      {v ? (
        <>
          {v.peildatumToelichting ? <Alert type="info">{v.peildatumToelichting}</Alert> : null}
          {v.afgeschermd && v.afschermingUitleg ? <Alert type="info">{v.afschermingUitleg}</Alert> : null}
          {indicator && indicator.dekking.weergave ? (
            <Paragraph small>Gegevens van {indicator.dekking.weergave}.</Paragraph>
          ) : null}
          <div className="tm-raster">
            <GemeenteKaart
              titel={`Kaart van ${v.gebied.naam}: ${indicator?.naam ?? ''} per gemeente`}
              gebieden={gebieden}
              legenda={Object.values(KAART_KLEUREN)}
            />
            <Tabel<{ g: GemeenteRij; c: GemeenteRij['indicatoren'][number] | undefined }>
              caption={`${indicator?.naam ?? 'Indicator'} per gemeente`}
              exporteer={`${indicator?.naam ?? 'Indicator'} per gemeente`}
              rijen={rijen}
              sleutel={({ g }) => g.gemeente.code}
              kolommen={[
                {
                  kop: 'Gemeente',
                  cel: ({ g }) => (
                    <Link to={voortgangHref({ soort: 'GEMEENTE', code: g.gemeente.code }, jaar)}>
                      {g.gemeente.naam}
                    </Link>
                  ),
                  rijkop: true,
                },
                { kop: 'Taakstelling', cel: ({ c }) => formatGetal(c?.taakstelling), numeriek: true },
                { kop: 'Gerealiseerd', cel: ({ c }) => c?.realisatie.weergave ?? '–', numeriek: true },
                { kop: '%', cel: ({ c }) => formatPercentage(c?.percentage), numeriek: true },
                {
                  kop: 'Status',
                  cel: ({ c }) =>
                    c?.status ? (KAART_KLEUREN[c.status]?.label ?? c.status) : KAART_KLEUREN.ONBEKEND.label,
                },
              ]}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
