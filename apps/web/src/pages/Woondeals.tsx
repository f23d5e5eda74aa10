import { useQuery } from '@apollo/client/react';
import { WOONDEAL_PERIODE } from '@thuismonitor/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe, type Me } from '../auth/MeContext';
import { FoutMelding, Laden } from '../components/Fout';
import { GebiedKiezer } from '../components/GebiedKiezer';
import {
  Alert,
  Button,
  DataList,
  FormField,
  Heading,
  Paragraph,
  Select,
  StatusBadge,
  Tabel,
} from '../components/nl';
import {
  GemeentenDocument,
  ProvinciesDocument,
  WoningmarktregioKeuzeDocument,
  WoondealDocument,
  type GebiedSoort,
  type WoondealQuery,
} from '../generated/graphql';
import { formatDag, formatGetal, formatPercentage } from '../lib/format';
import { huidigJaar, standaardGebied } from '../lib/gebied';
import { STATUS_BADGE } from '../lib/labels';
import { usePaginaTitel } from '../lib/pagina';

type W = NonNullable<WoondealQuery['voortgang']['woondeal']>;

const OORDEEL_BADGE: Record<string, 'neutral' | 'success' | 'danger'> = {
  OP_OF_BOVEN_DOEL: 'success',
  ONDER_DOEL: 'danger',
  GEEN_DOEL: 'neutral',
  ONBEKEND: 'neutral',
};

/**
 * The areas to choose: the own area, and the woningmarktregio's the API lets this organisation see
 * (every gemeente of the regio in its scope: a provincie the regio's wholly inside it, the Rijk all).
 */
function useOpties(me: Me): { waarde: string; label: string }[] {
  const o = me.organisatie;
  const provincieCode = o.soort === 'PROVINCIE' ? o.provincie?.code : undefined;
  const gemeenten = useQuery(GemeentenDocument, {
    variables: { filter: { provincieCode } },
    skip: !provincieCode && o.soort !== 'RIJK',
  });
  const provincies = useQuery(ProvinciesDocument, { skip: o.soort !== 'RIJK' });
  const regios = useQuery(WoningmarktregioKeuzeDocument, {
    skip: o.soort !== 'RIJK' && o.soort !== 'PROVINCIE',
  });
  const uit: { waarde: string; label: string }[] = [];
  const zichtbareRegios = (regios.data?.woningmarktregios ?? []).filter(
    (r) =>
      r.gemeenten.length > 0 &&
      (o.soort === 'RIJK' || r.gemeenten.every((g) => g.provincie.code === o.provincie?.code)),
  );
  if (o.soort === 'RIJK') uit.push({ waarde: 'LAND:NL', label: 'Nederland' });
  if (o.soort === 'PROVINCIE' && o.provincie)
    uit.push({ waarde: `PROVINCIE:${o.provincie.code}`, label: `Provincie ${o.provincie.naam}` });
  for (const p of provincies.data?.provincies ?? [])
    uit.push({ waarde: `PROVINCIE:${p.code}`, label: `Provincie ${p.naam}` });
  for (const r of zichtbareRegios)
    uit.push({ waarde: `WONINGMARKTREGIO:${r.code}`, label: `Regio ${r.naam}` });
  if (o.soort === 'GEMEENTE' && o.gemeente)
    uit.push({ waarde: `GEMEENTE:${o.gemeente.code}`, label: o.gemeente.naam });
  else if (o.soort === 'RIJK' || o.soort === 'PROVINCIE')
    for (const g of gemeenten.data?.gemeenten ?? [])
      uit.push({ waarde: `GEMEENTE:${g.code}`, label: g.naam });
  else for (const g of o.werkgebied) uit.push({ waarde: `GEMEENTE:${g.code}`, label: g.naam });
  return uit;
}

/** 'WOONDEAL' = 2022 up to and including 2030, else one calendar year. */
function periodeVan(keuze: string) {
  if (keuze === 'WOONDEAL') return { van: WOONDEAL_PERIODE.van, tot: WOONDEAL_PERIODE.tot };
  return { van: `${keuze}-01-01`, tot: `${keuze}-12-31` };
}

const status = (s: string | null | undefined, label: string | null | undefined) =>
  s ? <StatusBadge soort={STATUS_BADGE[s] ?? 'neutral'}>{label ?? s}</StatusBadge> : 'geen taakstelling';

const oordeel = (o: string, label: string) => (
  <StatusBadge soort={OORDEEL_BADGE[o] ?? 'neutral'}>{label}</StatusBadge>
);

/**
 * Regional woondeals (issue 12, item 5): new construction of an area (gemeente, woningmarktregio,
 * provincie, land) against its taakstellingen (total, betaalbaar, sociale huur), the shares over
 * the same projects, the pipeline on the peildatum, and the stock share of sociale huur as a fact
 * judged only against a provincie's target. Targets are set on /taakstellingen.
 */
