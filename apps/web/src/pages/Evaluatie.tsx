import { useMutation, useQuery } from '@apollo/client/react';
import { geschilMogelijk } from '@thuismonitor/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { FoutSamenvatting } from '../components/FoutSamenvatting';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textarea,
  Textbox,
} from '../components/nl';
import {
  EvaluatieDocument,
  GeschillenDocument,
  RegistreerGeschilDocument,
  SlaEvaluatieOpDocument,
  StelEvaluatieVastDocument,
  type EvaluatieOordeel,
  type GeschilOnderwerp,
} from '../generated/graphql';
import { formatDag, formatGetal } from '../lib/format';
import { geenControle, useFormulier } from '../lib/formulier';
import { usePaginaTitel } from '../lib/pagina';

const OORDELEN: { waarde: EvaluatieOordeel; label: string }[] = [
  { waarde: 'GEREALISEERD', label: 'Gerealiseerd' },
  { waarde: 'DEELS', label: 'Deels gerealiseerd' },
  { waarde: 'NIET', label: 'Niet gerealiseerd' },
];

const vandaag = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/**
 * The parties' joint evaluation of one year of a prestatieafspraak: per afspraak the doelwaarde and
 * the realisation Thuismonitor computes, and the parties' oordeel with an explanation. Below it,
 * the geschillen about this prestatieafspraak and a form to register one.
 */
