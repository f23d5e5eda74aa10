import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { FoutMelding } from '../components/Fout';
import { Alert, Button, FormField, Heading, Link, Paragraph, Tabel } from '../components/nl';
import { ImporteerOrganisatieBestandDocument, ImporteerRegioIndelingDocument } from '../generated/graphql';
import { formatGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

interface Fout {
  regel: number;
  kolom: string;
  melding: string;
}

function FoutenTabel({ fouten }: { fouten: readonly Fout[] }) {
  return (
    <Tabel
      caption={`${formatGetal(fouten.length)} ${fouten.length === 1 ? 'fout' : 'fouten'} – er is niets opgeslagen`}
      rijen={fouten}
      sleutel={(_, i) => String(i)}
      kolommen={[
        { kop: 'Regel', cel: (f) => formatGetal(f.regel), rijkop: true, numeriek: true },
        { kop: 'Kolom', cel: (f) => f.kolom },
        { kop: 'Fout', cel: (f) => f.melding },
      ]}
    />
  );
}

/** A file chosen by the user, read as text in the browser (CSV, UTF-8). */
function BestandKiezer({
  label,
  uitleg,
  onKies,
}: {
  label: string;
  uitleg: ReactNode;
  onKies: (tekst: string | null) => void;
}) {
  return (
    <FormField label={label} description={uitleg}>
      {(ids) => (
        <input
          id={ids.id}
          aria-describedby={ids.describedBy}
          type="file"
          accept=".csv,text/csv"
          className="utrecht-textbox"
          onChange={async (e) => onKies(e.target.files?.[0] ? await e.target.files[0].text() : null)}
        />
      )}
    </FormField>
  );
}

/** A file as base64 (the API reads CSV and XLSX itself). */
function leesBase64(bestand: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const lezer = new FileReader();
    lezer.onload = () => resolve(String(lezer.result).replace(/^data:[^,]*,/, ''));
    lezer.onerror = () => reject(new Error('Het bestand kon niet worden gelezen.'));
    lezer.readAsDataURL(bestand);
  });
}

