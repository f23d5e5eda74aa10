import { useMutation, useQuery } from '@apollo/client/react';
import {
  AANDACHTSGROEPEN,
  SEGMENTEN,
  TOEWIJZING_KOLOMMEN,
  toewijzingKolomLabel,
  VERPLICHTE_KOLOMMEN,
} from '@thuismonitor/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthContext';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, foutMeldingen, Laden, veldFouten } from '../components/Fout';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textbox,
  Voortgangsbalk,
} from '../components/nl';
import {
  CreateToewijzingDocument,
  ToewijzingenDocument,
  VerwijderToewijzingDocument,
  type Aandachtsgroep,
  type Segment,
} from '../generated/graphql';
import { useConcept } from '../lib/concept';
import { aandachtsgroepLabel, formatDag, formatGetal, segmentLabel } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { uploadBestand } from '../lib/upload';

const PAGINA = 50;

/** Gemeenten the user can filter on: a corporatie's werkgebied, or the gemeente itself. */
function useEigenGemeenten() {
  const me = useMe();
  const org = me.organisatie;
  if (org.soort === 'GEMEENTE' && org.gemeente) return [org.gemeente];
  return org.werkgebied;
}

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
        <FormField label="Gemeente">
          {(ids) => (
            <Select
              ids={ids}
              value={filter.gemeenteCode}
              onChange={(e) => setFilter({ ...filter, gemeenteCode: e.target.value })}
            >
              <option value="">Alle gemeenten</option>
              {gemeenten.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
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

interface ToewijzingConcept {
  gemeenteCode: string;
  datum: string;
  aandachtsgroep: string;
  huishoudgrootte: string;
  segment: string;
  viaUrgentie: boolean;
  externKenmerk: string;
}

const LEEG_CONCEPT: ToewijzingConcept = {
  gemeenteCode: '',
  datum: '',
  aandachtsgroep: '',
  huishoudgrootte: '',
  segment: 'SOCIALE_HUUR',
  viaUrgentie: false,
  externKenmerk: '',
};

function valideer(c: ToewijzingConcept): Record<string, string> {
  const f: Record<string, string> = {};
  if (!c.gemeenteCode) f.gemeenteCode = 'Kies de gemeente van de woning.';
  if (!c.datum) f.datum = 'Vul de datum van de toewijzing in.';
  const n = Number(c.huishoudgrootte);
  if (!c.huishoudgrootte) f.huishoudgrootte = 'Vul het aantal personen in het huishouden in.';
  else if (!Number.isInteger(n) || n < 1 || n > 20)
    f.huishoudgrootte = 'Vul een heel getal van 1 tot en met 20 in.';
  return f;
}

export function ToewijzingInvoerenPagina() {
  usePaginaTitel('Toewijzing invoeren');
  const gemeenten = useEigenGemeenten();
  const [c, setC, wis] = useConcept<ToewijzingConcept>('toewijzing', LEEG_CONCEPT);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [opgeslagen, setOpgeslagen] = useState<string | null>(null);
  const [maak, { error, loading }] = useMutation(CreateToewijzingDocument);
  const foutenRef = useRef<HTMLDivElement>(null);
  const serverVeld = veldFouten(error);
  const veld = (naam: keyof ToewijzingConcept) => fouten[naam] ?? serverVeld[naam] ?? null;
  const zet = <K extends keyof ToewijzingConcept>(k: K, v: ToewijzingConcept[K]) =>
    setC((oud) => ({ ...oud, [k]: v }));

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setOpgeslagen(null);
    const f = valideer(c);
    setFouten(f);
    if (Object.keys(f).length) {
      requestAnimationFrame(() => foutenRef.current?.focus());
      return;
    }
    try {
      const r = await maak({
        variables: {
          input: {
            gemeenteCode: c.gemeenteCode,
            datum: c.datum,
            aandachtsgroep: (c.aandachtsgroep || null) as Aandachtsgroep | null,
            huishoudgrootte: Number(c.huishoudgrootte),
            segment: c.segment as Segment,
            viaUrgentie: c.viaUrgentie,
            externKenmerk: c.externKenmerk.trim() || null,
          },
        },
      });
      // the typed kenmerk is echoed from the form: the API stores only its hash and never returns it
      const kenmerk = c.externKenmerk.trim();
      setOpgeslagen(
        kenmerk
          ? `De toewijzing is vastgelegd met kenmerk ${kenmerk}.`
          : `De toewijzing is vastgelegd (vingerafdruk ${r.data?.createToewijzing.kenmerkVingerafdruk}).`,
      );
      wis();
    } catch {
      requestAnimationFrame(() => foutenRef.current?.focus());
    }
  };

  const alleFouten = { ...serverVeld, ...fouten };
  return (
    <>
      <Heading level={1}>Toewijzing invoeren</Heading>
      <Paragraph>
        Leg één toewijzing vast. Vul geen namen, adressen of andere persoonsgegevens in. Voor veel
        toewijzingen tegelijk:{' '}
        <ButtonLink appearance="subtle" to="/toewijzingen/importeren">
          bestand importeren
        </ButtonLink>
      </Paragraph>
      {opgeslagen ? <Alert type="ok">{opgeslagen}</Alert> : null}
      <div ref={foutenRef} tabIndex={-1}>
        {Object.keys(fouten).length ? (
          <Alert type="error">
            <p className="utrecht-paragraph">Het formulier is nog niet goed ingevuld:</p>
            <ul>
              {[...new Set(Object.values(alleFouten))].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        ) : error ? (
          <Alert type="error">{foutMeldingen(error).join(' ')}</Alert>
        ) : null}
      </div>
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <FormField label="Gemeente van de woning" verplicht error={veld('gemeenteCode')}>
          {(ids) => (
            <Select
              ids={ids}
              required
              value={c.gemeenteCode}
              onChange={(e) => zet('gemeenteCode', e.target.value)}
            >
              <option value="">Kies een gemeente</option>
              {gemeenten.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Datum van de toewijzing" verplicht error={veld('datum')}>
          {(ids) => (
            <Textbox
              ids={ids}
              type="date"
              required
              value={c.datum}
              onChange={(e) => zet('datum', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label="Aandachtsgroep"
          description="Leeg laten voor een reguliere toewijzing."
          error={veld('aandachtsgroep')}
        >
          {(ids) => (
            <Select
              ids={ids}
              value={c.aandachtsgroep}
              onChange={(e) => zet('aandachtsgroep', e.target.value)}
            >
              <option value="">Geen (regulier)</option>
              {AANDACHTSGROEPEN.map((g) => (
                <option key={g} value={g}>
                  {aandachtsgroepLabel(g)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Aantal personen in het huishouden" verplicht error={veld('huishoudgrootte')}>
          {(ids) => (
            <Textbox
              ids={ids}
              inputMode="numeric"
              required
              value={c.huishoudgrootte}
              onChange={(e) => zet('huishoudgrootte', e.target.value)}
              className="utrecht-textbox--numeric"
              size={4}
            />
          )}
        </FormField>
        <FormField label="Segment" error={veld('segment')}>
          {(ids) => (
            <Select ids={ids} value={c.segment} onChange={(e) => zet('segment', e.target.value)}>
              {SEGMENTEN.map((s) => (
                <option key={s} value={s}>
                  {segmentLabel(s)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Toegewezen via urgentie" checkbox error={veld('viaUrgentie')}>
          {(ids) => (
            <Checkbox
              ids={ids}
              checked={c.viaUrgentie}
              onChange={(e) => zet('viaUrgentie', e.target.checked)}
            />
          )}
        </FormField>
        <FormField
          label="Extern kenmerk"
          description="Het nummer uit uw verhuursysteem. Thuismonitor bewaart het alleen als sleutel-hash en toont het niet terug. Leeg laten: Thuismonitor maakt een kenmerk."
          error={veld('externKenmerk')}
        >
          {(ids) => (
            <Textbox
              ids={ids}
              value={c.externKenmerk}
              onChange={(e) => zet('externKenmerk', e.target.value)}
            />
          )}
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Toewijzing vastleggen
          </Button>
          <ButtonLink to="/toewijzingen">Naar het overzicht</ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}

export interface ImportFout {
  rij: number;
  kolom: string;
  melding: string;
}

export interface ImportRapport {
  dryRun: boolean;
  opgeslagen: boolean;
  importId: string | null;
  rijen: number;
  geldig: number;
  fouten: ImportFout[];
  aantalFouten: number;
  alAanwezig: number;
  nieuw: number;
  /** columns of the file that are not read */
  genegeerdeKolommen?: string[];
}

type ImportStap =
  | { soort: 'leeg' }
  | { soort: 'bezig'; dryRun: boolean; fractie: number; verwerken: boolean }
  | { soort: 'gecontroleerd'; rapport: ImportRapport; bestand: File }
  | { soort: 'geimporteerd'; rapport: ImportRapport }
  | { soort: 'fout'; melding: string; details?: { veld: string; melding: string }[] };

export function ToewijzingenImporterenPagina() {
  usePaginaTitel('Toewijzingen importeren');
  const auth = useAuth();
  const [bestand, setBestand] = useState<File | null>(null);
  const [veldFout, setVeldFout] = useState<string | null>(null);
  const [stap, setStap] = useState<ImportStap>({ soort: 'leeg' });
  const resultaatRef = useRef<HTMLDivElement>(null);

  const verstuur = async (dryRun: boolean, b: File) => {
    setStap({ soort: 'bezig', dryRun, fractie: 0, verwerken: false });
    try {
      const r = await uploadBestand<
        ImportRapport & { message?: string; details?: { veld: string; melding: string }[] }
      >({
        url: `${auth.config.apiUrl}/api/toewijzingen/import?dryRun=${dryRun}`,
        token: auth.token(),
        velden: { bestand: b },
        voortgang: (fractie) => setStap((s) => (s.soort === 'bezig' ? { ...s, fractie } : s)),
        verzonden: () => setStap((s) => (s.soort === 'bezig' ? { ...s, verwerken: true } : s)),
      });
      if (r.status === 401) {
        auth.verlopen();
        setStap({
          soort: 'fout',
          melding: 'Uw sessie is verlopen. Meld u opnieuw aan en kies het bestand opnieuw.',
        });
      } else if (typeof r.body === 'object' && r.body && 'rijen' in r.body) {
        if (dryRun) setStap({ soort: 'gecontroleerd', rapport: r.body, bestand: b });
        else if (r.body.opgeslagen) setStap({ soort: 'geimporteerd', rapport: r.body });
        else setStap({ soort: 'gecontroleerd', rapport: r.body, bestand: b });
      } else {
        const body = r.body as { message?: string; details?: { veld: string; melding: string }[] };
        setStap({
          soort: 'fout',
          melding: body?.message ?? `Het bestand kon niet worden verwerkt (HTTP ${r.status}).`,
          details: body?.details,
        });
      }
    } catch (e) {
      setStap({ soort: 'fout', melding: e instanceof Error ? e.message : 'Het versturen is mislukt.' });
    }
    requestAnimationFrame(() => resultaatRef.current?.focus());
  };

  const controleer = (e: FormEvent) => {
    e.preventDefault();
    if (!bestand) {
      setVeldFout('Kies een CSV- of Excel-bestand (.csv of .xlsx).');
      return;
    }
    setVeldFout(null);
    void verstuur(true, bestand);
  };

  const perRij = new Map<number, ImportFout[]>();
  if (stap.soort === 'gecontroleerd')
    for (const f of stap.rapport.fouten) perRij.set(f.rij, [...(perRij.get(f.rij) ?? []), f]);

  return (
    <>
      <Heading level={1}>Toewijzingen importeren</Heading>
      <Paragraph>
        Lever een export uit uw verhuursysteem aan als CSV (puntkomma of komma) of Excel (.xlsx). Thuismonitor
        controleert eerst elke rij; pas als alles klopt importeert u het bestand. Een bestand dat al eerder is
        geïmporteerd, voegt geen dubbele toewijzingen toe: het extern kenmerk is per corporatie uniek.
      </Paragraph>
      <details className="tm-uitleg">
        <summary>Welke kolommen verwacht Thuismonitor?</summary>
        <ul className="utrecht-unordered-list">
          {TOEWIJZING_KOLOMMEN.map((k) => (
            <li key={k}>
              <code>{k}</code> — {toewijzingKolomLabel(k)}
              {VERPLICHTE_KOLOMMEN.includes(k) ? ' (verplicht)' : ' (optioneel)'}
            </li>
          ))}
        </ul>
        <Paragraph small>Kolommen met namen, adressen, BSN of geboortedatum worden geweigerd.</Paragraph>
      </details>
      <form className="tm-form" noValidate onSubmit={controleer}>
        <FormField
          label="Bestand met toewijzingen"
          description="CSV of Excel (.xlsx), hoogstens 20 MB."
          error={veldFout}
          verplicht
        >
          {(ids) => (
            <Textbox
              ids={ids}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setBestand(e.target.files?.[0] ?? null);
                setStap({ soort: 'leeg' });
                setVeldFout(null);
              }}
            />
          )}
        </FormField>
        <ButtonGroup>
          <Button
            type="submit"
            appearance={
              stap.soort === 'gecontroleerd' && stap.rapport.aantalFouten === 0
                ? 'secondary-action'
                : 'primary-action'
            }
            disabled={stap.soort === 'bezig'}
          >
            Bestand controleren
          </Button>
        </ButtonGroup>
      </form>

      <div ref={resultaatRef} tabIndex={-1} aria-live="polite">
        {stap.soort === 'bezig' ? (
          stap.verwerken ? (
            <>
              <Voortgangsbalk
                label={
                  stap.dryRun ? 'Het bestand wordt gecontroleerd…' : 'De toewijzingen worden geïmporteerd…'
                }
              />
            </>
          ) : (
            <Voortgangsbalk
              label={`Het bestand wordt verstuurd: ${Math.round(stap.fractie * 100)}%`}
              waarde={Math.round(stap.fractie * 100)}
            />
          )
        ) : null}
        {stap.soort === 'fout' ? (
          <Alert type="error">
            {stap.melding}
            {stap.details?.length ? (
              <ul>
                {stap.details.map((d, i) => (
                  <li key={i}>
                    {d.veld}: {d.melding}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {stap.soort === 'gecontroleerd' ? (
          <section aria-labelledby="kop-controle">
            <Heading level={2} id="kop-controle">
              Resultaat van de controle
            </Heading>
            {stap.rapport.aantalFouten === 0 ? (
              <Alert type="ok">
                Alle {formatGetal(stap.rapport.rijen)} rijen zijn goed. {formatGetal(stap.rapport.nieuw)}{' '}
                toewijzingen zijn nieuw
                {stap.rapport.alAanwezig
                  ? `, ${formatGetal(stap.rapport.alAanwezig)} waren al eerder geïmporteerd`
                  : ''}
                . Er is nog niets opgeslagen.
              </Alert>
            ) : (
              <Alert type="error">
                {formatGetal(stap.rapport.aantalFouten)} {stap.rapport.aantalFouten === 1 ? 'fout' : 'fouten'}{' '}
                in {formatGetal(perRij.size)} van de {formatGetal(stap.rapport.rijen)} rijen. Er is niets
                opgeslagen. Pas het bestand aan, kies het opnieuw en controleer het nog eens.
              </Alert>
            )}
            <ImportSamenvatting rapport={stap.rapport} />
            {stap.rapport.fouten.length ? (
              <Tabel
                caption="Fouten per rij (rij 1 is de kopregel)"
                rijen={[...perRij.entries()]}
                sleutel={([rij]) => String(rij)}
                kolommen={[
                  { kop: 'Rij', cel: ([rij]) => formatGetal(rij), rijkop: true, numeriek: true },
                  { kop: 'Kolom', cel: ([, f]) => f.map((x) => x.kolom).join(', ') },
                  {
                    kop: 'Wat er mis is',
                    cel: ([, f]) => (
                      <ul className="tm-rijfout">
                        {f.map((x, i) => (
                          <li key={i}>{x.melding}</li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            ) : null}
            {stap.rapport.aantalFouten === 0 ? (
              <ButtonGroup>
                <Button appearance="primary-action" onClick={() => void verstuur(false, stap.bestand)}>
                  {`${formatGetal(stap.rapport.nieuw)} toewijzingen importeren`}
                </Button>
              </ButtonGroup>
            ) : null}
          </section>
        ) : null}
        {stap.soort === 'geimporteerd' ? (
          <section aria-labelledby="kop-import">
            <Heading level={2} id="kop-import">
              Import voltooid
            </Heading>
            <Alert type="ok">
              {formatGetal(stap.rapport.nieuw)} toewijzingen zijn geïmporteerd
              {stap.rapport.alAanwezig ? ` (${formatGetal(stap.rapport.alAanwezig)} stonden er al in)` : ''}.
            </Alert>
            <ImportSamenvatting rapport={stap.rapport} />
            <ButtonLink to="/toewijzingen">Naar de toewijzingen</ButtonLink>
          </section>
        ) : null}
      </div>
    </>
  );
}

function ImportSamenvatting({ rapport }: { rapport: ImportRapport }) {
  return (
    <>
      {rapport.genegeerdeKolommen?.length ? (
        <Alert type="info">
          Deze kolommen uit het bestand worden niet gebruikt: {rapport.genegeerdeKolommen.join(', ')}.
        </Alert>
      ) : null}
      <Tabel
        caption="Samenvatting"
        rijen={[
          ['Rijen in het bestand', rapport.rijen],
          ['Goede rijen', rapport.geldig],
          ['Rijen met fouten', rapport.rijen - rapport.geldig],
          [rapport.opgeslagen ? 'Nieuw opgeslagen' : 'Nieuw bij importeren', rapport.nieuw],
          ['Al eerder geïmporteerd', rapport.alAanwezig],
        ]}
        sleutel={([k]) => String(k)}
        kolommen={[
          { kop: 'Onderdeel', cel: ([k]) => k, rijkop: true },
          { kop: 'Aantal', cel: ([, v]) => formatGetal(v as number), numeriek: true },
        ]}
      />
    </>
  );
}