export function EvaluatiePagina() {
  const { id = '' } = useParams();
  const me = useMe();
  const [jaar, setJaar] = useState(new Date().getFullYear() - 1);
  usePaginaTitel(`Evaluatie ${jaar}`);
  const q = useQuery(EvaluatieDocument, { variables: { prestatieafspraakId: id, jaar } });
  const ev = q.data?.evaluatie;
  const [invoer, setInvoer] = useState<Record<string, { oordeel: string; toelichting: string }>>({});
  useEffect(() => {
    if (!ev) return;
    setInvoer(
      Object.fromEntries(
        ev.regels.map((r) => [r.afspraakId, { oordeel: r.oordeel ?? '', toelichting: r.toelichting ?? '' }]),
      ),
    );
  }, [ev]);
  const [slaOp, opslaan] = useMutation(SlaEvaluatieOpDocument);
  const [stelVast, vaststellen] = useMutation(StelEvaluatieVastDocument);
  const [melding, setMelding] = useState<string | null>(null);
  const fout = opslaan.error ?? vaststellen.error;
  // the API's rules only (as before): the summary lists what it said, field by field
  const f = useFormulier(fout);
  const schrijven = magIk(me, 'afspraak:bewerken') && ev?.status !== 'VASTGESTELD';

  const bewaar = async (e: FormEvent) => {
    e.preventDefault();
    if (!ev) return;
    setMelding(null);
    await f.verstuur(geenControle, async () => {
      await slaOp({
        variables: {
          prestatieafspraakId: id,
          jaar,
          versie: ev.versie,
          regels: ev.regels.map((r) => ({
            afspraakId: r.afspraakId,
            oordeel: (invoer[r.afspraakId]?.oordeel || null) as EvaluatieOordeel | null,
            toelichting: invoer[r.afspraakId]?.toelichting || null,
          })),
        },
        refetchQueries: [EvaluatieDocument],
      });
      setMelding('De evaluatie is opgeslagen.');
    });
  };

  const vast = async () => {
    if (!ev) return;
    setMelding(null);
    await f.verstuur(geenControle, async () => {
      await stelVast({
        variables: { prestatieafspraakId: id, jaar, versie: ev.versie },
        refetchQueries: [EvaluatieDocument],
      });
      setMelding('De evaluatie is vastgesteld.');
    });
  };

  return (
    <>
      <Heading level={1}>{`Evaluatie ${jaar}`}</Heading>
      <Paragraph>
        De partijen kijken samen terug op het afgelopen jaar: is elke afspraak gerealiseerd, deels of niet, en
        waarom? De cijfers komen uit de voortgang in Thuismonitor. Elke partij kan invullen; daarna stelt een
        partij de evaluatie vast.
      </Paragraph>
      <FormField label="Jaar">
        {(ids) => (
          <Select ids={ids} value={String(jaar)} onChange={(e) => setJaar(Number(e.target.value))}>
            {[0, 1, 2, 3].map((k) => {
              const j = new Date().getFullYear() - 1 - k;
              return (
                <option key={j} value={String(j)}>
                  {j}
                </option>
              );
            })}
          </Select>
        )}
      </FormField>
      {q.loading ? <Laden /> : null}
      <FoutMelding error={q.error} />
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      {ev ? (
        <>
          <Paragraph>
            {ev.status === 'VASTGESTELD'
              ? `Vastgesteld op ${formatDag(ev.vastgesteldOp)} door ${ev.vastgesteldDoor?.naam ?? 'een partij'}.`
              : ev.status === 'CONCEPT'
                ? 'Concept: de partijen vullen de evaluatie nog in.'
                : 'Nog niet ingevuld.'}
          </Paragraph>
          <FoutSamenvatting {...f.samenvatting} />
          <form ref={f.formulier} className="tm-form" noValidate onSubmit={bewaar}>
            {ev.regels.map((r, i) => (
              <fieldset key={r.afspraakId} className="utrecht-form-fieldset tm-evaluatie-regel">
                <legend className="utrecht-form-fieldset__legend">{`${r.volgnummer}. ${r.omschrijving}`}</legend>
                <Paragraph small>
                  {`Doel ${jaar}: ${r.doelwaarde == null ? '–' : formatGetal(r.doelwaarde)}; gerealiseerd volgens Thuismonitor: ${
                    r.realisatieWeergave ??
                    (r.mijlpaalStatus ? `mijlpaal ${r.mijlpaalStatus.toLowerCase().replace('_', ' ')}` : '–')
                  }.`}
                </Paragraph>
                <FormField label="Oordeel" error={f.fout(`regels[${i}].oordeel`)}>
                  {(ids) => (
                    <Select
                      ids={ids}
                      disabled={!schrijven}
                      value={invoer[r.afspraakId]?.oordeel ?? ''}
                      onChange={(e) =>
                        setInvoer({
                          ...invoer,
                          [r.afspraakId]: { ...invoer[r.afspraakId], oordeel: e.target.value },
                        })
                      }
                    >
                      <option value="">Nog geen oordeel</option>
                      {OORDELEN.map((o) => (
                        <option key={o.waarde} value={o.waarde}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  )}
                </FormField>
                <FormField label="Toelichting" error={f.fout(`regels[${i}].toelichting`)}>
                  {(ids) => (
                    <Textarea
                      ids={ids}
                      disabled={!schrijven}
                      value={invoer[r.afspraakId]?.toelichting ?? ''}
                      onChange={(e) =>
                        setInvoer({
                          ...invoer,
                          [r.afspraakId]: { ...invoer[r.afspraakId], toelichting: e.target.value },
                        })
                      }
                    />
                  )}
                </FormField>
              </fieldset>
            ))}
            {schrijven ? (
              <ButtonGroup>
                <Button type="submit" appearance="primary-action" busy={opslaan.loading}>
                  Evaluatie opslaan
                </Button>
                {ev.status === 'CONCEPT' ? (
                  <Button
                    appearance="secondary-action"
                    busy={vaststellen.loading}
                    onClick={() => void vast()}
                  >
                    Evaluatie vaststellen
                  </Button>
                ) : null}
              </ButtonGroup>
            ) : null}
          </form>
        </>
      ) : null}
      <Geschillen prestatieafspraakId={id} />
      <ButtonLink to={`/afspraken/${id}`}>Terug naar de prestatieafspraak</ButtonLink>
    </>
  );
}

/** Geschillen about this prestatieafspraak, and registering one (window: libs/domain geschil.ts). */
function Geschillen({ prestatieafspraakId }: { prestatieafspraakId: string }) {
  const me = useMe();
  const q = useQuery(GeschillenDocument, { variables: { prestatieafspraakId } });
  const [registreer, { error, loading }] = useMutation(RegistreerGeschilDocument);
  const [c, setC] = useState({
    onderwerp: 'INHOUD' as GeschilOnderwerp,
    omschrijving: '',
    ingediendOp: vandaag(),
  });
  const [melding, setMelding] = useState<string | null>(null);
  const server = veldFouten(error);
  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    try {
      await registreer({
        variables: { invoer: { prestatieafspraakId, ...c } },
        refetchQueries: [GeschillenDocument],
      });
      setMelding('Het geschil is geregistreerd.');
      setC({ ...c, omschrijving: '' });
    } catch {
      /* shown below */
    }
  };
  if (q.error) return null; // not a party: the page above says so already
  return (
    <section aria-labelledby="geschillen">
      <Heading level={2} id="geschillen">
        Geschillen
      </Heading>
      <Paragraph>
        Komen de partijen er niet uit, dan kan een partij het geschil aan de minister voorleggen. Over de
        inhoud kan dat van 1 juli tot en met 29 januari
        {geschilMogelijk(vandaag()) ? ' (nu mogelijk)' : ' (nu niet)'}.
      </Paragraph>
      <Tabel
        caption="Geregistreerde geschillen"
        rijen={q.data?.geschillen ?? []}
        sleutel={(g) => g.id}
        leeg="Er is geen geschil geregistreerd."
        kolommen={[
          { kop: 'Ingediend', cel: (g) => formatDag(g.ingediendOp) },
          { kop: 'Onderwerp', cel: (g) => g.onderwerpLabel },
          { kop: 'Omschrijving', rijkop: true, cel: (g) => g.omschrijving },
          { kop: 'Door', cel: (g) => g.ingediendDoor.naam },
          { kop: 'Status', cel: (g) => g.statusLabel },
          { kop: 'Uitkomst', cel: (g) => g.uitkomst ?? '–' },
        ]}
      />
      {magIk(me, 'afspraak:bewerken') ? (
        <form className="tm-form" noValidate onSubmit={verstuur} aria-labelledby="geschil-registreren">
          <Heading level={3} id="geschil-registreren">
            Geschil registreren
          </Heading>
          {melding ? <Alert type="ok">{melding}</Alert> : null}
          <FoutMelding error={error} />
          <FormField label="Onderwerp" verplicht error={server.onderwerp}>
            {(ids) => (
              <Select
                ids={ids}
                value={c.onderwerp}
                onChange={(e) => setC({ ...c, onderwerp: e.target.value as GeschilOnderwerp })}
              >
                <option value="INHOUD">Inhoud van de afspraken</option>
                <option value="NAKOMING">Nakoming van de afspraken</option>
              </Select>
            )}
          </FormField>
          <FormField
            label="Datum van het verzoek aan de minister"
            verplicht
            description="jjjj-mm-dd"
            error={server.ingediendOp}
          >
            {(ids) => (
              <Textbox
                ids={ids}
                size={12}
                value={c.ingediendOp}
                onChange={(e) => setC({ ...c, ingediendOp: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Waarover gaat het geschil" verplicht error={server.omschrijving}>
            {(ids) => (
              <Textarea
                ids={ids}
                value={c.omschrijving}
                onChange={(e) => setC({ ...c, omschrijving: e.target.value })}
              />
            )}
          </FormField>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action" busy={loading}>
              Geschil registreren
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
