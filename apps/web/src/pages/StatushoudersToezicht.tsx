import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { GemeenteVeld } from '../components/Keuzevelden';
import {
  Alert,
  Button,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textarea,
  Textbox,
} from '../components/nl';
import {
  ImporteerCoaRealisatieDocument,
  StatushoudersGemeenteDocument,
  StatushoudersInterventiesDocument,
  StatushoudersProvincieDocument,
  StelStatushoudersInterventieDocument,
  type InterventieOordeel,
  type InterventieTrede,
} from '../generated/graphql';
import { formatDag, formatDatumTijd, formatGetal } from '../lib/format';

/** In ladder order (the API's enum order is alphabetical in the generated types). */
const TREDEN: { waarde: InterventieTrede; label: string }[] = [
  { waarde: 'GEEN', label: 'Geen interventie' },
  { waarde: 'SIGNALERING', label: 'Signalering (ambtelijk contact)' },
  { waarde: 'BESTUURLIJK_OVERLEG', label: 'Bestuurlijk overleg' },
  { waarde: 'AANSCHRIJVING', label: 'Aanschrijving (vooraankondiging indeplaatsstelling)' },
  { waarde: 'INDEPLAATSSTELLING_BESLUIT', label: 'Besluit tot indeplaatsstelling' },
  { waarde: 'INDEPLAATSSTELLING_UITVOERING', label: 'Uitvoering indeplaatsstelling' },
];
const MET_TERMIJN: InterventieTrede[] = [
  'AANSCHRIJVING',
  'INDEPLAATSSTELLING_BESLUIT',
  'INDEPLAATSSTELLING_UITVOERING',
];
const OORDELEN: { waarde: InterventieOordeel; label: string }[] = [
  { waarde: 'VOLDOET', label: 'Voldoet' },
  { waarde: 'VOLDOET_NIET_VERSCHOONBAAR', label: 'Voldoet niet, doch verschoonbaar' },
  { waarde: 'VOLDOET_NIET', label: 'Voldoet niet' },
];

const halfjaarTekst = (hj: string) => hj.replace('-H', ' halfjaar ');

/**
 * The provincie sets the next step on the interventieladder for one of its gemeenten; the
 * gemeente's history is shown below the form.
 */
