import { useMutation, useQuery } from '@apollo/client/react';
import { NIEUWBOUW_FASEN, type NieuwbouwFase } from '@thuismonitor/domain';
import { useState, type FormEvent } from 'react';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { InvoerSectie } from '../components/InvoerSectie';
import { GemeenteVeld } from '../components/Keuzevelden';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textbox,
} from '../components/nl';
import {
  MaakNieuwbouwprojectDocument,
  NieuwbouwprojectenDocument,
  WijzigNieuwbouwFaseDocument,
  type NieuwbouwprojectenQuery,
} from '../generated/graphql';
import { useConcept } from '../lib/concept';
import { formatDag, formatGetal, nieuwbouwFaseLabel } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

type Project = NieuwbouwprojectenQuery['nieuwbouwprojecten'][number];

const SEGMENT_VELDEN = [
  ['socialeHuur', 'Sociale huur'],
  ['middenhuur', 'Middenhuur'],
  ['vrijeSectorHuur', 'Vrije sector huur'],
  ['koopBetaalbaar', 'Betaalbare koop'],
  ['koopVrij', 'Vrije koop'],
  ['flex', 'Flexwoningen'],
] as const;

const FASE_DATUM: Record<NieuwbouwFase, 'planDatum' | 'vergundOp' | 'startBouwOp' | 'opgeleverdOp'> = {
  PLAN: 'planDatum',
  VERGUND: 'vergundOp',
  IN_AANBOUW: 'startBouwOp',
  OPGELEVERD: 'opgeleverdOp',
};

function useGemeenten() {
  const me = useMe();
  return me.organisatie.soort === 'GEMEENTE' && me.organisatie.gemeente
    ? [me.organisatie.gemeente]
    : me.organisatie.werkgebied;
}

export function NieuwbouwPagina() {
  usePaginaTitel('Nieuwbouwprojecten');
  const me = useMe();
  const { data, error, loading } = useQuery(NieuwbouwprojectenDocument, { variables: {} });
  const invoeren = magIk(me, 'nieuwbouw:invoeren');
  const projecten = data?.nieuwbouwprojecten ?? [];
  const eigen = projecten.filter((p) => p.eigenaar.id === me.organisatie.id);
  return (
    <>
      <Heading level={1}>Nieuwbouwprojecten</Heading>
      <Paragraph>
        Projecten met hun woningen per segment. Opgeleverde woningen tellen mee als realisatie in het kwartaal
        van oplevering.
      </Paragraph>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <Tabel
          caption={`${formatGetal(projecten.length)} projecten`}
          exporteer="Nieuwbouwprojecten"
          rijen={projecten}
          sleutel={(p) => p.id}
          kolommen={[
            { kop: 'Project', cel: (p) => p.naam, rijkop: true },
            { kop: 'Gemeente', cel: (p) => p.gemeente.naam },
            { kop: 'Eigenaar', cel: (p) => p.eigenaar.naam },
            { kop: 'Fase', cel: (p) => nieuwbouwFaseLabel(p.fase) },
            { kop: 'Woningen', cel: (p) => formatGetal(p.woningen.totaal), numeriek: true },
            { kop: 'Sociale huur', cel: (p) => formatGetal(p.woningen.socialeHuur), numeriek: true },
            {
              kop: 'Voor aandachtsgroepen',
              cel: (p) => formatGetal(p.woningen.aandachtsgroepen),
              numeriek: true,
            },
            { kop: 'Oplevering', cel: (p) => (p.opgeleverdOp ? formatDag(p.opgeleverdOp) : '–') },
          ]}
          leeg="Er zijn nog geen projecten."
        />
      ) : null}
      {invoeren && eigen.length ? <FaseBijwerken projecten={eigen} /> : null}
      {invoeren ? <ProjectToevoegen /> : null}
    </>
  );
}

