import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FoutMelding, Laden } from '../components/Fout';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Link,
  Paragraph,
  Tabel,
  Textbox,
} from '../components/nl';
import { PasHerindelingToeDocument, OpgehevenGemeentenDocument } from '../generated/graphql';
import { formatDatum, formatGetal, prestatieafspraakStatusLabel } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

interface Invoer {
  datum: string;
  nieuweGemeenteCode: string;
  nieuweGemeenteNaam: string;
  oudeGemeenteCodes: string;
  provincieCode: string;
}

/** 1 January of next year: the date a herindeling usually has when the operator prepares it. */
function volgendeEenJanuari(): string {
  return `${new Date().getFullYear() + 1}-01-01`;
}

const codes = (tekst: string) =>
  tekst
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/** Herindelingen already applied: the opgeheven gemeenten and where they went. */
function Toegepast() {
  const { data, error, loading } = useQuery(OpgehevenGemeentenDocument);
  const rijen = (data?.gemeenten ?? []).filter((g) => g.opgehevenOp);
  const naam = new Map((data?.gemeenten ?? []).map((g) => [g.code, g.naam]));
  return (
    <section aria-labelledby="kop-herindeling-toegepast">
      <Heading level={2} id="kop-herindeling-toegepast">
        Toegepaste herindelingen
      </Heading>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data && !rijen.length ? <Paragraph>Er is nog geen herindeling toegepast.</Paragraph> : null}
      {rijen.length ? (
        <Tabel
          caption="Opgeheven gemeenten"
          rijen={rijen}
          sleutel={(g) => g.code}
          kolommen={[
            { kop: 'Gemeente', cel: (g) => `${g.naam} (${g.code})`, rijkop: true },
            { kop: 'Opgeheven per', cel: (g) => formatDatum(g.opgehevenOp!) },
            {
              kop: 'Opgegaan in',
              cel: (g) => `${naam.get(g.opgegaanIn!) ?? g.opgegaanIn} (${g.opgegaanIn})`,
            },
          ]}
        />
      ) : null}
    </section>
  );
}

/**
 * /beheer/herindeling: the platform operator applies a gemeentelijke herindeling (issue 13): fill in
 * the new gemeente and the old CBS codes, check (dry run: what will change), then apply (all or
 * nothing, audited). Rules: docs/decisions.md, "Herindeling"; steps: docs/onboarding.md.
 */
