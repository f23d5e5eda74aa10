import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { magIk, useMe } from '../../auth/MeContext';
import { FoutMelding, Laden } from '../../components/Fout';
import { GemeenteVeld } from '../../components/Keuzevelden';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  FormField,
  Heading,
  Paragraph,
  Tabel,
  Textbox,
} from '../../components/nl';
import { ToewijzingenDocument, VerwijderToewijzingDocument } from '../../generated/graphql';
import { aandachtsgroepLabel, formatDag, formatGetal, segmentLabel } from '../../lib/format';
import { usePaginaTitel } from '../../lib/pagina';
import { PAGINA, useEigenGemeenten } from './gedeeld';

export function ToewijzingenPagina() {
  usePaginaTitel('Toewijzingen');
  const me = useMe();
  const gemeenten = useEigenGemeenten();
  const [filter, setFilter] = useState({ gemeenteCode: '', van: '', tot: '' });
  const [actief, setActief] = useState(filter);
  const variabelen = {
    filter: {
      gemeenteCode: actief.gemeenteCode || null,
      van: actief.van || null,
      tot: actief.tot || null,
    },
    first: PAGINA,
  };
  const { data, error, loading, fetchMore, refetch } = useQuery(ToewijzingenDocument, {
    variables: variabelen,
  });
  const [verwijder, verwijderd] = useMutation(VerwijderToewijzingDocument);
  const [melding, setMelding] = useState<string | null>(null);
  const invoeren = magIk(me, 'toewijzing:invoeren');
  const rijen = data?.toewijzingen.nodes ?? [];
  return (
    <>
      <Heading level={1}>Toewijzingen</Heading>
      <Paragraph>
        Toewijzingen van huurwoningen aan huishoudens, zonder persoonsgegevens: alleen gemeente, datum,
        aandachtsgroep, huishoudgrootte en segment.
        {me.organisatie.soort === 'GEMEENTE'
          ? ' U ziet de toewijzingen van alle corporaties in uw gemeente.'
          : null}
      </Paragraph>
      {invoeren ? (
        <ButtonGroup>
          <ButtonLink appearance="primary-action" to="/toewijzingen/nieuw">
            Toewijzing invoeren
          </ButtonLink>
          <ButtonLink appearance="secondary-action" to="/toewijzingen/importeren">
            Bestand importeren
          </ButtonLink>
        </ButtonGroup>
      ) : null}
      <form
        className="tm-filter"
        aria-label="Toewijzingen filteren"
        onSubmit={(e) => {
          e.preventDefault();
          setActief(filter);
        }}
      >
        <GemeenteVeld
          leeg="Alle gemeenten"
          gemeenten={gemeenten}
          value={filter.gemeenteCode}
          onChange={(gemeenteCode) => setFilter({ ...filter, gemeenteCode })}
        />
        <FormField label="Vanaf datum">
          {(ids) => (
            <Textbox
              ids={ids}
              type="date"
              value={filter.van}
              onChange={(e) => setFilter({ ...filter, van: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Tot en met datum">
          {(ids) => (
            <Textbox
              ids={ids}
              type="date"
              value={filter.tot}
              onChange={(e) => setFilter({ ...filter, tot: e.target.value })}
            />
          )}
        </FormField>
        <Button type="submit">Filteren</Button>
      </form>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error ?? verwijderd.error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <>
          <Tabel
            caption={`${formatGetal(data.toewijzingen.totalCount)} toewijzingen${rijen.length < data.toewijzingen.totalCount ? `, de nieuwste ${formatGetal(rijen.length)} getoond` : ''}`}
            exporteer="Toewijzingen"
            rijen={rijen}
            sleutel={(t) => t.id}
            kolommen={[
              {
                // the kenmerk itself is stored only as a keyed hash: its first characters tell rows apart
                kop: 'Kenmerk (vingerafdruk)',
                cel: (t) => <code>{t.kenmerkVingerafdruk}</code>,
                rijkop: true,
              },
              { kop: 'Datum', cel: (t) => formatDag(t.datum) },
              { kop: 'Gemeente', cel: (t) => t.gemeente.naam },
              {
                kop: 'Aandachtsgroep',
                cel: (t) => (t.aandachtsgroep ? aandachtsgroepLabel(t.aandachtsgroep) : 'Regulier'),
              },
              { kop: 'Huishouden', cel: (t) => formatGetal(t.huishoudgrootte), numeriek: true },
              { kop: 'Segment', cel: (t) => segmentLabel(t.segment) },
              { kop: 'Via urgentie', cel: (t) => (t.viaUrgentie ? 'ja' : 'nee') },
              ...(me.organisatie.soort === 'GEMEENTE'
                ? [{ kop: 'Corporatie', cel: (t: (typeof rijen)[number]) => t.corporatie.naam }]
                : []),
              { kop: 'Vastgelegd via', cel: (t) => (t.importId ? 'import' : 'formulier') },
              ...(invoeren
                ? [
                    {
                      kop: 'Actie',
                      cel: (t: (typeof rijen)[number]) => (
                        <Button
                          appearance="subtle"
                          aria-label={`Toewijzing van ${formatDag(t.datum)} (${t.kenmerkVingerafdruk}) verwijderen`}
                          onClick={async () => {
                            if (
                              !window.confirm(
                                `Toewijzing van ${formatDag(t.datum)} (${t.kenmerkVingerafdruk}) verwijderen?`,
                              )
                            )
                              return;
                            await verwijder({ variables: { id: t.id } });
                            setMelding(
                              `Toewijzing van ${formatDag(t.datum)} (${t.kenmerkVingerafdruk}) is verwijderd.`,
                            );
                            await refetch();
                          }}
                        >
                          Verwijderen
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
            leeg="Er zijn (nog) geen toewijzingen die aan het filter voldoen."
          />
          {data.toewijzingen.pageInfo.hasNextPage ? (
            <Button
              onClick={() =>
                fetchMore({
                  variables: { ...variabelen, after: data.toewijzingen.pageInfo.endCursor },
                  updateQuery: (vorig, { fetchMoreResult }) => ({
                    toewijzingen: {
                      ...fetchMoreResult.toewijzingen,
                      nodes: [...vorig.toewijzingen.nodes, ...fetchMoreResult.toewijzingen.nodes],
                    },
                  }),
                })
              }
            >
              Meer toewijzingen tonen
            </Button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
