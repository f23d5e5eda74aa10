import { useMutation, useQuery } from '@apollo/client/react';
import {
  formatKwartaal,
  kwartaalLabel,
  kwartaalVanDatum,
  parseKwartaal,
  vandaagInAmsterdam,
  vorigKwartaal,
  type Kwartaal,
} from '@thuismonitor/domain';
import { useState, type FormEvent } from 'react';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { InvoerSectie } from '../components/InvoerSectie';
import { GetalVeld, ToelichtingVeld, Verzendknop } from '../components/Invoervelden';
import { GemeenteVeld } from '../components/Keuzevelden';
import { FormField, Heading, Paragraph, Select, Tabel } from '../components/nl';
import {
  KwartaalcijferIndicatorenDocument,
  KwartaalcijfersDocument,
  RapporteerKwartaalcijferDocument,
} from '../generated/graphql';
import { useConcept } from '../lib/concept';
import { formatDatumTijd, formatGetal, parseGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';

/** The current quarter and the seven before it, newest first. */
export function recenteKwartalen(aantal = 8): Kwartaal[] {
  let k = kwartaalVanDatum(vandaagInAmsterdam(new Date()));
  const uit: Kwartaal[] = [];
  for (let i = 0; i < aantal; i++) {
    uit.push(k);
    k = vorigKwartaal(k);
  }
  return uit;
}

export const kwartaalTekst = (code: string) => {
  try {
    return kwartaalLabel(parseKwartaal(code));
  } catch {
    return code;
  }
};

interface CijferConcept {
  indicatorCode: string;
  gemeenteCode: string;
  kwartaal: string;
  waarde: string;
  toelichting: string;
}

export function KwartaalcijfersPagina() {
  const me = useMe();
  const zorg = me.organisatie.soort === 'ZORGAANBIEDER';
  const titel = zorg ? 'Zorgvraag per gemeente' : 'Kwartaalcijfers';
  usePaginaTitel(titel);
  const indicatoren = useQuery(KwartaalcijferIndicatorenDocument);
  const cijfers = useQuery(KwartaalcijfersDocument, { variables: { filter: {} } });
  const eigen = (indicatoren.data?.kwartaalcijferIndicatoren ?? []).filter((i) => i.magRapporteren);
  const gemeenten = me.organisatie.werkgebied;
  const kwartalen = recenteKwartalen();
  const [c, setC, wis] = useConcept<CijferConcept>(`kwartaalcijfer-${me.organisatie.id}`, {
    indicatorCode: '',
    gemeenteCode: '',
    kwartaal: formatKwartaal(vorigKwartaal(kwartalen[0])),
    waarde: '',
    toelichting: '',
  });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [rapporteer, { error, loading }] = useMutation(RapporteerKwartaalcijferDocument);
  const server = veldFouten(error);
  const indicatorCode = c.indicatorCode || (eigen.length === 1 ? eigen[0].code : '');

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!indicatorCode) f.indicatorCode = 'Kies wat u rapporteert.';
    if (!c.gemeenteCode) f.gemeenteCode = 'Kies de gemeente.';
    const waarde = parseGetal(c.waarde);
    if (!c.waarde.trim()) f.waarde = 'Vul het cijfer in.';
    else if (waarde === undefined) f.waarde = 'Vul een getal in, bijvoorbeeld 12 of 1.234,5.';
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      const r = await rapporteer({
        variables: {
          invoer: {
            indicatorCode,
            gemeenteCode: c.gemeenteCode,
            kwartaal: c.kwartaal,
            waarde: waarde!,
            toelichting: c.toelichting.trim() || null,
          },
        },
        refetchQueries: [KwartaalcijfersDocument],
      });
      const k = r.data?.rapporteerKwartaalcijfer;
      setMelding(
        k
          ? `${k.indicatorNaam} voor ${k.gemeente.naam}, ${kwartaalTekst(k.kwartaal)}: ${formatGetal(k.waarde)} is opgeslagen.`
          : 'Opgeslagen.',
      );
      wis();
    } catch {
      /* shown below */
    }
  };

  const rijen = cijfers.data?.kwartaalcijfers ?? [];
  return (
    <>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        {zorg
          ? 'Meld per gemeente per kwartaal hoeveel cliënten klaar zijn om uit te stromen naar een eigen woning en daarop wachten.'
          : 'Cijfers die uw organisatie per gemeente per kwartaal rapporteert. Een nieuw cijfer voor hetzelfde kwartaal is een correctie; het vorige blijft in de historie.'}
      </Paragraph>
      {/* a read-only account gets the list, not a form the API would refuse */}
      {eigen.length && magIk(me, 'kwartaalcijfer:invoeren') ? (
        <InvoerSectie
          kopId="kop-rapporteren"
          kop="Cijfer rapporteren"
          melding={melding}
          error={error}
          onSubmit={verstuur}
        >
          <FormField
            label="Wat rapporteert u?"
            verplicht
            error={fouten.indicatorCode ?? server.indicatorCode}
          >
            {(ids) => (
              <Select
                ids={ids}
                value={indicatorCode}
                onChange={(e) => setC({ ...c, indicatorCode: e.target.value })}
              >
                {eigen.length > 1 ? <option value="">Kies een cijfer</option> : null}
                {eigen.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <GemeenteVeld
            verplicht
            error={fouten.gemeenteCode ?? server.gemeenteCode}
            gemeenten={gemeenten}
            value={c.gemeenteCode}
            onChange={(gemeenteCode) => setC({ ...c, gemeenteCode })}
          />
          <FormField label="Kwartaal" verplicht error={server.kwartaal}>
            {(ids) => (
              <Select ids={ids} value={c.kwartaal} onChange={(e) => setC({ ...c, kwartaal: e.target.value })}>
                {kwartalen.map((k) => (
                  <option key={formatKwartaal(k)} value={formatKwartaal(k)}>
                    {kwartaalLabel(k)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <GetalVeld
            label="Aantal"
            verplicht
            description="Bijvoorbeeld 12 of 1.234"
            error={fouten.waarde ?? server.waarde}
            value={c.waarde}
            onChange={(waarde) => setC({ ...c, waarde })}
          />
          <ToelichtingVeld
            rows={3}
            error={server.toelichting}
            value={c.toelichting}
            onChange={(toelichting) => setC({ ...c, toelichting })}
          />
          <Verzendknop bezig={loading}>Cijfer opslaan</Verzendknop>
        </InvoerSectie>
      ) : null}
      <section aria-labelledby="kop-cijfers">
        <Heading level={2} id="kop-cijfers">
          Gerapporteerde cijfers
        </Heading>
        <FoutMelding error={cijfers.error ?? indicatoren.error} />
        {cijfers.loading && !cijfers.data ? <Laden /> : null}
        {cijfers.data ? (
          <Tabel
            caption={`${formatGetal(rijen.length)} actuele cijfers`}
            exporteer="Kwartaalcijfers"
            rijen={rijen}
            sleutel={(r) => r.id}
            kolommen={[
              { kop: 'Kwartaal', cel: (r) => kwartaalTekst(r.kwartaal), rijkop: true },
              { kop: 'Gemeente', cel: (r) => r.gemeente.naam },
              { kop: 'Cijfer', cel: (r) => r.indicatorNaam },
              { kop: 'Aantal', cel: (r) => formatGetal(r.waarde), numeriek: true },
              ...(me.organisatie.soort === 'GEMEENTE'
                ? [{ kop: 'Organisatie', cel: (r: (typeof rijen)[number]) => r.organisatie.naam }]
                : []),
              { kop: 'Toelichting', cel: (r) => r.toelichting ?? '–' },
              {
                kop: 'Gerapporteerd',
                cel: (r) => `${formatDatumTijd(r.gerapporteerdOp)}${r.vervangtId ? ' (correctie)' : ''}`,
              },
            ]}
            leeg="Er zijn nog geen cijfers gerapporteerd."
          />
        ) : null}
      </section>
    </>
  );
}
