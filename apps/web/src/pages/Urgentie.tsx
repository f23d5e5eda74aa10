import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { InvoerSectie } from '../components/InvoerSectie';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ExterneLink,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textbox,
} from '../components/nl';
import {
  BewaarUrgentieregelingDocument,
  GemeentenDocument,
  UrgentieDekkingDocument,
  UrgentieregelingDocument,
  type UrgentieregelingVeldenFragment,
} from '../generated/graphql';
import { formatDag, formatGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

interface CategorieConcept {
  code: string;
  naam: string;
  omschrijving: string;
}

const huidigJaar = () =>
  Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 4));

/**
 * The urgentieregeling of a gemeente (Huisvestingswet 2014 art. 12): its categories, what the law
 * asks that it lacks (flagged, not refused), and toewijzingen per category this year (a protected
 * figure: exact only for the owner). The gemeente itself (role beheren) records it; corporaties,
 * provincie and Rijk read the regeling of a gemeente in their scope.
 */
export function UrgentiePagina() {
  usePaginaTitel('Urgentieregeling');
  const me = useMe();
  const org = me.organisatie;
  const eigen = org.soort === 'GEMEENTE' ? org.gemeente : null;
  // provincie and Rijk have no werkgebied list: the gemeenten of the provincie, or all
  const lijst = useQuery(GemeentenDocument, {
    variables: { filter: org.provincie ? { provincieCode: org.provincie.code } : {} },
    skip: !!eigen || org.werkgebied.length > 0,
  });
  const keuzes = eigen ? [eigen] : org.werkgebied.length ? org.werkgebied : (lijst.data?.gemeenten ?? []);
  // the chosen gemeente lives in the address (?gemeente=GM0344): linkable, and kept when the page re-renders
  const [zoek, setZoek] = useSearchParams();
  const setGekozen = (code: string) => setZoek({ gemeente: code }, { replace: true });
  const gekozen = eigen?.code ?? zoek.get('gemeente') ?? me.standaardGemeente?.code ?? keuzes[0]?.code ?? '';
  const { data, loading, error } = useQuery(UrgentieregelingDocument, {
    variables: { gemeenteCode: gekozen, jaar: huidigJaar() },
    skip: !gekozen,
  });
  const [melding, setMelding] = useState<string | null>(null);
  // provincie and Rijk: how many gemeenten in their area have a regeling (public figure)
  const eigenGebied =
    org.soort === 'PROVINCIE' && org.provincie
      ? { soort: 'PROVINCIE' as const, code: org.provincie.code }
      : org.soort === 'RIJK'
        ? { soort: 'LAND' as const, code: 'NL' }
        : null;
  const dekking = useQuery(UrgentieDekkingDocument, {
    variables: { gebied: eigenGebied ?? { soort: 'LAND', code: 'NL' }, jaar: huidigJaar() },
    skip: !eigenGebied,
  });
  const d = dekking.data?.voortgang.urgentieregelingen;
  const regeling = data?.urgentieregeling;
  const magBewaren = !!eigen && eigen.code === gekozen && magIk(me, 'urgentie:bijhouden');
  return (
    <>
      <Heading level={1}>Urgentieregeling</Heading>
      <Paragraph>
        Een gemeente die urgentie verleent, legt in haar huisvestingsverordening vast welke categorieën
        woningzoekenden voorrang krijgen. De wet schrijft een aantal categorieën voor (Huisvestingswet 2014,
        artikel 12); de gemeente voegt er eigen categorieën aan toe. Onder de Wet versterking regie
        volkshuisvesting moet elke gemeente een urgentieregeling hebben.
      </Paragraph>
      {!eigen && keuzes.length > 0 ? (
        <FormField label="Gemeente">
          {(ids) => (
            <Select ids={ids} value={gekozen} onChange={(e) => setGekozen(e.target.value)}>
              {keuzes.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      ) : null}
      {!eigen && keuzes.length === 0 ? (
        <FormField label="Gemeente (CBS-code)" description="Bijvoorbeeld GM0344">
          {(ids) => (
            <Textbox
              ids={ids}
              value={gekozen}
              onChange={(e) => setGekozen(e.target.value.trim().toUpperCase())}
            />
          )}
        </FormField>
      ) : null}
      {d ? (
        <Paragraph>
          In uw gebied hebben {d.weergave} een urgentieregeling; {d.compleet} daarvan bevatten alle
          categorieën die de wet verplicht stelt.{' '}
          {d.regelingVerplicht
            ? 'Een urgentieregeling is wettelijk verplicht.'
            : 'Een urgentieregeling is nog niet wettelijk verplicht.'}
        </Paragraph>
      ) : null}
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      {regeling ? <RegelingStand regeling={regeling} /> : null}
      {data?.voortgang ? (
        <section aria-labelledby="kop-toewijzingen">
          <Heading level={2} id="kop-toewijzingen">
            Toewijzingen per urgentiecategorie in {huidigJaar()}
          </Heading>
          <Paragraph>
            Tot en met {formatDag(data.voortgang.peildatum)}. Uitstroom uit detentie:{' '}
            {formatGetal(data.voortgang.urgentie.detentie)} huishoudens. Dit zijn beschermde cijfers: per
            categorie ziet alleen de eigenaar ze (de gemeente alles in haar gemeente, een corporatie haar
            eigen toewijzingen).
          </Paragraph>
          {data.voortgang.urgentie.toelichting ? (
            <Alert type="info">{data.voortgang.urgentie.toelichting}</Alert>
          ) : null}
          {data.voortgang.urgentie.toelichting && !data.voortgang.urgentie.categorieen.length ? null : (
            <Tabel
              caption="Toewijzingen via urgentie per categorie"
              kolommen={[
                { kop: 'Categorie', cel: (c) => c.naam, rijkop: true },
                { kop: 'Huishoudens', cel: (c) => formatGetal(c.huishoudens), numeriek: true },
                { kop: 'Exact', cel: (c) => (c.exact ? 'ja' : 'nee (afgerond)') },
              ]}
              rijen={data.voortgang.urgentie.categorieen}
              sleutel={(c) => c.code}
              leeg="Nog geen toewijzingen met een urgentiecategorie."
            />
          )}
        </section>
      ) : null}
      {data && magBewaren ? (
        <RegelingFormulier
          key={`${regeling?.versie ?? 0}`}
          regeling={regeling ?? null}
          verplicht={data.verplichteUrgentieCategorieen.filter((v) => v.regime === regeling?.regime)}
          opgeslagen={setMelding}
        />
      ) : null}
    </>
  );
}

function RegelingStand({ regeling }: { regeling: UrgentieregelingVeldenFragment }) {
  return (
    <section aria-labelledby="kop-regeling">
      <Heading level={2} id="kop-regeling">
        Regeling van {regeling.gemeenteNaam}
      </Heading>
      {regeling.signalen.length ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">Wat de wet vraagt en de regeling (nog) mist:</p>
          <ul>
            {regeling.signalen.map((s) => (
              <li key={`${s.soort}-${s.code ?? ''}`}>
                {s.melding} <small>Bron: {s.bron}</small>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {regeling.titel ? (
        <>
          <DataList
            items={[
              { key: 'Regeling', value: regeling.titel },
              {
                key: 'Vastgesteld op',
                value: regeling.vastgesteldOp ? formatDag(regeling.vastgesteldOp) : '–',
              },
              {
                key: 'Document',
                value: regeling.documentUrl ? (
                  <ExterneLink href={regeling.documentUrl} rel="noopener noreferrer">
                    {regeling.documentUrl}
                  </ExterneLink>
                ) : (
                  '–'
                ),
              },
            ]}
          />
          <Tabel
            caption="Categorieën"
            kolommen={[
              { kop: 'Code', cel: (c) => c.code },
              { kop: 'Naam', cel: (c) => c.naam, rijkop: true },
              { kop: 'Wettelijk verplicht', cel: (c) => (c.verplicht ? 'ja' : 'nee') },
              { kop: 'Omschrijving', cel: (c) => c.omschrijving ?? '' },
            ]}
            rijen={regeling.categorieen}
            sleutel={(c) => c.code}
          />
        </>
      ) : (
        <Paragraph>
          Er is nog geen urgentieregeling vastgelegd
          {regeling.regelingVerplicht ? '' : ' (onder het regime dat nu geldt is zij niet verplicht)'}.
        </Paragraph>
      )}
    </section>
  );
}

function RegelingFormulier({
  regeling,
  verplicht,
  opgeslagen,
}: {
  regeling: UrgentieregelingVeldenFragment | null;
  verplicht: { code: string; naam: string }[];
  opgeslagen: (m: string | null) => void;
}) {
  const [titel, setTitel] = useState(regeling?.titel ?? '');
  const [vastgesteldOp, setVastgesteldOp] = useState(regeling?.vastgesteldOp ?? '');
  const [documentUrl, setDocumentUrl] = useState(regeling?.documentUrl ?? '');
  const [categorieen, setCategorieen] = useState<CategorieConcept[]>(
    regeling?.titel
      ? regeling.categorieen.map((c) => ({ code: c.code, naam: c.naam, omschrijving: c.omschrijving ?? '' }))
      : verplicht.map((v) => ({ code: v.code, naam: v.naam, omschrijving: '' })),
  );
  const [bewaar, { error, loading }] = useMutation(BewaarUrgentieregelingDocument);
  const server = veldFouten(error);
  const zetCategorie = (i: number, veld: keyof CategorieConcept, waarde: string) =>
    setCategorieen((oud) => oud.map((c, j) => (j === i ? { ...c, [veld]: waarde } : c)));

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    opgeslagen(null);
    try {
      const r = await bewaar({
        variables: {
          invoer: {
            titel,
            vastgesteldOp: vastgesteldOp || null,
            documentUrl: documentUrl || null,
            categorieen: categorieen.map((c) => ({
              code: c.code,
              naam: c.naam,
              omschrijving: c.omschrijving || null,
            })),
          },
          versie: regeling?.versie ?? null,
        },
        refetchQueries: [UrgentieregelingDocument],
        awaitRefetchQueries: true,
      });
      const n = r.data?.bewaarUrgentieregeling.signalen.length ?? 0;
      opgeslagen(
        n
          ? `De urgentieregeling is opgeslagen. Let op: ${n === 1 ? 'er is één signaal' : `er zijn ${n} signalen`} (zie hierboven).`
          : 'De urgentieregeling is opgeslagen.',
      );
    } catch {
      /* shown below */
    }
  };

  return (
    <InvoerSectie
      kopId="kop-vastleggen"
      kop="Regeling vastleggen"
      melding={null}
      error={error}
      onSubmit={verstuur}
    >
      <FormField label="Naam van de regeling" verplicht error={server.titel}>
        {(ids) => <Textbox ids={ids} value={titel} onChange={(e) => setTitel(e.target.value)} />}
      </FormField>
      <FormField
        label="Vastgesteld op"
        verplicht
        description="De datum waarop de gemeenteraad de regeling vaststelde."
        error={server.vastgesteldOp}
      >
        {(ids) => (
          <Textbox
            ids={ids}
            type="date"
            value={vastgesteldOp}
            onChange={(e) => setVastgesteldOp(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Link naar de regeling"
        description="Een webadres dat begint met https://"
        error={server.documentUrl}
      >
        {(ids) => (
          <Textbox
            ids={ids}
            type="url"
            value={documentUrl}
            onChange={(e) => setDocumentUrl(e.target.value)}
          />
        )}
      </FormField>
      {categorieen.map((c, i) => (
        <Fieldset key={i} legend={`Categorie ${i + 1}`}>
          <FormField
            label={`Code van categorie ${i + 1}`}
            description="Bijvoorbeeld MANTELZORG, UITSTROOM_DETENTIE of een eigen code."
            error={server[`categorieen.${i}.code`]}
          >
            {(ids) => (
              <Textbox ids={ids} value={c.code} onChange={(e) => zetCategorie(i, 'code', e.target.value)} />
            )}
          </FormField>
          <FormField label={`Naam van categorie ${i + 1}`} error={server[`categorieen.${i}.naam`]}>
            {(ids) => (
              <Textbox ids={ids} value={c.naam} onChange={(e) => zetCategorie(i, 'naam', e.target.value)} />
            )}
          </FormField>
          <FormField label={`Omschrijving van categorie ${i + 1}`}>
            {(ids) => (
              <Textbox
                ids={ids}
                value={c.omschrijving}
                onChange={(e) => zetCategorie(i, 'omschrijving', e.target.value)}
              />
            )}
          </FormField>
          <Button appearance="subtle" onClick={() => setCategorieen((oud) => oud.filter((_, j) => j !== i))}>
            Categorie {i + 1} verwijderen
          </Button>
        </Fieldset>
      ))}
      {server.categorieen ? <Alert type="error">{server.categorieen}</Alert> : null}
      <ButtonGroup>
        <Button
          appearance="secondary-action"
          onClick={() => setCategorieen((oud) => [...oud, { code: '', naam: '', omschrijving: '' }])}
        >
          Categorie toevoegen
        </Button>
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Opslaan
        </Button>
      </ButtonGroup>
    </InvoerSectie>
  );
}
