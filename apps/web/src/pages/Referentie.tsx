import { useQuery } from '@apollo/client/react';
import { ORGANISATIE_SOORTEN } from '@thuismonitor/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FoutMelding, Laden } from '../components/Fout';
import { Button, FormField, Heading, Paragraph, Select, Tabel, Textbox } from '../components/nl';
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
  const [params, setParams] = useSearchParams();
  const zoek = params.get('zoek') ?? '';
  const provincie = params.get('provincie') ?? '';
  const [invoer, setInvoer] = useState({ zoek, provincie });
  const provincies = useQuery(ProvinciesDocument);
  const { data, error, loading } = useQuery(GemeentenDocument, {
    variables: { filter: { zoek: zoek || null, provincieCode: provincie || null } },
  });
  const rijen = data?.gemeenten ?? [];
  return (
    <>
      <Heading level={1}>Gemeenten</Heading>
      <Paragraph>De gemeenten van de CBS-indeling 2025 (ongewijzigd in 2026).</Paragraph>
      <form
        className="tm-filter"
        role="search"
        aria-label="Gemeenten zoeken"
        onSubmit={(e) => {
          e.preventDefault();
          const p = new URLSearchParams();
          if (invoer.zoek) p.set('zoek', invoer.zoek);
          if (invoer.provincie) p.set('provincie', invoer.provincie);
          setParams(p);
        }}
      >
        <FormField label="Zoek op naam of code">
          {(ids) => (
            <Textbox
              ids={ids}
              value={invoer.zoek}
              onChange={(e) => setInvoer({ ...invoer, zoek: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Provincie">
          {(ids) => (
            <Select
              ids={ids}
              value={invoer.provincie}
              onChange={(e) => setInvoer({ ...invoer, provincie: e.target.value })}
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
        <Button type="submit" appearance="secondary-action">
          Zoeken
        </Button>
      </form>
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
  const [params, setParams] = useSearchParams();
  const zoek = params.get('zoek') ?? '';
  const soort = (params.get('soort') ?? '') as OrganisatieSoort | '';
  const [invoer, setInvoer] = useState({ zoek, soort });
  const { data, error, loading } = useQuery(OrganisatiesDocument, {
    variables: { filter: { zoek: zoek || null, soort: soort || null } },
  });
  const rijen = data?.organisaties ?? [];
  return (
    <>
      <Heading level={1}>Organisaties</Heading>
      <form
        className="tm-filter"
        role="search"
        aria-label="Organisaties zoeken"
        onSubmit={(e) => {
          e.preventDefault();
          const p = new URLSearchParams();
          if (invoer.zoek) p.set('zoek', invoer.zoek);
          if (invoer.soort) p.set('soort', invoer.soort);
          setParams(p);
        }}
      >
        <FormField label="Zoek op naam of code">
          {(ids) => (
            <Textbox
              ids={ids}
              value={invoer.zoek}
              onChange={(e) => setInvoer({ ...invoer, zoek: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Soort organisatie">
          {(ids) => (
            <Select
              ids={ids}
              value={invoer.soort}
              onChange={(e) => setInvoer({ ...invoer, soort: e.target.value as OrganisatieSoort | '' })}
            >
              <option value="">Alle soorten</option>
              {ORGANISATIE_SOORTEN.map((s) => (
                <option key={s} value={s}>
                  {organisatieSoortLabel(s)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" appearance="secondary-action">
          Zoeken
        </Button>
      </form>
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
