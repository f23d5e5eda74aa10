import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Heading, Link, Paragraph, Tabel } from '../../components/nl';
import { PrestatieafspraakVersieDocument, type PrestatieafspraakVersieQuery } from '../../generated/graphql';
import { formatDatumTijd } from '../../lib/format';
import type { Pa } from './gedeeld';

type Versie = PrestatieafspraakVersieQuery['prestatieafspraak'];

/**
 * Every version of this prestatieafspraak (issue 14: the record parties file shows all versions),
 * found by following vorigeVersieId and volgendeVersieId. A version the organisation may not read
 * (its parties changed between versions) ends the chain with a sentence instead of a row.
 */
export function Versies({ pa }: { pa: Pa }) {
  const client = useApolloClient();
  const [lijst, setLijst] = useState<{ van: string; versies: Versie[]; verborgen: boolean } | null>(null);
  useEffect(() => {
    if (!pa.vorigeVersieId && !pa.volgendeVersieId) return;
    let actief = true;
    const haal = async (id: string) =>
      (await client.query({ query: PrestatieafspraakVersieDocument, variables: { id } })).data
        ?.prestatieafspraak;
    void (async () => {
      const versies: Versie[] = [];
      let verborgen = false;
      try {
        for (let id = pa.vorigeVersieId; id;) {
          const v = await haal(id);
          if (!v) break;
          versies.unshift(v);
          id = v.vorigeVersieId;
        }
      } catch {
        verborgen = true;
      }
      try {
        for (let id = pa.volgendeVersieId; id;) {
          const v = await haal(id);
          if (!v) break;
          versies.push(v);
          id = v.volgendeVersieId;
        }
      } catch {
        verborgen = true;
      }
      if (actief) setLijst({ van: pa.id, versies, verborgen });
    })();
    return () => {
      actief = false;
    };
  }, [client, pa.id, pa.vorigeVersieId, pa.volgendeVersieId]);

  const deze: Versie = {
    id: pa.id,
    versienummer: pa.versienummer,
    status: pa.status,
    statusLabel: pa.statusLabel,
    ingediendOp: pa.ingediendOp,
    vastgesteldOp: pa.vastgesteldOp,
    beeindigdOp: pa.beeindigdOp,
    beeindigdReden: pa.beeindigdReden,
    vorigeVersieId: pa.vorigeVersieId,
    volgendeVersieId: pa.volgendeVersieId,
  };
  const andere = lijst?.van === pa.id ? lijst.versies : [];
  const rijen = [...andere, deze].sort((a, b) => a.versienummer - b.versienummer);
  return (
    <section aria-labelledby="kop-versies">
      <Heading level={2} id="kop-versies">
        Versies
      </Heading>
      <Tabel<Versie>
        caption={rijen.length === 1 ? 'Er is één versie' : `${rijen.length} versies`}
        rijen={rijen}
        sleutel={(v) => v.id}
        kolommen={[
          {
            kop: 'Versie',
            cel: (v) =>
              v.id === pa.id ? (
                `${v.versienummer} (deze versie)`
              ) : (
                <Link to={`/afspraken/${v.id}`}>{`Versie ${v.versienummer}`}</Link>
              ),
            rijkop: true,
          },
          { kop: 'Status', cel: (v) => v.statusLabel },
          { kop: 'Vastgesteld', cel: (v) => (v.vastgesteldOp ? formatDatumTijd(v.vastgesteldOp) : '–') },
          {
            kop: 'Beëindigd',
            cel: (v) =>
              v.beeindigdOp
                ? `${formatDatumTijd(v.beeindigdOp)}${v.beeindigdReden ? ` (${v.beeindigdReden})` : ''}`
                : '–',
          },
        ]}
      />
      {lijst?.van === pa.id && lijst.verborgen ? (
        <Paragraph small>
          Een andere versie is niet zichtbaar voor uw organisatie (de partijen verschillen per versie).
        </Paragraph>
      ) : null}
    </section>
  );
}
