import { useMutation, useQuery } from '@apollo/client/react';
import { SEGMENTEN, valideerToewijzingRij, type ToewijzingKolom } from '@thuismonitor/domain';
import { useState, type FormEvent } from 'react';
import { FoutSamenvatting } from '../../components/FoutSamenvatting';
import { AandachtsgroepVeld, GemeenteVeld } from '../../components/Keuzevelden';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Checkbox,
  FormField,
  Heading,
  Paragraph,
  Select,
  Textbox,
} from '../../components/nl';
import {
  MaakToewijzingDocument,
  UrgentieCategorieenVanGemeenteDocument,
  type Aandachtsgroep,
  type Segment,
} from '../../generated/graphql';
import { useConcept } from '../../lib/concept';
import { segmentLabel } from '../../lib/format';
import { useFormulier, type Regel } from '../../lib/formulier';
import { vandaagIso } from '../../lib/gebied';
import { usePaginaTitel } from '../../lib/pagina';
import { useEigenGemeenten } from './gedeeld';

interface ToewijzingConcept {
  gemeenteCode: string;
  datum: string;
  aandachtsgroep: string;
  huishoudgrootte: string;
  segment: string;
  viaUrgentie: boolean;
  urgentieCategorie: string;
  externKenmerk: string;
}

const LEEG_CONCEPT: ToewijzingConcept = {
  gemeenteCode: '',
  datum: '',
  aandachtsgroep: '',
  huishoudgrootte: '',
  segment: 'SOCIALE_HUUR',
  viaUrgentie: false,
  urgentieCategorie: '',
  externKenmerk: '',
};

/** The form's fields for the columns of the domain's row check. */
const VELD_VAN_KOLOM: Record<ToewijzingKolom, keyof ToewijzingConcept> = {
  extern_kenmerk: 'externKenmerk',
  gemeente: 'gemeenteCode',
  datum: 'datum',
  aandachtsgroep: 'aandachtsgroep',
  huishoudgrootte: 'huishoudgrootte',
  segment: 'segment',
  via_urgentie: 'viaUrgentie',
  urgentie_categorie: 'urgentieCategorie',
};

/**
 * The API's own row rules (libs/domain valideerToewijzingRij, the same check as for an import
 * file and for maakToewijzing): date not in the future nor before 2015, 1–20 persons, the
 * gemeente in the werkgebied. The urgentie category is checked by the API against the regeling.
 */
function controle(c: ToewijzingConcept, werkgebied: readonly string[]): Regel[] {
  const r = valideerToewijzingRij(
    {
      // left empty, the API makes a kenmerk
      extern_kenmerk: c.externKenmerk.trim() || 'wordt-gemaakt',
      gemeente: c.gemeenteCode,
      datum: c.datum,
      aandachtsgroep: c.aandachtsgroep,
      huishoudgrootte: c.huishoudgrootte.trim(),
      segment: c.segment,
      via_urgentie: c.viaUrgentie ? 'ja' : 'nee',
    },
    { werkgebied, gemeenteOpNaam: () => undefined, vandaag: vandaagIso() },
  );
  const regels: Regel[] = r.ok
    ? []
    : r.fouten.map((f) => ({ veld: VELD_VAN_KOLOM[f.kolom], melding: f.melding }));
  if (!c.gemeenteCode) regels.unshift({ veld: 'gemeenteCode', melding: 'Kies de gemeente van de woning.' });
  return regels;
}

