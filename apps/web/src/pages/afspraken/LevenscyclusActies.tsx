import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useMe } from '../../auth/MeContext';
import { FoutMelding } from '../../components/Fout';
import { Alert, Button, Checkbox, FormField, Heading, Paragraph, Textarea } from '../../components/nl';
import {
  IndienenPrestatieafspraakDocument,
  OndertekenenPrestatieafspraakDocument,
  TerugtrekkenPrestatieafspraakDocument,
} from '../../generated/graphql';
import type { Pa } from './gedeeld';

export function LevenscyclusActies({ pa, onGewijzigd }: { pa: Pa; onGewijzigd: () => void }) {
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