export function InterventieFormulier({
  gemeenten,
  halfjaren,
}: {
  gemeenten: { code: string; naam: string }[];
  halfjaren: string[];
}) {
  const [c, setC] = useState({
    gemeenteCode: '',
    halfjaar: halfjaren[halfjaren.length - 1] ?? '',
    trede: 'SIGNALERING' as InterventieTrede,
    oordeel: 'VOLDOET_NIET' as InterventieOordeel,
    termijn: '',
    toelichting: '',
  });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [stel, { error, loading }] = useMutation(StelStatushoudersInterventieDocument);
  const historie = useQuery(StatushoudersInterventiesDocument, {
    variables: { gemeenteCode: c.gemeenteCode },
    skip: !c.gemeenteCode,
  });
  const server = veldFouten(error);
  const zet =
    (veld: keyof typeof c) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setC({ ...c, [veld]: e.target.value });

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!c.gemeenteCode) f.gemeenteCode = 'Kies de gemeente.';
    if (MET_TERMIJN.includes(c.trede) && !c.termijn) f.termijn = 'Bij deze trede hoort een termijn.';
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      const r = await stel({
        variables: {
          invoer: {
            gemeenteCode: c.gemeenteCode,
            halfjaar: c.halfjaar,
            trede: c.trede,
            oordeel: c.oordeel,
            termijn: c.termijn || null,
            toelichting: c.toelichting.trim() || null,
          },
        },
        refetchQueries: [StatushoudersProvincieDocument, StatushoudersInterventiesDocument],
      });
      const s = r.data?.stelStatushoudersInterventie;
      setMelding(s ? `${s.tredeLabel} voor ${s.gemeente.naam} is vastgelegd.` : 'Vastgelegd.');
      setC({ ...c, termijn: '', toelichting: '' });
    } catch {
      /* shown below */
    }
  };

  const rijen = historie.data?.statushoudersInterventies ?? [];
  return (
    <section aria-labelledby="kop-interventie">
      <Heading level={2} id="kop-interventie">
        Interventieladder
      </Heading>
      <Paragraph>
        Leg per gemeente uw oordeel en de stap op de interventieladder vast (interbestuurlijk toezicht). Een
        nieuwe stap vervangt niets: eerdere stappen blijven als geschiedenis zichtbaar. Vanaf de aanschrijving
        hoort er een termijn bij waarbinnen de gemeente moet voldoen.
      </Paragraph>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <GemeenteVeld
          verplicht
          error={fouten.gemeenteCode ?? server.gemeenteCode}
          gemeenten={gemeenten}
          value={c.gemeenteCode}
          onChange={(gemeenteCode) => setC({ ...c, gemeenteCode })}
        />
        <FormField label="Beoordeeld halfjaar" verplicht error={server.halfjaar}>
          {(ids) => (
            <Select ids={ids} value={c.halfjaar} onChange={zet('halfjaar')}>
              {halfjaren.map((h) => (
                <option key={h} value={h}>
                  {halfjaarTekst(h)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Oordeel" verplicht>
          {(ids) => (
            <Select ids={ids} value={c.oordeel} onChange={zet('oordeel')}>
              {OORDELEN.map((o) => (
                <option key={o.waarde} value={o.waarde}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Trede" verplicht>
          {(ids) => (
            <Select ids={ids} value={c.trede} onChange={zet('trede')}>
              {TREDEN.map((t) => (
                <option key={t.waarde} value={t.waarde}>
                  {t.label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          label="Termijn"
          verplicht={MET_TERMIJN.includes(c.trede)}
          description="De datum waarop de gemeente uiterlijk moet voldoen."
          error={fouten.termijn ?? server.termijn}
        >
          {(ids) => <Textbox ids={ids} type="date" value={c.termijn} onChange={zet('termijn')} />}
        </FormField>
        <FormField label="Toelichting" error={server.toelichting}>
          {(ids) => <Textarea ids={ids} rows={3} value={c.toelichting} onChange={zet('toelichting')} />}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Stap vastleggen
        </Button>
      </form>
      {c.gemeenteCode ? (
        historie.loading ? (
          <Laden />
        ) : rijen.length ? (
          <Tabel
            caption={`Geschiedenis interventieladder ${gemeenten.find((g) => g.code === c.gemeenteCode)?.naam ?? ''}`}
            rijen={rijen}
            sleutel={(r) => r.id}
            kolommen={[
              { kop: 'Vastgelegd', cel: (r) => formatDatumTijd(r.aangemaaktOp), rijkop: true },
              { kop: 'Halfjaar', cel: (r) => halfjaarTekst(r.halfjaar) },
              { kop: 'Oordeel', cel: (r) => r.oordeelLabel },
              { kop: 'Trede', cel: (r) => r.tredeLabel },
              { kop: 'Termijn', cel: (r) => formatDag(r.termijn) },
              { kop: 'Toelichting', cel: (r) => r.toelichting ?? '–' },
            ]}
          />
        ) : (
          <Paragraph>Voor deze gemeente is nog geen stap vastgelegd.</Paragraph>
        )
      ) : null}
    </section>
  );
}

/** The Rijk reads in COA's realisation per gemeente per month (CSV). */
export function CoaImport() {
  const [bestand, setBestand] = useState<File | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [importeer, { error, loading, data }] = useMutation(ImporteerCoaRealisatieDocument);

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setFout(null);
    if (!bestand) {
      setFout('Kies het CSV-bestand van het COA.');
      return;
    }
    try {
      await importeer({
        variables: { bestandsnaam: bestand.name, inhoud: await bestand.text() },
        refetchQueries: [StatushoudersGemeenteDocument, StatushoudersProvincieDocument],
      });
    } catch {
      /* shown below */
    }
  };
  const r = data?.importeerCoaRealisatie;
  return (
    <section aria-labelledby="kop-coa">
      <Heading level={2} id="kop-coa">
        COA-realisatie inlezen
      </Heading>
      <Paragraph>
        Het COA meldt per maand hoeveel personen elke gemeente huisvestte. Lees dat overzicht in als CSV met
        de kolommen <code>gemeentecode;gemeente;maand;personen</code> (bijvoorbeeld{' '}
        <code>GM0344;Utrecht;2026-01;42</code>
        ). Een maand die u opnieuw inleest vervangt die maand. Bevat het bestand één foute regel, dan wordt
        niets opgeslagen en ziet u per regel wat er mis is.
      </Paragraph>
      {r ? (
        <Alert type="ok">
          {formatGetal(r.rijen)} regels voor {formatGetal(r.gemeenten)} gemeenten ingelezen (maanden{' '}
          {r.maanden.join(', ')}); {formatGetal(r.vervangen)} eerdere regels vervangen.
        </Alert>
      ) : null}
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <FormField label="CSV-bestand van het COA" verplicht error={fout}>
          {(ids) => (
            <Textbox
              ids={ids}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => setBestand(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
          Inlezen
        </Button>
      </form>
    </section>
  );
}
