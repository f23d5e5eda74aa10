import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { FoutMelding, foutMeldingen, Laden, veldFouten } from '../components/Fout';
import { FoutSamenvatting } from '../components/FoutSamenvatting';
import { InvoerSectie } from '../components/InvoerSectie';
import { OrganisatieSoortKiezer, useZoekFilter, ZoekFormulier, ZoekVeld } from '../components/ZoekFilter';
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
  Textbox,
} from '../components/nl';
import {
  BeheerCorporatiesDocument,
  BeheerOrganisatieDocument,
  BeheerOrganisatiesDocument,
  MaakGebruikerDocument,
  MaakOrganisatieDocument,
  DeactiveerGebruikerDocument,
  DeactiveerOrganisatieDocument,
  GemeentenDocument,
  HeractiveerOrganisatieDocument,
  HernoemOrganisatieDocument,
  VoegOrganisatieSamenDocument,
  WijzigHuurderCorporatiesDocument,
  WijzigWerkgebiedDocument,
  type BeheerOrganisatieQuery,
  type OrganisatieSoort,
} from '../generated/graphql';
import { formatDatumTijd, formatGetal, organisatieSoortLabel, ROL_LABELS } from '../lib/format';
import { geenControle, useFormulier } from '../lib/formulier';
import { usePaginaTitel } from '../lib/pagina';
import { BeheerAandacht } from './BeheerAandacht';

const MET_WERKGEBIED: readonly OrganisatieSoort[] = ['CORPORATIE', 'ZORGAANBIEDER', 'HUURDERSORGANISATIE'];
const CODE_UITLEG: Record<OrganisatieSoort, string> = {
  CORPORATIE: 'Het L-nummer van de Autoriteit woningcorporaties, bijvoorbeeld L0801.',
  GEMEENTE: 'De CBS-gemeentecode, bijvoorbeeld GM0344. De naam komt uit de CBS-indeling.',
  PROVINCIE: 'De CBS-provinciecode, bijvoorbeeld PV26. De naam komt uit de CBS-indeling.',
  HUURDERSORGANISATIE: 'Het KVK-nummer (8 cijfers).',
  ZORGAANBIEDER: 'Het KVK-nummer (8 cijfers).',
  RIJK: 'Een afkorting van 2 tot 10 hoofdletters, bijvoorbeeld BZK.',
};
const ROLLEN = ['lezen', 'invoeren', 'tekenen', 'beheren'] as const;

/** Gemeente names or codes, separated by commas or new lines, to CBS codes (unknown ones stay as typed: the API names them). */
function useWerkgebiedInvoer() {
  const { data } = useQuery(GemeentenDocument, { variables: { filter: {} } });
  const opNaam = new Map((data?.gemeenten ?? []).map((g) => [g.naam.toLocaleLowerCase('nl'), g.code]));
  return (tekst: string) =>
    tekst
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => opNaam.get(s.toLocaleLowerCase('nl')) ?? s);
}

