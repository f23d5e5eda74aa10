import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { magIk, useMe, type Me } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { InvoerSectie } from '../components/InvoerSectie';
import {
  Alert,
  Button,
  Checkbox,
  DataList,
  ExterneLink,
  FormField,
  Heading,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from '../components/nl';
import {
  BewaarProgrammaDocument,
  EigenProgrammaDocument,
  type GebiedSoort,
  type ProgrammaVeldenFragment,
} from '../generated/graphql';
import { formatDag, formatDatumTijd } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

const STATUSSEN = [
  { waarde: 'IN_VOORBEREIDING', label: 'In voorbereiding' },
  { waarde: 'VASTGESTELD', label: 'Vastgesteld' },
  { waarde: 'HERZIEN', label: 'Herzien' },
];

/** The area the organisation's own programme covers (the API decides the same way). */
function eigenGebied(me: Me): { soort: GebiedSoort; code: string } | null {
  const o = me.organisatie;
  if (o.soort === 'GEMEENTE' && o.gemeente) return { soort: 'GEMEENTE', code: o.gemeente.code };
  if (o.soort === 'PROVINCIE' && o.provincie) return { soort: 'PROVINCIE', code: o.provincie.code };
  if (o.soort === 'RIJK') return { soort: 'LAND', code: 'NL' };
  return null;
}

const leeg = {
  status: 'IN_VOORBEREIDING',
  titel: '',
  vastgesteldOp: '',
  herzienOp: '',
  jaarVan: '',
  jaarTot: '',
  woonzorgOpgenomen: false,
  woonzorgToelichting: '',
  documentUrl: '',
};

function uitProgramma(p: ProgrammaVeldenFragment | null | undefined): typeof leeg {
  if (!p) return leeg;
  return {
    status: p.status,
    titel: p.titel,
    vastgesteldOp: p.vastgesteldOp ?? '',
    herzienOp: p.herzienOp ?? '',
    jaarVan: p.jaarVan?.toString() ?? '',
    jaarTot: p.jaarTot?.toString() ?? '',
    woonzorgOpgenomen: p.woonzorgOpgenomen,
    woonzorgToelichting: p.woonzorgToelichting ?? '',
    documentUrl: p.documentUrl ?? '',
  };
}

/**
 * The organisation's own volkshuisvestingsprogramma (gemeente, provincie or Rijk): its status and,
 * for users with the beheren role, the form to record it. Under the Wet versterking regie
 * volkshuisvesting the programme replaces the woonzorgvisie (its woonzorg part).
 */
export function ProgrammaPagina() {
  usePaginaTitel('Volkshuisvestingsprogramma');
  const me = useMe();
  const gebied = eigenGebied(me);
  const { data, loading, error } = useQuery(EigenProgrammaDocument, {
    variables: { gebied: gebied ?? { soort: 'GEMEENTE', code: '' } },
    skip: !gebied,
  });
  const programma = data?.volkshuisvestingsprogramma;
  // kept here: the form is re-created with the saved version (its key), the message must survive
  const [melding, setMelding] = useState<string | null>(null);
  const regime = data?.volkshuisvestingRegime;
  const nieuweWet = data?.volkshuisvestingRegimes.find((r) => r.code === 'WET_VERSTERKING_REGIE');
  return (
    <>
      <Heading level={1}>Volkshuisvestingsprogramma</Heading>
      <Paragraph>
        Onder de Wet versterking regie volkshuisvesting stellen gemeente, provincie en Rijk elk een
        volkshuisvestingsprogramma vast; het woonzorgbeleid (voorheen de woonzorgvisie) is daar een onderdeel
        van. Hier legt u de status van uw programma vast, met een link naar het document.
      </Paragraph>
      {!gebied ? (
        <Alert type="info">
          Alleen een gemeente, provincie of het Rijk maakt een volkshuisvestingsprogramma.
        </Alert>
      ) : null}
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {regime ? (
        <Alert type="info">
          {regime.programmaVerplicht
            ? `Het programma is wettelijk verplicht (${regime.naam}).`
            : `Nu geldt: ${regime.naam}. Het programma is nog geen wettelijke plicht${
                nieuweWet?.beoogdeInwerkingtreding && !nieuweWet.geldigVan
                  ? `; de ${nieuweWet.naam} is nog niet in werking (beoogd: ${formatDag(nieuweWet.beoogdeInwerkingtreding)})`
                  : ''
              }.`}
        </Alert>
      ) : null}
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      {data ? <ProgrammaStand programma={programma ?? null} /> : null}
      {data && magIk(me, 'programma:bijhouden') ? (
        <ProgrammaFormulier
          key={`${programma?.id ?? 'nieuw'}-${programma?.versie ?? 0}`}
          programma={programma ?? null}
          opgeslagen={setMelding}
        />
      ) : null}
    </>
  );
}

function ProgrammaStand({ programma }: { programma: ProgrammaVeldenFragment | null }) {
  return (
    <section aria-labelledby="kop-stand">
      <Heading level={2} id="kop-stand">
        Stand
      </Heading>
      {programma ? (
        <DataList
          items={[
            { key: 'Titel', value: programma.titel },
            { key: 'Status', value: programma.statusLabel },
            {
              key: 'Vastgesteld op',
              value: programma.vastgesteldOp ? formatDag(programma.vastgesteldOp) : '–',
            },
            ...(programma.herzienOp ? [{ key: 'Herzien op', value: formatDag(programma.herzienOp) }] : []),
            { key: 'Vastgesteld door', value: programma.vaststellendOrgaan },
            {
              key: 'Looptijd',
              value: programma.jaarVan ? `${programma.jaarVan} tot en met ${programma.jaarTot ?? '…'}` : '–',
            },
            {
              key: 'Woonzorgdeel',
              value: programma.woonzorgOpgenomen
                ? `Opgenomen${programma.woonzorgToelichting ? `: ${programma.woonzorgToelichting}` : ''}`
                : 'Nog niet opgenomen',
            },
            {
              key: 'Document',
              value: programma.documentUrl ? (
                <ExterneLink href={programma.documentUrl} rel="noopener noreferrer">
                  {programma.documentUrl}
                </ExterneLink>
              ) : (
                '–'
              ),
            },
            { key: 'Laatst gewijzigd', value: formatDatumTijd(programma.gewijzigdOp) },
          ]}
        />
      ) : (
        <Paragraph>Er is nog geen volkshuisvestingsprogramma vastgelegd.</Paragraph>
      )}
    </section>
  );
}

function ProgrammaFormulier({
  programma,
  opgeslagen,
}: {
  programma: ProgrammaVeldenFragment | null;
  opgeslagen: (melding: string | null) => void;
}) {
  const [c, setC] = useState(uitProgramma(programma));
  const [bewaar, { error, loading }] = useMutation(BewaarProgrammaDocument);
  const server = veldFouten(error);
  const zet =
    (veld: keyof typeof c) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setC({ ...c, [veld]: e.target.value });
  const jaar = (t: string) => (t.trim() ? Number(t) : null);

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    opgeslagen(null);
    try {
      const r = await bewaar({
        variables: {
          invoer: {
            status: c.status,
            titel: c.titel,
            vastgesteldOp: c.vastgesteldOp || null,
            herzienOp: c.herzienOp || null,
            jaarVan: jaar(c.jaarVan),
            jaarTot: jaar(c.jaarTot),
            woonzorgOpgenomen: c.woonzorgOpgenomen,
            woonzorgToelichting: c.woonzorgToelichting || null,
            documentUrl: c.documentUrl || null,
          },
          versie: programma?.versie ?? null,
        },
        refetchQueries: [EigenProgrammaDocument],
        awaitRefetchQueries: true,
      });
      opgeslagen(
        `Het programma is opgeslagen (status: ${r.data?.bewaarVolkshuisvestingsprogramma.statusLabel ?? c.status}).`,
      );
    } catch {
      /* shown below */
    }
  };

  return (
    <InvoerSectie
      kopId="kop-vastleggen"
      kop="Programma vastleggen"
      melding={null}
      error={error}
      onSubmit={verstuur}
    >
      <FormField label="Titel" verplicht error={server.titel}>
        {(ids) => <Textbox ids={ids} value={c.titel} onChange={zet('titel')} />}
      </FormField>
      <FormField label="Status" verplicht error={server.status}>
        {(ids) => (
          <Select ids={ids} value={c.status} onChange={zet('status')}>
            {STATUSSEN.map((s) => (
              <option key={s.waarde} value={s.waarde}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Vastgesteld op"
        description="Bij vastgesteld en herzien: de datum van het besluit."
        error={server.vastgesteldOp}
      >
        {(ids) => <Textbox ids={ids} type="date" value={c.vastgesteldOp} onChange={zet('vastgesteldOp')} />}
      </FormField>
      <FormField label="Herzien op" description="Alleen bij de status herzien." error={server.herzienOp}>
        {(ids) => <Textbox ids={ids} type="date" value={c.herzienOp} onChange={zet('herzienOp')} />}
      </FormField>
      <FormField label="Looptijd: eerste jaar" error={server.jaarVan}>
        {(ids) => <Textbox ids={ids} inputMode="numeric" value={c.jaarVan} onChange={zet('jaarVan')} />}
      </FormField>
      <FormField label="Looptijd: laatste jaar" error={server.jaarTot}>
        {(ids) => <Textbox ids={ids} inputMode="numeric" value={c.jaarTot} onChange={zet('jaarTot')} />}
      </FormField>
      <FormField label="Het programma bevat het woonzorgdeel" checkbox>
        {(ids) => (
          <Checkbox
            ids={ids}
            checked={c.woonzorgOpgenomen}
            onChange={(e) => setC({ ...c, woonzorgOpgenomen: e.target.checked })}
          />
        )}
      </FormField>
      <FormField
        label="Woonzorgdeel: toelichting"
        description="Bijvoorbeeld het hoofdstuk of de paragraaf."
        error={server.woonzorgToelichting}
      >
        {(ids) => (
          <Textarea ids={ids} rows={3} value={c.woonzorgToelichting} onChange={zet('woonzorgToelichting')} />
        )}
      </FormField>
      <FormField
        label="Link naar het document"
        description="Een webadres dat begint met https://"
        error={server.documentUrl}
      >
        {(ids) => <Textbox ids={ids} type="url" value={c.documentUrl} onChange={zet('documentUrl')} />}
      </FormField>
      <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
        Opslaan
      </Button>
    </InvoerSectie>
  );
}
