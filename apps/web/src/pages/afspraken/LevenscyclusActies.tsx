import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/MeContext';
import { FoutMelding } from '../../components/Fout';
import { Alert, Button, Checkbox, FormField, Heading, Paragraph, Textarea } from '../../components/nl';
import {
  BeeindigPrestatieafspraakDocument,
  DienPrestatieafspraakInDocument,
  OndertekenPrestatieafspraakDocument,
  StartWijzigingPrestatieafspraakDocument,
  TrekPrestatieafspraakTerugDocument,
} from '../../generated/graphql';
import type { Pa } from './gedeeld';

export function LevenscyclusActies({ pa, onGewijzigd }: { pa: Pa; onGewijzigd: () => void }) {
  const me = useMe();
  const acties = new Set(pa.mogelijkeActies);
  const [indienen, indienenStatus] = useMutation(DienPrestatieafspraakInDocument);
  const [tekenen, tekenenStatus] = useMutation(OndertekenPrestatieafspraakDocument);
  const [terugtrekken, terugtrekkenStatus] = useMutation(TrekPrestatieafspraakTerugDocument);
  const [wijzigen, wijzigenStatus] = useMutation(StartWijzigingPrestatieafspraakDocument);
  const [beeindigen, beeindigenStatus] = useMutation(BeeindigPrestatieafspraakDocument);
  const navigate = useNavigate();
  const [eindReden, setEindReden] = useState('');
  const [eindRedenFout, setEindRedenFout] = useState<string | null>(null);
  const [bevoegd, setBevoegd] = useState(false);
  const [bevoegdFout, setBevoegdFout] = useState<string | null>(null);
  const [reden, setReden] = useState('');
  const [redenFout, setRedenFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const fout =
    indienenStatus.error ??
    tekenenStatus.error ??
    terugtrekkenStatus.error ??
    wijzigenStatus.error ??
    beeindigenStatus.error;
  // locking the afspraken is asked once more before it happens (issue 14)
  const [bevestigen, setBevestigen] = useState(false);
  const bevestigRef = useRef<HTMLDivElement>(null);
  const foutRef = useRef<HTMLDivElement>(null);
  const [foutPoging, setFoutPoging] = useState(0);
  useEffect(() => {
    if (bevestigen) bevestigRef.current?.focus();
  }, [bevestigen]);
  // a refused action: the focus goes to the message, not left on the button
  useEffect(() => {
    if (foutPoging) foutRef.current?.focus();
  }, [foutPoging]);
  const opnieuw = async (fn: () => Promise<unknown>, ok: string) => {
    setMelding(null);
    try {
      await fn();
      setMelding(ok);
    } catch {
      setFoutPoging((n) => n + 1);
      onGewijzigd();
    }
  };
  if (
    !['INDIENEN', 'ONDERTEKENEN', 'TERUGTREKKEN', 'WIJZIGING_STARTEN', 'BEEINDIGEN'].some((a) =>
      acties.has(a as never),
    )
  ) {
    return melding ? <Alert type="ok">{melding}</Alert> : null;
  }
  return (
    <section aria-labelledby="kop-acties" className="tm-kaart">
      <Heading level={2} id="kop-acties">
        Wat u nu kunt doen
      </Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <div ref={foutRef} tabIndex={-1} className="tm-focusdoel">
        <FoutMelding error={fout} />
      </div>
      {acties.has('INDIENEN') ? (
        <>
          <Paragraph>
            Zijn de afspraken compleet? Bied ze dan aan ter ondertekening. Daarna kunnen ze niet meer worden
            aangepast, tenzij u ze terugtrekt.
          </Paragraph>
          {bevestigen ? (
            <div
              ref={bevestigRef}
              tabIndex={-1}
              role="group"
              aria-labelledby="kop-bevestig-indienen"
              className="utrecht-alert utrecht-alert--warning tm-bevestiging"
            >
              <p className="utrecht-paragraph" id="kop-bevestig-indienen">
                <strong>Weet u zeker dat u „{pa.titel}” nu ter ondertekening wilt aanbieden?</strong>
              </p>
              <p className="utrecht-paragraph">
                De {pa.afspraken.length === 1 ? 'afspraak wordt' : `${pa.afspraken.length} afspraken worden`}{' '}
                vastgezet: niemand kan ze nog aanpassen. Alle {pa.partijen.length} partijen krijgen het
                verzoek te tekenen. Wilt u daarna toch iets wijzigen, dan moet u het voorstel terugtrekken;
                gezette handtekeningen vervallen dan.
              </p>
              <div className="utrecht-button-group">
                <Button
                  appearance="primary-action"
                  busy={indienenStatus.loading}
                  onClick={() => {
                    setBevestigen(false);
                    void opnieuw(
                      () => indienen({ variables: { id: pa.id, versie: pa.versie } }),
                      'De prestatieafspraak is aangeboden ter ondertekening. Alle partijen kunnen nu tekenen.',
                    );
                  }}
                >
                  Ja, nu aanbieden
                </Button>
                <Button onClick={() => setBevestigen(false)}>Nee, nog niet</Button>
              </div>
            </div>
          ) : (
            <Button
              appearance="primary-action"
              busy={indienenStatus.loading}
              onClick={() => setBevestigen(true)}
            >
              Ter ondertekening aanbieden
            </Button>
          )}
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
      {acties.has('WIJZIGING_STARTEN') ? (
        <>
          <Paragraph>
            Moet er iets veranderen? Start een wijziging: een nieuwe versie als concept met dezelfde partijen
            en afspraken. Deze versie blijft gelden tot alle partijen de nieuwe hebben ondertekend.
          </Paragraph>
          <Button
            busy={wijzigenStatus.loading}
            onClick={() =>
              void opnieuw(async () => {
                const r = await wijzigen({ variables: { id: pa.id } });
                void navigate(`/afspraken/${r.data!.startWijzigingPrestatieafspraak.id}`);
              }, 'Er is een nieuwe versie als concept gemaakt.')
            }
          >
            Wijziging starten
          </Button>
        </>
      ) : null}
      {acties.has('BEEINDIGEN') ? (
        <details className="tm-uitleg">
          <summary>Prestatieafspraak beëindigen</summary>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!eindReden.trim()) {
                setEindRedenFout('Geef aan waarom de prestatieafspraak eindigt.');
                return;
              }
              setEindRedenFout(null);
              void opnieuw(
                () => beeindigen({ variables: { id: pa.id, versie: pa.versie, reden: eindReden.trim() } }),
                'De prestatieafspraak is beëindigd.',
              );
            }}
          >
            <FormField label="Reden van beëindigen" error={eindRedenFout}>
              {(ids) => (
                <Textarea
                  ids={ids}
                  rows={2}
                  value={eindReden}
                  onChange={(e) => setEindReden(e.target.value)}
                />
              )}
            </FormField>
            <Button type="submit" busy={beeindigenStatus.loading}>
              Beëindigen
            </Button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
