import { useMutation, useQuery } from '@apollo/client/react';
import { afspraakFouten } from '@thuismonitor/domain';
import { useRef, useState, type FormEvent } from 'react';
import { foutDetails } from '../../components/Fout';
import { FoutSamenvatting } from '../../components/FoutSamenvatting';
import { AandachtsgroepVeld, ActielijnVeld, IndicatorVeld } from '../../components/Keuzevelden';
import { Alert, Button, Fieldset, FormField, Heading, Select, Textarea, Textbox } from '../../components/nl';
import {
  VoegAfspraakToeDocument,
  IndicatorenDocument,
  type Aandachtsgroep,
  type Actielijn,
} from '../../generated/graphql';
import { useConcept } from '../../lib/concept';
import { aandachtsgroepLabel, parseGetal } from '../../lib/format';
import type { Pa } from './gedeeld';

export interface AfspraakConcept {
  actielijn: string;
  aandachtsgroep: string;
  omschrijving: string;
  soort: 'INDICATOR' | 'MIJLPAAL';
  indicatorCode: string;
  doelwaarden: Record<string, string>;
  mijlpaalDatum: string;
  verantwoordelijkeId: string;
}

export function AfspraakToevoegen({ pa }: { pa: Pa }) {
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
  // only indicators that fit the chosen aandachtsgroep (the API filters the catalogue)
  const indicatoren = useQuery(IndicatorenDocument, {
    variables: {
      actielijn: c.actielijn as Actielijn,
      aandachtsgroep: (c.aandachtsgroep || null) as Aandachtsgroep | null,
    },
  });
  const meetbaar = (indicatoren.data?.indicatoren ?? []).filter((i) => i.bron !== 'MIJLPAAL');
  const jaren = Array.from({ length: pa.jaarTot - pa.jaarVan + 1 }, (_, i) => pa.jaarVan + i);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [voegToe, { error, loading }] = useMutation(VoegAfspraakToeDocument);
  const formulier = useRef<HTMLFormElement>(null);
  const [poging, setPoging] = useState(0);
  const verstuurd = useRef<{ jaar: number }[]>([]);
  /** a rule's field path (domain or server: 'input.doelwaarden[1].waarde') → the form's field */
  const naarVeld = (pad: string): string => {
    const m = /doelwaarden\[(\d+)\]/.exec(pad);
    if (m) return `doel${verstuurd.current[Number(m[1])]?.jaar ?? jaren[0]}`;
    if (/doelwaarden$/.test(pad)) return `doel${jaren[0]}`;
    return pad.split('.').pop()!;
  };
  const server: Record<string, string> = {};
  for (const d of foutDetails(error)) server[naarVeld(d.veld)] ??= d.melding;
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
    verstuurd.current = doelwaarden;
    // the same rules the API applies (libs/domain), so most mistakes show before sending
    if (!Object.keys(f).length) {
      for (const d of afspraakFouten(
        {
          actielijn: c.actielijn,
          aandachtsgroep: c.aandachtsgroep || null,
          omschrijving: c.omschrijving,
          ...(c.soort === 'INDICATOR'
            ? { indicatorCode: c.indicatorCode, doelwaarden }
            : { mijlpaalDatum: c.mijlpaalDatum }),
        },
        pa,
      ))
        f[naarVeld(d.veld)] ??= d.melding;
    }
    setFouten(f);
    if (Object.keys(f).length) {
      setPoging((p) => p + 1);
      return;
    }
    try {
      await voegToe({
        variables: {
          id: pa.id,
          versie: pa.versie,
          invoer: {
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
      setPoging((p) => p + 1); // the summary lists the server's messages and takes the focus
    }
  };

  return (
    <div className="tm-kaart">
      <Heading level={3}>Afspraak toevoegen</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutSamenvatting formulier={formulier} poging={poging} error={error} />
      <form ref={formulier} className="tm-form" noValidate onSubmit={verstuur}>
        <ActielijnVeld
          error={veld('actielijn')}
          value={c.actielijn}
          onChange={(actielijn) => setC({ ...c, actielijn, indicatorCode: '' })}
        />
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
        <AandachtsgroepVeld
          leeg="Geen specifieke groep"
          description="Laat leeg als de afspraak niet over één groep gaat."
          error={veld('aandachtsgroep')}
          value={c.aandachtsgroep}
          onChange={(aandachtsgroep) => setC({ ...c, aandachtsgroep, indicatorCode: '' })}
        />
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
            <IndicatorVeld
              label="Gemeten met"
              leeg="Kies een indicator"
              indicatoren={meetbaar}
              verplicht
              error={veld('indicatorCode')}
              description={
                c.aandachtsgroep
                  ? indicatoren.data && meetbaar.length === 0
                    ? `Voor ${aandachtsgroepLabel(c.aandachtsgroep as Aandachtsgroep).toLowerCase()} is er in deze actielijn geen indicator. Kies een mijlpaal, een andere actielijn, of geen specifieke groep.`
                    : `Alleen indicatoren voor ${aandachtsgroepLabel(c.aandachtsgroep as Aandachtsgroep).toLowerCase()}.`
                  : undefined
              }
              value={c.indicatorCode}
              onChange={(indicatorCode) => setC({ ...c, indicatorCode })}
            />
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