function OrganisatiesImport() {
  const [bestand, setBestand] = useState<{ naam: string; inhoud: string } | null>(null);
  const [importeer, { data, error, loading, reset }] = useMutation(ImporteerOrganisatieBestandDocument);
  const r = data?.importeerOrganisatieBestand;
  const verstuur = (proefrun: boolean) =>
    importeer({ variables: { bestand: bestand!.inhoud, bestandsnaam: bestand!.naam, proefrun } }).catch(
      () => undefined,
    );
  return (
    <section aria-labelledby="kop-import-organisaties">
      <Heading level={2} id="kop-import-organisaties">
        Organisaties
      </Heading>
      <Paragraph>
        Kolommen <code>soort;code;naam;werkgebied;corporaties</code>. Soort: corporatie, huurdersorganisatie,
        zorgaanbieder, gemeente of provincie. Werkgebied: gemeenten (naam of CBS-code) gescheiden door{' '}
        <code>|</code>. Corporaties: L-nummers, alleen bij een huurdersorganisatie. Een bestaande code wordt
        bijgewerkt (naam, en werkgebied of corporaties als die cel gevuld is). Eerst wordt alles
        gecontroleerd; bij één fout wordt niets opgeslagen.
      </Paragraph>
      <FormField
        label="Bestand met organisaties"
        description="Excel (.xlsx, eerste werkblad) of CSV, gescheiden door ; of ,"
      >
        {(ids) => (
          <input
            id={ids.id}
            aria-describedby={ids.describedBy}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="utrecht-textbox"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              reset();
              setBestand(f ? { naam: f.name, inhoud: await leesBase64(f) } : null);
            }}
          />
        )}
      </FormField>
      <Button disabled={!bestand || loading} busy={loading} onClick={() => verstuur(true)}>
        Bestand controleren
      </Button>
      <FoutMelding error={error} />
      {r ? (
        <div aria-live="polite">
          <Heading level={3}>{r.opgeslagen ? 'Import voltooid' : 'Resultaat van de controle'}</Heading>
          {r.fouten.length ? (
            <FoutenTabel fouten={r.fouten} />
          ) : r.opgeslagen ? (
            <Alert type="ok">
              {formatGetal(r.nieuw.length)} nieuw, {formatGetal(r.bijgewerkt.length)} bijgewerkt. Bekijk ze
              onder <Link to="/beheer">organisatiebeheer</Link>.
            </Alert>
          ) : (
            <>
              <Alert type="ok">
                Alle {formatGetal(r.aantalRijen)} rijen zijn goed: {formatGetal(r.nieuw.length)} nieuw
                {r.nieuw.length ? ` (${r.nieuw.join(', ')})` : ''}, {formatGetal(r.bijgewerkt.length)}{' '}
                bijgewerkt
                {r.bijgewerkt.length ? ` (${r.bijgewerkt.join(', ')})` : ''}.
              </Alert>
              <Button
                appearance="primary-action"
                busy={loading}
                disabled={loading}
                onClick={() => verstuur(false)}
              >
                {formatGetal(r.aantalRijen)} organisaties importeren
              </Button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

function RegioImport() {
  const [inhoud, setInhoud] = useState<string | null>(null);
  const [importeer, { data, error, loading, reset }] = useMutation(ImporteerRegioIndelingDocument);
  const [gecontroleerd, setGecontroleerd] = useState(false);
  const r = data?.importeerWoningmarktregioIndeling;
  return (
    <section aria-labelledby="kop-import-regio">
      <Heading level={2} id="kop-import-regio">
        Woningmarktregio-indeling
      </Heading>
      <Paragraph>
        Kolommen <code>gemeente;woningmarktregio</code> (naam of code). Vervangt de hele indeling; bij één
        fout wordt niets opgeslagen.
      </Paragraph>
      <BestandKiezer
        label="Bestand met de regio-indeling"
        uitleg="CSV, gescheiden door ; of ,"
        onKies={(t) => {
          setInhoud(t);
          setGecontroleerd(false);
          reset();
        }}
      />
      <Button
        disabled={!inhoud || loading}
        busy={loading}
        onClick={() =>
          importeer({ variables: { csv: inhoud!, proefrun: true } }).then(
            () => setGecontroleerd(true),
            () => undefined,
          )
        }
      >
        Indeling controleren
      </Button>
      <FoutMelding error={error} />
      {r ? (
        <div aria-live="polite">
          {r.fouten.length ? (
            <FoutenTabel fouten={r.fouten} />
          ) : r.opgeslagen ? (
            <Alert type="ok">
              De indeling is opgeslagen: {formatGetal(r.gemeentenIngedeeld)} gemeenten ingedeeld.
            </Alert>
          ) : (
            <>
              <Alert type={r.ontbrekendeGemeenten.length ? 'warning' : 'ok'}>
                {formatGetal(r.gemeentenIngedeeld)} gemeenten worden ingedeeld.
                {r.ontbrekendeGemeenten.length
                  ? ` ${formatGetal(r.ontbrekendeGemeenten.length)} gemeenten staan niet in het bestand en krijgen geen regio.`
                  : ''}
              </Alert>
              {gecontroleerd ? (
                <Button
                  appearance="primary-action"
                  busy={loading}
                  disabled={loading}
                  onClick={() =>
                    importeer({ variables: { csv: inhoud!, proefrun: false } }).catch(() => undefined)
                  }
                >
                  Indeling opslaan
                </Button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** /beheer/importeren: bulk onboarding of organisations and the woningmarktregio-indeling, with a check first. */
export function ImportPagina() {
  usePaginaTitel('Importeren (beheer)');
  return (
    <>
      <Heading level={1}>Importeren</Heading>
      <Paragraph>
        <Link to="/beheer">Terug naar organisatiebeheer</Link>
      </Paragraph>
      <OrganisatiesImport />
      <RegioImport />
    </>
  );
}
