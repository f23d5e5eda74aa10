import {
  TOEWIJZING_KOLOMMEN,
  toewijzingKolomLabel,
  VERPLICHTE_KOLOMMEN,
  type ToewijzingImportFout,
  type ToewijzingImportRapport,
} from '@thuismonitor/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/AuthContext';
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
  Voortgangsbalk,
} from '../../components/nl';
import { formatGetal } from '../../lib/format';
import { usePaginaTitel } from '../../lib/pagina';
import { uploadBestand } from '../../lib/upload';
import { KoppelVoorstel, ToegepasteKoppelingUitleg } from './koppeling';

// the answer of POST /api/toewijzingen/import: the REST contract shared with the API
type ImportRapport = ToewijzingImportRapport;
type ImportFout = ToewijzingImportFout;

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
        url: `${auth.config.apiUrl}/api/toewijzingen/import?proefrun=${dryRun}`,
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
      <Paragraph>
        Heten kolommen of waarden in uw export anders dan Thuismonitor verwacht? Uw{' '}
        <ButtonLink appearance="subtle" to="/toewijzingen/koppeling">
          importkoppeling
        </ButtonLink>{' '}
        legt eenmalig vast wat ze betekenen.
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
        <Paragraph small>
          Heten de kolommen of waarden in uw export anders (bijvoorbeeld ‘Doelgroep’ met ‘STH’ voor
          statushouders)? Leg dat eenmalig vast in uw{' '}
          <ButtonLink appearance="subtle" to="/toewijzingen/koppeling">
            importkoppeling
          </ButtonLink>
          ; na een controle biedt Thuismonitor aan wat het niet herkent te koppelen.
        </Paragraph>
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
                opgeslagen.{' '}
                {stap.rapport.onbekendeWaarden?.length || stap.rapport.ontbrekendeKolommen?.length
                  ? 'Koppel hieronder wat Thuismonitor niet herkent, of pas het bestand aan en controleer het nog eens.'
                  : 'Pas het bestand aan, kies het opnieuw en controleer het nog eens.'}
              </Alert>
            )}
            <ImportSamenvatting rapport={stap.rapport} />
            <KoppelVoorstel
              key={`${stap.rapport.koppeling?.versie ?? 0}-${stap.rapport.aantalFouten}`}
              genegeerdeKolommen={stap.rapport.genegeerdeKolommen ?? []}
              ontbrekendeKolommen={stap.rapport.ontbrekendeKolommen ?? []}
              onbekendeWaarden={stap.rapport.onbekendeWaarden ?? []}
              opgeslagen={() => void verstuur(true, stap.bestand)}
            />
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
      <ToegepasteKoppelingUitleg koppeling={rapport.koppeling} />
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
