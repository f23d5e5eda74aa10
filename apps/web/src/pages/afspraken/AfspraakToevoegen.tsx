import { useMutation, useQuery } from '@apollo/client/react';
import { AANDACHTSGROEPEN, ACTIELIJNEN } from '@thuismonitor/domain';
import { useState, type FormEvent } from 'react';
import { FoutMelding, veldFouten } from '../../components/Fout';
import { Alert, Button, Fieldset, FormField, Heading, Select, Textarea, Textbox } from '../../components/nl';
import {
  AddAfspraakDocument,
  IndicatorenDocument,
  type Aandachtsgroep,
  type Actielijn,
} from '../../generated/graphql';
import { useConcept } from '../../lib/concept';
import { aandachtsgroepLabel, actielijnLabel, parseGetal } from '../../lib/format';
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
  const indicatoren = useQuery(IndicatorenDocument, { variables: { actielijn: c.actielijn as Actielijn } });
  const meetbaar = (indicatoren.data?.indicatoren ?? []).filter((i) => i.bron !== 'MIJLPAAL');
  const jaren = Array.from({ length: pa.jaarTot - pa.jaarVan + 1 }, (_, i) => pa.jaarVan + i);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [voegToe, { error, loading }] = useMutation(AddAfspraakDocument);
  const server = veldFouten(error);
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
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      await voegToe({
        variables: {
          id: pa.id,
          versie: pa.versie,
          input: {
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
      /* shown */
    }
  };

  return (
    <div className="tm-kaart">
      <Heading level={3}>Afspraak toevoegen</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <FoutMelding error={error} />
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <FormField label="Actielijn" error={veld('actielijn')}>
          {(ids) => (
            <Select
              ids={ids}
              value={c.actielijn}
              onChange={(e) => setC({ ...c, actielijn: e.target.value, indicatorCode: '' })}
            >
              {ACTIELIJNEN.map((a) => (
                <option key={a.code} value={a.code}>
                  {actielijnLabel(a.code)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
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
        <FormField
          label="Aandachtsgroep"
          description="Laat leeg als de afspraak niet over één groep gaat."
          error={veld('aandachtsgroep')}
        >
          {(ids) => (
            <Select
              ids={ids}
              value={c.aandachtsgroep}
              onChange={(e) => setC({ ...c, aandachtsgroep: e.target.value })}
            >
              <option value="">Geen specifieke groep</option>
              {AANDACHTSGROEPEN.map((g) => (
                <option key={g} value={g}>
                  {aandachtsgroepLabel(g)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
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
            <FormField label="Gemeten met" verplicht error={veld('indicatorCode')}>
              {(ids) => (
                <Select
                  ids={ids}
                  value={c.indicatorCode}
                  onChange={(e) => setC({ ...c, indicatorCode: e.target.value })}
                >
                  <option value="">Kies een indicator</option>
                  {meetbaar.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.naam}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
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
