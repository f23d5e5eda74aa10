import { useMutation, useQuery } from '@apollo/client/react';
import { AANDACHTSGROEPEN, ACTIELIJNEN } from '@thuismonitor/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
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
  AddAfspraakDocument,
  AddPartijDocument,
  CreatePrestatieafspraakDocument,
  CreateReactieDocument,
  IndicatorenDocument,
  IndienenPrestatieafspraakDocument,
  OndertekenenPrestatieafspraakDocument,
  PartijKandidatenDocument,
  PrestatieafspraakDocument,
  PrestatieafsprakenDocument,
  RemoveAfspraakDocument,
  RemovePartijDocument,
  TerugtrekkenPrestatieafspraakDocument,
  UpdateMijlpaalStatusDocument,
  type Aandachtsgroep,
  type MijlpaalStatus,
  type Actielijn,
  type PrestatieafspraakQuery,
} from '../generated/graphql';
import { useConcept } from '../lib/concept';
import {
  aandachtsgroepLabel,
  actielijnLabel,
  formatDag,
  formatDatumTijd,
  formatGetal,
  organisatieSoortLabel,
  parseGetal,
} from '../lib/format';
import { metEenheid, MIJLPAAL_STATUS_LABELS, STATUS_BADGE } from '../lib/labels';
import { usePaginaTitel } from '../lib/pagina';

type Pa = PrestatieafspraakQuery['prestatieafspraak'];
type AfspraakT = Pa['afspraken'][number];

const looptijd = (van: number, tot: number) => (van === tot ? String(van) : `${van}–${tot}`);

