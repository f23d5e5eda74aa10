import { useMutation, useQuery } from '@apollo/client/react';
import { bodFouten, bodJaren, titelFouten } from '@thuismonitor/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import { FoutSamenvatting } from '../components/FoutSamenvatting';
import { ActielijnVeld, GemeenteVeld, IndicatorVeld } from '../components/Keuzevelden';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Tabel,
  Textarea,
  Textbox,
} from '../components/nl';
import {
  BodenDocument,
  MaakBodDocument,
  IndicatorenDocument,
  PartijKandidatenDocument,
  StartPrestatieafspraakUitBodDocument,
  VerzendBodDocument,
  type Actielijn,
  type BodVeldenFragment,
} from '../generated/graphql';
import { actielijnLabel, formatDag, formatGetal, parseGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { useFormulier, type Regel as FormulierRegel } from '../lib/formulier';

/**
 * The bod (Woningwet art. 44): a corporatie's overview of intended activities in a gemeente, sent
 * before 1 July to the gemeente and its huurdersorganisatie(s). The corporatie drafts and sends it
 * here; the gemeente and the huurders find the boden they received, and the gemeente or the
 * corporatie starts a prestatieafspraak from one.
 */
export function BodenPagina() {
  usePaginaTitel('Boden');
  const me = useMe();
  const corporatie = me.organisatie.soort === 'CORPORATIE';
  const boden = useQuery(BodenDocument, { variables: {} });
  const lijst = boden.data?.boden ?? [];
  return (
    <>
      <Heading level={1}>Boden</Heading>
      <Paragraph>
        {corporatie
          ? 'Uw bod is het overzicht van wat uw corporatie de komende vijf jaar in een gemeente wil doen. U stuurt het elk jaar vóór 1 juli naar de gemeente en uw huurdersorganisatie; het opent het overleg over de prestatieafspraken.'
          : 'Hier staan de boden die corporaties u stuurden: hun voorgenomen activiteiten voor de komende jaren. Een bod opent het overleg; het is nog geen afspraak.'}
      </Paragraph>
      {boden.loading ? <Laden /> : null}
      <FoutMelding error={boden.error} />
      <Tabel
        caption={corporatie ? 'Uw boden' : 'Ontvangen boden'}
        rijen={lijst}
        sleutel={(b) => b.id}
        leeg={corporatie ? 'U heeft nog geen bod opgesteld.' : 'Er zijn nog geen boden ontvangen.'}
        kolommen={[
          { kop: 'Bod', rijkop: true, cel: (b) => <Link to={`/boden/${b.id}`}>{b.titel}</Link> },
          { kop: 'Gemeente', cel: (b) => b.gemeente.naam },
          { kop: 'Corporatie', cel: (b) => b.corporatie.naam },
          { kop: 'Jaar', cel: (b) => String(b.jaar) },
          { kop: 'Status', cel: (b) => <BodStatus bod={b} /> },
        ]}
      />
      {corporatie && magIk(me, 'afspraak:opstellen') ? <NieuwBod /> : null}
    </>
  );
}

function BodStatus({ bod }: { bod: BodVeldenFragment }) {
  if (bod.status === 'CONCEPT') return <StatusBadge soort="neutral">Concept</StatusBadge>;
  return (
    <StatusBadge soort={bod.teLaat ? 'warning' : 'success'}>
      {`Verzonden ${formatDag(bod.verzondenOp)}${bod.teLaat ? ' (na 1 juli: te laat)' : ' (op tijd)'}`}
    </StatusBadge>
  );
}

interface Regel {
  jaar: string;
  actielijn: Actielijn;
  omschrijving: string;
  indicatorCode: string;
  aantal: string;
  eenheid: string;
}

const legeRegel = (jaar: number): Regel => ({
  jaar: String(jaar + 1),
  actielijn: 'VOLDOENDE_WONINGEN',
  omschrijving: '',
  indicatorCode: '',
  aantal: '',
  eenheid: '',
});

/** The corporatie drafts a bod: gemeente, year, recipients and the intended activities. */
function NieuwBod() {
  const me = useMe();
  const navigate = useNavigate();
  const ditJaar = new Date().getFullYear();
  const [gemeenteCode, setGemeente] = useState('');
  const [jaar, setJaar] = useState(String(ditJaar));
  const [titel, setTitel] = useState('');
  const [huurders, setHuurders] = useState<string[]>([]);
  const [regels, setRegels] = useState<Regel[]>([legeRegel(ditJaar)]);
  const kandidaten = useQuery(PartijKandidatenDocument, { variables: { gemeenteCode }, skip: !gemeenteCode });
  const huurdersorganisaties = (kandidaten.data?.organisaties ?? []).filter(
    (o) => o.soort === 'HUURDERSORGANISATIE',
  );
  const [maak, { error, loading }] = useMutation(MaakBodDocument);
  const f = useFormulier(error);
  const jaarGetal = Number(jaar);
  const jaren = /^\d{4}$/.test(jaar) ? bodJaren(jaarGetal) : null;

  const invoer = () =>
    regels.map((r) => ({
      jaar: Number(r.jaar),
      actielijn: r.actielijn,
      omschrijving: r.omschrijving,
      indicatorCode: r.indicatorCode || null,
      aantal: r.aantal.trim() ? (parseGetal(r.aantal) ?? Number.NaN) : null,
      eenheid: r.eenheid.trim() || null,
    }));

  const controle = (): FormulierRegel[] => [
    ...(gemeenteCode ? [] : [{ veld: 'gemeenteCode', melding: 'Kies de gemeente.' }]),
    ...(jaren ? [] : [{ veld: 'jaar', melding: 'Vul een jaartal in, bijvoorbeeld 2026.' }]),
    // the API's own rules (libs/domain): title and every line
    ...titelFouten(titel),
    ...(jaren ? bodFouten({ jaar: jaarGetal, regels: invoer() }) : []),
  ];

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    await f.verstuur(controle, async () => {
      const r = await maak({
        variables: {
          invoer: {
            gemeenteCode,
            jaar: jaarGetal,
            titel: titel.trim(),
            huurdersorganisatieIds: huurders,
            regels: invoer(),
          },
        },
        refetchQueries: [BodenDocument],
      });
      navigate(`/boden/${r.data!.maakBod.id}`);
    });
  };

  const zet = (i: number, wijziging: Partial<Regel>) =>
    setRegels(regels.map((r, j) => (j === i ? { ...r, ...wijziging } : r)));

  return (
    <section aria-labelledby="nieuw-bod">
      <Heading level={2} id="nieuw-bod">
        Nieuw bod opstellen
      </Heading>
      <FoutSamenvatting {...f.samenvatting} />
      <form ref={f.formulier} className="tm-form" noValidate onSubmit={verstuur}>
        <GemeenteVeld
          verplicht
          error={f.fout('gemeenteCode')}
          gemeenten={me.organisatie.werkgebied}
          value={gemeenteCode}
          onChange={(g) => (setGemeente(g), setHuurders([]))}
        />
        <FormField
          label="Jaar van het bod"
          verplicht
          description="Het bod gaat over de vijf jaren daarna en moet er uiterlijk 1 juli van dit jaar zijn."
          error={f.fout('jaar')}
        >
          {(ids) => (
            <Textbox
              ids={ids}
              inputMode="numeric"
              size={6}
              value={jaar}
              onChange={(e) => setJaar(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Titel" verplicht error={f.fout('titel')}>
          {(ids) => <Textbox ids={ids} value={titel} onChange={(e) => setTitel(e.target.value)} />}
        </FormField>
        {gemeenteCode ? (
          <Fieldset legend="Sturen aan" error={f.fout('huurdersorganisatieIds')}>
            <Paragraph small>De gemeente krijgt het bod altijd. Kies ook uw huurdersorganisatie.</Paragraph>
            {huurdersorganisaties.map((o) => (
              <FormField key={o.id} label={o.naam} checkbox>
                {(ids) => (
                  <Checkbox
                    ids={ids}
                    checked={huurders.includes(o.id)}
                    onChange={(e) =>
                      setHuurders(e.target.checked ? [...huurders, o.id] : huurders.filter((x) => x !== o.id))
                    }
                  />
                )}
              </FormField>
            ))}
          </Fieldset>
        ) : null}
        {regels.map((r, i) => (
          <BodRegelVelden
            key={i}
            nummer={i + 1}
            regel={r}
            jaren={jaren}
            fouten={(v) => f.fout(`regels[${i}].${v}`)}
            zet={(w) => zet(i, w)}
            verwijder={regels.length > 1 ? () => setRegels(regels.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        <ButtonGroup>
          <Button
            appearance="secondary-action"
            onClick={() => setRegels([...regels, legeRegel(jaarGetal || ditJaar)])}
          >
            Activiteit toevoegen
          </Button>
        </ButtonGroup>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Bod opslaan als concept
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function BodRegelVelden({
  nummer,
  regel,
  jaren,
  fouten,
  zet,
  verwijder,
}: {
  nummer: number;
  regel: Regel;
  jaren: { jaarVan: number; jaarTot: number } | null;
  fouten: (veld: string) => string | null;
  zet: (w: Partial<Regel>) => void;
  verwijder?: () => void;
}) {
  const indicatoren = useQuery(IndicatorenDocument, { variables: { actielijn: regel.actielijn } });
  const meetbaar = (indicatoren.data?.indicatoren ?? []).filter((i) => i.bron !== 'MIJLPAAL');
  const mogelijkeJaren = jaren
    ? Array.from({ length: jaren.jaarTot - jaren.jaarVan + 1 }, (_, k) => jaren.jaarVan + k)
    : [];
  return (
    <Fieldset legend={`Activiteit ${nummer}`}>
      <FormField label="Jaar" verplicht error={fouten('jaar')}>
        {(ids) => (
          <Select ids={ids} value={regel.jaar} onChange={(e) => zet({ jaar: e.target.value })}>
            {mogelijkeJaren.map((j) => (
              <option key={j} value={String(j)}>
                {j}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <ActielijnVeld
        verplicht
        error={fouten('actielijn')}
        value={regel.actielijn}
        onChange={(a) => zet({ actielijn: a as Actielijn, indicatorCode: '' })}
      />
      <FormField label="Wat u van plan bent" verplicht error={fouten('omschrijving')}>
        {(ids) => (
          <Textarea
            ids={ids}
            value={regel.omschrijving}
            onChange={(e) => zet({ omschrijving: e.target.value })}
          />
        )}
      </FormField>
      <IndicatorVeld
        label="Indicator"
        leeg="Geen indicator"
        indicatoren={meetbaar}
        description="Met een indicator en een aantal kan een prestatieafspraak de activiteit overnemen."
        error={fouten('indicatorCode')}
        value={regel.indicatorCode}
        onChange={(indicatorCode) => zet({ indicatorCode })}
      />
      <FormField label="Aantal" error={fouten('aantal')}>
        {(ids) => (
          <Textbox
            ids={ids}
            inputMode="decimal"
            size={8}
            value={regel.aantal}
            onChange={(e) => zet({ aantal: e.target.value })}
          />
        )}
      </FormField>
      {regel.indicatorCode ? null : (
        <FormField
          label="Eenheid van het aantal"
          description="Bijvoorbeeld: woningen"
          error={fouten('eenheid')}
        >
          {(ids) => (
            <Textbox
              ids={ids}
              size={20}
              value={regel.eenheid}
              onChange={(e) => zet({ eenheid: e.target.value })}
            />
          )}
        </FormField>
      )}
      {verwijder ? (
        <Button appearance="subtle" onClick={verwijder}>
          {`Activiteit ${nummer} weghalen`}
        </Button>
      ) : null}
    </Fieldset>
  );
}

/** One bod: its lines per year, who got it, and what the viewer can do now. */
export function BodDetailPagina() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const boden = useQuery(BodenDocument, { variables: {} });
  const bod = boden.data?.boden.find((b) => b.id === id);
  usePaginaTitel(bod?.titel ?? 'Bod');
  const [verzend, verzending] = useMutation(VerzendBodDocument);
  const [start, starten] = useMutation(StartPrestatieafspraakUitBodDocument);
  const [melding, setMelding] = useState<string | null>(null);
  if (boden.loading) return <Laden />;
  if (!bod)
    return (
      <>
        <Heading level={1}>Bod niet gevonden</Heading>
        <FoutMelding error={boden.error} />
        <Paragraph>Dit bod bestaat niet of is niet aan uw organisatie gestuurd.</Paragraph>
        <ButtonLink to="/boden">Naar de boden</ButtonLink>
      </>
    );
  const acties = new Set(bod.mogelijkeActies);
  return (
    <>
      <Heading level={1}>{bod.titel}</Heading>
      {melding ? (
        <Alert type="ok" role="status">
          {melding}
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: 'Status', value: <BodStatus bod={bod} /> },
          { key: 'Corporatie', value: bod.corporatie.naam },
          { key: 'Gemeente', value: bod.gemeente.naam },
          { key: 'Uiterlijk', value: formatDag(bod.deadline) },
          { key: 'Aan', value: bod.ontvangers.map((o) => o.naam).join(', ') },
        ]}
      />
      {bod.toelichting ? <Paragraph>{bod.toelichting}</Paragraph> : null}
      <Tabel
        caption="Voorgenomen activiteiten"
        rijen={bod.regels}
        sleutel={(r) => r.id}
        kolommen={[
          { kop: 'Jaar', cel: (r) => String(r.jaar) },
          { kop: 'Actielijn', cel: (r) => actielijnLabel(r.actielijn) },
          { kop: 'Activiteit', rijkop: true, cel: (r) => r.omschrijving },
          {
            kop: 'Aantal',
            numeriek: true,
            cel: (r) =>
              r.aantal == null ? '–' : `${formatGetal(r.aantal)}${r.eenheid ? ` ${r.eenheid}` : ''}`,
          },
        ]}
      />
      <FoutMelding error={verzending.error ?? starten.error} />
      <ButtonGroup>
        {acties.has('VERZENDEN') ? (
          <Button
            appearance="primary-action"
            busy={verzending.loading}
            onClick={async () => {
              try {
                await verzend({
                  variables: { id: bod.id, versie: bod.versie },
                  refetchQueries: [BodenDocument],
                });
                setMelding('Het bod is verzonden aan de gemeente en de huurdersorganisatie.');
              } catch {
                /* shown by FoutMelding */
              }
            }}
          >
            Bod verzenden
          </Button>
        ) : null}
        {acties.has('PRESTATIEAFSPRAAK_STARTEN') ? (
          <Button
            appearance="primary-action"
            busy={starten.loading}
            onClick={async () => {
              try {
                const r = await start({ variables: { bodId: bod.id } });
                navigate(`/afspraken/${r.data!.startPrestatieafspraakUitBod.id}`);
              } catch {
                /* shown by FoutMelding */
              }
            }}
          >
            Prestatieafspraak starten uit dit bod
          </Button>
        ) : null}
        <ButtonLink to="/boden">Naar de boden</ButtonLink>
      </ButtonGroup>
      {bod.prestatieafspraakIds.length ? (
        <Paragraph>
          Gestart uit dit bod:{' '}
          {bod.prestatieafspraakIds.map((p, i) => (
            <span key={p}>
              {i ? ', ' : ''}
              <Link to={`/afspraken/${p}`}>{`prestatieafspraak ${i + 1}`}</Link>
            </span>
          ))}
        </Paragraph>
      ) : null}
    </>
  );
}