function FaseBijwerken({ projecten }: { projecten: Project[] }) {
  const [id, setId] = useState(projecten[0]?.id ?? '');
  const project = projecten.find((p) => p.id === id);
  const volgende = project ? NIEUWBOUW_FASEN.slice(NIEUWBOUW_FASEN.indexOf(project.fase) + 1) : [];
  const [fase, setFase] = useState<string>('');
  const [datum, setDatum] = useState('');
  const [melding, setMelding] = useState<string | null>(null);
  const [fout, setFout] = useState<Record<string, string>>({});
  const [wijzig, { error, loading }] = useMutation(WijzigNieuwbouwFaseDocument);
  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!fase) f.fase = 'Kies de nieuwe fase.';
    if (!datum) f.datum = 'Vul de datum in waarop het project deze fase bereikte.';
    setFout(f);
    if (Object.keys(f).length || !project) return;
    try {
      await wijzig({
        variables: { id: project.id, versie: project.versie, fase: fase as NieuwbouwFase, datum },
        refetchQueries: [NieuwbouwprojectenDocument],
      });
      setMelding(
        `${project.naam} staat nu in de fase ${nieuwbouwFaseLabel(fase as NieuwbouwFase).toLowerCase()}.`,
      );
      setFase('');
      setDatum('');
    } catch {
      /* shown below */
    }
  };
  const server = veldFouten(error);
  return (
    <InvoerSectie kopId="kop-fase" kop="Fase bijwerken" melding={melding} error={error} onSubmit={verstuur}>
      <FormField label="Project">
        {(ids) => (
          <Select ids={ids} value={id} onChange={(e) => setId(e.target.value)}>
            {projecten.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam} ({nieuwbouwFaseLabel(p.fase).toLowerCase()})
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Nieuwe fase" error={fout.fase ?? server.fase}>
        {(ids) => (
          <Select ids={ids} value={fase} onChange={(e) => setFase(e.target.value)}>
            <option value="">{volgende.length ? 'Kies een fase' : 'Dit project is opgeleverd'}</option>
            {volgende.map((f) => (
              <option key={f} value={f}>
                {nieuwbouwFaseLabel(f)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Datum waarop deze fase is bereikt" error={fout.datum ?? server.datum}>
        {(ids) => <Textbox ids={ids} type="date" value={datum} onChange={(e) => setDatum(e.target.value)} />}
      </FormField>
      <Button type="submit" busy={loading} disabled={loading || !volgende.length}>
        Fase opslaan
      </Button>
    </InvoerSectie>
  );
}

interface ProjectConcept {
  naam: string;
  gemeenteCode: string;
  fase: NieuwbouwFase;
  datum: string;
  woningen: Record<string, string>;
  aandachtsgroepen: string;
}

const LEEG: ProjectConcept = {
  naam: '',
  gemeenteCode: '',
  fase: 'PLAN',
  datum: '',
  woningen: {},
  aandachtsgroepen: '',
};

function ProjectToevoegen() {
  const gemeenten = useGemeenten();
  const [c, setC, wis] = useConcept<ProjectConcept>('nieuwbouwproject', LEEG);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [maak, { error, loading }] = useMutation(MaakNieuwbouwprojectDocument);
  const server = veldFouten(error);
  const getal = (v: string | undefined) => (v && v.trim() ? Number(v) : 0);

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!c.naam.trim()) f.naam = 'Vul de naam van het project in.';
    if (!c.gemeenteCode) f.gemeenteCode = 'Kies de gemeente.';
    for (const [k, label] of SEGMENT_VELDEN) {
      const n = getal(c.woningen[k]);
      if (!Number.isInteger(n) || n < 0) f[k] = `${label}: vul een heel getal van 0 of meer in.`;
    }
    const ag = getal(c.aandachtsgroepen);
    if (!Number.isInteger(ag) || ag < 0) f.aandachtsgroepen = 'Vul een heel getal van 0 of meer in.';
    if (c.fase === 'OPGELEVERD' && !c.datum) f.datum = 'Vul de opleverdatum in.';
    setFouten(f);
    if (Object.keys(f).length) return;
    const woningen = Object.fromEntries(SEGMENT_VELDEN.map(([k]) => [k, getal(c.woningen[k])]));
    try {
      const r = await maak({
        variables: {
          invoer: {
            naam: c.naam.trim(),
            gemeenteCode: c.gemeenteCode,
            fase: c.fase,
            ...(c.datum ? { [FASE_DATUM[c.fase]]: c.datum } : {}),
            woningen: { ...woningen, aandachtsgroepen: ag },
          },
        },
        refetchQueries: [NieuwbouwprojectenDocument],
      });
      setMelding(`Project ${r.data?.maakNieuwbouwproject.naam} is toegevoegd.`);
      wis();
    } catch {
      /* shown below */
    }
  };

  return (
    <InvoerSectie
      kopId="kop-nieuw-project"
      kop="Project toevoegen"
      melding={melding}
      error={error}
      onSubmit={verstuur}
    >
      <FormField label="Naam van het project" verplicht error={fouten.naam ?? server.naam}>
        {(ids) => <Textbox ids={ids} value={c.naam} onChange={(e) => setC({ ...c, naam: e.target.value })} />}
      </FormField>
      <GemeenteVeld
        verplicht
        error={fouten.gemeenteCode ?? server.gemeenteCode}
        gemeenten={gemeenten}
        value={c.gemeenteCode}
        onChange={(gemeenteCode) => setC({ ...c, gemeenteCode })}
      />
      <FormField label="Fase" error={server.fase}>
        {(ids) => (
          <Select
            ids={ids}
            value={c.fase}
            onChange={(e) => setC({ ...c, fase: e.target.value as NieuwbouwFase })}
          >
            {NIEUWBOUW_FASEN.map((f) => (
              <option key={f} value={f}>
                {nieuwbouwFaseLabel(f)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Datum van deze fase" error={fouten.datum ?? server[FASE_DATUM[c.fase]]}>
        {(ids) => (
          <Textbox
            ids={ids}
            type="date"
            value={c.datum}
            onChange={(e) => setC({ ...c, datum: e.target.value })}
          />
        )}
      </FormField>
      <Fieldset legend="Woningen per segment">
        {SEGMENT_VELDEN.map(([k, label]) => (
          <FormField key={k} label={label} error={fouten[k] ?? server[k]}>
            {(ids) => (
              <Textbox
                ids={ids}
                inputMode="numeric"
                size={6}
                value={c.woningen[k] ?? ''}
                onChange={(e) => setC({ ...c, woningen: { ...c.woningen, [k]: e.target.value } })}
              />
            )}
          </FormField>
        ))}
      </Fieldset>
      <FormField
        label="Waarvan bestemd voor aandachtsgroepen"
        error={fouten.aandachtsgroepen ?? server.aandachtsgroepen}
      >
        {(ids) => (
          <Textbox
            ids={ids}
            inputMode="numeric"
            size={6}
            value={c.aandachtsgroepen}
            onChange={(e) => setC({ ...c, aandachtsgroepen: e.target.value })}
          />
        )}
      </FormField>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Project toevoegen
        </Button>
      </ButtonGroup>
    </InvoerSectie>
  );
}