export function AfsprakenPagina() {
  usePaginaTitel('Prestatieafspraken');
  const me = useMe();
  const { data, error, loading } = useQuery(PrestatieafsprakenDocument, { variables: {} });
  const lijst = data?.prestatieafspraken ?? [];
  const teTekenen = lijst.filter((p) => p.mogelijkeActies.includes('ONDERTEKENEN'));
  const opstellen = magIk(me, 'afspraak:opstellen');
  return (
    <>
      <Heading level={1}>Prestatieafspraken</Heading>
      <Paragraph>
        Afspraken tussen gemeente, woningcorporaties en huurdersorganisaties (Woningwet artikel 44), soms
        samen met zorgaanbieders. Een concept wordt door alle partijen ondertekend; daarna is het vastgesteld.
      </Paragraph>
      {opstellen ? (
        <ButtonGroup>
          <ButtonLink appearance="primary-action" to="/afspraken/nieuw">
            {me.organisatie.soort === 'CORPORATIE' ? 'Nieuw bod uitbrengen' : 'Nieuwe prestatieafspraak'}
          </ButtonLink>
        </ButtonGroup>
      ) : null}
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <>
          <section aria-labelledby="kop-tetekenen">
            <Heading level={2} id="kop-tetekenen">
              Wacht op uw ondertekening
            </Heading>
            {teTekenen.length ? (
              <ul className="utrecht-unordered-list">
                {teTekenen.map((p) => (
                  <li key={p.id}>
                    <Link to={`/afspraken/${p.id}`}>{p.titel}</Link> ({p.gemeente.naam},{' '}
                    {looptijd(p.jaarVan, p.jaarTot)})
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>Er wacht niets op uw ondertekening.</Paragraph>
            )}
          </section>
          <section aria-labelledby="kop-alle">
            <Heading level={2} id="kop-alle">
              Alle prestatieafspraken die u kunt zien
            </Heading>
            <Tabel
              caption={`${formatGetal(lijst.length)} prestatieafspraken`}
              exporteer="Prestatieafspraken"
              rijen={lijst}
              sleutel={(p) => p.id}
              kolommen={[
                { kop: 'Titel', cel: (p) => <Link to={`/afspraken/${p.id}`}>{p.titel}</Link>, rijkop: true },
                { kop: 'Gemeente', cel: (p) => p.gemeente.naam },
                { kop: 'Looptijd', cel: (p) => looptijd(p.jaarVan, p.jaarTot) },
                {
                  kop: 'Status',
                  cel: (p) => <StatusBadge soort={STATUS_BADGE[p.status]}>{p.statusLabel}</StatusBadge>,
                },
                { kop: 'Partijen', cel: (p) => formatGetal(p.partijen.length), numeriek: true },
                {
                  kop: 'Nog te tekenen',
                  cel: (p) =>
                    p.status === 'TER_ONDERTEKENING' ? formatGetal(p.ontbrekendeOndertekeningen.length) : '–',
                  numeriek: true,
                },
              ]}
              leeg="Er zijn nog geen prestatieafspraken."
            />
          </section>
        </>
      ) : null}
    </>
  );
}

interface NieuwConcept {
  gemeenteCode: string;
  titel: string;
  jaarVan: string;
  jaarTot: string;
  partijIds: string[];
}

export function NieuweAfspraakPagina() {
  usePaginaTitel('Nieuwe prestatieafspraak');
  const me = useMe();
  const navigate = useNavigate();
  const org = me.organisatie;
  const eigenGemeente = org.soort === 'GEMEENTE' ? (org.gemeente?.code ?? '') : '';
  const volgendJaar = new Date().getFullYear() + 1;
  const [c, setC, wis] = useConcept<NieuwConcept>('nieuwe-prestatieafspraak', {
    gemeenteCode: eigenGemeente,
    titel: '',
    jaarVan: String(volgendJaar),
    jaarTot: String(volgendJaar + 3),
    partijIds: [],
  });
  const gemeenteCode = eigenGemeente || c.gemeenteCode;
  const kandidaten = useQuery(PartijKandidatenDocument, { variables: { gemeenteCode }, skip: !gemeenteCode });
  const partijen = (kandidaten.data?.organisaties ?? []).filter(
    (o) => o.id !== org.id && ['CORPORATIE', 'HUURDERSORGANISATIE', 'ZORGAANBIEDER'].includes(o.soort),
  );
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [maak, { error, loading }] = useMutation(CreatePrestatieafspraakDocument);
  const server = veldFouten(error);

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!gemeenteCode) f.gemeenteCode = 'Kies de gemeente.';
    if (!c.titel.trim()) f.titel = 'Geef de prestatieafspraak een titel.';
    const van = Number(c.jaarVan);
    const tot = Number(c.jaarTot);
    if (!Number.isInteger(van) || van < 2000 || van > 2100)
      f.jaarVan = 'Vul een jaartal in, bijvoorbeeld 2027.';
    if (!Number.isInteger(tot) || tot < 2000 || tot > 2100)
      f.jaarTot = 'Vul een jaartal in, bijvoorbeeld 2030.';
    else if (!f.jaarVan && tot < van) f.jaarTot = 'Het laatste jaar mag niet vóór het eerste jaar liggen.';
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      const r = await maak({
        variables: {
          input: { gemeenteCode, titel: c.titel.trim(), jaarVan: van, jaarTot: tot, partijIds: c.partijIds },
        },
        refetchQueries: [PrestatieafsprakenDocument],
      });
      wis();
      navigate(`/afspraken/${r.data!.createPrestatieafspraak.id}`);
    } catch {
      /* shown below */
    }
  };

  return (
    <>
      <Heading level={1}>
        {org.soort === 'CORPORATIE' ? 'Nieuw bod uitbrengen' : 'Nieuwe prestatieafspraak'}
      </Heading>
      <Paragraph>
        U stelt een concept op. Daarna voegt u de afspraken toe en nodigt u partijen uit. Pas als iedereen het
        eens is, biedt u het concept aan ter ondertekening.
      </Paragraph>
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={verstuur}>
        {org.soort === 'GEMEENTE' ? (
          <DataList items={[{ key: 'Gemeente', value: org.gemeente?.naam ?? org.naam }]} />
        ) : (
          <FormField label="Gemeente" verplicht error={fouten.gemeenteCode ?? server.gemeenteCode}>
            {(ids) => (
              <Select
                ids={ids}
                value={c.gemeenteCode}
                onChange={(e) => setC({ ...c, gemeenteCode: e.target.value, partijIds: [] })}
              >
                <option value="">Kies een gemeente</option>
                {org.werkgebied.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        <FormField label="Titel" verplicht error={fouten.titel ?? server.titel}>
          {(ids) => (
            <Textbox ids={ids} value={c.titel} onChange={(e) => setC({ ...c, titel: e.target.value })} />
          )}
        </FormField>
        <FormField label="Eerste jaar" verplicht error={fouten.jaarVan ?? server.jaarVan}>
          {(ids) => (
            <Textbox
              ids={ids}
              inputMode="numeric"
              size={6}
              value={c.jaarVan}
              onChange={(e) => setC({ ...c, jaarVan: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Laatste jaar (tot en met)" verplicht error={fouten.jaarTot ?? server.jaarTot}>
          {(ids) => (
            <Textbox
              ids={ids}
              inputMode="numeric"
              size={6}
              value={c.jaarTot}
              onChange={(e) => setC({ ...c, jaarTot: e.target.value })}
            />
          )}
        </FormField>
        {gemeenteCode ? (
          <Fieldset legend="Partijen uitnodigen" error={server.partijIds}>
            <Paragraph small>De gemeente en uw eigen organisatie zijn altijd partij.</Paragraph>
            {kandidaten.loading ? <Laden tekst="Organisaties worden geladen…" /> : null}
            {partijen.map((o) => (
              <FormField
                key={o.id}
                label={`${o.naam} (${organisatieSoortLabel(o.soort).toLowerCase()})`}
                checkbox
              >
                {(ids) => (
                  <Checkbox
                    ids={ids}
                    checked={c.partijIds.includes(o.id)}
                    onChange={(e) =>
                      setC({
                        ...c,
                        partijIds: e.target.checked
                          ? [...c.partijIds, o.id]
                          : c.partijIds.filter((x) => x !== o.id),
                      })
                    }
                  />
                )}
              </FormField>
            ))}
          </Fieldset>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Concept aanmaken
          </Button>
          <ButtonLink to="/afspraken">Annuleren</ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}

/** What the status means for this user, in plain language. */
function statusUitleg(pa: Pa, eigenId: string): string {
  const partij = pa.partijen.some((p) => p.id === eigenId);
  switch (pa.status) {
    case 'CONCEPT':
      return 'Dit is een concept. De partijen kunnen de afspraken nog aanpassen en erop reageren. Daarna wordt het aangeboden om te ondertekenen.';
    case 'TER_ONDERTEKENING': {
      const nog = pa.ontbrekendeOndertekeningen.map((o) => o.naam);
      const zelf = pa.ontbrekendeOndertekeningen.some((o) => o.id === eigenId);
      return `De afspraken liggen klaar om te ondertekenen. Ze gelden pas als alle partijen hebben getekend. Nog niet getekend: ${nog.join(', ') || 'niemand'}.${zelf ? ' Uw organisatie moet ook nog tekenen.' : ''}`;
    }
    case 'VASTGESTELD':
      return `Alle partijen hebben getekend${pa.vastgesteldOp ? ` (op ${formatDag(pa.vastgesteldOp)})` : ''}. De afspraken gelden nu${partij ? ' en de voortgang wordt gevolgd' : ''}.`;
    case 'BEEINDIGD':
      return 'Deze prestatieafspraken zijn beëindigd en gelden niet meer.';
    default:
      return '';
  }
}

/** One afspraak as a sentence: who does what, and what counts as done. */
function afspraakInGewoneTaal(a: AfspraakT): ReactNode {
  const doel =
    a.soort === 'MIJLPAAL'
      ? a.mijlpaalDatum
        ? `Klaar uiterlijk ${formatDag(a.mijlpaalDatum)}.`
        : null
      : a.doelwaarden.length && a.indicator
        ? `Doel: ${a.doelwaarden
            .map((d) => `${metEenheid(formatGetal(d.waarde), d.waarde, a.indicator!.eenheid)} in ${d.jaar}`)
            .join(', ')} (${a.indicator.naam.toLowerCase()}).`
        : null;
  return (
    <>
      <strong>{a.verantwoordelijke.naam}</strong> is verantwoordelijk. {doel}
      {a.aandachtsgroep ? ` Voor: ${aandachtsgroepLabel(a.aandachtsgroep).toLowerCase()}.` : ''}
      {a.mijlpaalStatus ? ` Stand: ${MIJLPAAL_STATUS_LABELS[a.mijlpaalStatus] ?? a.mijlpaalStatus}.` : ''}
    </>
  );
}

export function AfspraakDetailPagina() {
  const { id = '' } = useParams();
  const me = useMe();
  const { data, error, loading, refetch } = useQuery(PrestatieafspraakDocument, { variables: { id } });
  const pa = data?.prestatieafspraak;
  usePaginaTitel(pa?.titel ?? 'Prestatieafspraak');
  if (!pa) {
    return (
      <>
        <Heading level={1}>Prestatieafspraak</Heading>
        {loading ? <Laden /> : null}
        <FoutMelding error={error} />
        <Link to="/afspraken">Terug naar de prestatieafspraken</Link>
      </>
    );
  }
  const acties = new Set(pa.mogelijkeActies);
  const getekend = new Map(pa.ondertekeningen.map((o) => [o.organisatie.id, o]));
  return (
    <>
      <Heading level={1}>{pa.titel}</Heading>
      <Paragraph>
        <StatusBadge soort={STATUS_BADGE[pa.status]}>{pa.statusLabel}</StatusBadge>
      </Paragraph>
      <Paragraph lead>{statusUitleg(pa, me.organisatie.id)}</Paragraph>
      <DataList
        items={[
          { key: 'Gemeente', value: pa.gemeente.naam },
          { key: 'Looptijd', value: looptijd(pa.jaarVan, pa.jaarTot) },
          { key: 'Opgesteld door', value: `${pa.opgesteldDoor.naam}${pa.isBod ? ' (bod)' : ''}` },
          { key: 'Versie', value: formatGetal(pa.versienummer) },
          ...(pa.ingediendOp
            ? [{ key: 'Aangeboden ter ondertekening', value: formatDatumTijd(pa.ingediendOp) }]
            : []),
        ]}
      />

      <LevenscyclusActies pa={pa} onGewijzigd={() => void refetch()} />

      <section aria-labelledby="kop-partijen">
        <Heading level={2} id="kop-partijen">
          Partijen en ondertekening
        </Heading>
        <Tabel
          caption="Partijen"
          rijen={pa.partijen}
          sleutel={(p) => p.id}
          kolommen={[
            { kop: 'Partij', cel: (p) => p.naam, rijkop: true },
            { kop: 'Soort', cel: (p) => organisatieSoortLabel(p.soort) },
            {
              kop: 'Ondertekend',
              cel: (p) => {
                const o = getekend.get(p.id);
                return o ? `Ja, door ${o.getekendDoor} op ${formatDatumTijd(o.getekendOp)}` : 'Nog niet';
              },
            },
          ]}
        />
        {acties.has('BEWERKEN') ? <PartijenBewerken pa={pa} /> : null}
      </section>

      <section aria-labelledby="kop-afspraken">
        <Heading level={2} id="kop-afspraken">
          De afspraken
        </Heading>
        {pa.afspraken.length === 0 ? <Paragraph>Er zijn nog geen afspraken toegevoegd.</Paragraph> : null}
        {ACTIELIJNEN.map((lijn) => {
          const van = pa.afspraken.filter((a) => a.actielijn === lijn.code);
          if (!van.length) return null;
          return (
            <div key={lijn.code}>
              <Heading level={3}>{actielijnLabel(lijn.code)}</Heading>
              <ol className="utrecht-ordered-list tm-afspraken">
                {van.map((a) => (
                  <li key={a.id}>
                    <p className="utrecht-paragraph">
                      <strong>{a.omschrijving}</strong>
                    </p>
                    <p className="utrecht-paragraph">{afspraakInGewoneTaal(a)}</p>
                    {a.reacties.length ? (
                      <ul className="tm-reacties" aria-label={`Reacties op: ${a.omschrijving}`}>
                        {a.reacties.map((r) => (
                          <li key={r.id}>
                            <em>
                              {r.auteur} ({r.organisatie.naam}), {formatDatumTijd(r.geplaatstOp)}:
                            </em>{' '}
                            {r.tekst}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {acties.has('BEWERKEN') ? <AfspraakVerwijderen pa={pa} afspraak={a} /> : null}
                    {a.soort === 'MIJLPAAL' &&
                    pa.status === 'VASTGESTELD' &&
                    a.verantwoordelijke.id === me.organisatie.id &&
                    magIk(me, 'afspraak:reageren') ? (
                      <MijlpaalBijwerken afspraak={a} />
                    ) : null}
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
        {acties.has('BEWERKEN') ? <AfspraakToevoegen pa={pa} /> : null}
      </section>

      <section aria-labelledby="kop-reacties">
        <Heading level={2} id="kop-reacties">
          Reacties
        </Heading>
        {pa.reacties.filter((r) => !r.afspraakId).length ? (
          <ul className="tm-reacties">
            {pa.reacties
              .filter((r) => !r.afspraakId)
              .map((r) => (
                <li key={r.id}>
                  <em>
                    {r.auteur} ({r.organisatie.naam}), {formatDatumTijd(r.geplaatstOp)}:
                  </em>{' '}
                  {r.tekst}
                </li>
              ))}
          </ul>
        ) : (
          <Paragraph>Nog geen reacties op de prestatieafspraak als geheel.</Paragraph>
        )}
        {acties.has('REAGEREN') ? <ReactieGeven pa={pa} /> : null}
      </section>
      <Paragraph>
        <Link to="/afspraken">Terug naar de prestatieafspraken</Link>
      </Paragraph>
    </>
  );
}

function LevenscyclusActies({ pa, onGewijzigd }: { pa: Pa; onGewijzigd: () => void }) {
  const me = useMe();
  const acties = new Set(pa.mogelijkeActies);
  const [indienen, indienenStatus] = useMutation(IndienenPrestatieafspraakDocument);
  const [tekenen, tekenenStatus] = useMutation(OndertekenenPrestatieafspraakDocument);
  const [terugtrekken, terugtrekkenStatus] = useMutation(TerugtrekkenPrestatieafspraakDocument);
  const [bevoegd, setBevoegd] = useState(false);
  const [bevoegdFout, setBevoegdFout] = useState<string | null>(null);
  const [reden, setReden] = useState('');
  const [redenFout, setRedenFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const fout = indienenStatus.error ?? tekenenStatus.error ?? terugtrekkenStatus.error;
  const opnieuw = async (fn: () => Promise<unknown>, ok: string) => {
    setMelding(null);
    try {
      await fn();
      setMelding(ok);
    } catch {
      onGewijzigd();
    }
  };
  if (!acties.has('INDIENEN') && !acties.has('ONDERTEKENEN') && !acties.has('TERUGTREKKEN')) {
    return melding ? <Alert type="ok">{melding}</Alert> : null;
  }
  return (
    <section aria-labelledby="kop-acties" className="tm-kaart">
      <Heading level={2} id="kop-acties">
        Wat u nu kunt doen
      </Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={fout} />
      {acties.has('INDIENEN') ? (
        <>
          <Paragraph>
            Zijn de afspraken compleet? Bied ze dan aan ter ondertekening. Daarna kunnen ze niet meer worden
            aangepast, tenzij u ze terugtrekt.
          </Paragraph>
          <Button
            appearance="primary-action"
            busy={indienenStatus.loading}
            onClick={() =>
              opnieuw(
                () => indienen({ variables: { id: pa.id, versie: pa.versie } }),
                'De prestatieafspraak is aangeboden ter ondertekening. Alle partijen kunnen nu tekenen.',
              )
            }
          >
            Ter ondertekening aanbieden
          </Button>
        </>
      ) : null}
      {acties.has('ONDERTEKENEN') ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!bevoegd) {
              setBevoegdFout('Bevestig dat u bevoegd bent om namens uw organisatie te tekenen.');
              return;
            }
            setBevoegdFout(null);
            void opnieuw(
              () => tekenen({ variables: { id: pa.id, versie: pa.versie } }),
              `U hebt ondertekend namens ${me.organisatie.naam}.`,
            );
          }}
        >
          <Paragraph>
            Lees de afspraken hieronder. Met uw handtekening gaat {me.organisatie.naam} ermee akkoord.
          </Paragraph>
          <FormField
            label={`Ik ben bevoegd om namens ${me.organisatie.naam} te tekenen en ga akkoord met deze afspraken`}
            checkbox
            error={bevoegdFout}
          >
            {(ids) => <Checkbox ids={ids} checked={bevoegd} onChange={(e) => setBevoegd(e.target.checked)} />}
          </FormField>
          <Button type="submit" appearance="primary-action" busy={tekenenStatus.loading}>
            Ondertekenen
          </Button>
        </form>
      ) : null}
      {acties.has('TERUGTREKKEN') ? (
        <details className="tm-uitleg">
          <summary>Terugtrekken om aan te passen</summary>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!reden.trim()) {
                setRedenFout('Geef aan waarom u de prestatieafspraak terugtrekt.');
                return;
              }
              setRedenFout(null);
              void opnieuw(
                () => terugtrekken({ variables: { id: pa.id, versie: pa.versie, reden: reden.trim() } }),
                'De prestatieafspraak is teruggetrokken en weer een concept. Gezette handtekeningen vervallen.',
              );
            }}
          >
            <FormField label="Reden" error={redenFout}>
              {(ids) => (
                <Textarea ids={ids} rows={2} value={reden} onChange={(e) => setReden(e.target.value)} />
              )}
            </FormField>
            <Button type="submit" busy={terugtrekkenStatus.loading}>
              Terugtrekken
            </Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

function PartijenBewerken({ pa }: { pa: Pa }) {
  const kandidaten = useQuery(PartijKandidatenDocument, { variables: { gemeenteCode: pa.gemeente.code } });
  const [keuze, setKeuze] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [voegToe, toe] = useMutation(AddPartijDocument);
  const [haalWeg, weg] = useMutation(RemovePartijDocument);
  const huidige = new Set(pa.partijen.map((p) => p.id));
  const opties = (kandidaten.data?.organisaties ?? []).filter(
    (o) => !huidige.has(o.id) && ['CORPORATIE', 'HUURDERSORGANISATIE', 'ZORGAANBIEDER'].includes(o.soort),
  );
  const verwijderbaar = pa.partijen.filter((p) => p.soort !== 'GEMEENTE' && p.id !== pa.opgesteldDoor.id);
  return (
    <div className="tm-raster">
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setMelding(null);
          if (!keuze) {
            setFout('Kies de organisatie die u wilt uitnodigen.');
            return;
          }
          setFout(null);
          const naam = opties.find((o) => o.id === keuze)?.naam;
          try {
            await voegToe({ variables: { id: pa.id, versie: pa.versie, organisatieId: keuze } });
            setMelding(`${naam} is uitgenodigd als partij.`);
            setKeuze('');
          } catch {
            /* shown */
          }
        }}
      >
        <FormField label="Partij uitnodigen" error={fout}>
          {(ids) => (
            <Select ids={ids} value={keuze} onChange={(e) => setKeuze(e.target.value)}>
              <option value="">Kies een organisatie</option>
              {opties.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.naam} ({organisatieSoortLabel(o.soort).toLowerCase()})
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" busy={toe.loading}>
          Uitnodigen
        </Button>
        {melding ? <Alert type="ok">{melding}</Alert> : null}
        <FoutMelding error={toe.error ?? weg.error} />
      </form>
      {verwijderbaar.length ? (
        <div>
          <Heading level={3}>Partij verwijderen</Heading>
          <ul className="utrecht-unordered-list">
            {verwijderbaar.map((p) => (
              <li key={p.id}>
                {p.naam}{' '}
                <Button
                  appearance="subtle"
                  aria-label={`${p.naam} als partij verwijderen`}
                  onClick={() =>
                    void haalWeg({ variables: { id: pa.id, versie: pa.versie, organisatieId: p.id } }).catch(
                      () => undefined,
                    )
                  }
                >
                  Verwijderen
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function MijlpaalBijwerken({ afspraak }: { afspraak: AfspraakT }) {
  const [status, setStatus] = useState<string>(afspraak.mijlpaalStatus ?? 'LOOPT');
  const [toelichting, setToelichting] = useState('');
  const [gereedOp, setGereedOp] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [werkBij, { error, loading }] = useMutation(UpdateMijlpaalStatusDocument);
  return (
    <details className="tm-uitleg">
      <summary>Stand van deze mijlpaal bijwerken</summary>
      <form
        className="tm-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setMelding(null);
          if (!toelichting.trim()) {
            setFout('Licht de stand kort toe.');
            return;
          }
          setFout(null);
          try {
            await werkBij({
              variables: {
                afspraakId: afspraak.id,
                status: status as MijlpaalStatus,
                toelichting: toelichting.trim(),
                gereedOp: status === 'GEREED' && gereedOp ? gereedOp : null,
              },
            });
            setMelding('De stand is bijgewerkt.');
            setToelichting('');
          } catch {
            /* shown */
          }
        }}
      >
        {melding ? <Alert type="ok">{melding}</Alert> : null}
        <FoutMelding error={error} />
        <FormField label="Stand">
          {(ids) => (
            <Select ids={ids} value={status} onChange={(e) => setStatus(e.target.value)}>
              {Object.entries(MIJLPAAL_STATUS_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {status === 'GEREED' ? (
          <FormField label="Gereed op" description="Leeg laten: vandaag.">
            {(ids) => (
              <Textbox ids={ids} type="date" value={gereedOp} onChange={(e) => setGereedOp(e.target.value)} />
            )}
          </FormField>
        ) : null}
        <FormField label="Toelichting" verplicht error={fout}>
          {(ids) => (
            <Textarea
              ids={ids}
              rows={2}
              value={toelichting}
              onChange={(e) => setToelichting(e.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" busy={loading} disabled={loading}>
          Stand opslaan
        </Button>
      </form>
    </details>
  );
}

function AfspraakVerwijderen({ pa, afspraak }: { pa: Pa; afspraak: AfspraakT }) {
  const [weg, { loading }] = useMutation(RemoveAfspraakDocument);
  return (
    <Button
      appearance="subtle"
      busy={loading}
      aria-label={`Afspraak verwijderen: ${afspraak.omschrijving}`}
      onClick={() => {
        if (window.confirm('Deze afspraak verwijderen?'))
          void weg({ variables: { id: pa.id, versie: pa.versie, afspraakId: afspraak.id } }).catch(
            () => undefined,
          );
      }}
    >
      Verwijderen
    </Button>
  );
}

interface AfspraakConcept {
  actielijn: string;
  aandachtsgroep: string;
  omschrijving: string;
  soort: 'INDICATOR' | 'MIJLPAAL';
  indicatorCode: string;
  doelwaarden: Record<string, string>;
  mijlpaalDatum: string;
  verantwoordelijkeId: string;
}

function AfspraakToevoegen({ pa }: { pa: Pa }) {
  const [c, setC, wis] = useConcept<AfspraakConcept>(`afspraak-${pa.id}`, {
    actielijn: 'VOLDOENDE_WONINGEN',
    aandachtsgroep: '',
    omschrijving: '',
    soort: 'INDICATOR',
    indicatorCode: '',
    doelwaarden: {},
    mijlpaalDatum: '',
    verantwoordelijkeId: '',
  });
  const indicatoren = useQuery(IndicatorenDocument, { variables: { actielijn: c.actielijn as Actielijn } });
  const meetbaar = (indicatoren.data?.indicatoren ?? []).filter((i) => i.bron !== 'MIJLPAAL');
  const jaren = Array.from({ length: pa.jaarTot - pa.jaarVan + 1 }, (_, i) => pa.jaarVan + i);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [voegToe, { error, loading }] = useMutation(AddAfspraakDocument);
  const server = veldFouten(error);
  const veld = (k: string) => fouten[k] ?? server[k] ?? null;

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!c.omschrijving.trim()) f.omschrijving = 'Beschrijf de afspraak.';
    if (!c.verantwoordelijkeId) f.verantwoordelijkeId = 'Kies de partij die verantwoordelijk is.';
    const doelwaarden: { jaar: number; waarde: number }[] = [];
    if (c.soort === 'INDICATOR') {
      if (!c.indicatorCode) f.indicatorCode = 'Kies hoe de afspraak wordt gemeten.';
      for (const j of jaren) {
        const t = c.doelwaarden[j] ?? '';
        if (!t.trim()) continue;
        const w = parseGetal(t);
        if (w === undefined) f[`doel${j}`] = `Vul voor ${j} een getal in.`;
        else doelwaarden.push({ jaar: j, waarde: w });
      }
      if (!doelwaarden.length && !Object.keys(f).some((k) => k.startsWith('doel')))
        f[`doel${jaren[0]}`] = 'Vul ten minste één doelwaarde in.';
    } else if (!c.mijlpaalDatum) f.mijlpaalDatum = 'Vul de datum in waarop de mijlpaal bereikt moet zijn.';
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      await voegToe({
        variables: {
          id: pa.id,
          versie: pa.versie,
          input: {
            actielijn: c.actielijn as Actielijn,
            aandachtsgroep: (c.aandachtsgroep || null) as Aandachtsgroep | null,
            omschrijving: c.omschrijving.trim(),
            verantwoordelijkeId: c.verantwoordelijkeId,
            ...(c.soort === 'INDICATOR'
              ? { indicatorCode: c.indicatorCode, doelwaarden }
              : { mijlpaalDatum: c.mijlpaalDatum }),
          },
        },
      });
      setMelding('De afspraak is toegevoegd.');
      wis();
    } catch {
      /* shown */
    }
  };

  return (
    <div className="tm-kaart">
      <Heading level={3}>Afspraak toevoegen</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <FormField label="Actielijn" error={veld('actielijn')}>
          {(ids) => (
            <Select
              ids={ids}
              value={c.actielijn}
              onChange={(e) => setC({ ...c, actielijn: e.target.value, indicatorCode: '' })}
            >
              {ACTIELIJNEN.map((a) => (
                <option key={a.code} value={a.code}>
                  {actielijnLabel(a.code)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Omschrijving" verplicht error={veld('omschrijving')}>
          {(ids) => (
            <Textarea
              ids={ids}
              rows={3}
              value={c.omschrijving}
              onChange={(e) => setC({ ...c, omschrijving: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          label="Aandachtsgroep"
          description="Laat leeg als de afspraak niet over één groep gaat."
          error={veld('aandachtsgroep')}
        >
          {(ids) => (
            <Select
              ids={ids}
              value={c.aandachtsgroep}
              onChange={(e) => setC({ ...c, aandachtsgroep: e.target.value })}
            >
              <option value="">Geen specifieke groep</option>
              {AANDACHTSGROEPEN.map((g) => (
                <option key={g} value={g}>
                  {aandachtsgroepLabel(g)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Soort afspraak" error={veld('soort')}>
          {(ids) => (
            <Select
              ids={ids}
              value={c.soort}
              onChange={(e) => setC({ ...c, soort: e.target.value as AfspraakConcept['soort'] })}
            >
              <option value="INDICATOR">Meetbaar, met een doel per jaar</option>
              <option value="MIJLPAAL">Mijlpaal, met een datum</option>
            </Select>
          )}
        </FormField>
        {c.soort === 'INDICATOR' ? (
          <>
            <FormField label="Gemeten met" verplicht error={veld('indicatorCode')}>
              {(ids) => (
                <Select
                  ids={ids}
                  value={c.indicatorCode}
                  onChange={(e) => setC({ ...c, indicatorCode: e.target.value })}
                >
                  <option value="">Kies een indicator</option>
                  {meetbaar.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.naam}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <Fieldset legend="Doel per jaar">
              {jaren.map((j) => (
                <FormField key={j} label={`Doel ${j}`} error={veld(`doel${j}`)}>
                  {(ids) => (
                    <Textbox
                      ids={ids}
                      inputMode="decimal"
                      size={8}
                      value={c.doelwaarden[j] ?? ''}
                      onChange={(e) => setC({ ...c, doelwaarden: { ...c.doelwaarden, [j]: e.target.value } })}
                    />
                  )}
                </FormField>
              ))}
            </Fieldset>
          </>
        ) : (
          <FormField label="Mijlpaal bereikt op" verplicht error={veld('mijlpaalDatum')}>
            {(ids) => (
              <Textbox
                ids={ids}
                type="date"
                value={c.mijlpaalDatum}
                onChange={(e) => setC({ ...c, mijlpaalDatum: e.target.value })}
              />
            )}
          </FormField>
        )}
        <FormField label="Verantwoordelijke partij" verplicht error={veld('verantwoordelijkeId')}>
          {(ids) => (
            <Select
              ids={ids}
              value={c.verantwoordelijkeId}
              onChange={(e) => setC({ ...c, verantwoordelijkeId: e.target.value })}
            >
              <option value="">Kies een partij</option>
              {pa.partijen.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Afspraak toevoegen
        </Button>
      </form>
    </div>
  );
}

function ReactieGeven({ pa }: { pa: Pa }) {
  const [c, setC, wis] = useConcept(`reactie-${pa.id}`, { tekst: '', afspraakId: '' });
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [plaats, { error, loading }] = useMutation(CreateReactieDocument);
  const server = veldFouten(error);
  return (
    <form
      className="tm-form"
      noValidate
      aria-label="Reageren"
      onSubmit={async (e) => {
        e.preventDefault();
        setMelding(null);
        if (!c.tekst.trim()) {
          setFout('Schrijf uw reactie.');
          return;
        }
        setFout(null);
        try {
          await plaats({
            variables: {
              prestatieafspraakId: pa.id,
              tekst: c.tekst.trim(),
              afspraakId: c.afspraakId || null,
            },
          });
          setMelding('Uw reactie is geplaatst. Alle partijen kunnen haar lezen.');
          wis();
        } catch {
          /* shown */
        }
      }}
    >
      <Heading level={3}>Reageren</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <FormField label="Waarop reageert u?">
        {(ids) => (
          <Select ids={ids} value={c.afspraakId} onChange={(e) => setC({ ...c, afspraakId: e.target.value })}>
            <option value="">Op de prestatieafspraak als geheel</option>
            {pa.afspraken.map((a) => (
              <option key={a.id} value={a.id}>
                {a.omschrijving}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Uw reactie" error={fout ?? server.tekst}>
        {(ids) => (
          <Textarea
            ids={ids}
            rows={4}
            value={c.tekst}
            onChange={(e) => setC({ ...c, tekst: e.target.value })}
          />
        )}
      </FormField>
      <Button type="submit" busy={loading} disabled={loading}>
        Reactie plaatsen
      </Button>
    </form>
  );
}
