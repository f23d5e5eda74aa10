import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ACTIELIJNEN, formatKwartaal, kwartaalLabel, vorigKwartaal } from '@thuismonitor/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthContext';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Voortgangsbalk,
} from '../components/nl';
import {
  KwartaalrapportagesDocument,
  RapportageAanvraagDocument,
  VraagKwartaalrapportageAanDocument,
  type GebiedSoort,
  type KwartaalrapportagesQuery,
  type RapportageAanvraagQuery,
} from '../generated/graphql';
import { downloadMetToken } from '../lib/download';
import { actielijnLabel, formatDatumTijd, formatGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { recenteKwartalen, kwartaalTekst } from './Kwartaalcijfers';
import { standaardGebied } from '../lib/gebied';

type Rapportage = KwartaalrapportagesQuery['kwartaalrapportages'][number];
type Aanvraag = RapportageAanvraagQuery['rapportageAanvraag'];

const GEBIED_SOORT: Record<string, string> = {
  GEMEENTE: 'Gemeente',
  PROVINCIE: 'Provincie',
  LAND: 'Nederland',
  WONINGMARKTREGIO: 'Woningmarktregio',
};

const grootte = (bytes: number) =>
  bytes < 1024
    ? `${formatGetal(bytes)} B`
    : bytes < 1024 * 1024
      ? `${formatGetal(bytes / 1024, 0)} kB`
      : `${formatGetal(bytes / 1024 / 1024, 1)} MB`;

function actielijnTekst(code: string) {
  if (code === 'ALLE') return 'Alle actielijnen';
  try {
    return actielijnLabel(code as Parameters<typeof actielijnLabel>[0]);
  } catch {
    return code;
  }
}

/**
 * The files of one report. Where the reader may have the exact (intern) variant — the gemeente
 * the report is about — it chooses between the shared and the intern variant first; every
 * download button then gets that variant.
 */
function Downloads({ r }: { r: Rapportage }) {
  const auth = useAuth();
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState<string | null>(null);
  const heeftIntern = r.bestanden.some((b) => b.variant === 'INTERN');
  const [intern, setIntern] = useState(false);
  const keuzeNaam = useId();
  const naam = `${r.gebiedNaam} ${kwartaalTekst(r.kwartaal)} ${actielijnTekst(r.actielijn)}`;
  const bestanden = r.bestanden.filter((b) => (intern ? b.variant === 'INTERN' : b.variant !== 'INTERN'));
  return (
    <>
      {heeftIntern ? (
        <fieldset className="tm-variant">
          <legend>Versie van {naam}</legend>
          <div>
            <label>
              <input type="radio" name={keuzeNaam} checked={!intern} onChange={() => setIntern(false)} />{' '}
              Gedeeld (kleine aantallen afgerond)
            </label>
          </div>
          <div>
            <label>
              <input type="radio" name={keuzeNaam} checked={intern} onChange={() => setIntern(true)} /> Intern
              (exacte aantallen, alleen voor uw gemeente)
            </label>
          </div>
        </fieldset>
      ) : null}
      <ul className="tm-downloads">
        {bestanden.map((b) => {
          const sleutel = `${b.formaat}-${b.variant}`;
          return (
            <li key={sleutel}>
              <Button
                appearance="subtle"
                busy={bezig === sleutel}
                aria-label={`Download ${b.formaat}${b.variant === 'INTERN' ? ' (intern, exacte aantallen)' : ''}: ${naam} (${grootte(b.grootte)})`}
                onClick={async () => {
                  setFout(null);
                  setBezig(sleutel);
                  try {
                    await downloadMetToken(
                      `${auth.config.apiUrl}${b.url}`,
                      auth.token(),
                      `rapportage-${r.gebiedCode}-${r.kwartaal}-v${r.versie}${b.variant === 'INTERN' ? '-intern' : ''}.${b.formaat.toLowerCase()}`,
                    );
                  } catch (e) {
                    setFout(e instanceof Error ? e.message : 'Downloaden is mislukt.');
                  } finally {
                    setBezig(null);
                  }
                }}
              >
                {b.formaat}
                {b.variant === 'INTERN' ? ' (intern)' : ''} · {grootte(b.grootte)}
              </Button>
            </li>
          );
        })}
      </ul>
      {fout ? <Alert type="error">{fout}</Alert> : null}
    </>
  );
}

export function RapportagesPagina() {
  usePaginaTitel('Kwartaalrapportages');
  const me = useMe();
  const client = useApolloClient();
  const standaard = standaardGebied(me);
  const lijst = useQuery(KwartaalrapportagesDocument, { variables: { filter: { alleenNieuwste: true } } });
  const kwartalen = recenteKwartalen(9).slice(1); // only finished quarters
  const [kwartaal, setKwartaal] = useState(
    formatKwartaal(kwartalen[0] ?? vorigKwartaal(recenteKwartalen(1)[0])),
  );
  const [vraagAan, aanvraagStatus] = useMutation(VraagKwartaalrapportageAanDocument);
  const [aanvraag, setAanvraag] = useState<Aanvraag | null>(null);
  const [pollFout, setPollFout] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const magAanvragen = magIk(me, 'rapportage:aanvragen') && standaard;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const volg = async (jobId: string) => {
    try {
      const r = await client.query({
        query: RapportageAanvraagDocument,
        variables: { jobId },
        fetchPolicy: 'network-only',
      });
      const a = r.data?.rapportageAanvraag;
      if (!a) return;
      setAanvraag(a);
      if (a.status === 'GEREED' || a.status === 'MISLUKT') {
        await lijst.refetch();
        return;
      }
      timer.current = setTimeout(() => void volg(jobId), 1000);
    } catch (e) {
      setPollFout(e);
    }
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!standaard) return;
    setPollFout(null);
    setAanvraag(null);
    try {
      const r = await vraagAan({
        variables: { gebied: { soort: standaard.soort as GebiedSoort, code: standaard.code }, kwartaal },
      });
      const a = r.data?.vraagKwartaalrapportageAan;
      if (a) {
        setAanvraag({ ...a, rapportages: [] });
        void volg(a.jobId);
      }
    } catch {
      /* shown */
    }
  };

  const volgorde = ['ALLE', ...ACTIELIJNEN.map((a) => a.code as string)];
  const rijen = [...(lijst.data?.kwartaalrapportages ?? [])].sort(
    (a, b) =>
      b.kwartaal.localeCompare(a.kwartaal) ||
      a.gebiedNaam.localeCompare(b.gebiedNaam, 'nl') ||
      volgorde.indexOf(a.actielijn) - volgorde.indexOf(b.actielijn),
  );
  return (
    <>
      <Heading level={1}>Kwartaalrapportages</Heading>
      <Paragraph>
        Na elk kwartaal maakt Thuismonitor per gebied één rapportage met alle actielijnen, als vaste
        momentopname (PDF, Excel en CSV). Elk bestand vermeldt gebied, kwartaal, versie, peildatum en het
        moment waarop de cijfers zijn gelezen. De gedeelde versie rondt kleine aantallen af; de interne versie
        met exacte aantallen is alleen voor de gemeente zelf en kiest u bij de downloads.
      </Paragraph>
      {magAanvragen ? (
        <section aria-labelledby="kop-aanvragen" className="tm-kaart">
          <Heading level={2} id="kop-aanvragen">
            Rapportage aanvragen
          </Heading>
          <form noValidate onSubmit={start}>
            <Paragraph>
              Gebied:{' '}
              <strong>
                {standaard.soort === 'LAND'
                  ? 'Nederland'
                  : (me.organisatie.gemeente?.naam ?? me.organisatie.provincie?.naam ?? me.organisatie.naam)}
              </strong>
            </Paragraph>
            <FormField label="Kwartaal">
              {(ids) => (
                <Select ids={ids} value={kwartaal} onChange={(e) => setKwartaal(e.target.value)}>
                  {kwartalen.map((k) => (
                    <option key={formatKwartaal(k)} value={formatKwartaal(k)}>
                      {kwartaalLabel(k)}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <ButtonGroup>
              <Button
                type="submit"
                appearance="primary-action"
                disabled={
                  aanvraagStatus.loading ||
                  (aanvraag !== null && !['GEREED', 'MISLUKT'].includes(aanvraag.status))
                }
              >
                Rapportage maken
              </Button>
            </ButtonGroup>
          </form>
          <FoutMelding error={aanvraagStatus.error ?? pollFout} />
          <div aria-live="polite">
            {aanvraag && !['GEREED', 'MISLUKT'].includes(aanvraag.status) ? (
              <Voortgangsbalk
                label={`De rapportage wordt gemaakt (${aanvraag.status === 'WACHTEND' ? 'in de wachtrij' : 'bezig'}): ${formatGetal(aanvraag.voortgang)}%`}
                waarde={aanvraag.voortgang}
              />
            ) : null}
            {aanvraag?.status === 'GEREED' ? (
              <Alert type="ok">De rapportage is klaar. U vindt haar hieronder in de lijst.</Alert>
            ) : null}
            {aanvraag?.status === 'MISLUKT' ? (
              <Alert type="error">
                {aanvraag.melding ?? 'Het maken van de rapportage is mislukt. Probeer het later opnieuw.'}
              </Alert>
            ) : null}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="kop-lijst">
        <Heading level={2} id="kop-lijst">
          Beschikbare rapportages
        </Heading>
        <FoutMelding error={lijst.error} />
        {lijst.loading && !lijst.data ? <Laden /> : null}
        {lijst.data ? (
          <Tabel
            caption={`${formatGetal(rijen.length)} rapportages (nieuwste versie)`}
            rijen={rijen}
            sleutel={(r) => r.id}
            kolommen={[
              { kop: 'Rapportage', cel: (r) => `${actielijnTekst(r.actielijn)}`, rijkop: true },
              {
                kop: 'Gebied',
                cel: (r) => `${r.gebiedNaam} (${GEBIED_SOORT[r.gebiedSoort] ?? r.gebiedSoort})`,
              },
              { kop: 'Kwartaal', cel: (r) => kwartaalTekst(r.kwartaal) },
              { kop: 'Versie', cel: (r) => formatGetal(r.versie), numeriek: true },
              { kop: 'Cijfers van', cel: (r) => formatDatumTijd(r.peilmoment) },
              { kop: 'Downloaden', cel: (r) => <Downloads r={r} /> },
            ]}
            leeg="Er zijn nog geen rapportages."
          />
        ) : null}
      </section>
    </>
  );
}
