import { useQuery } from '@apollo/client/react';
import { FoutMelding, Laden } from '../components/Fout';
import { Heading, Link, Paragraph } from '../components/nl';
import { BeheerAandachtDocument } from '../generated/graphql';
import { formatDatumTijd, formatGetal, organisatieSoortLabel } from '../lib/format';

type Org = { id: string; code: string; naam: string; soort: Parameters<typeof organisatieSoortLabel>[0] };

function Lijst({ kop, uitleg, orgs }: { kop: string; uitleg: string; orgs: readonly Org[] }) {
  if (!orgs.length) return null;
  return (
    <div>
      <Heading level={4}>
        {kop} ({orgs.length})
      </Heading>
      <Paragraph small>{uitleg}</Paragraph>
      <ul className="utrecht-unordered-list">
        {orgs.slice(0, 10).map((o) => (
          <li key={o.id}>
            <Link to={`/beheer/${o.id}`}>{o.naam}</Link> ({organisatieSoortLabel(o.soort)}, {o.code})
          </li>
        ))}
      </ul>
      {orgs.length > 10 ? <Paragraph small>En nog {orgs.length - 10} meer.</Paragraph> : null}
    </div>
  );
}

/**
 * The platform operator's "what needs attention" (issue 13): failed toewijzingen imports, and
 * organisations that cannot work yet because their werkgebied, corporatie link or users are missing. Rendered on the start page for
 * the operator (organisatie:beheren) and on the beheer page.
 */
export function BeheerAandacht() {
  const { data, error, loading } = useQuery(BeheerAandachtDocument);
  const a = data?.beheerAandacht;
  const niets =
    a &&
    !a.mislukteImports.length &&
    !a.zonderWerkgebied.length &&
    !a.huurdersZonderCorporatie.length &&
    !a.zonderGebruikers.length;
  return (
    <section aria-labelledby="kop-beheer-aandacht" className="tm-kaart tm-werkkaart">
      <Heading level={3} id="kop-beheer-aandacht">
        Organisaties die aandacht vragen
      </Heading>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {niets ? (
        <Paragraph>
          Geen mislukte imports; alle organisaties hebben een werkgebied, een corporatie en gebruikers.
        </Paragraph>
      ) : null}
      {a?.mislukteImports.length ? (
        <div>
          <Heading level={4}>Mislukte imports ({a.mislukteImports.length})</Heading>
          <Paragraph small>
            Toewijzingenimports van de laatste 30 dagen waarbij niets is opgeslagen, zonder geslaagde import
            daarna. Neem contact op met de organisatie.
          </Paragraph>
          <ul className="utrecht-unordered-list">
            {a.mislukteImports.map((i) => (
              <li key={i.organisatie.id}>
                <Link to={`/beheer/${i.organisatie.id}`}>{i.organisatie.naam}</Link> ({i.organisatie.code}),{' '}
                {formatDatumTijd(i.tijdstip)}:{' '}
                {i.reden ??
                  `${formatGetal(i.aantalFouten ?? 0)} foute ${i.aantalFouten === 1 ? 'rij' : 'rijen'} van ${formatGetal(i.rijen ?? 0)}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {a ? (
        <>
          <Lijst
            kop="Zonder werkgebied"
            uitleg="Deze organisaties kunnen niets invoeren tot hun werkgebied is vastgelegd."
            orgs={a.zonderWerkgebied}
          />
          <Lijst
            kop="Huurdersorganisaties zonder corporatie"
            uitleg="Verbind ze met de corporatie(s) waarvan zij de huurders vertegenwoordigen."
            orgs={a.huurdersZonderCorporatie}
          />
          <Lijst
            kop="Zonder geregistreerde gebruikers"
            uitleg="Voor deze organisaties is in Thuismonitor nog niemand geregistreerd."
            orgs={a.zonderGebruikers}
          />
        </>
      ) : null}
      <Paragraph>
        <Link to="/beheer">Naar organisatiebeheer</Link>
      </Paragraph>
    </section>
  );
}
