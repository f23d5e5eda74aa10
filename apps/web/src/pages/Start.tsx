import { useQuery } from '@apollo/client/react';
import {
  formatKwartaal,
  kwartaalEinde,
  kwartaalLabel,
  kwartaalVanDatum,
  vandaagInAmsterdam,
  vorigKwartaal,
} from '@thuismonitor/domain';
import type { ReactNode } from 'react';
import { magIk, useMe, type Me } from '../auth/MeContext';
import { FoutMelding, foutMeldingen } from '../components/Fout';
import { DataList, Heading, Link, Paragraph, StatusBadge } from '../components/nl';
import {
  CyclusKalenderDocument,
  KwartaalcijferIndicatorenDocument,
  KwartaalcijfersDocument,
  KwartaalrapportagesDocument,
  PrestatieafsprakenDocument,
  ToewijzingenDocument,
} from '../generated/graphql';
import { navigatieVoor } from '../layout/navigatie';
import { BeheerAandacht } from '../beheer/BeheerAandacht';
import { EigenAccount } from '../beheer/StandaardGemeente';
import { formatDag, formatDatumTijd, formatGetal, organisatieSoortLabel, ROL_LABELS } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { termijnTekst } from '../lib/termijn';

/**
 * The start page is a work list (issue 14): what waits for this organisation — afspraken to sign
 * or finish, quarterly figures still to report, deadlines of the cycle, reports that are ready,
 * recent imports — each with a link to where the work is done. Sections appear per organisation
 * kind and permission; every figure comes from the API (no counts are made up here).
 */
