import { useQuery } from '@apollo/client/react';
import { ACTIELIJNEN } from '@thuismonitor/domain';
import { useParams } from 'react-router';
import { magIk, useMe } from '../../auth/MeContext';
import { FoutMelding, Laden } from '../../components/Fout';
import {
  Button,
  ButtonGroup,
  DataList,
  Heading,
  Link,
  Paragraph,
  StatusBadge,
  Tabel,
} from '../../components/nl';
import { PrestatieafspraakDocument } from '../../generated/graphql';
import { actielijnLabel, formatDatumTijd, formatGetal, organisatieSoortLabel } from '../../lib/format';
import { STATUS_BADGE } from '../../lib/labels';
import { usePaginaTitel } from '../../lib/pagina';
import { Geschiedenis } from './Geschiedenis';
import { ConceptVerwijderen } from './ConceptVerwijderen';
import { LevenscyclusActies } from './LevenscyclusActies';
import { PartijenBewerken } from './PartijenBewerken';
import { MijlpaalBijwerken } from './MijlpaalBijwerken';
import { AfspraakVerwijderen } from './AfspraakVerwijderen';
import { AfspraakToevoegen } from './AfspraakToevoegen';
import { ReactieGeven } from './ReactieGeven';
import { Versies } from './Versies';
import { looptijd, statusUitleg, afspraakInGewoneTaal } from './gedeeld';

export function AfspraakDetailPagina() {
  const { id = '' } = useParams();
  const me = useMe();
  const { data, error, loading, refetch } = useQuery(PrestatieafspraakDocument, { variables: { id } });
  const pa = data?.prestatieafspraak;
  usePaginaTitel(pa?.titel ?? 'Prestatieafspraak');
  if (!pa) {
    return (
      <>
        <Heading level={1}>Prestatieafspraak</Heading>
        {loading ? <Laden /> : null}
        <FoutMelding error={error} />
        <Link to="/afspraken">Terug naar de prestatieafspraken</Link>
      </>
    );
  }
  const acties = new Set(pa.mogelijkeActies);
  const getekend = new Map(pa.ondertekeningen.map((o) => [o.organisatie.id, o]));
  return (
    <>
      <Heading level={1}>{pa.titel}</Heading>
      <Paragraph>
        <StatusBadge soort={STATUS_BADGE[pa.status]}>{pa.statusLabel}</StatusBadge>
      </Paragraph>
      <Paragraph lead>{statusUitleg(pa, me.organisatie.id)}</Paragraph>
      <DataList
        items={[
          { key: 'Gemeente', value: pa.gemeente.naam },
          { key: 'Looptijd', value: looptijd(pa.jaarVan, pa.jaarTot) },
          { key: 'Opgesteld door', value: `${pa.opgesteldDoor.naam}${pa.isBod ? ' (bod)' : ''}` },
          { key: 'Versie', value: formatGetal(pa.versienummer) },
          ...(pa.ingediendOp
            ? [{ key: 'Aangeboden ter ondertekening', value: formatDatumTijd(pa.ingediendOp) }]
            : []),
        ]}
      />

      <LevenscyclusActies pa={pa} onGewijzigd={() => void refetch()} />
      {acties.has('VERWIJDEREN') ? <ConceptVerwijderen pa={pa} /> : null}
      {pa.partijen.some((p) => p.id === me.organisatie.id) && pa.status !== 'CONCEPT' ? (
        <Paragraph>
          <Link to={`/afspraken/${pa.id}/evaluatie`}>Evaluatie en geschillen</Link>
        </Paragraph>
      ) : null}

      <Versies pa={pa} />

      <section aria-labelledby="kop-partijen">
        <Heading level={2} id="kop-partijen">
          Partijen en ondertekening
        </Heading>
        <Tabel
          caption="Partijen"
          rijen={pa.partijen}
          sleutel={(p) => p.id}
          kolommen={[
            { kop: 'Partij', cel: (p) => p.naam, rijkop: true },
            { kop: 'Soort', cel: (p) => organisatieSoortLabel(p.soort) },
            {
              kop: 'Ondertekend',
              cel: (p) => {
                const o = getekend.get(p.id);
                return o ? `Ja, door ${o.getekendDoor} op ${formatDatumTijd(o.getekendOp)}` : 'Nog niet';
              },
            },
          ]}
        />
        {acties.has('BEWERKEN') ? <PartijenBewerken pa={pa} /> : null}
      </section>

      <section aria-labelledby="kop-afspraken">
        <Heading level={2} id="kop-afspraken">
          De afspraken
        </Heading>
        {pa.afspraken.length === 0 ? <Paragraph>Er zijn nog geen afspraken toegevoegd.</Paragraph> : null}
        {ACTIELIJNEN.map((lijn) => {
          const van = pa.afspraken.filter((a) => a.actielijn === lijn.code);
          if (!van.length) return null;
          return (
            <div key={lijn.code}>
              <Heading level={3}>{actielijnLabel(lijn.code)}</Heading>
              <ol className="utrecht-ordered-list tm-afspraken">
                {van.map((a) => (
                  <li key={a.id}>
                    <p className="utrecht-paragraph">
                      <strong>{a.omschrijving}</strong>
                    </p>
                    <p className="utrecht-paragraph">{afspraakInGewoneTaal(a)}</p>
                    {a.reacties.length ? (
                      <ul className="tm-reacties" aria-label={`Reacties op: ${a.omschrijving}`}>
                        {a.reacties.map((r) => (
                          <li key={r.id}>
                            <em>
                              {r.auteur} ({r.organisatie.naam}), {formatDatumTijd(r.geplaatstOp)}:
                            </em>{' '}
                            {r.tekst}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {acties.has('BEWERKEN') ? <AfspraakVerwijderen pa={pa} afspraak={a} /> : null}
                    {a.soort === 'MIJLPAAL' &&
                    pa.status === 'VASTGESTELD' &&
                    a.verantwoordelijke.id === me.organisatie.id &&
                    magIk(me, 'afspraak:reageren') ? (
                      <MijlpaalBijwerken afspraak={a} />
                    ) : null}
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
        {acties.has('BEWERKEN') ? <AfspraakToevoegen pa={pa} /> : null}
      </section>

      <section aria-labelledby="kop-reacties">
        <Heading level={2} id="kop-reacties">
          Reacties
        </Heading>
        {pa.reacties.filter((r) => !r.afspraakId).length ? (
          <ul className="tm-reacties">
            {pa.reacties
              .filter((r) => !r.afspraakId)
              .map((r) => (
                <li key={r.id}>
                  <em>
                    {r.auteur} ({r.organisatie.naam}), {formatDatumTijd(r.geplaatstOp)}:
                  </em>{' '}
                  {r.tekst}
                </li>
              ))}
          </ul>
        ) : (
          <Paragraph>Nog geen reacties op de prestatieafspraak als geheel.</Paragraph>
        )}
        {acties.has('REAGEREN') ? <ReactieGeven pa={pa} /> : null}
      </section>
      {pa.partijen.some((p) => p.id === me.organisatie.id) ? (
        <Geschiedenis prestatieafspraakId={pa.id} />
      ) : null}
      <ButtonGroup className="tm-niet-printen">
        <Button onClick={() => window.print()}>Afdrukken of als PDF bewaren</Button>
      </ButtonGroup>
      <Paragraph>
        <Link to="/afspraken">Terug naar de prestatieafspraken</Link>
      </Paragraph>
    </>
  );
}
