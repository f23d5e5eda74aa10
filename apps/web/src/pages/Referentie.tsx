import { useQuery } from '@apollo/client/react';
import { FoutMelding, Laden } from '../components/Fout';
import { FormField, Heading, Paragraph, Select, Tabel } from '../components/nl';
import { OrganisatieSoortKiezer, useZoekFilter, ZoekFormulier, ZoekVeld } from '../components/ZoekFilter';
import {
  GemeentenDocument,
  OrganisatiesDocument,
  ProvinciesDocument,
  type OrganisatieSoort,
} from '../generated/graphql';
import { formatGetal, organisatieSoortLabel } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

export function GemeentenPagina() {
  usePaginaTitel('Gemeenten');
  const filter = useZoekFilter((p) => ({ zoek: p.get('zoek') ?? '', provincie: p.get('provincie') ?? '' }));
  const { zoek, provincie } = filter.gezocht;
  const provincies = useQuery(ProvinciesDocument);
  const { data, error, loading } = useQuery(GemeentenDocument, {
    variables: { filter: { zoek: zoek || null, provincieCode: provincie || null } },
  });
  const rijen = data?.gemeenten ?? [];
  return (
    <>
      <Heading level={1}>Gemeenten</Heading>
      <Paragraph>De gemeenten van de CBS-indeling 2025 (ongewijzigd in 2026).</Paragraph>
      <ZoekFormulier label="Gemeenten zoeken" onZoek={filter.zoek}>
        <ZoekVeld value={filter.invoer.zoek} onChange={(w) => filter.zet('zoek', w)} />
        <FormField label="Provincie">
          {(ids) => (
            <Select
              ids={ids}
              value={filter.invoer.provincie}
              onChange={(e) => filter.zet('provincie', e.target.value)}
            >
              <option value="">Alle provincies</option>
              {provincies.data?.provincies.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </ZoekFormulier>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <Tabel
          caption={`${formatGetal(rijen.length)} gemeenten`}
          exporteer="Gemeenten"
          rijen={rijen}
          sleutel={(g) => g.code}
          kolommen={[
            { kop: 'Gemeente', cel: (g) => g.naam, rijkop: true },
            { kop: 'Code', cel: (g) => g.code },
            { kop: 'Provincie', cel: (g) => g.provincie.naam },
            { kop: 'Woningmarktregio', cel: (g) => g.woningmarktregio?.naam ?? '–' },
            { kop: 'Inwoners', cel: (g) => formatGetal(g.inwoners), numeriek: true },
          ]}
        />
      ) : null}
    </>
  );
}

export function OrganisatiesPagina() {
  usePaginaTitel('Organisaties');
  const filter = useZoekFilter((p) => ({
    zoek: p.get('zoek') ?? '',
    soort: (p.get('soort') ?? '') as OrganisatieSoort | '',
  }));
  const { zoek, soort } = filter.gezocht;
  const { data, error, loading } = useQuery(OrganisatiesDocument, {
    variables: { filter: { zoek: zoek || null, soort: soort || null } },
  });
  const rijen = data?.organisaties ?? [];
  return (
    <>
      <Heading level={1}>Organisaties</Heading>
      <ZoekFormulier label="Organisaties zoeken" onZoek={filter.zoek}>
        <ZoekVeld value={filter.invoer.zoek} onChange={(w) => filter.zet('zoek', w)} />
        <OrganisatieSoortKiezer
          label="Soort organisatie"
          leeg="Alle soorten"
          value={filter.invoer.soort}
          onChange={(s) => filter.zet('soort', s)}
        />
      </ZoekFormulier>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <Tabel
          caption={`${formatGetal(rijen.length)} organisaties`}
          exporteer="Organisaties"
          rijen={rijen}
          sleutel={(o) => o.id}
          kolommen={[
            { kop: 'Organisatie', cel: (o) => o.naam, rijkop: true },
            { kop: 'Soort', cel: (o) => organisatieSoortLabel(o.soort) },
            { kop: 'Code', cel: (o) => o.code },
            {
              kop: 'Werkgebied',
              cel: (o) => (o.werkgebied.length ? o.werkgebied.map((g) => g.naam).join(', ') : '–'),
            },
          ]}
        />
      ) : null}
    </>
  );
}
