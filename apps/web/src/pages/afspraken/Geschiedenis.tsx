import { useQuery } from '@apollo/client/react';
import { FoutMelding, Laden } from '../../components/Fout';
import { Heading, Tabel } from '../../components/nl';
import { AuditLogDocument } from '../../generated/graphql';
import { formatDatumTijd } from '../../lib/format';

/**
 * The history of a prestatieafspraak from the audit log (every change is audited on the
 * prestatieafspraak itself; the API lets its parties read it). Newest first.
 */
export function Geschiedenis({ prestatieafspraakId }: { prestatieafspraakId: string }) {
  const { data, error, loading } = useQuery(AuditLogDocument, { variables: { prestatieafspraakId } });
  const regels = [...(data?.auditLog ?? [])].sort((a, b) => b.tijdstip.localeCompare(a.tijdstip));
  return (
    <section aria-labelledby="kop-geschiedenis">
      <Heading level={2} id="kop-geschiedenis">
        Geschiedenis
      </Heading>
      <FoutMelding error={error} />
      {loading && !data ? <Laden tekst="De geschiedenis wordt geladen…" /> : null}
      {data ? (
        <Tabel
          caption={`${regels.length} ${regels.length === 1 ? 'wijziging' : 'wijzigingen'}, nieuwste eerst`}
          exporteer="Geschiedenis prestatieafspraak"
          rijen={regels}
          sleutel={(r) => r.id}
          kolommen={[
            { kop: 'Wanneer', cel: (r) => formatDatumTijd(r.tijdstip) },
            { kop: 'Wat', cel: (r) => r.omschrijving, rijkop: true },
            { kop: 'Organisatie', cel: (r) => r.organisatie?.naam ?? '–' },
            { kop: 'Door', cel: (r) => r.gebruikersnaam ?? '–' },
          ]}
          leeg="Er is nog niets vastgelegd."
        />
      ) : null}
    </section>
  );
}