export function WoondealsPagina() {
  usePaginaTitel('Woondeals');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const standaard = standaardGebied(me);
  const soort = (params.get('soort') as GebiedSoort | null) ?? standaard?.soort;
  const code = params.get('code') ?? standaard?.code;
  const periodeKeuze = params.get('periode') ?? 'WOONDEAL';
  const opties = useOpties(me);
  const [keuze, setKeuze] = useState({
    gebied: soort && code ? `${soort}:${code}` : '',
    periode: periodeKeuze,
  });
  const { data, error, loading } = useQuery(WoondealDocument, {
    variables: { gebied: { soort: soort!, code: code! }, periode: periodeVan(periodeKeuze) },
    skip: !soort || !code,
  });
  const v = data?.voortgang;
  const w = v?.woondeal;
  const jaren = Array.from({ length: huidigJaar() - 2021 }, (_, i) => String(huidigJaar() - i));

  return (
    <>
      <Heading level={1}>Woondeal{v ? `: ${v.gebied.naam}` : ''}</Heading>
      <Paragraph>
        De nieuwbouw tegenover de woondeal: het aantal woningen, het betaalbare deel (sociale huur, middenhuur
        en betaalbare koop) en de sociale huur, per woningmarktregio en gemeente. De taakstellingen stelt u op
        de pagina Taakstellingen.
      </Paragraph>
      <form
        className="tm-filter"
        aria-label="Gebied en periode kiezen"
        onSubmit={(e) => {
          e.preventDefault();
          const [s, c] = keuze.gebied.split(':');
          setParams({ soort: s, code: c, periode: keuze.periode });
        }}
      >
        <GebiedKiezer
          opties={opties}
          waarde={keuze.gebied}
          onKies={(g) => setKeuze({ ...keuze, gebied: g })}
          zoeken={me.organisatie.soort === 'RIJK' || me.organisatie.soort === 'PROVINCIE'}
        />
        <FormField label="Periode">
          {(ids) => (
            <Select
              ids={ids}
              value={keuze.periode}
              onChange={(e) => setKeuze({ ...keuze, periode: e.target.value })}
            >
              <option value="WOONDEAL">Woondeal 2022–2030</option>
              {jaren.map((j) => (
                <option key={j} value={j}>
                  {j}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit">Tonen</Button>
      </form>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {v && w ? <WoondealInhoud w={w} toelichting={v.peildatumToelichting ?? null} /> : null}
    </>
  );
}

function WoondealInhoud({ w, toelichting }: { w: W; toelichting: string | null }) {
  const aandelen = [
    { naam: 'Betaalbaar (sociale huur, middenhuur, betaalbare koop)', a: w.aandeelBetaalbaar },
    { naam: 'Sociale huur', a: w.aandeelSocialeHuur },
  ];
  return (
    <>
      <Alert type="info">
        <Paragraph>{w.grondslagTekst}</Paragraph>
      </Alert>
      <Paragraph>
        Periode {formatDag(w.periode.van)} tot en met {formatDag(w.periode.tot)}; gemeten tot en met de
        peildatum {formatDag(w.peildatum)}. Opgeleverd: woningen van projecten met een opleverdatum in die
        periode.
        {toelichting ? ` ${toelichting}` : ''}
      </Paragraph>

      <section aria-labelledby="kop-nieuwbouw">
        <Heading level={2} id="kop-nieuwbouw">
          Nieuwbouw tegenover de taakstelling
        </Heading>
        <Tabel
          caption="Opgeleverde woningen tegenover de taakstellingen van de woondeal"
          exporteer="Woondeal nieuwbouw"
          rijen={w.onderdelen}
          sleutel={(o) => o.code}
          kolommen={[
            { kop: 'Onderdeel', cel: (o) => o.naam, rijkop: true },
            {
              kop: 'Taakstelling',
              cel: (o) => (o.taakstelling == null ? '–' : formatGetal(o.taakstelling)),
              numeriek: true,
            },
            { kop: 'Opgeleverd', cel: (o) => formatGetal(o.opgeleverd), numeriek: true },
            { kop: 'Percentage', cel: (o) => formatPercentage(o.percentage), numeriek: true },
            { kop: 'Vervalt op', cel: (o) => (o.vervaldatum ? formatDag(o.vervaldatum) : '–') },
            { kop: 'Status', cel: (o) => status(o.status, o.statusLabel) },
          ]}
        />
      </section>

      <section aria-labelledby="kop-aandelen">
        <Heading level={2} id="kop-aandelen">
          Aandelen in de opgeleverde nieuwbouw
        </Heading>
        <Paragraph>
          Deel gedeeld door totaal over dezelfde projecten: {formatGetal(w.projecten)}{' '}
          {w.projecten === 1 ? 'project' : 'projecten'} in {w.dekking.weergave}. Het doel volgt uit de
          taakstellingen van dit gebied; twee derde betaalbaar en 30% sociale huur zijn landelijke
          uitgangspunten voor de nieuwbouw per regio, geen norm per gemeente.
        </Paragraph>
        <Tabel
          caption="Aandeel betaalbaar en sociale huur in de opgeleverde nieuwbouw"
          rijen={aandelen}
          sleutel={(r) => r.naam}
          kolommen={[
            { kop: 'Aandeel', cel: (r) => r.naam, rijkop: true },
            { kop: 'Gerealiseerd', cel: (r) => r.a.weergave, numeriek: true },
            { kop: 'Doel (uit de taakstellingen)', cel: (r) => r.a.doelWeergave, numeriek: true },
            { kop: 'Landelijk uitgangspunt', cel: (r) => r.a.uitgangspuntWeergave, numeriek: true },
            { kop: 'Oordeel', cel: (r) => oordeel(r.a.oordeel, r.a.oordeelLabel) },
          ]}
        />
      </section>

      <section aria-labelledby="kop-pijplijn">
        <Heading level={2} id="kop-pijplijn">
          Pijplijn op de peildatum
        </Heading>
        <Tabel
          caption="Woningen in projecten die nog niet waren opgeleverd, naar fase op de peildatum"
          rijen={w.pijplijn}
          sleutel={(f) => f.fase}
          kolommen={[
            { kop: 'Fase', cel: (f) => f.label, rijkop: true },
            { kop: 'Woningen', cel: (f) => formatGetal(f.woningen), numeriek: true },
            { kop: 'Waarvan betaalbaar', cel: (f) => formatGetal(f.betaalbaar), numeriek: true },
            { kop: 'Waarvan sociale huur', cel: (f) => formatGetal(f.socialeHuur), numeriek: true },
          ]}
        />
      </section>

      <section aria-labelledby="kop-voorraad">
        <Heading level={2} id="kop-voorraad">
          Aandeel sociale huur in de woningvoorraad
        </Heading>
        <Paragraph>{w.voorraad.toelichting}</Paragraph>
        <DataList
          items={[
            { key: 'Aandeel', value: `${w.voorraad.aandeel.weergave} (${w.voorraad.dekking.weergave})` },
            {
              key: 'Doel van de provincie',
              value: w.voorraad.doel == null ? 'geen doel gesteld' : formatPercentage(w.voorraad.doel),
            },
            { key: 'Oordeel', value: oordeel(w.voorraad.oordeel, w.voorraad.oordeelLabel) },
          ]}
        />
      </section>

      {w.regios.length ? (
        <section aria-labelledby="kop-regios">
          <Heading level={2} id="kop-regios">
            Per woningmarktregio
          </Heading>
          <Tabel
            caption="Woondeal per woningmarktregio (eigen taakstelling van de regio)"
            exporteer="Woondeal per woningmarktregio"
            rijen={w.regios}
            sleutel={(r) => r.regio.code}
            kolommen={[
              { kop: 'Regio', cel: (r) => r.regio.naam, rijkop: true },
              {
                kop: 'Taakstelling',
                cel: (r) => (r.taakstelling == null ? '–' : formatGetal(r.taakstelling)),
                numeriek: true,
              },
              { kop: 'Opgeleverd', cel: (r) => formatGetal(r.opgeleverd), numeriek: true },
              { kop: 'Betaalbaar', cel: (r) => formatPercentage(r.aandeelBetaalbaar), numeriek: true },
              { kop: 'Sociale huur', cel: (r) => formatPercentage(r.aandeelSocialeHuur), numeriek: true },
              { kop: 'Dekking', cel: (r) => r.dekking.weergave },
              { kop: 'Status', cel: (r) => status(r.status, r.statusLabel) },
            ]}
          />
        </section>
      ) : null}

      {w.gemeenten.length ? (
        <section aria-labelledby="kop-gemeenten">
          <Heading level={2} id="kop-gemeenten">
            Per gemeente
          </Heading>
          <Tabel
            caption="Woondeal per gemeente"
            exporteer="Woondeal per gemeente"
            rijen={w.gemeenten}
            sleutel={(g) => g.gemeente.code}
            kolommen={[
              { kop: 'Gemeente', cel: (g) => g.gemeente.naam, rijkop: true },
              {
                kop: 'Taakstelling',
                cel: (g) => (g.taakstelling == null ? '–' : formatGetal(g.taakstelling)),
                numeriek: true,
              },
              { kop: 'Opgeleverd', cel: (g) => formatGetal(g.opgeleverd), numeriek: true },
              { kop: 'Betaalbaar', cel: (g) => formatPercentage(g.aandeelBetaalbaar), numeriek: true },
              { kop: 'Sociale huur', cel: (g) => formatPercentage(g.aandeelSocialeHuur), numeriek: true },
              {
                kop: 'Sociale huur in voorraad',
                cel: (g) => formatPercentage(g.voorraadAandeel),
                numeriek: true,
              },
              {
                kop: 'Doel provincie (voorraad)',
                cel: (g) => (g.voorraadDoel == null ? '–' : formatPercentage(g.voorraadDoel)),
                numeriek: true,
              },
              { kop: 'Oordeel voorraad', cel: (g) => g.voorraadOordeel },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
