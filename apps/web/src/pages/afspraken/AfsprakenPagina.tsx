import { useQuery } from '@apollo/client/react';
import { useLocation } from 'react-router';
import { magIk, useMe } from '../../auth/MeContext';
import { FoutMelding, Laden } from '../../components/Fout';
import {
  Alert,
  ButtonGroup,
  ButtonLink,
  Heading,
  Link,
  Paragraph,
  StatusBadge,
  Tabel,
} from '../../components/nl';
import { PrestatieafsprakenDocument } from '../../generated/graphql';
import { formatGetal } from '../../lib/format';
import { STATUS_BADGE } from '../../lib/labels';
import { usePaginaTitel } from '../../lib/pagina';
import { looptijd } from './gedeeld';

export function AfsprakenPagina() {
  usePaginaTitel('Prestatieafspraken');
  const me = useMe();
  const { data, error, loading } = useQuery(PrestatieafsprakenDocument, { variables: {} });
  const lijst = data?.prestatieafspraken ?? [];
  const teTekenen = lijst.filter((p) => p.mogelijkeActies.includes('ONDERTEKENEN'));
  const opstellen = magIk(me, 'afspraak:opstellen');
  // a message from the page we came from (a deleted concept)
  const melding = (useLocation().state as { melding?: string } | null)?.melding;
  return (
    <>
      <Heading level={1}>Prestatieafspraken</Heading>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <Paragraph>
        Afspraken tussen gemeente, woningcorporaties en huurdersorganisaties (Woningwet artikel 44), soms
        samen met zorgaanbieders. Een concept wordt door alle partijen ondertekend; daarna is het vastgesteld.
      </Paragraph>
      {opstellen ? (
        <ButtonGroup>
          <ButtonLink appearance="primary-action" to="/afspraken/nieuw">
            {me.organisatie.soort === 'CORPORATIE' ? 'Nieuw bod uitbrengen' : 'Nieuwe prestatieafspraak'}
          </ButtonLink>
        </ButtonGroup>
      ) : null}
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {data ? (
        <>
          <section aria-labelledby="kop-tetekenen">
            <Heading level={2} id="kop-tetekenen">
              Wacht op uw ondertekening
            </Heading>
            {teTekenen.length ? (
              <ul className="utrecht-unordered-list">
                {teTekenen.map((p) => (
                  <li key={p.id}>
                    <Link to={`/afspraken/${p.id}`}>{p.titel}</Link> ({p.gemeente.naam},{' '}
                    {looptijd(p.jaarVan, p.jaarTot)})
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph>Er wacht niets op uw ondertekening.</Paragraph>
            )}
          </section>
          <section aria-labelledby="kop-alle">
            <Heading level={2} id="kop-alle">
              Alle prestatieafspraken die u kunt zien
            </Heading>
            <Tabel
              caption={`${formatGetal(lijst.length)} prestatieafspraken`}
              exporteer="Prestatieafspraken"
              rijen={lijst}
              sleutel={(p) => p.id}
              kolommen={[
                { kop: 'Titel', cel: (p) => <Link to={`/afspraken/${p.id}`}>{p.titel}</Link>, rijkop: true },
                { kop: 'Gemeente', cel: (p) => p.gemeente.naam },
                { kop: 'Looptijd', cel: (p) => looptijd(p.jaarVan, p.jaarTot) },
                {
                  kop: 'Status',
                  cel: (p) => <StatusBadge soort={STATUS_BADGE[p.status]}>{p.statusLabel}</StatusBadge>,
                },
                { kop: 'Partijen', cel: (p) => formatGetal(p.partijen.length), numeriek: true },
                {
                  kop: 'Nog te tekenen',
                  cel: (p) =>
                    p.status === 'TER_ONDERTEKENING' ? formatGetal(p.ontbrekendeOndertekeningen.length) : '–',
                  numeriek: true,
                },
              ]}
              leeg="Er zijn nog geen prestatieafspraken."
            />
          </section>
        </>
      ) : null}
    </>
  );
}