/** /beheer: the operator's organisation list, with what needs attention. */
export function BeheerPagina() {
  usePaginaTitel('Organisatiebeheer');
  const filter = useZoekFilter((p) => ({
    zoek: p.get('zoek') ?? '',
    soort: (p.get('soort') ?? '') as OrganisatieSoort | '',
    alle: p.get('alle') === '1',
  }));
  const { zoek, soort, alle } = filter.gezocht;
  const { data, error, loading } = useQuery(BeheerOrganisatiesDocument, {
    variables: { filter: { zoek: zoek || null, soort: soort || null, inclusiefGedeactiveerd: alle } },
    fetchPolicy: 'cache-and-network',
  });
  const rijen = data?.beheerOrganisaties ?? [];
  return (
    <>
      <Heading level={1}>Organisatiebeheer</Heading>
      <Paragraph lead>
        Organisaties aanmaken met hun officiële code, werkgebieden bijhouden en gebruikers registreren. Elke
        handeling komt in het auditlog.
      </Paragraph>
      <ButtonGroup>
        <ButtonLink appearance="primary-action" to="/beheer/nieuw">
          Nieuwe organisatie
        </ButtonLink>
        <ButtonLink to="/beheer/importeren">Importeren</ButtonLink>
        <ButtonLink to="/beheer/herindeling">Herindeling</ButtonLink>
      </ButtonGroup>
      <BeheerAandacht />
      <Heading level={2}>Organisaties</Heading>
      <ZoekFormulier label="Organisaties zoeken" onZoek={filter.zoek}>
        <ZoekVeld value={filter.invoer.zoek} onChange={(w) => filter.zet('zoek', w)} />
        <OrganisatieSoortKiezer
          label="Soort"
          leeg="Alle soorten"
          value={filter.invoer.soort}
          onChange={(s) => filter.zet('soort', s)}
        />
        <FormField label="Ook gedeactiveerde organisaties" checkbox>
          {(ids) => (
            <Checkbox
              ids={ids}
              checked={filter.invoer.alle}
              onChange={(e) => filter.zet('alle', e.target.checked)}
            />
          )}
        </FormField>
      </ZoekFormulier>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <Tabel
          caption={`${formatGetal(rijen.length)} ${rijen.length === 1 ? 'organisatie' : 'organisaties'}`}
          rijen={rijen}
          sleutel={(o) => o.id}
          kolommen={[
            { kop: 'Organisatie', cel: (o) => <Link to={`/beheer/${o.id}`}>{o.naam}</Link>, rijkop: true },
            { kop: 'Soort', cel: (o) => organisatieSoortLabel(o.soort) },
            { kop: 'Code', cel: (o) => o.code },
            {
              kop: 'Werkgebied',
              cel: (o) => (MET_WERKGEBIED.includes(o.soort) ? formatGetal(o.werkgebiedCodes.length) : '–'),
              numeriek: true,
            },
            { kop: 'Gebruikers', cel: (o) => formatGetal(o.aantalGebruikers), numeriek: true },
            {
              kop: 'Status',
              cel: (o) => (o.actief ? 'Actief' : <StatusBadge soort="warning">Gedeactiveerd</StatusBadge>),
            },
          ]}
        />
      ) : null}
    </>
  );
}

/** /beheer/nieuw: a new organisation of any kind, with werkgebied and corporaties where they apply. */
export function NieuweOrganisatiePagina() {
  usePaginaTitel('Nieuwe organisatie');
  const navigate = useNavigate();
  const naarCodes = useWerkgebiedInvoer();
  // Fetched with the page (as before), so the list is there the moment HUURDERSORGANISATIE is chosen.
  useQuery(BeheerCorporatiesDocument);
  const [v, setV] = useState({
    soort: 'CORPORATIE' as OrganisatieSoort,
    code: '',
    naam: '',
    werkgebied: '',
    corporaties: [] as string[],
  });
  const [maak, { error, loading }] = useMutation(MaakOrganisatieDocument);
  const f = useFormulier(error);
  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    await f.verstuur(geenControle, async () => {
      const r = await maak({
        variables: {
          invoer: {
            soort: v.soort,
            code: v.code,
            naam: v.naam.trim() || null,
            werkgebied: MET_WERKGEBIED.includes(v.soort) ? naarCodes(v.werkgebied) : null,
            corporatieIds: v.soort === 'HUURDERSORGANISATIE' ? v.corporaties : null,
          },
        },
      });
      navigate(`/beheer/${r.data!.maakOrganisatie.id}?nieuw=1`);
    });
  };
  const naamVerplicht = v.soort !== 'GEMEENTE' && v.soort !== 'PROVINCIE';
  return (
    <>
      <Heading level={1}>Nieuwe organisatie</Heading>
      <Paragraph>
        <Link to="/beheer">Terug naar organisatiebeheer</Link>
      </Paragraph>
      <FoutSamenvatting {...f.samenvatting} />
      <form ref={f.formulier} className="tm-form" noValidate onSubmit={verstuur}>
        <OrganisatieSoortKiezer
          label="Soort organisatie"
          verplicht
          value={v.soort}
          onChange={(soort) => setV({ ...v, soort })}
        />
        <FormField label="Code" verplicht description={CODE_UITLEG[v.soort]} error={f.fout('code')}>
          {(ids) => (
            <Textbox ids={ids} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
          )}
        </FormField>
        <FormField
          label="Naam"
          verplicht={naamVerplicht}
          description={naamVerplicht ? undefined : 'Leeg laten voor de naam uit de CBS-indeling.'}
          error={f.fout('naam')}
        >
          {(ids) => (
            <Textbox ids={ids} value={v.naam} onChange={(e) => setV({ ...v, naam: e.target.value })} />
          )}
        </FormField>
        {MET_WERKGEBIED.includes(v.soort) ? (
          <FormField
            label="Werkgebied"
            description="Gemeenten (naam of CBS-code), gescheiden door komma's. U kunt dit later aanvullen."
            error={f.fout('werkgebied')}
          >
            {(ids) => (
              <Textbox
                ids={ids}
                value={v.werkgebied}
                onChange={(e) => setV({ ...v, werkgebied: e.target.value })}
              />
            )}
          </FormField>
        ) : null}
        {v.soort === 'HUURDERSORGANISATIE' ? (
          <CorporatieKeuze
            gekozen={v.corporaties}
            onChange={(corporaties) => setV({ ...v, corporaties })}
            error={f.fout('corporatieIds')}
          />
        ) : null}
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Organisatie aanmaken
        </Button>
      </form>
    </>
  );
}