export function StartPagina() {
  const me = useMe();
  usePaginaTitel('Start');
  const org = me.organisatie;
  const taken = navigatieVoor(org.soort, me.permissies).filter((n) => n.pad !== '/');
  return (
    <>
      <Heading level={1}>Welkom, {me.naam}</Heading>
      <Paragraph lead>U werkt in Thuismonitor namens {org.naam}.</Paragraph>
      <section aria-labelledby="kop-werk">
        <Heading level={2} id="kop-werk">
          Uw werk
        </Heading>
        <div className="tm-werk">
          {magIk(me, 'afspraak:lezen') ? <AfsprakenWerk me={me} /> : null}
          {magIk(me, 'kwartaalcijfer:invoeren') ? <KwartaalcijfersWerk me={me} /> : null}
          {magIk(me, 'afspraak:lezen') && (org.soort === 'GEMEENTE' || org.soort === 'CORPORATIE') ? (
            <CyclusWerk me={me} />
          ) : null}
          {magIk(me, 'rapportage:lezen') ? <RapportagesWerk /> : null}
          {org.soort === 'CORPORATIE' && magIk(me, 'toewijzing:invoeren') ? <ImportWerk /> : null}
          {magIk(me, 'organisatie:beheren') ? <BeheerAandacht /> : null}
        </div>
      </section>
      <section aria-labelledby="kop-taken">
        <Heading level={2} id="kop-taken">
          Wat u hier kunt doen
        </Heading>
        <ul className="utrecht-unordered-list tm-taken">
          {taken.map((t) => (
            <li key={t.pad}>
              <Link to={t.pad}>{t.label}</Link> — {t.uitleg}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="kop-organisatie">
        <Heading level={2} id="kop-organisatie">
          Uw organisatie en account
        </Heading>
        <DataList
          items={[
            { key: 'Organisatie', value: `${org.naam} (${organisatieSoortLabel(org.soort)}, ${org.code})` },
            ...(org.gemeente ? [{ key: 'Gemeente', value: org.gemeente.naam }] : []),
            ...(org.provincie ? [{ key: 'Provincie', value: org.provincie.naam }] : []),
            ...(org.werkgebied.length
              ? [{ key: 'Werkgebied', value: org.werkgebied.map((g) => g.naam).join(', ') }]
              : []),
            { key: 'Naam', value: me.naam },
            { key: 'Gebruikersnaam', value: me.gebruikersnaam },
            ...(me.email ? [{ key: 'E-mail', value: me.email }] : []),
            { key: 'Rollen', value: me.rollen.map((r) => ROL_LABELS[r] ?? r).join(', ') || 'geen' },
          ]}
        />
        <EigenAccount me={me} />
      </section>
    </>
  );
}

/** One card of the work list: a heading, its state while loading, and the items or an all-clear. */
function WerkKaart({
  id,
  titel,
  loading,
  error,
  leeg,
  items,
  meer,
}: {
  id: string;
  titel: string;
  loading: boolean;
  error: unknown;
  leeg: string;
  items: { sleutel: string; inhoud: ReactNode }[];
  meer?: ReactNode;
}) {
  return (
    <section className="tm-kaart tm-werkkaart" aria-labelledby={id} aria-busy={loading || undefined}>
      <Heading level={3} id={id}>
        {titel}
      </Heading>
      <FoutMelding error={error} />
      {loading ? (
        <p className="utrecht-paragraph">Wordt opgehaald…</p>
      ) : error ? null : items.length === 0 ? (
        <p className="utrecht-paragraph tm-werk__leeg">{leeg}</p>
      ) : (
        <ul className="utrecht-unordered-list tm-werk__lijst">
          {items.map((i) => (
            <li key={i.sleutel}>{i.inhoud}</li>
          ))}
        </ul>
      )}
      {meer ? <p className="utrecht-paragraph">{meer}</p> : null}
    </section>
  );
}

function AfsprakenWerk({ me }: { me: Me }) {
  const { data, loading, error } = useQuery(PrestatieafsprakenDocument);
  const lijst = data?.prestatieafspraken ?? [];
  const huurders = me.organisatie.soort === 'HUURDERSORGANISATIE';
  const items: { sleutel: string; inhoud: ReactNode }[] = [];
  for (const p of lijst) {
    const naam = (
      <Link to={`/afspraken/${p.id}`}>
        {p.titel} ({p.gemeente.naam}, {p.jaarVan}–{p.jaarTot})
      </Link>
    );
    const wachtOp = p.partijen
      .filter((o) => p.ontbrekendeOndertekeningen.some((x) => x.id === o.id))
      .map((o) => o.naam);
    if (p.mogelijkeActies.includes('ONDERTEKENEN'))
      items.push({
        sleutel: `teken-${p.id}`,
        inhoud: (
          <>
            <StatusBadge soort="warning">Te ondertekenen</StatusBadge> {naam}
          </>
        ),
      });
    else if (p.status === 'CONCEPT' && p.mogelijkeActies.includes('BEWERKEN'))
      items.push({
        sleutel: `concept-${p.id}`,
        inhoud: (
          <>
            <StatusBadge soort="neutral">Concept</StatusBadge> {naam} — afmaken en ter ondertekening aanbieden
          </>
        ),
      });
    else if (p.status === 'TER_ONDERTEKENING' && wachtOp.length)
      items.push({
        sleutel: `wacht-${p.id}`,
        inhoud: (
          <>
            <StatusBadge soort="active">Wacht op anderen</StatusBadge> {naam} — nog te tekenen door{' '}
            {wachtOp.join(', ')}
          </>
        ),
      });
    else if (huurders && p.mogelijkeActies.includes('REAGEREN') && p.status !== 'VASTGESTELD')
      items.push({
        sleutel: `reageer-${p.id}`,
        inhoud: (
          <>
            <StatusBadge soort="active">Reageren</StatusBadge> {naam}
          </>
        ),
      });
  }
  return (
    <WerkKaart
      id="werk-afspraken"
      titel="Prestatieafspraken"
      loading={loading}
      error={error}
      leeg="Er wacht geen prestatieafspraak op u."
      items={items}
      meer={<Link to="/afspraken">Alle prestatieafspraken</Link>}
    />
  );
}

/** Figures for the quarter that ended last: which indicators and gemeenten still miss a figure. */
function KwartaalcijfersWerk({ me }: { me: Me }) {
  const vandaag = vandaagInAmsterdam(new Date());
  const kwartaal = vorigKwartaal(kwartaalVanDatum(vandaag));
  const code = formatKwartaal(kwartaal);
  const indicatoren = useQuery(KwartaalcijferIndicatorenDocument);
  const cijfers = useQuery(KwartaalcijfersDocument, {
    variables: { filter: { kwartaal: code, organisatieId: me.organisatie.id } },
  });
  const eigen = (indicatoren.data?.kwartaalcijferIndicatoren ?? []).filter((i) => i.magRapporteren);
  const gemeenten =
    me.organisatie.soort === 'GEMEENTE' && me.organisatie.gemeente
      ? [me.organisatie.gemeente]
      : me.organisatie.werkgebied;
  const gemeld = new Set(
    (cijfers.data?.kwartaalcijfers ?? []).map((c) => `${c.indicatorCode}|${c.gemeente.code}`),
  );
  const items = eigen.flatMap((i) => {
    const ontbreekt = gemeenten.filter((g) => !gemeld.has(`${i.code}|${g.code}`));
    if (!ontbreekt.length) return [];
    return [
      {
        sleutel: i.code,
        inhoud: (
          <>
            {i.naam}: nog niet gerapporteerd voor{' '}
            {ontbreekt.length > 3
              ? `${formatGetal(ontbreekt.length)} van ${formatGetal(gemeenten.length)} gemeenten`
              : ontbreekt.map((g) => g.naam).join(', ')}
          </>
        ),
      },
    ];
  });
  const titel = me.organisatie.soort === 'ZORGAANBIEDER' ? 'Zorgvraag' : 'Kwartaalcijfers';
  return (
    <WerkKaart
      id="werk-kwartaalcijfers"
      titel={`${titel} over het ${kwartaalLabel(kwartaal)}`}
      loading={indicatoren.loading || cijfers.loading}
      error={indicatoren.error ?? cijfers.error}
      leeg={
        eigen.length
          ? `Alle cijfers over het ${kwartaalLabel(kwartaal)} (tot en met ${formatDag(kwartaalEinde(kwartaal))}) zijn gerapporteerd.`
          : 'Uw organisatie rapporteert geen kwartaalcijfers.'
      }
      items={items}
      meer={<Link to="/kwartaalcijfers">Cijfers rapporteren</Link>}
    />
  );
}

const STAP_BADGE: Record<string, 'success' | 'warning' | 'danger'> = {
  GEDAAN: 'success',
  OPEN: 'warning',
  TE_LAAT: 'danger',
};

/** The cycle's open steps for the own gemeente (gemeente) or the werkgebied (corporatie, at most 5). */
function CyclusWerk({ me }: { me: Me }) {
  const gemeenten = (
    me.organisatie.soort === 'GEMEENTE' && me.organisatie.gemeente
      ? [me.organisatie.gemeente]
      : me.organisatie.werkgebied
  ).slice(0, 5);
  const jaar = Number(vandaagInAmsterdam(new Date()).slice(0, 4));
  return (
    <section className="tm-kaart tm-werkkaart" aria-labelledby="werk-cyclus">
      <Heading level={3} id="werk-cyclus">
        Cyclus {jaar}
      </Heading>
      {gemeenten.length === 0 ? (
        <p className="utrecht-paragraph">Geen gemeente in uw werkgebied.</p>
      ) : (
        <ul className="utrecht-unordered-list tm-werk__lijst">
          {gemeenten.map((g) => (
            <CyclusGemeente key={g.code} gemeenteCode={g.code} naam={g.naam} jaar={jaar} />
          ))}
        </ul>
      )}
      <p className="utrecht-paragraph">
        <Link to="/cyclus">Naar de cyclus</Link>
      </p>
    </section>
  );
}

function CyclusGemeente({ gemeenteCode, naam, jaar }: { gemeenteCode: string; naam: string; jaar: number }) {
  const { data, loading, error } = useQuery(CyclusKalenderDocument, { variables: { gemeenteCode, jaar } });
  if (loading) return <li aria-busy="true">{naam}: wordt opgehaald…</li>;
  // e.g. a corporatie that is not yet party to an afspraak there: the API says why, in Dutch
  if (error || !data)
    return (
      <li>
        {naam}: {foutMeldingen(error)[0] ?? 'de cyclus kon niet worden opgehaald.'}
      </li>
    );
  const k = data.cyclusKalender;
  return (
    <li>
      <strong>{naam}</strong>
      <ul className="tm-werk__stappen">
        {k.stappen.map((s) => (
          <li key={s.code}>
            <StatusBadge soort={STAP_BADGE[s.status] ?? 'neutral'}>{s.statusLabel}</StatusBadge> {s.label}{' '}
            (uiterlijk <span className="tm-nowrap">{formatDag(s.deadline)}</span>): {termijnTekst(s)}
          </li>
        ))}
      </ul>
    </li>
  );
}

function RapportagesWerk() {
  const { data, loading, error } = useQuery(KwartaalrapportagesDocument, {
    variables: { filter: { alleenNieuwste: true } },
  });
  const nieuwste = [...(data?.kwartaalrapportages ?? [])]
    .sort((a, b) => b.gemaaktOp.localeCompare(a.gemaaktOp))
    .slice(0, 5);
  return (
    <WerkKaart
      id="werk-rapportages"
      titel="Rapportages klaar"
      loading={loading}
      error={error}
      leeg="Er is nog geen kwartaalrapportage voor u gemaakt."
      items={nieuwste.map((r) => ({
        sleutel: r.id,
        inhoud: (
          <>
            {r.gebiedNaam}, {r.kwartaal}
            {r.actielijn ? `, ${r.actielijn}` : ''} — gemaakt op{' '}
            <span className="tm-nowrap">{formatDatumTijd(r.gemaaktOp)}</span>
          </>
        ),
      }))}
      meer={<Link to="/rapportages">Alle rapportages en downloads</Link>}
    />
  );
}

/** Imports among the newest toewijzingen (the API keeps the import id on each row). */
function ImportWerk() {
  const AANTAL = 500;
  const { data, loading, error } = useQuery(ToewijzingenDocument, { variables: { first: AANTAL } });
  const perImport = new Map<string, { aantal: number; laatste: string; gemeenten: Set<string> }>();
  for (const t of data?.toewijzingen.nodes ?? []) {
    if (!t.importId) continue;
    const i = perImport.get(t.importId) ?? { aantal: 0, laatste: t.aangemaaktOp, gemeenten: new Set() };
    i.aantal++;
    if (t.aangemaaktOp > i.laatste) i.laatste = t.aangemaaktOp;
    i.gemeenten.add(t.gemeente.naam);
    perImport.set(t.importId, i);
  }
  const imports = [...perImport.entries()]
    .sort((a, b) => b[1].laatste.localeCompare(a[1].laatste))
    .slice(0, 3);
  return (
    <WerkKaart
      id="werk-imports"
      titel="Imports"
      loading={loading}
      error={error}
      leeg={`Onder de nieuwste ${formatGetal(AANTAL)} toewijzingen is geen import.`}
      items={imports.map(([id, i]) => ({
        sleutel: id,
        inhoud: (
          <>
            Import van <span className="tm-nowrap">{formatDatumTijd(i.laatste)}</span>:{' '}
            {formatGetal(i.aantal)} toewijzingen in {[...i.gemeenten].join(', ')}
          </>
        ),
      }))}
      meer={
        <>
          <Link to="/toewijzingen/importeren">Een bestand controleren en importeren</Link> (een afgekeurd
          bestand wordt niet bewaard: u ziet de fouten direct bij het controleren)
        </>
      }
    />
  );
}
