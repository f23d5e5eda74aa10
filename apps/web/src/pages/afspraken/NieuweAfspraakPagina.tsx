import { useMutation, useQuery } from '@apollo/client/react';
import { periodeFouten, titelFouten } from '@thuismonitor/domain';
import { type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/MeContext';
import { Laden } from '../../components/Fout';
import { GemeenteVeld } from '../../components/Keuzevelden';
import { FoutSamenvatting } from '../../components/FoutSamenvatting';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  DataList,
  Fieldset,
  FormField,
  Heading,
  Paragraph,
  Textbox,
} from '../../components/nl';
import {
  MaakPrestatieafspraakDocument,
  PartijKandidatenDocument,
  PrestatieafsprakenDocument,
} from '../../generated/graphql';
import { useConcept } from '../../lib/concept';
import { organisatieSoortLabel } from '../../lib/format';
import { useFormulier, type Regel } from '../../lib/formulier';
import { usePaginaTitel } from '../../lib/pagina';

export interface NieuwConcept {
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
  const [maak, { error, loading }] = useMutation(MaakPrestatieafspraakDocument);
  const formulier = useFormulier(error);

  // the form's own checks, then the API's rules from libs/domain (title, order and span of the years)
  const controle = (): Regel[] => {
    const f: Regel[] = [];
    if (!gemeenteCode) f.push({ veld: 'gemeenteCode', melding: 'Kies de gemeente.' });
    const jaarFout = !/^\d{4}$/.test(c.jaarVan.trim()) || !/^\d{4}$/.test(c.jaarTot.trim());
    if (!/^\d{4}$/.test(c.jaarVan.trim()))
      f.push({ veld: 'jaarVan', melding: 'Vul een jaartal in, bijvoorbeeld 2027.' });
    if (!/^\d{4}$/.test(c.jaarTot.trim()))
      f.push({ veld: 'jaarTot', melding: 'Vul een jaartal in, bijvoorbeeld 2030.' });
    f.push(...titelFouten(c.titel));
    if (!jaarFout)
      f.push(...periodeFouten({ jaarVan: Number(c.jaarVan.trim()), jaarTot: Number(c.jaarTot.trim()) }));
    return f;
  };

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    await formulier.verstuur(controle, async () => {
      const r = await maak({
        variables: {
          invoer: {
            gemeenteCode,
            titel: c.titel.trim(),
            jaarVan: Number(c.jaarVan.trim()),
            jaarTot: Number(c.jaarTot.trim()),
            partijIds: c.partijIds,
          },
        },
        refetchQueries: [PrestatieafsprakenDocument],
      });
      wis();
      void navigate(`/afspraken/${r.data!.maakPrestatieafspraak.id}`);
    });
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
      <FoutSamenvatting {...formulier.samenvatting} />
      <form ref={formulier.formulier} className="tm-form" noValidate onSubmit={verstuur}>
        {org.soort === 'GEMEENTE' ? (
          <DataList items={[{ key: 'Gemeente', value: org.gemeente?.naam ?? org.naam }]} />
        ) : (
          <GemeenteVeld
            verplicht
            error={formulier.fout('gemeenteCode')}
            gemeenten={org.werkgebied}
            value={c.gemeenteCode}
            onChange={(gemeenteCode) => setC({ ...c, gemeenteCode, partijIds: [] })}
          />
        )}
        <FormField label="Titel" verplicht error={formulier.fout('titel')}>
          {(ids) => (
            <Textbox ids={ids} value={c.titel} onChange={(e) => setC({ ...c, titel: e.target.value })} />
          )}
        </FormField>
        <FormField label="Eerste jaar" verplicht error={formulier.fout('jaarVan')}>
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
        <FormField label="Laatste jaar (tot en met)" verplicht error={formulier.fout('jaarTot')}>
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
          <Fieldset legend="Partijen uitnodigen" error={formulier.fout('partijIds')}>
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