export function ToewijzingInvoerenPagina() {
  usePaginaTitel('Toewijzing invoeren');
  const gemeenten = useEigenGemeenten();
  const [c, setC, wis] = useConcept<ToewijzingConcept>('toewijzing', LEEG_CONCEPT);
  const [opgeslagen, setOpgeslagen] = useState<string | null>(null);
  const [maak, { error, loading }] = useMutation(MaakToewijzingDocument);
  const formulier = useFormulier(error);
  const veld = (naam: keyof ToewijzingConcept) => formulier.fout(naam);
  // the categories of the urgentieregeling of the chosen gemeente (only when via urgentie)
  const regeling = useQuery(UrgentieCategorieenVanGemeenteDocument, {
    variables: { gemeenteCode: c.gemeenteCode },
    skip: !c.gemeenteCode || !c.viaUrgentie,
  });
  const categorieen = regeling.data?.urgentieregeling.categorieen ?? [];
  const zet = <K extends keyof ToewijzingConcept>(k: K, v: ToewijzingConcept[K]) =>
    setC((oud) => ({ ...oud, [k]: v }));

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setOpgeslagen(null);
    await formulier.verstuur(
      () =>
        controle(
          c,
          gemeenten.map((g) => g.code),
        ),
      async () => {
        const r = await maak({
          variables: {
            invoer: {
              gemeenteCode: c.gemeenteCode,
              datum: c.datum,
              aandachtsgroep: (c.aandachtsgroep || null) as Aandachtsgroep | null,
              huishoudgrootte: Number(c.huishoudgrootte),
              segment: c.segment as Segment,
              viaUrgentie: c.viaUrgentie,
              urgentieCategorie: (c.viaUrgentie && c.urgentieCategorie) || null,
              externKenmerk: c.externKenmerk.trim() || null,
            },
          },
        });
        // the typed kenmerk is echoed from the form: the API stores only its hash and never returns it
        const kenmerk = c.externKenmerk.trim();
        setOpgeslagen(
          kenmerk
            ? `De toewijzing is vastgelegd met kenmerk ${kenmerk}.`
            : `De toewijzing is vastgelegd (vingerafdruk ${r.data?.maakToewijzing.kenmerkVingerafdruk}).`,
        );
        wis();
      },
    );
  };

  return (
    <>
      <Heading level={1}>Toewijzing invoeren</Heading>
      <Paragraph>
        Leg één toewijzing vast. Vul geen namen, adressen of andere persoonsgegevens in. Voor veel
        toewijzingen tegelijk:{' '}
        <ButtonLink appearance="subtle" to="/toewijzingen/importeren">
          bestand importeren
        </ButtonLink>
      </Paragraph>
      {opgeslagen ? <Alert type="ok">{opgeslagen}</Alert> : null}
      <FoutSamenvatting {...formulier.samenvatting} />
      <form ref={formulier.formulier} className="tm-form" noValidate onSubmit={verstuur}>
        <GemeenteVeld
          label="Gemeente van de woning"
          verplicht
          required
          error={veld('gemeenteCode')}
          gemeenten={gemeenten}
          value={c.gemeenteCode}
          onChange={(w) => zet('gemeenteCode', w)}
        />
        <FormField label="Datum van de toewijzing" verplicht error={veld('datum')}>
          {(ids) => (
            <Textbox
              ids={ids}
              type="date"
              required
              value={c.datum}
              onChange={(e) => zet('datum', e.target.value)}
            />
          )}
        </FormField>
        <AandachtsgroepVeld
          leeg="Geen (regulier)"
          description="Leeg laten voor een reguliere toewijzing."
          error={veld('aandachtsgroep')}
          value={c.aandachtsgroep}
          onChange={(w) => zet('aandachtsgroep', w)}
        />
        <FormField label="Aantal personen in het huishouden" verplicht error={veld('huishoudgrootte')}>
          {(ids) => (
            <Textbox
              ids={ids}
              inputMode="numeric"
              required
              value={c.huishoudgrootte}
              onChange={(e) => zet('huishoudgrootte', e.target.value)}
              className="utrecht-textbox--numeric"
              size={4}
            />
          )}
        </FormField>
        <FormField label="Segment" error={veld('segment')}>
          {(ids) => (
            <Select ids={ids} value={c.segment} onChange={(e) => zet('segment', e.target.value)}>
              {SEGMENTEN.map((s) => (
                <option key={s} value={s}>
                  {segmentLabel(s)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Toegewezen via urgentie" checkbox error={veld('viaUrgentie')}>
          {(ids) => (
            <Checkbox
              ids={ids}
              checked={c.viaUrgentie}
              onChange={(e) => zet('viaUrgentie', e.target.checked)}
            />
          )}
        </FormField>
        {c.viaUrgentie && c.gemeenteCode ? (
          <FormField
            label="Urgentiecategorie"
            description={
              categorieen.length
                ? 'De categorie uit de urgentieregeling van de gemeente (niet verplicht).'
                : 'De gemeente heeft nog geen urgentieregeling in Thuismonitor vastgelegd.'
            }
            error={veld('urgentieCategorie')}
          >
            {(ids) => (
              <Select
                ids={ids}
                value={c.urgentieCategorie}
                disabled={!categorieen.length}
                onChange={(e) => zet('urgentieCategorie', e.target.value)}
              >
                <option value="">Geen categorie opgegeven</option>
                {categorieen.map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ) : null}
        <FormField
          label="Extern kenmerk"
          description="Het nummer uit uw verhuursysteem. Thuismonitor bewaart het alleen als sleutel-hash en toont het niet terug. Leeg laten: Thuismonitor maakt een kenmerk."
          error={veld('externKenmerk')}
        >
          {(ids) => (
            <Textbox
              ids={ids}
              value={c.externKenmerk}
              onChange={(e) => zet('externKenmerk', e.target.value)}
            />
          )}
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Toewijzing vastleggen
          </Button>
          <ButtonLink to="/toewijzingen">Naar het overzicht</ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}