/** /beheer/:id: one organisation: naam, werkgebied, corporaties, status, users and the audit trail. */
export function OrganisatieBeheerPagina() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery(BeheerOrganisatieDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const org = data?.beheerOrganisatie;
  usePaginaTitel(org ? `Beheer: ${org.naam}` : 'Organisatie');
  if (!org) {
    return (
      <>
        <Heading level={1}>Organisatie</Heading>
        <FoutMelding error={error} />
        {loading ? <Laden /> : null}
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{org.naam}</Heading>
      <Paragraph>
        <Link to="/beheer">Terug naar organisatiebeheer</Link>
      </Paragraph>
      {params.get('nieuw') ? <Alert type="ok">De organisatie {org.naam} is aangemaakt.</Alert> : null}
      {org.opgegaanIn ? (
        <Alert type="info">
          Deze organisatie is opgegaan in{' '}
          <Link to={`/beheer/${org.opgegaanIn.id}`}>{org.opgegaanIn.naam}</Link>.
        </Alert>
      ) : null}
      {!org.actief ? (
        <Alert type="warning">
          Deze organisatie is gedeactiveerd op {formatDatumTijd(org.gedeactiveerdOp)}. Haar gegevens blijven
          leesbaar; nieuwe invoer wordt geweigerd.
        </Alert>
      ) : null}
      <DataList
        items={[
          { key: 'Soort', value: organisatieSoortLabel(org.soort) },
          { key: 'Code', value: org.code },
          { key: 'Aangemaakt', value: formatDatumTijd(org.aangemaaktOp) },
          ...(MET_WERKGEBIED.includes(org.soort)
            ? [
                {
                  key: 'Werkgebied',
                  value: org.werkgebied.map((g) => g.naam).join(', ') || 'Nog geen werkgebied',
                },
              ]
            : []),
        ]}
      />
      {org.actief ? (
        <>
          <NaamFormulier id={org.id} naam={org.naam} />
          {MET_WERKGEBIED.includes(org.soort) ? (
            <WerkgebiedFormulier id={org.id} huidig={org.werkgebied.map((g) => g.naam)} />
          ) : null}
          {org.soort === 'HUURDERSORGANISATIE' ? (
            <CorporatiesFormulier id={org.id} huidig={org.corporatieIds} />
          ) : null}
        </>
      ) : null}
      <GebruikersBlok org={org} opnieuw={() => refetch()} />
      {org.actief && MET_WERKGEBIED.includes(org.soort) ? <SamenvoegBlok org={org} /> : null}
      <StatusBlok id={org.id} actief={org.actief} naam={org.naam} />
      <Heading level={2}>Auditlog</Heading>
      <Tabel
        caption="Handelingen op deze organisatie, nieuwste eerst"
        rijen={org.historie}
        sleutel={(_, i) => String(i)}
        kolommen={[
          { kop: 'Tijdstip', cel: (h) => formatDatumTijd(h.tijdstip), rijkop: true },
          { kop: 'Door', cel: (h) => h.gebruikersnaam ?? '–' },
          { kop: 'Handeling', cel: (h) => ACTIES[h.actie] ?? h.actie },
          { kop: 'Wijziging', cel: (h) => verschil(h.voor, h.na) },
        ]}
      />
    </>
  );
}

/** Saves text the page already has as a file (no second request). */
function bewaarBestand(naam: string, inhoud: string) {
  const href = URL.createObjectURL(new Blob([inhoud], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = naam;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

const ACTIES: Record<string, string> = {
  CREATE_ORGANISATIE: 'Aangemaakt',
  HERNOEM_ORGANISATIE: 'Naam gewijzigd',
  WIJZIG_WERKGEBIED: 'Werkgebied gewijzigd',
  WIJZIG_CORPORATIES: 'Corporaties gewijzigd',
  DEACTIVEER_ORGANISATIE: 'Gedeactiveerd',
  HERACTIVEER_ORGANISATIE: 'Heractiveerd',
  CREATE_GEBRUIKER: 'Gebruiker geregistreerd',
  OPGEGAAN_IN: 'Opgegaan in andere organisatie',
  SAMENVOEGING: 'Samengevoegd',
  DEACTIVEER_GEBRUIKER: 'Gebruiker gedeactiveerd',
};

/** What changed between the audit row's before and after, in words. */
function verschil(voor: string | null, na: string | null): string {
  const v = voor ? (JSON.parse(voor) as Record<string, unknown>) : {};
  const n = na ? (JSON.parse(na) as Record<string, unknown>) : {};
  const tekst = (x: unknown): string => {
    if (Array.isArray(x)) return x.join(', ') || 'geen';
    if (typeof x === 'boolean') return x ? 'ja' : 'nee';
    if (x && typeof x === 'object') {
      const g = x as { gebruikersnaam?: string; rollen?: string[]; actief?: boolean };
      if (g.gebruikersnaam) {
        return `${g.gebruikersnaam}${g.rollen ? ` (${g.rollen.join(', ')})` : ''}${g.actief === false ? ' gedeactiveerd' : ''}`;
      }
      return JSON.stringify(x);
    }
    return x === undefined || x === null ? '–' : String(x);
  };
  const delen: string[] = [];
  for (const k of Object.keys(n)) {
    if (JSON.stringify(v[k]) === JSON.stringify(n[k])) continue;
    delen.push(
      voor && k in v && k !== 'gebruiker' ? `${k}: ${tekst(v[k])} → ${tekst(n[k])}` : `${k}: ${tekst(n[k])}`,
    );
  }
  return delen.join('; ') || '–';
}

/**
 * One part of an organisation saved on its own (naam, werkgebied, corporaties): a section with its
 * heading, the confirmation after saving, the error of the last attempt, and the form.
 */
function OpslaanSectie({
  kopId,
  kop,
  opgeslagen,
  knop,
  error,
  loading,
  opslaan,
  children,
}: {
  kopId: string;
  kop: string;
  opgeslagen: ReactNode;
  knop: string;
  error: unknown;
  loading: boolean;
  opslaan: () => Promise<unknown>;
  children: ReactNode;
}) {
  const [klaar, setKlaar] = useState(false);
  return (
    <InvoerSectie
      kopId={kopId}
      kop={kop}
      melding={klaar ? opgeslagen : null}
      error={error}
      onSubmit={async (e) => {
        e.preventDefault();
        setKlaar(false);
        await opslaan().then(
          () => setKlaar(true),
          () => undefined,
        );
      }}
    >
      {children}
      <Button type="submit" busy={loading} disabled={loading}>
        {knop}
      </Button>
    </InvoerSectie>
  );
}

function NaamFormulier({ id, naam }: { id: string; naam: string }) {
  const [waarde, setWaarde] = useState(naam);
  const [hernoem, { error, loading }] = useMutation(HernoemOrganisatieDocument);
  return (
    <OpslaanSectie
      kopId="kop-naam"
      kop="Naam"
      opgeslagen="De naam is opgeslagen."
      knop="Naam opslaan"
      error={error}
      loading={loading}
      opslaan={() => hernoem({ variables: { id, naam: waarde } })}
    >
      <FormField label="Naam van de organisatie" error={veldFouten(error).naam ?? null}>
        {(ids) => <Textbox ids={ids} value={waarde} onChange={(e) => setWaarde(e.target.value)} />}
      </FormField>
    </OpslaanSectie>
  );
}

function WerkgebiedFormulier({ id, huidig }: { id: string; huidig: string[] }) {
  const naarCodes = useWerkgebiedInvoer();
  const [waarde, setWaarde] = useState(huidig.join(', '));
  const [wijzig, { error, loading }] = useMutation(WijzigWerkgebiedDocument);
  return (
    <OpslaanSectie
      kopId="kop-werkgebied"
      kop="Werkgebied"
      opgeslagen="Het werkgebied is opgeslagen en geldt direct voor de gebruikers van deze organisatie."
      knop="Werkgebied opslaan"
      error={error}
      loading={loading}
      opslaan={() => wijzig({ variables: { id, gemeenteCodes: naarCodes(waarde) } })}
    >
      <FormField
        label="Gemeenten in het werkgebied"
        description="Naam of CBS-code, gescheiden door komma's. Eerder vastgelegde cijfers blijven staan als u een gemeente weghaalt."
        error={veldFouten(error).werkgebied ?? null}
      >
        {(ids) => <Textbox ids={ids} value={waarde} onChange={(e) => setWaarde(e.target.value)} />}
      </FormField>
    </OpslaanSectie>
  );
}

function CorporatiesFormulier({ id, huidig }: { id: string; huidig: readonly string[] }) {
  const [gekozen, setGekozen] = useState<string[]>([...huidig]);
  const [wijzig, { error, loading }] = useMutation(WijzigHuurderCorporatiesDocument);
  return (
    <OpslaanSectie
      kopId="kop-corporaties"
      kop="Corporaties"
      opgeslagen="De corporaties zijn opgeslagen."
      knop="Corporaties opslaan"
      error={error}
      loading={loading}
      opslaan={() => wijzig({ variables: { id, corporatieIds: gekozen } })}
    >
      <CorporatieKeuze gekozen={gekozen} onChange={setGekozen} />
    </OpslaanSectie>
  );
}

/** The corporaties a huurdersorganisatie represents, one checkbox each. */
function CorporatieKeuze({
  gekozen,
  onChange,
  error,
}: {
  gekozen: string[];
  onChange: (gekozen: string[]) => void;
  error?: string | null;
}) {
  const corporaties = useQuery(BeheerCorporatiesDocument);
  return (
    <Fieldset legend="Corporaties waarvan deze organisatie de huurders vertegenwoordigt" error={error}>
      {(corporaties.data?.organisaties ?? []).map((c) => (
        <FormField key={c.id} label={`${c.naam} (${c.code})`} checkbox>
          {(ids) => (
            <Checkbox
              ids={ids}
              checked={gekozen.includes(c.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...gekozen, c.id] : gekozen.filter((x) => x !== c.id))
              }
            />
          )}
        </FormField>
      ))}
    </Fieldset>
  );
}

type OrgDetail = BeheerOrganisatieQuery['beheerOrganisatie'];

function GebruikersBlok({ org, opnieuw }: { org: OrgDetail; opnieuw: () => void }) {
  const leeg = { gebruikersnaam: '', naam: '', email: '', rollen: ['lezen'] as string[] };
  const [v, setV] = useState(leeg);
  const [klaar, setKlaar] = useState<string | null>(null);
  const [maak, { error, loading }] = useMutation(MaakGebruikerDocument);
  const [deactiveer, deactivering] = useMutation(DeactiveerGebruikerDocument);
  const f = useFormulier(error);
  return (
    <section aria-labelledby="kop-gebruikers">
      <Heading level={2} id="kop-gebruikers">
        Gebruikers
      </Heading>
      <Paragraph>
        Een gebruiker meldt zich aan via Keycloak met het attribuut <code>organisatie</code> ={' '}
        <code>{org.code}</code> en de rollen hieronder (zie de handleiding onboarding). In de
        ontwikkelomgeving kan een geregistreerde gebruiker zich direct aanmelden.
      </Paragraph>
      <FoutMelding error={deactivering.error} />
      <Tabel
        caption={`Geregistreerde gebruikers van ${org.naam}`}
        rijen={org.gebruikers}
        sleutel={(g) => g.id}
        leeg="Nog geen gebruikers geregistreerd."
        kolommen={[
          { kop: 'Gebruikersnaam', cel: (g) => g.gebruikersnaam, rijkop: true },
          { kop: 'Naam', cel: (g) => g.naam },
          { kop: 'E-mail', cel: (g) => g.email },
          { kop: 'Rollen', cel: (g) => g.rollen.map((r) => ROL_LABELS[r] ?? r).join(', ') },
          {
            kop: 'Status',
            cel: (g) =>
              g.actief ? (
                <Button
                  appearance="subtle"
                  aria-label={`Gebruiker ${g.gebruikersnaam} deactiveren`}
                  onClick={() => deactiveer({ variables: { id: g.id } }).then(opnieuw, () => undefined)}
                >
                  Deactiveren
                </Button>
              ) : (
                'Gedeactiveerd'
              ),
          },
        ]}
      />
      {org.gebruikers.some((g) => g.actief) ? (
        <Paragraph>
          <Button
            appearance="subtle"
            onClick={() => bewaarBestand(`keycloak-gebruikers-${org.code}.json`, org.keycloakImport)}
          >
            Keycloak-import downloaden
          </Button>{' '}
          (JSON voor Keycloak: Realm settings → Action → Partial import)
        </Paragraph>
      ) : null}
      {org.actief ? (
        <>
          <Heading level={3}>Gebruiker registreren</Heading>
          {klaar ? <Alert type="ok">{klaar}</Alert> : null}
          <FoutSamenvatting {...f.samenvatting} />
          <form
            ref={f.formulier}
            className="tm-form"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              setKlaar(null);
              await f.verstuur(geenControle, async () => {
                const r = await maak({ variables: { organisatieId: org.id, invoer: v } });
                setKlaar(`De gebruiker ${r.data!.maakGebruiker.gebruikersnaam} is geregistreerd.`);
                setV(leeg);
                opnieuw();
              });
            }}
          >
            <FormField
              label="Gebruikersnaam"
              verplicht
              description="Zoals in Keycloak: kleine letters, cijfers, punt of streepje."
              error={f.fout('gebruikersnaam')}
            >
              {(ids) => (
                <Textbox
                  ids={ids}
                  autoComplete="off"
                  value={v.gebruikersnaam}
                  onChange={(e) => setV({ ...v, gebruikersnaam: e.target.value })}
                />
              )}
            </FormField>
            <FormField label="Naam" verplicht error={f.fout('naam')}>
              {(ids) => (
                <Textbox
                  ids={ids}
                  autoComplete="off"
                  value={v.naam}
                  onChange={(e) => setV({ ...v, naam: e.target.value })}
                />
              )}
            </FormField>
            <FormField label="E-mailadres" verplicht error={f.fout('email')}>
              {(ids) => (
                <Textbox
                  ids={ids}
                  type="email"
                  autoComplete="off"
                  value={v.email}
                  onChange={(e) => setV({ ...v, email: e.target.value })}
                />
              )}
            </FormField>
            <Fieldset legend="Rollen" error={f.fout('rollen')}>
              {ROLLEN.map((r) => (
                <FormField key={r} label={ROL_LABELS[r]} checkbox>
                  {(ids) => (
                    <Checkbox
                      ids={ids}
                      checked={v.rollen.includes(r)}
                      disabled={r === 'lezen'}
                      onChange={(e) =>
                        setV({
                          ...v,
                          rollen: e.target.checked ? [...v.rollen, r] : v.rollen.filter((x) => x !== r),
                        })
                      }
                    />
                  )}
                </FormField>
              ))}
            </Fieldset>
            <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
              Gebruiker registreren
            </Button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** A merger (fusie): this organisation becomes part of another of the same kind. */
function SamenvoegBlok({ org }: { org: OrgDetail }) {
  const navigate = useNavigate();
  const kandidaten = useQuery(BeheerOrganisatiesDocument, { variables: { filter: { soort: org.soort } } });
  const [doel, setDoel] = useState('');
  const [bevestig, setBevestig] = useState(false);
  const [samen, { error, loading }] = useMutation(VoegOrganisatieSamenDocument);
  const opties = (kandidaten.data?.beheerOrganisaties ?? []).filter((o) => o.id !== org.id);
  const doelNaam = opties.find((o) => o.id === doel)?.naam;
  return (
    <section aria-labelledby="kop-samenvoegen">
      <Heading level={2} id="kop-samenvoegen">
        Samenvoegen (fusie)
      </Heading>
      <Paragraph>
        {org.naam} gaat op in een andere {organisatieSoortLabel(org.soort).toLowerCase()}: werkgebied,
        verbonden huurdersorganisaties en geregistreerde gebruikers gaan mee. Ingevoerde cijfers en
        handtekeningen blijven onder de naam van {org.naam} bewaard. Pas daarna in Keycloak het attribuut
        organisatie van de gebruikers aan (Keycloak-import van de nieuwe organisatie, met „Overwrite”).
      </Paragraph>
      {error ? <Alert type="error">{foutMeldingen(error).join(' ')}</Alert> : null}
      <FormField label="Opgaan in">
        {(ids) => (
          <Select
            ids={ids}
            value={doel}
            onChange={(e) => {
              setDoel(e.target.value);
              setBevestig(false);
            }}
          >
            <option value="">Kies een organisatie</option>
            {opties.map((o) => (
              <option key={o.id} value={o.id}>
                {o.naam} ({o.code})
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {bevestig && doelNaam ? (
        <>
          <Alert type="warning">
            Weet u zeker dat {org.naam} opgaat in {doelNaam}? {org.naam} wordt gedeactiveerd; dit is niet met
            één knop terug te draaien.
          </Alert>
          <ButtonGroup>
            <Button
              appearance="primary-action"
              busy={loading}
              disabled={loading}
              onClick={() =>
                samen({ variables: { bronId: org.id, doelId: doel } }).then(
                  (r) => navigate(`/beheer/${r.data!.voegOrganisatieSamen.id}`),
                  () => undefined,
                )
              }
            >
              Ja, samenvoegen
            </Button>
            <Button onClick={() => setBevestig(false)}>Annuleren</Button>
          </ButtonGroup>
        </>
      ) : (
        <Button disabled={!doel} onClick={() => setBevestig(true)}>
          Samenvoegen
        </Button>
      )}
    </section>
  );
}

function StatusBlok({ id, actief, naam }: { id: string; actief: boolean; naam: string }) {
  const [bevestig, setBevestig] = useState(false);
  const [deactiveer, d] = useMutation(DeactiveerOrganisatieDocument);
  const [heractiveer, h] = useMutation(HeractiveerOrganisatieDocument);
  const fout = d.error ?? h.error;
  return (
    <section aria-labelledby="kop-status">
      <Heading level={2} id="kop-status">
        Status
      </Heading>
      {fout ? <Alert type="error">{foutMeldingen(fout).join(' ')}</Alert> : null}
      {actief ? (
        bevestig ? (
          <>
            <Alert type="warning">
              Weet u zeker dat u {naam} wilt deactiveren? Gegevens en handtekeningen blijven bewaard en
              leesbaar; gebruikers van deze organisatie kunnen daarna niets meer invoeren of ondertekenen.
            </Alert>
            <ButtonGroup>
              <Button
                appearance="primary-action"
                busy={d.loading}
                onClick={() =>
                  deactiveer({ variables: { id } }).then(
                    () => setBevestig(false),
                    () => undefined,
                  )
                }
              >
                Ja, deactiveren
              </Button>
              <Button onClick={() => setBevestig(false)}>Annuleren</Button>
            </ButtonGroup>
          </>
        ) : (
          <Button onClick={() => setBevestig(true)}>Organisatie deactiveren</Button>
        )
      ) : (
        <Button
          busy={h.loading}
          onClick={() =>
            heractiveer({ variables: { id } }).then(
              () => undefined,
              () => undefined,
            )
          }
        >
          Organisatie heractiveren
        </Button>
      )}
    </section>
  );
}