export function HerindelingPagina() {
  usePaginaTitel('Herindeling (beheer)');
  const [v, setV] = useState<Invoer>({
    datum: volgendeEenJanuari(),
    nieuweGemeenteCode: '',
    nieuweGemeenteNaam: '',
    oudeGemeenteCodes: '',
    provincieCode: '',
  });
  const [voerUit, { data, error, loading, reset }] = useMutation(PasHerindelingToeDocument, {
    refetchQueries: [OpgehevenGemeentenDocument],
  });
  const r = data?.pasHerindelingToe;
  const wijzig = (veld: keyof Invoer) => (e: React.ChangeEvent<HTMLInputElement>) => {
    reset();
    setV({ ...v, [veld]: e.target.value });
  };
  const verstuur = (proefrun: boolean) =>
    voerUit({
      variables: {
        proefrun,
        invoer: {
          datum: v.datum.trim(),
          nieuweGemeenteCode: v.nieuweGemeenteCode,
          nieuweGemeenteNaam: v.nieuweGemeenteNaam,
          oudeGemeenteCodes: codes(v.oudeGemeenteCodes),
          provincieCode: v.provincieCode.trim() || null,
        },
      },
    }).catch(() => undefined);
  return (
    <>
      <Heading level={1}>Gemeentelijke herindeling</Heading>
      <Paragraph>
        <Link to="/beheer">Terug naar organisatiebeheer</Link>
      </Paragraph>
      <Paragraph>
        Gemeenten die per 1 januari opgaan in een nieuwe of bestaande gemeente (de CBS-indeling van dat jaar).
        Werkgebieden, taakstellingen vanaf de datum en open of lopende prestatieafspraken gaan naar de nieuwe
        gemeente; cijfers blijven op de oude codes staan en tellen vanaf de datum mee voor de nieuwe gemeente.
        Wat in al afgesloten kwartalen ligt (late toepassing), blijft bij de oude gemeenten.
        Eerst ziet u wat er verandert; toepassen kan vanaf de datum zelf.
      </Paragraph>
      <form
        aria-labelledby="kop-herindeling"
        onSubmit={(e) => {
          e.preventDefault();
          void verstuur(true);
        }}
      >
        <Heading level={2} id="kop-herindeling">
          Herindeling invoeren
        </Heading>
        <FormField label="Datum van herindeling" verplicht description="Altijd 1 januari, als jjjj-01-01.">
          {(ids) => <Textbox ids={ids} value={v.datum} onChange={wijzig('datum')} inputMode="numeric" />}
        </FormField>
        <FormField
          label="CBS-code van de nieuwe gemeente"
          verplicht
          description="Een nieuwe code, of de code van de gemeente waarin de andere opgaan."
        >
          {(ids) => (
            <Textbox ids={ids} value={v.nieuweGemeenteCode} onChange={wijzig('nieuweGemeenteCode')} />
          )}
        </FormField>
        <FormField label="Naam van de nieuwe gemeente" verplicht>
          {(ids) => (
            <Textbox ids={ids} value={v.nieuweGemeenteNaam} onChange={wijzig('nieuweGemeenteNaam')} />
          )}
        </FormField>
        <FormField
          label="CBS-codes van de gemeenten die opgaan"
          verplicht
          description="Gescheiden door komma's, bijvoorbeeld GM0398, GM0416."
        >
          {(ids) => <Textbox ids={ids} value={v.oudeGemeenteCodes} onChange={wijzig('oudeGemeenteCodes')} />}
        </FormField>
        <FormField
          label="Provincie (PV-code)"
          description="Alleen nodig als de gemeenten in verschillende provincies liggen."
        >
          {(ids) => <Textbox ids={ids} value={v.provincieCode} onChange={wijzig('provincieCode')} />}
        </FormField>
        <Button type="submit" disabled={loading} busy={loading}>
          Herindeling controleren
        </Button>
      </form>
      <FoutMelding error={error} />
      {r ? (
        <section aria-live="polite" aria-labelledby="kop-herindeling-resultaat">
          <Heading level={2} id="kop-herindeling-resultaat">
            {r.toegepast ? 'Herindeling toegepast' : 'Wat er verandert'}
          </Heading>
          {r.toegepast ? (
            <Alert type="ok">
              {r.oudeGemeenten.map((g) => g.naam).join(' en ')} zijn per {formatDatum(r.datum)} opgegaan in{' '}
              {r.nieuweGemeente.naam}. De handeling staat in het auditlog.
            </Alert>
          ) : null}
          <DataList
            items={[
              {
                key: 'Nieuwe gemeente',
                value: `${r.nieuweGemeente.naam} (${r.nieuweGemeente.code}, ${r.nieuweGemeente.provincieCode})${
                  r.nieuweGemeenteAangemaakt ? ' – wordt aangemaakt' : ''
                }`,
              },
              {
                key: 'Gemeenten die opgaan',
                value: r.oudeGemeenten.map((g) => `${g.naam} (${g.code})`).join(', '),
              },
              {
                key: 'Werkgebied naar de nieuwe gemeente',
                value: r.werkgebiedOrganisaties.length
                  ? r.werkgebiedOrganisaties.join(', ')
                  : 'geen organisaties',
              },
              { key: 'Taakstellingen vanaf de datum', value: formatGetal(r.taakstellingen) },
              { key: 'Gebruikers die verhuizen', value: formatGetal(r.gebruikers) },
              ...(r.laat
                ? [
                    {
                      key: 'Late toepassing',
                      value: `Kwartalen tot en met ${formatDatum(r.afgeslotenTot)} zijn afgesloten: ${formatGetal(
                        r.taakstellingenAfgesloten,
                      )} taakstelling(en) en ${formatGetal(
                        r.prestatieafsprakenAfgesloten,
                      )} vastgestelde prestatieafspraak/-afspraken daarin blijven bij de oude gemeenten en tellen vanaf de datum mee voor de nieuwe gemeente.`,
                    },
                  ]
                : []),
            ]}
          />
          {r.prestatieafspraken.length ? (
            <Tabel
              caption="Prestatieafspraken die naar de nieuwe gemeente gaan"
              rijen={r.prestatieafspraken}
              sleutel={(p) => p.id}
              kolommen={[
                { kop: 'Titel', cel: (p) => p.titel, rijkop: true },
                {
                  kop: 'Status',
                  cel: (p) =>
                    prestatieafspraakStatusLabel(
                      p.status as Parameters<typeof prestatieafspraakStatusLabel>[0],
                    ),
                },
                { kop: 'Oude gemeente', cel: (p) => p.gemeenteCode },
              ]}
            />
          ) : (
            <Paragraph>Geen open of lopende prestatieafspraken.</Paragraph>
          )}
          {!r.toegepast ? (
            <Button
              appearance="primary-action"
              disabled={loading}
              busy={loading}
              onClick={() => verstuur(false)}
            >
              Herindeling toepassen
            </Button>
          ) : null}
        </section>
      ) : null}
      <Toegepast />
    </>
  );
}
